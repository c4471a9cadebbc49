//! The pipeline, pass by pass: tokens → sentences → boilerplate → quotes →
//! attribution (speakers, reported speech) → denials and claims → the
//! public [`Analysis`] in code points.
//!
//! Rule: every pass works on byte offsets of the original text, and
//! offsets are converted to code points once, at the end ([`found`]). Each
//! pass is linear in the text; the people memory is consulted by hash, and
//! every look-back (pronouns, roles, cues, apposition) is bounded.
//!
//! Example: `“Go,” said Ann Lee.` gives one sentence and one direct quote
//! `Go` by "Ann Lee" with the cue "said".

use crate::attribution::{self, Ctx, quotes};
use crate::confidence::{self, Attribution};
use crate::found::{self, Found};
use crate::learn::{Features, Model};
use crate::models::{Models, Trace};
use crate::stance::claims::{ClaimPass, Tracing};
use crate::text::normalise::tokenize;
use crate::text::{boilerplate, sentences};
use crate::{Analysis, Config, Label, QuoteKind, stance};

/// Runs the whole analysis; also returns the work attribution did, in
/// tokens looked at (see [`View::steps`](crate::attribution::view::View)).
pub(crate) fn run(
    text: &str,
    config: &Config,
    models: &Models,
    mut trace: Option<&mut Trace>,
) -> (Analysis, u64) {
    let tokens = tokenize(text);
    let mut sents = sentences::split(text, &tokens);
    boilerplate::mark(text, &tokens, &mut sents);
    let mut quoted = quotes::find(text, &tokens);
    let diagnostics = std::mem::take(&mut quoted.diagnostics);
    let mut ctx = Ctx::new(text, &tokens, &sents, &quoted);
    ctx.rules_seen = !models.without_rules;
    attribution::attribute(&mut ctx, models.cue.as_ref());
    if let Some(trace) = trace.as_deref_mut() {
        attribution::learned_cues::record(&ctx, trace);
    }
    attribution::heads::rank(&mut ctx, models.speaker.as_ref(), trace.as_deref_mut());
    let mut found = quote_suggestions(&ctx, models.quote.as_ref(), trace.as_deref_mut());
    let tracing = if trace.is_some() {
        Tracing::On
    } else {
        Tracing::Off
    };
    let mut claims = ClaimPass::new(&ctx, config, models.claim.as_ref(), tracing);
    for (si, s) in sents.iter().enumerate() {
        if s.boilerplate {
            continue;
        }
        found.extend(stance::denial(&mut ctx, si, models, trace.as_deref_mut()));
        found.extend(claims.sentence(&ctx, si, trace.as_deref_mut()));
    }
    let steps = ctx.v.steps.get();
    let analysis = found::into_analysis(text, config, &sents, found, diagnostics, &ctx.people);
    (analysis, steps)
}

/// The reported speech and the kept direct quotes as suggestions, their
/// confidence from the quote model when there is one (its features also
/// go to `trace`).
fn quote_suggestions(
    ctx: &Ctx,
    model: Option<&Model>,
    mut trace: Option<&mut Trace>,
) -> Vec<Found> {
    let t = ctx.v.tokens;
    let mut found = Vec::with_capacity(ctx.reported.len() + ctx.quotes.len());
    let mut f = Features::default();
    for r in &ctx.reported {
        let bytes = t[r.content.0].start()..t[r.content.1].end();
        f.clear();
        confidence::reported_features(ctx, r, &mut f);
        found.push(Found {
            label: Label::Quote,
            bytes,
            kind: Some(QuoteKind::Reported),
            speaker: r.speaker.clone(),
            cue: Some(r.cue.clone()),
            confidence: model.map_or(r.confidence, |m| m.probability(&f)),
            speaker_confidence: r.speaker_confidence,
        });
        if let Some(trace) = trace.as_deref_mut() {
            trace
                .quotes
                .push((found[found.len() - 1].bytes.clone(), f.clone()));
        }
    }
    for (q, d) in ctx.quotes.iter().zip(&ctx.direct).filter(|(_, d)| d.keep) {
        let attribution = match (&d.speaker, d.attributed) {
            (Some(_), true) => Attribution::Found,
            (Some(_), false) => Attribution::Carried,
            (None, _) => Attribution::None,
        };
        f.clear();
        confidence::direct_features(q, d, attribution, &mut f);
        found.push(Found {
            label: Label::Quote,
            bytes: d.start..q.end,
            kind: Some(QuoteKind::Direct),
            speaker: d.speaker.clone(),
            cue: d.cue.clone(),
            confidence: model
                .map_or_else(|| confidence::direct(attribution, q), |m| m.probability(&f)),
            speaker_confidence: d.speaker_confidence,
        });
        if let Some(trace) = trace.as_deref_mut() {
            trace
                .quotes
                .push((found[found.len() - 1].bytes.clone(), f.clone()));
        }
    }
    found
}
