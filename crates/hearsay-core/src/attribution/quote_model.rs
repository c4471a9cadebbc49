//! The quote model's stage: every kept direct quote and every reported
//! sentence becomes a quote suggestion, its confidence from the quote
//! model when there is one (else from the rules, [`direct`]), its features
//! told to the observer.
//!
//! Rule: the features say what the rules already know of the quote (their
//! confidence, its shape, how its speaker was found, the cue model's
//! confidence of reported speech); the model learns how far to trust each.
//!
//! Example: a short fragment in quotation marks ("a sham") without a
//! speaker gets a lower confidence than a full sentence attributed by a
//! cue.

use crate::attribution::quotes::Quote;
use crate::attribution::{Ctx, DirectQuote, Reported};
use crate::confidence::{
    DIRECT_ATTRIBUTED, DIRECT_CARRIED, DIRECT_FRAGMENT_PENALTY, DIRECT_UNATTRIBUTED,
    DIRECT_UNCLOSED_FACTOR, QUOTE_MODEL_FLOOR,
};
use crate::found::Found;
use crate::learn::{Features, Model, Sink};
use crate::models::Observer;
use crate::{Label, QuoteKind};

/// The reported speech and the kept direct quotes as suggestions, their
/// confidence from the quote model when there is one (its features also
/// go to `observer`).
pub(crate) fn suggestions(
    ctx: &Ctx,
    model: Option<&Model>,
    observer: &mut dyn Observer,
) -> Vec<Found> {
    let t = ctx.v.tokens;
    let mut found = Vec::with_capacity(ctx.reported.len() + ctx.quotes.len());
    let mut f = Features::default();
    for r in &ctx.reported {
        let bytes = t[r.content.0].start()..t[r.content.1].end();
        f.clear();
        reported_features(ctx, r, &mut f);
        found.push(Found {
            label: Label::Quote,
            bytes,
            kind: Some(QuoteKind::Reported),
            speaker: r.speaker.clone(),
            cue: Some(r.cue.clone()),
            confidence: model.map_or(r.confidence, |m| m.probability(&f)),
            speaker_confidence: r.speaker_confidence,
        });
        if observer.records() {
            observer.quote(found[found.len() - 1].bytes.clone(), &f);
        }
        drop_below_floor(&mut found, model);
    }
    for (q, d) in ctx.quotes.iter().zip(&ctx.direct).filter(|(_, d)| d.keep) {
        let attribution = match (&d.speaker, d.attributed) {
            (Some(_), true) => Attribution::Found,
            (Some(_), false) => Attribution::Carried,
            (None, _) => Attribution::None,
        };
        f.clear();
        direct_features(q, d, attribution, &mut f);
        found.push(Found {
            label: Label::Quote,
            bytes: d.start..q.end,
            kind: Some(QuoteKind::Direct),
            speaker: d.speaker.clone(),
            cue: d.cue.clone(),
            confidence: model.map_or_else(|| direct(attribution, q), |m| m.probability(&f)),
            speaker_confidence: d.speaker_confidence,
        });
        if observer.records() {
            observer.quote(found[found.len() - 1].bytes.clone(), &f);
        }
        drop_below_floor(&mut found, model);
    }
    found
}

/// Takes the last suggestion back when the quote model gives it less than
/// [`QUOTE_MODEL_FLOOR`]: more likely rejected than accepted. The shipped
/// model gives no corpus quote less than 0.43; a model that learned from a
/// person's rejections stops suggesting what they keep rejecting.
fn drop_below_floor(found: &mut Vec<Found>, model: Option<&Model>) {
    if model.is_some()
        && found
            .last()
            .is_some_and(|q| q.confidence < QUOTE_MODEL_FLOOR)
    {
        found.pop();
    }
}

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
