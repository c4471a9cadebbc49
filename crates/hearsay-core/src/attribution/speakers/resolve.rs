//! What a phrase found by a walk means: a person's name, a role or group,
//! a body or a document.
//!
//! Rule: titles and roles before a name are peeled off and remembered on
//! the person (`Kremlin spokesman Dmitry Peskov` is "Dmitry Peskov").
//! Lowercase particles between the parts of a name stay in it ("Joost van
//! Leer", "Mohammed bin Salman"); an initial keeps its dot ("John D.
//! Kerr"); a role word that is also a surname ends a name after a given
//! name ("Maya Bishop", then `Bishop said`). A possessor's role is not the
//! possessor (`Sato's assistant` is the assistant) unless a name follows
//! the role (`Ann Lee's campaign manager Tom Roe` is "Tom Roe"); a body
//! owning a thing speaks for it (`the Acme campaign's website`). Capitals
//! only, digits or an organisation word make a body; a role phrase with no
//! name resolves to the latest person with that role, or is shown as
//! written with its article (`the commission`).
//!
//! Example: `French President Ana Ruiz` registers Ana Ruiz with the role
//! "president" and the nationality "french"; a later `the French leader`
//! resolves to her.

use crate::attribution::speakers::identification;
use crate::attribution::speakers::memory::{Gender, People};
use crate::attribution::speakers::{Article, Mention, Phrase, Reading, Speaker};
use crate::attribution::view::{
    NOT_NAME, View, capitalised, is_particle, is_possessive, one_of, strip_possessive,
};
use crate::text::lexicon::{self, FEMALE, GROUP, LEADER, MALE, NATION, ORG, PRONOUN, ROLE, TITLE};
use crate::text::normalise::{key, key_of};

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

/// The most words of a phrase that are read: names and roles are short,
/// and an all-capitals headline must not cost more.
const PHRASE_WORDS: usize = 12;

/// A word that can be part of a name: capitalised and no role, title,
/// nationality, time or function word, or a capital initial with its dot.
fn is_name(v: &View, i: usize) -> bool {
    let t = &v.tokens[i];
    capitalised(t, NOT_NAME | PRONOUN) || t.cap() && v.is_initial(i)
}

/// The words `ws` as a name: possessive endings dropped, an initial inside
/// the name with its dot ("John D. Kerr", "G.K. Butterfield").
fn name_text(v: &View, ws: &[usize]) -> String {
    let mut s = String::with_capacity(32);
    for (n, &i) in ws.iter().enumerate() {
        if n > 0 {
            s.push(' ');
        }
        s.push_str(strip_possessive(v.word(i)));
        if n + 1 < ws.len()
            && v.tokens
                .get(i + 1)
                .is_some_and(|t| t.is_punct('.') && !t.space_before())
            && {
                let w = v.word(i);
                w.chars().count() == 1 || w.contains('.')
            }
        {
            s.push('.');
        }
    }
    s
}

/// The phrase as read: its last words, and its byte range.
struct Words {
    words: [usize; PHRASE_WORDS],
    n_words: usize,
    start: usize,
    end: usize,
}

impl Words {
    /// The last [`PHRASE_WORDS`] words of `[a, b)`, or `None` if it has none.
    fn read(v: &View, a: usize, b: usize) -> Option<Words> {
        let mut words = [0usize; PHRASE_WORDS];
        let mut n_words = 0;
        for i in (a..b).rev().filter(|&i| v.tokens[i].is_word()) {
            if n_words == words.len() {
                break;
            }
            words[n_words] = i;
            n_words += 1;
        }
        words[..n_words].reverse();
        let last = *words[..n_words].last()?;
        Some(Words {
            words,
            n_words,
            start: v.tokens[words[0]].start(),
            end: v.tokens[last].end(),
        })
    }

    fn words(&self) -> &[usize] {
        &self.words[..self.n_words]
    }
}

impl People {
    /// Makes sense of the phrase `[a, b)`: a name, a role, a group or a
    /// body. Registers people met. Returns `None` for anything else.
    pub(super) fn interpret(&mut self, v: &View, at: Phrase) -> Option<Speaker> {
        let (article, reading) = (at.article, at.reading);
        let phrase = Words::read(v, at.a, at.b)?;
        let words = phrase.words();
        // "Poland's president", "Ann Lee's office": a possessor.
        if let Some(pos) = words[..words.len() - 1]
            .iter()
            .position(|&i| is_possessive(v.word(i)))
        {
            return self.possessed(v, &phrase, pos, reading);
        }
        let last = words[words.len() - 1];
        let mut n = words.len();
        // "Charlie King", "Ann Bishop": a role word that is also a surname
        // ends a name when a given name stands right before it.
        let surname_role = n >= 2 && {
            let t = &v.tokens[last];
            let p = words[n - 2];
            t.cap()
                && one_of(strip_possessive(v.word(last)), SURNAME_ROLES)
                && is_name(v, p)
                && !v.tokens[p].has(ORG | GROUP)
                && p + 1 == last
        };
        // "Joost van Leer": a particle inside a name belongs to it.
        while n > 0
            && (is_name(v, words[n - 1])
                || surname_role && n == words.len()
                || n < words.len() && n > 1 && is_particle(&v.tokens[words[n - 1]]))
        {
            n -= 1;
        }
        while n < words.len() && !v.tokens[words[n]].cap() {
            n += 1;
        }
        if n < words.len() {
            self.named(v, &phrase, n, reading)
        } else {
            self.unnamed(v, &phrase, article)
        }
    }

    /// A phrase whose word `pos` is a possessor: "Poland's president",
    /// "Ann Lee's campaign manager Tom Roe", "the Acme campaign's website".
    fn possessed(
        &mut self,
        v: &View,
        phrase: &Words,
        pos: usize,
        reading: Reading,
    ) -> Option<Speaker> {
        let (start, end) = (phrase.start, phrase.end);
        let words = phrase.words();
        let owner = &words[..=pos];
        let head = &words[pos + 1..];
        let last = words[words.len() - 1];
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
        // "Ann Lee's campaign manager Tom Roe": the name after the role is
        // the one meant.
        let mut h = head.len();
        while h > 0 && is_name(v, head[h - 1]) {
            h -= 1;
        }
        if h > 0 && h < head.len() && v.tokens[head[h - 1]].has(ROLE) {
            return self.interpret(
                v,
                Phrase {
                    reading,
                    ..Phrase::speaker(head[0], last + 1, Article::Bare)
                },
            );
        }
        // "Sato's assistant said": the possessor's role speaks, not the
        // possessor; unnamed, it is shown as written.
        if h == head.len() && v.tokens[last].has(ROLE) {
            return Some(Speaker::body(v.text[start..end].to_string(), start, end));
        }
        let first = owner[0];
        let last_owner = owner[owner.len() - 1];
        // "the Acme campaign's website": the body owning it.
        if !v.tokens[last_owner].cap()
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
        let owner = Phrase {
            reading,
            ..Phrase::speaker(first, last_owner + 1, Article::Bare)
        };
        self.interpret(v, owner).map(|mut s| {
            s.name = strip_possessive(&s.name).to_string();
            s
        })
    }

    /// A phrase whose words from `n` on are a name, after roles and titles
    /// (`Kremlin spokesman Dmitry Peskov`), or a body written in capitals.
    fn named(&mut self, v: &View, phrase: &Words, n: usize, reading: Reading) -> Option<Speaker> {
        let (start, end) = (phrase.start, phrase.end);
        let words = phrase.words();
        let name = &words[n..];
        let before = &words[..n];
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
            return Some(Speaker::body(name_text(v, words), start, end));
        }
        let last = name[name.len() - 1];
        let last_key = key(strip_possessive(v.word(last)));
        if name.len() == 1 && lexicon::nationality_of(&last_key).is_some() {
            return Some(Speaker::body(name_text(v, name), start, end));
        }
        let confirmed = !before.is_empty();
        let full = name_text(v, name);
        // "Michelle Obama" after "Barack Obama": the same surname with
        // another first name is another person, met by full name.
        let full_key = key(&full);
        let id = match self.find(&full, &full_key, &last_key) {
            Some(id) => {
                let p = &mut self.persons[id];
                if full.len() > p.full.len() && full.ends_with(&p.full)
                    || name.len() > 1 && full.len() > p.full.len()
                {
                    p.full = full;
                }
                id
            }
            // A lone capitalised word is remembered as a person only as a
            // speaker; a mere mention ("Rome") is not.
            None if name.len() == 1 && !confirmed && reading == Reading::Mention => {
                return Some(Speaker {
                    name: full,
                    start,
                    end,
                    mention: Mention::Name,
                    id: None,
                    written: None,
                });
            }
            None => self.add(full, &last_key, name.len() > 1),
        };
        self.learn(v, id, before, confirmed || name.len() > 1);
        if self.persons[id].ident.is_none() {
            self.identify(v, id, last, name.len() > 1);
        }
        Some(self.mention(id, start, end))
    }

    /// Remembers on person `id` the roles, nationality and gender written
    /// before the name (the words `before`).
    fn learn(&mut self, v: &View, id: usize, before: &[usize], confirmed: bool) {
        // Role words as token indices: their keys are built only when the
        // person does not have them yet.
        for &i in before {
            if !v.tokens[i].has(TITLE) || v.tokens[i].has(LEADER) {
                self.add_role(id, v.word(i));
            }
        }
        let nation = before
            .iter()
            .find(|&&i| v.tokens[i].has(NATION))
            .map(|&i| key_of(v.word(i)));
        let gender = if before.iter().any(|&i| v.tokens[i].has(MALE)) {
            Gender::Male
        } else if before.iter().any(|&i| v.tokens[i].has(FEMALE)) {
            Gender::Female
        } else {
            Gender::Unknown
        };
        let p = &mut self.persons[id];
        if nation.is_some() {
            p.nation = nation;
        }
        if gender != Gender::Unknown {
            p.gender = gender;
        }
        p.confirmed |= confirmed;
    }

    /// Keeps the identification written after the name ending at token
    /// `last` on person `id`, with the roles and nationality of its
    /// description.
    fn identify(&mut self, v: &View, id: usize, last: usize, several_words: bool) {
        let Some(ident) = identification::after_name(v, last, several_words) else {
            return;
        };
        self.persons[id].ident = Some(ident.text);
        let Some((da, db)) = ident.description else {
            return;
        };
        for m in da..db {
            let t = &v.tokens[m];
            if t.is_word() && t.has(ROLE) && !t.has(TITLE) {
                self.add_role(id, v.word(m));
            }
            if t.is_word() && t.has(NATION) && self.persons[id].nation.is_none() {
                self.persons[id].nation = Some(key_of(v.word(m)));
            }
        }
    }

    /// A phrase without a name: a role or a group ("the French leader",
    /// "officials"), resolved to a person where the article allows.
    fn unnamed(&mut self, v: &View, phrase: &Words, article: Article) -> Option<Speaker> {
        let (start, end) = (phrase.start, phrase.end);
        let words = phrase.words();
        let last = words[words.len() - 1];
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
            && article == Article::Bare
            && head.cap()
            && let Some(id) = self.by_surname(&key(strip_possessive(v.word(last))))
        {
            return Some(self.mention(id, start, end));
        }
        let plural = v.word(last).ends_with('s');
        if article == Article::Definite
            && !plural
            && let Some(sp) = self.by_role(v, words, nation, start, end)
        {
            return Some(sp);
        }
        // "the commission said", unresolved: the phrase as written.
        let name = match article {
            Article::Definite => format!("the {}", name_text(v, words)),
            Article::Bare => name_text(v, words),
        };
        Some(Speaker::body(name, start, end))
    }
}
