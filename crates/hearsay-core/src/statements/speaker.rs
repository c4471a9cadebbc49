//! Who a statement is by, across documents: one key for "Emmanuel Macron",
//! "Macron", "French President Emmanuel Macron" and, resolved within its
//! article, "the French president".

use crate::text::lexicon::{self, DET, FUNC, GROUP, NATION, PREP, PRONOUN, ROLE, TITLE};
use crate::text::normalise::key_of;

/// A speaker as grouping sees it: the key that blocks comparisons, and the
/// name as fully as it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Speaker {
    /// The folded last name ("macron"), or an organisation's name ("nato").
    pub key: String,
    /// The name without titles, roles or a bracketed identification
    /// ("Emmanuel Macron").
    pub name: String,
}

/// Words of a speaker phrase that are not part of a name: titles, roles,
/// nationalities, function words.
const NOT_NAME: lexicon::Lex = TITLE | ROLE | NATION | DET | FUNC | PREP | PRONOUN | GROUP;

/// Lowercase words inside names: "Ursula von der Leyen".
const PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "del", "dos", "das", "bin",
    "ibn", "al",
];

/// The words of `phrase` with their surrounding punctuation and a
/// possessive `'s` taken off; bracketed text is dropped.
fn words(phrase: &str) -> Vec<&str> {
    let mut depth = 0usize;
    let mut kept = Vec::new();
    for raw in phrase.split_whitespace() {
        let opens = raw.starts_with(['(', '[']);
        if opens {
            depth += 1;
        }
        let closes = raw.ends_with([')', ']']) || raw.ends_with("),") || raw.ends_with(").");
        if depth == 0 {
            let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            if !w.is_empty() {
                kept.push(w);
            }
        }
        if closes && depth > 0 {
            depth -= 1;
        }
    }
    kept
}

fn is_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && lexicon::lookup(&key_of(word)) & NOT_NAME == 0
}

/// The speaker a written speaker phrase names, or `None` when it names
/// nobody by name ("the French president", "officials").
pub(super) fn named(phrase: &str) -> Option<Speaker> {
    let words = words(phrase);
    let Some(last) = words.iter().rposition(|w| is_name_word(w)) else {
        return organisation(&words);
    };
    if names_a_group(phrase) {
        // "UNESCO official": the organisation speaks, if written in
        // capitals.
        return organisation(&words);
    }
    // The run of name words ending at the last one, particles inside it
    // ("Ursula von der Leyen") kept; a role before it ends it.
    let mut first = last;
    while first > 0 {
        let w = words[first - 1];
        if is_name_word(w) || first >= 2 && PARTICLES.contains(&w) {
            first -= 1;
        } else {
            break;
        }
    }
    while PARTICLES.contains(&words[first]) {
        first += 1;
    }
    Some(Speaker {
        key: fold(words[last]),
        name: words[first..=last].join(" "),
    })
}

/// Whether the name in `phrase` only qualifies the people who speak: a
/// common noun follows it in the same clause ("Dock workers", "Clinton
/// supporters", "the Vermont senator", "Gary Johnson's doctor"). A name
/// set off by a comma or brackets ("Hanna Lind, port director", "Tom
/// Clarke (nursing home owner)") still names its speaker.
fn names_a_group(phrase: &str) -> bool {
    let Some(clause) = phrase
        .split([',', ';', ':', '—', '–'])
        .rfind(|c| words(c).iter().any(|w| is_name_word(w)))
    else {
        return false;
    };
    let words = words(clause);
    let Some(last) = words.iter().rposition(|w| is_name_word(w)) else {
        return false;
    };
    words[last + 1..].iter().any(|w| {
        w.chars().next().is_some_and(char::is_lowercase)
            && !PARTICLES.contains(w)
            && !w.ends_with("self")
            && !w.ends_with("selves")
            && lexicon::lookup(&key_of(w)) & (DET | FUNC | PREP | PRONOUN) == 0
    })
}

/// An organisation written as an acronym ("NATO", "the EU", "NATO
/// official"), for a phrase that names no person: the lexicon lists some
/// of them among nationalities, so they are not name words, but they do
/// speak. A title or role in capitals ("CEO") is not one.
fn organisation(words: &[&str]) -> Option<Speaker> {
    let word = words.iter().rev().find(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars().all(|c| c.is_uppercase() || c == '.')
            && lexicon::lookup(&key_of(w)) & (TITLE | ROLE) == 0
    })?;
    Some(Speaker {
        key: fold(word).replace('.', ""),
        name: (*word).to_string(),
    })
}

/// The lowercase content words of a descriptor ("french president"), the
/// phrase to look for before a name in the article.
pub(super) fn descriptor(phrase: &str) -> Option<String> {
    let words: Vec<String> = words(phrase)
        .into_iter()
        .map(key_of)
        .filter(|w| lexicon::lookup(w) & (DET | FUNC | PREP | PRONOUN) == 0)
        .collect();
    // A descriptor names one person by a role ("the president"), not a
    // group ("officials").
    let head = words.last()?;
    (lexicon::lookup(head) & ROLE != 0 && !head.ends_with('s')).then(|| words.join(" "))
}

/// The name `text` most often writes right after `descriptor`
/// ("French President Emmanuel Macron" for "french president"), if any.
pub(super) fn resolve(descriptor: &str, text: &str) -> Option<Speaker> {
    let lower = text.to_ascii_lowercase();
    let mut counts: Vec<(Speaker, usize)> = Vec::new();
    let mut from = 0;
    while let Some(i) = lower[from..].find(descriptor) {
        let at = from + i;
        from = at + descriptor.len();
        let before_ok = lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if !before_ok {
            continue;
        }
        let after = &text[from..];
        let names: Vec<&str> = after
            .split_whitespace()
            .take(4)
            .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        // The name ends at the first word that closes a phrase.
        let mut end = names.len();
        for (k, w) in names.iter().enumerate() {
            if w.ends_with([',', '.', ';', ':']) || w.contains(['’', '\'']) {
                end = k + 1;
                break;
            }
        }
        if let Some(speaker) = named(&names[..end].join(" ")) {
            match counts.iter_mut().find(|(s, _)| *s == speaker) {
                Some((_, n)) => *n += 1,
                None => counts.push((speaker, 1)),
            }
        }
    }
    // The most frequent; the first met on a tie.
    let best = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == best).map(|(s, _)| s)
}

/// Lowercase, accents off: "Lecornu" and "Lécornu" are one key.
fn fold(word: &str) -> String {
    key_of(word)
        .chars()
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'ç' | 'č' | 'ć' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' | 'ń' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'š' | 'ś' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_name_keys_on_the_last_name() {
        let s = named("Ana Ruiz").unwrap();
        assert_eq!((s.key.as_str(), s.name.as_str()), ("ruiz", "Ana Ruiz"));
    }

    #[test]
    fn titles_and_nationality_are_not_the_name() {
        let s = named("Spanish Finance Minister Ana Ruiz").unwrap();
        assert_eq!((s.key.as_str(), s.name.as_str()), ("ruiz", "Ana Ruiz"));
    }

    #[test]
    fn surname_alone_has_the_same_key() {
        assert_eq!(named("Ruiz").unwrap().key, named("Ana Ruiz").unwrap().key);
    }

    #[test]
    fn bracketed_identification_is_dropped() {
        let s = named("Ana Ruiz (who chairs the board)").unwrap();
        assert_eq!(s.name, "Ana Ruiz");
    }

    #[test]
    fn particles_stay_inside_the_name() {
        let s = named("Commission President Ursula von der Leyen").unwrap();
        assert_eq!(
            (s.key.as_str(), s.name.as_str()),
            ("leyen", "Ursula von der Leyen")
        );
    }

    #[test]
    fn workers_named_after_a_place_are_nobody_by_name() {
        assert_eq!(named("Dock workers"), None);
    }

    #[test]
    fn supporters_of_a_person_are_not_the_person() {
        assert_eq!(named("Clinton supporters"), None);
    }

    #[test]
    fn a_person_s_doctor_is_not_the_person() {
        assert_eq!(named("presidential candidate Gary Johnson’s doctor"), None);
    }

    #[test]
    fn a_role_after_a_comma_leaves_the_name() {
        let s = named("Hanna Lind, port director").unwrap();
        assert_eq!((s.key.as_str(), s.name.as_str()), ("lind", "Hanna Lind"));
    }

    #[test]
    fn a_pronoun_after_the_name_leaves_it() {
        assert_eq!(named("Emmanuel Macron himself").unwrap().key, "macron");
    }

    #[test]
    fn accents_fold_into_the_key() {
        assert_eq!(named("Léa Müller").unwrap().key, "muller");
    }

    #[test]
    fn organisation_with_a_role_keys_on_the_organisation() {
        assert_eq!(named("UNESCO official").unwrap().key, "unesco");
    }

    #[test]
    fn organisation_in_the_lexicon_is_a_speaker() {
        let s = named("NATO").unwrap();
        assert_eq!((s.key.as_str(), s.name.as_str()), ("nato", "NATO"));
    }

    #[test]
    fn organisation_in_the_lexicon_with_a_role_keys_on_it() {
        assert_eq!(named("a NATO official").unwrap().key, "nato");
    }

    #[test]
    fn a_person_beats_the_organisation_before_the_name() {
        assert_eq!(
            named("NATO chief Jens Stoltenberg").unwrap().key,
            "stoltenberg"
        );
    }

    #[test]
    fn a_nationality_is_no_organisation() {
        assert_eq!(named("French officials"), None);
    }

    #[test]
    fn a_role_names_nobody() {
        assert_eq!(named("the finance minister"), None);
    }

    #[test]
    fn a_role_is_a_descriptor() {
        assert_eq!(
            descriptor("the Spanish finance minister").as_deref(),
            Some("spanish finance minister")
        );
    }

    #[test]
    fn a_group_is_no_descriptor() {
        assert_eq!(descriptor("officials"), None);
    }

    #[test]
    fn descriptor_resolves_to_the_name_after_it() {
        let text = "Spanish Finance Minister Ana Ruiz spoke first. Later the Spanish finance minister left.";
        let s = resolve("spanish finance minister", text).unwrap();
        assert_eq!(s.name, "Ana Ruiz");
    }

    #[test]
    fn descriptor_without_a_name_after_it_stays_unresolved() {
        let text = "The finance minister said nothing.";
        assert_eq!(resolve("finance minister", text), None);
    }
}
