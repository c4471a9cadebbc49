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
//!      "cue": "said", "confidence": 0.93, "speaker_confidence": 0.88,
//!      "origin": "extractor", "status": "suggested"}]}]}
//! ```
//!
//! * `format` is always `"hearsay"`, `version` is `1` and `offsets` is
//!   `"codepoint"`: every `start`/`end` counts Unicode code points (scalar
//!   values) into the document's `text`, half-open `[start, end)`.
//! * `annotator` (optional, after `offsets`; left out when absent) names
//!   who annotated the export, so that a team's exports can be compared
//!   (`hearsay score`).
//! * A document's `name` is the file name without directories; its `id` is
//!   unique within the export.
//! * `sentences` are in text order, do not overlap and lie inside the text.
//! * An annotation's `label` is `"quote"`, `"claim"` or `"denial"`; its `text`
//!   equals the slice `text[start..end]` of the document; `kind` is
//!   `"direct"`, `"reported"` or `null`; `speaker`, `speaker_span` and `cue`
//!   may be `null` (and may be left out when reading); `confidence` is in
//!   `[0, 1]`, and so is `speaker_confidence`, the extractor's confidence in
//!   the speaker (`null` when no model chose it; may be left out when
//!   reading); both are calibrated: of the suggestions given a confidence
//!   of about `c`, a share of about `c` is right; `origin` is
//!   `"extractor"`, `"annotator"` or `"adjudicated"`; `status` is
//!   `"suggested"`, `"accepted"` or `"rejected"`. Annotation ids are unique
//!   within their document.
//! * Adjudication (optional; both left out when empty): a document that
//!   brings a team's exports together has `annotators`, the team's names in
//!   order (after `sha256`), and each of its annotations has `annotators`,
//!   who proposed it (after `status`), with `origin` `"adjudicated"`. An
//!   adjudicated annotation still `"suggested"` is a disagreement not yet
//!   settled; `"accepted"` ones are the gold (see
//!   [`crate::agreement::adjudicate`]).
//! * Statements (optional; left out when empty), after `documents`: one
//!   speaker's one statement as two or more documents report it,
//!   `{"id": "s1", "speaker": "Emmanuel Macron", "stance": "claim",
//!   "members": [{"document": "d1", "annotation": "a3"}, …]}`. `stance` is
//!   `"claim"` or `"denial"`; each member names an annotation of a document
//!   of the export; the members lie in two or more documents, and no
//!   annotation is a member twice (in one statement or in two). Statement
//!   ids are unique. See [`crate::statements`].
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
//!         speaker_confidence: None,
//!         origin: Origin::Annotator,
//!         status: Status::Accepted,
//!         annotators: vec![],
//!     }],
//!     annotators: vec![],
//!     models: None,
//! };
//! let export = Export::new(vec![doc]);
//! let json = export.to_json();
//! assert_eq!(Export::parse(&json).unwrap(), export);
//! assert!(Export::parse(&json.replace("\"No\"", "\"Yes\"")).is_err());
//! ```

mod error;
mod jsonl;
mod read;
#[cfg(test)]
mod tests;
mod types;
mod write;

pub use error::FormatError;
pub(crate) use error::truncate;
pub use jsonl::{document_jsonl, to_jsonl};
#[cfg(feature = "statements")]
pub use types::StatementIndex;
pub use types::{
    Annotation, Document, DocumentReview, Export, Member, Origin, Stance, Statement, Status,
    base_name, by_sentence, sha256_hex,
};
pub(crate) use types::{hex, spans_overlap};
pub use write::{ExportWriter, Layout};

/// The value of the `format` field.
pub const FORMAT: &str = "hearsay";
/// The value of the `version` field this module reads and writes.
pub const VERSION: u32 = 1;
/// The value of the `offsets` field: offsets count code points.
pub const OFFSETS: &str = "codepoint";
