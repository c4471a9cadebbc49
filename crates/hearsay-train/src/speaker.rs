//! Training the speaker ranker: for each quote the extractor suggests in a
//! PolNeAR training article, the candidate head words it scored are
//! labelled by the gold attribution whose content the quote overlaps most:
//! a candidate is right when it lies in the attribution's source and is one
//! of the source's head words (the corpus gives them; a pronoun source is
//! its pronoun).

use std::ops::Range;

use hearsay_core::CharIndex;
use hearsay_core::learn::{Group, Model, Options, fit_platt, train_ranker};
use hearsay_core::models::Trace;

use crate::corpus::{Article, Attribution, GoldQuote};
use crate::folds::{self, FOLDS};

/// Options of the speaker ranker.
pub fn options() -> Options {
    Options {
        bits: 15,
        epochs: 15,
        rate: 0.03,
        l2: 1e-5,
        ..Options::default()
    }
}

/// The training groups of one article, given the trace of its analysis.
pub fn groups(article: &Article, trace: &Trace) -> Vec<Group> {
    let index = CharIndex::new(&article.text);
    let chars = |r: &Range<usize>| index.char_of_byte(r.start)..index.char_of_byte(r.end);
    let slice = |r: &Range<usize>| index.slice(r.start, r.end).to_string();
    trace
        .speakers
        .iter()
        .filter_map(|choice| {
            let quote = chars(&choice.quote);
            let attribution = best_attribution(&article.gold.attributions, &quote)?;
            let heads = heads_of(article, attribution, &slice);
            // Of several head words ("Kai Moser, spokesman for Norland
            // Rail"), the first in the text is taught: the person before
            // what the apposition says of them.
            let gold: Vec<usize> = choice
                .candidates
                .iter()
                .enumerate()
                .filter(|(_, (span, _))| {
                    let span = chars(span);
                    attribution
                        .source
                        .iter()
                        .any(|s| span.start >= s[0] && span.end <= s[1])
                        && heads.iter().any(|h| same_word(&slice(&span), h))
                })
                .min_by_key(|(_, (span, _))| span.start)
                .map(|(k, _)| k)
                .into_iter()
                .collect();
            if gold.is_empty() && std::env::var_os("HEARSAY_DEBUG").is_some() {
                let q = chars(&choice.quote);
                let src: Vec<String> = attribution
                    .source
                    .iter()
                    .map(|s| slice(&(s[0]..s[1])))
                    .collect();
                let cands: Vec<String> = choice
                    .candidates
                    .iter()
                    .take(12)
                    .map(|(c, _)| slice(&chars(c)))
                    .collect();
                eprintln!(
                    "UNREACHABLE heads={heads:?} src={src:?} quote={:?} cands={cands:?}",
                    slice(&q).chars().take(60).collect::<String>()
                );
            }
            Some(Group {
                candidates: choice.candidates.iter().map(|(_, f)| f.clone()).collect(),
                gold,
            })
        })
        .collect()
}

/// The attribution whose content overlaps `quote` most, if any does.
fn best_attribution<'a>(
    attributions: &'a [Attribution],
    quote: &Range<usize>,
) -> Option<&'a Attribution> {
    attributions
        .iter()
        .filter(|a| !a.source.is_empty())
        .filter_map(|a| {
            let overlap: usize = a
                .content
                .iter()
                .map(|c| c[1].min(quote.end).saturating_sub(c[0].max(quote.start)))
                .sum();
            (overlap > 0).then_some((overlap, a))
        })
        .max_by_key(|&(overlap, a)| {
            (
                overlap,
                std::cmp::Reverse(a.content.first().map_or(0, |c| c[0])),
            )
        })
        .map(|(_, a)| a)
}

/// The head words of an attribution's source: the corpus' own when the
/// attribution is one of its quotes or reported speech, else the last
/// capitalised word of the source, else its last word.
fn heads_of(
    article: &Article,
    attribution: &Attribution,
    slice: &dyn Fn(&Range<usize>) -> String,
) -> Vec<String> {
    let content: Vec<String> = attribution
        .content
        .iter()
        .map(|c| slice(&(c[0]..c[1])))
        .collect();
    let content = content.join(" ");
    let gold = &article.gold;
    if let Some(q) = gold
        .quotes
        .iter()
        .chain(&gold.reported)
        .find(|q: &&GoldQuote| q.text == content)
    {
        return if q.speakers.is_empty() {
            vec![q.speaker.clone()]
        } else {
            q.speakers.clone()
        };
    }
    let source: Vec<String> = attribution
        .source
        .iter()
        .map(|s| slice(&(s[0]..s[1])))
        .collect();
    let words: Vec<&str> = source.iter().flat_map(|s| s.split_whitespace()).collect();
    let head = words
        .iter()
        .rev()
        .find(|w| w.chars().next().is_some_and(char::is_uppercase))
        .or(words.last());
    head.map(|w| vec![w.trim_matches(|c: char| !c.is_alphanumeric()).to_string()])
        .unwrap_or_default()
}

/// Whether a candidate's text is the head word `head` (case, quote marks
/// and a possessive ending aside).
fn same_word(candidate: &str, head: &str) -> bool {
    let norm = |s: &str| {
        s.replace(['’', '‘'], "'")
            .trim_end_matches("'s")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let c = norm(candidate);
    !c.is_empty() && c == norm(head)
}

/// Trains the ranker on `groups`, and calibrates its confidence on
/// held-out folds: the shares of the top candidate it gives groups it did
/// not see, against whether that candidate was right.
pub fn train(groups: &[Group], opts: &Options) -> Model {
    let mut model = train_ranker(groups, opts);
    let mut pairs = Vec::new();
    for k in 0..FOLDS {
        let (train, out) = folds::split(groups, k);
        let held = train_ranker(&train, opts);
        for g in out {
            if g.candidates.is_empty() {
                continue;
            }
            let (best, logit) = top(&held, g);
            pairs.push((logit, g.gold.contains(&best)));
        }
    }
    model.calibration = fit_platt(&pairs);
    model
}

/// The best candidate of a group and the logit of its softmax share.
pub fn top(model: &Model, g: &Group) -> (usize, f32) {
    let scores: Vec<f32> = g.candidates.iter().map(|f| model.score(f)).collect();
    let max = scores.iter().copied().fold(f32::MIN, f32::max);
    let total: f32 = scores.iter().map(|s| (s - max).exp()).sum();
    let best = scores
        .iter()
        .enumerate()
        .fold(0, |b, (k, &s)| if s > scores[b] { k } else { b });
    let share = (1.0 / total).clamp(1e-6, 1.0 - 1e-6);
    (best, (share / (1.0 - share)).ln())
}

/// How often the top candidate is right, over groups that have a right one.
pub fn accuracy(model: &Model, groups: &[Group]) -> (usize, usize) {
    let usable: Vec<&Group> = groups.iter().filter(|g| !g.gold.is_empty()).collect();
    let right = usable
        .iter()
        .filter(|g| g.gold.contains(&top(model, g).0))
        .count();
    (right, usable.len())
}
