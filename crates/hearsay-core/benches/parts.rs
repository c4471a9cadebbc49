//! What each model costs: the throughput of `analyze` on 2 MB of the
//! generated text of `throughput.rs` with every embedded model, with each
//! one left out in turn, and with the rules only (median of five runs, one
//! thread).
//!
//! Run with `cargo bench -p hearsay-core --bench parts`.

use std::hint::black_box;
use std::time::Instant;

use hearsay_core::Config;

mod support;

use support::{Rng, corpus};

fn main() {
    use hearsay_core::models::{Models, Unobserved};
    let mut rng = Rng(0x5eed);
    let text = corpus(2_000_000, &mut rng);
    let e = Models::embedded();
    let variants: Vec<(&str, Models)> = vec![
        ("all", e.clone()),
        (
            "no speaker",
            Models {
                speaker: None,
                ..e.clone()
            },
        ),
        (
            "no cue",
            Models {
                cue: None,
                ..e.clone()
            },
        ),
        (
            "no claim",
            Models {
                claim: None,
                ..e.clone()
            },
        ),
        (
            "no denial",
            Models {
                denial: None,
                ..e.clone()
            },
        ),
        (
            "no quote",
            Models {
                quote: None,
                ..e.clone()
            },
        ),
        ("rules only", Models::rules_only()),
    ];
    for (name, m) in &variants {
        let mut rates = Vec::new();
        for _ in 0..5 {
            let t = Instant::now();
            let (a, _) = hearsay_core::analyze_with(&text, &Config::default(), m, &mut Unobserved);
            black_box(a);
            rates.push(text.len() as f64 / 1e6 / t.elapsed().as_secs_f64());
        }
        rates.sort_by(f64::total_cmp);
        println!("{name:12} {:.1} MB/s", rates[2]);
    }
}
