//! What the team view of an adjudication document shows, as plain data:
//! the agreement table (one table, the per-document rows under their own
//! heading row, so that their columns line up), the progress, the key
//! hint (drawn from [`COMMANDS`]) and the disagreements around the current
//! one. Tested natively, as `rows` is; `app::team` only draws it, and
//! draws each part again only when that part changed.
//!
//! ```
//! use hearsay_web::team_view;
//!
//! assert!(team_view::hint().contains("1–9 take"));
//! ```

use hearsay_core::format::Status;

use hearsay_core::agreement::Choice;

use crate::commands::{Action, COMMANDS};
use crate::figures::{Figures, MEASURES, Row, quoted, thousandths};
use crate::state::Workspace;

/// Items drawn before the current one, and in all.
pub const BEFORE: usize = 2;
/// Items drawn in all.
pub const DRAWN: usize = 12;

/// The agreement table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Who is compared, over how many sentences.
    pub caption: String,
    /// The column headings: `label`, then the measures.
    pub head: Vec<&'static str>,
    /// Per label, then `all`.
    pub rows: Vec<FigureRow>,
    /// The heading row of the per-document rows (`None` with one
    /// document), and the rows.
    pub documents: Option<(&'static str, Vec<FigureRow>)>,
}

/// One row of figures, each a button to the disagreements behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRow {
    /// The row's heading: the label, or the document's name.
    pub head: String,
    /// What its buttons go to (`data-go`): the document's index and the label.
    pub go: String,
    /// Its cells, in [`MEASURES`] order.
    pub cells: Vec<FigureCell>,
}

/// One figure.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureCell {
    /// `quote`, `claim`, `denial` or `all`.
    pub label: &'static str,
    /// The measure ([`MEASURES`]).
    pub measure: &'static str,
    /// The figure as shown (`—` when it is undefined).
    pub text: String,
    /// The figure for `data-value`: empty when it is undefined.
    pub value: String,
}

/// The progress, the hint and the disagreements drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Disagreements {
    /// `settled of items settled`.
    pub progress: String,
    /// The keys of adjudication.
    pub hint: String,
    /// The items drawn, around the current one.
    pub items: Vec<ItemView>,
}

/// One disagreement.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemView {
    /// Its index among the document's disagreements.
    pub index: usize,
    /// Its label.
    pub label: &'static str,
    /// Whether every proposal in it was accepted or rejected.
    pub settled: bool,
    /// Whether it is the current one.
    pub current: bool,
    /// Per annotator: the key, the name, and what they proposed.
    pub proposals: Vec<(String, String, String)>,
}

/// The table of `f`, whose buttons go to document `current` (the rows of
/// each document to that document).
pub fn table(current: usize, f: &Figures) -> Table {
    let head = std::iter::once("label")
        .chain(MEASURES.iter().map(|&(measure, name)| {
            if measure == "kappa" {
                f.kappa_name()
            } else {
                name
            }
        }))
        .collect();
    Table {
        caption: format!(
            "Agreement of {} over {} sentences",
            f.annotators.join(", "),
            f.sentences
        ),
        head,
        rows: f
            .rows
            .iter()
            .map(|r| figure_row(current, r.label, r))
            .collect(),
        documents: (!f.documents.is_empty()).then(|| {
            (
                "Per document, all labels",
                f.documents
                    .iter()
                    .map(|(i, name, r)| figure_row(*i, name, r))
                    .collect(),
            )
        }),
    }
}

fn figure_row(doc: usize, head: &str, row: &Row) -> FigureRow {
    FigureRow {
        head: head.to_owned(),
        go: format!("{doc} {}", row.label),
        cells: row
            .cells
            .iter()
            .map(|c| {
                let text = thousandths(c.value);
                FigureCell {
                    label: row.label,
                    measure: c.measure,
                    value: if c.value.is_some() {
                        text.clone()
                    } else {
                        String::new()
                    },
                    text,
                }
            })
            .collect(),
    }
}

/// The keys of adjudication, from [`COMMANDS`]: `u undo · 1–9 take · …`.
pub fn hint() -> String {
    COMMANDS
        .iter()
        .filter(|c| matches!(c.action, Action::Settle(_) | Action::Item(_) | Action::Undo))
        .map(|c| {
            let keys = match (c.action, c.inputs) {
                (Action::Settle(Choice::Take(_)), [first, .., last]) => {
                    format!("{}–{}", first.label(), last.label())
                }
                _ => c.key(),
            };
            format!("{keys} {}", c.name.replace('-', " "))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The progress and the disagreements of the document on screen.
pub fn disagreements(w: &Workspace) -> Disagreements {
    let p = w.progress();
    let mut items = Vec::new();
    if let Some(d) = w.doc() {
        let all = w.items();
        let at = d.item.min(all.len().saturating_sub(1));
        for (index, item) in all
            .iter()
            .enumerate()
            .skip(at.saturating_sub(BEFORE))
            .take(DRAWN)
        {
            let proposals = d
                .doc
                .annotators
                .iter()
                .enumerate()
                .map(|(k, name)| {
                    let mine: Vec<String> = item
                        .members
                        .iter()
                        .map(|&m| &d.doc.annotations[m])
                        .filter(|a| a.annotators.contains(name))
                        .map(|a| {
                            let mark = match a.status {
                                Status::Accepted => " ✓",
                                Status::Rejected => " ✗",
                                Status::Suggested => "",
                            };
                            let text = quoted(&a.text);
                            match &a.speaker {
                                Some(s) => format!("{text} — {s}{mark}"),
                                None => format!("{text}{mark}"),
                            }
                        })
                        .collect();
                    let said = if mine.is_empty() {
                        "nothing".to_owned()
                    } else {
                        mine.join(" · ")
                    };
                    ((k + 1).to_string(), name.clone(), said)
                })
                .collect();
            items.push(ItemView {
                index,
                label: item.label.as_str(),
                settled: item.settled,
                current: index == at,
                proposals,
            });
        }
    }
    Disagreements {
        progress: format!("{} of {} settled", p.settled, p.items),
        hint: hint(),
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::Cell;
    use crate::state::export_of;
    use hearsay_core::Label;

    fn figures(documents: usize) -> Figures {
        let row = |label: &'static str, of: Option<Label>| Row {
            label,
            of,
            cells: MEASURES
                .iter()
                .enumerate()
                .map(|(k, &(measure, _))| Cell {
                    measure,
                    value: (k != 3).then_some(0.5 + k as f64 / 10.0),
                })
                .collect(),
        };
        Figures {
            annotators: vec!["ann".into(), "bob".into()],
            sentences: 7,
            rows: vec![row("quote", Some(Label::Quote)), row("all", None)],
            documents: (0..documents)
                .map(|i| (i, format!("d{i}.txt"), row("all", None)))
                .collect(),
        }
    }

    #[test]
    fn the_table_names_who_is_compared_and_the_kappa_of_a_pair() {
        let t = table(0, &figures(0));
        assert_eq!(t.caption, "Agreement of ann, bob over 7 sentences");
        assert_eq!(
            t.head,
            [
                "label",
                "span F1",
                "exact F1",
                "speaker",
                "Cohen's kappa",
                "alpha"
            ]
        );
    }

    #[test]
    fn each_figure_goes_to_its_document_and_label() {
        let t = table(3, &figures(0));
        assert_eq!(t.rows[0].go, "3 quote");
        assert_eq!(t.rows[1].go, "3 all");
        assert_eq!(t.rows[0].cells[0].measure, "span_f1");
        assert_eq!(t.rows[0].cells[0].text, "0.500");
        assert_eq!(t.rows[0].cells[0].value, "0.500");
    }

    #[test]
    fn an_undefined_figure_has_no_value() {
        let t = table(0, &figures(0));
        let kappa = &t.rows[0].cells[3];
        assert_eq!(kappa.measure, "kappa");
        assert_eq!(kappa.value, "");
        assert_eq!(kappa.text, thousandths(None));
    }

    #[test]
    fn per_document_rows_come_under_their_own_heading_with_the_same_columns() {
        let t = table(0, &figures(2));
        let (heading, rows) = t.documents.expect("two documents");
        assert_eq!(heading, "Per document, all labels");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].head, "d1.txt");
        assert_eq!(rows[1].go, "1 all");
        assert_eq!(rows[1].cells.len(), t.head.len() - 1);
    }

    #[test]
    fn one_document_has_no_per_document_rows() {
        assert_eq!(table(0, &figures(0)).documents, None);
    }

    #[test]
    fn the_hint_gives_every_adjudication_key_from_the_commands() {
        assert_eq!(
            hint(),
            "u undo · 1–9 take · b both · n neither · ] next item · [ previous item"
        );
    }

    /// An adjudication document of two annotators who disagree on a quote.
    fn adjudicating() -> Workspace {
        let text = "Mara said the pier reopens in May. The council met.";
        let mut ann = export_of(
            "pier.txt",
            text,
            false,
            &[(Label::Quote, "the pier reopens in May")],
        );
        for a in &mut ann.documents[0].annotations {
            a.status = Status::Accepted;
            a.speaker = Some("Mara".into());
        }
        let bob = export_of("pier.txt", text, false, &[]);
        let mut ws = Workspace::default();
        ws.add_team(&[("ann".to_owned(), ann), ("bob".to_owned(), bob)])
            .expect("a team of two");
        ws
    }

    #[test]
    fn each_annotator_s_proposal_is_shown_beside_their_key() {
        let ws = adjudicating();
        let d = disagreements(&ws);
        assert_eq!(d.progress, "0 of 1 settled");
        assert_eq!(d.items.len(), 1);
        let item = &d.items[0];
        assert!(item.current && !item.settled);
        assert_eq!(item.label, "quote");
        assert_eq!(
            item.proposals,
            [
                (
                    "1".to_owned(),
                    "ann".to_owned(),
                    "“the pier reopens in May” — Mara".to_owned()
                ),
                ("2".to_owned(), "bob".to_owned(), "nothing".to_owned()),
            ]
        );
    }

    #[test]
    fn a_settled_item_shows_what_was_kept() {
        let mut ws = adjudicating();
        assert!(ws.settle(Choice::Take(0)));
        let d = disagreements(&ws);
        assert_eq!(d.progress, "1 of 1 settled");
        assert!(d.items[0].settled);
        assert!(
            d.items[0].proposals[0].2.ends_with(" ✓"),
            "{:?}",
            d.items[0]
        );
    }

    #[test]
    fn moving_the_sentence_cursor_does_not_change_the_disagreements() {
        let mut ws = adjudicating();
        let before = disagreements(&ws);
        ws.set_cursor(0);
        assert_eq!(disagreements(&ws), before);
    }
}
