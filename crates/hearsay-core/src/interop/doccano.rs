//! doccano JSONL: one JSON object per line, one line per document.
//!
//! Two variants, both as doccano imports and exports them:
//!
//! * sequence labelling: `{"text": "…", "label": [[start, end, "QUOTE"], …]}`
//!   (`labels` is read as a synonym);
//! * relation extraction: `{"text": "…", "entities": [{"id": 1, "label":
//!   "QUOTE", "start_offset": 5, "end_offset": 40}, …], "relations": [{"id":
//!   1, "from_id": 1, "to_id": 2, "type": "SAID_BY"}]}`, where speaker spans
//!   are `SPEAKER` entities and each annotation with a speaker span has a
//!   `SAID_BY` relation from it to that entity.
//!
//! Labels are `QUOTE`, `CLAIM`, `DENIAL` (and `SPEAKER`); any case is read.
//! Each line also has `"name"`, the document name (doccano keeps extra
//! fields as metadata).
//!
//! **Offsets are code points**, half-open: doccano's backend is Python and
//! stores offsets as indices into the Python string (code points); its
//! front end was changed from JavaScript UTF-16 lengths to those
//! (doccano/doccano pull request #99).
//!
//! doccano has no review status, so the export says only what people
//! decided: accepted, made or adjudicated spans, in the documents someone
//! reviewed; a document nobody reviewed is left out, and each line's
//! `"review"` (`"reviewed"` or `"partial"`, kept by doccano as metadata)
//! says whether suggestions are still waiting in it. The pre-annotation
//! export ([`super::export_pre_annotations`]) writes every span not
//! rejected, in every document, for review in doccano. Imported spans
//! become accepted annotator annotations. Speaker names without a span in
//! the text are lost.

use serde_json::{Map, Value, json};

use super::{
    Content, DraftLink, DraftSpan, ImportError, Record, SAID_BY, SPEAKER, SpanKind, Speakers,
    build_document, documents_of, id_string, offset_field, parse_label, record_name, same,
    unknown_label, upper, writes,
};
use crate::format::{Annotation, Document, Export};

/// Which doccano project type the JSONL is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// Sequence labelling: `label: [[start, end, "QUOTE"]]`.
    Labels,
    /// Relation extraction: `entities` and `relations`.
    Relations,
}

/// Writes the export as doccano JSONL of `variant`, holding `content`.
pub(crate) fn export(export: &Export, variant: Variant, content: Content) -> String {
    let mut out = String::new();
    for doc in documents_of(export, content) {
        let keep = |a: &Annotation| writes(content, a);
        let review = doc.review().as_str();
        let line = match variant {
            Variant::Relations => {
                let speakers = Speakers::of(doc, keep);
                let mut entities = Vec::new();
                let mut rels = Vec::new();
                let mut id = 0usize;
                let mut annotation_ids = Vec::new();
                for a in doc.annotations.iter() {
                    if !keep(a) {
                        annotation_ids.push(0);
                        continue;
                    }
                    id += 1;
                    annotation_ids.push(id);
                    entities.push(json!({
                        "id": id, "label": upper(a.label),
                        "start_offset": a.start, "end_offset": a.end,
                    }));
                }
                let first_speaker = id + 1;
                for s in &speakers.spans {
                    id += 1;
                    entities.push(json!({
                        "id": id, "label": SPEAKER,
                        "start_offset": s.start, "end_offset": s.end,
                    }));
                }
                for (k, of) in speakers.of.iter().enumerate() {
                    if let Some(s) = of {
                        rels.push(json!({
                            "id": rels.len() + 1,
                            "from_id": annotation_ids[k],
                            "to_id": first_speaker + s,
                            "type": SAID_BY,
                        }));
                    }
                }
                json!({"text": doc.text, "entities": entities, "relations": rels,
                       "name": doc.name, "review": review})
            }
            Variant::Labels => {
                let labels: Vec<Value> = doc
                    .annotations
                    .iter()
                    .filter(|a| keep(a))
                    .map(|a| json!([a.start, a.end, upper(a.label)]))
                    .collect();
                json!({"text": doc.text, "label": labels, "name": doc.name, "review": review})
            }
        };
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

/// Reads doccano JSONL (either variant) from the file `file`.
pub fn import(file: &str, jsonl: &str) -> Result<Vec<Document>, ImportError> {
    let mut docs = Vec::new();
    for (i, line) in jsonl.lines().enumerate() {
        let number = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let record = format!("{file} line {number}");
        let value: Value = serde_json::from_str(line)
            .map_err(|e| ImportError::new(&record, format!("not JSON: {e}")))?;
        let Value::Object(obj) = value else {
            return Err(ImportError::new(
                &record,
                "not a doccano record (expected a JSON object with \"text\")",
            ));
        };
        let record = Record {
            label: record,
            fallback_name: record_name(file, number),
        };
        docs.push(import_line(&record, &obj)?);
    }
    if docs.is_empty() {
        return Err(ImportError::new(
            file,
            "no doccano records (the file is empty)",
        ));
    }
    Ok(docs)
}

fn import_line(at: &Record, obj: &Map<String, Value>) -> Result<Document, ImportError> {
    let record = at.label.as_str();
    let text = match obj.get("text") {
        Some(Value::String(t)) => t,
        Some(_) => return Err(ImportError::new(record, "\"text\" is not a string")),
        None => {
            return Err(ImportError::new(
                record,
                "not a doccano record: no \"text\" field",
            ));
        }
    };
    let name = at.name_in(obj);
    let mut spans = Vec::new();
    let mut links = Vec::new();
    if let Some(entities) = obj.get("entities") {
        let Value::Array(entities) = entities else {
            return Err(ImportError::new(record, "\"entities\" is not an array"));
        };
        for (k, e) in entities.iter().enumerate() {
            let rec = format!("{record}, entity {}", k + 1);
            let Value::Object(e) = e else {
                return Err(ImportError::new(&rec, "not an object"));
            };
            let key = e
                .get("id")
                .and_then(id_string)
                .ok_or_else(|| ImportError::new(&rec, "missing \"id\""))?;
            let rec = format!("{record}, entity {key}");
            let label = e
                .get("label")
                .and_then(Value::as_str)
                .ok_or_else(|| ImportError::new(&rec, "missing \"label\""))?;
            let kind =
                parse_label(label).ok_or_else(|| ImportError::new(&rec, unknown_label(label)))?;
            let start = offset_field(e, "start_offset", &rec)?;
            let end = offset_field(e, "end_offset", &rec)?;
            spans.push(DraftSpan::new(rec, key, kind, start, end));
        }
        match obj.get("relations") {
            None | Some(Value::Null) => {}
            Some(Value::Array(relations)) => {
                for (k, r) in relations.iter().enumerate() {
                    let rec = format!("{record}, relation {}", k + 1);
                    let Value::Object(r) = r else {
                        return Err(ImportError::new(&rec, "not an object"));
                    };
                    let kind = r.get("type").and_then(Value::as_str).unwrap_or("");
                    if !super::is_said_by(kind) {
                        return Err(ImportError::new(
                            &rec,
                            format!(
                                "unknown relation type {:?} (expected SAID_BY)",
                                crate::format::truncate(kind, 40)
                            ),
                        ));
                    }
                    let from = r.get("from_id").and_then(id_string);
                    let to = r.get("to_id").and_then(id_string);
                    let (Some(from), Some(to)) = (from, to) else {
                        return Err(ImportError::new(&rec, "needs \"from_id\" and \"to_id\""));
                    };
                    links.push(DraftLink {
                        record: rec,
                        from,
                        to,
                    });
                }
            }
            Some(_) => return Err(ImportError::new(record, "\"relations\" is not an array")),
        }
    } else {
        let labels = obj.get("label").or_else(|| obj.get("labels"));
        match labels {
            None | Some(Value::Null) => {}
            Some(Value::Array(labels)) => {
                for (k, l) in labels.iter().enumerate() {
                    let rec = format!("{record}, label {}", k + 1);
                    let Some([start, end, label]) = l.as_array().map(Vec::as_slice) else {
                        return Err(ImportError::new(
                            &rec,
                            "expected [start, end, \"LABEL\"] (a text classification label is not a span)",
                        ));
                    };
                    let (Some(start), Some(end), Some(label)) = (
                        super::as_offset(start),
                        super::as_offset(end),
                        label.as_str(),
                    ) else {
                        return Err(ImportError::new(
                            &rec,
                            "expected [start, end, \"LABEL\"] with non-negative integer offsets",
                        ));
                    };
                    let kind = parse_label(label)
                        .ok_or_else(|| ImportError::new(&rec, unknown_label(label)))?;
                    if kind == SpanKind::Speaker {
                        // A speaker span without a link says nothing.
                        continue;
                    }
                    spans.push(DraftSpan::new(rec, format!("l{k}"), kind, start, end));
                }
            }
            Some(_) => {
                return Err(ImportError::new(
                    record,
                    "\"label\" is not a list of [start, end, \"LABEL\"]",
                ));
            }
        }
    }
    build_document(&name, text, spans, links, same)
}

#[cfg(test)]
mod review_tests {
    //! An undecided suggestion never appears in doccano as a label.

    use serde_json::Value;

    use crate::interop::fixture::{self, suggested_spans};
    use crate::interop::{Output, Target, export, export_pre_annotations};

    fn lines(out: Output) -> Vec<Value> {
        let Output::Text(text) = out else {
            panic!("doccano is one text file")
        };
        text.lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect()
    }

    fn names(lines: &[Value]) -> Vec<&str> {
        lines.iter().map(|l| l["name"].as_str().unwrap()).collect()
    }

    /// `(start, end)` of every `label` of a sequence-labelling line.
    fn labels(line: &Value) -> Vec<(usize, usize)> {
        line["label"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l[0].as_u64().unwrap() as usize,
                    l[1].as_u64().unwrap() as usize,
                )
            })
            .collect()
    }

    /// `(start, end)` of every entity but speakers of a relations line.
    fn entities(line: &Value) -> Vec<(usize, usize)> {
        line["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["label"] != "SPEAKER")
            .map(|e| {
                (
                    e["start_offset"].as_u64().unwrap() as usize,
                    e["end_offset"].as_u64().unwrap() as usize,
                )
            })
            .collect()
    }

    #[test]
    fn unreviewed_document_is_left_out() {
        let out = lines(export(&fixture::export(), Target::Doccano));
        assert_eq!(names(&out), ["reviewed.txt", "partial.txt"]);
    }

    #[test]
    fn suggestion_is_not_a_label() {
        let out = lines(export(&fixture::export(), Target::Doccano));
        let partial = &out[1];
        let written = labels(partial);
        assert_eq!(written.len(), 1, "only the accepted quote: {written:?}");
        for s in suggested_spans("partial.txt") {
            assert!(!written.contains(&s), "{s:?} is a suggestion");
        }
    }

    #[test]
    fn rejected_is_not_a_label_and_made_is() {
        let out = lines(export(&fixture::export(), Target::Doccano));
        let kinds: Vec<&str> = out[0]["label"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l[2].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["QUOTE", "DENIAL"]);
    }

    #[test]
    fn each_line_says_how_far_review_came() {
        let out = lines(export(&fixture::export(), Target::Doccano));
        assert_eq!(out[0]["review"], "reviewed");
        assert_eq!(out[1]["review"], "partial");
    }

    #[test]
    fn relations_variant_holds_no_suggestion_nor_its_speaker() {
        let out = lines(export(&fixture::export(), Target::DoccanoRelations));
        assert_eq!(names(&out), ["reviewed.txt", "partial.txt"]);
        let partial = &out[1];
        assert_eq!(entities(partial).len(), 1);
        let speakers: Vec<&Value> = partial["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["label"] == "SPEAKER")
            .collect();
        // Tom Achebe, the accepted quote's speaker; not Lena Ortiz.
        assert_eq!(speakers.len(), 1);
        assert_eq!(partial["relations"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn pre_annotations_hold_every_document_and_suggestion() {
        let out = lines(export_pre_annotations(&fixture::export(), Target::Doccano).unwrap());
        assert_eq!(
            names(&out),
            ["reviewed.txt", "partial.txt", "unreviewed.txt"]
        );
        let partial = labels(&out[1]);
        for s in suggested_spans("partial.txt") {
            assert!(partial.contains(&s), "{s:?} missing");
        }
        assert_eq!(labels(&out[2]).len(), 2);
        assert_eq!(out[2]["review"], "unreviewed");
    }

    #[test]
    fn pre_annotations_leave_out_rejected() {
        let out = lines(export_pre_annotations(&fixture::export(), Target::Doccano).unwrap());
        let kinds: Vec<&str> = out[0]["label"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l[2].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["QUOTE", "DENIAL"]);
    }

    #[test]
    fn relations_pre_annotations_link_a_suggestion_to_its_speaker() {
        let out =
            lines(export_pre_annotations(&fixture::export(), Target::DoccanoRelations).unwrap());
        let partial = &out[1];
        assert_eq!(entities(partial).len(), 3);
        assert_eq!(partial["relations"].as_array().unwrap().len(), 2);
    }
}
