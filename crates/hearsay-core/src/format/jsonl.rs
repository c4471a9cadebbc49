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
    review: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    statements: Vec<&'a str>,
}

/// Training data: one JSON object per line, one line per sentence of every
/// document, in order:
///
/// ```json
/// {"document": "a.txt", "document_id": "d1", "sentence": 0, "start": 0, "end": 42,
///  "text": "<the sentence>", "boilerplate": false,
///  "labels": ["claim", "quote"], "speakers": ["Ana Ruiz"], "suggested": ["denial"],
///  "review": "partial"}
/// ```
///
/// `labels` are the labels of confirmed annotations (accepted, or made by an
/// annotator and not rejected) overlapping the sentence; `speakers` are the
/// speakers named by those; `suggested` are the labels of extractor
/// suggestions still awaiting review. Each list is sorted alphabetically
/// without duplicates. Rejected annotations appear nowhere. `review` is how
/// far the review of the sentence's document has come (`unreviewed`,
/// `partial`, `reviewed`: [`crate::format::DocumentReview`]): the empty
/// `labels` of an unreviewed document say nothing of its sentences.
/// When the export has statements, a sentence with a member of one (not
/// rejected) also has `statements`, their ids sorted; the field is left
/// out otherwise.
pub fn to_jsonl(export: &Export) -> String {
    #[cfg(feature = "statements")]
    let statement_of = export.statement_of();
    #[cfg(feature = "statements")]
    let statement_of = |d: &str, a: &str| statement_of.get(d, a);
    #[cfg(not(feature = "statements"))]
    let statement_of = |_: &str, _: &str| None;
    export
        .documents
        .iter()
        .map(|d| lines(d, &statement_of))
        .collect()
}

/// The JSONL lines of one document (see [`to_jsonl`]), each ending in a
/// line break.
pub fn document_jsonl(doc: &Document) -> String {
    lines(doc, &|_, _| None)
}

fn lines<'a>(doc: &Document, statement_of: &impl Fn(&str, &str) -> Option<&'a str>) -> String {
    let mut out = String::new();
    let review = doc.review().as_str();
    {
        let index = CharIndex::new(&doc.text);
        let hits = by_sentence(&doc.sentences, doc.annotations.iter());
        for (i, (s, hits)) in doc.sentences.iter().zip(hits).enumerate() {
            let mut labels = BTreeSet::new();
            let mut speakers = BTreeSet::new();
            let mut suggested = BTreeSet::new();
            let mut statements = BTreeSet::new();
            for a in hits {
                if a.status != Status::Rejected
                    && let Some(s) = statement_of(&doc.id, &a.id)
                {
                    statements.insert(s);
                }
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
                review,
                statements: statements.into_iter().collect(),
            };
            out.push_str(&serde_json::to_string(&record).unwrap_or_default());
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod review_tests {
    //! A suggestion is never among a sentence's `labels`.

    use serde_json::Value;

    use crate::format::{Annotation, Document, Export, Origin, Status};
    use crate::{Label, Sentence};

    const TEXT: &str = "Pia Holm said the mill would close. Holm denied the sale.";

    fn export(second: Status) -> Export {
        let sentence = |start, end| Sentence {
            start,
            end,
            boilerplate: false,
            paragraph: 0,
        };
        let quote = Annotation {
            origin: Origin::Extractor,
            ..Annotation::new("a1", Label::Quote, 0, 35, &TEXT[0..35])
        };
        let denial = Annotation {
            origin: Origin::Extractor,
            status: second,
            ..Annotation::new("a2", Label::Denial, 36, 57, &TEXT[36..57])
        };
        let doc = Document {
            models: None,
            annotators: Vec::new(),
            id: "d1".into(),
            name: "mill.txt".into(),
            text: TEXT.into(),
            sentences: vec![sentence(0, 35), sentence(36, 57)],
            annotations: vec![quote, denial],
        };
        Export::new(vec![doc])
    }

    fn lines(export: &Export) -> Vec<Value> {
        super::to_jsonl(export)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[test]
    fn suggestion_is_not_a_label() {
        let lines = lines(&export(Status::Suggested));
        assert_eq!(lines[1]["labels"], serde_json::json!([]));
        assert_eq!(lines[1]["suggested"], serde_json::json!(["denial"]));
    }

    #[test]
    fn lines_say_the_document_is_partly_reviewed() {
        let lines = lines(&export(Status::Suggested));
        assert!(lines.iter().all(|l| l["review"] == "partial"));
    }

    #[test]
    fn lines_say_the_document_is_reviewed() {
        let lines = lines(&export(Status::Rejected));
        assert!(lines.iter().all(|l| l["review"] == "reviewed"));
    }

    #[test]
    fn annotator_suggestion_is_not_a_label() {
        let mut e = export(Status::Suggested);
        e.documents[0].annotations[1].origin = Origin::Annotator;
        let lines = lines(&e);
        assert_eq!(lines[1]["labels"], serde_json::json!([]));
    }
}
