//! Label Studio JSON: a list of tasks, as Label Studio imports (tasks with
//! pre-annotations) and exports ("JSON" export).
//!
//! ```json
//! [{"id": 1, "data": {"text": "…", "name": "a.txt"},
//!   "annotations": [{"result": [
//!     {"id": "a1", "from_name": "label", "to_name": "text", "type": "labels",
//!      "value": {"start": 5, "end": 40, "text": "…", "labels": ["Quote"]}},
//!     {"id": "speaker-1", "from_name": "label", "to_name": "text", "type": "labels",
//!      "value": {"start": 60, "end": 73, "text": "…", "labels": ["Speaker"]}},
//!     {"type": "relation", "from_id": "a1", "to_id": "speaker-1", "direction": "right",
//!      "labels": ["said_by"]}]}],
//!   "predictions": [{"model_version": "hearsay", "result": […]}]}]
//! ```
//!
//! Accepted annotations (decided by a person: accepted, made or
//! adjudicated) go in `annotations`; suggestions awaiting review go in
//! `predictions`, which Label Studio shows as pre-annotations; rejected
//! ones are left out (Label Studio has no rejected region). A task gets an
//! annotation only if a person decided something in its document, and
//! `meta.review` (`unreviewed`, `partial`, `reviewed`) says how far that
//! document's review came: Label Studio counts a task with an annotation
//! as labelled even while suggestions still wait in it. Reading gives
//! back these statuses: the first annotation that was not cancelled is
//! accepted, the first prediction's regions (but those the annotation
//! already has) are suggested. A speaker's name and a quote's kind ride
//! along as per-region `textarea` (`from_name` `speaker`) and `choices`
//! (`from_name` `kind`) results with the region's id. [`CONFIG`] is a
//! labelling configuration with these names.
//!
//! **Offsets are code points**: `value.start`/`value.end` index the Python
//! string of `data.text`. Label Studio once stored JavaScript (UTF-16)
//! offsets, which broke after emoji (HumanSignal/label-studio issue #1347);
//! its front end was fixed to store code points (label-studio pull request
//! #1559, label-studio-frontend #308). The importer checks `value.text`
//! against the offsets, so data written with UTF-16 offsets is refused
//! rather than misread.

use crate::format::truncate;
use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value, json};

use super::{
    DraftLink, DraftSpan, ImportError, Record, SpanKind, Speakers, build_document, describe,
    offset_field, parse_label, record_name, same, title, unknown_label,
};
use crate::format::{Annotation, Document, Export, Status};
use crate::{CharIndex, QuoteKind};

/// A Label Studio labelling configuration matching [`export`]'s output.
pub const CONFIG: &str = r#"<View>
  <Relations>
    <Relation value="said_by"/>
  </Relations>
  <Labels name="label" toName="text">
    <Label value="Quote"/>
    <Label value="Claim"/>
    <Label value="Denial"/>
    <Label value="Speaker"/>
  </Labels>
  <Text name="text" value="$text"/>
  <View visibleWhen="region-selected">
    <TextArea name="speaker" toName="text" perRegion="true" maxSubmissions="1" placeholder="Speaker"/>
    <Choices name="kind" toName="text" perRegion="true">
      <Choice value="direct"/>
      <Choice value="reported"/>
    </Choices>
  </View>
</View>
"#;

/// Writes the export as a JSON list of Label Studio tasks.
pub fn export(export: &Export) -> String {
    let tasks: Vec<Value> = export
        .documents
        .iter()
        .enumerate()
        .map(|(i, doc)| {
            let confirmed = results(doc, |a| a.status == Status::Accepted);
            let suggested = results(doc, |a| a.status == Status::Suggested);
            let mut task = json!({
                "id": i + 1,
                "data": {"text": doc.text, "name": doc.name, "document_id": doc.id},
                "annotations": [],
                "predictions": [],
                "meta": {"review": doc.review().as_str()},
            });
            if !confirmed.is_empty() {
                task["annotations"] = json!([{"result": confirmed, "ground_truth": false}]);
            }
            if !suggested.is_empty() {
                task["predictions"] = json!([{"model_version": "hearsay", "result": suggested}]);
            }
            task
        })
        .collect();
    serde_json::to_string_pretty(&Value::Array(tasks)).unwrap_or_default()
}

/// The results of the annotations of `doc` that `keep` selects.
fn results(doc: &Document, keep: impl Fn(&Annotation) -> bool + Copy) -> Vec<Value> {
    let index = CharIndex::new(&doc.text);
    let speakers = Speakers::of(doc, keep);
    let region = |id: &str, start: usize, end: usize, label: &str| {
        json!({
            "id": id, "from_name": "label", "to_name": "text", "type": "labels",
            "origin": "manual",
            "value": {"start": start, "end": end, "text": index.slice(start, end), "labels": [label]},
        })
    };
    let mut out = Vec::new();
    let mut extras = Vec::new();
    for (k, a) in doc.annotations.iter().enumerate() {
        if !keep(a) {
            continue;
        }
        let mut r = region(&a.id, a.start, a.end, title(a.label));
        if a.status == Status::Suggested {
            r["score"] = json!(a.confidence);
            r["origin"] = json!("prediction");
        }
        out.push(r);
        if let Some(s) = speakers.of[k] {
            extras.push(json!({
                "type": "relation", "from_id": a.id, "to_id": speaker_id(s),
                "direction": "right", "labels": ["said_by"],
            }));
        }
        if let Some(name) = &a.speaker {
            extras.push(json!({
                "id": a.id, "from_name": "speaker", "to_name": "text", "type": "textarea",
                "value": {"start": a.start, "end": a.end, "text": [name]},
            }));
        }
        if let Some(kind) = a.kind {
            extras.push(json!({
                "id": a.id, "from_name": "kind", "to_name": "text", "type": "choices",
                "value": {"start": a.start, "end": a.end, "choices": [kind.as_str()]},
            }));
        }
    }
    for (s, span) in speakers.spans.iter().enumerate() {
        out.push(region(&speaker_id(s), span.start, span.end, "Speaker"));
    }
    out.extend(extras);
    out
}

/// The region id of the `n`th speaker span (from 0): unlike any id the
/// annotator gives annotations.
fn speaker_id(n: usize) -> String {
    format!("speaker-{}", n + 1)
}

/// Reads Label Studio JSON (a list of tasks, or one task) from `file`.
pub fn import(file: &str, json: &str) -> Result<Vec<Document>, ImportError> {
    let value: Value =
        serde_json::from_str(json).map_err(|e| ImportError::new(file, format!("not JSON: {e}")))?;
    let tasks = match value {
        Value::Array(tasks) => tasks,
        Value::Object(_) => vec![value],
        other => {
            return Err(ImportError::new(
                file,
                format!("not Label Studio tasks: the JSON is {}", describe(&other)),
            ));
        }
    };
    let mut docs = Vec::new();
    for (i, task) in tasks.iter().enumerate() {
        let number = i + 1;
        let record = match task.get("id").and_then(super::id_string) {
            Some(id) => format!("{file} task {number} (id {})", truncate(&id, 20)),
            None => format!("{file} task {number}"),
        };
        let Value::Object(task) = task else {
            return Err(ImportError::new(&record, "not an object"));
        };
        let record = Record {
            label: record,
            fallback_name: record_name(file, number),
        };
        docs.push(import_task(&record, task)?);
    }
    if docs.is_empty() {
        return Err(ImportError::new(file, "no tasks"));
    }
    Ok(docs)
}

fn import_task(at: &Record, task: &Map<String, Value>) -> Result<Document, ImportError> {
    let record = at.label.as_str();
    let Some(Value::Object(data)) = task.get("data") else {
        return Err(ImportError::new(
            record,
            "not a Label Studio task: no \"data\" object",
        ));
    };
    let Some(Value::String(text)) = data.get("text") else {
        return Err(ImportError::new(
            record,
            "\"data\" has no \"text\" string (the text must be in data.text)",
        ));
    };
    let name = at.name_in(data);
    let mut draft = TaskDraft::default();
    // The first annotation that was not cancelled, then the first prediction.
    let annotation = list(task, "annotations", record)?
        .iter()
        .find(|a| a.get("was_cancelled").and_then(Value::as_bool) != Some(true));
    let prediction = list(task, "predictions", record)?.first();
    for (source, status, prefix) in [
        (annotation, Status::Accepted, ""),
        (prediction, Status::Suggested, "p:"),
    ] {
        let Some(source) = source else { continue };
        let what = if prefix.is_empty() {
            "annotation"
        } else {
            "prediction"
        };
        let results = match source.get("result") {
            Some(Value::Array(r)) => r,
            None | Some(Value::Null) => continue,
            Some(_) => {
                return Err(ImportError::new(
                    record,
                    format!("the {what}'s \"result\" is not an array"),
                ));
            }
        };
        let from = Source {
            status,
            prefix,
            annotated: draft
                .spans
                .iter()
                .map(|s| (s.start, s.end, s.kind))
                .collect(),
        };
        for (k, r) in results.iter().enumerate() {
            let rec = format!("{record}, {what} result {}", k + 1);
            let Value::Object(r) = r else {
                return Err(ImportError::new(&rec, "not an object"));
            };
            draft.result(&from, &format!("{record}, {what}"), rec, r)?;
        }
    }
    draft.finish(&name, text)
}

/// Where results come from: the annotation (accepted) or the prediction
/// (suggested, ids prefixed with `p:`).
struct Source {
    status: Status,
    prefix: &'static str,
    /// The annotation's spans, which a prediction does not repeat.
    annotated: HashSet<(usize, usize, SpanKind)>,
}

/// What a task's results have said so far.
#[derive(Default)]
struct TaskDraft {
    spans: Vec<DraftSpan>,
    links: Vec<DraftLink>,
    /// `(region id, name)` of each speaker text area.
    speaker_names: Vec<(String, String)>,
    /// `(region id, kind)` of each kind choice.
    kinds: Vec<(String, QuoteKind)>,
}

impl TaskDraft {
    /// One result `r` (record `rec`) of the annotation or prediction named
    /// `whose` (for messages).
    fn result(
        &mut self,
        from: &Source,
        whose: &str,
        rec: String,
        r: &Map<String, Value>,
    ) -> Result<(), ImportError> {
        let prefix = from.prefix;
        let kind = r.get("type").and_then(Value::as_str).unwrap_or("");
        let id = r.get("id").and_then(super::id_string);
        let from_name = r.get("from_name").and_then(Value::as_str);
        match kind {
            "labels" => {
                let id = id.ok_or_else(|| ImportError::new(&rec, "missing \"id\""))?;
                let rec = format!("{whose} region {}", truncate(&id, 20));
                self.region(from, rec, &id, r)?;
            }
            "relation" => {
                let labels: Vec<&str> = match r.get("labels") {
                    Some(Value::Array(l)) => l.iter().filter_map(Value::as_str).collect(),
                    _ => Vec::new(),
                };
                if let Some(other) = labels.iter().find(|l| !super::is_said_by(l)) {
                    return Err(ImportError::new(
                        &rec,
                        format!(
                            "unknown relation label {:?} (expected said_by)",
                            truncate(other, 40)
                        ),
                    ));
                }
                let from_id = r.get("from_id").and_then(super::id_string);
                let to_id = r.get("to_id").and_then(super::id_string);
                let (Some(from_id), Some(to_id)) = (from_id, to_id) else {
                    return Err(ImportError::new(&rec, "needs \"from_id\" and \"to_id\""));
                };
                self.links.push(DraftLink {
                    record: rec,
                    from: format!("{prefix}{from_id}"),
                    to: format!("{prefix}{to_id}"),
                });
            }
            "textarea" if from_name == Some("speaker") => {
                let name = r
                    .get("value")
                    .and_then(|v| v.get("text"))
                    .and_then(|t| match t {
                        Value::Array(items) => items.first().and_then(Value::as_str),
                        Value::String(s) => Some(s.as_str()),
                        _ => None,
                    });
                if let (Some(id), Some(name)) = (id, name) {
                    self.speaker_names
                        .push((format!("{prefix}{id}"), name.to_string()));
                }
            }
            "choices" if from_name == Some("kind") => {
                let choice = r
                    .get("value")
                    .and_then(|v| v.get("choices"))
                    .and_then(|c| c.get(0))
                    .and_then(Value::as_str);
                let kind = match choice {
                    Some("direct") => Some(QuoteKind::Direct),
                    Some("reported") => Some(QuoteKind::Reported),
                    _ => None,
                };
                if let (Some(id), Some(kind)) = (id, kind) {
                    self.kinds.push((format!("{prefix}{id}"), kind));
                }
            }
            // Other result types (ratings, other tags) are not hearsay's.
            _ => {}
        }
        Ok(())
    }

    /// A `labels` result: one span per label of region `id`.
    fn region(
        &mut self,
        from: &Source,
        rec: String,
        id: &str,
        r: &Map<String, Value>,
    ) -> Result<(), ImportError> {
        let Some(Value::Object(value)) = r.get("value") else {
            return Err(ImportError::new(&rec, "missing \"value\""));
        };
        let start = offset_field(value, "start", &rec)?;
        let end = offset_field(value, "end", &rec)?;
        let labels = match value.get("labels") {
            Some(Value::Array(l)) if !l.is_empty() => l,
            _ => {
                return Err(ImportError::new(
                    &rec,
                    "\"value.labels\" is missing or empty",
                ));
            }
        };
        for (n, label) in labels.iter().enumerate() {
            let label = label.as_str().unwrap_or("");
            let kind =
                parse_label(label).ok_or_else(|| ImportError::new(&rec, unknown_label(label)))?;
            let key = if n == 0 {
                format!("{}{id}", from.prefix)
            } else {
                format!("{}{id}#{n}", from.prefix)
            };
            let mut span = DraftSpan::new(rec.clone(), key, kind, start, end);
            span.status = from.status;
            span.text = value
                .get("text")
                .and_then(Value::as_str)
                .map(str::to_string);
            // In a prediction, skip what the annotation already has.
            let duplicate =
                from.status == Status::Suggested && from.annotated.contains(&(start, end, kind));
            if !duplicate {
                self.spans.push(span);
            }
        }
        Ok(())
    }

    /// Gives spans their speakers and kinds, drops dangling prediction
    /// links, and builds the document.
    fn finish(mut self, name: &str, text: &str) -> Result<Document, ImportError> {
        let speaker_names: HashMap<String, String> = self.speaker_names.into_iter().collect();
        let kinds: HashMap<String, QuoteKind> = self.kinds.into_iter().collect();
        for span in &mut self.spans {
            if let Some(name) = speaker_names.get(&span.key) {
                span.speaker_name = Some(name.clone());
            }
            if let Some(kind) = kinds.get(&span.key) {
                span.quote_kind = Some(*kind);
            }
        }
        // A prediction's link whose ends were dropped as duplicates of the
        // annotation's regions.
        let keys: HashSet<&str> = self.spans.iter().map(|s| s.key.as_str()).collect();
        self.links.retain(|l| {
            !l.from.starts_with("p:")
                || keys.contains(l.from.as_str()) && keys.contains(l.to.as_str())
        });
        build_document(name, text, self.spans, self.links, same).map_err(|mut e| {
            if e.message.starts_with("text ") {
                e.message
                    .push_str(" (Label Studio offsets must count code points)");
            }
            e
        })
    }
}

/// The array field `field` of a task (missing or null: empty).
fn list<'a>(
    task: &'a Map<String, Value>,
    field: &str,
    record: &str,
) -> Result<&'a [Value], ImportError> {
    match task.get(field) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(other) => Err(ImportError::new(
            record,
            format!("{field:?} is {}, not an array", describe(other)),
        )),
    }
}

#[cfg(test)]
mod review_tests {
    //! Suggestions go in `predictions`, decisions in `annotations`.

    use serde_json::Value;

    use crate::interop::fixture::{self, suggested_spans};
    use crate::interop::{Output, Target, export, export_pre_annotations};

    fn tasks() -> Vec<Value> {
        let Output::Text(text) = export(&fixture::export(), Target::LabelStudio) else {
            panic!("Label Studio is one text file")
        };
        serde_json::from_str::<Value>(&text)
            .unwrap()
            .as_array()
            .unwrap()
            .clone()
    }

    /// `(start, end)` of the labelled regions but speakers in `results`.
    fn regions(results: &Value) -> Vec<(usize, usize)> {
        results
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["type"] == "labels" && r["value"]["labels"][0] != "Speaker")
            .map(|r| {
                (
                    r["value"]["start"].as_u64().unwrap() as usize,
                    r["value"]["end"].as_u64().unwrap() as usize,
                )
            })
            .collect()
    }

    #[test]
    fn suggestion_is_a_prediction_not_an_annotation() {
        let tasks = tasks();
        let partial = &tasks[1];
        let annotated = regions(&partial["annotations"][0]["result"]);
        let predicted = regions(&partial["predictions"][0]["result"]);
        for s in suggested_spans("partial.txt") {
            assert!(!annotated.contains(&s), "{s:?} is a suggestion");
            assert!(predicted.contains(&s), "{s:?} missing from the predictions");
        }
    }

    #[test]
    fn unreviewed_task_has_no_annotation() {
        let tasks = tasks();
        assert_eq!(tasks[2]["annotations"], serde_json::json!([]));
        assert_eq!(regions(&tasks[2]["predictions"][0]["result"]).len(), 2);
    }

    #[test]
    fn task_meta_says_how_far_review_came() {
        let reviews: Vec<Value> = tasks()
            .iter()
            .map(|t| t["meta"]["review"].clone())
            .collect();
        assert_eq!(reviews, ["reviewed", "partial", "unreviewed"]);
    }

    #[test]
    fn has_no_separate_pre_annotations() {
        assert!(!Target::LabelStudio.has_pre_annotations());
        assert!(export_pre_annotations(&fixture::export(), Target::LabelStudio).is_none());
    }

    #[test]
    fn prediction_reads_back_as_a_suggestion() {
        let Output::Text(text) = export(&fixture::export(), Target::LabelStudio) else {
            panic!("one text file")
        };
        let back = super::import("tasks.json", &text).unwrap();
        let waiting: Vec<&str> = back[1]
            .annotations
            .iter()
            .filter(|a| !a.is_confirmed())
            .map(|a| a.text.as_str())
            .collect();
        assert_eq!(waiting, fixture::SUGGESTED[..2]);
    }
}
