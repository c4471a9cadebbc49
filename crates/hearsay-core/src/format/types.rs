//! The export's types: an [`Export`] of [`Document`]s, each with its
//! [`Annotation`]s, and what they know of themselves.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::format::{FORMAT, OFFSETS, VERSION};
use crate::{Analysis, CharIndex, Label, QuoteKind, Sentence, Span};

/// A whole export: a set of annotated documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Export {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`].
    pub version: u32,
    /// Always [`OFFSETS`].
    pub offsets: String,
    /// Who annotated these documents, when the export says so (a team's
    /// exports are told apart by it). Optional; not written when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotator: Option<String>,
    /// The documents, in order.
    pub documents: Vec<Document>,
    /// The statements reported in two or more of the documents (see
    /// [`crate::statements`]); empty, and then not written, for an export
    /// of one document or one without any.
    #[cfg(feature = "statements")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statements: Vec<Statement>,
}

/// One speaker's one statement as two or more documents report it, each in
/// its own words: the annotations that carry it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Identifier, unique within the export: `s1`, `s2`, ….
    pub id: String,
    /// Who made the statement, by the fullest name its members give.
    pub speaker: String,
    /// Whether the speaker asserts something or denies it.
    pub stance: Stance,
    /// The annotations reporting it, in document order; they lie in two or
    /// more documents, and none is listed twice.
    pub members: Vec<Member>,
}

/// One annotation of a document, as a member of a [`Statement`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Member {
    /// The document's id.
    pub document: String,
    /// The annotation's id within that document.
    pub annotation: String,
}

/// What a statement does with its proposition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Asserts (or leaves open) something.
    Claim,
    /// Denies, rules out or refuses something.
    Denial,
}

impl Stance {
    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Claim => "claim",
            Stance::Denial => "denial",
        }
    }
}

#[cfg(feature = "statements")]
impl Export {
    /// Which statement each member belongs to: what the CSV and JSONL
    /// exports write beside each annotation.
    pub fn statement_of(&self) -> StatementIndex<'_> {
        StatementIndex(
            self.statements
                .iter()
                .flat_map(|s| {
                    s.members
                        .iter()
                        .map(move |m| ((m.document.as_str(), m.annotation.as_str()), s.id.as_str()))
                })
                .collect(),
        )
    }
}

/// The statement of each member ([`Export::statement_of`]).
#[cfg(feature = "statements")]
#[derive(Debug, Default)]
pub struct StatementIndex<'a>(std::collections::HashMap<(&'a str, &'a str), &'a str>);

#[cfg(feature = "statements")]
impl<'a> StatementIndex<'a> {
    /// The id of the statement the annotation `annotation` of document
    /// `document` is a member of, if any.
    pub fn get(&self, document: &str, annotation: &str) -> Option<&'a str> {
        self.0.get(&(document, annotation)).copied()
    }
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
    /// For a document being adjudicated: the annotators whose exports were
    /// brought together, in order (key 1 takes the first one's). Empty
    /// otherwise, and then not written.
    #[serde(default)]
    pub annotators: Vec<String>,
    /// The id of the model bundle that last scored the document's
    /// suggestions ([`crate::learn::Bundle::id`]): a dataset says how it
    /// was pre-annotated. `None` (and not written) when no model did.
    #[serde(default)]
    pub models: Option<String>,
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
    /// Confidence in the speaker, in `[0, 1]`, when the extractor's model
    /// chose it.
    #[serde(default)]
    pub speaker_confidence: Option<f32>,
    /// Who made the annotation.
    pub origin: Origin,
    /// Where the annotation stands in review.
    pub status: Status,
    /// Which of a team's annotators proposed it (adjudication); empty
    /// otherwise, and then not written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotators: Vec<String>,
}

/// Who made an annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Suggested by the extractor.
    Extractor,
    /// Made by a human annotator.
    Annotator,
    /// Proposed by one or more of a team's annotators and settled (or to be
    /// settled) by adjudication; `annotators` names who proposed it.
    Adjudicated,
}

impl Origin {
    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Origin::Extractor => "extractor",
            Origin::Annotator => "annotator",
            Origin::Adjudicated => "adjudicated",
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
    /// An annotation with label `label` of `text`, the document's slice
    /// `[start, end)`: made by an annotator and accepted, with confidence 1
    /// and no kind, speaker or cue. The one constructor: every other
    /// annotation changes what differs from it with struct update syntax.
    ///
    /// ```
    /// use hearsay_core::format::{Annotation, Origin, Status};
    /// use hearsay_core::Label;
    ///
    /// let a = Annotation {
    ///     status: Status::Suggested,
    ///     origin: Origin::Extractor,
    ///     ..Annotation::new("a1", Label::Claim, 0, 3, "Yes")
    /// };
    /// assert_eq!((a.label, a.status, a.confidence), (Label::Claim, Status::Suggested, 1.0));
    /// ```
    pub fn new(
        id: impl Into<String>,
        label: Label,
        start: usize,
        end: usize,
        text: impl Into<String>,
    ) -> Annotation {
        Annotation {
            id: id.into(),
            label,
            start,
            end,
            text: text.into(),
            kind: None,
            speaker: None,
            speaker_span: None,
            cue: None,
            confidence: 1.0,
            speaker_confidence: None,
            origin: Origin::Annotator,
            status: Status::Accepted,
            annotators: Vec::new(),
        }
    }

    /// True if and only if the annotation counts as a label: a person
    /// accepted it, made it (made annotations are accepted), or settled it
    /// in adjudication. A suggestion still awaiting review is never
    /// confirmed, whoever proposed it.
    pub fn is_confirmed(&self) -> bool {
        self.status == Status::Accepted
    }

    /// True if and only if a person decided the annotation: accepted or
    /// rejected it (made annotations are accepted).
    pub fn is_decided(&self) -> bool {
        self.status != Status::Suggested
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

/// How far the review of a whole document has come, read from its
/// annotations' statuses (see [`Document::review`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DocumentReview {
    /// No annotation decided: every one is still a suggestion, or there is
    /// none. Nothing in it says what a person thinks.
    Unreviewed,
    /// Some annotations decided, some suggestions still waiting.
    Partial,
    /// Every annotation decided, and at least one.
    Reviewed,
}

impl DocumentReview {
    /// The lowercase name written into exports: `unreviewed`, `partial`,
    /// `reviewed`.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentReview::Unreviewed => "unreviewed",
            DocumentReview::Partial => "partial",
            DocumentReview::Reviewed => "reviewed",
        }
    }
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
                    speaker_confidence: s
                        .speaker_confidence
                        .filter(|c| c.is_finite())
                        .map(|c| c.clamp(0.0, 1.0)),
                    origin: Origin::Extractor,
                    status: Status::Suggested,
                    ..Annotation::new(
                        format!("a{}", i + 1),
                        s.label,
                        start,
                        end,
                        index.slice(start, end),
                    )
                }
            })
            .collect();
        Document {
            models: None,
            annotators: Vec::new(),
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
            annotator: None,
            documents,
            #[cfg(feature = "statements")]
            statements: Vec::new(),
        }
    }
}

/// Lowercase hex SHA-256 of the UTF-8 bytes of `text`.
pub fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// Lowercase hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 15)] as char);
    }
    out
}

impl Document {
    /// How far the document's review has come: [`DocumentReview::Reviewed`]
    /// when every annotation is decided (and there is one), `Partial` when
    /// some are, `Unreviewed` when none is. A document without any
    /// annotation is unreviewed: nothing says a person read it.
    pub fn review(&self) -> DocumentReview {
        let decided = self.annotations.iter().filter(|a| a.is_decided()).count();
        if decided == 0 {
            DocumentReview::Unreviewed
        } else if decided == self.annotations.len() {
            DocumentReview::Reviewed
        } else {
            DocumentReview::Partial
        }
    }

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
}
