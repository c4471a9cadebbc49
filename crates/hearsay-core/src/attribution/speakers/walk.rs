//! Token walks from a cue to the phrase that names its speaker.
//!
//! Rule: [`left`] walks back from a cue to its subject, stepping over
//! auxiliaries and adverbs (`has also said`), a bracketed party tag, up to
//! three prepositional phrases (`Ann Lee on Tuesday in Rome said`) and up
//! to three appositive clauses (`Ann Lee, who chairs the panel, said`).
//! [`right`] reads the phrase after an inverted cue or `according to`.
//! [`clause_subject`] finds the subject of a clause: the first name or
//! pronoun followed by a verb. A walk finds where the phrase is and asks a
//! [`Resolve`] what it means; it never decides who a name is.
//!
//! Subjects: a pronoun right after a cue and before a verb (`, said he
//! hopes`) opens the reported clause and is not the speaker; `it` before a
//! cue is the body that is the subject of the clause; a document just
//! issued by a subject (`X released a statement calling`) speaks for it; a
//! document as the subject speaks itself (`The clip says`); a body named
//! with `of` speaks as a whole (`the Association of Bus Drivers said`).
//!
//! Example: in `Ann Lee, head of the union, said`, [`left`] from `said`
//! steps over the appositive and finds `Ann Lee`.

use crate::attribution::speakers::identification::{description, party_tag};
use crate::attribution::speakers::{Article, Phrase, Reading, Resolve, Speaker};
use crate::attribution::view::{
    NOT_NAME, View, capitalised, is_possessive, is_sep, one_of, past_office_field,
};
use crate::text::lexicon::{
    AUX, CONJ, CUE, DET, FUNC, GROUP, NATION, NEG, ORG, PLURAL, PREP, PRONOUN, ROLE, TIME, TITLE,
    WH,
};
use crate::text::normalise::Kind;

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

/// The longest name or role phrase, in tokens.
const PHRASE_TOKENS: usize = 12;
/// The most prepositional phrases stepped over before a subject.
const MAX_HOPS: usize = 3;
/// The most appositive clauses stepped over before a subject.
const MAX_APPOSITIVES: usize = 3;

/// Walks left from `end` (exclusive, not before `floor`) to the subject of
/// a cue.
pub(crate) fn left(r: &mut impl Resolve, v: &View, floor: usize, end: usize) -> Option<Speaker> {
    let mut k = end;
    // "has also said", "firmly rejected": skip auxiliaries and adverbs.
    while k > floor {
        let t = &v.tokens[k - 1];
        if t.is_word() && !t.cap() && (t.has(AUX) || v.word(k - 1).ends_with("ly")) {
            k -= 1;
        } else {
            break;
        }
    }
    if k > floor && v.tokens[k - 1].has(PRONOUN) && v.outside(k - 1) {
        // "The council … vowed to act on what it called …": `it` is the
        // body that is the subject of the clause.
        if v.is(k - 1, "it") {
            return clause_subject(r, v, floor, k - 1).filter(|s| !s.is_person());
        }
        return r.pronoun(v, k - 1);
    }
    Left {
        r,
        v,
        floor,
        k,
        hops: 0,
        appositives: 0,
        remembered: None,
        of_tail: None,
    }
    .walk()
}

/// What to do after one step of the walk left.
enum Flow {
    /// Walk on from the new position.
    Next,
    /// The walk has its answer.
    Done(Option<Speaker>),
}

/// The state of a walk left.
struct Left<'w, 'v, 'a, R> {
    r: &'w mut R,
    v: &'v View<'a>,
    floor: usize,
    /// The walk stands before token `k`.
    k: usize,
    /// Prepositional phrases stepped over.
    hops: usize,
    /// Appositive clauses stepped over.
    appositives: usize,
    /// A phrase before a preposition, kept in case nothing precedes it
    /// ("footage of Ann Lee asking").
    remembered: Option<Speaker>,
    /// The end of a capitalised phrase right after an `of` just stepped
    /// over ("the Association of Bus Drivers said").
    of_tail: Option<usize>,
}

impl<R: Resolve> Left<'_, '_, '_, R> {
    fn walk(mut self) -> Option<Speaker> {
        loop {
            self.step_over_bracket();
            let b = self.k;
            self.take_phrase(b);
            let flow = if self.k == b {
                self.no_phrase(b)
            } else {
                self.phrase_found(b)
            };
            if let Flow::Done(speaker) = flow {
                return speaker;
            }
        }
    }

    /// "Rep. Ann Lee (D-Ore.) said": steps over the bracket.
    fn step_over_bracket(&mut self) {
        let (v, floor, k) = (self.v, self.floor, self.k);
        if k > floor && v.tokens[k - 1].is_punct(')') {
            let mut m = k - 1;
            while m > floor && m + 8 > k && !v.tokens[m].is_punct('(') {
                m -= 1;
            }
            if v.tokens[m].is_punct('(') {
                self.k = m;
            }
        }
    }

    /// Moves `k` back over the name or role phrase ending at `b`, if any.
    fn take_phrase(&mut self, b: usize) {
        let (v, floor) = (self.v, self.floor);
        let mut k = self.k;
        while k > floor && k + PHRASE_TOKENS > b && v.np_ok(k - 1) {
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
                    && !t.cap()
                    && v.outside(i)
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
                while m > floor
                    && m + PHRASE_TOKENS > b
                    && v.np_ok(m - 1)
                    && !is_possessive(v.word(m - 1))
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
        self.k = k;
    }

    /// No phrase ends at `b`: a document as the subject, the phrase kept
    /// before a preposition, or an appositive clause to step over.
    fn no_phrase(&mut self, b: usize) -> Flow {
        let (v, floor) = (self.v, self.floor);
        // "The clip says …": a document as the subject speaks.
        if self.hops == 0
            && self.appositives == 0
            && b > floor
            && v.tokens[b - 1].is_word()
            && !v.tokens[b - 1].cap()
            && v.outside(b - 1)
            && one_of(v.word(b - 1), DOCUMENTS)
            && b >= floor + 2
            && one_of(v.word(b - 2), &["the", "this", "that"])
        {
            let (start, end) = (v.tokens[b - 2].start(), v.tokens[b - 1].end());
            return Flow::Done(Some(Speaker::body(
                v.text[start..end].to_lowercase(),
                start,
                end,
            )));
        }
        if self.remembered.is_some() {
            return Flow::Done(self.remembered.take());
        }
        // "Ann Lee, who chairs the panel, said": skip the clause. The comma
        // closing the clause: before the cue, or (after a first skip) the
        // one the walk stopped at.
        let comma = if b > floor && is_sep(&v.tokens[b - 1]) {
            Some(b - 1)
        } else if self.appositives > 0 && is_sep(&v.tokens[b]) {
            Some(b)
        } else {
            None
        };
        // "Ann Lee, head of the Union of Teachers, which …, said": a name
        // opening the clause, then a comma, is the subject.
        if self.appositives == 0 && comma.is_some() {
            let mut e = floor;
            while e < b && e < floor + PHRASE_TOKENS && v.np_ok(e) {
                e += 1;
            }
            let named = (floor..e).any(|x| capitalised(&v.tokens[x], NOT_NAME | ORG));
            if named && e < b && is_sep(&v.tokens[e]) && e + 1 < b {
                return Flow::Done(self.r.phrase(v, Phrase::speaker(floor, e, Article::Bare)));
            }
        }
        match comma.filter(|_| self.appositives < MAX_APPOSITIVES) {
            Some(comma) => self.appositive(comma),
            None => Flow::Done(None),
        }
    }

    /// Steps back over the appositive clause that the separator at `comma`
    /// closes; a name inside it is the subject ("The finance director, Ann
    /// Lee, said").
    fn appositive(&mut self, comma: usize) -> Flow {
        let (v, floor) = (self.v, self.floor);
        self.appositives += 1;
        let b = comma + 1;
        let mut m = comma;
        while m > floor && m + 30 > b {
            m -= 1;
            let t = &v.tokens[m];
            if is_sep(t) {
                break;
            }
            // "Ann Lee, R-Ore., said": a dot glued to an abbreviation stays
            // inside the clause.
            let abbrev_dot = t.is_punct('.')
                && !t.space_before()
                && v.tokens
                    .get(m + 1)
                    .is_some_and(|n| n.is_punct(',') || n.is_punct(')'));
            if !abbrev_dot
                && matches!(
                    t.kind(),
                    Kind::Mark(_) | Kind::Punct('.') | Kind::Punct(';')
                )
            {
                return Flow::Done(None);
            }
        }
        // Any short clause: "who chairs the panel", "34", "R-Ore.", "at a
        // later briefing".
        if !(is_sep(&v.tokens[m]) && m + 1 < b) {
            return Flow::Done(None);
        }
        let inner = (m + 1..b - 1).all(|x| v.np_ok(x));
        let named = (m + 1..b - 1).any(|x| capitalised(&v.tokens[x], NOT_NAME | ORG));
        if inner && named && m + 1 < b - 1 {
            return Flow::Done(
                self.r
                    .phrase(v, Phrase::speaker(m + 1, b - 1, Article::Bare)),
            );
        }
        self.k = m;
        Flow::Next
    }

    /// The phrase `[k, b)` was found: a time phrase, a prepositional phrase
    /// to step over, or the subject.
    fn phrase_found(&mut self, b: usize) -> Flow {
        let (v, floor, k) = (self.v, self.floor, self.k);
        let only_time = v.tokens[k..b].iter().all(|t| !t.is_word() || t.has(TIME));
        // "Ann Lee on Tuesday in Rome said": skip prepositional phrases.
        if self.hops < MAX_HOPS && k > floor {
            let p = &v.tokens[k - 1];
            if p.is_word() && !p.cap() && p.has(PREP) {
                self.hop(b, only_time);
                return Flow::Next;
            }
        }
        if only_time {
            return Flow::Done(None);
        }
        Flow::Done(self.subject(b))
    }

    /// Steps over the preposition before the phrase `[k, b)`, remembering
    /// the phrase in case nothing precedes it.
    fn hop(&mut self, b: usize, only_time: bool) {
        let (v, floor, k) = (self.v, self.floor, self.k);
        self.hops += 1;
        self.of_tail = (v.word(k - 1) == "of"
            && (k..b).all(|x| {
                let t = &v.tokens[x];
                !t.is_word() || t.cap() && !t.has(ROLE | TITLE | PRONOUN | TIME)
            }))
        .then_some(b);
        if !only_time && self.remembered.is_none() {
            let article = Article::before(v, floor, k);
            // "Secretary of State John Kerry": the office's field opens the
            // phrase after `of`; the name follows it.
            let a = past_office_field(v, floor, k, b);
            let phrase = Phrase {
                reading: Reading::Mention,
                ..Phrase::speaker(a, b, article)
            };
            self.remembered = self.r.phrase(v, phrase);
        }
        let mut k = k - 1;
        while k > floor && v.tokens[k - 1].has(DET) && !v.tokens[k - 1].cap() {
            k -= 1;
        }
        self.k = k;
    }

    /// The subject phrase `[k, b)`, read with what the walk met on the way.
    fn subject(&mut self, b: usize) -> Option<Speaker> {
        let (v, floor, k) = (self.v, self.floor, self.k);
        // "Secretary of State John Kerry said": a role whose name follows
        // its field.
        if self.remembered.as_ref().is_some_and(Speaker::is_person)
            && (k..b).all(|x| !v.tokens[x].is_word() || v.tokens[x].has(ROLE | TITLE))
        {
            return self.remembered.take();
        }
        let article = Article::before(v, floor, k);
        // "the Association of Bus Drivers said": a body named with `of`
        // speaks as a whole.
        if let Some(tail) = self.of_tail
            && article == Article::Definite
            && (k..b).all(|x| capitalised(&v.tokens[x], ROLE | TITLE | PRONOUN | NATION | TIME))
        {
            let (start, end) = (v.tokens[k].start(), v.tokens[tail - 1].end());
            return Some(Speaker::body(v.text[start..end].to_string(), start, end));
        }
        // "The council issued a statement calling …": a document just
        // issued by the clause's subject speaks for it.
        if b == k + 1
            && k >= floor + 2
            && one_of(v.word(k), DOCUMENTS)
            && one_of(v.word(k - 1), &["a", "an"])
            && v.tokens[k - 2].is_word()
            && !v.tokens[k - 2].cap()
            && !v.tokens[k - 2].has(PREP | FUNC | CUE)
            && let Some(s) = clause_subject(self.r, v, floor, k - 1)
        {
            return Some(s);
        }
        self.r.phrase(v, Phrase::speaker(k, b, article))
    }
}

/// Reads the phrase right after an inverted cue (`said the minister`) or
/// `according to`, from `start` to at most `ceil`.
pub(crate) fn right(r: &mut impl Resolve, v: &View, start: usize, ceil: usize) -> Option<Speaker> {
    let mut k = start;
    let mut article = Article::Bare;
    while k < ceil && v.tokens[k].has(DET) && !v.tokens[k].has(ROLE | GROUP) {
        if v.word(k).eq_ignore_ascii_case("the") {
            article = Article::Definite;
        }
        k += 1;
    }
    if k < ceil && v.tokens[k].has(PRONOUN) && k == start {
        return r.pronoun(v, k);
    }
    // "said 9/11 widow Ann Lee": a few descriptive words before a name.
    if k < ceil && !v.np_ok(k) {
        let mut m = k;
        while m < ceil && m < k + 5 {
            let t = &v.tokens[m];
            let skippable = (t.is_word() && !t.cap() && !t.has(PREP | FUNC | PRONOUN | TIME))
                || t.is_punct('/')
                || (t.is_word() && v.word(m).starts_with(|c: char| c.is_ascii_digit()));
            if !skippable {
                break;
            }
            m += 1;
        }
        if m > k && m < ceil && v.np_ok(m) && v.tokens[m].cap() {
            k = m;
        }
    }
    let a = k;
    while k < ceil && k < a + PHRASE_TOKENS && v.np_ok(k) {
        k += 1;
    }
    while k > a && !v.tokens[k - 1].is_word() {
        k -= 1;
    }
    if k == a || v.tokens[a..k].iter().all(|t| !t.is_word() || t.has(TIME)) {
        return None;
    }
    if let Some(body) = body_with_of(v, a, k, ceil) {
        return Some(body);
    }
    r.phrase(v, Phrase::speaker(a, k, article))
}

/// "according to the Alliance for Safe Roads (ASR)": a body's name
/// `[a, k)` runs on through `of`, `for` or `to` and capitalised words, and
/// keeps the acronym in brackets after it.
fn body_with_of(v: &View, a: usize, k: usize, ceil: usize) -> Option<Speaker> {
    if !(v.tokens[k - 1].has(ORG) && v.tokens[k - 1].cap()) {
        return None;
    }
    let mut e = k;
    while e + 1 < ceil
        && one_of(v.word(e), &["of", "for", "to"])
        && v.tokens[e + 1].cap()
        && v.np_ok(e + 1)
    {
        e += 1;
        while e < ceil
            && e < k + PHRASE_TOKENS
            && v.tokens[e].is_word()
            && v.tokens[e].cap()
            && v.outside(e)
        {
            e += 1;
        }
    }
    if e == k {
        return None;
    }
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
    Some(Speaker::body(v.text[start..end].to_string(), start, end))
}

/// The subject of the main clause in `[floor, end)`: the first name or
/// pronoun followed by a lowercase word ("During the debate, Ann Lee
/// attacked …, saying").
pub(crate) fn clause_subject(
    r: &mut impl Resolve,
    v: &View,
    floor: usize,
    end: usize,
) -> Option<Speaker> {
    // Bounded look-back: one clause, not a whole run-on text.
    let floor = floor.max(end.saturating_sub(80));
    let followed_by_verb = |j: usize| {
        v.tokens.get(j).is_some_and(|n| {
            j < end && n.is_word() && !n.cap() && !n.has(PREP | DET | FUNC)
                || j < end && n.has(AUX) && !n.cap()
        })
    };
    let mut i = floor;
    while i < end {
        let t = &v.tokens[i];
        if matches!(t.kind(), Kind::Mark(_)) {
            return None;
        }
        if t.has(PRONOUN) && t.is_word() && v.outside(i) {
            if followed_by_verb(i + 1) {
                return r.pronoun(v, i);
            }
            i += 1;
            continue;
        }
        if v.np_ok(i) && t.is_word() && (t.cap() || t.has(GROUP)) {
            let j = subject_end(v, i, end);
            if followed_by_verb(verb_after_subject(v, i, j, end))
                || described_subject(v, i, j, end, followed_by_verb)
            {
                let article = Article::before(v, floor, i);
                return r.phrase(v, Phrase::speaker(i, j, article));
            }
            i = j.max(i + 1);
            continue;
        }
        i += 1;
    }
    None
}

/// The end of a subject phrase starting at name word `i`, before `end`.
fn subject_end(v: &View, i: usize, end: usize) -> usize {
    let mut j = i;
    while j < end && v.np_ok(j) {
        j += 1;
    }
    // "Democratic presidential nominee Ann Lee": an adjective or two inside
    // a role phrase before the name.
    let mut k = j;
    while k < end && k < j + 2 && {
        let n = &v.tokens[k];
        n.is_word() && !n.cap() && !n.has(PREP | DET | FUNC | AUX | CUE | PRONOUN | ROLE)
    } {
        k += 1;
    }
    if k > j && k < end && v.np_ok(k) && v.tokens[k].has(ROLE) {
        let mut e = k;
        while e < end && v.np_ok(e) {
            e += 1;
        }
        if (k..e).any(|x| capitalised(&v.tokens[x], ROLE | TITLE)) {
            j = e;
        }
    }
    j
}

/// Where the verb of a subject `[i, j)` would stand: over a party tag
/// ("Ann Lee (D-Ore.) scolded him") and a time phrase ("The council on
/// Friday made …").
fn verb_after_subject(v: &View, i: usize, j: usize, end: usize) -> usize {
    let mut after = if j > i
        && let Some((_, close)) = party_tag(v, j - 1)
    {
        close + 1
    } else {
        j
    };
    if after + 1 < end
        && v.tokens[after].is_word()
        && !v.tokens[after].cap()
        && v.tokens[after].has(PREP)
        && v.tokens[after + 1].has(TIME)
    {
        after += 1;
        while after < end && v.tokens[after].has(TIME) {
            after += 1;
        }
    }
    after
}

/// "Ann Lee, a former party chair, poked at …": the subject `[i, j)`, its
/// description between separators, then a verb.
fn described_subject(
    v: &View,
    i: usize,
    j: usize,
    end: usize,
    followed_by_verb: impl Fn(usize) -> bool,
) -> bool {
    j < end
        && j > i
        && is_sep(&v.tokens[j])
        && description(v, j - 1)
            .is_some_and(|(_, db)| db < end && is_sep(&v.tokens[db]) && followed_by_verb(db + 1))
}
