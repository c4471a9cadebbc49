//! The JSONL training export: one line per sentence.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::CharIndex;
use crate::format::{Document, Export, Status, by_sentence};

/// One line of [`to_jsonl`].
#[derive(Serialize)]
struct SentenceRecord<'a> {
    document: &'a str,
    document_id: &'a str,
    sentence: usize,
    start: usize,
    end: usize,
    text: &'a str,
    boilerplate: bool,
    labels: Vec<&'static str>,
    speakers: Vec<&'a str>,
    suggested: Vec<&'static str>,
}

/// Training data: one JSON object per line, one line per sentence of every
/// document, in order:
///
/// ```json
/// {"document": "a.txt", "document_id": "d1", "sentence": 0, "start": 0, "end": 42,
///  "text": "<the sentence>", "boilerplate": false,
///  "labels": ["claim", "quote"], "speakers": ["Ana Ruiz"], "suggested": ["denial"]}
/// ```
///
/// `labels` are the labels of confirmed annotations (accepted, or made by an
/// annotator and not rejected) overlapping the sentence; `speakers` are the
/// speakers named by those; `suggested` are the labels of extractor
/// suggestions still awaiting review. Each list is sorted alphabetically
/// without duplicates. Rejected annotations appear nowhere.
pub fn to_jsonl(export: &Export) -> String {
    export.documents.iter().map(document_jsonl).collect()
}

/// The JSONL lines of one document (see [`to_jsonl`]), each ending in a
/// line break.
pub fn document_jsonl(doc: &Document) -> String {
    let mut out = String::new();
    {
        let index = CharIndex::new(&doc.text);
        let hits = by_sentence(&doc.sentences, doc.annotations.iter());
        for (i, (s, hits)) in doc.sentences.iter().zip(hits).enumerate() {
            let mut labels = BTreeSet::new();
            let mut speakers = BTreeSet::new();
            let mut suggested = BTreeSet::new();
            for a in hits {
                if a.is_confirmed() {
                    labels.insert(a.label.as_str());
                    if let Some(sp) = a.speaker.as_deref() {
                        speakers.insert(sp);
                    }
                } else if a.status == Status::Suggested {
                    suggested.insert(a.label.as_str());
                }
            }
            let record = SentenceRecord {
                document: &doc.name,
                document_id: &doc.id,
                sentence: i,
                start: s.start,
                end: s.end,
                text: index.slice(s.start, s.end),
                boilerplate: s.boilerplate,
                labels: labels.into_iter().collect(),
                speakers: speakers.into_iter().collect(),
                suggested: suggested.into_iter().collect(),
            };
            out.push_str(&serde_json::to_string(&record).unwrap_or_default());
            out.push('\n');
        }
    }
    out
}
