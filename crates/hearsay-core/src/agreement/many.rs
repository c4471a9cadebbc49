//! Agreement among two or more annotators of the same documents: what a
//! team reports before its dataset is trusted.
//!
//! [`panel`] matches documents across the exports by the SHA-256 of their
//! text. A document present in every export is compared; one missing from
//! some is listed in `not_shared`. Two documents that share an id or a
//! name but not their text are refused, as are fewer than two annotators
//! and two annotators of the same name. It then measures, per [`Label`]:
//!
//! * **Fleiss' kappa** over sentences: each annotator puts every
//!   non-boilerplate sentence in "has the label" or "has not"
//!   ([`fleiss_kappa`]);
//! * **Krippendorff's alpha** (nominal) over the same ratings
//!   ([`krippendorff_alpha`], which also takes missing ratings);
//! * **span F1**, the mean over annotator pairs of the pair's overlap F1
//!   ([`agreement`](super::agreement)),
//!
//! and over all labels the mean of the labels' kappas and alphas, the mean
//! pair span F1 and the mean pair speaker agreement. Every pair's full
//! agreement is kept in `pairs`.
//!
//! Example: three annotators who all mark the same two quotes and nothing
//! else have kappa 1, alpha 1, span F1 1 for quotes.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Agreement, agreement, counted};
use crate::Label;
use crate::format::{Document, Export, by_sentence, sha256_hex};
use crate::order::sorted_by;

/// Fleiss' kappa: `counts[i][j]` is how many raters put item `i` in
/// category `j`. Every item must have the same number of raters, at least
/// two; `None` when they do not, when there is no item, or when every
/// rating falls in one category (chance agreement is then 1).
pub fn fleiss_kappa(counts: &[Vec<usize>]) -> Option<f64> {
    let raters = counts.first()?.iter().sum::<usize>();
    if raters < 2 || counts.iter().any(|row| row.iter().sum::<usize>() != raters) {
        return None;
    }
    let items = counts.len() as f64;
    let n = raters as f64;
    let categories = counts[0].len();
    let expected: f64 = (0..categories)
        .map(|j| {
            let share = counts.iter().map(|row| row[j]).sum::<usize>() as f64 / (items * n);
            share * share
        })
        .sum();
    let observed = counts
        .iter()
        .map(|row| (row.iter().map(|&x| (x * x) as f64).sum::<f64>() - n) / (n * (n - 1.0)))
        .sum::<f64>()
        / items;
    (expected < 1.0 - 1e-12).then(|| (observed - expected) / (1.0 - expected))
}

/// Krippendorff's alpha for nominal values: `units[u][r]` is the value
/// rater `r` gave unit `u`, `None` where they gave none. Units with fewer
/// than two values do not count. `None` when no unit counts or when every
/// value is the same (no disagreement is then expected).
pub fn krippendorff_alpha(units: &[Vec<Option<u32>>]) -> Option<f64> {
    // With the coincidence matrix (each ordered pair of values within a
    // unit, weighted 1 / (values in the unit - 1)) summed up: a value
    // adds 1 to its own margin, a unit of `m` values adds its ordered
    // pairs of different values over `m - 1` to the observed
    // disagreement. Nominal values are few, so plain lists are counts.
    fn count(counts: &mut Vec<(u32, f64)>, x: u32, by: f64) {
        match counts.iter_mut().find(|(v, _)| *v == x) {
            Some((_, n)) => *n += by,
            None => counts.push((x, by)),
        }
    }
    let squares = |counts: &[(u32, f64)]| counts.iter().map(|(_, n)| n * n).sum::<f64>();
    let mut margins: Vec<(u32, f64)> = Vec::new();
    let mut observed = 0.0;
    for unit in units {
        let mut here: Vec<(u32, f64)> = Vec::new();
        for &x in unit.iter().flatten() {
            count(&mut here, x, 1.0);
        }
        let m: f64 = here.iter().map(|(_, n)| n).sum();
        if m < 2.0 {
            continue;
        }
        observed += (m * m - squares(&here)) / (m - 1.0);
        for &(x, n) in &here {
            count(&mut margins, x, n);
        }
    }
    let total: f64 = margins.iter().map(|(_, n)| n).sum();
    if total <= 1.0 {
        return None;
    }
    let expected = (total * total - squares(&margins)) / (total - 1.0);
    (expected > 0.0).then(|| 1.0 - observed / expected)
}

/// The agreement of one label among all annotators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PanelLabel {
    /// The label.
    pub label: Label,
    /// Fleiss' kappa over sentences (has the label or not).
    pub fleiss_kappa: Option<f64>,
    /// Krippendorff's alpha (nominal) over the same ratings.
    pub alpha: Option<f64>,
    /// Mean over annotator pairs of the pair's span F1 for this label.
    pub span_f1: Option<f64>,
    /// Mean over annotator pairs of the pair's exact span F1: a span counts
    /// when the other annotator has the very same one.
    pub exact_f1: Option<f64>,
}

/// The full agreement of two of the annotators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    /// The first annotator's name.
    pub a: String,
    /// The second annotator's name.
    pub b: String,
    /// `b` measured against `a`.
    pub agreement: Agreement,
}

/// The result of [`panel`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Panel {
    /// The annotators, in the order given.
    pub annotators: Vec<String>,
    /// Documents every annotator has (same text).
    pub documents: usize,
    /// Names of documents some annotators lack.
    pub not_shared: Vec<String>,
    /// Non-boilerplate sentences of the shared documents.
    pub sentences: usize,
    /// Per label, in [`Label::ALL`] order.
    pub labels: Vec<PanelLabel>,
    /// Mean of the labels' Fleiss kappas that are defined.
    pub fleiss_kappa: Option<f64>,
    /// Mean of the labels' alphas that are defined.
    pub alpha: Option<f64>,
    /// Mean over pairs of the pair's span F1 over all labels.
    pub span_f1: Option<f64>,
    /// Mean over pairs of the pair's exact span F1 over all labels (label
    /// and span the same).
    pub exact_f1: Option<f64>,
    /// Mean over pairs of the pair's speaker agreement on matched quotes.
    pub speaker: Option<f64>,
    /// Every pair of annotators.
    pub pairs: Vec<Pair>,
}

/// Why a set of exports cannot be compared.
#[derive(Debug, Clone, PartialEq)]
pub enum PanelError {
    /// Fewer than two annotators.
    TooFew(usize),
    /// Two annotators share a name.
    SameName(String),
    /// An annotator's export holds no document.
    Empty(String),
    /// A document of an annotator's export has no text.
    NoText {
        /// The annotator.
        annotator: String,
        /// The document's name.
        document: String,
    },
    /// No document is in every export.
    NoneShared,
    /// A document's id or name is shared by texts that differ.
    TextDiffers {
        /// The document's name.
        document: String,
        /// The annotators whose texts differ from the first one's.
        annotators: Vec<String>,
    },
}

impl fmt::Display for PanelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PanelError::TooFew(n) => write!(
                f,
                "agreement needs at least two annotators' exports; {n} given"
            ),
            PanelError::SameName(name) => write!(
                f,
                "two annotators are both called {name:?}: give each export its own name"
            ),
            PanelError::Empty(name) => write!(f, "{name}'s export has no documents"),
            PanelError::NoText {
                annotator,
                document,
            } => write!(f, "{annotator}'s document {document:?} has no text"),
            PanelError::NoneShared => write!(
                f,
                "no document is in every export: the exports must annotate the same texts"
            ),
            PanelError::TextDiffers {
                document,
                annotators,
            } => write!(
                f,
                "document {document:?} has another text in {}: the exports must annotate the same texts",
                annotators.join(", ")
            ),
        }
    }
}

impl std::error::Error for PanelError {}

/// Measures the agreement of the `annotators` (a name and an export each);
/// see the module documentation.
pub fn panel(annotators: &[(String, Export)]) -> Result<Panel, PanelError> {
    let (shared, not_shared) = checked(annotators)?;
    // Each annotator's export of the shared documents, paired by text.
    let exports: Vec<Export> = (0..annotators.len())
        .map(|k| Export {
            documents: shared
                .iter()
                .map(|docs| {
                    let mut d = docs[k].clone();
                    d.id = sha256_hex(&d.text);
                    d
                })
                .collect(),
            ..annotators[k].1.clone()
        })
        .collect();
    let mut pairs = Vec::new();
    for i in 0..exports.len() {
        for j in i + 1..exports.len() {
            pairs.push(Pair {
                a: annotators[i].0.clone(),
                b: annotators[j].0.clone(),
                agreement: agreement(&exports[i], &exports[j]),
            });
        }
    }
    let ratings = sentence_ratings(&shared);
    let labels: Vec<PanelLabel> = Label::ALL
        .into_iter()
        .enumerate()
        .map(|(li, label)| {
            let counts: Vec<Vec<usize>> = ratings
                .iter()
                .map(|sentence| {
                    let yes = sentence.iter().filter(|labels| labels[li]).count();
                    vec![yes, sentence.len() - yes]
                })
                .collect();
            let units: Vec<Vec<Option<u32>>> = ratings
                .iter()
                .map(|sentence| sentence.iter().map(|l| Some(u32::from(l[li]))).collect())
                .collect();
            PanelLabel {
                label,
                fleiss_kappa: fleiss_kappa(&counts),
                alpha: krippendorff_alpha(&units),
                span_f1: mean(pairs.iter().map(|p| p.agreement.labels[li].scores.f1)),
                exact_f1: mean(
                    pair_indices(exports.len())
                        .map(|(i, j)| exact_f1(&exports[i], &exports[j], Some(label))),
                ),
            }
        })
        .collect();
    Ok(Panel {
        annotators: annotators.iter().map(|(n, _)| n.clone()).collect(),
        documents: shared.len(),
        not_shared,
        sentences: ratings.len(),
        fleiss_kappa: mean(labels.iter().map(|l| l.fleiss_kappa)),
        alpha: mean(labels.iter().map(|l| l.alpha)),
        span_f1: mean(pairs.iter().map(|p| p.agreement.overall.f1)),
        exact_f1: mean(
            pair_indices(exports.len()).map(|(i, j)| exact_f1(&exports[i], &exports[j], None)),
        ),
        speaker: mean(pairs.iter().map(|p| p.agreement.speakers.agreement)),
        labels,
        pairs,
    })
}

/// Refuses fewer than two annotators, two of the same name, an export
/// without documents and a document without text; then matches the documents (see [`share`]) and
/// refuses a set that shares none.
pub(super) fn checked(annotators: &[(String, Export)]) -> Result<Shared<'_>, PanelError> {
    if annotators.len() < 2 {
        return Err(PanelError::TooFew(annotators.len()));
    }
    for (i, (name, export)) in annotators.iter().enumerate() {
        if annotators[..i].iter().any(|(other, _)| other == name) {
            return Err(PanelError::SameName(name.clone()));
        }
        if export.documents.is_empty() {
            return Err(PanelError::Empty(name.clone()));
        }
        if let Some(d) = export.documents.iter().find(|d| d.text.trim().is_empty()) {
            return Err(PanelError::NoText {
                annotator: name.clone(),
                document: d.name.clone(),
            });
        }
    }
    let (shared, not_shared) = share(annotators)?;
    if shared.is_empty() {
        return Err(PanelError::NoneShared);
    }
    Ok((shared, not_shared))
}

/// Every pair `(i, j)`, `i < j < n`, in order.
fn pair_indices(n: usize) -> impl Iterator<Item = (usize, usize)> {
    (0..n).flat_map(move |i| (i + 1..n).map(move |j| (i, j)))
}

/// Exact span F1 of two exports of the same documents (in the same order):
/// twice the spans both have, over the spans of both; of one label, or of
/// all with the label part of the span. `None` when neither has any.
fn exact_f1(a: &Export, b: &Export, label: Option<Label>) -> Option<f64> {
    let (mut both, mut total) = (0usize, 0usize);
    for (da, db) in a.documents.iter().zip(&b.documents) {
        let spans = |d: &Document| {
            let v: Vec<(Label, usize, usize)> = counted(d)
                .into_iter()
                .filter(|x| label.is_none_or(|l| x.label == l))
                .map(|x| (x.label, x.start, x.end))
                .collect();
            sorted_by(v.len(), &|i, j| v[i].cmp(&v[j]))
                .into_iter()
                .map(|i| v[i])
                .collect::<Vec<_>>()
        };
        let (sa, sb) = (spans(da), spans(db));
        total += sa.len() + sb.len();
        let (mut i, mut j) = (0, 0);
        while i < sa.len() && j < sb.len() {
            match sa[i].cmp(&sb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    both += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
    }
    (total > 0).then(|| 2.0 * both as f64 / total as f64)
}

/// The mean of the defined values.
fn mean(values: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let defined: Vec<f64> = values.flatten().collect();
    (!defined.is_empty()).then(|| defined.iter().sum::<f64>() / defined.len() as f64)
}

/// Documents shared by every annotator, each with its annotators'
/// documents in order, and the names of the others.
pub(super) type Shared<'a> = (Vec<Vec<&'a Document>>, Vec<String>);

/// Matches documents by the SHA-256 of their text; refuses an id or a name
/// that stands for different texts.
fn share(annotators: &[(String, Export)]) -> Result<Shared<'_>, PanelError> {
    let hashes: Vec<Vec<String>> = annotators
        .iter()
        .map(|(_, e)| e.documents.iter().map(|d| sha256_hex(&d.text)).collect())
        .collect();
    let first = &annotators[0].1;
    for (k, (_, export)) in annotators.iter().enumerate() {
        for (d, doc) in export.documents.iter().enumerate() {
            let differs: Vec<String> = annotators
                .iter()
                .enumerate()
                .filter(|&(o, _)| o != k)
                .filter(|(o, (_, other))| {
                    other.documents.iter().enumerate().any(|(od, odoc)| {
                        (odoc.id == doc.id || odoc.name == doc.name)
                            && hashes[*o][od] != hashes[k][d]
                    })
                })
                .map(|(_, (name, _))| name.clone())
                .collect();
            if !differs.is_empty() {
                return Err(PanelError::TextDiffers {
                    document: doc.name.clone(),
                    annotators: differs,
                });
            }
        }
    }
    let mut shared = Vec::new();
    let mut not_shared = Vec::new();
    for (d, doc) in first.documents.iter().enumerate() {
        let found: Vec<Option<&Document>> = annotators
            .iter()
            .enumerate()
            .map(|(k, (_, e))| {
                let at = hashes[k].iter().position(|h| *h == hashes[0][d])?;
                Some(&e.documents[at])
            })
            .collect();
        match found.into_iter().collect::<Option<Vec<_>>>() {
            Some(docs) => shared.push(docs),
            None => not_shared.push(doc.name.clone()),
        }
    }
    for (k, (_, e)) in annotators.iter().enumerate().skip(1) {
        for (d, doc) in e.documents.iter().enumerate() {
            if !hashes[0].contains(&hashes[k][d]) && !not_shared.contains(&doc.name) {
                not_shared.push(doc.name.clone());
            }
        }
    }
    Ok((shared, not_shared))
}

/// Per non-boilerplate sentence of the shared documents, each annotator's
/// labels on it (present or not, in [`Label::ALL`] order).
fn sentence_ratings(shared: &[Vec<&Document>]) -> Vec<Vec<[bool; Label::ALL.len()]>> {
    let mut ratings = Vec::new();
    for docs in shared {
        let Some(sentences) = docs.iter().map(|d| &d.sentences).find(|s| !s.is_empty()) else {
            continue;
        };
        let hits: Vec<Vec<Vec<_>>> = docs
            .iter()
            .map(|d| by_sentence(sentences, counted(d).into_iter()))
            .collect();
        for (si, s) in sentences.iter().enumerate() {
            if s.boilerplate {
                continue;
            }
            ratings.push(
                hits.iter()
                    .map(|h| Label::ALL.map(|label| h[si].iter().any(|a| a.label == label)))
                    .collect(),
            );
        }
    }
    ratings
}

fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |v| format!("{v:.3}"))
}

impl fmt::Display for Panel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} annotators ({}), {} documents, {} sentences",
            self.annotators.len(),
            self.annotators.join(", "),
            self.documents,
            self.sentences
        )?;
        if !self.not_shared.is_empty() {
            writeln!(f, "not in every export: {}", self.not_shared.join(", "))?;
        }
        writeln!(
            f,
            "{:<8} {:>12} {:>8} {:>8} {:>8}",
            "label", "fleiss_kappa", "alpha", "span_f1", "exact_f1"
        )?;
        let rows = self
            .labels
            .iter()
            .map(|l| {
                (
                    l.label.as_str(),
                    l.fleiss_kappa,
                    l.alpha,
                    l.span_f1,
                    l.exact_f1,
                )
            })
            .chain([(
                "all",
                self.fleiss_kappa,
                self.alpha,
                self.span_f1,
                self.exact_f1,
            )]);
        for (label, kappa, alpha, span, exact) in rows {
            writeln!(
                f,
                "{:<8} {:>12} {:>8} {:>8} {:>8}",
                label,
                num(kappa),
                num(alpha),
                num(span),
                num(exact)
            )?;
        }
        writeln!(
            f,
            "speaker agreement (mean over pairs): {}",
            num(self.speaker)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Annotation;

    /// The worked example of Fleiss' kappa on Wikipedia (10 subjects, 14
    /// raters, 5 categories): P̄ = 0.378, P̄e = 0.213, κ = 0.210.
    #[test]
    fn fleiss_kappa_of_the_worked_example() {
        let table = [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ];
        let counts: Vec<Vec<usize>> = table.iter().map(|r| r.to_vec()).collect();
        let kappa = fleiss_kappa(&counts).unwrap();
        assert!((kappa - 0.2099).abs() < 5e-4, "{kappa}");
    }

    #[test]
    fn fleiss_kappa_is_undefined_for_uneven_or_unanimous_ratings() {
        assert_eq!(fleiss_kappa(&[vec![2, 1], vec![1, 1]]), None);
        assert_eq!(fleiss_kappa(&[vec![3, 0], vec![3, 0]]), None);
        assert_eq!(fleiss_kappa(&[]), None);
        assert_eq!(fleiss_kappa(&[vec![3, 0], vec![0, 3]]), Some(1.0));
    }

    /// Krippendorff's own example with missing values ("Computing
    /// Krippendorff's alpha-reliability", 2011): 4 observers, 12 units,
    /// nominal alpha 0.743.
    #[test]
    fn alpha_of_krippendorffs_example_with_missing_values() {
        // 0 stands for a missing value.
        let rows: [[u32; 12]; 4] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
            [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
        ];
        let units: Vec<Vec<Option<u32>>> = (0..12)
            .map(|u| rows.iter().map(|r| Some(r[u]).filter(|&v| v > 0)).collect())
            .collect();
        let alpha = krippendorff_alpha(&units).unwrap();
        assert!((alpha - 0.743).abs() < 5e-4, "{alpha}");
    }

    fn export(docs: &[(&str, &str)]) -> Export {
        Export::new(
            docs.iter()
                .map(|(name, text)| Document {
                    models: None,
                    annotators: Vec::new(),
                    id: (*name).into(),
                    name: (*name).into(),
                    text: (*text).into(),
                    sentences: Vec::new(),
                    annotations: Vec::new(),
                })
                .collect(),
        )
    }

    /// Exact span F1 counts only identical spans; overlap F1 counts both.
    #[test]
    fn exact_span_f1_needs_the_very_same_span() {
        let text = "Zero one two. Three four five.";
        let with = |spans: &[(usize, usize)]| {
            let mut e = export(&[("a.txt", text)]);
            e.documents[0].annotations = spans
                .iter()
                .map(|&(s, e)| Annotation::new(format!("a{s}"), Label::Claim, s, e, &text[s..e]))
                .collect();
            e
        };
        let p = panel(&[
            ("ann".into(), with(&[(0, 13), (14, 30)])),
            ("bob".into(), with(&[(0, 13), (14, 25)])),
        ])
        .unwrap();
        let claim = &p.labels[1];
        assert_eq!(
            (claim.label, claim.span_f1, claim.exact_f1),
            (Label::Claim, Some(1.0), Some(0.5))
        );
        assert_eq!(p.exact_f1, Some(0.5));
        assert_eq!(p.labels[0].exact_f1, None);
    }

    #[test]
    fn a_panel_refuses_one_annotator_a_shared_name_and_another_text() {
        let a = export(&[("a.txt", "One text.")]);
        assert_eq!(
            panel(&[("ann".into(), a.clone())]),
            Err(PanelError::TooFew(1))
        );
        let twice = [("ann".into(), a.clone()), ("ann".into(), a.clone())];
        assert_eq!(panel(&twice), Err(PanelError::SameName("ann".into())));
        let other = export(&[("a.txt", "Another text.")]);
        let err = panel(&[("ann".into(), a), ("bo".into(), other)]).unwrap_err();
        assert_eq!(
            err,
            PanelError::TextDiffers {
                document: "a.txt".into(),
                annotators: vec!["bo".into()],
            }
        );
        assert!(err.to_string().contains("\"a.txt\" has another text in bo"));
    }

    #[test]
    fn documents_are_matched_by_text_and_the_others_listed() {
        let a = export(&[("a.txt", "Same text."), ("only-a.txt", "Mine.")]);
        // Another name for the same text still matches it.
        let b = export(&[("renamed.txt", "Same text."), ("only-b.txt", "Yours.")]);
        let result = panel(&[("ann".into(), a), ("bo".into(), b)]).unwrap();
        assert_eq!(result.documents, 1);
        assert_eq!(result.not_shared, ["only-a.txt", "only-b.txt"]);
        assert_eq!(result.pairs[0].agreement.documents, 1);
    }

    #[test]
    fn alpha_is_one_when_all_agree_and_undefined_without_variation() {
        let agree = vec![vec![Some(0), Some(0)], vec![Some(1), Some(1)]];
        assert_eq!(krippendorff_alpha(&agree), Some(1.0));
        let same = vec![vec![Some(1), Some(1)], vec![Some(1), None]];
        assert_eq!(krippendorff_alpha(&same), None);
    }
}
