//! Converting hearsay exports to and from other annotation tools' formats.
//!
//! The hearsay JSON ([`crate::format`]) stays canonical. [`export`] writes an
//! [`Export`] as one of the [`Target`] formats; [`import`] reads doccano,
//! Label Studio and brat data back into an [`Export`]. Everything works on
//! strings and bytes: no file I/O (the command line does files).
//!
//! An export says what people decided, never more. [`export`] writes
//! only decisions (accepted, made or adjudicated annotations), or carries
//! each annotation's review status where the format has a place for it;
//! a document nobody reviewed ([`DocumentReview::Unreviewed`]) is never
//! written as reviewed. Suggestions meant for review in another tool are a
//! separate export, [`export_pre_annotations`], for the four formats that
//! cannot tell a suggestion from a decision.
//!
//! | target | offsets | [`export`] writes | [`export_pre_annotations`] | speaker links |
//! | --- | --- | --- | --- | --- |
//! | doccano JSONL | code points | decided spans; unreviewed documents left out; `review` per line | every span not rejected, every document | relations variant |
//! | Label Studio JSON | code points | decided in `annotations`, suggestions in `predictions`; `meta.review` | (the default already separates them) | `relation` results |
//! | Prodigy JSONL | code points + token indices | `accept` tasks of decided spans (one per document if reviewed, one per span if partial), `reject` tasks; unreviewed documents left out | one task per document with every span not rejected and no `answer` | `relations` |
//! | brat standoff | code points | every span with its `Status` attribute | (the default carries the status) | `SaidBy` relations |
//! | W3C Web Annotation | code points | decided annotations | every annotation not rejected, suggestions with a `generator` and an `assessing` body | body |
//! | CSV | none | every annotation, with its `status` | (the default carries the status) | `speaker` column |
//!
//! Each module's documentation says why its unit is right for that format.
//!
//! ```
//! use hearsay_core::format::{Document, Export};
//! use hearsay_core::interop::{self, InputFile, Output, Source, Target};
//!
//! let doc = Document::from_analysis("d1", "a.txt", "Plain text.", &Default::default());
//! let export = Export::new(vec![doc]);
//! let target = Target::from_name("doccano").unwrap();
//! // Nobody reviewed the document: a dataset of decisions leaves it out,
//! // pre-annotations (for review in doccano) hold it.
//! assert_eq!(interop::export(&export, target), Output::Text(String::new()));
//! let Some(Output::Text(jsonl)) = interop::export_pre_annotations(&export, target) else {
//!     unreachable!()
//! };
//! let line: serde_json::Value = serde_json::from_str(jsonl.trim_end()).unwrap();
//! assert_eq!(line["text"], "Plain text.");
//! assert_eq!(line["label"], serde_json::json!([]));
//! assert_eq!(line["review"], "unreviewed");
//! // brat gives several files; `into_bytes` packs them as a zip.
//! let zip = interop::export(&export, Target::Brat).into_bytes();
//! let back = interop::import(Source::Brat, &[InputFile { name: "a.zip", bytes: &zip }]).unwrap();
//! assert_eq!(back.documents[0].text, "Plain text.");
//! ```
//! Importers refuse bad input with an [`ImportError`] naming the record
//! (line number, task index or brat id) and never panic.

use std::collections::HashMap;
use std::fmt;

use crate::format::{
    Annotation, Document, DocumentReview, Export, Origin, Status, base_name, truncate,
};
use crate::{CharIndex, Label, QuoteKind, Span};

pub mod brat;
pub mod csv;
pub mod doccano;
pub mod label_studio;
pub mod prodigy;
pub mod web_annotation;
pub mod zip;

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;

/// A format [`export`] can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// doccano sequence labelling JSONL: `{"text", "label": [[s, e, "QUOTE"]]}`.
    Doccano,
    /// doccano relation extraction JSONL: `entities` and `relations`.
    DoccanoRelations,
    /// Label Studio JSON tasks with `annotations` and `predictions`.
    LabelStudio,
    /// Prodigy JSONL tasks with `tokens`, `spans` and `relations`.
    Prodigy,
    /// brat standoff: a `.txt` and an `.ann` per document plus `annotation.conf`.
    Brat,
    /// W3C Web Annotation JSON-LD: an array of `Annotation`s.
    WebAnnotation,
    /// CSV of annotations for spreadsheets.
    Csv,
}

impl Target {
    /// Every target, in menu order.
    pub const ALL: [Target; 7] = [
        Target::Doccano,
        Target::DoccanoRelations,
        Target::LabelStudio,
        Target::Prodigy,
        Target::Brat,
        Target::WebAnnotation,
        Target::Csv,
    ];

    /// The name used by the command line (`--to NAME`).
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Doccano => "doccano",
            Target::DoccanoRelations => "doccano-relations",
            Target::LabelStudio => "label-studio",
            Target::Prodigy => "prodigy",
            Target::Brat => "brat",
            Target::WebAnnotation => "web-annotation",
            Target::Csv => "csv",
        }
    }

    /// A human name for menus.
    pub fn title(self) -> &'static str {
        match self {
            Target::Doccano => "doccano (JSONL)",
            Target::DoccanoRelations => "doccano with relations (JSONL)",
            Target::LabelStudio => "Label Studio (JSON)",
            Target::Prodigy => "Prodigy (JSONL)",
            Target::Brat => "brat standoff (zip)",
            Target::WebAnnotation => "W3C Web Annotation (JSON-LD)",
            Target::Csv => "CSV (spreadsheet)",
        }
    }

    /// True if and only if the target has a pre-annotation export
    /// ([`export_pre_annotations`]): doccano (both variants), Prodigy and
    /// W3C Web Annotation, which cannot carry a review status. The others
    /// write every annotation with its status in every export.
    pub fn has_pre_annotations(self) -> bool {
        matches!(
            self,
            Target::Doccano | Target::DoccanoRelations | Target::Prodigy | Target::WebAnnotation
        )
    }

    /// Parses [`Target::as_str`]; `None` for anything else.
    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// The file extension of the output (without the dot); `zip` for brat,
    /// whose [`Output::Files`] the web app packs with [`zip::write`].
    pub fn extension(self) -> &'static str {
        match self {
            Target::Doccano | Target::DoccanoRelations | Target::Prodigy => "jsonl",
            Target::LabelStudio => "json",
            Target::Brat => "zip",
            Target::WebAnnotation => "jsonld",
            Target::Csv => "csv",
        }
    }

    /// The media type of the output.
    pub fn mime(self) -> &'static str {
        match self {
            Target::Doccano | Target::DoccanoRelations | Target::Prodigy => "application/jsonl",
            Target::LabelStudio => "application/json",
            Target::Brat => "application/zip",
            Target::WebAnnotation => "application/ld+json",
            Target::Csv => "text/csv",
        }
    }
}

/// What [`export`] produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// One text file.
    Text(String),
    /// Several files: `(relative path, contents)`, in order.
    Files(Vec<(String, Vec<u8>)>),
}

impl Output {
    /// The output as one file's bytes: the text, or the files as a zip.
    pub fn into_bytes(self) -> Vec<u8> {
        match self {
            Output::Text(text) => text.into_bytes(),
            Output::Files(files) => zip::write(&files),
        }
    }
}

/// What an export of another tool's format holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Content {
    /// What people decided (see [`export`]).
    Decisions,
    /// Every annotation not rejected, for review in another tool (see
    /// [`export_pre_annotations`]).
    PreAnnotations,
}

/// Writes `export` in the `target` format: a dataset of what people
/// decided. Formats with a place for the review status carry it (Label
/// Studio's `annotations` and `predictions`, brat's `Status`, the CSV's
/// `status` column); the others write only decided annotations, and leave
/// out documents nobody reviewed (see the module's table). Never fails:
/// what a format cannot carry is left out (see each module).
pub fn export(export: &Export, target: Target) -> Output {
    let content = Content::Decisions;
    match target {
        Target::Doccano => Output::Text(doccano::export(export, doccano::Variant::Labels, content)),
        Target::DoccanoRelations => Output::Text(doccano::export(
            export,
            doccano::Variant::Relations,
            content,
        )),
        Target::LabelStudio => Output::Text(label_studio::export(export)),
        Target::Prodigy => Output::Text(prodigy::export(export, content)),
        Target::Brat => Output::Files(brat::export(export)),
        Target::WebAnnotation => Output::Text(web_annotation::export(export, content)),
        Target::Csv => Output::Text(csv::export(export)),
    }
}

/// Writes `export` as pre-annotations: every annotation not rejected, the
/// extractor's suggestions included, in every document, for review in
/// another tool. `None` for the targets that carry each annotation's
/// status in every export ([`Target::has_pre_annotations`] is false):
/// their [`export`] already is the pre-annotation.
pub fn export_pre_annotations(export: &Export, target: Target) -> Option<Output> {
    let content = Content::PreAnnotations;
    Some(match target {
        Target::Doccano => Output::Text(doccano::export(export, doccano::Variant::Labels, content)),
        Target::DoccanoRelations => Output::Text(doccano::export(
            export,
            doccano::Variant::Relations,
            content,
        )),
        Target::Prodigy => Output::Text(prodigy::export(export, content)),
        Target::WebAnnotation => Output::Text(web_annotation::export(export, content)),
        Target::LabelStudio | Target::Brat | Target::Csv => return None,
    })
}

/// The documents an export of `content` writes: for decisions, those a
/// person has reviewed at least in part.
pub(crate) fn documents_of(export: &Export, content: Content) -> impl Iterator<Item = &Document> {
    export.documents.iter().filter(move |d| {
        content == Content::PreAnnotations || d.review() != DocumentReview::Unreviewed
    })
}

/// True if `a` is written by an export of `content`: a decided label, or
/// for pre-annotations anything not rejected.
pub(crate) fn writes(content: Content, a: &Annotation) -> bool {
    match content {
        Content::Decisions => a.is_confirmed(),
        Content::PreAnnotations => a.status != Status::Rejected,
    }
}

/// A format [`import`] can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// doccano JSONL, either variant (`label` or `entities`/`relations`).
    Doccano,
    /// Label Studio JSON (a list of tasks, or one task).
    LabelStudio,
    /// brat standoff: `.txt` and `.ann` pairs, or a zip of them.
    Brat,
}

impl Source {
    /// Every source.
    pub const ALL: [Source; 3] = [Source::Doccano, Source::LabelStudio, Source::Brat];

    /// The name used by the command line (`--from NAME`).
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Doccano => "doccano",
            Source::LabelStudio => "label-studio",
            Source::Brat => "brat",
        }
    }

    /// Parses [`Source::as_str`]; `None` for anything else.
    pub fn from_name(name: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

impl Source {
    /// Guesses the format of a file from its name and first bytes: a zip,
    /// `.ann` or `.txt` is brat, JSON Lines (`.jsonl`, or several JSON
    /// objects on lines) is doccano, a JSON array or object with `data` is
    /// Label Studio. `None` if it looks like none of them (a hearsay export,
    /// for one).
    pub fn guess(name: &str, bytes: &[u8]) -> Option<Source> {
        let lower = name.to_ascii_lowercase();
        if bytes.starts_with(b"PK\x03\x04")
            || [".zip", ".ann", ".txt"].iter().any(|x| lower.ends_with(x))
        {
            return Some(Source::Brat);
        }
        if lower.ends_with(".jsonl") {
            return Some(Source::Doccano);
        }
        let text = std::str::from_utf8(bytes.get(..bytes.len().min(4096))?)
            .or_else(|e| std::str::from_utf8(&bytes[..e.valid_up_to()]))
            .ok()?;
        let text = text.trim_start_matches('\u{feff}').trim_start();
        if text.starts_with('[') {
            return Some(Source::LabelStudio);
        }
        if text.starts_with('{') {
            if text.contains("\"format\"") && text.contains("\"hearsay\"") {
                return None;
            }
            let first_line = text.lines().next().unwrap_or("");
            if serde_json::from_str::<serde_json::Value>(first_line).is_ok() {
                return Some(Source::Doccano);
            }
            return Some(Source::LabelStudio);
        }
        None
    }
}

/// One input file of [`import`].
#[derive(Debug, Clone, Copy)]
pub struct InputFile<'a> {
    /// The file name (directories are dropped from document names).
    pub name: &'a str,
    /// The file's bytes.
    pub bytes: &'a [u8],
}

/// Reads `files` as `source` data into one export. doccano and Label Studio
/// files are read each on its own; brat files are paired by base name
/// (`x.txt` with `x.ann`; a zip holds such pairs; other files are ignored).
pub fn import(source: Source, files: &[InputFile<'_>]) -> Result<Export, ImportError> {
    let mut documents = Vec::new();
    match source {
        Source::Doccano | Source::LabelStudio => {
            for f in files {
                let text = utf8(f.name, f.bytes)?;
                let docs = match source {
                    Source::Doccano => doccano::import(f.name, text)?,
                    _ => label_studio::import(f.name, text)?,
                };
                documents.extend(docs);
            }
        }
        Source::Brat => {
            let mut loose: Vec<(String, Vec<u8>)> = Vec::new();
            for f in files {
                if f.name.to_ascii_lowercase().ends_with(".zip") {
                    documents.extend(brat::import_zip(f.name, f.bytes)?);
                } else {
                    loose.push((f.name.to_string(), f.bytes.to_vec()));
                }
            }
            documents.extend(brat::import_files(&loose)?);
        }
    }
    renumber(&mut documents);
    let export = Export::new(documents);
    export
        .validate()
        .map_err(|e| ImportError::new("import", e.to_string()))?;
    Ok(export)
}

/// Gives documents the ids `d1`, `d2`, … and unique names.
fn renumber(documents: &mut [Document]) {
    for (i, d) in documents.iter_mut().enumerate() {
        d.id = format!("d{}", i + 1);
    }
}

/// Why [`import`] refused its input: which record, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The record: file and line, task index, brat id and the like.
    pub record: String,
    /// What is wrong with it.
    pub message: String,
}

impl ImportError {
    /// A refusal of `record` for the reason `message`.
    pub fn new(record: impl Into<String>, message: impl Into<String>) -> ImportError {
        ImportError {
            record: record.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.record, self.message)
    }
}

impl std::error::Error for ImportError {}

/// The bytes of `name` as UTF-8 text without a byte order mark.
pub(crate) fn utf8<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ImportError::new(name, format!("not valid UTF-8 (byte {})", e.valid_up_to()))
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

/// The label names of the span-labelling formats: upper case (doccano,
/// Prodigy) or title case (Label Studio, brat).
pub(crate) fn upper(label: Label) -> &'static str {
    match label {
        Label::Quote => "QUOTE",
        Label::Claim => "CLAIM",
        Label::Denial => "DENIAL",
    }
}

/// Title-case label names (Label Studio, brat).
pub(crate) fn title(label: Label) -> &'static str {
    match label {
        Label::Quote => "Quote",
        Label::Claim => "Claim",
        Label::Denial => "Denial",
    }
}

/// The label of speaker spans.
pub(crate) const SPEAKER: &str = "SPEAKER";
/// The relation from an annotation to its speaker's span.
pub(crate) const SAID_BY: &str = "SAID_BY";

/// What a span label read from another format means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum SpanKind {
    Annotation(Label),
    Speaker,
}

/// Parses a span label in any case (`quote`, `QUOTE`, `Quote`, `speaker`).
pub(crate) fn parse_label(name: &str) -> Option<SpanKind> {
    let lower = name.trim().to_ascii_lowercase();
    if lower == "speaker" {
        return Some(SpanKind::Speaker);
    }
    Label::parse(&lower).map(SpanKind::Annotation)
}

/// The message for an unknown label.
pub(crate) fn unknown_label(name: &str) -> String {
    format!(
        "unknown label {:?} (expected quote, claim, denial or speaker, in any case)",
        truncate(name, 40)
    )
}

/// True for relation names meaning "said by" (`SAID_BY`, `said_by`,
/// `SaidBy`, `said by`).
pub(crate) fn is_said_by(name: &str) -> bool {
    let squashed: String = name
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    squashed == "saidby"
}

/// The speaker spans of a document, each once, in text order, with the
/// index of each annotation's speaker span in that list.
pub(crate) struct Speakers {
    /// Distinct speaker spans in text order.
    pub spans: Vec<Span>,
    /// For each annotation (in document order), its speaker span's index.
    pub of: Vec<Option<usize>>,
}

impl Speakers {
    pub(crate) fn of(doc: &Document, keep: impl Fn(&Annotation) -> bool) -> Speakers {
        let len = CharIndex::new(&doc.text).len_chars();
        let mut spans: Vec<Span> = doc
            .annotations
            .iter()
            .filter(|a| keep(a))
            .filter_map(|a| a.speaker_span)
            .filter(|s| s.start < s.end && s.end <= len)
            .collect();
        crate::order::sort(&mut spans);
        spans.dedup();
        let of = doc
            .annotations
            .iter()
            .map(|a| {
                a.speaker_span
                    .filter(|_| keep(a))
                    .and_then(|s| spans.binary_search(&s).ok())
            })
            .collect();
        Speakers { spans, of }
    }
}

/// A span read from another format, before it becomes an annotation.
#[derive(Debug, Clone)]
pub(crate) struct DraftSpan {
    /// Where it came from, for messages (`line 3, entity 17`, `T4`).
    pub record: String,
    /// Its key in the source, for relations.
    pub key: String,
    pub kind: SpanKind,
    pub start: usize,
    pub end: usize,
    /// The text the source says the span covers, if it says.
    pub text: Option<String>,
    pub status: Status,
    pub quote_kind: Option<QuoteKind>,
    /// A speaker name the source gives without a span.
    pub speaker_name: Option<String>,
}

impl DraftSpan {
    pub(crate) fn new(
        record: String,
        key: String,
        kind: SpanKind,
        start: usize,
        end: usize,
    ) -> Self {
        DraftSpan {
            record,
            key,
            kind,
            start,
            end,
            text: None,
            status: Status::Accepted,
            quote_kind: None,
            speaker_name: None,
        }
    }
}

/// A "said by" link read from another format: keys of two spans.
#[derive(Debug, Clone)]
pub(crate) struct DraftLink {
    pub record: String,
    pub from: String,
    pub to: String,
}

/// Builds a document from spans and links, checking offsets, texts and
/// links. Annotations get ids `a1`, `a2`, … in the order of `spans`.
/// `compare` normalises texts before comparing (brat writes line breaks as
/// spaces).
pub(crate) fn build_document(
    name: &str,
    text: &str,
    spans: Vec<DraftSpan>,
    links: Vec<DraftLink>,
    compare: fn(&str) -> String,
) -> Result<Document, ImportError> {
    let index = CharIndex::new(text);
    let len = index.len_chars();
    let mut by_key: HashMap<&str, usize> = HashMap::new();
    for (i, s) in spans.iter().enumerate() {
        if s.start > s.end {
            return Err(ImportError::new(
                &s.record,
                format!("start {} is after end {}", s.start, s.end),
            ));
        }
        if s.end > len {
            return Err(ImportError::new(
                &s.record,
                format!(
                    "end {} is past the end of the text ({len} code points)",
                    s.end
                ),
            ));
        }
        if let Some(t) = &s.text {
            let slice = index.slice(s.start, s.end);
            if compare(t) != compare(slice) {
                return Err(ImportError::new(
                    &s.record,
                    format!(
                        "text {:?} differs from the text at {}..{} ({:?})",
                        truncate(t, 60),
                        s.start,
                        s.end,
                        truncate(slice, 60)
                    ),
                ));
            }
        }
        if by_key.insert(s.key.as_str(), i).is_some() {
            return Err(ImportError::new(
                &s.record,
                format!("duplicate id {:?}", s.key),
            ));
        }
    }
    let mut speaker_of: Vec<Option<usize>> = vec![None; spans.len()];
    for link in &links {
        let find = |key: &str| {
            by_key.get(key).copied().ok_or_else(|| {
                ImportError::new(
                    &link.record,
                    format!(
                        "refers to {:?}, which is not a span of this document",
                        truncate(key, 40)
                    ),
                )
            })
        };
        let (a, b) = (find(&link.from)?, find(&link.to)?);
        let (annotation, speaker) = match (spans[a].kind, spans[b].kind) {
            (SpanKind::Annotation(_), SpanKind::Speaker) => (a, b),
            (SpanKind::Speaker, SpanKind::Annotation(_)) => (b, a),
            _ => {
                return Err(ImportError::new(
                    &link.record,
                    "a said-by relation must link a quote, claim or denial to a speaker span",
                ));
            }
        };
        if speaker_of[annotation].is_some_and(|s| s != speaker) {
            return Err(ImportError::new(
                &link.record,
                format!("{} already has another speaker", spans[annotation].record),
            ));
        }
        speaker_of[annotation] = Some(speaker);
    }
    let mut annotations = Vec::new();
    for (i, s) in spans.iter().enumerate() {
        let SpanKind::Annotation(label) = s.kind else {
            continue;
        };
        let speaker_span = speaker_of[i].map(|k| Span {
            start: spans[k].start,
            end: spans[k].end,
        });
        let speaker = s
            .speaker_name
            .clone()
            .or_else(|| speaker_span.map(|sp| index.slice(sp.start, sp.end).trim().to_string()));
        let id = format!("a{}", annotations.len() + 1);
        annotations.push(Annotation {
            kind: s.quote_kind,
            speaker,
            speaker_span,
            status: s.status,
            // A span the source marks as awaiting review (a Label Studio
            // prediction, a brat `Status Suggested`) is a machine's
            // suggestion, not a person's annotation.
            origin: if s.status == Status::Suggested {
                Origin::Extractor
            } else {
                Origin::Annotator
            },
            ..Annotation::new(id, label, s.start, s.end, index.slice(s.start, s.end))
        });
    }
    Ok(Document {
        models: None,
        annotators: Vec::new(),
        id: String::new(),
        name: base_name(name).to_string(),
        text: text.to_string(),
        sentences: Vec::new(),
        annotations,
    })
}

/// Compares texts as they are.
pub(crate) fn same(s: &str) -> String {
    s.to_string()
}

/// A JSON value's short description for messages.
pub(crate) fn describe(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Reads a non-negative integer offset field of a JSON object.
pub(crate) fn offset_field(
    obj: &serde_json::Map<String, serde_json::Value>,
    field: &str,
    record: &str,
) -> Result<usize, ImportError> {
    let v = obj
        .get(field)
        .ok_or_else(|| ImportError::new(record, format!("missing {field:?}")))?;
    as_offset(v).ok_or_else(|| {
        ImportError::new(
            record,
            format!(
                "{field:?} is {} {}, not an offset",
                describe(v),
                truncate(&v.to_string(), 30)
            ),
        )
    })
}

/// A JSON number that is a non-negative integer fitting `usize`.
pub(crate) fn as_offset(v: &serde_json::Value) -> Option<usize> {
    v.as_u64().and_then(|n| usize::try_from(n).ok())
}

/// A JSON string or number as an id string.
pub(crate) fn id_string(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// One record of a file: how messages name it, and the name its document
/// takes when the record gives none.
pub(crate) struct Record {
    /// "a.jsonl line 3", "t.json task 2 (id 7)".
    pub label: String,
    /// "a-3.txt".
    pub fallback_name: String,
}

impl Record {
    /// The document name in the record's `name` field, or the fallback.
    pub(crate) fn name_in(&self, obj: &serde_json::Map<String, serde_json::Value>) -> String {
        match obj.get("name") {
            Some(serde_json::Value::String(n)) if !n.is_empty() => n.clone(),
            _ => self.fallback_name.clone(),
        }
    }
}

/// A document name for the `n`th record of `file` without a name of its own.
pub(crate) fn record_name(file: &str, n: usize) -> String {
    let base = base_name(file);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    format!("{stem}-{n}.txt")
}

/// A few code points of context before and after `[start, end)`.
pub(crate) fn context(
    index: &CharIndex<'_>,
    start: usize,
    end: usize,
    n: usize,
) -> (String, String) {
    let prefix = index.slice(start.saturating_sub(n), start).to_string();
    let suffix = index.slice(end, end.saturating_add(n)).to_string();
    (prefix, suffix)
}
