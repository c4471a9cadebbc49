//! What is asserted or refused: denials and check-worthy claims, sentence
//! by sentence, after attribution has named who speaks.
//!
//! Rule: a denial's speaker is the speaker of the quote its cue stands in,
//! else the speaker of its sentence's reported speech, else the subject
//! before its cue. A claim is scored by the claim model, or by the rules
//! when the build has none ([`claims`]); one said by someone (in reported
//! speech or a quote with a speaker) is told apart.
//!
//! Example: `The mayor ruled out new taxes.` is a denial by "the mayor".

pub(crate) mod claim_features;
pub(crate) mod claims;
pub(crate) mod denials;

use crate::Label;
use crate::attribution::Ctx;
use crate::attribution::quotes::NONE;
use crate::attribution::speakers::walk::left;
use crate::confidence::DENIAL;
use crate::found::Found;

/// The denial in sentence `si`, if it holds one.
pub(crate) fn denial(ctx: &mut Ctx, si: usize) -> Option<Found> {
    let s = ctx.sentences[si];
    let c = denials::find(ctx.v.text, ctx.v.tokens, s.first, s.last)?;
    let q = ctx.v.inside[c.first];
    let speaker = if q != NONE && ctx.direct[q as usize].keep {
        ctx.direct[q as usize].speaker.clone()
    } else {
        ctx.sentence_speaker[si]
            .clone()
            .or_else(|| left(&mut ctx.people, &ctx.v, s.first, c.first))
    };
    Some(Found {
        label: Label::Denial,
        bytes: s.start..s.end,
        kind: None,
        speaker,
        cue: Some(ctx.words(c.first, c.last)),
        confidence: DENIAL,
    })
}
