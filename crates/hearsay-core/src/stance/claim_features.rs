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

use crate::learn::{Features, Sink, word_hash};
use crate::stance::claims::Asserted;
use crate::text::lexicon::{
    CAUSAL, CUE, FUTURE, GROUP, Lex, NATION, NEG, OPINION, ORG, QUANTITY, ROLE, TIME, WH,
};
use crate::text::normalise::{Kind, Token, push_key};
use crate::text::sentences::SentenceTokens;

/// Feature templates: the kind of each feature, hashed with its value.
/// The numbers are part of the model file's meaning: a new kind takes a
/// new number.
#[derive(Debug, Clone, Copy)]
enum T {
    Word = 201,
    Numbers = 203,
    Year = 204,
    Percent = 205,
    Money = 206,
    Comparative = 207,
    Superlative = 208,
    Names = 209,
    Modal = 210,
    Perfect = 211,
    Past = 212,
    Length = 213,
    End = 214,
    Person = 215,
    Negation = 216,
    Lexicon = 217,
    Asserted = 218,
    Dashes = 219,
    First = 220,
    Prev = 221,
    Next = 222,
    Position = 223,
    Marks = 224,
    Share = 226,
    ShareSquared = 227,
    Index = 228,
}

impl T {
    /// The template's number.
    fn id(self) -> u32 {
        self as u32
    }
}

/// The value of a word feature. Words are the many rare features that let
/// a model learn one debate by heart; at half the value of the counts, the
/// model leans on them half as fast (AdaGrad steps a weight by about the
/// same amount whatever its feature's value), and leave-one-debate-out
/// MAP rose from 0.209 to 0.223 (every line scored; 0.191 to 0.203 at the
/// shipped threshold).
const WORD_VALUE: f32 = 0.5;

/// The lexicon flags read as features, each its own value of
/// [`T::Lexicon`].
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

/// The class of a lowercase word or part of a contraction ("ll" of
/// "we'll", "t" of "don't").
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

/// Counts one more, up to the largest count: a text without any stop can
/// make a sentence of more words than a `u16` holds.
fn bump(n: &mut u16) {
    *n = n.saturating_add(1);
}

/// A count as a bucket: 0, 1, 2, 3 or more.
fn few(n: u16) -> u64 {
    u64::from(n.min(3))
}

/// The largest word count of each length bucket but the last, chosen for
/// roughly equal shares of debate and news sentences.
const LENGTHS: [usize; 15] = [0, 1, 2, 3, 4, 5, 7, 9, 12, 15, 20, 25, 30, 40, 60];

/// The length bucket of a sentence of `words` words: 0 to 15.
fn length_bucket(words: usize) -> u64 {
    LENGTHS.partition_point(|&most| most < words) as u64
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
    fn add_as_neighbour(&self, template: T, f: &mut Features) {
        let size = match self.words {
            _ if self.boilerplate => 0,
            0..=3 => 1,
            4..=8 => 2,
            9..=15 => 3,
            16..=25 => 4,
            _ => 5,
        };
        f.with(template.id(), size);
        let figure = self.numbers > 0 || self.money || self.percent;
        let first = self.persons[0] > 0 || self.persons[1] > 0;
        let second = self.persons[2] > 0;
        for (k, on) in [self.question, figure, first, second]
            .into_iter()
            .enumerate()
        {
            if on {
                f.with(template.id(), 16 + k as u64);
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
            f.weighted(T::Word.id(), u64::from(h), WORD_VALUE);
        }
        if let Some(&first) = hashes.first() {
            f.with(T::First.id(), u64::from(first));
        }
        add_counts(&read.counts, f);
        if asserted == Asserted::BySomeone {
            f.flag(T::Asserted.id());
        }
        match si.checked_sub(1) {
            Some(p) => self.sentences[p].counts.add_as_neighbour(T::Prev, f),
            None => f.with(T::Prev.id(), 99),
        }
        match self.sentences.get(si + 1) {
            Some(n) => n.counts.add_as_neighbour(T::Next, f),
            None => f.with(T::Next.id(), 99),
        }
        // Check-worthy lines come earlier in a debate or speech (4.2% of
        // the lines of its first tenth, 1.2% of its last): where the
        // sentence stands, as a share of the text and as a count of
        // sentences.
        let share = si as f32 / self.sentences.len().max(1) as f32;
        f.with(T::Position.id(), (share * 10.0) as u64);
        f.real(T::Share.id(), share);
        f.real(T::ShareSquared.id(), share * share);
        f.with(T::Index.id(), (si.min(400) / 20) as u64);
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
            match t.kind() {
                Kind::Word => {}
                Kind::Punct('$' | '€' | '£') => counts.money = true,
                Kind::Punct('%') => counts.percent = true,
                Kind::Punct('—' | '–') => bump(&mut counts.dashes),
                Kind::Punct('?') => counts.question = true,
                Kind::Mark(_) => counts.marks = true,
                _ => {}
            }
            if !t.is_word() {
                continue;
            }
            let word = &self.text[t.start()..t.end()];
            counts.lexicon |= t.lex;
            let hash = if word.starts_with(|c: char| c.is_ascii_digit()) {
                bump(&mut counts.numbers);
                let year = word.len() == 4
                    && (word.starts_with("19") || word.starts_with("20"))
                    && word.bytes().all(|b| b.is_ascii_digit());
                counts.year |= year;
                word_hash(if year { "<year>" } else { "<num>" })
            } else {
                if t.cap() && counts.words > 0 && word != "I" && !word.starts_with("I'") {
                    bump(&mut counts.names);
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
                    bump(&mut counts.past);
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
            bump(&mut counts.words);
            self.hashes.push(hash);
        }
        counts
    }
}

/// Counts what a word of class `c` says.
fn count_class(c: Class, counts: &mut Counts) {
    match c {
        Class::Person(p) => bump(&mut counts.persons[usize::from(p)]),
        Class::Modal(m) => counts.modals |= 1 << m,
        Class::Comparative | Class::Than => bump(&mut counts.comparatives),
        Class::Superlative => bump(&mut counts.superlatives),
        Class::Money => counts.money = true,
        Class::Percent => counts.percent = true,
        Class::NumberWord => bump(&mut counts.numbers),
        Class::Negator => bump(&mut counts.negators),
        Class::Have | Class::Plain => {}
    }
}

/// Adds the features of what the words add up to.
fn add_counts(c: &Counts, f: &mut Features) {
    f.with(T::Length.id(), length_bucket(usize::from(c.words)));
    f.with(T::End.id(), u64::from(c.end));
    f.with(T::Numbers.id(), few(c.numbers));
    f.with(T::Names.id(), few(c.names));
    f.with(T::Comparative.id(), few(c.comparatives));
    f.with(T::Superlative.id(), few(c.superlatives));
    f.with(T::Past.id(), few(c.past));
    f.with(T::Dashes.id(), few(c.dashes));
    f.with(T::Negation.id(), few(c.negators));
    for (flag, template) in [
        (c.year, T::Year.id()),
        (c.percent, T::Percent.id()),
        (c.money, T::Money.id()),
        (c.perfect, T::Perfect.id()),
        (c.marks, T::Marks.id()),
    ] {
        if flag {
            f.flag(template);
        }
    }
    for (k, &n) in c.persons.iter().enumerate() {
        f.with(T::Person.id(), k as u64 * 4 + few(n));
    }
    for m in 0..7 {
        if c.modals & (1 << m) != 0 {
            f.with(T::Modal.id(), m);
        }
    }
    for (k, &flag) in LEXICON_FLAGS.iter().enumerate() {
        if c.lexicon & flag != 0 {
            f.with(T::Lexicon.id(), k as u64);
        }
    }
    if c.lexicon & WH != 0 {
        f.with(T::Lexicon.id(), 99);
    }
}

/// How a sentence ends: 0 a full stop, 1 a question mark, 2 an
/// exclamation, 3 an ellipsis, 4 a dash (cut off), 5 a closing bracket
/// or quotation mark, 6 a word (no final punctuation), 7 anything else.
fn end_class(toks: &[Token]) -> u8 {
    match toks.last().map(|t| t.kind()) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalise::tokenize;

    fn counts(sentence: &str) -> Counts {
        let tokens = tokenize(sentence);
        let mut reader = Reader {
            text: sentence,
            key: String::new(),
            hashes: Vec::new(),
        };
        reader.read(&tokens)
    }

    #[test]
    fn length_buckets_keep_their_bounds() {
        let cases = [(0, 0), (5, 5), (6, 6), (7, 6), (8, 7), (12, 8), (16, 10)];
        for (words, bucket) in cases {
            assert_eq!(length_bucket(words), bucket, "{words} words");
        }
        assert_eq!(length_bucket(60), 14);
        assert_eq!(length_bucket(61), 15);
        assert_eq!(length_bucket(100_000), 15);
    }

    #[test]
    fn figures_are_numbers_years_money_and_percentages() {
        let c = counts("We spent $3.5 billion in 2019, up 12% on two years before.");
        assert_eq!(
            (c.numbers, c.year, c.money, c.percent),
            (4, true, true, true)
        );
        assert_eq!(c.persons, [0, 1, 0, 0]);
        assert_eq!(c.end, 0);
    }

    #[test]
    fn perfects_modals_and_contractions() {
        let c = counts("They've already been told, and we'll see whether it won't work.");
        assert!(c.perfect);
        assert_eq!(c.modals, 1, "will, from we'll");
        assert_eq!(c.negators, 1, "n't");
        assert_eq!(c.persons, [0, 1, 0, 1]);
        let c = counts("Is it the biggest crowd ever, bigger than last year?");
        assert_eq!((c.superlatives, c.comparatives), (1, 2));
        assert_eq!((c.question, c.end), (true, 1));
    }

    #[test]
    fn a_neighbour_is_summed_up_in_a_few_features() {
        let mut f = Features::default();
        counts("Why did you cut 300 jobs?").add_as_neighbour(T::Prev, &mut f);
        // Its length, a question, a figure and a second person.
        assert_eq!(f.len(), 4);
    }
}
