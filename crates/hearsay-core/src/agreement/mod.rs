//! Agreement between two annotations of the same documents: an annotator
//! against a reference, or the extractor against a gold standard.
//!
//! [`agreement`] pairs the documents of two [`Export`]s (by id, else by
//! name; documents found on one side only are listed and otherwise ignored)
//! and measures, per [`Label`]:
//!
//! * **precision, recall and F1** of `other` against `reference`. An
//!   annotation of `other` is correct if it overlaps (shares at least one
//!   code point with) an annotation of `reference` with the same label; a
//!   reference annotation is found if some annotation of `other` with the
//!   same label overlaps it. Precision is the share of correct `other`
//!   annotations, recall the share of found reference annotations.
//! * **Cohen's kappa over sentences**: every non-boilerplate sentence of a
//!   paired document (the reference's sentences, or the other side's if the
//!   reference has none) has, on each side, the set of labels of the
//!   annotations overlapping it. Per label this is a binary present/absent
//!   rating per sentence; kappa is `(po - pe) / (1 - pe)` with `po` the
//!   observed agreement and `pe` the agreement expected by chance from each
//!   side's rate. A label present nowhere on either side has no kappa
//!   (`None`); one present in every sentence on both sides has kappa 1. The
//!   mean is over the labels that have a kappa.
//!
//! and over the paired quotes, **speaker agreement**: each reference quote
//! is paired with the `other` quote overlapping it most; of the pairs where
//! at least one side names a speaker, the share whose speakers are equal
//! after normalisation (case, punctuation, possessive `'s` and honorifics
//! ignored), where one name's last word (the surname) appearing among the
//! other's words counts as equal: "Peskov" equals "Dmitry Peskov".
//!
//! **Which annotations count**: rejected annotations are ignored on both
//! sides; suggested (not yet reviewed) annotations count like accepted ones,
//! so an unreviewed extractor export can be scored against a gold export.
//!
//! Undefined ratios (no annotations to divide by) are `None`, shown as `–`.
//!
//! Two or more annotators: [`panel`] (in `many.rs`); bringing their
//! exports together and settling their disagreements: [`gather`],
//! [`items`] and [`decide`] (in `adjudicate.rs`).

mod adjudicate;
mod many;

pub use adjudicate::{Choice, Item, decide, exports_of, gather, items, proposed};
pub use many::{Pair, Panel, PanelError, PanelLabel, fleiss_kappa, krippendorff_alpha, panel};

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::Label;
use crate::format::{Annotation, Document, Export, Status, by_sentence, spans_overlap};

/// Agreement of one label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LabelAgreement {
    /// The label.
    pub label: Label,
    /// Its spans' agreement (in JSON, beside `label`).
    #[serde(flatten)]
    pub scores: SpanScores,
}

/// Span agreement of one label, or of all labels together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpanScores {
    /// Annotations in the reference.
    pub reference: usize,
    /// Annotations in the other export.
    pub other: usize,
    /// Reference annotations overlapped by some other annotation.
    pub found: usize,
    /// Other annotations overlapping some reference annotation.
    pub correct: usize,
    /// `correct / other`.
    pub precision: Option<f64>,
    /// `found / reference`.
    pub recall: Option<f64>,
    /// Harmonic mean of precision and recall; 0 when only one side has
    /// annotations.
    pub f1: Option<f64>,
    /// Cohen's kappa over sentences for a label; for all labels together,
    /// the mean of the labels' kappas that are defined.
    pub kappa: Option<f64>,
}

impl SpanScores {
    /// The scores of these counts, with `kappa`.
    fn of(
        reference: usize,
        other: usize,
        found: usize,
        correct: usize,
        kappa: Option<f64>,
    ) -> SpanScores {
        let precision = ratio(correct, other);
        let recall = ratio(found, reference);
        SpanScores {
            reference,
            other,
            found,
            correct,
            precision,
            recall,
            f1: f1(precision, recall),
            kappa,
        }
    }
}

/// Speaker agreement over paired quotes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerAgreement {
    /// Paired quotes where at least one side names a speaker.
    pub pairs: usize,
    /// Of those, pairs whose speakers are equal.
    pub equal: usize,
    /// `equal / pairs`.
    pub agreement: Option<f64>,
}

/// The result of [`agreement`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    /// Number of paired documents.
    pub documents: usize,
    /// Names of reference documents without a counterpart.
    pub only_in_reference: Vec<String>,
    /// Names of other documents without a counterpart.
    pub only_in_other: Vec<String>,
    /// Non-boilerplate sentences the kappas are computed over.
    pub sentences: usize,
    /// Per label, in [`Label::ALL`] order.
    pub labels: Vec<LabelAgreement>,
    /// Precision, recall and F1 over all labels together (micro average);
    /// its `kappa` is the mean of the labels' kappas.
    pub overall: SpanScores,
    /// Speaker agreement over paired quotes.
    pub speakers: SpeakerAgreement,
}

/// Counts of a 2×2 table of present/absent ratings.
#[derive(Default, Clone, Copy)]
struct Table {
    both: usize,
    reference_only: usize,
    other_only: usize,
    neither: usize,
}

impl Table {
    fn kappa(&self) -> Option<f64> {
        let n = (self.both + self.reference_only + self.other_only + self.neither) as f64;
        if self.both + self.reference_only + self.other_only == 0 {
            return None;
        }
        let po = (self.both + self.neither) as f64 / n;
        let p_ref = (self.both + self.reference_only) as f64 / n;
        let p_other = (self.both + self.other_only) as f64 / n;
        let pe = p_ref * p_other + (1.0 - p_ref) * (1.0 - p_other);
        if pe >= 1.0 - 1e-12 {
            return Some(if po >= 1.0 - 1e-12 { 1.0 } else { 0.0 });
        }
        Some((po - pe) / (1.0 - pe))
    }
}

fn ratio(num: usize, den: usize) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

fn f1(precision: Option<f64>, recall: Option<f64>) -> Option<f64> {
    match (precision, recall) {
        (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
        (None, None) => None,
        _ => Some(0.0),
    }
}

fn counted(doc: &Document) -> Vec<&Annotation> {
    doc.annotations
        .iter()
        .filter(|a| a.status != Status::Rejected)
        .collect()
}

/// Pairs the documents of `reference` and `other` and measures their
/// agreement (see the module documentation).
pub fn agreement(reference: &Export, other: &Export) -> Agreement {
    let paired = pair_documents(reference, other);
    let mut counts = [Counts::default(); Label::ALL.len()];
    let mut tables = [Table::default(); Label::ALL.len()];
    let mut sentences = 0;
    let mut speakers = SpeakerAgreement {
        pairs: 0,
        equal: 0,
        agreement: None,
    };
    for (r_doc, o_doc) in &paired.pairs {
        let r_ann = counted(r_doc);
        let o_ann = counted(o_doc);
        for (li, label) in Label::ALL.into_iter().enumerate() {
            counts[li].add(&r_ann, &o_ann, label);
        }
        count_speakers(&r_ann, &o_ann, &mut speakers);
        sentences += count_sentences(r_doc, o_doc, &r_ann, &o_ann, &mut tables);
    }
    speakers.agreement = ratio(speakers.equal, speakers.pairs);
    let labels: Vec<LabelAgreement> = Label::ALL
        .into_iter()
        .enumerate()
        .map(|(li, label)| {
            let c = counts[li];
            let kappa = tables[li].kappa();
            LabelAgreement {
                label,
                scores: SpanScores::of(c.reference, c.other, c.found, c.correct, kappa),
            }
        })
        .collect();
    let overall = total(&labels);
    Agreement {
        documents: paired.pairs.len(),
        only_in_reference: paired.only_in_reference,
        only_in_other: paired.only_in_other,
        sentences,
        labels,
        overall,
        speakers,
    }
}

/// The documents of two exports paired, and those without a counterpart.
struct Paired<'a> {
    pairs: Vec<(&'a Document, &'a Document)>,
    only_in_reference: Vec<String>,
    only_in_other: Vec<String>,
}

/// Pairs documents first by id, then by name among the documents left.
fn pair_documents<'a>(reference: &'a Export, other: &'a Export) -> Paired<'a> {
    let mut used = vec![false; other.documents.len()];
    let mut pairs = Vec::new();
    let mut only_in_reference = Vec::new();
    let mut unpaired = Vec::new();
    for r in &reference.documents {
        match other.documents.iter().position(|o| o.id == r.id) {
            Some(k) if !used[k] => {
                used[k] = true;
                pairs.push((r, &other.documents[k]));
            }
            _ => unpaired.push(r),
        }
    }
    for r in unpaired {
        match (0..other.documents.len()).find(|&k| !used[k] && other.documents[k].name == r.name) {
            Some(k) => {
                used[k] = true;
                pairs.push((r, &other.documents[k]));
            }
            None => only_in_reference.push(r.name.clone()),
        }
    }
    let only_in_other = other
        .documents
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(d, _)| d.name.clone())
        .collect();
    Paired {
        pairs,
        only_in_reference,
        only_in_other,
    }
}

/// Span counts of one label.
#[derive(Default, Clone, Copy)]
struct Counts {
    reference: usize,
    other: usize,
    found: usize,
    correct: usize,
}

impl Counts {
    /// Adds the annotations with `label` of one pair of documents.
    fn add(&mut self, r_ann: &[&Annotation], o_ann: &[&Annotation], label: Label) {
        let rs: Vec<_> = r_ann.iter().filter(|a| a.label == label).collect();
        let os: Vec<_> = o_ann.iter().filter(|a| a.label == label).collect();
        self.reference += rs.len();
        self.other += os.len();
        self.found += rs
            .iter()
            .filter(|r| os.iter().any(|o| overlap(r, o)))
            .count();
        self.correct += os
            .iter()
            .filter(|o| rs.iter().any(|r| overlap(r, o)))
            .count();
    }
}

/// Pairs each reference quote with the other quote overlapping it most
/// and counts whether their speakers agree.
fn count_speakers(r_ann: &[&Annotation], o_ann: &[&Annotation], speakers: &mut SpeakerAgreement) {
    for r in r_ann.iter().filter(|a| a.label == Label::Quote) {
        let best = o_ann
            .iter()
            .filter(|o| o.label == Label::Quote && overlap(r, o))
            .max_by_key(|o| overlap_len(r, o));
        if let Some(o) = best
            && (r.speaker.is_some() || o.speaker.is_some())
        {
            speakers.pairs += 1;
            if let (Some(a), Some(b)) = (&r.speaker, &o.speaker)
                && same_speaker(a, b)
            {
                speakers.equal += 1;
            }
        }
    }
}

/// Adds each non-boilerplate sentence of a pair of documents to the
/// present/absent tables of every label; returns how many were added.
fn count_sentences(
    r_doc: &Document,
    o_doc: &Document,
    r_ann: &[&Annotation],
    o_ann: &[&Annotation],
    tables: &mut [Table],
) -> usize {
    let doc_sentences = if r_doc.sentences.is_empty() {
        &o_doc.sentences
    } else {
        &r_doc.sentences
    };
    let r_hits = by_sentence(doc_sentences, r_ann.iter().copied());
    let o_hits = by_sentence(doc_sentences, o_ann.iter().copied());
    let mut sentences = 0;
    for ((s, r_hits), o_hits) in doc_sentences.iter().zip(r_hits).zip(o_hits) {
        if s.boilerplate {
            continue;
        }
        sentences += 1;
        for (li, label) in Label::ALL.into_iter().enumerate() {
            let r_present = r_hits.iter().any(|a| a.label == label);
            let o_present = o_hits.iter().any(|a| a.label == label);
            let t = &mut tables[li];
            match (r_present, o_present) {
                (true, true) => t.both += 1,
                (true, false) => t.reference_only += 1,
                (false, true) => t.other_only += 1,
                (false, false) => t.neither += 1,
            }
        }
    }
    sentences
}

/// The micro average over all labels, and the mean of their kappas.
fn total(labels: &[LabelAgreement]) -> SpanScores {
    let sum = |f: fn(&SpanScores) -> usize| labels.iter().map(|l| f(&l.scores)).sum::<usize>();
    let kappas: Vec<f64> = labels.iter().filter_map(|l| l.scores.kappa).collect();
    let kappa = (!kappas.is_empty()).then(|| kappas.iter().sum::<f64>() / kappas.len() as f64);
    SpanScores::of(
        sum(|s| s.reference),
        sum(|s| s.other),
        sum(|s| s.found),
        sum(|s| s.correct),
        kappa,
    )
}

fn overlap(a: &Annotation, b: &Annotation) -> bool {
    spans_overlap(a.start, a.end, b.start, b.end)
}

fn overlap_len(a: &Annotation, b: &Annotation) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// Lowercase words of a name, without punctuation, possessives or honorifics.
fn name_words(name: &str) -> Vec<String> {
    const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"];
    name.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .map(|w| {
            let w = w.trim_matches(['\'', '’', '-']);
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w)
                .to_string()
        })
        .filter(|w| !w.is_empty() && !HONORIFICS.contains(&w.as_str()))
        .collect()
}

/// Whether two speaker names name the same person: equal after
/// normalisation, or one's last word appears among the other's words.
pub fn same_speaker(a: &str, b: &str) -> bool {
    let (wa, wb) = (name_words(a), name_words(b));
    if wa.is_empty() || wb.is_empty() {
        return wa == wb && !a.trim().is_empty();
    }
    wa == wb
        || wa.last().is_some_and(|l| wb.contains(l))
        || wb.last().is_some_and(|l| wa.contains(l))
}

fn num(x: Option<f64>) -> String {
    match x {
        Some(v) => format!("{v:.3}"),
        None => "–".to_string(),
    }
}

impl fmt::Display for Agreement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "documents: {} paired, {} only in reference, {} only in other",
            self.documents,
            self.only_in_reference.len(),
            self.only_in_other.len()
        )?;
        for name in &self.only_in_reference {
            writeln!(f, "  only in reference: {name}")?;
        }
        for name in &self.only_in_other {
            writeln!(f, "  only in other: {name}")?;
        }
        writeln!(f, "sentences: {} (boilerplate excluded)", self.sentences)?;
        writeln!(
            f,
            "{:<8} {:>6} {:>6} {:>9} {:>7} {:>7} {:>7}",
            "label", "ref", "other", "precision", "recall", "f1", "kappa"
        )?;
        let rows = self.labels.iter().map(|l| (l.label.as_str(), &l.scores));
        for (name, s) in rows.chain([("all", &self.overall)]) {
            writeln!(
                f,
                "{:<8} {:>6} {:>6} {:>9} {:>7} {:>7} {:>7}",
                name,
                s.reference,
                s.other,
                num(s.precision),
                num(s.recall),
                num(s.f1),
                num(s.kappa)
            )?;
        }
        writeln!(
            f,
            "speakers: {} of {} paired quotes agree ({})",
            self.speakers.equal,
            self.speakers.pairs,
            num(self.speakers.agreement)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Sentence;
    use crate::format::Origin;

    /// Ten sentences of four letters, sentence `k` at `5k..5k+4`; the last
    /// is boilerplate.
    const TEXT: &str = "aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj";

    fn sentences() -> Vec<Sentence> {
        (0..10)
            .map(|k| Sentence {
                start: 5 * k,
                end: 5 * k + 4,
                boilerplate: k == 9,
                paragraph: 0,
            })
            .collect()
    }

    fn ann(id: &str, label: Label, start: usize, end: usize, speaker: Option<&str>) -> Annotation {
        let text: String = TEXT.chars().skip(start).take(end - start).collect();
        Annotation {
            speaker: speaker.map(String::from),
            ..Annotation::new(id, label, start, end, text)
        }
    }

    /// A quote in sentence `k`.
    fn quote(id: &str, k: usize, speaker: Option<&str>) -> Annotation {
        ann(id, Label::Quote, 5 * k, 5 * k + 4, speaker)
    }

    fn doc(
        id: &str,
        name: &str,
        sentences: Vec<Sentence>,
        annotations: Vec<Annotation>,
    ) -> Document {
        Document {
            models: None,
            annotators: Vec::new(),
            id: id.into(),
            name: name.into(),
            text: TEXT.into(),
            sentences,
            annotations,
        }
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    fn pair() -> (Export, Export) {
        let reference = Export::new(vec![
            doc(
                "r1",
                "a.txt",
                sentences(),
                vec![
                    quote("q0", 0, Some("Dmitry Peskov")),
                    quote("q1", 1, Some("Ana Ruiz")),
                    quote("q2", 2, None),
                    quote("q3", 3, Some("X")),
                    ann("c5", Label::Claim, 25, 29, None),
                ],
            ),
            doc("d2", "b.txt", vec![], vec![]),
        ]);
        let mut rejected = ann("n7", Label::Denial, 35, 39, None);
        rejected.status = Status::Rejected;
        let mut suggested = quote("q4", 4, None);
        suggested.origin = Origin::Extractor;
        suggested.status = Status::Suggested;
        let other = Export::new(vec![
            doc("d3", "c.txt", vec![], vec![]),
            doc("d2", "renamed.txt", vec![], vec![]),
            doc(
                "x9",
                "a.txt",
                sentences(),
                vec![
                    quote("q0", 0, Some("Peskov")),
                    quote("q1", 1, Some("Jean Dupont")),
                    quote("q2", 2, None),
                    suggested,
                    // One claim over sentences 5 and 6.
                    ann("c5", Label::Claim, 25, 34, None),
                    rejected,
                ],
            ),
        ]);
        (reference, other)
    }

    #[test]
    fn hand_computed_example() {
        let (reference, other) = pair();
        let a = agreement(&reference, &other);
        assert_eq!(a.documents, 2);
        assert_eq!(a.only_in_reference, Vec::<String>::new());
        assert_eq!(a.only_in_other, vec!["c.txt".to_string()]);
        assert_eq!(a.sentences, 9);

        // Quotes: reference in sentences {0,1,2,3}, other in {0,1,2,4} (the
        // suggested one counts). 3 of 4 other quotes overlap a reference one
        // and 3 of 4 reference quotes are found: P = R = F1 = 0.75.
        assert_eq!(a.labels[0].label, Label::Quote);
        let q = &a.labels[0].scores;
        assert_eq!((q.reference, q.other, q.found, q.correct), (4, 4, 3, 3));
        assert!(close(q.precision, 0.75) && close(q.recall, 0.75) && close(q.f1, 0.75));
        // Kappa over the 9 non-boilerplate sentences: both 3, reference
        // only 1 (s3), other only 1 (s4), neither 4.
        // po = 7/9; p_ref = p_other = 4/9; pe = 16/81 + 25/81 = 41/81;
        // kappa = (63/81 - 41/81) / (40/81) = 22/40 = 0.55.
        assert!(close(q.kappa, 0.55), "{:?}", q.kappa);

        // Claims: one each, overlapping: P = R = F1 = 1. Sentences: both 1
        // (s5), other only 1 (s6), neither 7. po = 8/9; p_ref = 1/9,
        // p_other = 2/9; pe = 2/81 + 56/81 = 58/81;
        // kappa = (72/81 - 58/81) / (23/81) = 14/23.
        let c = &a.labels[1].scores;
        assert_eq!((c.reference, c.other, c.found, c.correct), (1, 1, 1, 1));
        assert!(close(c.f1, 1.0));
        assert!(close(c.kappa, 14.0 / 23.0), "{:?}", c.kappa);

        // Denials: only a rejected one, which is ignored: nothing defined.
        let d = &a.labels[2].scores;
        assert_eq!((d.reference, d.other), (0, 0));
        assert_eq!(
            (d.precision, d.recall, d.f1, d.kappa),
            (None, None, None, None)
        );

        // Overall: 4 of 5 correct, 4 of 5 found.
        assert_eq!(
            (
                a.overall.reference,
                a.overall.other,
                a.overall.found,
                a.overall.correct
            ),
            (5, 5, 4, 4)
        );
        assert!(close(a.overall.f1, 0.8));
        assert!(close(a.overall.kappa, (0.55 + 14.0 / 23.0) / 2.0));

        // Speakers: pairs s0 (Peskov = Dmitry Peskov) and s1 (Ruiz ≠ Dupont);
        // s2 names nobody on either side; s3 has no partner.
        assert_eq!((a.speakers.pairs, a.speakers.equal), (2, 1));
        assert!(close(a.speakers.agreement, 0.5));

        let table = a.to_string();
        assert!(
            table.contains("documents: 2 paired, 0 only in reference, 1 only in other"),
            "{table}"
        );
        assert!(
            table.contains("quote         4      4     0.750   0.750   0.750   0.550"),
            "{table}"
        );
        assert!(
            table.contains("denial        0      0         –       –       –       –"),
            "{table}"
        );
        assert!(
            table.contains("speakers: 1 of 2 paired quotes agree (0.500)"),
            "{table}"
        );
        let json = serde_json::to_value(&a).unwrap();
        assert_eq!(json["labels"][2]["kappa"], serde_json::Value::Null);
    }

    #[test]
    fn an_export_agrees_perfectly_with_itself() {
        let (reference, other) = pair();
        for e in [&reference, &other] {
            let a = agreement(e, e);
            assert!(a.only_in_other.is_empty() && a.only_in_reference.is_empty());
            for l in a.labels.iter().map(|l| &l.scores) {
                if l.reference > 0 {
                    assert!(close(l.f1, 1.0) && close(l.kappa, 1.0), "{l:?}");
                }
            }
            assert!(close(a.overall.f1, 1.0) && close(a.overall.kappa, 1.0));
            assert!(close(a.speakers.agreement, 1.0));
        }
    }

    #[test]
    fn one_sided_and_empty_cases() {
        let (reference, _) = pair();
        let empty = Export::new(vec![doc("r1", "a.txt", sentences(), vec![])]);
        let a = agreement(&reference, &empty);
        // Nothing predicted: recall 0, precision undefined, F1 0. The other
        // side never marks a quote, so pe = p(absent)·1 and kappa is 0.
        assert_eq!(a.labels[0].scores.precision, None);
        assert!(close(a.labels[0].scores.recall, 0.0) && close(a.labels[0].scores.f1, 0.0));
        assert!(close(a.labels[0].scores.kappa, 0.0));
        let none = agreement(&Export::new(vec![]), &Export::new(vec![]));
        assert_eq!(
            (
                none.documents,
                none.sentences,
                none.overall.f1,
                none.overall.kappa
            ),
            (0, 0, None, None)
        );
        assert!(!none.to_string().is_empty());
    }

    #[test]
    fn unvalidated_nonsense_does_not_panic() {
        let mut odd = ann("z", Label::Quote, 0, 0, Some("’s"));
        odd.start = usize::MAX;
        odd.end = usize::MAX;
        let mut backwards = ann("y", Label::Quote, 0, 0, None);
        backwards.start = 30;
        backwards.end = 2;
        let mut sentences = sentences();
        sentences.reverse();
        sentences.push(Sentence {
            start: usize::MAX,
            end: 0,
            boilerplate: false,
            paragraph: usize::MAX,
        });
        let e = Export::new(vec![doc("r1", "a.txt", sentences, vec![odd, backwards])]);
        let _ = agreement(&e, &pair().0);
        let _ = agreement(&pair().1, &e);
        let _ = crate::format::to_jsonl(&e);
        assert!(e.validate().is_err());
    }

    #[test]
    fn speaker_names() {
        assert!(same_speaker("Dmitry Peskov", "Peskov"));
        assert!(same_speaker("Mr. Peskov", "dmitry peskov"));
        assert!(same_speaker("Peskov's office", "Dmitry Peskov"));
        assert!(same_speaker("Ana Ruiz", "ana  ruiz"));
        assert!(!same_speaker("Ana Ruiz", "Ana Lopez"));
        assert!(!same_speaker("Dmitry Peskov", "Dmitry Medvedev"));
        assert!(!same_speaker("", "Peskov"));
        assert!(!same_speaker("", ""));
    }
}
