//! The read-only view of a text that attribution walks over: its tokens, the
//! quote each token lies in, and the word tests every walk shares (is this
//! a name word, a particle, a possessive, a separator).
//!
//! Example: in `Ann Lee's aide, Tom Roe, said`, `Lee's` is a possessive name
//! word, the commas are separators and `aide` is a role word.

use std::cell::Cell;

use crate::attribution::quotes::NONE;
use crate::text::lexicon;
use crate::text::lexicon::{FUNC, GROUP, Lex, NATION, PARTICLE, PRONOUN, ROLE, TIME, TITLE};
use crate::text::normalise::{Kind, Token};

/// Words that never name a person however they are capitalised: roles,
/// titles, nationalities, time words and function words ("Minister",
/// "French", "Monday", "The").
pub(crate) const NOT_NAME: Lex = ROLE | TITLE | NATION | TIME | FUNC;

/// Read-only view of the text for phrase walking.
pub(crate) struct View<'a> {
    /// The original text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: &'a [Token],
    /// For every token, the quote it lies in, or [`NONE`].
    pub inside: &'a [u32],
    /// How many tokens the walks and cue tests have looked at: the unit of
    /// work of attribution, which tests hold to grow linearly with the text.
    pub steps: Cell<u64>,
}

impl View<'_> {
    /// Counts one token looked at.
    #[inline]
    pub(crate) fn step(&self) {
        self.steps.set(self.steps.get() + 1);
    }

    /// Counts `n` tokens looked at.
    #[inline]
    pub(crate) fn step_by(&self, n: usize) {
        self.steps.set(self.steps.get() + n as u64);
    }

    /// How many tokens satisfy `before` (a predicate true for a prefix of
    /// the tokens), searched outwards from token `near`: a few tokens read
    /// when the answer is near, where a binary search over a long text
    /// would miss the cache at every step.
    pub(crate) fn count_from(&self, near: usize, before: impl Fn(&Token) -> bool) -> usize {
        let t = self.tokens;
        let near = near.min(t.len());
        // Bracket the answer in [lo, hi] by doubling steps, then bisect.
        let (mut lo, mut hi) = (near, near);
        let mut step = 1;
        if near < t.len() && before(&t[near]) {
            lo = near + 1;
            hi = (near + step).min(t.len());
            while hi < t.len() && before(&t[hi]) {
                lo = hi + 1;
                step *= 2;
                hi = (hi + step).min(t.len());
            }
        } else {
            while lo > 0 && !before(&t[lo - 1]) {
                hi = lo - 1;
                lo = lo.saturating_sub(step);
                step *= 2;
            }
        }
        lo + t[lo..hi].partition_point(|x| before(x))
    }

    /// The text of token `i`.
    pub(crate) fn word(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.text[t.start()..t.end()]
    }

    /// Whether token `i` lies outside every quote.
    pub(crate) fn outside(&self, i: usize) -> bool {
        self.inside[i] == NONE
    }

    /// Whether token `i` is the word `w`, ignoring ASCII case.
    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| t.is_word()) && self.word(i).eq_ignore_ascii_case(w)
    }

    /// "Julie A. Diaz": a one-letter word with its dot glued on.
    pub(crate) fn is_initial(&self, i: usize) -> bool {
        self.word(i).len() == 1
            && self
                .tokens
                .get(i + 1)
                .is_some_and(|n| n.is_punct('.') && !n.space_before())
    }

    /// A token that can be part of a name or role phrase.
    pub(crate) fn np_ok(&self, i: usize) -> bool {
        self.step();
        let t = &self.tokens[i];
        if self.inside[i] != NONE {
            return false;
        }
        match t.kind() {
            Kind::Word => {
                if t.has(ROLE | GROUP | NATION | TITLE) {
                    return true;
                }
                // "Julie A. Diaz": a capital initial with its dot, even one
                // that spells a word, between capitalised words.
                if t.cap()
                    && i > 0
                    && self.tokens[i - 1].is_word()
                    && self.tokens[i - 1].cap()
                    && self.is_initial(i)
                    && self
                        .tokens
                        .get(i + 2)
                        .is_some_and(|n| n.is_word() && n.cap() && n.space_before())
                {
                    return true;
                }
                if is_particle(t) {
                    return self.inner_particle(i);
                }
                if t.has(FUNC) || t.has(PRONOUN) {
                    return false;
                }
                // "the Acme campaign's website": a body owning a thing.
                if !t.cap()
                    && self.text.as_bytes()[t.end() - 1] == b's'
                    && is_possessive(self.word(i))
                {
                    let flags = lexicon::lookup_word(strip_possessive(self.word(i)));
                    return flags & GROUP != 0
                        && flags & ROLE == 0
                        && self
                            .tokens
                            .get(i + 1)
                            .is_some_and(|n| n.is_word() && !n.has(ROLE));
                }
                t.cap()
            }
            // "Maj. Gen.", "G.K.": a dot glued to a title or initial.
            Kind::Punct('.') => {
                i > 0 && !t.space_before() && {
                    let p = &self.tokens[i - 1];
                    p.is_word()
                        && (p.has(TITLE) || {
                            let w = self.word(i - 1);
                            w.contains('.') || w.chars().count() == 1
                        })
                }
            }
            _ => false,
        }
    }

    /// A lowercase particle between the parts of a name: "Joost van Leer",
    /// "Ursula von der Leyen".
    fn inner_particle(&self, i: usize) -> bool {
        let cap_word = |j: usize| {
            capitalised(&self.tokens[j], FUNC | PRONOUN | ROLE) && self.inside[j] == NONE
        };
        let mut a = i;
        while a > 0 && a + 3 > i && is_particle(&self.tokens[a - 1]) {
            a -= 1;
        }
        let mut b = i + 1;
        while b < self.tokens.len() && b < i + 3 && is_particle(&self.tokens[b]) {
            b += 1;
        }
        a > 0 && cap_word(a - 1) && b < self.tokens.len() && cap_word(b)
    }
}

/// The one test of a name word: a capitalised word with none of the lexicon
/// flags in `except`. Callers name what rules a word out where they stand
/// (a role word may end a name in one place and not in another).
pub(crate) fn capitalised(t: &Token, except: Lex) -> bool {
    t.is_word() && t.cap() && !t.has(except)
}

/// A lowercase word that joins the parts of a name ("van", "bin").
pub(crate) fn is_particle(t: &Token) -> bool {
    t.is_word() && !t.cap() && t.has(PARTICLE)
}

/// `w` is one of `set`, ignoring ASCII case.
pub(crate) fn one_of(w: &str, set: &[&str]) -> bool {
    set.iter().any(|s| w.eq_ignore_ascii_case(s))
}

/// A comma or a dash that sets off an appositive clause.
pub(crate) fn is_sep(t: &Token) -> bool {
    t.is_punct(',') || t.is_dash() && !t.is_punct('-')
}

/// `w` without a possessive ending (`Lee’s`, `Lee's`, `Democrats’`).
pub(crate) fn strip_possessive(w: &str) -> &str {
    for suf in ["’s", "'s", "’", "'"] {
        if let Some(s) = w.strip_suffix(suf) {
            return s;
        }
    }
    w
}

/// Whether `w` ends in a possessive `’s` or `'s`.
pub(crate) fn is_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s")
}

/// The articles, which open a description and are dropped from it.
pub(crate) const ARTICLES: &[&str] = &["a", "an", "the"];

/// Fields of an office written after `of` ("Secretary of State", "Minister
/// of Justice") beyond the role words of the lexicon.
const OFFICE_FIELDS: &[&str] = &[
    "state",
    "homeland",
    "security",
    "justice",
    "commerce",
    "transportation",
    "transport",
    "veterans",
    "affairs",
    "housing",
    "culture",
    "war",
    "staff",
];

/// "Secretary of State John Kerry": the start of the name in `[k, b)` when
/// `k` follows a role and `of`, past the field of the office.
pub(crate) fn past_office_field(v: &View, floor: usize, k: usize, b: usize) -> usize {
    let mut a = k;
    if k > floor + 1 && v.word(k - 1) == "of" && v.tokens[k - 2].cap() && v.tokens[k - 2].has(ROLE)
    {
        while a + 2 < b
            && v.tokens[a].cap()
            && (v.tokens[a].has(ROLE) || one_of(v.word(a), OFFICE_FIELDS))
        {
            a += 1;
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalise::tokenize;

    #[test]
    fn count_from_agrees_with_a_binary_search_from_every_start() {
        let text = "Ann said, “no”, and then Bo Lee left. A B C D E F G H I J K.";
        let tokens = tokenize(text);
        let inside = vec![NONE; tokens.len()];
        let v = View {
            text,
            tokens: &tokens,
            inside: &inside,
            steps: Cell::new(0),
        };
        for byte in 0..=text.len() + 1 {
            let want = tokens.partition_point(|t| t.end() <= byte);
            for near in 0..=tokens.len() + 2 {
                assert_eq!(
                    v.count_from(near, |t| t.end() <= byte),
                    want,
                    "{byte} {near}"
                );
            }
        }
    }
}
