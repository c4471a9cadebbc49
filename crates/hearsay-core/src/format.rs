//! The hearsay JSON export format: what the annotator saves and loads and what
//! the `hearsay` command line writes.
//!
//! # The contract (version 1)
//!
//! ```json
//! {"format": "hearsay", "version": 1, "offsets": "codepoint",
//!  "documents": [{"id": "d1", "name": "article.txt", "text": "<the document text>",
//!    "sentences": [{"start": 0, "end": 120, "boilerplate": false, "paragraph": 0}],
//!    "annotations": [{"id": "a1", "label": "quote", "start": 5, "end": 40,
//!      "text": "<text[start..end]>", "kind": "direct",
//!      "speaker": "Dmitry Peskov", "speaker_span": {"start": 60, "end": 73},
//!      "cue": "said", "confidence": 0.93, "origin": "extractor",
//!      "status": "suggested"}]}]}
//! ```
//!
//! * `format` is always `"hearsay"`, `version` is `1` and `offsets` is
//!   `"codepoint"`: every `start`/`end` counts Unicode code points (scalar
//!   values) into the document's `text`, half-open `[start, end)`.
//! * A document's `name` is the file name without directories; its `id` is
//!   unique within the export.
//! * `sentences` are in text order, do not overlap and lie inside the text.
//! * An annotation's `label` is `"quote"`, `"claim"` or `"denial"`; its `text`
//!   equals the slice `text[start..end]` of the document; `kind` is
//!   `"direct"`, `"reported"` or `null`; `speaker`, `speaker_span` and `cue`
//!   may be `null` (and may be left out when reading); `confidence` is in
//!   `[0, 1]`; `origin` is `"extractor"` or `"annotator"`; `status` is
//!   `"suggested"`, `"accepted"` or `"rejected"`. Annotation ids are unique
//!   within their document.
//! * Unknown extra fields are accepted and ignored when reading.
//!
//! [`Export::to_json`] writes pretty JSON with the fields in the order above;
//! [`Export::parse`] reads and validates it, and `parse(to_json(x)) == x`.
//!
//! ```
//! use hearsay_core::format::{Annotation, Document, Export, Origin, Status};
//! use hearsay_core::Label;
//!
//! let text = "“No,” she said.";
//! let doc = Document {
//!     id: "d1".into(),
//!     name: "a.txt".into(),
//!     text: text.into(),
//!     sentences: vec![],
//!     annotations: vec![Annotation {
//!         id: "a1".into(),
//!         label: Label::Denial,
//!         start: 1,
//!         end: 3,
//!         text: "No".into(),
//!         kind: None,
//!         speaker: None,
//!         speaker_span: None,
//!         cue: None,
//!         confidence: 1.0,
//!         origin: Origin::Annotator,
//!         status: Status::Accepted,
//!     }],
//! };
//! let export = Export::new(vec![doc]);
//! let json = export.to_json();
//! assert_eq!(Export::parse(&json).unwrap(), export);
//! assert!(Export::parse(&json.replace("\"No\"", "\"Yes\"")).is_err());
//! ```

use std::collections::{BTreeSet, HashSet};
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Analysis, CharIndex, Label, QuoteKind, Sentence, Span};

/// The value of the `format` field.
pub const FORMAT: &str = "hearsay";
/// The value of the `version` field this module reads and writes.
pub const VERSION: u32 = 1;
/// The value of the `offsets` field: offsets count code points.
pub const OFFSETS: &str = "codepoint";

/// A whole export: a set of annotated documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// Always [`OFFSETS`].
    pub offsets: String,
    /// The documents, in order.
    pub documents: Vec<Document>,
}

/// One annotated document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Identifier, unique within the export.
    pub id: String,
    /// File name without directories.
    pub name: String,
    /// The full text the offsets refer to.
    pub text: String,
    /// The sentences, in text order.
    pub sentences: Vec<Sentence>,
    /// The annotations (suggested, accepted or rejected).
    pub annotations: Vec<Annotation>,
}

/// One annotation of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    /// Identifier, unique within the document.
    pub id: String,
    /// What the span is.
    pub label: Label,
    /// First code point of the span.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// The annotated text: exactly the document's `text[start..end]`.
    pub text: String,
    /// Direct or reported, for quotes.
    #[serde(default)]
    pub kind: Option<QuoteKind>,
    /// Who speaks (or denies).
    #[serde(default)]
    pub speaker: Option<String>,
    /// Where the speaker's name is written in the text.
    #[serde(default)]
    pub speaker_span: Option<Span>,
    /// The speech or denial cue.
    #[serde(default)]
    pub cue: Option<String>,
    /// Confidence in `[0, 1]` (1 for annotator-made annotations).
    pub confidence: f32,
    /// Who made the annotation.
    pub origin: Origin,
    /// Where the annotation stands in review.
    pub status: Status,
}

/// Who made an annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Suggested by the extractor.
    Extractor,
    /// Made by a human annotator.
    Annotator,
}

impl Origin {
    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Extractor => "extractor",
            Origin::Annotator => "annotator",
        }
    }
}

/// Where an annotation stands in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Not reviewed yet.
    Suggested,
    /// Reviewed and kept.
    Accepted,
    /// Reviewed and refused.
    Rejected,
}

impl Status {
    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Suggested => "suggested",
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
        }
    }
}

impl Annotation {
    /// True for annotations that count as labels: accepted ones and
    /// annotator-made ones that are not rejected.
    pub fn is_confirmed(&self) -> bool {
        self.status == Status::Accepted
            || (self.origin == Origin::Annotator && self.status != Status::Rejected)
    }

    /// True if the annotation's span overlaps `[start, end)`. An empty
    /// annotation overlaps the range it lies inside (start included, end
    /// excluded).
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        spans_overlap(self.start, self.end, start, end)
    }
}

/// True if `[a_start, a_end)` and `[b_start, b_end)` share a code point (or
/// one is empty and lies inside the other).
pub(crate) fn spans_overlap(a_start: usize, a_end: usize, b_start: usize, b_end: usize) -> bool {
    if a_start == a_end {
        return b_start <= a_start && a_start < b_end.max(b_start.saturating_add(1));
    }
    if b_start == b_end {
        return a_start <= b_start && b_start < a_end;
    }
    a_start < b_end && b_start < a_end
}

/// For each sentence (sorted and non-overlapping, as [`Export::parse`]
/// guarantees), the annotations overlapping it, in the order given. Runs in
/// about `O((sentences + overlaps) + annotations · log sentences)`.
pub(crate) fn by_sentence<'a>(
    sentences: &[Sentence],
    annotations: impl Iterator<Item = &'a Annotation>,
) -> Vec<Vec<&'a Annotation>> {
    let mut hits = vec![Vec::new(); sentences.len()];
    for a in annotations {
        let first = sentences.partition_point(|s| s.end <= a.start);
        for (k, s) in sentences.iter().enumerate().skip(first) {
            if s.start >= a.end.max(a.start.saturating_add(1)) {
                break;
            }
            if a.overlaps(s.start, s.end) {
                hits[k].push(a);
            }
        }
    }
    hits
}

/// The file name part of a path: what follows the last `/` or `\`.
pub fn base_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

impl Document {
    /// Builds a document from the extractor's analysis of `text`: every
    /// suggestion becomes an annotation with id `a1`, `a2`, … (in the
    /// analysis' order), origin [`Origin::Extractor`] and status
    /// [`Status::Suggested`]. `name` is reduced to the part after the last
    /// `/` or `\`. Offsets past the end of the text are clamped.
    pub fn from_analysis(id: &str, name: &str, text: &str, analysis: &Analysis) -> Document {
        let index = CharIndex::new(text);
        let len = index.len_chars();
        let annotations = analysis
            .suggestions
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let end = s.end.min(len);
                let start = s.start.min(end);
                Annotation {
                    id: format!("a{}", i + 1),
                    label: s.label,
                    start,
                    end,
                    text: index.slice(start, end).to_string(),
                    kind: s.kind,
                    speaker: s.speaker.clone(),
                    speaker_span: s.speaker_span.map(|sp| {
                        let end = sp.end.min(len);
                        Span {
                            start: sp.start.min(end),
                            end,
                        }
                    }),
                    cue: s.cue.clone(),
                    confidence: if s.confidence.is_finite() {
                        s.confidence.clamp(0.0, 1.0)
                    } else {
                        0.0
                    },
                    origin: Origin::Extractor,
                    status: Status::Suggested,
                }
            })
            .collect();
        Document {
            id: id.to_string(),
            name: base_name(name).to_string(),
            text: text.to_string(),
            sentences: analysis.sentences.clone(),
            annotations,
        }
    }
}

impl Export {
    /// An export of `documents` with the current format, version and offsets.
    pub fn new(documents: Vec<Document>) -> Export {
        Export {
            format: FORMAT.to_string(),
            version: VERSION,
            offsets: OFFSETS.to_string(),
            documents,
        }
    }

    /// Pretty JSON, fields in the contract's order.
    pub fn to_json(&self) -> String {
        // Serialising these plain structs cannot fail; NaN confidences (which
        // `parse` refuses anyway) come out as `null`.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Parses and validates an export. Never panics; the error says which
    /// record is wrong and why.
    pub fn parse(json: &str) -> Result<Export, FormatError> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        let export: Export = serde_json::from_str(json).map_err(|e| FormatError::Json {
            message: strip_position(&e.to_string()),
            line: e.line(),
            column: e.column(),
        })?;
        export.validate()?;
        Ok(export)
    }

    /// Checks everything [`Export::parse`] checks beyond the JSON types.
    pub fn validate(&self) -> Result<(), FormatError> {
        if self.format != FORMAT {
            return Err(FormatError::Header {
                field: "format",
                found: self.format.clone(),
                expected: FORMAT.to_string(),
            });
        }
        if self.version != VERSION {
            return Err(FormatError::Header {
                field: "version",
                found: self.version.to_string(),
                expected: VERSION.to_string(),
            });
        }
        if self.offsets != OFFSETS {
            return Err(FormatError::Header {
                field: "offsets",
                found: self.offsets.clone(),
                expected: OFFSETS.to_string(),
            });
        }
        let mut ids = HashSet::new();
        for (i, doc) in self.documents.iter().enumerate() {
            if !ids.insert(doc.id.as_str()) {
                return Err(FormatError::Document {
                    document: i + 1,
                    name: doc.name.clone(),
                    message: format!("duplicate document id {:?}", doc.id),
                });
            }
            doc.validate(i + 1)?;
        }
        Ok(())
    }
}

impl Document {
    /// Validates one document; `number` is its position counting from 1.
    fn validate(&self, number: usize) -> Result<(), FormatError> {
        let index = CharIndex::new(&self.text);
        let len = index.len_chars();
        let sentence_err = |s: usize, message: String| FormatError::Sentence {
            document: number,
            name: self.name.clone(),
            sentence: s,
            message,
        };
        let mut previous_end = 0;
        for (s, sentence) in self.sentences.iter().enumerate() {
            if sentence.start > sentence.end {
                return Err(sentence_err(
                    s,
                    format!("start {} is after end {}", sentence.start, sentence.end),
                ));
            }
            if sentence.end > len {
                return Err(sentence_err(
                    s,
                    format!(
                        "end {} is past the end of the text ({len} code points)",
                        sentence.end
                    ),
                ));
            }
            if sentence.start < previous_end {
                return Err(sentence_err(
                    s,
                    format!(
                        "start {} overlaps or precedes the previous sentence (which ends at {previous_end})",
                        sentence.start
                    ),
                ));
            }
            previous_end = sentence.end;
        }
        let mut ids = HashSet::new();
        for a in &self.annotations {
            let err = |message: String| FormatError::Annotation {
                document: number,
                name: self.name.clone(),
                annotation: a.id.clone(),
                message,
            };
            if !ids.insert(a.id.as_str()) {
                return Err(err("duplicate annotation id".to_string()));
            }
            if a.start > a.end {
                return Err(err(format!("start {} is after end {}", a.start, a.end)));
            }
            if a.end > len {
                return Err(err(format!(
                    "end {} is past the end of the text ({len} code points)",
                    a.end
                )));
            }
            let slice = index.slice(a.start, a.end);
            if a.text != slice {
                return Err(err(format!(
                    "text {:?} differs from the text at {}..{} ({:?})",
                    truncate(&a.text, 60),
                    a.start,
                    a.end,
                    truncate(slice, 60)
                )));
            }
            if let Some(sp) = a.speaker_span
                && (sp.start > sp.end || sp.end > len)
            {
                return Err(err(format!(
                    "speaker_span {}..{} is not inside the text ({len} code points)",
                    sp.start, sp.end
                )));
            }
            if !(0.0..=1.0).contains(&a.confidence) {
                return Err(err(format!(
                    "confidence {} is not between 0 and 1",
                    a.confidence
                )));
            }
        }
        Ok(())
    }
}

/// At most `max` characters of `s`, with `…` if cut.
fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((byte, _)) => format!("{}…", &s[..byte]),
        None => s.to_string(),
    }
}

/// serde_json appends " at line L column C"; we report those separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_string(),
        None => message.to_string(),
    }
}

/// Why an export was refused by [`Export::parse`].
///
/// Document numbers count from 1 in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// Not JSON, or JSON of the wrong shape (a missing field, a wrong type,
    /// an unknown label, a number out of range).
    Json {
        /// What serde_json found wrong.
        message: String,
        /// Line of the problem, from 1 (0 if unknown).
        line: usize,
        /// Column of the problem, from 1 (0 if unknown).
        column: usize,
    },
    /// `format`, `version` or `offsets` has the wrong value.
    Header {
        /// The field name.
        field: &'static str,
        /// The value found.
        found: String,
        /// The value required.
        expected: String,
    },
    /// A problem with a document as a whole.
    Document {
        /// Position of the document, from 1.
        document: usize,
        /// The document's name.
        name: String,
        /// What is wrong.
        message: String,
    },
    /// A problem with one sentence of a document.
    Sentence {
        /// Position of the document, from 1.
        document: usize,
        /// The document's name.
        name: String,
        /// Index of the sentence in the document, from 0.
        sentence: usize,
        /// What is wrong.
        message: String,
    },
    /// A problem with one annotation of a document.
    Annotation {
        /// Position of the document, from 1.
        document: usize,
        /// The document's name.
        name: String,
        /// The annotation's id.
        annotation: String,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Json {
                message,
                line,
                column,
            } => write!(
                f,
                "not a hearsay export: {message} (line {line}, column {column})"
            ),
            FormatError::Header {
                field,
                found,
                expected,
            } => write!(f, "\"{field}\" is {found:?}, expected {expected:?}"),
            FormatError::Document {
                document,
                name,
                message,
            } => write!(f, "document {document} ({name:?}): {message}"),
            FormatError::Sentence {
                document,
                name,
                sentence,
                message,
            } => write!(
                f,
                "document {document} ({name:?}), sentence {sentence}: {message}"
            ),
            FormatError::Annotation {
                document,
                name,
                annotation,
                message,
            } => write!(
                f,
                "document {document} ({name:?}), annotation {annotation:?}: {message}"
            ),
        }
    }
}

impl std::error::Error for FormatError {}

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
    let mut out = String::new();
    for doc in &export.documents {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Suggestion;

    const TEXT: &str = "“Nein,” sagte Ana Ruiz 😀. Prices rose 5%.\nShe denied it.";

    fn ann(id: &str, label: Label, start: usize, end: usize) -> Annotation {
        Annotation {
            id: id.to_string(),
            label,
            start,
            end,
            text: CharIndex::new(TEXT).slice(start, end).to_string(),
            kind: None,
            speaker: None,
            speaker_span: None,
            cue: None,
            confidence: 1.0,
            origin: Origin::Annotator,
            status: Status::Accepted,
        }
    }

    fn sample() -> Export {
        let mut quote = ann("a1", Label::Quote, 1, 5);
        quote.kind = Some(QuoteKind::Direct);
        quote.speaker = Some("Ana Ruiz".into());
        quote.speaker_span = Some(Span { start: 14, end: 22 });
        quote.cue = Some("sagte".into());
        quote.confidence = 0.93;
        quote.origin = Origin::Extractor;
        quote.status = Status::Suggested;
        let claim = ann("a2", Label::Claim, 26, 41);
        let mut denial = ann("a3", Label::Denial, 42, 56);
        denial.status = Status::Rejected;
        Export::new(vec![Document {
            id: "d1".into(),
            name: "ruiz.txt".into(),
            text: TEXT.into(),
            sentences: vec![
                Sentence {
                    start: 0,
                    end: 25,
                    boilerplate: false,
                    paragraph: 0,
                },
                Sentence {
                    start: 26,
                    end: 41,
                    boilerplate: false,
                    paragraph: 0,
                },
                Sentence {
                    start: 42,
                    end: 56,
                    boilerplate: false,
                    paragraph: 1,
                },
            ],
            annotations: vec![quote, claim, denial],
        }])
    }

    #[test]
    fn sample_is_consistent() {
        let e = sample();
        let doc = &e.documents[0];
        assert_eq!(doc.annotations[0].text, "Nein");
        assert_eq!(doc.annotations[1].text, "Prices rose 5%.");
        assert_eq!(doc.annotations[2].text, "She denied it.");
        assert_eq!(CharIndex::new(TEXT).len_chars(), 56);
        e.validate().unwrap();
    }

    #[test]
    fn json_round_trips_exactly() {
        let e = sample();
        let json = e.to_json();
        let parsed = Export::parse(&json).unwrap();
        assert_eq!(parsed, e);
        assert_eq!(parsed.to_json(), json);
        // Field order follows the contract.
        let order = ["\"format\"", "\"version\"", "\"offsets\"", "\"documents\""];
        let pos: Vec<usize> = order.iter().map(|k| json.find(k).unwrap()).collect();
        assert!(pos.windows(2).all(|w| w[0] < w[1]), "{json}");
        let keys = [
            "\"id\"",
            "\"label\"",
            "\"start\"",
            "\"end\"",
            "\"text\"",
            "\"kind\"",
            "\"speaker\"",
            "\"speaker_span\"",
            "\"cue\"",
            "\"confidence\"",
            "\"origin\"",
            "\"status\"",
        ];
        let a = json.find("\"annotations\"").unwrap();
        let pos: Vec<usize> = keys
            .iter()
            .map(|k| a + json[a..].find(k).unwrap())
            .collect();
        assert!(pos.windows(2).all(|w| w[0] < w[1]), "{json}");
        assert!(json.contains("\"confidence\": 0.93"), "{json}");
        assert!(json.contains("\"kind\": null"));
    }

    #[test]
    fn optional_fields_may_be_missing_and_unknown_fields_are_ignored() {
        let json = r#"{"format":"hearsay","version":1,"offsets":"codepoint","extra":[1],
            "documents":[{"id":"x","name":"n","text":"ab","sentences":[],"note":"hi",
            "annotations":[{"id":"a","label":"claim","start":0,"end":2,"text":"ab",
            "confidence":0.5,"origin":"annotator","status":"accepted","colour":"red"}]}]}"#;
        let e = Export::parse(json).unwrap();
        let a = &e.documents[0].annotations[0];
        assert_eq!(
            (
                a.kind,
                a.speaker.as_deref(),
                a.speaker_span,
                a.cue.as_deref()
            ),
            (None, None, None, None)
        );
        assert_eq!(a.label, Label::Claim);
    }

    fn error_of(edit: impl FnOnce(&mut Export)) -> String {
        let mut e = sample();
        edit(&mut e);
        let json = serde_json::to_string(&e).unwrap();
        Export::parse(&json).unwrap_err().to_string()
    }

    #[test]
    fn refuses_inconsistent_exports_naming_the_record() {
        type Edit = Box<dyn FnOnce(&mut Export)>;
        let cases: Vec<(Edit, &str)> = vec![
            (
                Box::new(|e| e.format = "other".into()),
                "\"format\" is \"other\", expected \"hearsay\"",
            ),
            (
                Box::new(|e| e.version = 2),
                "\"version\" is \"2\", expected \"1\"",
            ),
            (
                Box::new(|e| e.offsets = "utf16".into()),
                "\"offsets\" is \"utf16\"",
            ),
            (
                Box::new(|e| e.documents[0].annotations[1].end = 900),
                "document 1 (\"ruiz.txt\"), annotation \"a2\": end 900 is past the end of the text (56 code points)",
            ),
            (
                Box::new(|e| e.documents[0].annotations[1].start = 50),
                "annotation \"a2\": start 50 is after end 41",
            ),
            (
                Box::new(|e| e.documents[0].annotations[0].text = "Nien".into()),
                "annotation \"a1\": text \"Nien\" differs from the text at 1..5 (\"Nein\")",
            ),
            (
                Box::new(|e| e.documents[0].annotations[2].id = "a1".into()),
                "annotation \"a1\": duplicate annotation id",
            ),
            (
                Box::new(|e| {
                    e.documents[0].annotations[0].speaker_span = Some(Span { start: 50, end: 57 })
                }),
                "annotation \"a1\": speaker_span 50..57 is not inside the text",
            ),
            (
                Box::new(|e| e.documents[0].annotations[0].confidence = 1.5),
                "annotation \"a1\": confidence 1.5 is not between 0 and 1",
            ),
            (
                Box::new(|e| e.documents[0].annotations[0].confidence = -0.1),
                "confidence -0.1 is not between 0 and 1",
            ),
            (
                Box::new(|e| e.documents[0].sentences[1].start = 20),
                "document 1 (\"ruiz.txt\"), sentence 1: start 20 overlaps or precedes the previous sentence",
            ),
            (
                Box::new(|e| e.documents[0].sentences[2].end = 57),
                "sentence 2: end 57 is past the end of the text (56 code points)",
            ),
            (
                Box::new(|e| e.documents[0].sentences[0].start = 30),
                "sentence 0: start 30 is after end 25",
            ),
            (
                Box::new(|e| {
                    let mut d = e.documents[0].clone();
                    d.name = "b.txt".into();
                    e.documents.push(d);
                }),
                "document 2 (\"b.txt\"): duplicate document id \"d1\"",
            ),
        ];
        for (edit, want) in cases {
            let got = error_of(edit);
            assert!(got.contains(want), "got {got:?}, want {want:?}");
        }
    }

    #[test]
    fn json_errors_carry_the_position() {
        let err = Export::parse("{\"format\": \"hearsay\",\n \"version\": \"one\"}").unwrap_err();
        let FormatError::Json { line, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(*line, 2);
        let msg = err.to_string();
        assert!(
            msg.contains("invalid type") && msg.contains("line 2"),
            "{msg}"
        );
        let msg = Export::parse("").unwrap_err().to_string();
        assert!(msg.starts_with("not a hearsay export"), "{msg}");
        let msg = Export::parse(r#"{"format":"hearsay","version":1,"offsets":"codepoint"}"#)
            .unwrap_err()
            .to_string();
        assert!(msg.contains("missing field `documents`"), "{msg}");
    }

    #[test]
    fn hostile_input_is_refused_without_panicking() {
        let base = sample().to_json();
        let mut inputs = vec![
            "null".to_string(),
            "[]".to_string(),
            "{".to_string(),
            "\u{feff}{}".to_string(),
            "[".repeat(100_000),
            base.replace("\"start\": 1,", "\"start\": 99999999999999999999999,"),
            base.replace("\"start\": 1,", "\"start\": -1,"),
            base.replace("\"start\": 1,", "\"start\": 1.5,"),
            base.replace("0.93", "1e999"),
            base.replace("\"quote\"", "\"Quote\""),
            base.replace("\"suggested\"", "\"maybe\""),
            base.replace("\"end\": 5,", "\"end\": 18446744073709551615,"),
            base.replace("\"end\": 25,", "\"end\": 18446744073709551615,"),
        ];
        // Every truncation of a valid export.
        for (i, _) in base.char_indices().step_by(7) {
            inputs.push(base[..i].to_string());
        }
        for input in &inputs {
            assert!(Export::parse(input).is_err(), "accepted {input:.80}");
        }
    }

    #[test]
    fn from_analysis_builds_suggested_annotations() {
        let analysis = Analysis {
            sentences: vec![Sentence {
                start: 0,
                end: 25,
                boilerplate: false,
                paragraph: 0,
            }],
            suggestions: vec![
                Suggestion {
                    label: Label::Quote,
                    start: 1,
                    end: 5,
                    kind: Some(QuoteKind::Direct),
                    speaker: Some("Ana Ruiz".into()),
                    speaker_span: Some(Span { start: 14, end: 22 }),
                    cue: Some("sagte".into()),
                    confidence: 0.9,
                    sentence: 0,
                },
                Suggestion {
                    label: Label::Claim,
                    start: 26,
                    end: 99, // past the end: clamped
                    kind: None,
                    speaker: None,
                    speaker_span: None,
                    cue: None,
                    confidence: f32::NAN,
                    sentence: 1,
                },
            ],
            diagnostics: vec![],
        };
        let doc = Document::from_analysis("d7", "some/dir\\ruiz.txt", TEXT, &analysis);
        assert_eq!(doc.id, "d7");
        assert_eq!(doc.name, "ruiz.txt");
        assert_eq!(doc.sentences, analysis.sentences);
        let ids: Vec<&str> = doc.annotations.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a1", "a2"]);
        let a = &doc.annotations[0];
        assert_eq!(a.text, "Nein");
        assert_eq!((a.origin, a.status), (Origin::Extractor, Status::Suggested));
        assert_eq!(a.speaker.as_deref(), Some("Ana Ruiz"));
        assert_eq!(a.confidence, 0.9);
        let b = &doc.annotations[1];
        assert_eq!((b.start, b.end, b.confidence), (26, 56, 0.0));
        assert_eq!(b.text, "Prices rose 5%.\nShe denied it.");
        let export = Export::new(vec![doc]);
        assert_eq!(Export::parse(&export.to_json()).unwrap(), export);
    }

    #[test]
    fn names_and_status_strings() {
        assert_eq!(base_name("a/b\\c.txt"), "c.txt");
        assert_eq!(base_name("c.txt"), "c.txt");
        assert_eq!(base_name("dir/"), "");
        assert_eq!(Origin::Annotator.as_str(), "annotator");
        assert_eq!(Status::Rejected.as_str(), "rejected");
        for s in [Status::Suggested, Status::Accepted, Status::Rejected] {
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
        }
        for o in [Origin::Extractor, Origin::Annotator] {
            assert_eq!(
                serde_json::to_string(&o).unwrap(),
                format!("\"{}\"", o.as_str())
            );
        }
    }

    #[test]
    fn jsonl_has_one_line_per_sentence() {
        let mut e = sample();
        // An annotator's quote in sentence 1 with a speaker; a suggested
        // denial in sentence 0.
        let mut q = ann("a4", Label::Quote, 26, 32);
        q.speaker = Some("Ruiz".into());
        e.documents[0].annotations.push(q);
        let mut d = ann("a5", Label::Denial, 1, 5);
        d.origin = Origin::Extractor;
        d.status = Status::Suggested;
        e.documents[0].annotations.push(d);
        let out = to_jsonl(&e);
        let lines: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0]["document"], "ruiz.txt");
        assert_eq!(lines[0]["document_id"], "d1");
        assert_eq!(lines[0]["text"], "“Nein,” sagte Ana Ruiz 😀.");
        assert_eq!(lines[0]["labels"], serde_json::json!([]));
        assert_eq!(
            lines[0]["suggested"],
            serde_json::json!(["denial", "quote"])
        );
        assert_eq!(lines[1]["sentence"], 1);
        assert_eq!(lines[1]["labels"], serde_json::json!(["claim", "quote"]));
        assert_eq!(lines[1]["speakers"], serde_json::json!(["Ruiz"]));
        // The rejected denial appears nowhere.
        assert_eq!(lines[2]["labels"], serde_json::json!([]));
        assert_eq!(lines[2]["suggested"], serde_json::json!([]));
        assert_eq!(lines[2]["boilerplate"], false);
        assert_eq!(
            (lines[2]["start"].as_u64(), lines[2]["end"].as_u64()),
            (Some(42), Some(56))
        );
    }
}
