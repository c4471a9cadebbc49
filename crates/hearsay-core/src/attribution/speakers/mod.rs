//! Naming who speaks: noun phrases next to a cue, and a memory of people.
//!
//! Four rooms, in the order a speaker is found:
//!
//! - [`walk`]: token walks from a cue to the phrase that names its speaker:
//!   the subject before the cue (`Kremlin spokesman Dmitry Peskov said`),
//!   the phrase after it when the cue follows a quote (`,” said Kremlin
//!   spokesman Dmitry Peskov`) or after `according to`, and the subject of
//!   a clause (`Ann Lee scolded him: “…”`). A walk only finds *where* the
//!   phrase is; it asks a [`Resolve`] what the phrase means.
//! - [`resolve`]: what a phrase means: a name (titles and roles peeled off,
//!   `Kremlin spokesman Dmitry Peskov` is "Dmitry Peskov"), a role or group
//!   (`the French leader`, `officials`), a body or a document.
//! - [`identification`]: what the article writes right after a name to
//!   identify the person (`, a professor at Acme,`).
//! - [`memory`]: the people met so far, so that a later `the Kremlin
//!   spokesman`, `Peskov` or `he` resolves to the fullest name the article
//!   gave.
//!
//! Rule: the speaker span is where the attribution names the speaker in
//! this place: the name, role phrase or pronoun next to the cue (so a
//! resolved pronoun keeps the pronoun's span). After `told`, the noun phrase
//! is the listener, never the speaker.
//!
//! Example: after `French President Ana Ruiz arrived.`, the phrase `the
//! French leader said` resolves to "Ana Ruiz", and so does `she said`; after
//! `Lee Park, a professor at Tallinn University, spoke.`, `Park said` is
//! "Lee Park (professor at Tallinn University)".

pub(crate) mod identification;
pub(crate) mod memory;
pub(crate) mod resolve;
pub(crate) mod walk;

pub(crate) use memory::People;

use crate::attribution::view::View;

/// What kind of mention names a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mention {
    /// A body, group, document or unresolved role phrase: no known person.
    Body,
    /// A person, by a written name or a role resolved to one.
    Name,
    /// A person, by a pronoun resolved to an earlier mention.
    Pronoun,
}

/// A speaker found in the text.
#[derive(Debug, Clone)]
pub(crate) struct Speaker {
    /// Display name.
    pub name: String,
    /// First byte of the words naming the speaker here.
    pub start: usize,
    /// One past their last byte.
    pub end: usize,
    /// How the speaker is named here.
    pub mention: Mention,
    /// The person meant, when known: the display name is read at the end,
    /// once the article has said all it says about them.
    pub id: Option<usize>,
    /// A role phrase as written here ("the mayor"), shown before the person
    /// it resolves to: `the mayor (Bill de Blasio)`.
    pub written: Option<String>,
}

impl Speaker {
    /// A speaker that is no known person (a body, a group, a document or an
    /// unresolved role phrase) written at bytes `start..end`.
    pub(crate) fn body(name: String, start: usize, end: usize) -> Speaker {
        Speaker {
            name,
            start,
            end,
            mention: Mention::Body,
            id: None,
            written: None,
        }
    }

    /// Whether this is a person (not a group or body).
    pub(crate) fn is_person(&self) -> bool {
        self.mention != Mention::Body
    }

    /// Whether this is a person named here, not by a pronoun.
    pub(crate) fn is_named_person(&self) -> bool {
        self.mention == Mention::Name
    }
}

/// Whether a phrase was written with `the` before it: "the commission
/// said" is a body as written, "the French leader" a role to resolve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Article {
    /// `the` stands before the phrase.
    Definite,
    /// No article, or another one.
    Bare,
}

impl Article {
    /// The article of the phrase starting at token `a`, whose walk began at
    /// `floor`.
    pub(crate) fn before(v: &View, floor: usize, a: usize) -> Article {
        if a > floor && v.word(a - 1).eq_ignore_ascii_case("the") {
            Article::Definite
        } else {
            Article::Bare
        }
    }
}

/// Why a phrase is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// As the speaker of a cue: a lone capitalised word is remembered as a
    /// person.
    Speaker,
    /// As a mere mention met on the way ("Rome"): a lone word nobody knows
    /// is not remembered.
    Mention,
}

/// A phrase a walk found: its tokens `[a, b)`, its article, and why it is
/// read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Phrase {
    /// First token.
    pub a: usize,
    /// One past the last token.
    pub b: usize,
    pub article: Article,
    pub reading: Reading,
}

impl Phrase {
    /// The phrase `[a, b)` read as a speaker.
    pub(crate) fn speaker(a: usize, b: usize, article: Article) -> Phrase {
        Phrase {
            a,
            b,
            article,
            reading: Reading::Speaker,
        }
    }
}

/// What a walk asks once it has found a phrase: what it means.
pub(crate) trait Resolve {
    /// Makes sense of a phrase: a name, a role, a group or a body. Returns
    /// `None` for anything else.
    fn phrase(&mut self, v: &View, phrase: Phrase) -> Option<Speaker>;

    /// The person the pronoun at token `i` refers to.
    fn pronoun(&mut self, v: &View, i: usize) -> Option<Speaker>;
}
