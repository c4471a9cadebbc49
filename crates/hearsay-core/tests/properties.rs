//! Properties that hold for every input: no panic, spans inside the text,
//! sentences ordered and non-overlapping with only whitespace between them,
//! suggestions sorted, confidences in `[0, 1]`.

use hearsay_core::{Config, analyze, analyze_counting_steps};
use proptest::prelude::*;

/// Pieces that stress the scanners: every kind of quote mark, apostrophes,
/// dashes, abbreviations, line breaks, cues, negations, emoji.
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "″",
    "′",
    "''",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\n\n",
    "\u{a0}",
    ".",
    ",",
    "?",
    "!",
    "…",
    ":",
    ";",
    "—",
    "–",
    "--",
    "-",
    "(",
    ")",
    "Mr.",
    "U.S.",
    "Gen.",
    "S.",
    "04:33",
    "1.6",
    "said",
    "told",
    "according to",
    "he",
    "she",
    "Ana Ruiz",
    "President",
    "ruled out",
    "refused to rule out",
    "no plans to",
    "not",
    "won’t",
    "there will be no",
    "the",
    "French",
    "Advertisement",
    "By",
    "©",
    "😀",
    "👩‍👩‍👧",
    "e\u{301}",
    "مرحبا",
    "中文",
    "PARIS",
];

/// Words and word pairs that start or end a denial, cue or speaker pattern,
/// for text without punctuation: a headline has no final stop, so every
/// pattern must stay inside a sentence that ends on any of them.
const PATTERN_WORDS: &[&str] = &[
    "voted against",
    "spoke out against",
    "argued against",
    "against",
    "said no",
    "said no to",
    "no plans",
    "no",
    "there will be",
    "there will be no",
    "refused to",
    "refused",
    "will not",
    "would never",
    "won't",
    "cannot",
    "not",
    "nothing can be",
    "ruled",
    "ruled it",
    "rule out",
    "out",
    "dismissed",
    "dismissed from",
    "deploying",
    "send",
    "said",
    "told",
    "according to",
    "according",
    "he",
    "Ana Ruiz",
    "the minister",
    "of",
    "on",
    "\n",
];

fn pattern_words() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PATTERN_WORDS), 0..12).prop_map(|v| v.join(" "))
}

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let n = text.chars().count();
    let a = analyze(text, &Config::default());
    let chars: Vec<char> = text.chars().collect();
    let mut prev_end = 0;
    for s in &a.sentences {
        prop_assert!(s.start < s.end && s.end <= n, "sentence {s:?} outside {n}");
        prop_assert!(s.start >= prev_end, "sentences overlap or are out of order");
        prop_assert!(
            chars[prev_end..s.start].iter().all(|c| c.is_whitespace()),
            "non-space between sentences"
        );
        prop_assert!(!chars[s.start].is_whitespace() && !chars[s.end - 1].is_whitespace());
        prev_end = s.end;
    }
    prop_assert!(
        chars[prev_end..].iter().all(|c| c.is_whitespace()),
        "non-space after the last sentence"
    );
    let mut prev_start = 0;
    for s in &a.suggestions {
        prop_assert!(
            s.start <= s.end && s.end <= n,
            "suggestion {s:?} outside {n}"
        );
        prop_assert!(s.start >= prev_start, "suggestions not sorted");
        prop_assert!((0.0..=1.0).contains(&s.confidence));
        prop_assert!(s.sentence < a.sentences.len());
        if let Some(sp) = s.speaker_span {
            prop_assert!(sp.start <= sp.end && sp.end <= n);
        }
        prev_start = s.start;
    }
    for d in &a.diagnostics {
        prop_assert!(d.at <= n);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn quote_heavy_text_keeps_invariants(text in pieces()) {
        check(&text)?;
    }

    #[test]
    fn patterns_cut_off_at_a_headline_end_keep_invariants(text in pattern_words()) {
        check(&text)?;
    }

    #[test]
    fn sentences_of_prose_keep_invariants(text in "[A-Za-z“”\"'’ .,!?\n:—-]{0,300}") {
        check(&text)?;
    }
}

/// Pathological inputs: the run time must stay linear (a quadratic scan
/// would take minutes on these sizes, even in a debug build).
/// Pathological texts, each repeated `n` times.
fn pathological(n: usize) -> Vec<String> {
    vec![
        "“".repeat(n),
        "‘a ".repeat(n),
        "‘a’s b ".repeat(n / 2),
        "\"a\" ".repeat(n),
        "“a,” said Ann Lee, ".repeat(n / 4),
        "Ann Lee Bo Chen Cy Dee ".repeat(n / 4),
        "the French president said, saying, ".repeat(n / 4),
        "Mr. U.S. S. ".repeat(n / 3),
        "he said that she said that ".repeat(n / 4),
        "no plans to rule out nothing ".repeat(n / 4),
        "Ann Lee, a professor at Acme, who runs Acme Partners, said ".repeat(n / 8),
        "according to the Alliance for Safe Roads of Bus Drivers of ".repeat(n / 8),
        "word ".repeat(n * 2),
        "\n".repeat(n),
    ]
}

#[test]
fn attribution_work_grows_linearly_on_pathological_inputs() {
    // Work is counted in tokens looked at, not seconds: four times the text
    // must cost at most four times the work (plus a little for the edges),
    // so a look-back that is not bounded shows as a failing ratio.
    let (small, large) = (pathological(2_000), pathological(8_000));
    for (s, l) in small.iter().zip(&large) {
        let (a, work_small) = analyze_counting_steps(s, &Config::default());
        let (b, work_large) = analyze_counting_steps(l, &Config::default());
        assert!(
            work_large <= 4 * work_small + 4_000,
            "{work_small} then {work_large} steps on {:?}…",
            &s[..20.min(s.len())]
        );
        assert!(a.sentences.len() <= s.len() && b.sentences.len() <= l.len());
    }
}

#[test]
fn work_counts_what_attribution_looks_at() {
    // The guard above is only as good as its counter: a text with cues and
    // names costs steps, and more of it costs more.
    let text = "“We won,” said Ann Lee. The minister told reporters that taxes would rise. ";
    let (_, one) = analyze_counting_steps(text, &Config::default());
    let (_, three) = analyze_counting_steps(&text.repeat(3), &Config::default());
    assert!(one > 10, "{one}");
    assert!(three >= 2 * one, "{one} then {three}");
}
