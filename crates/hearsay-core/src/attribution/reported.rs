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
                ctx.reported.push(Reported {
                    sentence: si,
                    speaker,
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
