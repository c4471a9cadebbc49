//! What the speaker ranker knows of each word of an article, found out
//! once per article (or once per word, when first asked): whether a word
//! may head a speaker's name, its shape, the words the article writes in
//! lowercase somewhere, each token's sentence and the paragraphs that hold
//! nothing but quotes.
//!
//! Example: in `“We will,” said Mayor Ada Nwosu.` the words `Mayor`, `Ada`
//! and `Nwosu` may head a name (`said` is a cue, and the quote's words are
//! inside quotation marks); `Nwosu` has shape 1, capitalised.

use std::cell::Cell;
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use crate::attribution::Ctx;
use crate::attribution::view::View;
use crate::learn::word_hash;
use crate::text::lexicon::FastHash;
use crate::text::lexicon::{
    AUX, CONJ, CUE, DENYISH, DET, FUNC, GROUP, NEG, ORG, PREP, PRONOUN, ROLE, TIME, WH,
};

/// Whether token `i` may head a speaker's name.
fn may_head(v: &View, i: usize) -> bool {
    let t = &v.tokens[i];
    if !t.is_word() || !v.outside(i) {
        return false;
    }
    if t.has(PRONOUN) {
        return true;
    }
    // The lexicon lists these nouns with the function words for their use
    // as labels ("ANALYSIS:", "Video"), but they are documents that speak
    // ("according to the latest analysis", "Video shows that …").
    if t.has(FUNC)
        && DOCUMENT_NOUNS
            .iter()
            .any(|n| v.word(i).eq_ignore_ascii_case(n))
    {
        return true;
    }
    if t.cap() {
        // Not a day or a month: "The union on Wednesday rejected …".
        return !t.has(FUNC | DET | PREP | CONJ | WH | TIME) || t.has(ROLE | GROUP | ORG);
    }
    let w = v.word(i);
    // "42%", "six in 10", "One in five": a share of people speaks.
    if w.chars().next().is_some_and(|c| c.is_ascii_digit()) || is_number_word(w) {
        return true;
    }
    // A denial verb's past ("dismissed", "rejected") names nobody.
    let denial_past = t.has(DENYISH) && w.ends_with("ed");
    !t.has(FUNC | PREP | DET | AUX | CONJ | NEG | WH | CUE | TIME)
        && !denial_past
        && w.len() > 1
        && !w.ends_with("ly")
        && w.chars().next().is_some_and(char::is_alphabetic)
}

/// Nouns of documents that the lexicon flags as function words.
const DOCUMENT_NOUNS: [&str; 5] = ["analysis", "video", "photo", "image", "update"];

/// A number written as a word.
fn is_number_word(w: &str) -> bool {
    // Looked up by the first letter: most words compare with none.
    let words: &[&str] = match w.as_bytes().first().map(u8::to_ascii_lowercase) {
        Some(b'o') => &["one"],
        Some(b't') => &["two", "three", "ten", "thousands"],
        Some(b'f') => &["four", "five"],
        Some(b's') => &["six", "seven"],
        Some(b'e') => &["eight"],
        Some(b'n') => &["nine"],
        Some(b'h') => &["half", "hundreds"],
        Some(b'd') => &["dozens"],
        Some(b'm') => &["millions"],
        _ => &[],
    };
    words.iter().any(|n| w.eq_ignore_ascii_case(n))
}

/// The shape of a word: 0 lowercase, 1 capitalised, 2 all capitals, 3
/// holds a digit, 4 an initial, 5 a pronoun.
fn shape(v: &View, i: usize) -> u64 {
    let t = &v.tokens[i];
    let w = v.word(i);
    if t.has(PRONOUN) {
        5
    } else if w.bytes().any(|b| b.is_ascii_digit()) {
        3
    } else if t.cap() && v.is_initial(i) {
        4
    } else if t.cap() && all_capitals(w) {
        2
    } else {
        u64::from(t.cap())
    }
}

/// Whether `w` has two letters or more and no lowercase one ("NATO").
fn all_capitals(w: &str) -> bool {
    if w.is_ascii() {
        // Most words: the same answer read byte by byte.
        let mut letters = 0;
        for b in w.bytes() {
            if b.is_ascii_lowercase() {
                return false;
            }
            letters += usize::from(b.is_ascii_uppercase());
        }
        letters > 1
    } else {
        w.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
            && !w.chars().any(char::is_lowercase)
    }
}

/// What the ranker knows of the whole article: the words it writes in
/// lowercase somewhere, and which paragraphs hold nothing but quotes.
pub(crate) struct DocWords {
    lower: HashSet<u32, BuildHasherDefault<FastHash>>,
    /// Per paragraph, whether every word outside quotes is missing.
    pub(super) quote_only: Vec<bool>,
    /// Per token, the sentence it is in.
    pub(super) sentence: Vec<u32>,
    /// Per token, whether it may head a speaker's name ([`may_head`]),
    /// once asked for (`UNKNOWN` before).
    heads: Vec<Cell<u8>>,
    /// Per token, its [`shape`] once asked for (`UNKNOWN` before).
    shapes: Vec<Cell<u8>>,
}

/// A [`DocWords`] fact not yet found out.
const UNKNOWN: u8 = u8::MAX;

impl DocWords {
    /// What the ranker needs to know of the article of `ctx`.
    pub(crate) fn of(ctx: &Ctx) -> DocWords {
        let v = &ctx.v;
        let lower = (0..v.tokens.len())
            .filter(|&i| v.tokens[i].is_word() && !v.tokens[i].cap())
            .map(|i| word_hash(v.word(i)))
            .collect();
        let paragraphs = ctx.sentences.last().map_or(0, |s| s.paragraph + 1);
        let mut quote_only = vec![true; paragraphs];
        for s in ctx.sentences {
            if quote_only[s.paragraph] {
                quote_only[s.paragraph] =
                    (s.first..s.last).all(|m| !v.tokens[m].is_word() || !v.outside(m));
            }
        }
        let mut sentence = vec![0; v.tokens.len()];
        for (k, s) in ctx.sentences.iter().enumerate() {
            let end = ctx.sentences.get(k + 1).map_or(v.tokens.len(), |n| n.first);
            sentence[s.first.min(end)..end].fill(k as u32);
        }
        DocWords {
            lower,
            quote_only,
            sentence,
            heads: vec![Cell::new(UNKNOWN); v.tokens.len()],
            shapes: vec![Cell::new(UNKNOWN); v.tokens.len()],
        }
    }

    /// Whether token `i` may head a speaker's name, found out once.
    pub(super) fn head(&self, v: &View, i: usize) -> bool {
        let known = self.heads[i].get();
        if known != UNKNOWN {
            return known == 1;
        }
        let head = may_head(v, i);
        self.heads[i].set(u8::from(head));
        head
    }

    /// The [`shape`] of token `i`, computed once.
    pub(super) fn shape(&self, v: &View, i: usize) -> u64 {
        let known = self.shapes[i].get();
        if known != UNKNOWN {
            return u64::from(known);
        }
        let sh = shape(v, i);
        self.shapes[i].set(sh as u8);
        sh
    }

    /// Whether the article writes `word` in lowercase somewhere.
    pub(crate) fn lowercase(&self, word: &str) -> bool {
        self.lower.contains(&word_hash(word))
    }
}

#[cfg(test)]
mod tests {
    use super::{all_capitals, is_number_word};

    #[test]
    fn number_words_are_found_by_their_first_letter() {
        for w in [
            "one",
            "Two",
            "THREE",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "half",
            "dozens",
            "hundreds",
            "thousands",
            "millions",
        ] {
            assert!(is_number_word(w), "{w}");
        }
        for w in [
            "", "on", "twelve", "tens", "hal", "million", "Oneida", "zero", "é",
        ] {
            assert!(!is_number_word(w), "{w}");
        }
    }

    #[test]
    fn all_capitals_needs_two_letters_and_no_lowercase() {
        for w in ["NATO", "US", "AT&T", "ÉTÉ", "F-16A"] {
            assert!(all_capitals(w), "{w}");
        }
        for w in ["A", "Nato", "5G", "É", "ÉtÉ", "A1"] {
            assert!(!all_capitals(w), "{w}");
        }
    }
}
