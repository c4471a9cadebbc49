//! Why an export was refused, naming the record.

use std::fmt;

/// At most `max` characters of `s`, with `…` if cut.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((byte, _)) => format!("{}…", &s[..byte]),
        None => s.to_string(),
    }
}

/// serde_json appends " at line L column C"; we report those separately.
pub(super) fn strip_position(message: &str) -> String {
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
    /// A problem with one statement of the export.
    Statement {
        /// The statement's id.
        statement: String,
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
            FormatError::Statement { statement, message } => {
                write!(f, "statement {statement:?}: {message}")
            }
        }
    }
}

impl std::error::Error for FormatError {}
