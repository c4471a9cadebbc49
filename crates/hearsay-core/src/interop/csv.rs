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
//! An export with statements (several documents) gets a sixth column,
//! `statement`: the id of the statement the annotation is a member of, or
//! empty. An export without any keeps the five columns.
//!
//! There are no offsets: rows name their document and quote the text.

use crate::format::Export;

/// The header row's cells.
pub const COLUMNS: [&str; 5] = ["document", "speaker", "quote", "label", "status"];

/// Writes the CSV.
pub fn export(export: &Export) -> String {
    let mut out = String::from("\u{feff}");
    #[cfg(feature = "statements")]
    let (statement_of, columns) = {
        let index = export.statement_of();
        let columns = if export.statements.is_empty() { 5 } else { 6 };
        (move |d: &str, a: &str| index.get(d, a), columns)
    };
    #[cfg(not(feature = "statements"))]
    let (statement_of, columns) = (|_: &str, _: &str| None::<&str>, 5);
    row(
        &mut out,
        &[&COLUMNS[..], &["statement"]].concat()[..columns],
    );
    for doc in &export.documents {
        for a in &doc.annotations {
            let statement = statement_of(&doc.id, &a.id).unwrap_or("");
            let cells = [
                &doc.name,
                a.speaker.as_deref().unwrap_or(""),
                &a.text,
                a.label.as_str(),
                a.status.as_str(),
                statement,
            ];
            row(&mut out, &cells[..columns]);
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

#[cfg(test)]
mod review_tests {
    //! Every row says its annotation's status.

    use crate::interop::fixture::{self, SUGGESTED};
    use crate::interop::{Output, Target, export, export_pre_annotations};

    fn rows() -> Vec<Vec<String>> {
        let Output::Text(text) = export(&fixture::export(), Target::Csv) else {
            panic!("one text file")
        };
        // The fixture's texts hold no comma inside a cell but the quotes'
        // own, which are enclosed: split on the cells' quotes.
        text.trim_start_matches('\u{feff}')
            .lines()
            .skip(1)
            .map(|l| {
                let mut cells = Vec::new();
                let mut cell = String::new();
                let mut quoted = false;
                for c in l.chars() {
                    match c {
                        '"' => quoted = !quoted,
                        ',' if !quoted => cells.push(std::mem::take(&mut cell)),
                        _ => cell.push(c),
                    }
                }
                cells.push(cell);
                cells
            })
            .collect()
    }

    #[test]
    fn suggestion_row_says_suggested() {
        for row in rows().iter().filter(|r| SUGGESTED.contains(&r[2].as_str())) {
            assert_eq!(row[4], "suggested", "{row:?}");
        }
        assert_eq!(
            rows().iter().filter(|r| r[4] == "suggested").count(),
            SUGGESTED.len()
        );
    }

    #[test]
    fn decision_rows_say_accepted_or_rejected() {
        let statuses: Vec<String> = rows()
            .into_iter()
            .filter(|r| r[0] == "reviewed.txt")
            .map(|r| r[4].clone())
            .collect();
        assert_eq!(statuses, ["accepted", "rejected", "accepted"]);
    }

    #[test]
    fn has_no_separate_pre_annotations() {
        assert!(export_pre_annotations(&fixture::export(), Target::Csv).is_none());
    }
}

#[cfg(all(test, feature = "statements"))]
mod statement_tests {
    //! The `statement` column, present only when the export has statements.

    use crate::format::{Member, Stance, Statement};
    use crate::interop::fixture;

    fn header(text: &str) -> &str {
        text.trim_start_matches('\u{feff}').lines().next().unwrap()
    }

    #[test]
    fn without_statements_there_are_five_columns() {
        let text = super::export(&fixture::export());
        assert_eq!(header(&text), "document,speaker,quote,label,status");
    }

    #[test]
    fn a_member_row_names_its_statement() {
        let mut e = fixture::export();
        let (d1, d2) = (&e.documents[0], &e.documents[1]);
        let members = vec![
            Member {
                document: d1.id.clone(),
                annotation: d1.annotations[0].id.clone(),
            },
            Member {
                document: d2.id.clone(),
                annotation: d2.annotations[0].id.clone(),
            },
        ];
        e.statements = vec![Statement {
            id: "s1".into(),
            speaker: "Someone".into(),
            stance: Stance::Claim,
            members,
        }];
        let text = super::export(&e);
        assert_eq!(
            header(&text),
            "document,speaker,quote,label,status,statement"
        );
        let rows: Vec<&str> = text.lines().skip(1).collect();
        assert!(rows[0].ends_with(",s1"), "{}", rows[0]);
        assert!(rows[1].ends_with(','), "{}", rows[1]);
    }
}
