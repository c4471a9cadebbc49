//! Training the denial model: every sentence where the rules find a denial
//! pattern in a PolNeAR training article is labelled by the gold: a denial
//! when it overlaps one of the article's denials, not one when it overlaps
//! neither a denial nor any other attribution (those the scorer does not
//! count either way, so they teach nothing).

use std::ops::Range;

use hearsay_core::learn::{Features, Options};
use hearsay_core::models::Trace;

use crate::corpus::Article;

/// Options of the denial model.
pub fn options() -> Options {
    Options {
        bits: 12,
        epochs: 10,
        rate: 0.1,
        l2: 1e-4,
        ..Options::default()
    }
}

/// The byte ranges of the fragments of `text` (each found where it first
/// stands).
fn ranges(text: &str, fragments: &[String]) -> Vec<Range<usize>> {
    fragments
        .iter()
        .filter(|f| !f.is_empty())
        .filter_map(|f| text.find(f.as_str()).map(|at| at..at + f.len()))
        .collect()
}

/// The labelled examples of one article.
pub fn examples(article: &Article, trace: &Trace) -> Vec<(Features, bool)> {
    let gold = &article.gold;
    let denials = ranges(&article.text, &gold.denials);
    let others: Vec<String> = gold
        .optional
        .iter()
        .chain(gold.quotes.iter().chain(&gold.reported).map(|q| &q.text))
        .cloned()
        .collect();
    let others = ranges(&article.text, &others);
    let overlaps = |a: &Range<usize>, rs: &[Range<usize>]| {
        rs.iter().any(|r| a.start < r.end && r.start < a.end)
    };
    trace
        .denials
        .iter()
        .filter_map(|(span, f)| {
            if overlaps(span, &denials) {
                Some((f.clone(), true))
            } else if overlaps(span, &others) {
                None
            } else {
                Some((f.clone(), false))
            }
        })
        .collect()
}
