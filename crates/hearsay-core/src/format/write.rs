//! Writing an export: pretty JSON with the derived fields, whole or one
//! document at a time.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::Sentence;
use crate::format::jsonl::document_jsonl;
use crate::format::{Annotation, Document, Export};

/// Indents every line after the first by the given spaces: a document's
/// pretty JSON nested two levels deep in an export (four), the statements
/// one level (two). Pretty JSON never has a raw line break inside a string,
/// so every `\n` is a line of the layout.
struct Indent<'a, W: ?Sized>(&'a mut W, &'static [u8]);

impl<W: std::io::Write + ?Sized> std::io::Write for Indent<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut rest = buf;
        while let Some(i) = rest.iter().position(|&b| b == b'\n') {
            self.0.write_all(&rest[..=i])?;
            self.0.write_all(self.1)?;
            rest = &rest[i + 1..];
        }
        self.0.write_all(rest)?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

impl Export {
    /// Pretty JSON, fields in the contract's order.
    pub fn to_json(&self) -> String {
        // Serialising these plain structs cannot fail; NaN confidences (which
        // `parse` refuses anyway) come out as `null`.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// How a document is written: the stored fields plus the derived ones.
#[derive(Serialize)]
struct DocumentOut<'a> {
    id: &'a str,
    name: &'a str,
    text: &'a str,
    sha256: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    models: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    annotators: &'a [String],
    sentences: &'a [Sentence],
    annotations: Vec<AnnotationOut<'a>>,
}

/// How an annotation is written inside its document: its fields, with the
/// derived UTF-16 offsets after `end`.
struct AnnotationOut<'a> {
    annotation: &'a Annotation,
    utf16: (usize, usize),
}

impl Serialize for AnnotationOut<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let a = self.annotation;
        let mut out = serializer.serialize_struct("Annotation", 16)?;
        out.serialize_field("id", &a.id)?;
        out.serialize_field("label", &a.label)?;
        out.serialize_field("start", &a.start)?;
        out.serialize_field("end", &a.end)?;
        out.serialize_field("start_utf16", &self.utf16.0)?;
        out.serialize_field("end_utf16", &self.utf16.1)?;
        out.serialize_field("text", &a.text)?;
        out.serialize_field("kind", &a.kind)?;
        out.serialize_field("speaker", &a.speaker)?;
        out.serialize_field("speaker_span", &a.speaker_span)?;
        out.serialize_field("cue", &a.cue)?;
        out.serialize_field("confidence", &a.confidence)?;
        out.serialize_field("speaker_confidence", &a.speaker_confidence)?;
        out.serialize_field("origin", &a.origin)?;
        out.serialize_field("status", &a.status)?;
        if a.annotators.is_empty() {
            out.skip_field("annotators")?;
        } else {
            out.serialize_field("annotators", &a.annotators)?;
        }
        out.end()
    }
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let utf16 = self.utf16_offsets();
        DocumentOut {
            id: &self.id,
            name: &self.name,
            text: &self.text,
            sha256: self.sha256(),
            models: self.models.as_deref(),
            annotators: &self.annotators,
            sentences: &self.sentences,
            annotations: self
                .annotations
                .iter()
                .zip(utf16)
                .map(|(annotation, utf16)| AnnotationOut { annotation, utf16 })
                .collect(),
        }
        .serialize(serializer)
    }
}

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
                serde_json::to_writer_pretty(Indent(&mut self.out, b"    "), doc)?;
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
            self.out.write_all(self.documents_tail())?;
            self.out.write_all(b"\n}")?;
        }
        Ok(self.out)
    }

    /// What ends the `documents` list.
    fn documents_tail(&self) -> &'static [u8] {
        if self.documents == 0 { b"]" } else { b"\n  ]" }
    }

    /// Ends the export with its `statements` (none: the same as
    /// [`ExportWriter::finish`]) and hands the sink back. JSON writes them
    /// after the documents, as [`Export::to_json`] does; JSONL lines,
    /// already written, cannot name them (convert a JSON export with
    /// [`to_jsonl`](crate::format::to_jsonl) for that).
    #[cfg(feature = "statements")]
    pub fn finish_with(mut self, statements: &[crate::format::Statement]) -> std::io::Result<W> {
        if self.layout == Layout::Json {
            self.out.write_all(self.documents_tail())?;
            if !statements.is_empty() {
                self.out.write_all(b",\n  \"statements\": ")?;
                serde_json::to_writer_pretty(Indent(&mut self.out, b"  "), statements)?;
            }
            self.out.write_all(b"\n}")?;
        }
        Ok(self.out)
    }
}
