//! Reported speech: a sentence that says what someone said without quoting
//! it.
//!
//! Rule: a sentence is reported speech when a cue not already used by a
//! direct quote has a subject (or an inverted speaker, `…, officials said`),
//! introduces a clause (see [`cues::introduces_clause`]) and leaves at least
//! a few words of reported content outside quotation marks and beyond the
//! speaker's own words. The span is the sentence; its speaker is lent to a
//! denial in it and makes its claim attributed.
//!
//! Example: `The minister told reporters that the plan was dead.` is
//! reported speech by "the minister", with the cue "told".

use crate::attribution::cues::{self, CuePlace};
use std::ops::Range;

use crate::attribution::{Ctx, Reported};
use crate::confidence::{
    REPORTED_ACCORDING_TO, REPORTED_BESIDE_QUOTE, REPORTED_SPEECH_NOUN, REPORTED_SPEECH_VERB,
};

/// The fewest words of reported content beyond the speaker's own.
const MIN_CONTENT_WORDS: usize = 3;

/// Looks for reported speech in sentence `si`: the first unused cue that
/// qualifies makes it so.
pub(crate) fn find(ctx: &mut Ctx, si: usize) {
    let s = ctx.sentences[si];
    // Counted once per sentence, when first needed: a sentence of many
    // cues must not be rescanned for each.
    let mut outside_words: Option<usize> = None;
    let mut quoted_sentence: Option<bool> = None;
    let mut i = s.first;
    while i < s.last {
        if ctx.used_cues[i] {
            i += 1;
            continue;
        }
        let Some(c) = cues::cue_at(&ctx.v, i, s.first) else {
            i += 1;
            continue;
        };
        let speaker = cues::speaker_of(
            &mut ctx.people,
            &ctx.v,
            c,
            s.first,
            s.last,
            CuePlace::InClause,
        );
        if c.noun || !cues::introduces_clause(&ctx.v, c, s.last) {
            i = c.last + 1;
            continue;
        }
        if let Some(speaker) = speaker {
            let v = &ctx.v;
            let outside =
                *outside_words.get_or_insert_with(|| cues::content_words(v, s.first, s.last));
            let cue_words = (c.at..=c.last).filter(|&m| v.tokens[m].is_word()).count();
            let words = outside.saturating_sub(cue_words);
            let speaker_words = v.tokens[s.first..s.last]
                .iter()
                .filter(|t| t.is_word() && t.start() >= speaker.start && t.end() <= speaker.end)
                .count();
            let quoted =
                *quoted_sentence.get_or_insert_with(|| (s.first..s.last).any(|m| !v.outside(m)));
            if words >= speaker_words + MIN_CONTENT_WORDS {
                ctx.used_cues[c.at] = true;
                ctx.sentence_speaker[si] = Some(speaker.clone());
                let content = clause(ctx, si, c.at..c.last + 1).unwrap_or((s.first, s.last - 1));
                ctx.reported.push(Reported {
                    sentence: si,
                    speaker: Some(speaker),
                    content,
                    cue: ctx.words(c.at, c.last),
                    cue_at: (c.at, c.last),
                    speaker_confidence: None,
                    confidence: if c.according {
                        REPORTED_ACCORDING_TO
                    } else if c.noun {
                        REPORTED_SPEECH_NOUN
                    } else if quoted {
                        REPORTED_BESIDE_QUOTE
                    } else {
                        REPORTED_SPEECH_VERB
                    },
                });
                return;
            }
        }
        i = c.last + 1;
    }
}

/// The tokens of what the cue at `cue` in sentence `si` reports, first and
/// last: after the cue (and a `that`) when enough words follow it, else
/// before it (`…, officials said.`); after the source of a sentence opening
/// with `according to`.
pub(crate) fn clause(ctx: &Ctx, si: usize, cue: Range<usize>) -> Option<(usize, usize)> {
    let v = &ctx.v;
    let s = ctx.sentences[si];
    let (ca, cb) = (cue.start, cue.end - 1);
    let mut last = s.last.saturating_sub(1).max(s.first);
    while last > s.first && !v.tokens[last].is_word() {
        last -= 1;
    }
    // Three words after the cue are enough to know: counted no further.
    let words_after = (cb + 1..=last)
        .filter(|&k| {
            v.step();
            v.tokens[k].is_word()
        })
        .take(3)
        .count();
    let according = v.is(ca, "according");
    let (mut first, mut end) = if according && ca <= s.first + 1 {
        // "According to X, …": after the first comma past the source.
        let comma = (cb + 1..last.min(cb + 40)).find(|&k| v.tokens[k].is_punct(','));
        (comma.map_or(cb + 1, |c| c + 1), last)
    } else if according || words_after < 3 {
        // "…, Ann Lee said.", "…, according to X.": up to the comma or dash
        // before the source, else before the phrase right before the cue.
        let floor = ca.saturating_sub(14).max(s.first);
        let sep = (floor..ca).rev().find(|&k| {
            let t = &v.tokens[k];
            t.is_punct(',') || t.is_dash() && !t.is_punct('-')
        });
        let end = match sep {
            Some(k) => k.saturating_sub(1),
            None => {
                let mut k = ca;
                while k > s.first && k + 12 > ca && v.np_ok(k - 1) {
                    k -= 1;
                }
                k.saturating_sub(1)
            }
        };
        (s.first, end.max(s.first))
    } else {
        // "said on Friday that …": from the `that` a few words on.
        let that = (cb + 1..(cb + 6).min(last)).find(|&k| v.is(k, "that"));
        (that.map_or(cb + 1, |k| k + 1), last)
    };
    while first < end && (!v.tokens[first].is_word() || v.is(first, "that")) {
        first += 1;
    }
    while end > first && !v.tokens[end].is_word() {
        end -= 1;
    }
    (first < end).then_some((first, end))
}
