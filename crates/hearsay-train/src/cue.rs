//! Training the cue classifier: every word the extractor could take as a
//! cue in a PolNeAR training article is labelled by whether it lies in an
//! annotated cue ("said", "according to", "claims").

use hearsay_core::CharIndex;
use hearsay_core::learn::{Features, Options};
use hearsay_core::models::Trace;

use crate::corpus::Article;

/// Options of the cue classifier.
pub fn options() -> Options {
    Options {
        bits: 14,
        // Every second level of the weight grid: the same dev figures,
        // less to download (BENCHMARKS.md).
        step: 2,
        epochs: 6,
        rate: 0.1,
        l2: 1e-5,
        ..Options::default()
    }
}

/// The labelled examples of one article.
pub fn examples(article: &Article, trace: &Trace) -> Vec<(Features, bool)> {
    let index = CharIndex::new(&article.text);
    let cues: Vec<[usize; 2]> = article
        .gold
        .attributions
        .iter()
        .flat_map(|a| a.cue.iter().copied())
        .collect();
    trace
        .cues
        .iter()
        .map(|(span, f)| {
            let (start, end) = (index.char_of_byte(span.start), index.char_of_byte(span.end));
            let cue = cues.iter().any(|c| start >= c[0] && end <= c[1]);
            (f.clone(), cue)
        })
        .collect()
}
