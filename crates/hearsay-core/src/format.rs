//! The hearsay JSON export format: what the annotator saves and loads and what
//! the `hearsay` command line writes.
//!
//! # The contract (version 1)
//!
//! ```json
//! {"format": "hearsay", "version": 1, "offsets": "codepoint",
//!  "documents": [{"id": "d1", "name": "article.txt", "text": "<the document text>",
//!    "sha256": "<hex SHA-256 of the text's UTF-8>",
//!    "sentences": [{"start": 0, "end": 120, "boilerplate": false, "paragraph": 0}],
//!    "annotations": [{"id": "a1", "label": "quote", "start": 5, "end": 40,
//!      "start_utf16": 5, "end_utf16": 41,
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
//! * Derived fields, for consumers that do not count code points: each
//!   document has `sha256`, the lowercase hex SHA-256 of its text's UTF-8
//!   bytes (a consumer can check it has the same text), and each annotation
//!   has `start_utf16`/`end_utf16`, its offsets in UTF-16 code units (what
//!   JavaScript's `String.prototype.slice` takes). [`Export::to_json`] (and
//!   serde serialisation of a [`Document`]) always computes and writes them
//!   (`sha256` after `text`, `start_utf16`/`end_utf16` after `end`); they are
//!   not stored in the structs. When reading they are optional, but when
//!   present they must agree with the text and the code point offsets, or
//!   [`Export::parse`] refuses the export naming the document or annotation.
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

use serde::Serializer;
use sha2::{Digest, Sha256};

use crate::{Analysis, CharIndex, Label, QuoteKind, Sentence, Span};

/// The value of the `format` field.
pub const FORMAT: &str = "hearsay";
/// The value of the `version` field this module reads and writes.
pub const VERSION: u32 = 1;
/// The value of the `offsets` field: offsets count code points.
pub const OFFSETS: &str = "codepoint";

/// Indents every line after the first by four spaces: a document's pretty
/// JSON nested two levels deep in an export. Pretty JSON never has a raw
/// line break inside a string, so every `\n` is a line of the layout.
struct Indent<'a, W: ?Sized>(&'a mut W);

impl<W: std::io::Write + ?Sized> std::io::Write for Indent<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut rest = buf;
        while let Some(i) = rest.iter().position(|&b| b == b'\n') {
            self.0.write_all(&rest[..=i])?;
            self.0.write_all(b"    ")?;
            rest = &rest[i + 1..];
        }
        self.0.write_all(rest)?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

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
///
/// Serialising a document (with [`Export::to_json`] or serde) also writes the
/// derived fields `sha256` (of the text) and, for each annotation,
/// `start_utf16`/`end_utf16`; they are not stored in the struct.
#[derive(Debug, Clone, PartialEq, Deserialize)]
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
pub fn by_sentence<'a>(
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
    /// record is wrong and why. The derived fields (`sha256`, `start_utf16`,
    /// `end_utf16`) may be missing; present, they must be consistent.
    pub fn parse(json: &str) -> Result<Export, FormatError> {
        let json = json.strip_prefix('\u{feff}').unwrap_or(json);
        let wire: ExportIn = serde_json::from_str(json).map_err(|e| FormatError::Json {
            message: strip_position(&e.to_string()),
            line: e.line(),
            column: e.column(),
        })?;
        let (export, derived) = wire.split();
        export.validate()?;
        for (i, (doc, derived)) in export.documents.iter().zip(&derived).enumerate() {
            doc.check_derived(i + 1, derived)?;
        }
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

/// Lowercase hex SHA-256 of the UTF-8 bytes of `text`.
pub fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// Lowercase hex of `bytes`.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

impl Document {
    /// The lowercase hex SHA-256 of the text's UTF-8 bytes: the derived
    /// `sha256` field of the JSON.
    pub fn sha256(&self) -> String {
        sha256_hex(&self.text)
    }

    /// The `[start, end)` UTF-16 offsets of every annotation, in order: the
    /// derived `start_utf16`/`end_utf16` fields of the JSON. Offsets past
    /// the end of the text are clamped.
    pub fn utf16_offsets(&self) -> Vec<(usize, usize)> {
        let index = CharIndex::new(&self.text);
        self.annotations
            .iter()
            .map(|a| (index.utf16(a.start), index.utf16(a.end)))
            .collect()
    }

    /// Checks the derived fields read with the document (`number` counts
    /// from 1). The document must already be valid.
    fn check_derived(&self, number: usize, derived: &DerivedIn) -> Result<(), FormatError> {
        if let Some(found) = &derived.sha256 {
            let want = self.sha256();
            if !found.eq_ignore_ascii_case(&want) {
                return Err(FormatError::Document {
                    document: number,
                    name: self.name.clone(),
                    message: format!(
                        "sha256 {:?} does not match the text (whose sha256 is {want})",
                        truncate(found, 70)
                    ),
                });
            }
        }
        let index = CharIndex::new(&self.text);
        for (a, (start16, end16)) in self.annotations.iter().zip(&derived.utf16) {
            for (field, found, offset) in [
                ("start_utf16", start16, a.start),
                ("end_utf16", end16, a.end),
            ] {
                let want = index.utf16(offset);
                if let Some(found) = *found
                    && found != want
                {
                    let base = &field[..field.len() - 6];
                    return Err(FormatError::Annotation {
                        document: number,
                        name: self.name.clone(),
                        annotation: a.id.clone(),
                        message: format!(
                            "{field} {found} does not match {base} {offset} (which is UTF-16 offset {want})"
                        ),
                    });
                }
            }
        }
        Ok(())
    }
}

/// How a document is written: the stored fields plus the derived ones.
#[derive(Serialize)]
struct DocumentOut<'a> {
    id: &'a str,
    name: &'a str,
    text: &'a str,
    sha256: String,
    sentences: &'a [Sentence],
    annotations: Vec<AnnotationOut<'a>>,
}

/// How an annotation is written inside its document.
#[derive(Serialize)]
struct AnnotationOut<'a> {
    id: &'a str,
    label: Label,
    start: usize,
    end: usize,
    start_utf16: usize,
    end_utf16: usize,
    text: &'a str,
    kind: Option<QuoteKind>,
    speaker: Option<&'a str>,
    speaker_span: Option<Span>,
    cue: Option<&'a str>,
    confidence: f32,
    origin: Origin,
    status: Status,
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let utf16 = self.utf16_offsets();
        DocumentOut {
            id: &self.id,
            name: &self.name,
            text: &self.text,
            sha256: self.sha256(),
            sentences: &self.sentences,
            annotations: self
                .annotations
                .iter()
                .zip(utf16)
                .map(|(a, (start_utf16, end_utf16))| AnnotationOut {
                    id: &a.id,
                    label: a.label,
                    start: a.start,
                    end: a.end,
                    start_utf16,
                    end_utf16,
                    text: &a.text,
                    kind: a.kind,
                    speaker: a.speaker.as_deref(),
                    speaker_span: a.speaker_span,
                    cue: a.cue.as_deref(),
                    confidence: a.confidence,
                    origin: a.origin,
                    status: a.status,
                })
                .collect(),
        }
        .serialize(serializer)
    }
}

/// An export as read: the stored fields plus the optional derived ones.
#[derive(Deserialize)]
struct ExportIn {
    format: String,
    version: u32,
    offsets: String,
    documents: Vec<DocumentIn>,
}

#[derive(Deserialize)]
struct DocumentIn {
    id: String,
    name: String,
    text: String,
    #[serde(default)]
    sha256: Option<String>,
    sentences: Vec<Sentence>,
    annotations: Vec<AnnotationIn>,
}

#[derive(Deserialize)]
struct AnnotationIn {
    id: String,
    label: Label,
    start: usize,
    end: usize,
    #[serde(default)]
    start_utf16: Option<usize>,
    #[serde(default)]
    end_utf16: Option<usize>,
    text: String,
    #[serde(default)]
    kind: Option<QuoteKind>,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    speaker_span: Option<Span>,
    #[serde(default)]
    cue: Option<String>,
    confidence: f32,
    origin: Origin,
    status: Status,
}

/// The derived fields read with one document.
struct DerivedIn {
    sha256: Option<String>,
    utf16: Vec<(Option<usize>, Option<usize>)>,
}

impl ExportIn {
    fn split(self) -> (Export, Vec<DerivedIn>) {
        let mut derived = Vec::with_capacity(self.documents.len());
        let documents = self
            .documents
            .into_iter()
            .map(|d| {
                let mut utf16 = Vec::with_capacity(d.annotations.len());
                let annotations = d
                    .annotations
                    .into_iter()
                    .map(|a| {
                        utf16.push((a.start_utf16, a.end_utf16));
                        Annotation {
                            id: a.id,
                            label: a.label,
                            start: a.start,
                            end: a.end,
                            text: a.text,
                            kind: a.kind,
                            speaker: a.speaker,
                            speaker_span: a.speaker_span,
                            cue: a.cue,
                            confidence: a.confidence,
                            origin: a.origin,
                            status: a.status,
                        }
                    })
                    .collect();
                derived.push(DerivedIn {
                    sha256: d.sha256,
                    utf16,
                });
                Document {
                    id: d.id,
                    name: d.name,
                    text: d.text,
                    sentences: d.sentences,
                    annotations,
                }
            })
            .collect();
        (
            Export {
                format: self.format,
                version: self.version,
                offsets: self.offsets,
                documents,
            },
            derived,
        )
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

/// The layout [`ExportWriter`] writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The hearsay JSON export, exactly as [`Export::to_json`] writes it.
    Json,
    /// One line per sentence, as [`to_jsonl`] writes it.
    Jsonl,
}

/// Writes an export one document at a time into any byte sink, so a shell
/// never holds a whole corpus: what it writes for a list of documents is
/// byte for byte [`Export::to_json`] (or [`to_jsonl`]) of that list. The
/// core does no I/O itself: the sink is the shell's.
///
/// ```
/// use hearsay_core::format::{Document, Export, ExportWriter, Layout};
///
/// let doc = Document::from_analysis("d1", "a.txt", "Hi.", &hearsay_core::analyze("Hi.", &Default::default()));
/// let mut writer = ExportWriter::new(Vec::new(), Layout::Json).unwrap();
/// writer.document(&doc).unwrap();
/// let bytes = writer.finish().unwrap();
/// assert_eq!(String::from_utf8(bytes).unwrap(), Export::new(vec![doc]).to_json());
/// ```
pub struct ExportWriter<W: std::io::Write> {
    out: W,
    layout: Layout,
    documents: usize,
}

impl<W: std::io::Write> ExportWriter<W> {
    /// Starts an export in `out` (for JSON, writes everything before the
    /// first document).
    pub fn new(mut out: W, layout: Layout) -> std::io::Result<ExportWriter<W>> {
        if layout == Layout::Json {
            let empty = Export::new(Vec::new()).to_json();
            // `"documents": []` ends the empty export: keep it up to the `[`.
            let cut = empty.rfind('[').map_or(empty.len(), |i| i + 1);
            out.write_all(&empty.as_bytes()[..cut])?;
        }
        Ok(ExportWriter {
            out,
            layout,
            documents: 0,
        })
    }

    /// Writes the next document.
    pub fn document(&mut self, doc: &Document) -> std::io::Result<()> {
        match self.layout {
            Layout::Json => {
                let separator: &[u8] = if self.documents == 0 {
                    b"\n    "
                } else {
                    b",\n    "
                };
                self.out.write_all(separator)?;
                serde_json::to_writer_pretty(Indent(&mut self.out), doc)?;
            }
            Layout::Jsonl => self.out.write_all(document_jsonl(doc).as_bytes())?,
        }
        self.documents += 1;
        Ok(())
    }

    /// The sink, for a shell that moves what was written so far elsewhere.
    pub fn get_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// How many documents have been written.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// Ends the export and hands the sink back.
    pub fn finish(mut self) -> std::io::Result<W> {
        if self.layout == Layout::Json {
            let tail: &[u8] = if self.documents == 0 {
                b"]\n}"
            } else {
                b"\n  ]\n}"
            };
            self.out.write_all(tail)?;
        }
        Ok(self.out)
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_pieces_put_together_are_the_export() {
        let texts = [
            "“We won’t,” said Ana Ruiz. 👩‍👩‍👧 Ça va.",
            "Lee Park ruled out a delay.\n\nNo quote here.",
            "",
        ];
        for n in 0..=texts.len() {
            let docs: Vec<Document> = texts[..n]
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let a = crate::analyze(t, &Default::default());
                    Document::from_analysis(&format!("d{i}"), &format!("f{i}.txt"), t, &a)
                })
                .collect();
            let written = |layout| {
                let mut writer = ExportWriter::new(Vec::new(), layout).unwrap();
                for d in &docs {
                    writer.document(d).unwrap();
                }
                assert_eq!(writer.documents(), docs.len());
                String::from_utf8(writer.finish().unwrap()).unwrap()
            };
            let (json, jsonl) = (written(Layout::Json), written(Layout::Jsonl));
            let whole = Export::new(docs);
            assert_eq!(json, whole.to_json(), "{n} documents");
            assert_eq!(jsonl, to_jsonl(&whole));
        }
    }
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

#[cfg(test)]
mod derived_tests {
    use super::*;

    /// Emoji (a ZWJ family, a flag), a combining accent, CJK, Arabic and
    /// Hebrew, and CRLF line ends.
    const TEXT: &str = "👩\u{200d}👩\u{200d}👧 Family 🇫🇷 says: “Cafe\u{301} is open,” Zoë said.\r\n\
        中文报道：“我们没有计划。”\r\nقال الوزير: «لن نرفع الضرائب» ثم غادر.\r\nשלום, אמר הדובר.\r\n";

    fn span_of(needle: &str) -> (usize, usize) {
        let byte = TEXT.find(needle).unwrap();
        let start = TEXT[..byte].chars().count();
        (start, start + needle.chars().count())
    }

    fn export() -> Export {
        let pieces = [
            ("a1", "👩\u{200d}👩\u{200d}👧"),
            ("a2", "Cafe\u{301} is open,"),
            ("a3", "我们没有计划。"),
            ("a4", "لن نرفع الضرائب"),
            ("a5", "שלום"),
            ("a6", "\r\n中文"),
            ("a7", "🇫🇷"),
        ];
        let annotations = pieces
            .iter()
            .map(|(id, needle)| {
                let (start, end) = span_of(needle);
                Annotation {
                    id: id.to_string(),
                    label: Label::Quote,
                    start,
                    end,
                    text: needle.to_string(),
                    kind: Some(QuoteKind::Direct),
                    speaker: Some("Zoë".into()),
                    speaker_span: None,
                    cue: None,
                    confidence: 1.0,
                    origin: Origin::Annotator,
                    status: Status::Accepted,
                }
            })
            .collect();
        Export::new(vec![Document {
            id: "d1".into(),
            name: "mixed.txt".into(),
            text: TEXT.into(),
            sentences: vec![],
            annotations,
        }])
    }

    /// What JavaScript would do: encode to UTF-16 and slice.
    fn js_slice(text: &str, start: usize, end: usize) -> String {
        let units: Vec<u16> = text.encode_utf16().collect();
        String::from_utf16(&units[start..end]).unwrap()
    }

    #[test]
    fn sha256_is_the_hex_digest_of_the_utf8_text() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(
            sha256_hex(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }

    #[test]
    fn derived_fields_are_written_and_agree_with_javascript_slicing() {
        let e = export();
        let json = e.to_json();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let doc = &v["documents"][0];
        assert_eq!(doc["sha256"], sha256_hex(TEXT));
        assert_eq!(doc["sha256"].as_str().unwrap().len(), 64);
        for a in doc["annotations"].as_array().unwrap() {
            let s16 = a["start_utf16"].as_u64().unwrap() as usize;
            let e16 = a["end_utf16"].as_u64().unwrap() as usize;
            assert_eq!(js_slice(TEXT, s16, e16), a["text"].as_str().unwrap(), "{a}");
            let s = a["start"].as_u64().unwrap() as usize;
            let prefix: String = TEXT.chars().take(s).collect();
            assert_eq!(s16, prefix.encode_utf16().count());
        }
        // The ZWJ family is 5 code points but 8 UTF-16 units.
        let a1 = &doc["annotations"][0];
        assert_eq!(
            (a1["start"].as_u64(), a1["end"].as_u64()),
            (Some(0), Some(5))
        );
        assert_eq!(a1["end_utf16"].as_u64(), Some(8));
        // Field order: sha256 after text, the UTF-16 offsets after end.
        let order = ["\"text\"", "\"sha256\"", "\"sentences\""];
        let pos: Vec<usize> = order.iter().map(|k| json.find(k).unwrap()).collect();
        assert!(pos.windows(2).all(|w| w[0] < w[1]), "{json}");
        let a = json.find("\"annotations\"").unwrap();
        let keys = ["\"end\"", "\"start_utf16\"", "\"end_utf16\"", "\"text\""];
        let pos: Vec<usize> = keys
            .iter()
            .map(|k| a + json[a..].find(k).unwrap())
            .collect();
        assert!(pos.windows(2).all(|w| w[0] < w[1]), "{json}");
        // Round trip, and the methods agree with the JSON.
        assert_eq!(Export::parse(&json).unwrap(), e);
        assert_eq!(e.documents[0].sha256(), sha256_hex(TEXT));
        assert_eq!(e.documents[0].utf16_offsets()[0], (0, 8));
    }

    #[test]
    fn derived_fields_are_optional_when_reading() {
        let e = export();
        let mut v: serde_json::Value = serde_json::from_str(&e.to_json()).unwrap();
        let doc = v["documents"][0].as_object_mut().unwrap();
        doc.remove("sha256");
        for a in doc["annotations"].as_array_mut().unwrap() {
            a.as_object_mut().unwrap().remove("start_utf16");
        }
        assert_eq!(Export::parse(&v.to_string()).unwrap(), e);
        // Upper-case hex is the same digest.
        let mut v: serde_json::Value = serde_json::from_str(&e.to_json()).unwrap();
        v["documents"][0]["sha256"] = sha256_hex(TEXT).to_uppercase().into();
        assert_eq!(Export::parse(&v.to_string()).unwrap(), e);
    }

    #[test]
    fn inconsistent_derived_fields_are_refused_naming_the_record() {
        let e = export();
        let base: serde_json::Value = serde_json::from_str(&e.to_json()).unwrap();
        type Edit = fn(&mut serde_json::Value);
        let cases: [(Edit, &str); 5] = [
            (
                |v| v["documents"][0]["sha256"] = sha256_hex("other text").into(),
                "document 1 (\"mixed.txt\"): sha256 ",
            ),
            (
                |v| v["documents"][0]["sha256"] = "zz".into(),
                "does not match the text (whose sha256 is",
            ),
            (
                // Code point offsets given as UTF-16 offsets: the classic bug.
                |v| v["documents"][0]["annotations"][1]["start_utf16"] = 19.into(),
                "annotation \"a2\": start_utf16 19 does not match start",
            ),
            (
                |v| v["documents"][0]["annotations"][6]["end_utf16"] = 1.into(),
                "annotation \"a7\": end_utf16 1 does not match end",
            ),
            (
                // The text changed (CRLF to LF) but the hash did not.
                |v| {
                    let text = v["documents"][0]["text"]
                        .as_str()
                        .unwrap()
                        .replace("\r\n", "\n");
                    v["documents"][0]["text"] = text.into();
                    v["documents"][0]["annotations"] = serde_json::json!([]);
                },
                "sha256",
            ),
        ];
        for (edit, want) in cases {
            let mut v = base.clone();
            edit(&mut v);
            let got = Export::parse(&v.to_string()).unwrap_err().to_string();
            assert!(got.contains(want), "got {got:?}, want {want:?}");
        }
        // Wrong JSON types for the derived fields are refused, not ignored.
        let mut v = base.clone();
        v["documents"][0]["annotations"][0]["start_utf16"] = (-1).into();
        assert!(Export::parse(&v.to_string()).is_err());
        let mut v = base;
        v["documents"][0]["sha256"] = 5.into();
        assert!(Export::parse(&v.to_string()).is_err());
    }
}
