//! Throughput of `analyze` on generated news-like text, on one thread.
//!
//! Run with `cargo bench -p hearsay-core`. Articles are assembled from
//! templates written for this benchmark (quotes, reported speech, denials,
//! boilerplate, emoji, mixed quote marks) with a fixed pseudo-random seed,
//! then `analyze` runs on 1 MB and on 10 MB of them, seven times each; both
//! sizes print the median MB/s (and the range), so a super-linear cost
//! shows as a falling figure.

use std::hint::black_box;
use std::time::Instant;

use hearsay_core::{Config, analyze};

mod support;

use support::{Rng, corpus};

/// Timed runs per size: the figure printed is their median, with the
/// slowest and fastest beside it, because a shared virtual machine's speed
/// drifts from one second to the next.
const RUNS: usize = 7;

fn measure(text: &str) -> (Vec<f64>, usize) {
    let config = Config::default();
    // One warm-up run on a slice, then the timed runs.
    let warm: String = text.chars().take(100_000).collect();
    black_box(analyze(&warm, &config));
    let mut rates = Vec::with_capacity(RUNS);
    let mut n = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let analysis = black_box(analyze(text, &config));
        let secs = start.elapsed().as_secs_f64();
        n = analysis.suggestions.len();
        drop(analysis);
        rates.push(text.len() as f64 / 1e6 / secs);
    }
    rates.sort_by(f64::total_cmp);
    (rates, n)
}

/// Peak resident memory of this process so far, in MB (Linux `VmHWM`).
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024.0 / 1e6)
}

fn main() {
    let mut rng = Rng(0x5eed);
    for mb in [1usize, 10] {
        let text = corpus(mb * 1_000_000, &mut rng);
        let (rates, n) = measure(&text);
        println!(
            "analyze: {:>6.2} MB ({} chars): median {:>5.1} MB/s (min {:.1}, max {:.1}, {} runs), {} suggestions",
            text.len() as f64 / 1e6,
            text.chars().count(),
            rates[rates.len() / 2],
            rates[0],
            rates[rates.len() - 1],
            rates.len(),
            n
        );
    }
    // The sizes run in turn, so the peak is the 10 MB run's: its text, the
    // analysis and the engine's working memory.
    if let Some(mb) = peak_mb() {
        println!("peak memory: {mb:.0} MB");
    }
}
