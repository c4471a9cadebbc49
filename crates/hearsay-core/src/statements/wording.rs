//! How alike two outlets' wordings of a statement are: stems, a small
//! table of equivalent negations, modals and verbs, and character
//! n-grams, so that "nothing can be ruled out", "nothing should be ruled
//! out" and a translation's "nothing should be excluded" come out close.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::text::lexicon::{self, AUX, CONJ, DET, FUNC, NEG, PREP, PRONOUN};

/// Words that say the same in a statement, each group under one term:
/// negations, modals, and verbs of ruling out, sending and agreeing.
/// General English, never the words of one event.
const EQUIVALENTS: &[(&str, &str)] = &[
    (
        "<not>",
        "no not never nothing none neither nor nobody without",
    ),
    ("<modal>", "can could should may might must cannot"),
    (
        "<exclude>",
        "exclude excluded excludes excluding preclude precluded rule-out",
    ),
    (
        "<send>",
        "send sends sent sending deploy deploys deployed deploying deployment dispatch \
         dispatched dispatching station stationed",
    ),
    ("<troops>", "troops soldiers forces personnel"),
    ("<agree>", "agree agreed agreement consensus"),
];

/// Two-word phrases read as one word before the table is looked up.
const PHRASES: &[(&str, &str, &str)] = &[
    ("rule", "out", "rule-out"),
    ("ruled", "out", "rule-out"),
    ("rules", "out", "rule-out"),
    ("ruling", "out", "rule-out"),
];

/// The table's words with their terms, sorted by word.
fn equivalents() -> &'static [(&'static str, &'static str)] {
    static TABLE: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Vec<(&str, &str)> = EQUIVALENTS
            .iter()
            .flat_map(|(term, words)| words.split_whitespace().map(move |w| (w, *term)))
            .collect();
        crate::order::sort_by_key(&mut table, |&(word, _)| word);
        table
    })
}

/// The table's term for `word`, if it has one.
fn equivalent(word: &str) -> Option<&'static str> {
    let table = equivalents();
    let at = table.binary_search_by(|&(w, _)| w.cmp(word)).ok()?;
    Some(table[at].1)
}

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// The lowercase words of `text`, apostrophes unified, "n't" split off as
/// "not".
fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = text.to_lowercase().replace(['’', '‘'], "'");
    for raw in lower.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')) {
        let w = raw.trim_matches(|c| c == '\'' || c == '-');
        if w.is_empty() {
            continue;
        }
        if let Some(base) = w.strip_suffix("n't") {
            let base = match base {
                "wo" => "will",
                "ca" => "can",
                "sha" => "shall",
                other => other,
            };
            out.push(base.to_string());
            out.push("not".to_string());
        } else {
            let w = w.strip_suffix("'s").unwrap_or(w);
            out.push(w.to_string());
        }
    }
    out
}

/// The terms of a wording: equivalents merged, function words dropped,
/// the rest stemmed. Repeats are kept once.
pub(super) fn terms(text: &str) -> Vec<String> {
    let words = words(text);
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut word = words[i].as_str();
        if let Some(next) = words.get(i + 1)
            && let Some((_, _, joined)) = PHRASES
                .iter()
                .find(|(a, b, _)| *a == word && *b == next.as_str())
        {
            word = joined;
            i += 1;
        }
        i += 1;
        let term = if let Some(term) = equivalent(word) {
            term.to_string()
        } else {
            let flags = lexicon::lookup(word);
            if flags & NEG != 0 {
                "<not>".to_string()
            } else if flags & (AUX | CONJ | DET | FUNC | PREP | PRONOUN) != 0
                || word.chars().count() < 2
            {
                continue;
            } else {
                stemmer().stem(word).into_owned()
            }
        };
        if !out.contains(&term) {
            out.push(term);
        }
    }
    out
}

/// The character 4-grams of the terms (each padded with a space on both
/// sides), as hashes: what survives a different stem or spelling.
pub(super) fn grams(terms: &[String]) -> Vec<u64> {
    let mut out = Vec::new();
    for t in terms.iter().filter(|t| !t.starts_with('<')) {
        let chars: Vec<char> = format!(" {t} ").chars().collect();
        for w in chars.windows(4) {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for c in w {
                h ^= u64::from(u32::from(*c));
                h = h.wrapping_mul(0x0000_0100_0000_01b3);
            }
            out.push(h);
        }
    }
    crate::order::sort_numbers(&mut out);
    out.dedup();
    out
}

/// Calls `f` on each item two sorted, deduplicated lists share, in order.
pub(super) fn for_each_shared<T: Ord>(a: &[T], b: &[T], mut f: impl FnMut(&T)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(&a[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// How many items two sorted, deduplicated lists share.
pub(super) fn count_shared<T: Ord>(a: &[T], b: &[T]) -> usize {
    let mut shared = 0;
    for_each_shared(a, b, |_| shared += 1);
    shared
}

/// Dice coefficient of two sorted, deduplicated lists.
pub(super) fn dice(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    2.0 * count_shared(a, b) as f32 / (a.len() + b.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruled_out_and_excluded_are_one_term() {
        assert_eq!(
            terms("nothing can be ruled out"),
            terms("nothing should be excluded")
        );
    }

    #[test]
    fn contraction_is_a_negation() {
        assert!(terms("we won't go").contains(&"<not>".to_string()));
    }

    #[test]
    fn function_words_are_dropped() {
        assert_eq!(terms("the mill of the town"), vec!["mill", "town"]);
    }

    #[test]
    fn stems_join_inflections() {
        assert_eq!(terms("closing mills"), terms("closed mill"));
    }

    #[test]
    fn dice_of_equal_lists_is_one() {
        assert_eq!(dice(&[1, 2, 3], &[1, 2, 3]), 1.0);
    }

    #[test]
    fn dice_of_disjoint_lists_is_zero() {
        assert_eq!(dice(&[1, 2], &[3, 4]), 0.0);
    }

    #[test]
    fn grams_are_alike_for_spelling_variants() {
        let a = grams(&terms("defence minister"));
        let b = grams(&terms("defense minister"));
        assert!(dice(&a, &b) > 0.5, "{}", dice(&a, &b));
    }
}
