//! The team's agreement as the page shows it: the core's
//! [`panel`](hearsay_core::agreement::panel) of the adjudication documents,
//! laid out as table rows, and numbers written without float formatting
//! (which would add its code to the download).
//!
//! Plain Rust, tested natively.
//!
//! ```
//! use hearsay_web::figures::thousandths;
//!
//! assert_eq!(thousandths(Some(2.0 / 3.0)), "0.667");
//! assert_eq!(thousandths(None), "–");
//! ```

use hearsay_core::Label;
use hearsay_core::agreement::{Panel, exports_of, panel};
use hearsay_core::format::Document;

use crate::state::Workspace;

/// `x` with three decimals (`0.667`, `-0.125`, `1.000`), or `–` when
/// undefined.
pub fn thousandths(x: Option<f64>) -> String {
    x.filter(|x| x.is_finite())
        .map_or_else(|| "–".to_owned(), |x| crate::rows::fixed(x, 3))
}

/// One figure of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// `span_f1`, `exact_f1`, `speaker`, `kappa` or `alpha`.
    pub measure: &'static str,
    /// The figure, if defined.
    pub value: Option<f64>,
}

/// One row: a label (or `all`) and its figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// `quote`, `claim`, `denial` or `all`.
    pub label: &'static str,
    /// The label, `None` for `all`.
    pub of: Option<Label>,
    /// Its figures, in [`MEASURES`] order.
    pub cells: Vec<Cell>,
}

/// The measures, in column order, with their headings.
pub const MEASURES: [(&str, &str); 5] = [
    ("span_f1", "span F1"),
    ("exact_f1", "exact F1"),
    ("speaker", "speaker"),
    ("kappa", "kappa"),
    ("alpha", "alpha"),
];

/// The team's agreement over its adjudication documents.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// The annotators, in order.
    pub annotators: Vec<String>,
    /// Sentences compared.
    pub sentences: usize,
    /// Per label, then `all`.
    pub rows: Vec<Row>,
    /// Per document (its index in the workspace and name) its `all` row,
    /// when the team adjudicates more than one.
    pub documents: Vec<(usize, String, Row)>,
}

impl Figures {
    /// What the kappa column holds: Cohen's for two annotators, Fleiss'
    /// for more.
    pub fn kappa_name(&self) -> &'static str {
        if self.annotators.len() == 2 {
            "Cohen's kappa"
        } else {
            "Fleiss' kappa"
        }
    }
}

/// The rows of a panel: per label span F1 (overlap and exact), speaker
/// agreement (quotes and all), kappa (Cohen's for a pair, Fleiss' for
/// more) and Krippendorff's alpha over sentence labels.
pub fn rows(p: &Panel) -> Vec<Row> {
    let pair = (p.annotators.len() == 2)
        .then(|| p.pairs.first())
        .flatten()
        .map(|pair| &pair.agreement);
    let mut out: Vec<Row> = p
        .labels
        .iter()
        .enumerate()
        .map(|(li, l)| {
            let kappa = match pair {
                Some(a) => a.labels[li].scores.kappa,
                None => l.fleiss_kappa,
            };
            let speaker = (l.label == Label::Quote).then_some(p.speaker).flatten();
            Row {
                label: l.label.as_str(),
                of: Some(l.label),
                cells: cells([l.span_f1, l.exact_f1, speaker, kappa, l.alpha]),
            }
        })
        .collect();
    let kappa = match pair {
        Some(a) => a.overall.kappa,
        None => p.fleiss_kappa,
    };
    out.push(Row {
        label: "all",
        of: None,
        cells: cells([p.span_f1, p.exact_f1, p.speaker, kappa, p.alpha]),
    });
    out
}

fn cells(values: [Option<f64>; 5]) -> Vec<Cell> {
    MEASURES
        .iter()
        .zip(values)
        .map(|(&(measure, _), value)| Cell { measure, value })
        .collect()
}

/// The agreement of the team adjudicating the document on screen: `None`
/// when it is no adjudication document, else the figures or why they
/// cannot be measured.
pub fn of_workspace(w: &Workspace) -> Option<Result<Figures, String>> {
    let docs: Vec<(usize, &Document)> = w.team_docs().map(|(i, d)| (i, &d.doc)).collect();
    if docs.is_empty() {
        return None;
    }
    let measure = |docs: &[&Document]| {
        let exports = exports_of(docs).ok_or_else(|| "no team".to_owned())?;
        panel(&exports).map_err(|e| e.to_string())
    };
    let all: Vec<&Document> = docs.iter().map(|&(_, d)| d).collect();
    Some(measure(&all).map(|p| {
        let documents = if docs.len() > 1 {
            docs.iter()
                .filter_map(|&(i, d)| {
                    let row = rows(&measure(&[d]).ok()?).pop()?;
                    Some((i, d.name.clone(), row))
                })
                .collect()
        } else {
            Vec::new()
        };
        Figures {
            annotators: p.annotators.clone(),
            sentences: p.sentences,
            rows: rows(&p),
            documents,
        }
    }))
}

/// The key that says which adjudication documents the figures cover: their
/// ids and teams. The figures are measured again only when it changes, not
/// on every decision (settling does not change what each annotator
/// proposed).
pub fn team_key(w: &Workspace) -> String {
    let mut key = String::new();
    for (_, d) in w.team_docs() {
        if key.is_empty() {
            key = d.doc.annotators.join("\u{1f}");
        }
        key.push('\u{1e}');
        key.push_str(&d.doc.id);
    }
    key
}

/// `text` as the team view shows a proposal: between quote marks, unless
/// it already starts and ends with its own (a direct quote marked with
/// them), so that none is doubled.
pub fn quoted(text: &str) -> String {
    let marked = |open: char, close: char| text.starts_with(open) && text.ends_with(close);
    if text.chars().count() >= 2 && (marked('“', '”') || marked('"', '"') || marked('«', '»'))
    {
        text.to_owned()
    } else {
        format!("“{text}”")
    }
}

#[cfg(test)]
mod tests {
    use hearsay_core::format::Export;

    use super::*;

    #[test]
    fn a_proposal_without_marks_is_shown_between_them() {
        assert_eq!(quoted("we will build it"), "“we will build it”");
    }

    #[test]
    fn a_proposal_with_its_own_marks_keeps_them_alone() {
        assert_eq!(quoted("“we will build it”"), "“we will build it”");
        assert_eq!(quoted("\"we will build it\""), "\"we will build it\"");
    }

    #[test]
    fn a_lone_quote_mark_is_text_to_quote() {
        assert_eq!(quoted("\""), "“\"”");
    }

    #[test]
    fn thousandths_round_and_sign() {
        assert_eq!(thousandths(Some(1.0)), "1.000");
        assert_eq!(thousandths(Some(0.0)), "0.000");
        assert_eq!(thousandths(Some(0.12345)), "0.123");
        assert_eq!(thousandths(Some(0.9996)), "1.000");
        assert_eq!(thousandths(Some(-0.125)), "-0.125");
        assert_eq!(thousandths(Some(-0.0004)), "0.000");
        assert_eq!(thousandths(Some(f64::NAN)), "–");
        for i in -1000..=1000 {
            let x = f64::from(i) / 997.0;
            let want = format!("{x:.3}").replace("-0.000", "0.000");
            assert_eq!(thousandths(Some(x)), want, "{x}");
        }
    }

    const TEXT: &str = "Ivo said the ferry is late. The port denied it. Rates rose 4%.";

    fn export(spans: &[(Label, &str)]) -> Export {
        crate::state::export_of("ferry.txt", TEXT, true, spans)
    }

    fn team(n: usize) -> Vec<(String, Export)> {
        let mut t = vec![
            (
                "ann".to_string(),
                export(&[
                    (Label::Denial, "denied it"),
                    (Label::Claim, "Rates rose 4%"),
                ]),
            ),
            (
                "bob".to_string(),
                export(&[(Label::Denial, "The port denied it.")]),
            ),
            ("cal".to_string(), export(&[(Label::Denial, "denied it")])),
        ];
        t.truncate(n);
        t
    }

    #[test]
    fn the_table_is_the_panel_of_the_adjudication_documents() {
        for n in [2, 3] {
            let mut w = Workspace::default();
            assert!(of_workspace(&w).is_none());
            w.add_team(&team(n)).unwrap();
            let f = of_workspace(&w).unwrap().unwrap();
            let p = panel(&team(n)).unwrap();
            assert_eq!(f.rows, rows(&p));
            assert_eq!(f.annotators.len(), n);
            let denial = &f.rows[2];
            assert_eq!(denial.label, "denial");
            let value = |m: &str| denial.cells.iter().find(|c| c.measure == m).unwrap().value;
            assert_eq!(value("span_f1"), Some(1.0));
            // Exact: ann and cal agree, bob does not: pairs 0, 1, 0.
            let exact = if n == 2 { 0.0 } else { 1.0 / 3.0 };
            assert!((value("exact_f1").unwrap() - exact).abs() < 1e-9);
            // The kappa column is Cohen's for a pair, Fleiss' for three.
            let kappa = value("kappa");
            if n == 2 {
                assert_eq!(f.kappa_name(), "Cohen's kappa");
                assert_eq!(kappa, p.pairs[0].agreement.labels[2].scores.kappa);
            } else {
                assert_eq!(f.kappa_name(), "Fleiss' kappa");
                assert_eq!(kappa, p.labels[2].fleiss_kappa);
            }
            // Speaker agreement shows on quotes and all only.
            assert!(f.rows[1].cells[2].value.is_none());
            assert!(f.documents.is_empty());
        }
    }

    #[test]
    fn documents_get_a_row_each_when_there_are_several() {
        let mut w = Workspace::default();
        let mut t = team(2);
        for (_, e) in &mut t {
            let mut second = e.documents[0].clone();
            second.id = "d2".into();
            second.name = "other.txt".into();
            second.text = TEXT.replace("Ivo", "Eva");
            for a in &mut second.annotations {
                a.text = second
                    .text
                    .chars()
                    .skip(a.start)
                    .take(a.end - a.start)
                    .collect();
            }
            e.documents.push(second);
        }
        w.add_team(&t).unwrap();
        let f = of_workspace(&w).unwrap().unwrap();
        let names: Vec<&str> = f.documents.iter().map(|(_, n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            ["ferry.txt (adjudication)", "other.txt (adjudication)"]
        );
        assert!(f.documents.iter().all(|(_, _, r)| r.label == "all"));
        let key = team_key(&w);
        w.settle(hearsay_core::agreement::Choice::All);
        assert_eq!(team_key(&w), key, "a decision does not change the key");
        w.select_doc(99);
        let mut plain = Workspace::default();
        plain.add_text("a.txt", "Plain text.").unwrap();
        assert_eq!(team_key(&plain), "");
    }
}
