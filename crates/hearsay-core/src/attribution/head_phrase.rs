//! The speaker phrase around the word the speaker model chose: the name
//! run it ends ("Mei Sato"), the noun with its adjectives ("a maintenance
//! guy"), the role as written with whom it names ("the mayor (Bill de
//! Blasio)").
//!
//! Example: the model chose `assistant` in `Sato's assistant said`: the
//! phrase is "Sato's assistant", not Mei Sato.

use crate::attribution::Ctx;
use crate::attribution::speakers::{Article, Phrase, Resolve, Speaker};
use crate::attribution::view::{View, is_possessive};
use crate::text::lexicon::{AUX, CONJ, CUE, DET, FUNC, GROUP, NEG, PREP, PRONOUN, ROLE, WH};

/// The possessive determiners kept before a noun that speaks.
const POSSESSIVES: [&str; 7] = ["his", "her", "their", "its", "our", "my", "your"];

/// Whether token `k` is "and" or "or", which coordinate modifiers.
fn and_or(v: &View, k: usize) -> bool {
    v.is(k, "and") || v.is(k, "or")
}

/// The speaker whose name is headed by token `i`.
pub(crate) fn speaker_at(ctx: &mut Ctx, i: usize) -> Option<Speaker> {
    let v = &ctx.v;
    let tok = v.tokens[i];
    if tok.has(PRONOUN) {
        return ctx.people.pronoun(&ctx.v, i);
    }
    let mut a = i;
    if tok.cap() {
        // The name run ending at the head.
        while a > 0 && a + 12 > i && v.np_ok(a - 1) && !is_possessive(v.word(a - 1)) {
            a -= 1;
        }
    } else {
        // A noun with its adjectives and nationality: "the current
        // Democratic nominee", "a maintenance guy".
        let modifier = |m: usize| {
            let p = &v.tokens[m];
            p.is_word()
                && v.outside(m)
                && !p.has(DET | PREP | FUNC | AUX | CUE | PRONOUN | CONJ | NEG | WH)
        };
        while a > 0 && a + 4 > i && modifier(a - 1) {
            a -= 1;
        }
        // Coordinated modifiers share the noun: "Federal and state
        // officials". A name's last word is not a modifier: "Ana Ruiz and
        // party officials" are two speakers.
        let name_end = |m: usize| v.tokens[m].cap() && m > 0 && v.tokens[m - 1].cap();
        if a >= 2 && a + 6 > i && and_or(v, a - 1) && modifier(a - 2) && !name_end(a - 2) {
            a -= 2;
        }
    }
    while a < i && !v.tokens[a].is_word() {
        a += 1;
    }
    // The head word the corpus marks is the last capitalised one: the noun
    // after it belongs to the phrase ("the Danish leader", "Sato's
    // assistant", "the Clinton campaign").
    let mut b = i + 1;
    if tok.cap() {
        // Over lowercase adjectives to the role or group noun after them:
        // "a likely Green presidential nominee", and over a coordination
        // of modifiers after a lone capitalised word: "Federal and state
        // officials" (but "Ana Ruiz and party officials" stays a name).
        let mut k = i + 1;
        if a == i && k + 1 < v.tokens.len() && and_or(v, k) {
            k += 1;
        }
        while k < v.tokens.len() && k < i + 6 && {
            let n = &v.tokens[k];
            n.is_word()
                && v.outside(k)
                && !n.cap()
                && !n.has(CUE | FUNC | DET | PREP | AUX | CONJ | PRONOUN)
        } {
            if v.tokens[k].has(ROLE | GROUP) {
                b = k + 1;
            }
            k += 1;
        }
    }
    let last = &v.tokens[b - 1];
    let article = Article::before(v, 0, a);
    let phrase = Phrase::speaker(a, b, article);
    // The phrase as written, with its article.
    let start = if a > 0 && v.tokens[a - 1].has(DET) {
        v.tokens[a - 1].start()
    } else {
        v.tokens[a].start()
    };
    let end = last.end();
    let written = v.text[start..end].to_string();
    // "his aides", "their lawyer": whose they are is part of the phrase.
    let possessor = a > 0 && POSSESSIVES.iter().any(|p| v.is(a - 1, p));
    match ctx.people.phrase(&ctx.v, phrase) {
        // "the mayor said": the role as written, and whom it names.
        Some(mut found) if !last.cap() && found.id.is_some() => {
            found.written = Some(written);
            Some(found)
        }
        Some(found) if !last.cap() && possessor => Some(Speaker {
            name: written,
            start,
            ..found
        }),
        Some(found) => Some(found),
        // A noun no rule knows.
        None => Some(Speaker::body(written, start, end)),
    }
}

/// A person named here by a role phrase ("the mayor said"), shown as
/// written with the person: `None` when the speaker is not such a phrase.
pub(crate) fn as_written(v: &View, sp: &Speaker, near: usize) -> Option<Speaker> {
    sp.id?;
    // The last word ending by the speaker's end, searched from the quote.
    let last = v.count_from(near, |t| t.end() <= sp.end).checked_sub(1)?;
    if !v.tokens[last].is_word() {
        return None;
    }
    let t = &v.tokens[last];
    if t.cap() || !t.has(ROLE | GROUP) || t.end() != sp.end {
        return None;
    }
    let first = v.count_from(last, |t| t.start() < sp.start);
    let start = if first > 0 && v.tokens[first - 1].has(DET) {
        v.tokens[first - 1].start()
    } else {
        sp.start
    };
    Some(Speaker {
        written: Some(v.text[start..sp.end].to_string()),
        ..sp.clone()
    })
}
