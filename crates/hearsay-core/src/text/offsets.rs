//! Converting offsets between code points, bytes and UTF-16 units.
//!
//! hearsay counts offsets in code points everywhere (the JSON contract), Rust
//! slices by bytes and JavaScript counts UTF-16 units. [`CharIndex`] keeps a
//! checkpoint every `STRIDE` code points, so each conversion scans at most
//! `STRIDE` characters and the index costs about one byte per eight of text.
//!
//! ```
//! use hearsay_core::CharIndex;
//! let text = "a😀b";
//! let index = CharIndex::new(text);
//! assert_eq!(index.byte(2), 5); // 'b' starts after the 4-byte emoji
//! assert_eq!(index.utf16(2), 3); // the emoji is a surrogate pair
//! assert_eq!(index.char_of_byte(5), 2);
//! assert_eq!(index.slice(1, 3), "😀b");
//! ```

use std::borrow::Cow;

/// Code points between two checkpoints.
const STRIDE: usize = 64;

/// Maps the code point offsets of one text to byte and UTF-16 offsets and back.
#[derive(Debug, Clone)]
pub struct CharIndex<'a> {
    text: &'a str,
    /// Byte offset and UTF-16 offset of code point `i * STRIDE`.
    checkpoints: Cow<'a, [(usize, usize)]>,
    n_chars: usize,
    n_utf16: usize,
}

/// The checkpoints of a [`CharIndex`], kept apart from its text: a caller
/// that holds one text for long and converts often (the page's open
/// document) makes them once, and [`CharOffsets::index`] lends them to an
/// index of that text without another pass over it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CharOffsets {
    checkpoints: Vec<(usize, usize)>,
    n_bytes: usize,
    n_chars: usize,
    n_utf16: usize,
}

impl CharOffsets {
    /// The checkpoints of `text`.
    pub fn new(text: &str) -> CharOffsets {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let bytes = text.as_bytes();
        let (mut byte, mut utf16, mut n_chars) = (0, 0, 0);
        while byte < bytes.len() {
            if n_chars % STRIDE == 0 {
                checkpoints.push((byte, utf16));
            }
            // Eight ASCII characters at once when no checkpoint falls
            // among them.
            if STRIDE - n_chars % STRIDE >= 8
                && let Some(eight) = bytes.get(byte..byte + 8)
                && eight.is_ascii()
            {
                byte += 8;
                utf16 += 8;
                n_chars += 8;
                continue;
            }
            // One character: its length follows from its first byte.
            let width = match bytes[byte] {
                0..0x80 => 1,
                0x80..0xe0 => 2,
                0xe0..0xf0 => 3,
                _ => 4,
            };
            byte += width;
            utf16 += if width == 4 { 2 } else { 1 };
            n_chars += 1;
        }
        CharOffsets {
            checkpoints,
            n_bytes: text.len(),
            n_chars,
            n_utf16: utf16,
        }
    }

    /// The index of `text`, the very text these checkpoints were made of.
    ///
    /// # Panics
    /// In debug builds, if `text` is not as long as that text.
    pub fn index<'a>(&'a self, text: &'a str) -> CharIndex<'a> {
        debug_assert_eq!(text.len(), self.n_bytes, "the offsets of another text");
        CharIndex {
            text,
            checkpoints: Cow::Borrowed(&self.checkpoints),
            n_chars: self.n_chars,
            n_utf16: self.n_utf16,
        }
    }
}

impl<'a> CharIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> CharIndex<'a> {
        let offsets = CharOffsets::new(text);
        CharIndex {
            text,
            checkpoints: Cow::Owned(offsets.checkpoints),
            n_chars: offsets.n_chars,
            n_utf16: offsets.n_utf16,
        }
    }

    /// The indexed text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Number of code points in the text.
    pub fn len_chars(&self) -> usize {
        self.n_chars
    }

    /// Returns `(byte, utf16)` offsets of code point `chars`, clamped to the
    /// end of the text.
    fn locate(&self, chars: usize) -> (usize, usize) {
        if chars >= self.n_chars {
            return (self.text.len(), self.n_utf16);
        }
        let (mut byte, mut utf16) = self.checkpoints[chars / STRIDE];
        for c in self.text[byte..].chars().take(chars % STRIDE) {
            byte += c.len_utf8();
            utf16 += c.len_utf16();
        }
        (byte, utf16)
    }

    /// Byte offset of code point `chars`, clamped to the end of the text.
    pub fn byte(&self, chars: usize) -> usize {
        self.locate(chars).0
    }

    /// UTF-16 offset of code point `chars`, clamped to the end of the text.
    pub fn utf16(&self, chars: usize) -> usize {
        self.locate(chars).1
    }

    /// Code point offset of byte offset `byte`. A byte inside a multi-byte
    /// character maps to that character; past the end maps to the end.
    pub fn char_of_byte(&self, byte: usize) -> usize {
        self.char_of(byte, self.text.len(), |&(b, _)| b, char::len_utf8)
    }

    /// Code point offset of UTF-16 offset `utf16`. A unit inside a surrogate
    /// pair maps to that character; past the end maps to the end.
    pub fn char_of_utf16(&self, utf16: usize) -> usize {
        self.char_of(utf16, self.n_utf16, |&(_, u)| u, char::len_utf16)
    }

    /// Code point offset of `offset` counted in another unit: `total` units
    /// in the text, `unit` picks a checkpoint's offset in that unit, `len`
    /// gives a character's length in it.
    fn char_of(
        &self,
        offset: usize,
        total: usize,
        unit: impl Fn(&(usize, usize)) -> usize,
        len: impl Fn(char) -> usize,
    ) -> usize {
        if offset >= total {
            return self.n_chars;
        }
        let cp = self.checkpoints.partition_point(|c| unit(c) <= offset) - 1;
        let (byte, _) = self.checkpoints[cp];
        let mut at = unit(&self.checkpoints[cp]);
        let mut chars = cp * STRIDE;
        for c in self.text[byte..].chars() {
            if at + len(c) > offset {
                break;
            }
            at += len(c);
            chars += 1;
        }
        chars
    }

    /// The text between code points `start` and `end` (each clamped to the
    /// end; an inverted range gives the empty string).
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        let s = self.byte(start);
        let e = self.byte(end.max(start));
        &self.text[s..e]
    }
}

/// Converts byte offsets to code points by counting from the previous
/// conversion: offsets come nearly in order, so the total work is linear.
/// Far jumps fall back to the [`CharIndex`] checkpoints.
pub(crate) struct Cursor<'a> {
    text: &'a str,
    /// Built on the first far jump only.
    index: Option<CharIndex<'a>>,
    byte: usize,
    ch: usize,
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text`.
    pub(crate) fn new(text: &'a str) -> Cursor<'a> {
        Cursor {
            text,
            index: None,
            byte: 0,
            ch: 0,
        }
    }

    /// Goes back to the start of the text, for another pass in order.
    pub(crate) fn rewind(&mut self) {
        self.byte = 0;
        self.ch = 0;
    }

    /// The code point offset of byte offset `b` (clamped to the text).
    pub(crate) fn at(&mut self, b: usize) -> usize {
        let b = b.min(self.text.len());
        if !self.text.is_char_boundary(b) {
            let text = self.text;
            return self
                .index
                .get_or_insert_with(|| CharIndex::new(text))
                .char_of_byte(b);
        }
        if b >= self.byte && b - self.byte <= 4096 {
            self.ch += self.text[self.byte..b].chars().count();
        } else if b < self.byte && self.byte - b <= 4096 {
            self.ch -= self.text[b..self.byte].chars().count();
        } else {
            let text = self.text;
            self.ch = self
                .index
                .get_or_insert_with(|| CharIndex::new(text))
                .char_of_byte(b);
        }
        self.byte = b;
        self.ch
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_offset_of_mixed_text() {
        round_trips(&"Ça 😀 va, 👩‍👩‍👧 مرحبا 中文 \r\n🇫🇷 e\u{301}".repeat(9));
    }

    #[test]
    fn kept_offsets_convert_as_a_fresh_index_does() {
        let text = "Ça 😀 va, مرحبا 中文 \r\n🇫🇷 e\u{301} ".repeat(40);
        let kept = CharOffsets::new(&text);
        let (fresh, lent) = (CharIndex::new(&text), kept.index(&text));
        for c in 0..=fresh.len_chars() + 1 {
            assert_eq!(lent.byte(c), fresh.byte(c), "byte of {c}");
            assert_eq!(lent.utf16(c), fresh.utf16(c), "utf16 of {c}");
        }
        for b in 0..=text.len() {
            assert_eq!(
                lent.char_of_byte(b),
                fresh.char_of_byte(b),
                "char of byte {b}"
            );
        }
    }

    #[test]
    fn round_trips_long_ascii_runs_broken_anywhere() {
        // ASCII runs of every length around the eight-byte step, each
        // broken by a character of one to four bytes, so a wide character
        // falls at every place relative to a checkpoint.
        let wide = ["\u{e9}", "\u{4e2d}", "\u{1f600}"];
        let mut text = String::new();
        for run in 0..40 {
            text.push_str(&"abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ"[..run]);
            text.push_str(wide[run % 3]);
        }
        round_trips(&text);
        round_trips(&"plain ascii ".repeat(40));
        round_trips("");
    }

    fn round_trips(text: &str) {
        let index = CharIndex::new(text);
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        assert_eq!(index.len_chars(), chars.len());
        let mut utf16 = 0;
        for (i, &(byte, c)) in chars.iter().enumerate() {
            assert_eq!(index.byte(i), byte, "byte of char {i}");
            assert_eq!(index.utf16(i), utf16, "utf16 of char {i}");
            assert_eq!(index.char_of_byte(byte), i);
            assert_eq!(index.char_of_utf16(utf16), i);
            utf16 += c.len_utf16();
        }
        assert_eq!(index.byte(chars.len()), text.len());
        assert_eq!(index.utf16(chars.len() + 5), utf16);
        assert_eq!(index.char_of_byte(text.len()), chars.len());
    }

    #[test]
    fn byte_inside_a_character_maps_to_that_character() {
        let index = CharIndex::new("a😀b");
        assert_eq!(index.char_of_byte(2), 1);
        assert_eq!(index.char_of_utf16(2), 1);
    }

    #[test]
    fn empty_text() {
        let index = CharIndex::new("");
        assert_eq!(index.byte(3), 0);
        assert_eq!(index.char_of_byte(0), 0);
        assert_eq!(index.slice(0, 9), "");
    }
}
