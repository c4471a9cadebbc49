//! Statement grouping at corpus scale: 1,000, 10,000 and 100,000 generated
//! articles of about 5 KB each (5, 50 and 500 MB), their quotes already
//! extracted, grouped on one thread. Prints the time of reading the
//! candidates and of grouping, and the time per article, which should stay
//! near constant as the corpus grows (grouping compares within speaker
//! blocks, not all pairs).
//!
//! The articles are made from a fixed seed: 20,000 speakers (a few far
//! more quoted than the rest), twelve quotes each of 20 words from a
//! 50,000-word vocabulary, and one in four a reworded repeat of a quote
//! another article carried.
//!
//! Run with `cargo bench -p hearsay-core --bench statements`.

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

fn article(i: usize, rng: &mut Rng, earlier: &mut Vec<(usize, Vec<usize>)>) -> Document {
    let mut text = String::new();
    let mut annotations = Vec::new();
    for q in 0..12 {
        let (speaker, words) = if rng.next().is_multiple_of(4) && !earlier.is_empty() {
            let (s, w) = &earlier[rng.next() % earlier.len()];
            let mut w = w.clone();
            let k = rng.next() % w.len();
            w[k] = skewed(rng, 50_000);
            (*s, w)
        } else {
            let w: Vec<usize> = (0..20).map(|_| skewed(rng, 50_000)).collect();
            (skewed(rng, 20_000), w)
        };
        if earlier.len() < 50_000 {
            earlier.push((speaker, words.clone()));
        } else {
            let k = rng.next() % earlier.len();
            earlier[k] = (speaker, words.clone());
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

fn main() {
    println!("articles  MB     candidates  read s  group s  per article µs  statements");
    for n in [1_000usize, 10_000, 100_000] {
        let mut rng = Rng(0x5eed);
        let mut earlier = Vec::new();
        let (mut bytes, mut candidates) = (0usize, Vec::new());
        let mut read = 0.0;
        for i in 0..n {
            let doc = article(i, &mut rng, &mut earlier);
            bytes += doc.text.len();
            let t = Instant::now();
            candidates.extend(statements::candidates(&doc));
            read += t.elapsed().as_secs_f64();
        }
        let t = Instant::now();
        let found = black_box(statements::group(&candidates));
        let group = t.elapsed().as_secs_f64();
        println!(
            "{n:<9} {:<6.0} {:<11} {read:<7.2} {group:<8.2} {:<15.0} {}",
            bytes as f64 / 1e6,
            candidates.len(),
            (read + group) / n as f64 * 1e6,
            found.len()
        );
    }
}
