//! Every confidence the extractor gives, in one place, so that a model or a
//! calibration step can replace them without reading the passes.
//!
//! A confidence is what the extractor believes the chance to be that a
//! person reviewing the suggestion accepts it as it stands. The page orders
//! the review and filters by it.

use crate::attribution::quotes::Quote;
use crate::attribution::{Ctx, DirectQuote, Reported};
use crate::learn::{Features, Sink};

/// A direct quote whose speaker was found next to it (a cue, a transcript
/// label, a signature dash or an introducing colon).
pub(crate) const DIRECT_ATTRIBUTED: f32 = 0.93;
/// A direct quote whose speaker was carried over from a neighbouring quote
/// of the same speaker.
pub(crate) const DIRECT_CARRIED: f32 = 0.8;
/// A direct quote without a speaker.
pub(crate) const DIRECT_UNATTRIBUTED: f32 = 0.6;
/// Taken off a short fragment ("a sham") that is no full sentence: such
/// fragments are as often scare quotes as speech.
pub(crate) const DIRECT_FRAGMENT_PENALTY: f32 = 0.08;
/// The factor for a quote whose closing mark was never found.
pub(crate) const DIRECT_UNCLOSED_FACTOR: f32 = 0.6;

/// Reported speech introduced by `according to`.
pub(crate) const REPORTED_ACCORDING_TO: f32 = 0.75;
/// Reported speech introduced by a speech noun ("her suggestion that").
pub(crate) const REPORTED_SPEECH_NOUN: f32 = 0.5;
/// Reported speech in a sentence that also holds a direct quote.
pub(crate) const REPORTED_BESIDE_QUOTE: f32 = 0.6;
/// Reported speech introduced by a speech verb.
pub(crate) const REPORTED_SPEECH_VERB: f32 = 0.7;

/// A cue's calibrated probability from which it introduces reported speech.
pub(crate) const REPORTED_MIN_CUE: f32 = 0.65;

/// A denial, when no model scores it.
pub(crate) const DENIAL: f32 = 0.8;
/// A denial pattern's probability from which it is suggested.
pub(crate) const DENIAL_THRESHOLD: f32 = 0.1;

/// What a claim's score starts from.
pub(crate) const CLAIM_BASE: f32 = 0.2;
/// Added for a figure (a digit, `$`, `%`, `€`, `£`).
pub(crate) const CLAIM_NUMBER: f32 = 0.3;
/// Added for a quantity word ("doubled", "most").
pub(crate) const CLAIM_QUANTITY: f32 = 0.15;
/// Added for a prediction ("will").
pub(crate) const CLAIM_FUTURE: f32 = 0.15;
/// Added for a cause ("because", "led to").
pub(crate) const CLAIM_CAUSAL: f32 = 0.15;
/// Added for an assertion attributed to someone.
pub(crate) const CLAIM_ATTRIBUTED: f32 = 0.25;
/// Taken off for each opinion word, at most three times.
pub(crate) const CLAIM_OPINION: f32 = 0.15;
/// Taken off for a sentence opening with a question word.
pub(crate) const CLAIM_WH_OPENING: f32 = 0.2;
/// Taken off for a line without final punctuation (a headline, a caption).
pub(crate) const CLAIM_NO_FINAL_STOP: f32 = 0.2;
/// The highest claim confidence.
pub(crate) const CLAIM_MAX: f32 = 0.95;
/// Claims scoring below this are not suggested (by the rules).
pub(crate) const CLAIM_THRESHOLD: f32 = 0.5;

/// The claim model's calibrated probability from which a sentence is
/// suggested as a claim.
///
/// A trade-off, measured by `hearsay-train claims`: the CheckThat! measure
/// ranks every line, and a line left without a claim falls back to text
/// order, so a lower threshold gives a higher MAP (leave-one-debate-out
/// 0.223 when every sentence is scored, 0.221 from 0.05, 0.203 from 0.1,
/// 0.185 from 0.15). But news sentences hold more figures and names than
/// a debate's, and from 0.05 more than half of the PolNeAR dev sentences
/// would be claims; from 0.1 a quarter are (24.9%, about as many as the
/// rules suggested: 26.9%), with 3.4% of debate lines.
pub(crate) const CLAIM_MODEL_THRESHOLD: f32 = 0.1;

/// The confidence of a direct quote, from how its speaker was found and
/// its shape.
pub(crate) fn direct(attribution: Attribution, quote: &Quote) -> f32 {
    let mut confidence = match attribution {
        Attribution::Found => DIRECT_ATTRIBUTED,
        Attribution::Carried => DIRECT_CARRIED,
        Attribution::None => DIRECT_UNATTRIBUTED,
    };
    if quote.is_fragment() {
        confidence -= DIRECT_FRAGMENT_PENALTY;
    }
    if !quote.closed && !quote.continues {
        confidence *= DIRECT_UNCLOSED_FACTOR;
    }
    confidence
}

/// Feature templates of the quote model.
mod t {
    pub const KIND: u32 = 301;
    pub const RAW: u32 = 302;
    pub const RAW_LOGIT: u32 = 303;
    pub const SHAPE: u32 = 304;
    pub const ATTRIBUTION: u32 = 305;
    pub const WORDS: u32 = 306;
    pub const SPEAKER: u32 = 307;
    pub const CUE: u32 = 308;
}

/// The logit of a probability, bounded.
fn logit(p: f32) -> f32 {
    let p = p.clamp(1e-4, 1.0 - 1e-4);
    (p / (1.0 - p)).ln()
}

/// A coarse bucket of a probability.
fn tenth(p: Option<f32>) -> u64 {
    p.map_or(10, |p| (p.clamp(0.0, 0.999) * 10.0) as u64)
}

/// The features of a direct quote for the quote model: the rules'
/// confidence, the quote's shape, how its speaker was found.
pub(crate) fn direct_features(
    q: &Quote,
    d: &DirectQuote,
    attribution: Attribution,
    f: &mut Features,
) {
    let raw = direct(attribution, q);
    f.with(t::KIND, 0);
    f.with(t::RAW, tenth(Some(raw)));
    f.real(t::RAW_LOGIT, logit(raw));
    let shape = u64::from(q.is_fragment())
        | u64::from(q.closed) << 1
        | u64::from(q.continues) << 2
        | u64::from(q.single) << 3
        | u64::from(q.clause) << 4;
    f.with(t::SHAPE, shape);
    f.with(t::ATTRIBUTION, attribution as u64 * 2 + u64::from(d.signed));
    f.with(t::WORDS, q.words.min(40) as u64 / 4);
    f.with(t::SPEAKER, tenth(d.speaker_confidence));
}

/// The features of a reported sentence for the quote model: its cue and the
/// cue model's confidence, its length, whether it has a speaker.
pub(crate) fn reported_features(ctx: &Ctx, r: &Reported, f: &mut Features) {
    f.with(t::KIND, 1);
    f.with(t::RAW + 100, tenth(Some(r.confidence)));
    f.real(t::RAW_LOGIT + 100, logit(r.confidence));
    f.text(t::CUE, &r.cue);
    let words = (r.content.0..=r.content.1)
        .filter(|&k| ctx.v.tokens[k].is_word())
        .take(40)
        .count();
    f.with(t::WORDS + 100, words as u64 / 4);
    f.with(
        t::SPEAKER + 100,
        tenth(r.speaker_confidence) * 2 + u64::from(r.speaker.is_some()),
    );
}

/// How a quote's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Attribution {
    /// Next to the quote.
    Found,
    /// From a neighbouring quote.
    Carried,
    /// Not at all.
    None,
}
