//! CSV of annotations for spreadsheets: one row per annotation, in document
//! order, with the columns `document`, `speaker`, `quote`, `label`,
//! `status` (`quote` is the annotated text, whatever the label).
//!
//! The file follows RFC 4180: CRLF line ends, a header row, fields holding a
//! comma, a double quote, CR or LF enclosed in double quotes, and double
//! quotes inside doubled. It starts with a UTF-8 byte order mark so that
//! spreadsheet programs read it as UTF-8. A cell beginning with `=`, `+`,
//! `-`, `@`, a tab or CR is prefixed with `'` so that a spreadsheet does
//! not run it as a formula (CSV injection).
//!
//! There are no offsets: rows name their document and quote the text.

use crate::format::Export;

/// The header row's cells.
pub const COLUMNS: [&str; 5] = ["document", "speaker", "quote", "label", "status"];

/// Writes the CSV.
pub fn export(export: &Export) -> String {
    let mut out = String::from("\u{feff}");
    row(&mut out, &COLUMNS);
    for doc in &export.documents {
        for a in &doc.annotations {
            row(
                &mut out,
                &[
                    &doc.name,
                    a.speaker.as_deref().unwrap_or(""),
                    &a.text,
                    a.label.as_str(),
                    a.status.as_str(),
                ],
            );
        }
    }
    out
}

fn row(out: &mut String, cells: &[&str]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&cell_text(cell));
    }
    out.push_str("\r\n");
}

/// One cell, defused and quoted as needed.
pub fn cell_text(cell: &str) -> String {
    let defused = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if defused.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}
