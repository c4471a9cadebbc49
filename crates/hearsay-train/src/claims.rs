//! Training the claim model on the CheckThat! 2019 debates, and measuring
//! it as the task does: lines ranked by claim confidence, mean average
//! precision over the debates.
//!
//! Each debate is analysed with a trace; a traced sentence is check-worthy
//! when any line it overlaps is. Figures are leave-one-debate-out (LODO):
//! each debate is scored by a model trained on the other eighteen, the
//! raw held-out scores of all debates fit one Platt calibration, and the
//! calibrated models then run the real pipeline on their held-out debate,
//! so the threshold and the line scores are exactly what the page and the
//! CLI give. The shipped model is trained on all debates with that
//! calibration.

use std::ops::Range;
use std::path::Path;

use hearsay_core::learn::{
    Features, Model, Options, expected_calibration_error, fit_platt, reliability, train_binary,
};
use hearsay_core::models::{Models, Trace, Unobserved};
use hearsay_core::{Analysis, CharIndex, Config, Label, analyze_with};

use crate::corpus::{self, Debate};

/// Options of the claim model.
pub fn options() -> Options {
    Options {
        bits: 12,
        // Every second level of the weight grid: the same dev figures,
        // less to download (BENCHMARKS.md).
        step: 2,
        epochs: 6,
        rate: 0.02,
        l2: 1e-5,
        positive_weight: 4.0,
        ..Options::default()
    }
}

/// One debate's sentences as the pipeline sees them, labelled.
pub struct Examples {
    /// The debate's file name.
    pub name: String,
    /// Its CheckThat! edition.
    pub year: u16,
    /// Each sentence's features and whether a line it overlaps is
    /// check-worthy.
    pub sentences: Vec<(Features, bool)>,
    /// Each sentence's lines.
    pub lines: Vec<Range<usize>>,
}

/// The code point range of each labelled line of `debate`, as the scorer
/// (`claims.py`) cuts them: lines split at `\n`, one per label.
pub fn lines(debate: &Debate) -> Vec<Range<usize>> {
    let mut at = 0;
    debate
        .text
        .split('\n')
        .take(debate.labels.len())
        .map(|line| {
            let n = line.chars().count();
            let range = at..at + n;
            at += n + 1;
            range
        })
        .collect()
}

/// The lines overlapping the code point range `span` (as the scorer has
/// it: `start < line end` and `end > line start`).
fn overlapping(lines: &[Range<usize>], span: Range<usize>) -> Range<usize> {
    let first = lines.partition_point(|l| l.end <= span.start);
    let mut last = first;
    while last < lines.len() && lines[last].start < span.end {
        last += 1;
    }
    first..last
}

/// The labelled sentences of `debate`, traced with `models`.
pub fn examples(debate: &Debate, models: &Models) -> Examples {
    let mut trace = Trace::default();
    analyze_with(&debate.text, &Config::default(), models, &mut trace);
    let index = CharIndex::new(&debate.text);
    let lines = lines(debate);
    let mut e = Examples {
        name: debate.name.clone(),
        year: debate.year,
        sentences: Vec::with_capacity(trace.claims.len()),
        lines: Vec::with_capacity(trace.claims.len()),
    };
    for (bytes, f) in trace.claims {
        let span = index.char_of_byte(bytes.start)..index.char_of_byte(bytes.end);
        let covered = overlapping(&lines, span);
        let worthy = covered.clone().any(|l| debate.labels[l]);
        e.sentences.push((f, worthy));
        e.lines.push(covered);
    }
    e
}

/// The debates of both CheckThat! training sets of `corpus` and their
/// examples.
pub fn read(corpus: &Path, models: &Models) -> Result<(Vec<Debate>, Vec<Examples>), String> {
    let debates = corpus::debates(corpus)?;
    let examples = debates.iter().map(|d| examples(d, models)).collect();
    Ok((debates, examples))
}

/// A model trained on every debate but `held` (all of them for `None`).
fn train_without(examples: &[Examples], held: Option<usize>, opts: &Options) -> Model {
    let train: Vec<(Features, bool)> = examples
        .iter()
        .enumerate()
        .filter(|(k, _)| Some(*k) != held)
        .flat_map(|(_, e)| weighed(e))
        .collect();
    train_binary(&train, opts)
}

/// How many times a check-worthy sentence of the 2020 set counts: its
/// labels are about a third as dense as the 2019 set's (0.8 % of lines
/// against 2.7 %), so each of its positives stands for about three.
pub fn sparse_weight() -> usize {
    std::env::var("HEARSAY_CLAIM_2020_WEIGHT")
        .ok()
        .and_then(|w| w.parse().ok())
        .unwrap_or(SPARSE_WEIGHT)
}

/// See [`sparse_weight`].
const SPARSE_WEIGHT: usize = 3;

/// A debate's examples for training, the positives of the sparser 2020
/// set repeated ([`sparse_weight`]).
fn weighed(e: &Examples) -> impl Iterator<Item = (Features, bool)> + '_ {
    let times = if e.year == 2020 { sparse_weight() } else { 1 };
    e.sentences.iter().flat_map(move |(f, y)| {
        let n = if *y { times } else { 1 };
        std::iter::repeat_n((f.clone(), *y), n)
    })
}

/// The leave-one-debate-out models, each calibrated by one Platt fit on
/// the raw held-out scores of all debates, and that fit.
pub fn leave_one_out(examples: &[Examples], opts: &Options) -> (Vec<Model>, (f32, f32)) {
    let mut models: Vec<Model> = (0..examples.len())
        .map(|k| train_without(examples, Some(k), opts))
        .collect();
    let pairs: Vec<(f32, bool)> = models
        .iter()
        .zip(examples)
        .flat_map(|(m, e)| e.sentences.iter().map(|(f, y)| (m.score(f), *y)))
        .collect();
    let calibration = fit_platt(&pairs);
    for m in &mut models {
        m.calibration = calibration;
    }
    (models, calibration)
}

/// Trains the shipped claim model on every debate of `corpus`, traced with
/// `models` (the cue and speaker models it will run beside), calibrated on
/// the leave-one-debate-out scores.
pub fn train(corpus: &Path, models: &Models) -> Result<Model, String> {
    let (_, examples) = read(corpus, models)?;
    let opts = options();
    let (_, calibration) = leave_one_out(&examples, &opts);
    let mut model = train_without(&examples, None, &opts);
    model.calibration = calibration;
    let n: usize = examples.iter().map(|e| e.sentences.len()).sum();
    let positives: usize = examples
        .iter()
        .flat_map(|e| &e.sentences)
        .filter(|s| s.1)
        .count();
    eprintln!(
        "claim: {n} sentences of {} debates, {positives} check-worthy",
        examples.len()
    );
    Ok(model)
}

/// Each line's score: the highest confidence of a claim overlapping it, 0
/// when none does (as `claims.py` scores an export).
pub fn line_scores(analysis: &Analysis, lines: &[Range<usize>]) -> Vec<f32> {
    let mut scores = vec![0.0f32; lines.len()];
    for s in analysis
        .suggestions
        .iter()
        .filter(|s| s.label == Label::Claim)
    {
        for l in overlapping(lines, s.start..s.end) {
            scores[l] = scores[l].max(s.confidence);
        }
    }
    scores
}

/// Average precision and precision at 10 of lines ranked by `scores`,
/// ties in line order (the task's measure, as `claims.py` computes it).
pub fn average_precision(scores: &[f32], labels: &[bool]) -> (f64, f64) {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    // A stable sort keeps tied lines in their order.
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]));
    let (mut hits, mut total) = (0usize, 0.0f64);
    for (rank, &i) in order.iter().enumerate() {
        if labels[i] {
            hits += 1;
            total += hits as f64 / (rank + 1) as f64;
        }
    }
    let positives = labels.iter().filter(|&&y| y).count();
    let top = order.iter().take(10).filter(|&&i| labels[i]).count();
    (total / positives.max(1) as f64, top as f64 / 10.0)
}

/// The line scores of `debate` analysed with `models`.
fn pipeline_scores(debate: &Debate, models: &Models) -> Vec<f32> {
    let (analysis, _) = analyze_with(&debate.text, &Config::default(), models, &mut Unobserved);
    line_scores(&analysis, &lines(debate))
}

/// Line scores from the sentences' probabilities, keeping those of at
/// least `threshold`: what the pipeline gives at that threshold.
fn simulated_scores(e: &Examples, n_lines: usize, model: &Model, threshold: f32) -> Vec<f32> {
    let mut scores = vec![0.0f32; n_lines];
    for ((f, _), lines) in e.sentences.iter().zip(&e.lines) {
        let p = model.probability(f);
        if p < threshold {
            continue;
        }
        for l in lines.clone() {
            scores[l] = scores[l].max(p);
        }
    }
    scores
}

/// The mean of `(AP, P@10)` pairs.
fn mean(pairs: &[(f64, f64)]) -> (f64, f64) {
    let n = pairs.len().max(1) as f64;
    (
        pairs.iter().map(|p| p.0).sum::<f64>() / n,
        pairs.iter().map(|p| p.1).sum::<f64>() / n,
    )
}

/// Prints the leave-one-debate-out figures of the claim model on the
/// debates of `corpus`, beside the rules and suggesting nothing; the cue
/// and speaker models are the embedded ones.
pub fn report(corpus: &Path) -> Result<(), String> {
    let embedded = Models::embedded();
    let base = Models {
        claim: None,
        ..embedded.clone()
    };
    let (debates, examples) = read(corpus, &base)?;
    let (models, calibration) = leave_one_out(&examples, &options());
    println!("calibration: a {:.4} b {:.4}", calibration.0, calibration.1);
    println!(
        "{:<28} {:>6} {:>5} {:>8} {:>6} {:>8} {:>8}",
        "debate", "lines", "worthy", "LODO AP", "P@10", "rules AP", "none AP"
    );
    let (mut lodo, mut rules, mut nothing) = (Vec::new(), Vec::new(), Vec::new());
    for ((debate, model), e) in debates.iter().zip(&models).zip(&examples) {
        let held = Models {
            claim: Some(model.clone()),
            ..base.clone()
        };
        let scored = average_precision(&pipeline_scores(debate, &held), &debate.labels);
        let by_rules = average_precision(&pipeline_scores(debate, &base), &debate.labels);
        let none = average_precision(&vec![0.0; debate.labels.len()], &debate.labels);
        println!(
            "{:<28} {:>6} {:>5} {:>8.4} {:>6.2} {:>8.4} {:>8.4}",
            e.name,
            debate.labels.len(),
            debate.labels.iter().filter(|&&y| y).count(),
            scored.0,
            scored.1,
            by_rules.0,
            none.0
        );
        lodo.push(scored);
        rules.push(by_rules);
        nothing.push(none);
    }
    let (map, p10) = mean(&lodo);
    println!(
        "LODO MAP {map:.4} P@10 {p10:.4} over {} debates",
        lodo.len()
    );
    for year in [2019, 2020] {
        let of: Vec<(f64, f64)> = lodo
            .iter()
            .zip(&examples)
            .filter(|(_, e)| e.year == year)
            .map(|(p, _)| *p)
            .collect();
        let (m, p) = mean(&of);
        println!(
            "  {year}: LODO MAP {m:.4} P@10 {p:.4} over {} debates",
            of.len()
        );
    }
    println!(
        "rules only MAP {:.4} P@10 {:.4}",
        mean(&rules).0,
        mean(&rules).1
    );
    println!("nothing MAP {:.4}", mean(&nothing).0);
    calibration_report(&models, &examples);
    threshold_report(&debates, &models, &examples);
    let mut shipped = train_without(&examples, None, &options());
    shipped.calibration = calibration;
    news_report(corpus, &base, &shipped)
}

/// Prints how many sentences of the PolNeAR dev articles the model trained
/// on every debate suggests as claims: with the pipeline's threshold, in
/// the first articles and overall, and at several thresholds.
fn news_report(corpus: &Path, base: &Models, model: &Model) -> Result<(), String> {
    let articles = corpus::polnear(&corpus.join("polnear-dev"))?;
    let models = Models {
        claim: Some(model.clone()),
        ..base.clone()
    };
    let thresholds = [0.02, 0.03, 0.05, 0.1, 0.15, 0.2];
    let mut at = [0usize; 6];
    let (mut sentences, mut claims, mut by_rules) = (0usize, 0usize, 0usize);
    for (k, a) in articles.iter().enumerate() {
        let mut trace = Trace::default();
        let (analysis, _) = analyze_with(&a.text, &Config::default(), &models, &mut trace);
        let n = trace.claims.len();
        let c = analysis
            .suggestions
            .iter()
            .filter(|s| s.label == Label::Claim)
            .count();
        if k < 5 {
            println!("PolNeAR dev {}: {c} claims in {n} sentences", a.name);
        }
        sentences += n;
        claims += c;
        let (rules, _) = analyze_with(&a.text, &Config::default(), base, &mut Unobserved);
        by_rules += rules
            .suggestions
            .iter()
            .filter(|s| s.label == Label::Claim)
            .count();
        for (_, f) in &trace.claims {
            let p = model.probability(f);
            for (count, &t) in at.iter_mut().zip(&thresholds) {
                *count += usize::from(p >= t);
            }
        }
    }
    let share = |c: usize| 100.0 * c as f64 / sentences.max(1) as f64;
    println!(
        "PolNeAR dev: {claims} claims in {sentences} sentences of {} articles ({:.1}%)",
        articles.len(),
        share(claims)
    );
    println!("  by the rules: {by_rules} ({:.1}%)", share(by_rules));
    for (t, c) in thresholds.iter().zip(at) {
        println!("  at {t:.2}: {:.1}% of sentences", share(c));
    }
    Ok(())
}

/// Prints the expected calibration error and the reliability table of the
/// calibrated held-out probabilities, sentence by sentence.
fn calibration_report(models: &[Model], examples: &[Examples]) {
    let pairs: Vec<(f32, bool)> = models
        .iter()
        .zip(examples)
        .flat_map(|(m, e)| e.sentences.iter().map(|(f, y)| (m.probability(f), *y)))
        .collect();
    println!(
        "ECE {:.4} over {} sentences",
        expected_calibration_error(&pairs),
        pairs.len()
    );
    println!(
        "{:>11} {:>6} {:>10} {:>9}",
        "bin", "count", "confidence", "accuracy"
    );
    for b in reliability(&pairs) {
        println!(
            "{:>4.1}-{:<4.1}   {:>6} {:>10.4} {:>9.4}",
            b.low, b.high, b.count, b.confidence, b.accuracy
        );
    }
}

/// Prints the LODO MAP and the share of lines with a claim at several
/// suggestion thresholds.
fn threshold_report(debates: &[Debate], models: &[Model], examples: &[Examples]) {
    println!(
        "{:>9} {:>8} {:>12}",
        "threshold", "LODO MAP", "lines scored"
    );
    for threshold in [0.0, 0.01, 0.02, 0.03, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5] {
        let mut aps = Vec::new();
        let (mut scored, mut total) = (0usize, 0usize);
        for ((debate, model), e) in debates.iter().zip(models).zip(examples) {
            let scores = simulated_scores(e, debate.labels.len(), model, threshold);
            scored += scores.iter().filter(|&&s| s > 0.0).count();
            total += scores.len();
            aps.push(average_precision(&scores, &debate.labels));
        }
        println!(
            "{threshold:>9.2} {:>8.4} {:>11.1}%",
            mean(&aps).0,
            100.0 * scored as f64 / total.max(1) as f64
        );
    }
}
