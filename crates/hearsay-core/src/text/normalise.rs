//! Normalising without losing offsets: a tokenizer over the original text.
//!
//! The text is never rewritten. Instead every token keeps its byte range in
//! the original string and carries a *normalised reading*: curly, straight,
//! low-9 and guillemet quote marks (including the mixed `“ … »` of translated
//! copy, and the doubled `''` some archives use) all become one of a few
//! [`Mark`]s; apostrophes inside words (`don’t`, `’90s`) stay in the word;
//! non-breaking and other Unicode spaces are whitespace; primes after a digit
//! (`5′11″`) are measurements, not quote marks.
//!
//! Rule: every non-whitespace character belongs to exactly one token, so the
//! sentence splitter can guarantee that only whitespace lies between
//! sentences.
//!
//! Example: `“We don’t,” he said.` gives the tokens
//! `Mark(DoubleOpen) We don’t , Mark(DoubleClose) he said .`.

use crate::text::lexicon::{self, Lex};

/// A quotation mark, after normalisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mark {
    /// `“ „ «` and a straight `"` that can only open.
    DoubleOpen,
    /// `” »` and a straight `"` that can only close.
    DoubleClose,
    /// A straight `"` (or `''`) whose direction depends on the state.
    DoubleEither,
    /// `‘ ‹` or a straight `'` before a word.
    SingleOpen,
    /// `’ ›` or a straight `'` after a word (also a plural possessive).
    SingleClose,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters and digits, with inner apostrophes, hyphens and acronym dots.
    Word,
    /// One punctuation or symbol character.
    Punct(char),
    /// A quotation mark.
    Mark(Mark),
    /// Whitespace holding at least one line break.
    Break,
}

/// One token: a byte range of the original text and its reading.
///
/// Sixteen bytes a token: offsets are stored as `u32` ([`analyze`]
/// (crate::analyze) never passes a text of 4 GiB or more), and the kind
/// and the two flags share one `u32` (see [`Token::pack`]). The token array
/// is the largest structure of an analysis and most passes read all of it:
/// at 10 MB of text it no longer fits a cache, and memory first touched
/// costs page faults, so its size is a share of the time.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// First byte.
    s: u32,
    /// One past the last byte.
    e: u32,
    /// Lexicon flags of a word (0 for anything else).
    pub lex: Lex,
    /// The kind, the capital and the space before, packed.
    bits: u32,
}

/// [`Token::bits`]: the low 21 bits hold a punctuation character or a
/// mark's number, the next three the kind's tag, and the top two the flags.
const TAG_SHIFT: u32 = 21;
const VALUE: u32 = (1 << TAG_SHIFT) - 1;
const TAG_WORD: u32 = 0;
const TAG_PUNCT: u32 = 1;
const TAG_MARK: u32 = 2;
const TAG_BREAK: u32 = 3;
const TAG_MASK: u32 = 0b111 << TAG_SHIFT;
const CAP: u32 = 1 << 30;
const SPACE_BEFORE: u32 = 1 << 31;

/// The marks in the order of their numbers in [`Token::bits`].
const MARKS: [Mark; 5] = [
    Mark::DoubleOpen,
    Mark::DoubleClose,
    Mark::DoubleEither,
    Mark::SingleOpen,
    Mark::SingleClose,
];

impl Token {
    /// A token of bytes `s..e`.
    fn new(s: usize, e: usize, kind: Kind, lex: Lex, cap: bool, space_before: bool) -> Token {
        Token {
            s: s as u32,
            e: e as u32,
            lex,
            bits: Token::pack(kind, cap, space_before),
        }
    }

    /// The kind and the flags as one `u32`.
    fn pack(kind: Kind, cap: bool, space_before: bool) -> u32 {
        let kind = match kind {
            Kind::Word => TAG_WORD << TAG_SHIFT,
            Kind::Punct(c) => (TAG_PUNCT << TAG_SHIFT) | u32::from(c),
            // A mark's number is its place in MARKS, the one table both
            // ways read.
            Kind::Mark(m) => {
                let n = MARKS.iter().position(|&x| x == m).unwrap_or(0);
                (TAG_MARK << TAG_SHIFT) | n as u32
            }
            Kind::Break => TAG_BREAK << TAG_SHIFT,
        };
        kind | if cap { CAP } else { 0 } | if space_before { SPACE_BEFORE } else { 0 }
    }

    /// What it is.
    #[inline]
    pub fn kind(&self) -> Kind {
        let value = self.bits & VALUE;
        match (self.bits & TAG_MASK) >> TAG_SHIFT {
            TAG_WORD => Kind::Word,
            // Packed from a `char`, so always one.
            TAG_PUNCT => Kind::Punct(char::from_u32(value).unwrap_or('\u{FFFD}')),
            TAG_MARK => Kind::Mark(MARKS[value as usize % MARKS.len()]),
            _ => Kind::Break,
        }
    }
    /// The first character is uppercase.
    #[inline]
    pub fn cap(&self) -> bool {
        self.bits & CAP != 0
    }
    /// Whitespace (or the start of the text) precedes the token.
    #[inline]
    pub fn space_before(&self) -> bool {
        self.bits & SPACE_BEFORE != 0
    }
    /// First byte.
    #[inline]
    pub fn start(&self) -> usize {
        self.s as usize
    }
    /// One past the last byte.
    #[inline]
    pub fn end(&self) -> usize {
        self.e as usize
    }
    /// True for a word token.
    #[inline]
    pub fn is_word(&self) -> bool {
        self.bits & TAG_MASK == TAG_WORD << TAG_SHIFT
    }
    /// True if the lexicon gives the word any of `flags`.
    pub fn has(&self, flags: Lex) -> bool {
        self.lex & flags != 0
    }
    /// True for punctuation `c`.
    #[inline]
    pub fn is_punct(&self, c: char) -> bool {
        self.bits & !(CAP | SPACE_BEFORE) == (TAG_PUNCT << TAG_SHIFT) | u32::from(c)
    }
    /// True for a dash used as a separator (`—`, `–`, `―`, `--`, ` - `).
    pub fn is_dash(&self) -> bool {
        matches!(
            self.kind(),
            Kind::Punct('—') | Kind::Punct('–') | Kind::Punct('―') | Kind::Punct('-')
        )
    }
}

/// True for characters that end a line: a line break starts a paragraph.
pub(crate) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '′')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// Splits `text` into tokens (see the module documentation).
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    // Words average over four bytes with their space; reserving for one
    // token per three bytes avoids regrowing (and copying) the vector.
    let mut tokens = Vec::with_capacity(text.len() / 3 + 4);
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut space_before = true;
    while i < bytes.len() {
        let c = if bytes[i] < 0x80 {
            bytes[i] as char
        } else {
            match char_at(text, i) {
                Some(c) => c,
                None => break,
            }
        };
        // A single ASCII space between words: the common case.
        if c == ' '
            && bytes
                .get(i + 1)
                .is_some_and(|b| !b.is_ascii_whitespace() && *b < 0x80)
        {
            i += 1;
            space_before = true;
            continue;
        }
        // Quote marks and dashes are neither spaces nor letters: skip the
        // Unicode tables for them.
        let mark_like = !c.is_ascii()
            && matches!(
                c,
                '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '—' | '–' | '―' | '…'
            );
        if !mark_like && c.is_whitespace() {
            let start = i;
            let (end, has_break) = scan_space(text, i);
            i = end;
            if has_break {
                tokens.push(Token::new(start, i, Kind::Break, 0, false, true));
            }
            space_before = true;
            continue;
        }
        let start = i;
        if !mark_like && c.is_alphanumeric() {
            i = scan_word(text, i);
            let lex = lexicon::lookup_in(text, start, i);
            tokens.push(Token::new(
                start,
                i,
                Kind::Word,
                lex,
                c.is_uppercase(),
                space_before,
            ));
            space_before = false;
            continue;
        }
        let (kind, end) = read_sign(text, i, c);
        tokens.push(Token::new(start, end, kind, 0, false, space_before));
        i = end;
        space_before = false;
    }
    tokens
}

/// Scans whitespace from `i`: returns where it ends and whether it holds a
/// line break.
#[inline]
fn scan_space(text: &str, mut i: usize) -> (usize, bool) {
    let mut has_break = false;
    while let Some(w) = char_at(text, i) {
        if !w.is_whitespace() {
            break;
        }
        has_break |= is_line_break(w);
        i += w.len_utf8();
    }
    (i, has_break)
}

/// Reads the punctuation or quote mark `c` at byte `i`: its kind, by the
/// characters around it, and where it ends (a doubled apostrophe and `--`
/// are one token).
#[inline]
fn read_sign(text: &str, i: usize, c: char) -> (Kind, usize) {
    let len = c.len_utf8();
    let prev = char_before(text, i);
    let next = char_at(text, i + len);
    // "--" is one dash.
    if c == '-' && next == Some('-') {
        let mut end = i + 2;
        while char_at(text, end) == Some('-') {
            end += 1;
        }
        return (Kind::Punct('—'), end);
    }
    let prev_space = prev
        .is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '{' | '—' | '–' | '-' | '/'));
    let next_space = next.is_none_or(|n| n.is_whitespace());
    let next_alnum = next.is_some_and(|n| n.is_alphanumeric());
    let prev_digit = prev.is_some_and(|p| p.is_ascii_digit());
    let mut end = i + len;
    let kind = match c {
        '“' | '„' | '«' => Kind::Mark(Mark::DoubleOpen),
        // ”…” copy: a right mark before a word after a space opens.
        '”' if prev_space && !next_space => Kind::Mark(Mark::DoubleOpen),
        '”' | '»' => Kind::Mark(Mark::DoubleClose),
        '"' | '＂' => Kind::Mark(Mark::DoubleEither),
        // 5′11″: primes after a digit are measurements.
        '″' if prev_digit => Kind::Punct(c),
        '″' => Kind::Mark(Mark::DoubleEither),
        '\'' | '′' | '’' if next == Some('\'') || (c == '’' && next == Some('’')) => {
            // ''like this'' (some archives double the apostrophe).
            end = i + len + next.map_or(0, char::len_utf8);
            if prev_space && !next_space {
                Kind::Mark(Mark::DoubleOpen)
            } else if !prev_space {
                Kind::Mark(Mark::DoubleClose)
            } else {
                Kind::Mark(Mark::DoubleEither)
            }
        }
        '′' if prev_digit => Kind::Punct(c),
        // ’90s: an apostrophe before a digit elides a century.
        '’' | '\'' | '‘' if next.is_some_and(|n| n.is_ascii_digit()) => Kind::Punct('\''),
        '‘' | '‹' => Kind::Mark(Mark::SingleOpen),
        '›' => Kind::Mark(Mark::SingleClose),
        '’' | '\'' | '′' if prev_space && next_alnum => Kind::Mark(Mark::SingleOpen),
        '’' | '\'' | '′' => Kind::Mark(Mark::SingleClose),
        _ => Kind::Punct(c),
    };
    (kind, end)
}

/// Scans a word from `i`: alphanumerics joined by an apostrophe (`don’t`),
/// a hyphen (`R-Utah`), an ampersand (`AT&T`) or an acronym dot (`U.S`,
/// `G.K`: a dot between single letters).
fn scan_word(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut seg_len = 0usize;
    loop {
        // ASCII letters and digits, the bulk of any word, byte by byte.
        while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
            i += 1;
            seg_len += 1;
        }
        let Some(c) = char_at(text, i) else {
            break;
        };
        if c.is_alphanumeric() || c == '\u{301}' || c == '\u{308}' {
            i += c.len_utf8();
            seg_len += 1;
            continue;
        }
        let next = char_at(text, i + c.len_utf8());
        let joined = next.is_some_and(|n| n.is_alphanumeric());
        if !joined {
            break;
        }
        let join = match c {
            // "don’t", "Democrats’s": an apostrophe between letters.
            _ if is_apostrophe(c) => true,
            '-' | '&' => true,
            // "1.6", "60,000", "04:33": separators between digits.
            '.' | ',' | ':' => {
                let prev_digit = char_before(text, i).is_some_and(|p| p.is_ascii_digit());
                let next_digit = next.is_some_and(|n| n.is_ascii_digit());
                (prev_digit && next_digit) || (c == '.' && seg_len == 1 && !next_digit)
            }
            _ => false,
        };
        if !join {
            break;
        }
        // "U.S": only single-letter segments join by dots.
        if c == '.' {
            let after = &text[i + 1..];
            let seg: usize = after
                .chars()
                .take_while(|ch| ch.is_alphanumeric())
                .map(char::len_utf8)
                .sum();
            let seg_chars = after[..seg].chars().count();
            let digits = after[..seg].chars().all(|ch| ch.is_ascii_digit());
            if !digits && seg_chars > 1 {
                break;
            }
        }
        i += c.len_utf8();
        seg_len = 0;
    }
    i
}

/// Lowercase key of a word, with apostrophes unified, for comparisons.
pub(crate) fn key_of(word: &str) -> String {
    key_cow(word).into_owned()
}

/// Like [`key_of`], borrowing when the word is its own key.
pub(crate) fn key_cow(word: &str) -> std::borrow::Cow<'_, str> {
    // Lowercase ASCII without apostrophes is its own key: no allocation.
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return std::borrow::Cow::Borrowed(word);
    }
    let mut key = String::with_capacity(word.len());
    push_key(word, &mut key);
    std::borrow::Cow::Owned(key)
}

/// A key as [`key_of`] gives it, kept on the stack when it is short ASCII
/// (names, role words): the people memory builds several per mention.
pub(crate) enum Key {
    Inline { buf: [u8; 40], len: u8 },
    Heap(String),
}

impl std::ops::Deref for Key {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            // Lowercased ASCII is valid UTF-8.
            Key::Inline { buf, len } => {
                std::str::from_utf8(&buf[..usize::from(*len)]).unwrap_or("")
            }
            Key::Heap(s) => s,
        }
    }
}

/// The key of `word` (see [`key_of`]) without a heap allocation for short
/// ASCII words.
pub(crate) fn key(word: &str) -> Key {
    let bytes = word.as_bytes();
    if bytes.len() <= 40 && word.is_ascii() {
        let mut buf = [0u8; 40];
        for (d, b) in buf.iter_mut().zip(bytes) {
            *d = b.to_ascii_lowercase();
        }
        // At most 40.
        return Key::Inline {
            buf,
            len: bytes.len() as u8,
        };
    }
    Key::Heap(key_of(word))
}

/// Appends the key of `word` to `key`. ASCII words, the common case, take a
/// byte-wise fast path.
pub(crate) fn push_key(word: &str, key: &mut String) {
    if word.is_ascii() {
        let at = key.len();
        key.push_str(word);
        key[at..].make_ascii_lowercase();
        return;
    }
    for ch in word.chars() {
        if is_apostrophe(ch) {
            key.push('\'');
        } else if ch.is_ascii() {
            key.push(ch.to_ascii_lowercase());
        } else {
            key.extend(ch.to_lowercase());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        tokenize(text)
            .iter()
            .map(|t| match t.kind() {
                Kind::Word => text[t.start()..t.end()].to_string(),
                Kind::Punct(c) => format!("P{c}"),
                Kind::Mark(m) => format!("{m:?}"),
                Kind::Break => "BR".into(),
            })
            .collect()
    }

    #[test]
    fn a_packed_token_gives_back_its_kind_and_flags() {
        // Every kind, a punctuation sign outside the BMP, and each flag.
        let text = "“Ab,” ‘cd’ \"x\" 'y' «z» 🎉 ©\n\nEf — ′";
        assert_eq!(
            kinds(text),
            [
                "DoubleOpen",
                "Ab",
                "P,",
                "DoubleClose",
                "SingleOpen",
                "cd",
                "SingleClose",
                "DoubleEither",
                "x",
                "DoubleEither",
                "SingleOpen",
                "y",
                "SingleClose",
                "DoubleOpen",
                "z",
                "DoubleClose",
                "P🎉",
                "P©",
                "BR",
                "Ef",
                "P—",
                "SingleClose",
            ]
        );
        let tokens = tokenize(text);
        let caps: Vec<bool> = tokens.iter().map(|t| t.cap()).collect();
        let spaced: Vec<bool> = tokens.iter().map(|t| t.space_before()).collect();
        assert_eq!(caps.iter().filter(|&&c| c).count(), 2, "Ab and Ef");
        assert!(caps[1] && !caps[5] && caps[19]);
        assert!(spaced[0] && !spaced[1] && !spaced[2] && spaced[4] && spaced[16]);
        for t in &tokens {
            assert_eq!(t.is_word(), t.kind() == Kind::Word);
            if let Kind::Punct(c) = t.kind() {
                assert!(t.is_punct(c));
            }
            assert!(!t.is_punct('x'));
        }
    }

    #[test]
    fn apostrophes_stay_in_words() {
        assert_eq!(kinds("don’t"), ["don’t"]);
        assert_eq!(kinds("the ’90s"), ["the", "P'", "90s"]);
        assert_eq!(kinds("U.S. and G.K."), ["U.S", "P.", "and", "G.K", "P."]);
        assert_eq!(kinds("1.6 04:33"), ["1.6", "04:33"]);
    }

    #[test]
    fn doubled_apostrophes_are_double_marks() {
        assert_eq!(
            kinds("''Yes,'' he"),
            ["DoubleOpen", "Yes", "P,", "DoubleClose", "he"]
        );
    }
}
