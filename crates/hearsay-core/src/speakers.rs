//! Naming who speaks: noun phrases next to a cue, and a memory of people.
//!
//! Rule: the speaker is the noun phrase before the cue (`Kremlin spokesman
//! Dmitry Peskov said`), or after it when the cue follows a quote
//! (`,” said Kremlin spokesman Dmitry Peskov`), or after `according to`.
//! Titles and roles are peeled off the name ("Dmitry Peskov") and
//! remembered, so that a later `the Kremlin spokesman` or `Peskov` resolves
//! to the fullest name the article gave. Pronouns resolve to the nearest
//! earlier person mention of a compatible gender. After `told`, the noun
//! phrase is the listener, never the speaker. The speaker span is where the
//! attribution names the speaker in this place: the name, role phrase or
//! pronoun next to the cue (so a resolved pronoun keeps the pronoun's span).
//!
//! Lowercase particles between the parts of a name stay in it ("Joost van
//! Leer", "Ursula von der Leyen", "Mohammed bin Salman"). The field of an
//! office after `of` is not part of the name (`Secretary of State John
//! Kerry` is "John Kerry"), and a name after a possessor's role is the one
//! meant (`Ann Lee's campaign manager Tom Roe` is "Tom Roe"). The subject of
//! a clause may carry a party tag or a description before its verb (`Ann
//! Lee (D-Ore.) scolded him:`, `Ann Lee, a former chair, poked at …`).
//!
//! A speaker is as fully named as the article allows: the identification
//! written right after the name at a mention belongs to the speaker, shown
//! as `Name (identification)`. It is a place of origin (`of Ohio`), a
//! bracketed or comma-enclosed party tag (`(D-Md.)`, `, R-Ky.,`) and/or an
//! appositive description between commas or dashes (`, a professor at
//! Acme,`, ` — spokeswoman for Acme —`), its leading article dropped. A
//! description is bounded: at most fourteen words (a longer one ends at its
//! first `and`), ending at the closing comma or dash, the sentence end, a
//! quote or a clause word ("who", "that"); a cue verb, a pronoun, a time
//! word or a verb-like clause rules it out. The first identification met is remembered on the person, so a
//! later `Oppenheimer said`, `he said` or `the professor said` (role words
//! of the description are remembered too) names them the same way. Roles
//! written before the name are still peeled off (`Kremlin spokesman Dmitry
//! Peskov` is "Dmitry Peskov").
//!
//! A description may go on into a `who` clause that names where the person
//! works with capitalised words (`, a fellow who runs Acme Partners,`), and
//! such a clause alone after the name identifies them too.
//!
//! Names: an initial keeps its dot ("John D. Kerr", "Nina A. Ortiz"); the
//! same surname with another first name is another person ("Tom Berg",
//! "Ann Berg"; a lone `Berg` is the first met); a role word that is also a
//! surname ends a name after a given name ("Maya Bishop", then `Bishop
//! said`).
//!
//! Subjects: a pronoun right after a cue and before a verb (`, said he
//! hopes`) opens the reported clause and is not the speaker; a named
//! subject before `, compared X to` wins over the object after the cue;
//! `Ann Lee, the former mayor, praised … and said she …` is Ann Lee.
//!
//! Bodies and documents: a body named with `of`, `for` or `to` keeps its
//! whole name and bracketed acronym (`the Guild of Harbour Pilots`,
//! `according to the Alliance for Fair Transit (AFT)`); `it` before a cue
//! is the body that is the subject of the clause; a document just issued
//! by a subject (`X released a statement calling`) speaks for it, as does
//! the body owning it (`the Acme campaign's website states`); a document as
//! the subject speaks itself (`The clip says`). A role phrase keeps its
//! lowercase adjectives (`the current Green presidential nominee`) and,
//! unresolved, is shown as written with its article (`the commission`).
//!
//! Example: after `French President Ana Ruiz arrived.`, the phrase `the
//! French leader said` resolves to "Ana Ruiz", and so does `she said`; after
//! `Lee Park, a professor at Tallinn University, spoke.`, `Park said` is
//! "Lee Park (professor at Tallinn University)".

use crate::lexicon::{
    self, ABBREV, AUX, CONJ, CUE, DET, FEMALE, FUNC, FastMap, GROUP, LEADER, MALE, NATION, NEG,
    ORG, PARTICLE, PLURAL, PREP, PRONOUN, ROLE, TIME, TITLE, WH,
};
use crate::normalise::{Kind, Token, key, key_of};
use crate::quotes::NONE;

/// A speaker found in the text.
#[derive(Debug, Clone)]
pub(crate) struct Speaker {
    /// Display name.
    pub name: String,
    /// First byte of the words naming the speaker here.
    pub start: usize,
    /// One past their last byte.
    pub end: usize,
    /// Whether this is a person (not a group or body).
    #[allow(dead_code)]
    pub person: bool,
    /// A resolved pronoun rather than a written name.
    #[allow(dead_code)]
    pub pronoun: bool,
    /// The person meant, when known: the display name is read at the end,
    /// once the article has said all it says about them.
    pub id: Option<usize>,
}

impl Speaker {
    /// A speaker that is no known person (a body, a group, a document or an
    /// unresolved role phrase) written at bytes `start..end`.
    fn body(name: String, start: usize, end: usize) -> Speaker {
        Speaker {
            name,
            start,
            end,
            person: false,
            pronoun: false,
            id: None,
        }
    }
}

#[derive(Debug)]
struct Person {
    full: String,
    roles: Vec<String>,
    nation: Option<String>,
    gender: u8,
    confirmed: bool,
    /// The identification written after the name at a mention: a party tag
    /// ("D-Md.") or an appositive description ("professor at Acme").
    ident: Option<String>,
}

/// What the article has said about people so far.
#[derive(Default)]
pub(crate) struct People {
    persons: Vec<Person>,
    by_surname: FastMap<String, usize>,
    /// Full names of several words, for people sharing a surname.
    by_full: FastMap<String, usize>,
    /// `(byte, person)` in text order.
    mentions: Vec<(usize, usize)>,
}

/// Read-only view of the text for phrase walking.
pub(crate) struct View<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub inside: &'a [u32],
}

impl View<'_> {
    fn word(&self, i: usize) -> &str {
        let t = &self.tokens[i];
        &self.text[t.start()..t.end()]
    }

    /// A token that can be part of a name or role phrase.
    fn np_ok(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        if self.inside[i] != NONE {
            return false;
        }
        match t.kind {
            Kind::Word => {
                if t.has(ROLE | GROUP | NATION | TITLE) {
                    return true;
                }
                // "Julie A. Diaz": a capital initial with its dot, even one
                // that spells a word, between capitalised words.
                if t.cap
                    && i > 0
                    && self.tokens[i - 1].is_word()
                    && self.tokens[i - 1].cap
                    && self.word(i).len() == 1
                    && self
                        .tokens
                        .get(i + 1)
                        .is_some_and(|n| n.is_punct('.') && !n.space_before)
                    && self
                        .tokens
                        .get(i + 2)
                        .is_some_and(|n| n.is_word() && n.cap && n.space_before)
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
                if !t.cap
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
                t.cap
            }
            // "Maj. Gen.", "G.K.": a dot glued to a title or initial.
            Kind::Punct('.') => {
                i > 0 && !t.space_before && {
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
}

impl View<'_> {
    /// A lowercase particle between the parts of a name: "Joost van Leer",
    /// "Ursula von der Leyen".
    fn inner_particle(&self, i: usize) -> bool {
        let cap_word = |j: usize| {
            let t = &self.tokens[j];
            t.is_word() && t.cap && self.inside[j] == NONE && !t.has(FUNC | PRONOUN | ROLE)
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

/// Whether two names of several words differ in their first name ("Ann
/// Lee", "Tom Lee"), neither holding the other ("Ann Lee", "Ann B. Lee",
/// "Ann Lee Smith" are one person; an initial fits its name).
fn other_first_name(a: &str, b: &str) -> bool {
    let (Some(fa), Some(fb)) = (a.split(' ').next(), b.split(' ').next()) else {
        return false;
    };
    if !a.contains(' ') || !b.contains(' ') || a.ends_with(b) || b.ends_with(a) {
        return false;
    }
    let initial = |w: &str| w.trim_end_matches('.').chars().count() == 1;
    let first = |w: &str| w.chars().next().map(|c| c.to_lowercase().next());
    if initial(fa) || initial(fb) {
        return first(fa) != first(fb);
    }
    !fa.eq_ignore_ascii_case(fb)
}

/// Role words that are also common surnames.
const SURNAME_ROLES: &[&str] = &[
    "king",
    "bishop",
    "judge",
    "major",
    "marshal",
    "pope",
    "prince",
    "cardinal",
    "chancellor",
    "sheriff",
    "speaker",
    "pastor",
    "dean",
    "chief",
];

/// Documents that speak for whoever issued them.
const DOCUMENTS: &[&str] = &[
    "statement",
    "report",
    "letter",
    "memo",
    "filing",
    "release",
    "note",
    "video",
    "post",
    "tweet",
    "clip",
    "ad",
    "advert",
    "document",
    "editorial",
    "article",
    "book",
    "website",
];

/// A lowercase word that joins the parts of a name ("van", "bin").
fn is_particle(t: &Token) -> bool {
    t.is_word() && !t.cap && t.has(PARTICLE)
}

/// "of Ohio", "of New York" right after a name whose last word is `last`:
/// `of` and up to three capitalised words. Returns the tokens `[a, b)`.
fn place_after(v: &View, last: usize) -> Option<(usize, usize)> {
    let toks = v.tokens;
    let of = toks.get(last + 1)?;
    if !(of.is_word() && !of.cap && v.word(last + 1) == "of") {
        return None;
    }
    let place = |j: usize| {
        toks.get(j).is_some_and(|t| {
            t.is_word()
                && t.cap
                && v.inside[j] == NONE
                && !t.has(ROLE | TITLE | PRONOUN | TIME | DET | GROUP)
                && !is_possessive(v.word(j))
        })
    };
    let mut b = last + 2;
    while b < last + 5 && place(b) {
        b += 1;
    }
    // "of New York City Council": a longer run names a body, not a place.
    (b > last + 2 && !place(b) && !toks.get(b).is_some_and(|t| t.is_word() && t.cap))
        .then_some((last + 1, b))
}

/// A bracketed party tag right after `last`: `(D-Md.)`, `(R)`.
fn party_tag(v: &View, last: usize) -> Option<(usize, usize)> {
    let toks = v.tokens;
    if !toks.get(last + 1)?.is_punct('(') {
        return None;
    }
    {
        let close = (last + 2..toks.len().min(last + 8)).find(|&m| toks[m].is_punct(')'))?;
        let (a, b) = (last + 2, close);
        if a >= b || (a..b).any(|m| v.inside[m] != NONE || toks[m].kind == Kind::Break) {
            return None;
        }
        let inner = &v.text[toks[a].start()..toks[b - 1].end()];
        let party = !inner.contains(' ')
            && (is_party(inner) || inner.len() <= 4 && inner.ends_with('.'))
            || inner.len() <= 2 && inner.chars().all(|c| c.is_ascii_uppercase());
        party.then_some((a, b))
    }
}

/// An appositive description between commas or dashes right after the
/// word `last` (`, a professor at Acme,`). Returns its tokens `[a, b)`. A
/// description is at most fourteen words, opens with an article, a
/// possessive determiner or `of Place`, holds a role word or is a party
/// tag, and stops at the closing comma or dash, at the sentence end, at a
/// quote or at a clause word ("who", "that"); a cue verb, a pronoun, a time
/// word, an article after a verb ("the mayor announced a plan") or a second
/// possessor rule it out.
fn description(v: &View, last: usize) -> Option<(usize, usize)> {
    let toks = v.tokens;
    let open = toks.get(last + 1)?;
    let dash = open.is_dash() && !open.is_punct('-');
    if !open.is_punct(',') && !dash {
        return None;
    }
    let a = last + 2;
    let mut words = 0;
    let mut joint = None;
    let mut m = a;
    let b = loop {
        let t = toks.get(m)?;
        if m >= a + 24 || v.inside[m] != NONE {
            return None;
        }
        match t.kind {
            Kind::Word => {
                let w = v.word(m);
                let that = w.eq_ignore_ascii_case("that");
                // "a professor at Acme who …": the clause ends it, unless
                // it names where the person works ("a fellow who runs
                // Acme Partners").
                // "Ann Lee, who runs Acme Partners,": a clause alone.
                if words == 0
                    && w.eq_ignore_ascii_case("who")
                    && let Some(e) = affiliation_clause(v, m)
                {
                    words += 1;
                    break e;
                }
                if (t.has(WH) || that) && !t.cap && words > 0 {
                    if w.eq_ignore_ascii_case("who")
                        && let Some(e) = affiliation_clause(v, m)
                    {
                        break e;
                    }
                    break m;
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
                    return None;
                }
                // "the mayor announced a plan": an article inside must open
                // a prepositional or coordinated phrase; "Ann Lee's
                // approval rating": a possessor inside is another subject.
                let after_article = m == a + 1 && one_of(v.word(a), ARTICLES);
                if m > a
                    && ((one_of(w, ARTICLES) && !toks[m - 1].has(PREP | CONJ))
                        || is_possessive(v.word(m)) && !after_article && !toks[m - 1].has(PREP))
                {
                    return None;
                }
                // "a professor at Acme and the editor of a blog …": a long
                // description ends at its first joint.
                if t.has(CONJ) && !t.cap && words >= 2 && joint.is_none() {
                    joint = Some(m);
                }
                words += 1;
                if words > 14 {
                    match joint {
                        Some(j) => break j,
                        None => return None,
                    }
                }
            }
            Kind::Punct(',') if !dash => break m,
            Kind::Punct(c) if dash && t.is_dash() && c != '-' => break m,
            Kind::Punct('.') => {
                let p = &toks[m - 1];
                // "R-Ky.,": a dot glued to a word and to the closing comma.
                let glued = toks
                    .get(m + 1)
                    .is_some_and(|n| !n.space_before && (n.is_punct(',') || n.is_punct(')')));
                let abbrev = !t.space_before
                    && p.is_word()
                    && (glued || p.has(TITLE | ABBREV) || {
                        let w = v.word(m - 1);
                        w.contains('.') || w.chars().count() == 1
                    });
                if abbrev {
                } else if toks
                    .get(m + 1)
                    .is_none_or(|n| n.space_before || n.kind == Kind::Break)
                {
                    break m;
                } else {
                    return None;
                }
            }
            Kind::Punct(';' | ':' | '!' | '?' | '(' | ')') | Kind::Mark(_) | Kind::Break => {
                break m;
            }
            _ => {}
        }
        m += 1;
    };
    // "… at the Center for Media and": no dangling joint.
    let mut b = b;
    while b > a && {
        let t = &toks[b - 1];
        !t.is_word() || !t.cap && t.has(CONJ | PREP | DET)
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
        && !first.cap
        && v.word(a) == "of"
        && toks.get(a + 1).is_some_and(|t| t.is_word() && t.cap);
    // ", R-Ky.,": a party tag between commas.
    let tag = b == a + 1 + usize::from(toks[b - 1].is_punct('.')) && is_party(v.word(a));
    let who = first.is_word() && v.word(a).eq_ignore_ascii_case("who");
    (article || role || of_place || tag || who).then_some((a, b))
}

const ARTICLES: &[&str] = &["a", "an", "the"];

/// The end of a short `who` clause at `who_at` that names a body with
/// capitalised words ("who runs Acme Partners", "who works at the Lund
/// Institute"), closed by a comma or the sentence end.
fn affiliation_clause(v: &View, who_at: usize) -> Option<usize> {
    let toks = v.tokens;
    let mut named = false;
    let mut m = who_at + 1;
    while m < who_at + 24 {
        let t = toks.get(m)?;
        if v.inside[m] != NONE {
            return None;
        }
        match t.kind {
            Kind::Word => {
                if t.has(CUE | PRONOUN | WH | NEG) || v.word(m).eq_ignore_ascii_case("that") {
                    return None;
                }
                named |= t.cap && m > who_at + 1;
            }
            Kind::Punct(',') => return named.then_some(m),
            Kind::Punct('.') => {
                let p = &toks[m - 1];
                let abbrev = !t.space_before
                    && p.is_word()
                    && (p.has(TITLE | ABBREV) || {
                        let w = v.word(m - 1);
                        w.contains('.') || w.chars().count() == 1
                    });
                if !abbrev {
                    let end = toks
                        .get(m + 1)
                        .is_none_or(|n| n.space_before || n.kind == Kind::Break);
                    return (named && end).then_some(m);
                }
            }
            Kind::Punct('-' | '\'' | '’') => {}
            // "veterans' families": a possessive apostrophe.
            Kind::Mark(_)
                if !t.space_before
                    && toks[m - 1].is_word()
                    && v.word(m - 1).ends_with('s')
                    && toks.get(m + 1).is_some_and(|n| n.space_before) => {}
            _ => return None,
        }
        m += 1;
    }
    None
}

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
fn past_office_field(v: &View, floor: usize, k: usize, b: usize) -> usize {
    let mut a = k;
    if k > floor + 1 && v.word(k - 1) == "of" && v.tokens[k - 2].cap && v.tokens[k - 2].has(ROLE) {
        while a + 2 < b
            && v.tokens[a].cap
            && (v.tokens[a].has(ROLE) || one_of(v.word(a), OFFICE_FIELDS))
        {
            a += 1;
        }
    }
    a
}

/// `w` is one of `set`, ignoring ASCII case.
fn one_of(w: &str, set: &[&str]) -> bool {
    set.iter().any(|s| w.eq_ignore_ascii_case(s))
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

/// A comma or a dash that sets off an appositive clause.
fn is_sep(t: &Token) -> bool {
    t.is_punct(',') || t.is_dash() && !t.is_punct('-')
}

/// Adds the key of role word `w` to `roles` unless it is there already.
fn add_role(roles: &mut Vec<String>, w: &str) {
    // Keys are lowercase: an ASCII-case-blind match is the same key.
    if roles.iter().any(|r| r.eq_ignore_ascii_case(w)) {
        return;
    }
    let r = key_of(w);
    if !roles.contains(&r) {
        roles.push(r);
    }
}

fn strip_possessive(w: &str) -> &str {
    for suf in ["’s", "'s", "’", "'"] {
        if let Some(s) = w.strip_suffix(suf) {
            return s;
        }
    }
    w
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s")
}

impl People {
    /// Records the names in `[from, to)` (outside quotes) as mentions.
    pub(crate) fn scan(&mut self, v: &View, from: usize, to: usize) {
        let mut i = from;
        while i < to {
            if !v.np_ok(i) || !v.tokens[i].is_word() {
                i += 1;
                continue;
            }
            let a = i;
            while i < to && v.np_ok(i) {
                i += 1;
            }
            // A lone capitalised word that names nobody known yet ("Rome",
            // "Critics") is not worth a look-up.
            if i == a + 1 && !v.tokens[a].has(ROLE | TITLE | GROUP) {
                let w = strip_possessive(v.word(a));
                if !self.by_surname.contains_key(&*key(w)) {
                    continue;
                }
            }
            // A run of role words only ("Finance Minister") names nobody.
            let has_name = (a..i).any(|m| {
                let t = &v.tokens[m];
                t.is_word() && t.cap && !t.has(ROLE | TITLE | NATION | TIME | FUNC)
            });
            if !has_name {
                continue;
            }
            let a = past_office_field(v, from, a, i);
            self.interpret(v, a, i, false, false);
        }
    }

    /// Walks left from `end` (exclusive) to the subject of a cue.
    pub(crate) fn left(&mut self, v: &View, floor: usize, end: usize) -> Option<Speaker> {
        let mut k = end;
        // "has also said", "firmly rejected": skip auxiliaries and adverbs.
        while k > floor {
            let t = &v.tokens[k - 1];
            if t.is_word() && !t.cap && (t.has(AUX) || v.word(k - 1).ends_with("ly")) {
                k -= 1;
            } else {
                break;
            }
        }
        if k > floor && v.tokens[k - 1].has(PRONOUN) && v.inside[k - 1] == NONE {
            // "The council … vowed to act on what it called …": `it` is
            // the body that is the subject of the clause.
            if v.word(k - 1).eq_ignore_ascii_case("it") {
                return self
                    .clause_subject(v, floor, k - 1)
                    .filter(|s| !s.person && !s.pronoun);
            }
            return self.pronoun(v, k - 1);
        }
        let mut hops = 0;
        let mut appositives = 0;
        // A phrase before a preposition, kept in case nothing precedes it
        // ("footage of Ann Lee asking").
        let mut remembered: Option<Speaker> = None;
        // The end of a capitalised phrase right after an `of` just stepped
        // over ("the Association of Bus Drivers said").
        let mut of_tail: Option<usize> = None;
        loop {
            // "Rep. Ann Lee (D-Ore.) said": step over the bracket.
            if k > floor && v.tokens[k - 1].is_punct(')') {
                let mut m = k - 1;
                while m > floor && m + 8 > k && !v.tokens[m].is_punct('(') {
                    m -= 1;
                }
                if v.tokens[m].is_punct('(') {
                    k = m;
                }
            }
            let b = k;
            // Names and roles are short: at most a dozen tokens.
            while k > floor && k + 12 > b && v.np_ok(k - 1) {
                k -= 1;
            }
            // "the current Democratic presidential nominee said": a role
            // phrase may hold lowercase adjectives; it stops at a possessor.
            if k < b
                && v.tokens[b - 1].is_word()
                && v.tokens[b - 1].has(ROLE)
                && !v.tokens[b - 1].has(PLURAL)
                && !v.word(b - 1).ends_with('s')
            {
                let adjective = |i: usize| {
                    let t = &v.tokens[i];
                    let w = v.word(i);
                    t.is_word()
                        && !t.cap
                        && v.inside[i] == NONE
                        && !t.has(FUNC | PREP | DET | AUX | CUE | PRONOUN | CONJ | NEG | TIME | WH)
                        && !w.ends_with("ing")
                        && !w.ends_with("ly")
                        && w.chars().all(char::is_alphabetic)
                };
                let mut m = k;
                while m > floor && m + 2 > k && adjective(m - 1) {
                    m -= 1;
                }
                if m < k {
                    while m > floor && m + 12 > b && v.np_ok(m - 1) && !is_possessive(v.word(m - 1))
                    {
                        m -= 1;
                    }
                    k = m;
                }
            }
            // The phrase starts on a word.
            while k < b && !v.tokens[k].is_word() {
                k += 1;
            }
            // "The clip says …": a document as the subject speaks.
            if k == b
                && hops == 0
                && appositives == 0
                && b > floor
                && v.tokens[b - 1].is_word()
                && !v.tokens[b - 1].cap
                && v.inside[b - 1] == NONE
                && one_of(v.word(b - 1), DOCUMENTS)
                && b >= floor + 2
                && one_of(v.word(b - 2), &["the", "this", "that"])
            {
                let (start, end) = (v.tokens[b - 2].start(), v.tokens[b - 1].end());
                return Some(Speaker::body(v.text[start..end].to_lowercase(), start, end));
            }
            if k == b && remembered.is_some() {
                return remembered;
            }
            if k == b {
                // "Ann Lee, who chairs the panel, said": skip the clause.
                // The comma closing the clause: before the cue, or (after a
                // first skip) the one the walk stopped at.
                let comma = if b > floor && is_sep(&v.tokens[b - 1]) {
                    Some(b - 1)
                } else if appositives > 0 && is_sep(&v.tokens[b]) {
                    Some(b)
                } else {
                    None
                };
                // "Ann Lee, head of the Union of Teachers, which …, said":
                // a name opening the clause, then a comma, is the subject.
                if appositives == 0 && comma.is_some() {
                    let mut e = floor;
                    while e < b && e < floor + 12 && v.np_ok(e) {
                        e += 1;
                    }
                    let named = (floor..e).any(|x| {
                        let t = &v.tokens[x];
                        t.is_word() && t.cap && !t.has(ROLE | TITLE | NATION | FUNC | ORG | TIME)
                    });
                    if named && e < b && is_sep(&v.tokens[e]) && e + 1 < b {
                        return self.phrase(v, floor, e, false);
                    }
                }
                if let Some(comma) = comma.filter(|_| appositives < 3) {
                    appositives += 1;
                    let b = comma + 1;
                    let mut m = comma;
                    while m > floor && m + 30 > b {
                        m -= 1;
                        let t = &v.tokens[m];
                        if is_sep(t) {
                            break;
                        }
                        // "Ann Lee, R-Ore., said": a dot glued to an
                        // abbreviation stays inside the clause.
                        let abbrev_dot = t.is_punct('.')
                            && !t.space_before
                            && v.tokens
                                .get(m + 1)
                                .is_some_and(|n| n.is_punct(',') || n.is_punct(')'));
                        if !abbrev_dot
                            && matches!(t.kind, Kind::Mark(_) | Kind::Punct('.') | Kind::Punct(';'))
                        {
                            return None;
                        }
                    }
                    // Any short clause: "who chairs the panel", "34",
                    // "R-Ore.", "at a later briefing".
                    if is_sep(&v.tokens[m]) && m + 1 < b {
                        // "The finance director, Ann Lee, said": the name
                        // in the apposition is the speaker.
                        let inner = (m + 1..b - 1).all(|x| v.np_ok(x));
                        let named = (m + 1..b - 1).any(|x| {
                            let t = &v.tokens[x];
                            t.is_word() && t.cap && !t.has(ROLE | TITLE | NATION | FUNC | ORG)
                        });
                        if inner && named && m + 1 < b - 1 {
                            return self.phrase(v, m + 1, b - 1, false);
                        }
                        k = m;
                        continue;
                    }
                }
                return None;
            }
            let only_time = v.tokens[k..b].iter().all(|t| !t.is_word() || t.has(TIME));
            // "Ann Lee on Tuesday in Rome said": skip prepositional phrases.
            if hops < 3 && k > floor {
                let p = &v.tokens[k - 1];
                if p.is_word() && !p.cap && p.has(PREP) {
                    hops += 1;
                    of_tail = (v.word(k - 1) == "of"
                        && (k..b).all(|x| {
                            let t = &v.tokens[x];
                            !t.is_word() || t.cap && !t.has(ROLE | TITLE | PRONOUN | TIME)
                        }))
                    .then_some(b);
                    if !only_time && remembered.is_none() {
                        let definite = k > floor && v.word(k - 1).eq_ignore_ascii_case("the");
                        // "Secretary of State John Kerry": the office's
                        // field opens the phrase after `of`; the name
                        // follows it.
                        let a = past_office_field(v, floor, k, b);
                        remembered = self.interpret(v, a, b, definite, false);
                    }
                    k -= 1;
                    while k > floor && v.tokens[k - 1].has(DET) && !v.tokens[k - 1].cap {
                        k -= 1;
                    }
                    continue;
                }
            }
            if only_time {
                return None;
            }
            // "Secretary of State John Kerry said": a role whose name
            // follows its field.
            if remembered.as_ref().is_some_and(|r| r.person)
                && (k..b).all(|x| !v.tokens[x].is_word() || v.tokens[x].has(ROLE | TITLE))
            {
                return remembered;
            }
            let definite = k > floor && v.word(k - 1).eq_ignore_ascii_case("the");
            // "the Association of Bus Drivers said": a body named with
            // `of` speaks as a whole.
            if let Some(tail) = of_tail
                && definite
                && (k..b).all(|x| {
                    let t = &v.tokens[x];
                    t.is_word() && t.cap && !t.has(ROLE | TITLE | PRONOUN | NATION | TIME)
                })
            {
                let (start, end) = (v.tokens[k].start(), v.tokens[tail - 1].end());
                return Some(Speaker::body(v.text[start..end].to_string(), start, end));
            }
            // "The council issued a statement calling …": a document
            // just issued by the clause's subject speaks for it.
            if b == k + 1
                && k >= floor + 2
                && one_of(v.word(k), DOCUMENTS)
                && one_of(v.word(k - 1), &["a", "an"])
                && v.tokens[k - 2].is_word()
                && !v.tokens[k - 2].cap
                && !v.tokens[k - 2].has(PREP | FUNC | CUE)
                && let Some(s) = self.clause_subject(v, floor, k - 1)
            {
                return Some(s);
            }
            return self.phrase(v, k, b, definite);
        }
    }

    /// Reads the phrase right after an inverted cue (`said the minister`)
    /// or `according to`.
    pub(crate) fn right(&mut self, v: &View, start: usize, ceil: usize) -> Option<Speaker> {
        let mut k = start;
        let mut definite = false;
        while k < ceil && v.tokens[k].has(DET) && !v.tokens[k].has(ROLE | GROUP) {
            definite |= v.word(k).eq_ignore_ascii_case("the");
            k += 1;
        }
        if k < ceil && v.tokens[k].has(PRONOUN) && k == start {
            return self.pronoun(v, k);
        }
        // "said 9/11 widow Ann Lee": a few descriptive words before a name.
        if k < ceil && !v.np_ok(k) {
            let mut m = k;
            while m < ceil && m < k + 5 {
                let t = &v.tokens[m];
                let skippable = (t.is_word() && !t.cap && !t.has(PREP | FUNC | PRONOUN | TIME))
                    || t.is_punct('/')
                    || (t.is_word() && v.word(m).starts_with(|c: char| c.is_ascii_digit()));
                if !skippable {
                    break;
                }
                m += 1;
            }
            if m > k && m < ceil && v.np_ok(m) && v.tokens[m].cap {
                k = m;
            }
        }
        let a = k;
        while k < ceil && k < a + 12 && v.np_ok(k) {
            k += 1;
        }
        while k > a && !v.tokens[k - 1].is_word() {
            k -= 1;
        }
        if k == a {
            return None;
        }
        if v.tokens[a..k].iter().all(|t| !t.is_word() || t.has(TIME)) {
            return None;
        }
        // "according to the Alliance for Safe Roads (ASR)": a body's name
        // runs on through `of`, `for` or `to` and capitalised words, and
        // keeps the acronym in brackets after it.
        if v.tokens[k - 1].has(ORG) && v.tokens[k - 1].cap {
            let mut e = k;
            while e + 1 < ceil
                && one_of(v.word(e), &["of", "for", "to"])
                && v.tokens[e + 1].cap
                && v.np_ok(e + 1)
            {
                e += 1;
                while e < ceil
                    && e < k + 12
                    && v.tokens[e].is_word()
                    && v.tokens[e].cap
                    && v.inside[e] == NONE
                {
                    e += 1;
                }
            }
            if e > k {
                let mut end = v.tokens[e - 1].end();
                if e + 2 < ceil
                    && v.tokens[e].is_punct('(')
                    && v.tokens[e + 2].is_punct(')')
                    && v.tokens[e + 1].is_word()
                    && !v.word(e + 1).chars().any(char::is_lowercase)
                {
                    end = v.tokens[e + 2].end();
                }
                let start = v.tokens[a].start();
                return Some(Speaker::body(v.text[start..end].to_string(), start, end));
            }
        }
        self.phrase(v, a, k, definite)
    }

    /// The subject of the main clause in `[floor, end)`: the first name or
    /// pronoun followed by a lowercase word ("During the debate, Ann Lee
    /// attacked …, saying").
    pub(crate) fn clause_subject(&mut self, v: &View, floor: usize, end: usize) -> Option<Speaker> {
        // Bounded look-back: one clause, not a whole run-on text.
        let floor = floor.max(end.saturating_sub(80));
        let mut i = floor;
        while i < end {
            let t = &v.tokens[i];
            if matches!(t.kind, Kind::Mark(_)) {
                return None;
            }
            let followed_by_verb = |j: usize| {
                v.tokens.get(j).is_some_and(|n| {
                    j < end && n.is_word() && !n.cap && !n.has(PREP | DET | FUNC)
                        || j < end && n.has(AUX) && !n.cap
                })
            };
            if t.has(PRONOUN) && t.is_word() && v.inside[i] == NONE {
                if followed_by_verb(i + 1) {
                    return self.pronoun(v, i);
                }
                i += 1;
                continue;
            }
            if v.np_ok(i) && t.is_word() && (t.cap || t.has(GROUP)) {
                let mut j = i;
                while j < end && v.np_ok(j) {
                    j += 1;
                }
                // "Democratic presidential nominee Ann Lee": an adjective
                // or two inside a role phrase before the name.
                let mut k = j;
                while k < end && k < j + 2 && {
                    let n = &v.tokens[k];
                    n.is_word() && !n.cap && !n.has(PREP | DET | FUNC | AUX | CUE | PRONOUN | ROLE)
                } {
                    k += 1;
                }
                if k > j && k < end && v.np_ok(k) && v.tokens[k].has(ROLE) {
                    let mut e = k;
                    while e < end && v.np_ok(e) {
                        e += 1;
                    }
                    if (k..e).any(|x| v.tokens[x].cap && !v.tokens[x].has(ROLE | TITLE)) {
                        j = e;
                    }
                }
                // "Ann Lee (D-Ore.) scolded him": over a party tag.
                let mut after_tag = if j > i
                    && let Some((_, close)) = party_tag(v, j - 1)
                {
                    close + 1
                } else {
                    j
                };
                // "The council on Friday made …": over a time phrase.
                if after_tag + 1 < end
                    && v.tokens[after_tag].is_word()
                    && !v.tokens[after_tag].cap
                    && v.tokens[after_tag].has(PREP)
                    && v.tokens[after_tag + 1].has(TIME)
                {
                    after_tag += 1;
                    while after_tag < end && v.tokens[after_tag].has(TIME) {
                        after_tag += 1;
                    }
                }
                if followed_by_verb(after_tag) {
                    return self.phrase(
                        v,
                        i,
                        j,
                        i > floor && v.word(i - 1).eq_ignore_ascii_case("the"),
                    );
                }
                // "Ann Lee, a former party chair, poked at …": the subject
                // and its description.
                if j < end
                    && j > i
                    && is_sep(&v.tokens[j])
                    && let Some((_, db)) = description(v, j - 1)
                    && db < end
                    && is_sep(&v.tokens[db])
                    && followed_by_verb(db + 1)
                {
                    return self.phrase(
                        v,
                        i,
                        j,
                        i > floor && v.word(i - 1).eq_ignore_ascii_case("the"),
                    );
                }
                i = j.max(i + 1);
                continue;
            }
            i += 1;
        }
        None
    }

    /// A speaker label written inside a quote (`“HOST: …”`).
    pub(crate) fn label(&mut self, v: &View, a: usize, b: usize) -> Option<Speaker> {
        self.interpret(v, a, b, false, true)
    }

    fn phrase(&mut self, v: &View, a: usize, b: usize, definite: bool) -> Option<Speaker> {
        self.interpret(v, a, b, definite, true)
    }

    fn pronoun(&mut self, v: &View, i: usize) -> Option<Speaker> {
        let t = &v.tokens[i];
        let (start, end) = (t.start(), t.end());
        if t.has(PLURAL)
            || v.word(i).eq_ignore_ascii_case("i")
            || v.word(i).eq_ignore_ascii_case("it")
        {
            return None;
        }
        let gender = if t.has(MALE) {
            1
        } else if t.has(FEMALE) {
            2
        } else {
            0
        };
        let upto = self.mentions.partition_point(|&(p, _)| p < start);
        let candidates = self.mentions[..upto].iter().rev().take(40);
        let mut fallback = None;
        for &(_, id) in candidates {
            let p = &self.persons[id];
            if gender != 0 && p.gender != 0 && p.gender != gender {
                continue;
            }
            if p.confirmed {
                fallback = Some(id);
                break;
            }
            fallback.get_or_insert(id);
        }
        let id = fallback?;
        if gender != 0 && self.persons[id].gender == 0 {
            self.persons[id].gender = gender;
        }
        Some(Speaker {
            name: self.persons[id].full.clone(),
            start,
            end,
            person: true,
            pronoun: true,
            id: Some(id),
        })
    }

    /// Makes sense of the phrase `[a, b)`: a name, a role, a group or a
    /// body. Registers people met. Returns `None` for anything else.
    fn interpret(
        &mut self,
        v: &View,
        a: usize,
        b: usize,
        definite: bool,
        register: bool,
    ) -> Option<Speaker> {
        // The last dozen words at most, on the stack: phrases are short,
        // and an all-capitals headline must not cost more.
        let mut buf = [0usize; 12];
        let mut n_words = 0;
        for i in (a..b).rev().filter(|&i| v.tokens[i].is_word()) {
            if n_words == buf.len() {
                break;
            }
            buf[n_words] = i;
            n_words += 1;
        }
        buf[..n_words].reverse();
        let words = &buf[..n_words];
        let &last = words.last()?;
        let (start, end) = (v.tokens[words[0]].start(), v.tokens[last].end());
        let is_name = |i: usize| {
            let t = &v.tokens[i];
            t.cap
                && (!t.has(ROLE | TITLE | NATION | TIME | FUNC | PRONOUN)
                    || v.word(i).len() == 1
                        && v.tokens
                            .get(i + 1)
                            .is_some_and(|n| n.is_punct('.') && !n.space_before))
        };
        // "Poland's president", "Ann Lee's office": a possessor.
        if let Some(pos) = words[..words.len() - 1]
            .iter()
            .position(|&i| is_possessive(v.word(i)))
        {
            let owner = &words[..=pos];
            let head = &words[pos + 1..];
            let owner_word = key(strip_possessive(v.word(owner[owner.len() - 1])));
            if let Some(nation) = lexicon::nationality_of(&owner_word) {
                if let Some(sp) = self.by_role(v, head, Some(nation.to_string()), start, end) {
                    return Some(sp);
                }
                // "Britain's health secretary", not named yet: the role.
                if head.last().is_some_and(|&i| v.tokens[i].has(ROLE)) {
                    return Some(Speaker::body(v.text[start..end].to_string(), start, end));
                }
            }
            // "Ann Lee's campaign manager Tom Roe": the name after the
            // role is the one meant.
            let mut h = head.len();
            while h > 0 && is_name(head[h - 1]) {
                h -= 1;
            }
            if h > 0 && h < head.len() && v.tokens[head[h - 1]].has(ROLE) {
                return self.interpret(v, head[0], last + 1, false, register);
            }
            let first = owner[0];
            let last_owner = owner[owner.len() - 1];
            // "the Acme campaign's website": the body owning it.
            if !v.tokens[last_owner].cap
                && lexicon::lookup(&owner_word) & GROUP != 0
                && owner.len() > 1
            {
                let (s0, e0) = (v.tokens[first].start(), v.tokens[last_owner].end());
                return Some(Speaker::body(
                    strip_possessive(&v.text[s0..e0]).to_string(),
                    start,
                    end,
                ));
            }
            return self
                .interpret(v, first, last_owner + 1, false, register)
                .map(|mut s| {
                    s.name = strip_possessive(&s.name).to_string();
                    s
                });
        }
        let mut n = words.len();
        // "Charlie King", "Ann Bishop": a role word that is also a surname
        // ends a name when a given name stands right before it.
        let surname_role = n >= 2 && {
            let t = &v.tokens[last];
            let p = words[n - 2];
            t.cap
                && one_of(strip_possessive(v.word(last)), SURNAME_ROLES)
                && is_name(p)
                && !v.tokens[p].has(ORG | GROUP)
                && p + 1 == last
        };
        // "Joost van Leer": a particle inside a name belongs to it.
        while n > 0
            && (is_name(words[n - 1])
                || surname_role && n == words.len()
                || n < words.len() && n > 1 && is_particle(&v.tokens[words[n - 1]]))
        {
            n -= 1;
        }
        while n < words.len() && !v.tokens[words[n]].cap {
            n += 1;
        }
        let name = &words[n..];
        let before = &words[..n];
        let name_text = |ws: &[usize]| {
            let mut s = String::with_capacity(32);
            for (n, &i) in ws.iter().enumerate() {
                if n > 0 {
                    s.push(' ');
                }
                s.push_str(strip_possessive(v.word(i)));
                // "John D. Kerr", "G.K. Butterfield": an initial inside the
                // name keeps its dot.
                if n + 1 < ws.len()
                    && v.tokens
                        .get(i + 1)
                        .is_some_and(|t| t.is_punct('.') && !t.space_before)
                    && {
                        let w = v.word(i);
                        w.chars().count() == 1 || w.contains('.')
                    }
                {
                    s.push('.');
                }
            }
            s
        };
        if !name.is_empty() {
            let org = name.iter().any(|&i| v.tokens[i].has(ORG))
                || (name.len() == 1 && {
                    let w = v.word(name[0]);
                    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                        && !w.chars().any(char::is_lowercase)
                })
                || name.iter().any(|&i| {
                    let w = v.word(i);
                    w.chars().all(|c| c.is_ascii_digit())
                });
            if org {
                return Some(Speaker::body(name_text(words), start, end));
            }
            let last_key = key(strip_possessive(v.word(name[name.len() - 1])));
            if name.len() == 1 && lexicon::nationality_of(&last_key).is_some() {
                return Some(Speaker::body(name_text(name), start, end));
            }
            // Role words as token indices: their keys are built only when
            // the person does not have them yet.
            let roles = before
                .iter()
                .copied()
                .filter(|&i| !v.tokens[i].has(TITLE) || v.tokens[i].has(LEADER));
            let nation = before
                .iter()
                .find(|&&i| v.tokens[i].has(NATION))
                .map(|&i| key_of(v.word(i)));
            let gender = if before.iter().any(|&i| v.tokens[i].has(MALE)) {
                1
            } else if before.iter().any(|&i| v.tokens[i].has(FEMALE)) {
                2
            } else {
                0
            };
            let confirmed = !before.is_empty();
            let full = name_text(name);
            // "Michelle Obama" after "Barack Obama": the same surname with
            // another first name is another person, met by full name.
            let full_key = key(&full);
            let known = self.by_full.get(&*full_key).copied().or_else(|| {
                let &id = self.by_surname.get(&*last_key)?;
                (!other_first_name(&self.persons[id].full, &full)).then_some(id)
            });
            let id = match known {
                Some(id) => {
                    let p = &mut self.persons[id];
                    if full.len() > p.full.len() && full.ends_with(&p.full)
                        || name.len() > 1 && full.len() > p.full.len()
                    {
                        p.full = full;
                    }
                    id
                }
                None => {
                    // A lone capitalised word is remembered as a person only
                    // as a speaker; a mere mention ("Rome") is not.
                    if name.len() == 1 && !confirmed && !register {
                        return Some(Speaker {
                            name: full,
                            start,
                            end,
                            person: true,
                            pronoun: false,
                            id: None,
                        });
                    }
                    self.persons.push(Person {
                        full,
                        roles: Vec::new(),
                        nation: None,
                        gender: 0,
                        confirmed: false,
                        ident: None,
                    });
                    let id = self.persons.len() - 1;
                    if !self.by_surname.contains_key(&*last_key) {
                        self.by_surname.insert(last_key.to_string(), id);
                    }
                    if name.len() > 1 {
                        self.by_full.insert(full_key.to_string(), id);
                    }
                    id
                }
            };
            let p = &mut self.persons[id];
            for i in roles {
                add_role(&mut p.roles, v.word(i));
            }
            if nation.is_some() {
                p.nation = nation;
            }
            if gender != 0 {
                p.gender = gender;
            }
            p.confirmed |= confirmed || name.len() > 1;
            // The first identification written after the name stays.
            if p.ident.is_none() {
                // "Ann Lee of Ohio": a place of origin, then perhaps a
                // description.
                // A lone word before `of` ("District of …") is no person.
                let place = place_after(v, last).filter(|_| name.len() > 1);
                let at = place.map_or(last, |(_, b)| b - 1);
                // "Ann Lee (D-Ore.), head of the caucus": a tag, then a
                // description.
                let tag = party_tag(v, at);
                let at = tag.map_or(at, |(_, b)| b);
                let desc = description(v, at).map(|(mut da, db)| {
                    while da < db && one_of(v.word(da), ARTICLES) {
                        da += 1;
                    }
                    (da, db)
                });
                let desc = desc.filter(|&(da, db)| da < db);
                let parts = [place, tag, desc];
                let mut ident = String::new();
                for &(x, y) in parts.iter().flatten() {
                    if !ident.is_empty() {
                        ident.push_str(", ");
                    }
                    ident.push_str(&v.text[v.tokens[x].start()..v.tokens[y - 1].end()]);
                }
                if !ident.is_empty() {
                    p.ident = Some(ident);
                }
                if let Some((da, db)) = desc {
                    for m in da..db {
                        let t = &v.tokens[m];
                        if t.is_word() && t.has(ROLE) && !t.has(TITLE) {
                            add_role(&mut p.roles, v.word(m));
                        }
                        if t.is_word() && t.has(NATION) && p.nation.is_none() {
                            p.nation = Some(key_of(v.word(m)));
                        }
                    }
                }
            }
            return Some(self.mention(id, start, end));
        }
        // No name: a role or a group ("the French leader", "officials").
        let head = &v.tokens[last];
        if !head.has(ROLE | GROUP) {
            return None;
        }
        let nation = words
            .iter()
            .find(|&&i| v.tokens[i].has(NATION))
            .map(|&i| key_of(v.word(i)));
        // "Bishop said" after "Maya Bishop": the surname, not the role.
        if words.len() == 1
            && !definite
            && head.cap
            && let Some(&id) = self.by_surname.get(&*key(strip_possessive(v.word(last))))
        {
            return Some(self.mention(id, start, end));
        }
        let plural = v.word(last).ends_with('s');
        if definite
            && !plural
            && let Some(sp) = self.by_role(v, words, nation, start, end)
        {
            return Some(sp);
        }
        // "the commission said", unresolved: the phrase as written.
        let name = if definite {
            format!("the {}", name_text(words))
        } else {
            name_text(words)
        };
        Some(Speaker {
            name,
            start,
            end,
            person: false,
            pronoun: false,
            id: None,
        })
    }

    /// The latest person whose remembered roles fit `words` (`French
    /// president`, `leader`) and nationality.
    fn by_role(
        &mut self,
        v: &View,
        words: &[usize],
        nation: Option<String>,
        start: usize,
        end: usize,
    ) -> Option<Speaker> {
        let &head_i = words.last()?;
        let head = key(v.word(head_i));
        let head_leader = v.tokens[head_i].has(LEADER);
        if !v.tokens[head_i].has(ROLE) {
            return None;
        }
        let nation = nation.or_else(|| {
            words
                .iter()
                .find(|&&i| v.tokens[i].has(NATION))
                .map(|&i| key_of(v.word(i)))
        });
        let id = self
            .mentions
            .iter()
            .rev()
            .take(300)
            .map(|&(_, id)| id)
            .find(|&id| {
                let p = &self.persons[id];
                let role_ok = p.roles.iter().any(|r| {
                    r.as_str() == &*head || (head_leader && lexicon::lookup(r) & LEADER != 0)
                });
                let nation_ok = match (&nation, &p.nation) {
                    (Some(n), Some(pn)) => n == pn,
                    (Some(_), None) => false,
                    _ => true,
                };
                role_ok && nation_ok
            })?;
        Some(self.mention(id, start, end))
    }

    /// Records a mention of known person `id` written at bytes
    /// `start..end`, and returns them as the speaker there.
    fn mention(&mut self, id: usize, start: usize, end: usize) -> Speaker {
        self.mentions.push((start, id));
        Speaker {
            name: self.persons[id].full.clone(),
            start,
            end,
            person: true,
            pronoun: false,
            id: Some(id),
        }
    }

    /// The display name of a speaker: the person's fullest name with the
    /// identification the article gave them, `Name (identification)`.
    pub(crate) fn display(&self, sp: &Speaker) -> Option<String> {
        let p = &self.persons[sp.id?];
        Some(match &p.ident {
            Some(ident) => format!("{} ({ident})", p.full),
            None => p.full.clone(),
        })
    }

    /// Fullest known name for a surname-only speaker string.
    pub(crate) fn fullest(&self, name: &str) -> Option<String> {
        let last = name.split_whitespace().last()?;
        let id = *self.by_surname.get(&*key(last))?;
        let full = &self.persons[id].full;
        (full.len() > name.len() && full.ends_with(name)).then(|| full.clone())
    }
}
