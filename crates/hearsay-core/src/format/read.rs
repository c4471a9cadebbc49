//! Reading an export: parsing, validating every offset and slice, and
//! checking the derived fields when present.

#[cfg(feature = "statements")]
use std::collections::HashMap;
use std::collections::HashSet;

use serde::Deserialize;

use crate::format::error::{strip_position, truncate};
use crate::format::{Annotation, Document, Export, FORMAT, FormatError, OFFSETS, VERSION};
use crate::{CharIndex, Sentence};

impl Export {
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
        #[cfg(feature = "statements")]
        self.validate_statements()?;
        Ok(())
    }

    #[cfg(feature = "statements")]
    /// Checks the statements: unique ids, members naming annotations of
    /// the export's documents, none twice, in two or more documents.
    fn validate_statements(&self) -> Result<(), FormatError> {
        if self.statements.is_empty() {
            return Ok(());
        }
        let annotations: HashMap<&str, HashSet<&str>> = self
            .documents
            .iter()
            .map(|d| {
                let ids = d.annotations.iter().map(|a| a.id.as_str()).collect();
                (d.id.as_str(), ids)
            })
            .collect();
        let mut ids = HashSet::new();
        // Each member seen so far, with the statement it was met in.
        let mut members: HashMap<(&str, &str), &str> = HashMap::new();
        for s in &self.statements {
            let err = |message: String| FormatError::Statement {
                statement: s.id.clone(),
                message,
            };
            if !ids.insert(s.id.as_str()) {
                return Err(err("duplicate statement id".to_string()));
            }
            let mut documents: Vec<&str> = Vec::new();
            for m in &s.members {
                let (d, a) = (m.document.as_str(), m.annotation.as_str());
                let Some(known) = annotations.get(d) else {
                    return Err(err(format!("member names unknown document {d:?}")));
                };
                if !known.contains(a) {
                    return Err(err(format!(
                        "member names unknown annotation {a:?} of document {d:?}"
                    )));
                }
                if let Some(first) = members.insert((d, a), s.id.as_str()) {
                    let where_ = if first == s.id {
                        "twice in this statement".to_string()
                    } else {
                        format!("already a member of statement {first:?}")
                    };
                    return Err(err(format!(
                        "annotation {a:?} of document {d:?} is {where_}"
                    )));
                }
                if !documents.contains(&d) {
                    documents.push(d);
                }
            }
            if documents.len() < 2 {
                return Err(err(format!(
                    "members lie in {} document{}: a statement spans two or more",
                    documents.len(),
                    if documents.len() == 1 { "" } else { "s" }
                )));
            }
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
                    as_json(a.confidence)
                )));
            }
            if let Some(c) = a.speaker_confidence
                && !(0.0..=1.0).contains(&c)
            {
                return Err(err(format!(
                    "speaker_confidence {} is not between 0 and 1",
                    as_json(c)
                )));
            }
        }
        Ok(())
    }
}

impl Document {
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

/// An export as read: the stored fields plus the optional derived ones.
#[derive(Deserialize)]
struct ExportIn {
    format: String,
    version: u32,
    offsets: String,
    #[serde(default)]
    annotator: Option<String>,
    documents: Vec<DocumentIn>,
    #[cfg(feature = "statements")]
    #[serde(default)]
    statements: Vec<crate::format::Statement>,
}

#[derive(Deserialize)]
struct DocumentIn {
    id: String,
    name: String,
    text: String,
    #[serde(default)]
    sha256: Option<String>,
    #[serde(default)]
    models: Option<String>,
    #[serde(default)]
    annotators: Vec<String>,
    sentences: Vec<Sentence>,
    annotations: Vec<AnnotationIn>,
}

/// An annotation as read: the stored fields of [`Annotation`] (the same
/// names and defaults) plus the optional derived offsets. The fields are
/// listed rather than flattened: serde's `flatten` buffers every field
/// and costs the page several KB of download.
#[derive(Deserialize)]
struct AnnotationIn {
    id: String,
    label: crate::Label,
    start: usize,
    end: usize,
    text: String,
    #[serde(default)]
    kind: Option<crate::QuoteKind>,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    speaker_span: Option<crate::Span>,
    #[serde(default)]
    cue: Option<String>,
    confidence: f32,
    #[serde(default)]
    speaker_confidence: Option<f32>,
    origin: crate::format::Origin,
    status: crate::format::Status,
    #[serde(default)]
    annotators: Vec<String>,
    #[serde(default)]
    start_utf16: Option<usize>,
    #[serde(default)]
    end_utf16: Option<usize>,
}

impl AnnotationIn {
    /// The annotation and its derived offsets.
    fn split(self) -> (Annotation, (Option<usize>, Option<usize>)) {
        (
            Annotation {
                id: self.id,
                label: self.label,
                start: self.start,
                end: self.end,
                text: self.text,
                kind: self.kind,
                speaker: self.speaker,
                speaker_span: self.speaker_span,
                cue: self.cue,
                confidence: self.confidence,
                speaker_confidence: self.speaker_confidence,
                origin: self.origin,
                status: self.status,
                annotators: self.annotators,
            },
            (self.start_utf16, self.end_utf16),
        )
    }
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
                        let (annotation, offsets) = a.split();
                        utf16.push(offsets);
                        annotation
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
                    annotators: d.annotators,
                    models: d.models,
                }
            })
            .collect();
        (
            Export {
                format: self.format,
                version: self.version,
                offsets: self.offsets,
                annotator: self.annotator,
                documents,
                #[cfg(feature = "statements")]
                statements: self.statements,
            },
            derived,
        )
    }
}

/// A number as JSON writes it ("1.5"): the export's own float writer, so
/// the page carries no second one for messages.
fn as_json(x: f32) -> String {
    serde_json::to_string(&x).unwrap_or_default()
}
