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
//! doccano has no review status: every annotation that is not rejected is
//! written (suggested ones too, so they can be reviewed in doccano), and
//! imported spans become accepted annotator annotations. Speaker names
//! without a span in the text are lost.

use serde_json::{Map, Value, json};

use super::{
    DraftLink, DraftSpan, ImportError, Record, SAID_BY, SPEAKER, SpanKind, Speakers,
    build_document, id_string, offset_field, parse_label, record_name, same, unknown_label, upper,
};
use crate::format::{Document, Export, Status};

/// Writes the export as doccano JSONL; `relations` picks the relation
/// extraction variant.
pub fn export(export: &Export, relations: bool) -> String {
    let mut out = String::new();
    for doc in &export.documents {
        let keep = |a: &crate::format::Annotation| a.status != Status::Rejected;
        let line = if relations {
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
            json!({"text": doc.text, "entities": entities, "relations": rels, "name": doc.name})
        } else {
            let labels: Vec<Value> = doc
                .annotations
                .iter()
                .filter(|a| keep(a))
                .map(|a| json!([a.start, a.end, upper(a.label)]))
                .collect();
            json!({"text": doc.text, "label": labels, "name": doc.name})
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
