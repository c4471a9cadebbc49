//! What the statements view shows, as plain data: one speaker's one
//! statement across the open documents (the core's
//! [`hearsay_core::statements`] grouping), the statements carried by most
//! documents first. For each: the speaker and the stance, every
//! document's wording with the words the others do not all share marked,
//! the documents that do not carry it, where each member's sentence is,
//! and whether two documents quote the speaker directly in words that
//! differ beyond punctuation (a possible misquote). Tested natively;
//! `app::statements` only draws it.
//!
//! The grouping is a suggestion: nothing here is exported as a decision.

use hearsay_core::QuoteKind;
use hearsay_core::format::{Annotation, Document, Stance, Status};
use hearsay_core::statements;

use crate::state::Workspace;

/// One document's wording of a statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Wording {
    /// The document's index among the open ones.
    pub doc: usize,
    /// The document's name.
    pub outlet: String,
    /// The index of the member's sentence in its document.
    pub sentence: usize,
    /// The member's words as written, each with whether another
    /// document's wording of the statement lacks it.
    pub words: Vec<(String, bool)>,
    /// Whether the document quotes the speaker's own words.
    pub direct: bool,
}

/// One statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Who made it, by the fullest name its members give.
    pub speaker: String,
    /// `claim` or `denial`.
    pub stance: &'static str,
    /// How many documents carry it.
    pub outlets: usize,
    /// One wording per document that carries it, in document order.
    pub wordings: Vec<Wording>,
    /// The open documents that do not carry it, by name.
    pub missing: Vec<String>,
    /// Whether two documents quote it directly in different words (beyond
    /// punctuation and case, and neither a part of the other).
    pub misquote: bool,
}

/// The whole view.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// One line: how many statements, across how many documents.
    pub summary: String,
    /// The statements, those carried by the most documents first.
    pub rows: Vec<Row>,
}

/// What the statements depend on: the documents' ids and, of each
/// annotation, its id, status and speaker. The view is grouped again only
/// when it changes, not when the cursor moves.
pub fn key(w: &Workspace) -> String {
    let mut key = String::new();
    for d in &w.docs {
        key.push('\u{1e}');
        key.push_str(&d.doc.id);
        for a in &d.doc.annotations {
            key.push('\u{1f}');
            key.push_str(&a.id);
            key.push(match a.status {
                Status::Suggested => 's',
                Status::Accepted => 'a',
                Status::Rejected => 'r',
            });
            key.push_str(a.speaker.as_deref().unwrap_or(""));
        }
    }
    key
}

/// The view of the open documents, or `None` with fewer than two.
pub fn of_workspace(w: &Workspace) -> Option<View> {
    let docs: Vec<&Document> = w.docs.iter().map(|d| &d.doc).collect();
    of_documents(&docs)
}

/// The view of `docs`, or `None` with fewer than two.
pub fn of_documents(docs: &[&Document]) -> Option<View> {
    if docs.len() < 2 {
        return None;
    }
    let mut rows: Vec<Row> = statements::group_documents(docs.iter().copied())
        .into_iter()
        .map(|s| {
            let members: Vec<(usize, &Annotation)> = s
                .members
                .iter()
                .filter_map(|m| {
                    let doc = docs.iter().position(|d| d.id == m.document)?;
                    let a = docs[doc]
                        .annotations
                        .iter()
                        .find(|a| a.id == m.annotation)?;
                    Some((doc, a))
                })
                .collect();
            row(docs, &s.speaker, s.stance, &members)
        })
        .collect();
    hearsay_core::order::sort_by(&mut rows, |a, b| b.outlets.cmp(&a.outlets));
    let summary = match rows.len() {
        0 => format!(
            "No statement is carried by two or more of the {} open documents.",
            docs.len()
        ),
        1 => format!("1 statement across the {} open documents.", docs.len()),
        n => format!("{n} statements across the {} open documents.", docs.len()),
    };
    Some(View { summary, rows })
}

/// A word as compared: lower case, letters and digits only.
fn fold(word: &str) -> String {
    word.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The folded words of `text`, empty ones dropped.
fn folded(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(fold)
        .filter(|w| !w.is_empty())
        .collect()
}

/// The row of one statement whose members are `members` (document index
/// and annotation, in order).
fn row(docs: &[&Document], speaker: &str, stance: Stance, members: &[(usize, &Annotation)]) -> Row {
    let members = shown(members);
    let members = members.as_slice();
    let words: Vec<Vec<String>> = members.iter().map(|(_, a)| folded(&a.text)).collect();
    let wordings = members
        .iter()
        .map(|&(doc, a)| {
            let others: Vec<&Vec<String>> = members
                .iter()
                .zip(&words)
                .filter(|((d, _), _)| *d != doc)
                .map(|(_, w)| w)
                .collect();
            let marked = a
                .text
                .split_whitespace()
                .map(|w| {
                    let f = fold(w);
                    let differs = !f.is_empty() && others.iter().any(|o| !o.contains(&f));
                    (w.to_owned(), differs)
                })
                .collect();
            Wording {
                doc,
                outlet: docs[doc].name.clone(),
                sentence: docs[doc].sentences.partition_point(|s| s.end <= a.start),
                words: marked,
                direct: a.kind == Some(QuoteKind::Direct),
            }
        })
        .collect();
    let mut carried: Vec<usize> = members.iter().map(|&(d, _)| d).collect();
    carried.dedup();
    let missing = (0..docs.len())
        .filter(|d| !carried.contains(d))
        .map(|d| docs[d].name.clone())
        .collect();
    Row {
        speaker: speaker.to_owned(),
        stance: match stance {
            Stance::Claim => "claim",
            Stance::Denial => "denial",
        },
        outlets: carried.len(),
        wordings,
        missing,
        misquote: misquoted(members, &words),
    }
}

/// One member per document, the one its wording is shown by: a direct
/// quote, else a reported one, else the shortest (a claim or a denial
/// often spans the whole sentence around the quote).
fn shown<'a>(members: &[(usize, &'a Annotation)]) -> Vec<(usize, &'a Annotation)> {
    let rank = |a: &Annotation| match a.kind {
        Some(QuoteKind::Direct) => 0,
        Some(QuoteKind::Reported) => 1,
        None => 2,
    };
    let mut out: Vec<(usize, &Annotation)> = Vec::new();
    for &(doc, a) in members {
        match out.iter_mut().find(|(d, _)| *d == doc) {
            Some(kept) => {
                if (rank(a), a.text.len()) < (rank(kept.1), kept.1.text.len()) {
                    kept.1 = a;
                }
            }
            None => out.push((doc, a)),
        }
    }
    out
}

/// Whether two direct quotes of different documents differ in their words
/// (beyond punctuation and case) while neither is a part of the other: a
/// shorter quote of the same words is no misquote.
fn misquoted(members: &[(usize, &Annotation)], words: &[Vec<String>]) -> bool {
    let direct: Vec<(usize, String)> = members
        .iter()
        .zip(words)
        .filter(|((_, a), _)| a.kind == Some(QuoteKind::Direct))
        .map(|((d, _), w)| (*d, format!(" {} ", w.join(" "))))
        .collect();
    direct.iter().enumerate().any(|(i, (da, a))| {
        direct[i + 1..]
            .iter()
            .any(|(db, b)| da != db && !a.contains(b.as_str()) && !b.contains(a.as_str()))
    })
}

#[cfg(test)]
mod tests {
    //! Three outlets written for these tests: two quote a port director's
    //! refusal, one in other words; the third reports something else.

    use super::*;

    const FIRST: &str = "The harbour board met on Monday in Kelvport. \
“We have ruled out closing the northern quay this winter,” port director Hanna Lind said. \
Dock workers said the repairs were overdue.";

    const SECOND: &str = "Kelvport's port director spoke to reporters on Monday. \
“We have ruled out shutting the northern quay this winter,” Hanna Lind said. \
The board will meet again in March.";

    const THIRD: &str = "Ferry timetables change next week in Kelvport. \
The new schedule adds two evening crossings, the operator said.";

    fn workspace(texts: &[(&str, &str)]) -> Workspace {
        let mut ws = Workspace::default();
        for (name, text) in texts {
            ws.add_text(name, text).unwrap();
        }
        ws
    }

    fn lind(view: &View) -> &Row {
        view.rows
            .iter()
            .find(|r| r.speaker == "Hanna Lind")
            .unwrap_or_else(|| panic!("no statement of Hanna Lind: {view:?}"))
    }

    #[test]
    fn one_document_has_no_view() {
        assert_eq!(of_workspace(&workspace(&[("a.txt", FIRST)])), None);
    }

    #[test]
    fn the_statement_of_two_outlets_is_one_row() {
        let view = of_workspace(&workspace(&[("a.txt", FIRST), ("b.txt", SECOND)])).unwrap();
        let row = lind(&view);
        assert_eq!(row.outlets, 2);
        let outlets: Vec<&str> = row.wordings.iter().map(|w| w.outlet.as_str()).collect();
        assert!(
            outlets.contains(&"a.txt") && outlets.contains(&"b.txt"),
            "{row:?}"
        );
        assert_eq!(row.stance, "denial");
    }

    #[test]
    fn the_summary_counts_statements_and_documents() {
        let view = of_workspace(&workspace(&[("a.txt", FIRST), ("b.txt", SECOND)])).unwrap();
        assert_eq!(
            view.summary,
            format!("{} statement across the 2 open documents.", view.rows.len())
        );
    }

    #[test]
    fn a_document_without_the_statement_is_listed_as_missing() {
        let view = of_workspace(&workspace(&[
            ("a.txt", FIRST),
            ("b.txt", SECOND),
            ("c.txt", THIRD),
        ]))
        .unwrap();
        assert_eq!(lind(&view).missing, ["c.txt"]);
    }

    #[test]
    fn the_words_one_outlet_does_not_share_are_marked() {
        let view = of_workspace(&workspace(&[("a.txt", FIRST), ("b.txt", SECOND)])).unwrap();
        let row = lind(&view);
        let marked = |outlet: &str| -> Vec<String> {
            let w = row.wordings.iter().find(|w| w.outlet == outlet).unwrap();
            w.words
                .iter()
                .filter(|(_, differs)| *differs)
                .map(|(word, _)| word.clone())
                .collect()
        };
        assert!(marked("a.txt").iter().any(|w| w == "closing"), "{row:?}");
        assert!(marked("b.txt").iter().any(|w| w == "shutting"), "{row:?}");
        assert!(!marked("a.txt").iter().any(|w| w == "northern"), "{row:?}");
    }

    #[test]
    fn each_document_shows_one_wording_its_direct_quote() {
        let view = of_workspace(&workspace(&[("a.txt", FIRST), ("b.txt", SECOND)])).unwrap();
        let row = lind(&view);
        assert_eq!(row.wordings.len(), 2, "{row:?}");
        assert!(row.wordings.iter().all(|w| w.direct), "{row:?}");
    }

    #[test]
    fn direct_quotes_in_other_words_are_a_possible_misquote() {
        let view = of_workspace(&workspace(&[("a.txt", FIRST), ("b.txt", SECOND)])).unwrap();
        let row = lind(&view);
        assert!(row.wordings.iter().any(|w| w.direct), "{row:?}");
        assert!(row.misquote, "{row:?}");
    }

    #[test]
    fn the_same_words_with_other_punctuation_are_no_misquote() {
        let again = SECOND
            .replace("shutting", "closing")
            .replace("winter,”", "winter”");
        let view = of_workspace(&workspace(&[("a.txt", FIRST), ("b.txt", &again)])).unwrap();
        assert!(!lind(&view).misquote, "{view:?}");
    }

    #[test]
    fn each_wording_points_at_its_sentence() {
        let ws = workspace(&[("a.txt", FIRST), ("b.txt", SECOND)]);
        let view = of_workspace(&ws).unwrap();
        for w in &lind(&view).wordings {
            let doc = &ws.docs[w.doc].doc;
            let s = doc.sentences[w.sentence];
            let sentence: String = doc
                .text
                .chars()
                .skip(s.start)
                .take(s.end - s.start)
                .collect();
            assert!(sentence.contains("northern quay"), "{sentence:?}");
        }
    }

    #[test]
    fn statements_of_more_outlets_come_first() {
        // The ferry chief's words open the first article and close the
        // third: two outlets, met before the director's three.
        let berg = format!(
            "Ferry chief Ola Berg said the new schedule adds two evening crossings. {FIRST}"
        );
        let again = format!("{FIRST} Ola Berg said the new timetable adds two evening crossings.");
        let ws = workspace(&[("a.txt", &berg), ("b.txt", SECOND), ("c.txt", &again)]);
        let view = of_workspace(&ws).unwrap();
        let speakers: Vec<(&str, usize)> = view
            .rows
            .iter()
            .map(|r| (r.speaker.as_str(), r.outlets))
            .collect();
        let at = |name: &str| speakers.iter().position(|(s, _)| *s == name);
        assert_eq!(speakers[0], ("Hanna Lind", 3), "{speakers:?}");
        assert!(at("Ola Berg").is_some(), "{speakers:?}");
    }

    #[test]
    fn moving_the_cursor_keeps_the_key() {
        let mut ws = workspace(&[("a.txt", FIRST), ("b.txt", SECOND)]);
        let before = key(&ws);
        ws.set_cursor(1);
        assert_eq!(key(&ws), before);
    }

    #[test]
    fn a_rejected_member_leaves_the_statement() {
        let mut ws = workspace(&[("a.txt", FIRST), ("b.txt", SECOND)]);
        let before = key(&ws);
        let (doc, sentence) = {
            let view = of_workspace(&ws).unwrap();
            let w = &lind(&view).wordings[0];
            (w.doc, w.sentence)
        };
        ws.select_doc(doc);
        ws.set_cursor(sentence);
        ws.reject();
        assert_ne!(key(&ws), before);
        let view = of_workspace(&ws).unwrap();
        assert!(
            view.rows.iter().all(|r| r.speaker != "Hanna Lind"),
            "{view:?}"
        );
    }
}
