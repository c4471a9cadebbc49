//! Making the confidences mean what they say, measured the way the figures
//! are: models trained on four fifths of the training articles analyse the
//! fifth they did not see; each quote suggestion is labelled right or wrong
//! by the scorer's matching, and so is each speaker. The quote model learns
//! from those out-of-fold suggestions, and the speaker ranker's calibration
//! is fitted to how often its speakers were right.

use hearsay_core::learn::{Features, Model, Options, fit_platt, train_binary};
use hearsay_core::models::{Models, Trace};
use hearsay_core::{CharIndex, Config, Label, analyze_with};

use crate::corpus::Article;
use crate::folds::{self, FOLDS};
use crate::scorer::{norm, overlaps, speaker_ok};

/// Options of the quote model.
pub fn options() -> Options {
    Options {
        bits: 10,
        epochs: 10,
        rate: 0.05,
        l2: 1e-4,
        ..Options::default()
    }
}

/// What the out-of-fold analyses teach.
#[derive(Default)]
pub struct Held {
    /// Quote suggestions: their features, and whether they were right.
    pub quotes: Vec<(Features, bool)>,
    /// Speakers: the raw logit of the ranker's share, and whether right.
    pub speakers: Vec<(f32, bool)>,
}

/// Labels the suggestions of one held-out article analysed with `models`
/// (whose speaker ranker is uncalibrated).
fn label(article: &Article, models: &Models, held: &mut Held) {
    let mut trace = Trace::default();
    let (analysis, _) = analyze_with(&article.text, &Config::default(), models, &mut trace);
    let gold = &article.gold;
    let heads = |q: &crate::corpus::GoldQuote| {
        if q.speakers.is_empty() {
            vec![q.speaker.clone()]
        } else {
            q.speakers.clone()
        }
    };
    let spoken: Vec<(String, Vec<String>)> = gold
        .quotes
        .iter()
        .chain(&gold.reported)
        .map(|q| (norm(&q.text), heads(q)))
        .collect();
    let fragments: Vec<String> = spoken
        .iter()
        .map(|(f, _)| f.clone())
        .chain(gold.optional.iter().map(|o| norm(o)))
        .collect();
    let index = CharIndex::new(&article.text);
    for (span, f) in &trace.quotes {
        let text = norm(index.slice(index.char_of_byte(span.start), index.char_of_byte(span.end)));
        let right = fragments
            .iter()
            .any(|g| overlaps(&text, g) || text.contains(g.as_str()));
        held.quotes.push((f.clone(), right));
    }
    for s in analysis
        .suggestions
        .iter()
        .filter(|s| s.label == Label::Quote)
    {
        let Some(c) = s.speaker_confidence else {
            continue;
        };
        let text = norm(index.slice(s.start, s.end));
        let matched: Vec<&Vec<String>> = spoken
            .iter()
            .filter(|(g, _)| overlaps(&text, g))
            .map(|(_, h)| h)
            .collect();
        if !matched.is_empty() {
            let right = matched.iter().any(|h| speaker_ok(s.speaker.as_deref(), h));
            let c = c.clamp(1e-6, 1.0 - 1e-6);
            held.speakers.push(((c / (1.0 - c)).ln(), right));
        }
    }
}

/// The out-of-fold labels of `articles` (five folds), each fold's models
/// trained by `train_on`.
pub fn out_of_fold(articles: &[Article], train_on: impl Fn(&[Article]) -> Models) -> Held {
    let mut held = Held::default();
    for k in 0..FOLDS {
        let (rest, out) = folds::split(articles, k);
        let mut models = train_on(&rest);
        if let Some(speaker) = models.speaker.as_mut() {
            speaker.calibration = (1.0, 0.0);
        }
        for a in out {
            label(a, &models, &mut held);
        }
    }
    held
}

/// Trains the quote model on the out-of-fold suggestions and calibrates it
/// on held-out folds of them.
pub fn quote_model(examples: &[(Features, bool)]) -> Model {
    train_calibrated(examples, &options())
}

/// Trains a binary model on `examples` and fits its calibration on
/// five held-out folds of them (example `i` is in fold `i % 5`).
pub fn train_calibrated(examples: &[(Features, bool)], opts: &Options) -> Model {
    let mut model = train_binary(examples, opts);
    let mut pairs = Vec::new();
    for k in 0..FOLDS {
        let (train, out) = folds::split(examples, k);
        let held = train_binary(&train, opts);
        pairs.extend(out.into_iter().map(|(f, y)| (held.score(f), *y)));
    }
    model.calibration = fit_platt(&pairs);
    model
}

/// Fits the speaker ranker's calibration to out-of-fold speakers.
pub fn speaker_calibration(pairs: &[(f32, bool)]) -> (f32, f32) {
    fit_platt(pairs)
}
