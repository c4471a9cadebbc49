//! What the claim model reads of a sentence: its words, its figures
//! (numbers, years, percentages, money), comparatives and superlatives,
//! capitalised names, modals and perfects, past tense, negation, person,
//! length, how it ends, the lexicon's flags (quantity, cause, opinion,
//! speech, time), whether someone is said to assert it, the shape of the
//! sentences before and after it, and where it stands in the text.
//!
//! Rule: every feature is general English, never a word list of one text:
//! words are lowercased and figures read as their shape (`<num>`,
//! `<year>`), so "3.5 million jobs" and "40 million euros" share the word
//! `<num>`. Each sentence is read once, when the [`Context`] of a text is
//! made; a sentence's features are then put together from what was read of
//! it and of its two neighbours, so the features of a text cost time linear
//! in its length.
//!
//! Left out on measurement (leave-one-debate-out MAP on the CheckThat!
//! debates, `hearsay-train claims`): word pairs (0.20 → 0.18: they let the
//! model learn each debate's phrasing by heart), the words of the
//! neighbours (0.18 → 0.13, the same), and word stems (no change).
//!
//! Example: `We lost 70,000 factories since 2001.` gives, among others, the
//! words `we lost <num> factories since <year>`, a number, a year, a past
//! tense and a first person plural.

use std::ops::Range;

use crate::learn::{Features, word_hash};
use crate::stance::claims::Asserted;
use crate::text::lexicon::{
    CAUSAL, CUE, FUTURE, GROUP, Lex, NATION, NEG, OPINION, ORG, QUANTITY, ROLE, TIME, WH,
};
use crate::text::normalise::{Kind, Token, push_key};
use crate::text::sentences::SentenceTokens;

/// Feature templates.
mod t {
    pub const WORD: u32 = 201;
    pub const NUMBERS: u32 = 203;
    pub const YEAR: u32 = 204;
    pub const PERCENT: u32 = 205;
    pub const MONEY: u32 = 206;
    pub const COMPARATIVE: u32 = 207;
    pub const SUPERLATIVE: u32 = 208;
    pub const NAMES: u32 = 209;
    pub const MODAL: u32 = 210;
    pub const PERFECT: u32 = 211;
    pub const PAST: u32 = 212;
    pub const LENGTH: u32 = 213;
    pub const END: u32 = 214;
    pub const PERSON: u32 = 215;
    pub const NEGATION: u32 = 216;
    pub const LEXICON: u32 = 217;
    pub const ASSERTED: u32 = 218;
    pub const DASHES: u32 = 219;
    pub const FIRST: u32 = 220;
    pub const PREV: u32 = 221;
    pub const NEXT: u32 = 222;
    pub const POSITION: u32 = 223;
    pub const MARKS: u32 = 224;
    pub const SHARE: u32 = 226;
    pub const SHARE_SQUARED: u32 = 227;
    pub const INDEX: u32 = 228;
}

/// The value of a word feature. Words are the many rare features that let
/// a model learn one debate by heart; at half the value of the counts, the
/// model leans on them half as fast (AdaGrad steps a weight by about the
/// same amount whatever its feature's value), and leave-one-debate-out
/// MAP rose from 0.209 to 0.219.
const WORD_VALUE: f32 = 0.5;

/// The lexicon flags read as features, each its own value of
/// [`t::LEXICON`].
const LEXICON_FLAGS: [Lex; 11] = [
    QUANTITY, FUTURE, CAUSAL, OPINION, CUE, NEG, TIME, NATION, ORG, ROLE, GROUP,
];

/// What a word (or one part of a contraction) says beyond itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Plain,
    /// A person: 0 first singular, 1 first plural, 2 second, 3 third.
    Person(u8),
    /// A modal: 0 will, 1 would, 2 could, 3 should, 4 may or might, 5 can,
    /// 6 must.
    Modal(u8),
    /// "has", "have", "had", "'ve": the auxiliary of a perfect.
    Have,
    Comparative,
    Superlative,
    Money,
    Percent,
    /// A number written as a word ("two", "thousands").
    NumberWord,
    Negator,
    /// "than": the word before it compares.
    Than,
}

fn class(key: &str) -> Class {
    match key {
        "i" | "me" | "my" | "mine" | "myself" => Class::Person(0),
        "we" | "us" | "our" | "ours" | "ourselves" => Class::Person(1),
        "you" | "your" | "yours" | "yourself" | "yourselves" | "y'all" => Class::Person(2),
        "he" | "she" | "they" | "him" | "her" | "them" | "his" | "their" | "hers" | "theirs" => {
            Class::Person(3)
        }
        "will" | "ll" | "shall" | "gonna" => Class::Modal(0),
        "would" | "d" => Class::Modal(1),
        "could" => Class::Modal(2),
        "should" | "ought" => Class::Modal(3),
        "may" | "might" => Class::Modal(4),
        "can" | "cannot" => Class::Modal(5),
        "must" => Class::Modal(6),
        "has" | "have" | "had" | "ve" => Class::Have,
        "more" | "less" | "fewer" | "better" | "worse" | "higher" | "lower" | "larger"
        | "bigger" | "greater" | "smaller" | "cheaper" | "faster" | "slower" | "stronger"
        | "weaker" | "richer" | "poorer" | "safer" => Class::Comparative,
        "most" | "least" | "best" | "worst" => Class::Superlative,
        "dollar" | "dollars" | "billion" | "billions" | "trillion" | "trillions" | "million"
        | "millions" | "euros" | "pounds" => Class::Money,
        "percent" | "percentage" | "cent" => Class::Percent,
        "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        | "twelve" | "twenty" | "thirty" | "forty" | "fifty" | "hundred" | "hundreds"
        | "thousand" | "thousands" | "dozen" | "dozens" | "half" | "twice" | "double"
        | "triple" => Class::NumberWord,
        "not" | "t" | "no" | "never" | "nothing" | "nobody" | "none" => Class::Negator,
        "than" => Class::Than,
        _ if key.len() >= 6 && key.ends_with("est") && !NOT_SUPERLATIVE.contains(&key) => {
            Class::Superlative
        }
        _ => Class::Plain,
    }
}

/// Words ending in "est" that compare nothing.
const NOT_SUPERLATIVE: &[&str] = &[
    "interest",
    "honest",
    "protest",
    "suggest",
    "request",
    "modest",
    "forest",
    "harvest",
    "contest",
    "arrest",
    "invest",
    "digest",
    "earnest",
    "conquest",
    "midwest",
    "unrest",
    "manifest",
    "bequest",
    "inquest",
    "dishonest",
];

/// A participle after "has" makes a perfect: regular ones end in "ed".
fn participle(key: &str) -> bool {
    (key.len() >= 4 && key.ends_with("ed"))
        || matches!(
            key,
            "been"
                | "done"
                | "seen"
                | "gone"
                | "made"
                | "said"
                | "taken"
                | "given"
                | "known"
                | "shown"
                | "grown"
                | "lost"
                | "paid"
                | "built"
                | "won"
                | "cut"
                | "put"
                | "sold"
                | "spent"
                | "got"
                | "gotten"
                | "brought"
                | "bought"
                | "left"
                | "told"
                | "found"
                | "become"
                | "had"
                | "written"
                | "fallen"
                | "risen"
                | "run"
                | "kept"
                | "led"
        )
}

/// A count as a bucket: 0, 1, 2, 3 or more.
fn few(n: u16) -> u64 {
    u64::from(n.min(3))
}

/// A word count as a bucket of roughly equal shares of debate and news
/// sentences.
fn length_bucket(words: usize) -> u64 {
    match words {
        0..=5 => words as u64,
        6..=7 => 6,
        8..=9 => 7,
        10..=12 => 8,
        13..=15 => 9,
        16..=20 => 10,
        21..=25 => 11,
        26..=30 => 12,
        31..=40 => 13,
        41..=60 => 14,
        _ => 15,
    }
}

/// What the words of one sentence add up to.
#[derive(Debug, Clone, Default)]
struct Counts {
    words: u16,
    numbers: u16,
    names: u16,
    comparatives: u16,
    superlatives: u16,
    past: u16,
    dashes: u16,
    negators: u16,
    persons: [u16; 4],
    year: bool,
    percent: bool,
    money: bool,
    perfect: bool,
    marks: bool,
    question: bool,
    boilerplate: bool,
    /// Bit `m` for modal `m` of [`Class::Modal`].
    modals: u8,
    /// How the sentence ends (see [`end_class`]).
    end: u8,
    /// The union of its words' lexicon flags.
    lexicon: Lex,
}

impl Counts {
    /// What a neighbour contributes as the features of `template`: a
    /// coarse length, and whether it asks, has a figure, speaks in the
    /// first or second person, or is boilerplate.
    fn add_as_neighbour(&self, template: u32, f: &mut Features) {
        let size = match self.words {
            _ if self.boilerplate => 0,
            0..=3 => 1,
            4..=8 => 2,
            9..=15 => 3,
            16..=25 => 4,
            _ => 5,
        };
        f.with(template, size);
        let figure = self.numbers > 0 || self.money || self.percent;
        let first = self.persons[0] + self.persons[1] > 0;
        let second = self.persons[2] > 0;
        for (k, on) in [self.question, figure, first, second]
            .into_iter()
            .enumerate()
        {
            if on {
                f.with(template, 16 + k as u64);
            }
        }
    }
}

/// One sentence as read once: its word hashes (a range of
/// [`Context::hashes`]) and what its words add up to.
#[derive(Debug, Clone)]
struct Read {
    hashes: Range<usize>,
    counts: Counts,
}

/// The claim features of a text's sentences. Every sentence is read once,
/// when the context is made; features are then put together from what was
/// read of a sentence and of its neighbours.
pub(crate) struct Context {
    sentences: Vec<Read>,
    /// The word hashes of every sentence, one after the other.
    hashes: Vec<u32>,
}

impl Context {
    /// The context of the sentences of a text.
    pub(crate) fn new(text: &str, tokens: &[Token], sentences: &[SentenceTokens]) -> Context {
        let mut reader = Reader {
            text,
            key: String::new(),
            hashes: Vec::with_capacity(tokens.len()),
        };
        let sentences = sentences
            .iter()
            .map(|s| {
                let at = reader.hashes.len();
                let mut counts = reader.read(&tokens[s.first..s.last]);
                counts.boilerplate = s.boilerplate;
                Read {
                    hashes: at..reader.hashes.len(),
                    counts,
                }
            })
            .collect();
        Context {
            sentences,
            hashes: reader.hashes,
        }
    }

    /// Sets `f` to the features of sentence `si`.
    pub(crate) fn features(&self, si: usize, asserted: Asserted, f: &mut Features) {
        f.clear();
        let read = &self.sentences[si];
        let hashes = &self.hashes[read.hashes.clone()];
        for &h in hashes {
            f.weighted(t::WORD, u64::from(h), WORD_VALUE);
        }
        if let Some(&first) = hashes.first() {
            f.with(t::FIRST, u64::from(first));
        }
        add_counts(&read.counts, f);
        if asserted == Asserted::BySomeone {
            f.flag(t::ASSERTED);
        }
        match si.checked_sub(1) {
            Some(p) => self.sentences[p].counts.add_as_neighbour(t::PREV, f),
            None => f.with(t::PREV, 99),
        }
        match self.sentences.get(si + 1) {
            Some(n) => n.counts.add_as_neighbour(t::NEXT, f),
            None => f.with(t::NEXT, 99),
        }
        // Check-worthy lines come earlier in a debate or speech (twice as
        // many in its first tenth as in its last): where the sentence
        // stands, as a share of the text and as a count of sentences.
        let share = si as f32 / self.sentences.len().max(1) as f32;
        f.with(t::POSITION, (share * 10.0) as u64);
        f.real(t::SHARE, share);
        f.real(t::SHARE_SQUARED, share * share);
        f.with(t::INDEX, (si.min(400) / 20) as u64);
    }
}

/// Reads sentences into word hashes and counts.
struct Reader<'a> {
    text: &'a str,
    /// The lowercase key of the word being read (reused).
    key: String,
    hashes: Vec<u32>,
}

impl Reader<'_> {
    /// Reads the tokens of one sentence: pushes its word hashes and counts
    /// what its words say.
    fn read(&mut self, toks: &[Token]) -> Counts {
        let mut counts = Counts {
            end: end_class(toks),
            ..Counts::default()
        };
        // Words left in which a participle makes a perfect ("has already
        // been").
        let mut have_window = 0u8;
        for t in toks {
            match t.kind {
                Kind::Word => {}
                Kind::Punct('$' | '€' | '£') => counts.money = true,
                Kind::Punct('%') => counts.percent = true,
                Kind::Punct('—' | '–') => counts.dashes += 1,
                Kind::Punct('?') => counts.question = true,
                Kind::Mark(_) => counts.marks = true,
                _ => {}
            }
            if t.kind != Kind::Word {
                continue;
            }
            let word = &self.text[t.start()..t.end()];
            counts.lexicon |= t.lex;
            let hash = if word.starts_with(|c: char| c.is_ascii_digit()) {
                counts.numbers += 1;
                let year = word.len() == 4
                    && (word.starts_with("19") || word.starts_with("20"))
                    && word.bytes().all(|b| b.is_ascii_digit());
                counts.year |= year;
                word_hash(if year { "<year>" } else { "<num>" })
            } else {
                if t.cap && counts.words > 0 && word != "I" && !word.starts_with("I'") {
                    counts.names += 1;
                }
                self.key.clear();
                push_key(word, &mut self.key);
                let (base, clitic) = match self.key.split_once('\'') {
                    Some((b, c)) => (b, Some(c)),
                    None => (self.key.as_str(), None),
                };
                let perfect = have_window > 0 && participle(base);
                counts.perfect |= perfect;
                if base.len() >= 4 && base.ends_with("ed") && !perfect {
                    counts.past += 1;
                }
                have_window = have_window.saturating_sub(1);
                for part in std::iter::once(base).chain(clitic) {
                    match class(part) {
                        Class::Have => have_window = 3,
                        c => count_class(c, &mut counts),
                    }
                }
                word_hash(&self.key)
            };
            counts.words += 1;
            self.hashes.push(hash);
        }
        counts
    }
}

/// Counts what a word of class `c` says.
fn count_class(c: Class, counts: &mut Counts) {
    match c {
        Class::Person(p) => counts.persons[usize::from(p)] += 1,
        Class::Modal(m) => counts.modals |= 1 << m,
        Class::Comparative | Class::Than => counts.comparatives += 1,
        Class::Superlative => counts.superlatives += 1,
        Class::Money => counts.money = true,
        Class::Percent => counts.percent = true,
        Class::NumberWord => counts.numbers += 1,
        Class::Negator => counts.negators += 1,
        Class::Have | Class::Plain => {}
    }
}

/// Adds the features of what the words add up to.
fn add_counts(c: &Counts, f: &mut Features) {
    f.with(t::LENGTH, length_bucket(usize::from(c.words)));
    f.with(t::END, u64::from(c.end));
    f.with(t::NUMBERS, few(c.numbers));
    f.with(t::NAMES, few(c.names));
    f.with(t::COMPARATIVE, few(c.comparatives));
    f.with(t::SUPERLATIVE, few(c.superlatives));
    f.with(t::PAST, few(c.past));
    f.with(t::DASHES, few(c.dashes));
    f.with(t::NEGATION, few(c.negators));
    for (flag, template) in [
        (c.year, t::YEAR),
        (c.percent, t::PERCENT),
        (c.money, t::MONEY),
        (c.perfect, t::PERFECT),
        (c.marks, t::MARKS),
    ] {
        if flag {
            f.flag(template);
        }
    }
    for (k, &n) in c.persons.iter().enumerate() {
        f.with(t::PERSON, k as u64 * 4 + few(n));
    }
    for m in 0..7 {
        if c.modals & (1 << m) != 0 {
            f.with(t::MODAL, m);
        }
    }
    for (k, &flag) in LEXICON_FLAGS.iter().enumerate() {
        if c.lexicon & flag != 0 {
            f.with(t::LEXICON, k as u64);
        }
    }
    if c.lexicon & WH != 0 {
        f.with(t::LEXICON, 99);
    }
}

/// How a sentence ends: 0 a full stop, 1 a question mark, 2 an
/// exclamation, 3 an ellipsis, 4 a dash (cut off), 5 a closing bracket
/// or quotation mark, 6 a word (no final punctuation), 7 anything else.
fn end_class(toks: &[Token]) -> u8 {
    match toks.last().map(|t| t.kind) {
        Some(Kind::Punct('.')) => 0,
        Some(Kind::Punct('?')) => 1,
        Some(Kind::Punct('!')) => 2,
        Some(Kind::Punct('…')) => 3,
        Some(Kind::Punct('—' | '–' | '-')) => 4,
        Some(Kind::Punct(')') | Kind::Mark(_)) => 5,
        Some(Kind::Word) => 6,
        _ => 7,
    }
}
