//! The people an article has named so far, so that a later surname, role
//! phrase or pronoun resolves to the fullest name the article gave.
//!
//! Rule: a person is found again by their full name, or by their surname
//! unless the first names differ ("Tom Berg", "Ann Berg"; a lone `Berg` is
//! the first met). Roles written with a name (`French President Ana Ruiz`)
//! and in its description are remembered with the person's nationality and
//! gender, so `the French leader` and `she` find her. A pronoun takes the
//! nearest earlier person mention of a compatible gender, preferring one
//! the article has confirmed as a person (named with a role or a full name).
//!
//! Example: after `Ana Ruiz, the French president, arrived.`, `Ruiz said`,
//! `the president said` and `she said` all name "Ana Ruiz (French
//! president)".

use crate::attribution::speakers::{Article, Mention, Phrase, Reading, Resolve, Speaker};
use crate::attribution::view::{NOT_NAME, View, capitalised, past_office_field, strip_possessive};
use crate::text::lexicon::{
    self, FEMALE, FastMap, GROUP, LEADER, MALE, NATION, PLURAL, ROLE, TITLE,
};
use crate::text::normalise::{Token, key, key_of};

/// How far back a role phrase looks for the person it names, in mentions.
const ROLE_LOOKBACK: usize = 300;
/// How far back a pronoun looks for the person it names, in mentions.
const PRONOUN_LOOKBACK: usize = 40;

/// A person's grammatical gender, as far as the article tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    /// Not told.
    Unknown,
    /// "he", "Mr.", "King".
    Male,
    /// "she", "Ms.", "Queen".
    Female,
}

impl Gender {
    /// The gender a word with lexicon flags tells.
    pub(crate) fn of(t: &Token) -> Gender {
        if t.has(MALE) {
            Gender::Male
        } else if t.has(FEMALE) {
            Gender::Female
        } else {
            Gender::Unknown
        }
    }

    /// Whether someone of gender `self` may be referred to as `other`.
    fn fits(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// One person the article named.
#[derive(Debug)]
pub(super) struct Person {
    /// The fullest name met.
    pub full: String,
    /// Keys of the role words written with the name.
    pub roles: Vec<String>,
    /// The nationality written with the name.
    pub nation: Option<String>,
    pub gender: Gender,
    /// Named with a role or a full name: surely a person, not a place.
    pub confirmed: bool,
    /// The identification written after the name at a mention: a party tag
    /// ("D-Md.") or an appositive description ("professor at Acme").
    pub ident: Option<String>,
}

/// What the article has said about people so far.
#[derive(Default)]
pub(crate) struct People {
    pub(super) persons: Vec<Person>,
    pub(super) by_surname: FastMap<String, usize>,
    /// Full names of several words, for people sharing a surname.
    pub(super) by_full: FastMap<String, usize>,
    /// `(byte, person)` in text order (up to `read_back`, when set).
    mentions: Vec<(usize, usize)>,
    /// Set once the article has been read through: how many mentions are
    /// in text order. A phrase looked up afterwards (the speaker model's
    /// choice) is read against the mentions before it, not the latest ones.
    read_back: Option<usize>,
}

impl People {
    /// Marks the article as read through: later look-ups of a role or a
    /// pronoun see only the people mentioned before the word looked up.
    pub(crate) fn read_through(&mut self) {
        self.read_back = Some(self.mentions.len());
    }

    /// The mentions in text order before byte `start`, latest last.
    fn before(&self, start: usize) -> &[(usize, usize)] {
        let sorted = &self.mentions[..self.read_back.unwrap_or(self.mentions.len())];
        &sorted[..sorted.partition_point(|&(p, _)| p < start)]
    }

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
            if !(a..i).any(|m| capitalised(&v.tokens[m], NOT_NAME)) {
                continue;
            }
            let a = past_office_field(v, from, a, i);
            self.interpret(
                v,
                Phrase {
                    a,
                    b: i,
                    article: Article::Bare,
                    reading: Reading::Mention,
                },
            );
        }
    }

    /// A speaker label written inside a quote (`“HOST: …”`) at `[a, b)`.
    pub(crate) fn label(&mut self, v: &View, a: usize, b: usize) -> Option<Speaker> {
        self.interpret(v, Phrase::speaker(a, b, Article::Bare))
    }

    /// The person already met under the full name `full` (of key
    /// `full_key`) or, unless the first names differ, its surname key.
    pub(super) fn find(&self, full: &str, full_key: &str, surname_key: &str) -> Option<usize> {
        self.by_full.get(full_key).copied().or_else(|| {
            let &id = self.by_surname.get(surname_key)?;
            (!other_first_name(&self.persons[id].full, full)).then_some(id)
        })
    }

    /// Whether the word `w` is the surname of someone met.
    pub(crate) fn knows_surname(&self, w: &str) -> bool {
        self.by_surname.contains_key(&*key(strip_possessive(w)))
    }

    /// The person met under surname key `surname_key`, if any.
    pub(super) fn by_surname(&self, surname_key: &str) -> Option<usize> {
        self.by_surname.get(surname_key).copied()
    }

    /// Remembers a new person named `full`; `several_words` tells whether
    /// the name has more than one word (only those are found by full name).
    pub(super) fn add(&mut self, full: String, surname_key: &str, several_words: bool) -> usize {
        let full_key = several_words.then(|| key(&full).to_string());
        self.persons.push(Person {
            full,
            roles: Vec::new(),
            nation: None,
            gender: Gender::Unknown,
            confirmed: false,
            ident: None,
        });
        let id = self.persons.len() - 1;
        if !self.by_surname.contains_key(surname_key) {
            self.by_surname.insert(surname_key.to_string(), id);
        }
        if let Some(full_key) = full_key {
            self.by_full.insert(full_key, id);
        }
        id
    }

    /// Adds the key of role word `w` to person `id`'s roles.
    pub(super) fn add_role(&mut self, id: usize, w: &str) {
        let roles = &mut self.persons[id].roles;
        // Keys are lowercase: an ASCII-case-blind match is the same key.
        if roles.iter().any(|r| r.eq_ignore_ascii_case(w)) {
            return;
        }
        let r = key_of(w);
        if !roles.contains(&r) {
            roles.push(r);
        }
    }

    /// The latest person whose remembered roles fit `words` (`French
    /// president`, `leader`) and nationality.
    pub(super) fn by_role(
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
        // While the article is read, every person met so far (a role
        // names someone of this sentence too); after, those before it.
        let seen = match self.read_back {
            Some(_) => self.before(start),
            None => &self.mentions,
        };
        let id = seen
            .iter()
            .rev()
            .take(ROLE_LOOKBACK)
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
    pub(super) fn mention(&mut self, id: usize, start: usize, end: usize) -> Speaker {
        self.mentions.push((start, id));
        Speaker {
            name: self.persons[id].full.clone(),
            start,
            end,
            mention: Mention::Name,
            id: Some(id),
            written: None,
        }
    }

    /// The display name of a speaker: the person's fullest name with the
    /// identification the article gave them, `Name (identification)`.
    pub(crate) fn display(&self, sp: &Speaker) -> Option<String> {
        let p = &self.persons[sp.id?];
        Some(match (&sp.written, &p.ident) {
            (Some(written), _) => format!("{written} ({})", p.full),
            (None, Some(ident)) => format!("{} ({ident})", p.full),
            (None, None) => p.full.clone(),
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

impl Resolve for People {
    fn phrase(&mut self, v: &View, phrase: Phrase) -> Option<Speaker> {
        self.interpret(v, phrase)
    }

    fn pronoun(&mut self, v: &View, i: usize) -> Option<Speaker> {
        let t = &v.tokens[i];
        let (start, end) = (t.start(), t.end());
        if t.has(PLURAL) || v.is(i, "i") || v.is(i, "it") {
            return None;
        }
        let gender = Gender::of(t);
        let candidates = self.before(start).iter().rev().take(PRONOUN_LOOKBACK);
        let mut fallback = None;
        for &(_, id) in candidates {
            let p = &self.persons[id];
            if !gender.fits(p.gender) {
                continue;
            }
            if p.confirmed {
                fallback = Some(id);
                break;
            }
            fallback.get_or_insert(id);
        }
        let id = fallback?;
        if gender != Gender::Unknown && self.persons[id].gender == Gender::Unknown {
            self.persons[id].gender = gender;
        }
        Some(Speaker {
            name: self.persons[id].full.clone(),
            start,
            end,
            mention: Mention::Pronoun,
            id: Some(id),
            written: None,
        })
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
