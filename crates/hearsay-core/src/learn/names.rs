//! Who can speak: a table of person names (given names, surnames) and
//! places, shipped in the model bundle, that the speaker ranker reads as
//! features (a word is a known given name, a surname, a place; a run of
//! capitalised words is a known place).
//!
//! Rule: knowledge, not a whitelist. The table only adds features; a name
//! it does not list is still chosen when the text says it speaks, and a
//! listed name is not chosen when the text says otherwise. Entries are
//! 32-bit hashes of the name as written with ASCII letters lowercased
//! ([`crate::learn::word_hash`], the hash the ranker uses for words), with
//! the classes the lists give it; a phrase ("New South Wales") is hashed
//! with single spaces between its words.
//!
//! The lists come from Faker's locale data (MIT licence), built by
//! `scripts/names.py` into `crates/hearsay-train/data/names.tsv`; see the
//! README's "Models".
//!
//! Example: with "Ruiz" listed as a surname, the ranker sees that
//! `Ana Ruiz` ends in a surname and `Norland Systems` does not.

use crate::learn::word_hash;

/// A given name.
pub const GIVEN: u8 = 1;
/// A surname.
pub const SURNAME: u8 = 2;
/// A place: a country or a region.
pub const PLACE: u8 = 4;

/// The table: `(hash << 8 | classes)`, sorted and one per hash.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Names {
    entries: Vec<u64>,
}

impl Names {
    /// A table of `(name, classes)`: one entry per name, its classes
    /// merged, in hash order.
    pub fn new<'a>(names: impl IntoIterator<Item = (&'a str, u8)>) -> Names {
        let mut entries: Vec<u64> = names
            .into_iter()
            .filter(|(n, c)| !n.trim().is_empty() && *c != 0)
            .map(|(n, c)| u64::from(phrase_hash(n)) << 8 | u64::from(c))
            .collect();
        crate::order::sort(&mut entries);
        let mut merged: Vec<u64> = Vec::with_capacity(entries.len());
        for e in entries {
            match merged.last_mut() {
                Some(last) if *last >> 8 == e >> 8 => *last |= e & 0xff,
                _ => merged.push(e),
            }
        }
        Names { entries: merged }
    }

    /// The table from its entries as stored (sorted, unique hashes), or
    /// `None` if they are not.
    pub(crate) fn from_entries(entries: Vec<u64>) -> Option<Names> {
        let sorted = entries.windows(2).all(|w| w[0] >> 8 < w[1] >> 8);
        let valid = entries.iter().all(|&e| e >> 40 == 0 && e & 0xff != 0);
        (sorted && valid).then_some(Names { entries })
    }

    /// The stored entries.
    pub(crate) fn entries(&self) -> &[u64] {
        &self.entries
    }

    /// How many names and places the table holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True if and only if it holds none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The classes of the entry of hash `hash` ([`GIVEN`], [`SURNAME`],
    /// [`PLACE`], or-ed), 0 if there is none.
    pub(crate) fn classes_of_hash(&self, hash: u32) -> u8 {
        let key = u64::from(hash) << 8;
        match self.entries.binary_search_by(|e| (e & !0xff).cmp(&key)) {
            Ok(k) => (self.entries[k] & 0xff) as u8,
            Err(_) => 0,
        }
    }

    /// The classes of the word or phrase `name`.
    pub fn classes(&self, name: &str) -> u8 {
        self.classes_of_hash(phrase_hash(name))
    }
}

/// The hash of a name or phrase: its words joined by single spaces, ASCII
/// letters lowercased.
pub(crate) fn phrase_hash(name: &str) -> u32 {
    let mut words = name.split_whitespace();
    let Some(first) = words.next() else {
        return word_hash("");
    };
    let Some(second) = words.next() else {
        return word_hash(first);
    };
    let mut joined = String::with_capacity(name.len());
    joined.push_str(first);
    for w in std::iter::once(second).chain(words) {
        joined.push(' ');
        joined.push_str(w);
    }
    word_hash(&joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Names {
        Names::new([
            ("Ruiz", SURNAME),
            ("Ana", GIVEN),
            ("Jordan", GIVEN),
            ("Jordan", SURNAME),
            ("Jordan", PLACE),
            ("New South Wales", PLACE),
        ])
    }

    #[test]
    fn a_listed_name_has_its_classes() {
        assert_eq!(table().classes("Ruiz"), SURNAME);
        assert_eq!(table().classes("Ana"), GIVEN);
    }

    #[test]
    fn classes_of_one_name_are_merged() {
        assert_eq!(table().classes("Jordan"), GIVEN | SURNAME | PLACE);
        assert_eq!(table().len(), 4);
    }

    #[test]
    fn ascii_case_does_not_matter() {
        assert_eq!(table().classes("RUIZ"), SURNAME);
    }

    #[test]
    fn a_phrase_is_looked_up_whole_whatever_its_spaces() {
        assert_eq!(table().classes("New  South\u{a0}Wales"), PLACE);
        assert_eq!(table().classes("South Wales"), 0);
    }

    #[test]
    fn an_unlisted_word_has_no_class() {
        assert_eq!(table().classes("Norland"), 0);
    }

    #[test]
    fn stored_entries_are_checked() {
        let t = table();
        assert_eq!(Names::from_entries(t.entries().to_vec()), Some(t.clone()));
        let mut shuffled = t.entries().to_vec();
        shuffled.reverse();
        assert_eq!(Names::from_entries(shuffled), None);
        assert_eq!(Names::from_entries(vec![1 << 8]), None, "no class");
    }
}
