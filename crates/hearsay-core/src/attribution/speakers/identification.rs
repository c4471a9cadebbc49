//! What the article writes right after a name to identify the person: a
//! place of origin (`of Ohio`), a party tag (`(D-Md.)`, `, R-Ky.,`) and an
//! appositive description between commas or dashes (`, a professor at
//! Acme,`). The first identification met is kept on the person and shown
//! with the name, `Lee Park (professor at Acme)`.
//!
//! A description is bounded: at most fourteen words (a longer one ends at
//! its first `and`), ending at the closing comma or dash, the sentence end,
//! a quote or a clause word ("who", "that"); a cue verb, a pronoun, a time
//! word or a verb-like clause rules it out. A `who` clause that names where
//! the person works with capitalised words (`, a fellow who runs Acme
//! Partners,`) belongs to it, and such a clause alone identifies too.

use crate::attribution::view::{ARTICLES, View, is_possessive, one_of};
use crate::text::lexicon::{
    ABBREV, CONJ, CUE, DET, GROUP, NEG, PREP, PRONOUN, ROLE, TIME, TITLE, WH,
};
use crate::text::normalise::Kind;

/// The identification written after a name whose last word is token
/// `last`, as it will be shown, and the description's tokens (whose role
/// words the person also answers to).
pub(crate) struct Identification {
    /// Place, tag and description joined with `, `.
    pub text: String,
    /// The description's tokens `[a, b)` without its article, if any.
    pub description: Option<(usize, usize)>,
}

/// Reads the identification after the name ending at token `last`;
/// `several_words` tells whether the name has more than one word (a lone
/// word before `of`, as in "District of …", has no place of origin).
pub(crate) fn after_name(v: &View, last: usize, several_words: bool) -> Option<Identification> {
    // "Ann Lee of Ohio": a place of origin, then perhaps a description.
    let place = place_after(v, last).filter(|_| several_words);
    let at = place.map_or(last, |(_, b)| b - 1);
    // "Ann Lee (D-Ore.), head of the caucus": a tag, then a description.
    let tag = party_tag(v, at);
    let at = tag.map_or(at, |(_, b)| b);
    let desc = description(v, at).map(|(mut da, db)| {
        while da < db && one_of(v.word(da), ARTICLES) {
            da += 1;
        }
        (da, db)
    });
    let desc = desc.filter(|&(da, db)| da < db);
    let mut text = String::new();
    for &(x, y) in [place, tag, desc].iter().flatten() {
        if !text.is_empty() {
            text.push_str(", ");
        }
        text.push_str(&v.text[v.tokens[x].start()..v.tokens[y - 1].end()]);
    }
    (!text.is_empty()).then_some(Identification {
        text,
        description: desc,
    })
}

/// "of Ohio", "of New York" right after a name whose last word is `last`:
/// `of` and up to three capitalised words. Returns the tokens `[a, b)`.
fn place_after(v: &View, last: usize) -> Option<(usize, usize)> {
    let toks = v.tokens;
    let of = toks.get(last + 1)?;
    if !(of.is_word() && !of.cap() && v.word(last + 1) == "of") {
        return None;
    }
    let place = |j: usize| {
        toks.get(j).is_some_and(|t| {
            t.is_word()
                && t.cap()
                && v.outside(j)
                && !t.has(ROLE | TITLE | PRONOUN | TIME | DET | GROUP)
                && !is_possessive(v.word(j))
        })
    };
    let mut b = last + 2;
    while b < last + 5 && place(b) {
        b += 1;
    }
    // "of New York City Council": a longer run names a body, not a place.
    (b > last + 2 && !place(b) && !toks.get(b).is_some_and(|t| t.is_word() && t.cap()))
        .then_some((last + 1, b))
}

/// A bracketed party tag right after `last`: `(D-Md.)`, `(R)`. Returns the
/// tokens inside the brackets.
pub(crate) fn party_tag(v: &View, last: usize) -> Option<(usize, usize)> {
    let toks = v.tokens;
    if !toks.get(last + 1)?.is_punct('(') {
        return None;
    }
    let close = (last + 2..toks.len().min(last + 8)).find(|&m| toks[m].is_punct(')'))?;
    let (a, b) = (last + 2, close);
    if a >= b || (a..b).any(|m| !v.outside(m) || toks[m].kind() == Kind::Break) {
        return None;
    }
    let inner = &v.text[toks[a].start()..toks[b - 1].end()];
    let party = !inner.contains(' ')
        && (is_party(inner) || inner.len() <= 4 && inner.ends_with('.'))
        || inner.len() <= 2 && inner.chars().all(|c| c.is_ascii_uppercase());
    party.then_some((a, b))
}

/// A party tag: "D-Md.", "R-Texas", "R".
fn is_party(w: &str) -> bool {
    let mut cs = w.chars();
    let first = cs.next().is_some_and(|c| c.is_ascii_uppercase());
    let dash = cs.next();
    first
        && w.len() <= 12
        && (dash.is_none() || dash == Some('-') && cs.next().is_some_and(|c| c.is_uppercase()))
}

/// The longest description, in words.
const DESCRIPTION_WORDS: usize = 14;

/// An appositive description between commas or dashes right after the
/// word `last` (`, a professor at Acme,`). Returns its tokens `[a, b)`. A
/// description is at most fourteen words, opens with an article, a
/// possessive determiner or `of Place`, holds a role word or is a party
/// tag, and stops at the closing comma or dash, at the sentence end, at a
/// quote or at a clause word ("who", "that"); a cue verb, a pronoun, a time
/// word, an article after a verb ("the mayor announced a plan") or a second
/// possessor rule it out.
pub(crate) fn description(v: &View, last: usize) -> Option<(usize, usize)> {
    let open = v.tokens.get(last + 1)?;
    let dash = open.is_dash() && !open.is_punct('-');
    if !open.is_punct(',') && !dash {
        return None;
    }
    let a = last + 2;
    let (b, words) = description_end(v, a, dash)?;
    // "… at the Center for Media and": no dangling joint.
    let toks = v.tokens;
    let mut b = b;
    while b > a && {
        let t = &toks[b - 1];
        !t.is_word() || !t.cap() && t.has(CONJ | PREP | DET)
    } {
        b -= 1;
    }
    if words == 0 || b == a {
        return None;
    }
    let first = &toks[a];
    let article = first.is_word()
        && (one_of(v.word(a), ARTICLES) || one_of(v.word(a), &["his", "her", "their", "its"]));
    let role = (a..b).any(|m| toks[m].is_word() && toks[m].has(ROLE) && !toks[m].has(TITLE));
    // ", of Grace Church,": where the person is from.
    let of_place = first.is_word()
        && !first.cap()
        && v.word(a) == "of"
        && toks.get(a + 1).is_some_and(|t| t.is_word() && t.cap());
    // ", R-Ky.,": a party tag between commas.
    let tag = b == a + 1 + usize::from(toks[b - 1].is_punct('.')) && is_party(v.word(a));
    let who = first.is_word() && v.word(a).eq_ignore_ascii_case("who");
    (article || role || of_place || tag || who).then_some((a, b))
}

/// What one word does to a description being read.
enum Step {
    /// The description goes on.
    Next,
    /// It ends before token `b`.
    End(usize),
    /// This is no description.
    Refuse,
}

/// Reads a description from token `a` (after the opening comma, or dash
/// when `dash`) to where it stops; returns that end and its word count.
fn description_end(v: &View, a: usize, dash: bool) -> Option<(usize, usize)> {
    let toks = v.tokens;
    let mut words = 0;
    let mut joint = None;
    let mut m = a;
    loop {
        let t = toks.get(m)?;
        if m >= a + 24 || !v.outside(m) {
            return None;
        }
        let step = match t.kind() {
            Kind::Word => description_word(v, a, m, &mut words, &mut joint),
            Kind::Punct(',') if !dash => Step::End(m),
            Kind::Punct(c) if dash && t.is_dash() && c != '-' => Step::End(m),
            Kind::Punct('.') => {
                // "R-Ky.,": a dot glued to a word and to the closing comma.
                let glued = toks
                    .get(m + 1)
                    .is_some_and(|n| !n.space_before() && (n.is_punct(',') || n.is_punct(')')));
                if glued && !t.space_before() && toks[m - 1].is_word() || abbreviation_dot(v, m) {
                    Step::Next
                } else if toks
                    .get(m + 1)
                    .is_none_or(|n| n.space_before() || n.kind() == Kind::Break)
                {
                    Step::End(m)
                } else {
                    Step::Refuse
                }
            }
            Kind::Punct(';' | ':' | '!' | '?' | '(' | ')') | Kind::Mark(_) | Kind::Break => {
                Step::End(m)
            }
            _ => Step::Next,
        };
        match step {
            Step::Next => m += 1,
            Step::End(b) => return Some((b, words)),
            Step::Refuse => return None,
        }
    }
}

/// One word `m` of a description opened at `a`, with the words counted so
/// far and the first `and` met.
fn description_word(
    v: &View,
    a: usize,
    m: usize,
    words: &mut usize,
    joint: &mut Option<usize>,
) -> Step {
    let toks = v.tokens;
    let t = &toks[m];
    let w = v.word(m);
    let that = w.eq_ignore_ascii_case("that");
    // "a professor at Acme who …": the clause ends it, unless it names
    // where the person works ("a fellow who runs Acme Partners").
    // "Ann Lee, who runs Acme Partners,": a clause alone.
    if *words == 0
        && w.eq_ignore_ascii_case("who")
        && let Some(e) = affiliation_clause(v, m)
    {
        *words += 1;
        return Step::End(e);
    }
    if (t.has(WH) || that) && !t.cap() && *words > 0 {
        if w.eq_ignore_ascii_case("who")
            && let Some(e) = affiliation_clause(v, m)
        {
            return Step::End(e);
        }
        return Step::End(m);
    }
    if t.has(CUE | PRONOUN | WH | TIME | NEG)
        || that
        || one_of(
            w,
            &[
                "is", "was", "are", "were", "has", "have", "had", "will", "would",
            ],
        )
    {
        return Step::Refuse;
    }
    // "the mayor announced a plan": an article inside must open a
    // prepositional or coordinated phrase; "Ann Lee's approval rating": a
    // possessor inside is another subject.
    let after_article = m == a + 1 && one_of(v.word(a), ARTICLES);
    if m > a
        && ((one_of(w, ARTICLES) && !toks[m - 1].has(PREP | CONJ))
            || is_possessive(w) && !after_article && !toks[m - 1].has(PREP))
    {
        return Step::Refuse;
    }
    // "a professor at Acme and the editor of a blog …": a long description
    // ends at its first joint.
    if t.has(CONJ) && !t.cap() && *words >= 2 && joint.is_none() {
        *joint = Some(m);
    }
    *words += 1;
    if *words > DESCRIPTION_WORDS {
        return match *joint {
            Some(j) => Step::End(j),
            None => Step::Refuse,
        };
    }
    Step::Next
}

/// A dot glued to a title, an abbreviation or an initial ("Rep.", "U.S.",
/// "J."): it ends no clause.
fn abbreviation_dot(v: &View, m: usize) -> bool {
    let t = &v.tokens[m];
    let p = &v.tokens[m - 1];
    !t.space_before()
        && p.is_word()
        && (p.has(TITLE | ABBREV) || {
            let w = v.word(m - 1);
            w.contains('.') || w.chars().count() == 1
        })
}

/// The end of a short `who` clause at `who_at` that names a body with
/// capitalised words ("who runs Acme Partners", "who works at the Lund
/// Institute"), closed by a comma or the sentence end.
fn affiliation_clause(v: &View, who_at: usize) -> Option<usize> {
    let toks = v.tokens;
    let mut named = false;
    let mut m = who_at + 1;
    while m < who_at + 24 {
        let t = toks.get(m)?;
        if !v.outside(m) {
            return None;
        }
        match t.kind() {
            Kind::Word => {
                if t.has(CUE | PRONOUN | WH | NEG) || v.word(m).eq_ignore_ascii_case("that") {
                    return None;
                }
                named |= t.cap() && m > who_at + 1;
            }
            Kind::Punct(',') => return named.then_some(m),
            Kind::Punct('.') if !abbreviation_dot(v, m) => {
                let end = toks
                    .get(m + 1)
                    .is_none_or(|n| n.space_before() || n.kind() == Kind::Break);
                return (named && end).then_some(m);
            }
            Kind::Punct('.' | '-' | '\'' | '’') => {}
            // "veterans' families": a possessive apostrophe.
            Kind::Mark(_)
                if !t.space_before()
                    && toks[m - 1].is_word()
                    && v.word(m - 1).ends_with('s')
                    && toks.get(m + 1).is_some_and(|n| n.space_before()) => {}
            _ => return None,
        }
        m += 1;
    }
    None
}
