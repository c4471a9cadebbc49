//! Speech cues: the words that say someone speaks, and who speaks at each.
//!
//! Rule: a cue is a speech verb outside quotation marks ("said", "told",
//! "warned", "stressed", "noted", "insisted", "added", "saying"), `according
//! to`, `as … put it`, or a speech noun after a possessor ("Ann Lee's
//! suggestion that"). A cue followed by `that` is never inverted: the
//! clause after it is the content, not the speaker ("Ann Lee, an aide,
//! noted that the campaign …" is spoken by Ann Lee). Weak cues ("believes",
//! "expects") count only before "that"; an infinitive ("to say") or a
//! naming verb ("called") is no cue.
//!
//! Example: in `The minister told reporters that the plan was dead.` the
//! cue is "told" and its speaker "the minister".

use crate::attribution::speakers::walk::{clause_subject, left, right};
use crate::attribution::speakers::{Resolve, Speaker};
use crate::attribution::view::View;
use crate::text::lexicon::{
    AUX, CONJ, CUE, INVERTS, LISTENER, PREP, PRONOUN, SPEECH_NOUN, TIME, WEAK_CUE,
};
use crate::text::normalise::Kind;

/// A cue word at token `at` (the last token for `according to`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct CueAt {
    /// Token index of the cue word.
    pub at: usize,
    /// Token index of the last word of the cue.
    pub last: usize,
    /// `according to`: the speaker follows.
    pub according: bool,
    /// A speech noun ("suggestion"), weaker than a verb.
    pub noun: bool,
}

/// The cue at token `i`, if it is one.
///
/// Called for nearly every token, so the common answer (a word that cannot
/// be a cue: no speech flag, and not `put`, `puts` or `according` by its
/// length) is given here, inlined, before the full test.
#[inline]
pub(crate) fn cue_at(v: &View, i: usize, floor: usize) -> Option<CueAt> {
    v.step();
    let t = &v.tokens[i];
    if !t.is_word() || !(t.has(CUE | SPEECH_NOUN) || matches!(t.end() - t.start(), 3 | 4 | 9)) {
        return None;
    }
    cue_at_word(v, i, floor)
}

fn cue_at_word(v: &View, i: usize, floor: usize) -> Option<CueAt> {
    let t = &v.tokens[i];
    if !v.outside(i) {
        return None;
    }
    let prev = (i > floor).then(|| &v.tokens[i - 1]);
    if t.has(CUE) {
        let prev_word = prev
            .filter(|p| p.is_word())
            .map(|p| &v.text[p.start()..p.end()]);
        // "to say", "That said,", "as noted": not attributions.
        if prev_word.is_some_and(|w| {
            ["to", "that", "as", "who", "the", "a"]
                .iter()
                .any(|k| w.eq_ignore_ascii_case(k))
        }) {
            return None;
        }
        if t.has(WEAK_CUE) {
            let next = v.tokens.get(i + 1)?;
            if !(next.is_word() && v.text[next.start()..next.end()].eq_ignore_ascii_case("that")) {
                return None;
            }
        }
        return Some(CueAt {
            at: i,
            last: i,
            according: false,
            noun: false,
        });
    }
    let word = &v.text[t.start()..t.end()];
    // Past this point a cue is a speech noun, `put`, `puts` or
    // `according`: most words are ruled out by their length alone.
    if !t.has(SPEECH_NOUN) && !matches!(word.len(), 3 | 4 | 9) {
        return None;
    }
    // "as a memo put it": the phrase before `put it` is the source.
    if (word == "put" || word == "puts")
        && v.tokens
            .get(i + 1)
            .is_some_and(|n| n.is_word() && v.text[n.start()..n.end()].eq_ignore_ascii_case("it"))
        && (floor.max(i.saturating_sub(8))..i).any(|m| {
            let p = &v.tokens[m];
            p.is_word() && v.text[p.start()..p.end()].eq_ignore_ascii_case("as")
        })
    {
        return Some(CueAt {
            at: i,
            last: i + 1,
            according: false,
            noun: false,
        });
    }
    if word.eq_ignore_ascii_case("according") {
        let next = v.tokens.get(i + 1)?;
        if next.is_word() && v.text[next.start()..next.end()].eq_ignore_ascii_case("to") {
            return Some(CueAt {
                at: i,
                last: i + 1,
                according: true,
                noun: false,
            });
        }
    }
    // "Ann Lee's suggestion that", "her comments".
    if t.has(SPEECH_NOUN)
        && let Some(p) = prev
    {
        let w = &v.text[p.start()..p.end()];
        let owner = w.ends_with("’s")
            || w.ends_with("'s")
            || ["his", "her", "their"]
                .iter()
                .any(|k| w.eq_ignore_ascii_case(k));
        if p.is_word() && owner {
            return Some(CueAt {
                at: i,
                last: i,
                according: false,
                noun: true,
            });
        }
    }
    None
}

/// Where a cue stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CuePlace {
    /// Right after a direct quote, nothing but punctuation between
    /// (`,” said Ann Lee`): an inverted speaker may follow.
    AfterQuote,
    /// Anywhere else.
    InClause,
}

/// The speaker of a cue: the subject before it, or the phrase after an
/// inverted cue (`,” said Ann Lee`) or `according to`, looked for in
/// `[floor, ceil)`.
pub(crate) fn speaker_of(
    people: &mut impl Resolve,
    v: &View,
    cue: CueAt,
    floor: usize,
    ceil: usize,
    place: CuePlace,
) -> Option<Speaker> {
    let after_quote = place == CuePlace::AfterQuote;
    if cue.according {
        return right(people, v, cue.last + 1, ceil);
    }
    let t = &v.tokens[cue.at];
    if cue.noun {
        // The possessor right before the noun.
        return left(people, v, floor, cue.at);
    }
    // "… dismissed reports that the government …", "Ann Lee, a press
    // aide, noted that the campaign …": after `that` comes the reported
    // clause, whose subject is not the speaker.
    let clause_next = v
        .tokens
        .get(cue.at + 1)
        .is_some_and(|n| n.is_word() && v.text[n.start()..n.end()].eq_ignore_ascii_case("that"));
    // "Ann Lee, head of the union, said he hopes …": a pronoun followed
    // by a verb opens the reported clause; it does not name the speaker.
    let pronoun_clause = v.tokens.get(cue.at + 1).is_some_and(|n| n.has(PRONOUN))
        && v.tokens
            .get(cue.at + 2)
            .is_some_and(|n| n.is_word() && !n.cap() && cue.at + 2 < ceil);
    let inverted_slot = t.has(INVERTS)
        && !t.has(LISTENER)
        && !clause_next
        && !pronoun_clause
        && (after_quote
            || cue.at == floor
            || v.tokens[cue.at - 1].is_punct(',')
            || matches!(v.tokens[cue.at - 1].kind(), Kind::Mark(_)));
    // "Ann Lee, the director of Acme, compared Tom Roe to …": a named
    // subject before the comma wins over the object after the cue.
    let comma_slot = !after_quote && cue.at > floor && v.tokens[cue.at - 1].is_punct(',');
    if inverted_slot
        && comma_slot
        && let Some(s) = left(people, v, floor, cue.at).filter(Speaker::is_named_person)
    {
        return Some(s);
    }
    if inverted_slot && let Some(s) = right(people, v, cue.at + 1, ceil) {
        return Some(s);
    }
    // "Ann Lee stressed the risk, saying that …": the participle's subject
    // opens the sentence.
    let word = &v.text[t.start()..t.end()];
    let participle = word.ends_with("ing");
    if participle && cue.at > floor && v.tokens[cue.at - 1].is_punct(',') {
        return clause_subject(people, v, floor, cue.at);
    }
    if let Some(s) = left(people, v, floor, cue.at) {
        return Some(s);
    }
    // "Ann Lee, the former mayor, praised … and said she …": the second
    // verb's subject opens the sentence; the pronoun after it agrees.
    if pronoun_clause
        && cue.at > floor
        && v.tokens[cue.at - 1].has(CONJ)
        && let Some(s) = clause_subject(people, v, floor, cue.at).filter(Speaker::is_named_person)
    {
        return Some(s);
    }
    if t.has(INVERTS)
        && !t.has(LISTENER)
        && !inverted_slot
        && !clause_next
        && let Some(s) = right(people, v, cue.at + 1, ceil)
    {
        return Some(s);
    }
    // "The nominee outlined a plan and vowed to …": a second verb shares
    // the subject that opens the sentence (no commas in between).
    let mut k = cue.at;
    while k > floor
        && v.tokens[k - 1].is_word()
        && !v.tokens[k - 1].cap()
        && v.tokens[k - 1].has(AUX)
    {
        k -= 1;
    }
    let coordinated = k > floor && v.tokens[k - 1].has(CONJ);
    let clean = cue.at - floor <= 80
        && (floor..cue.at).all(|m| v.tokens[m].is_word() || v.tokens[m].is_punct('.'));
    // "Ann Lee posted a video on Friday saying that …"; "Protesters
    // marching through the streets chanted …": a short clause's subject.
    if clean && (coordinated || participle || cue.at - floor <= 12) {
        return clause_subject(people, v, floor, cue.at);
    }
    None
}

/// Counts the words outside quotes in `[from, to)`.
pub(crate) fn content_words(v: &View, from: usize, to: usize) -> usize {
    (from..to)
        .filter(|&i| v.tokens[i].is_word() && v.outside(i))
        .count()
}

/// Whether the cue at `c` introduces reported content: "said", "says" and
/// "told" may take a bare clause ("NATO says it has no plans"); other verbs
/// ("pledged", "acknowledged") often take a plain object, so they need a
/// "that" or a colon soon after, or to close the sentence inverted
/// ("…, officials warned.").
pub(crate) fn introduces_clause(v: &View, c: CueAt, ceil: usize) -> bool {
    let t = &v.tokens[c.at];
    let word = &v.text[t.start()..t.end()];
    if c.according
        || [
            "said", "says", "say", "told", "tells", "tell", "saying", "telling",
        ]
        .iter()
        .any(|k| word.eq_ignore_ascii_case(k))
    {
        return true;
    }
    let mut i = c.last + 1;
    if i >= ceil || matches!(v.tokens[i].kind(), Kind::Punct('.') | Kind::Punct(':')) {
        return true;
    }
    // "acknowledged the need for … that": an object first is no clause.
    let first = &v.tokens[i];
    let first_word = &v.text[first.start()..first.end()];
    if !(first_word.eq_ignore_ascii_case("that") || first.has(PREP | TIME) || first.cap()) {
        return false;
    }
    let limit = (i + 8).min(ceil);
    while i < limit {
        let n = &v.tokens[i];
        if n.is_word() && v.text[n.start()..n.end()].eq_ignore_ascii_case("that") {
            return true;
        }
        if !n.is_word() {
            return false;
        }
        i += 1;
    }
    false
}
