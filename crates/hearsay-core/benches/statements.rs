//! Statement grouping at corpus scale: 1,000, 10,000 and 100,000 generated
//! articles of about 5 KB each (5, 50 and 500 MB), their quotes already
//! extracted, grouped on one thread. Prints the time of reading the
//! candidates and of grouping, and the time per article, which should stay
//! near constant as the corpus grows (grouping compares within speaker
//! blocks, not all pairs), and pairwise precision and recall over members
//! in different articles against what the generator planted.
//!
//! The articles are made from a fixed seed: 20,000 speakers (a few far
//! more quoted than the rest), twelve quotes each of 20 words from a
//! 50,000-word vocabulary, and one in four a reworded repeat of a quote
//! another article carried.
//!
//! Run with `cargo bench -p hearsay-core --bench statements`.

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Instant;

use hearsay_core::Label;
use hearsay_core::format::{Annotation, Document, Origin, Status};
use hearsay_core::statements;

#[allow(dead_code)]
mod support;

use support::Rng;

/// A word of the vocabulary: letters spelled from its number.
fn word(n: usize) -> String {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ren", "tas", "vu", "zel", "or", "pin", "dra", "sem", "qua", "bel",
        "nox", "fi", "gar",
    ];
    let mut n = n + 16;
    let mut out = String::new();
    while n > 0 {
        out.push_str(SYLLABLES[n % 16]);
        n /= 16;
    }
    out
}

/// A Zipf-like pick in `0..n`: small numbers far more often.
fn skewed(rng: &mut Rng, n: usize) -> usize {
    let u = (rng.next() % 1_000_000) as f64 / 1_000_000.0;
    ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
}

/// A quote the generator made: its speaker, its words, and the quote it
/// first was (itself, or the one it rewords).
type Made = (usize, Vec<usize>, usize);

/// Article `i`; each quote's first quote goes to `roots`, in order.
fn article(i: usize, rng: &mut Rng, earlier: &mut Vec<Made>, roots: &mut Vec<usize>) -> Document {
    let mut text = String::new();
    let mut annotations = Vec::new();
    for q in 0..12 {
        let (speaker, words, root) = if rng.next().is_multiple_of(4) && !earlier.is_empty() {
            let (s, w, root) = &earlier[rng.next() % earlier.len()];
            let mut w = w.clone();
            let k = rng.next() % w.len();
            w[k] = skewed(rng, 50_000);
            (*s, w, *root)
        } else {
            let w: Vec<usize> = (0..20).map(|_| skewed(rng, 50_000)).collect();
            (skewed(rng, 20_000), w, i * 12 + q)
        };
        roots.push(root);
        if earlier.len() < 50_000 {
            earlier.push((speaker, words.clone(), root));
        } else {
            let k = rng.next() % earlier.len();
            earlier[k] = (speaker, words.clone(), root);
        }
        let quote: Vec<String> = words.iter().map(|&w| word(w)).collect();
        let quote = quote.join(" ");
        let start = text.chars().count();
        text.push_str(&quote);
        let end = text.chars().count();
        text.push_str(". Filler words of the article around the quote, as news has them.\n");
        text.push_str(&"Background sentence without any speech in it at all. ".repeat(5));
        annotations.push(Annotation {
            speaker: Some(format!("Person{} Surname{speaker}", speaker % 7)),
            origin: Origin::Extractor,
            status: Status::Suggested,
            ..Annotation::new(format!("a{}", q + 1), Label::Quote, start, end, quote)
        });
    }
    Document {
        id: format!("d{}", i + 1),
        name: format!("{i}.txt"),
        text,
        sentences: Vec::new(),
        annotations,
        annotators: Vec::new(),
        models: None,
    }
}

/// Pairs of members in different articles, against the planted truth
/// (two quotes are one statement when they reword one first quote):
/// (right, predicted, planted).
fn pairs(
    found: &[hearsay_core::format::Statement],
    root_of: &HashMap<(String, String), usize>,
) -> (u64, u64, u64) {
    // Cross-article pairs of a list of (article, root), in total and with
    // equal roots.
    fn cross(members: &[(&str, usize)]) -> (u64, u64) {
        let (mut all, mut same) = (0, 0);
        for (k, a) in members.iter().enumerate() {
            for b in &members[k + 1..] {
                if a.0 != b.0 {
                    all += 1;
                    same += u64::from(a.1 == b.1);
                }
            }
        }
        (all, same)
    }
    let (mut right, mut predicted) = (0, 0);
    for s in found {
        let members: Vec<(&str, usize)> = s
            .members
            .iter()
            .map(|m| {
                (
                    m.document.as_str(),
                    root_of[&(m.document.clone(), m.annotation.clone())],
                )
            })
            .collect();
        let (all, same) = cross(&members);
        predicted += all;
        right += same;
    }
    let mut by_root: HashMap<usize, Vec<(&str, usize)>> = HashMap::new();
    for ((doc, _), &root) in root_of {
        by_root.entry(root).or_default().push((doc.as_str(), root));
    }
    let planted = by_root.values().map(|m| cross(m).0).sum();
    (right, predicted, planted)
}

fn main() {
    println!(
        "articles  MB     candidates  read s  group s  per article µs  statements  pair P  pair R"
    );
    for n in [1_000usize, 10_000, 100_000] {
        let mut rng = Rng(0x5eed);
        let mut earlier = Vec::new();
        let (mut bytes, mut candidates) = (0usize, Vec::new());
        let mut root_of: HashMap<(String, String), usize> = HashMap::new();
        let mut read = 0.0;
        for i in 0..n {
            let mut roots = Vec::new();
            let doc = article(i, &mut rng, &mut earlier, &mut roots);
            for (a, root) in doc.annotations.iter().zip(roots) {
                root_of.insert((doc.id.clone(), a.id.clone()), root);
            }
            bytes += doc.text.len();
            let t = Instant::now();
            candidates.extend(statements::candidates(&doc));
            read += t.elapsed().as_secs_f64();
        }
        let t = Instant::now();
        let found = black_box(statements::group(&candidates));
        let group = t.elapsed().as_secs_f64();
        let (right, predicted, planted) = pairs(&found, &root_of);
        println!(
            "{n:<9} {:<6.0} {:<11} {read:<7.2} {group:<8.2} {:<15.0} {:<11} {:<7.3} {:.3}",
            bytes as f64 / 1e6,
            candidates.len(),
            (read + group) / n as f64 * 1e6,
            found.len(),
            right as f64 / predicted.max(1) as f64,
            right as f64 / planted.max(1) as f64,
        );
    }
}
