//! Scoring sentences as check-worthy claims: by the claim model when the
//! build has one, else by hand-set rules.
//!
//! Model: a logistic model over the features of
//! [`claim_features`](crate::stance::claim_features) (words, figures,
//! comparisons, names, tense, person, length, neighbours, place), trained
//! by `hearsay-train` on the 19 training debates and speeches of CLEF
//! CheckThat! 2019 task 1 (free for research use), where a line is
//! check-worthy when the task's fact-checkers chose to check it. Its
//! Platt-calibrated probability is the claim's confidence, and a sentence
//! is suggested when that reaches [`CLAIM_MODEL_THRESHOLD`].
//! `hearsay-train claims` measures it leave-one-debate-out: MAP 0.203 and
//! P@10 0.284 as shipped (0.223 with every line scored), where the rules
//! give 0.180 and suggesting nothing 0.107; expected calibration error
//! 0.001.
//!
//! Rules: a claim is a declarative sentence that a fact-checker could test:
//! it states a figure, a prediction, a cause, or it is an assertion
//! attributed to someone. Questions, short lines, headlines without a verb
//! and opinion-laden sentences ("should", "terrible", first person) score
//! low. The score is a sum of such signals, clamped to `[0, 1]`.
//!
//! Example: `Unemployment rose to 7 percent in May, the agency said.` is a
//! claim (a figure, attributed); `What should we do?` is not.

use crate::attribution::Ctx;
use crate::attribution::quotes::NONE;
use crate::confidence::{
    CLAIM_ATTRIBUTED, CLAIM_BASE, CLAIM_CAUSAL, CLAIM_FUTURE, CLAIM_MAX, CLAIM_MODEL_THRESHOLD,
    CLAIM_NO_FINAL_STOP, CLAIM_NUMBER, CLAIM_OPINION, CLAIM_QUANTITY, CLAIM_THRESHOLD,
    CLAIM_WH_OPENING,
};
use crate::found::Found;
use crate::learn::{Features, Model};
use crate::models::Observer;
use crate::stance::claim_features::Context;
use crate::text::lexicon::{CAUSAL, FUTURE, OPINION, QUANTITY, WH};
use crate::text::normalise::{Kind, Token};
use crate::{Config, Label};

/// Whether a sentence is said to be someone's assertion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Asserted {
    /// Someone is said to assert it (reported speech, a quote with a
    /// speaker).
    BySomeone,
    /// It stands on its own.
    Plainly,
}

/// The claims of a text, sentence by sentence, and their features for a
/// trace.
pub(crate) struct ClaimPass<'m> {
    /// Whether claims are suggested ([`Config::claims`]).
    suggest: bool,
    /// The claim model, if the build has one.
    model: Option<&'m Model>,
    /// The features' context, when a model or a trace reads features.
    context: Option<Context>,
    /// The features of the sentence at hand (reused).
    f: Features,
}

impl<'m> ClaimPass<'m> {
    /// The pass over the text of `ctx`; an observer that `records` gets
    /// every sentence's features.
    pub(crate) fn new(
        ctx: &Ctx,
        config: &Config,
        model: Option<&'m Model>,
        records: bool,
    ) -> ClaimPass<'m> {
        let features = records || (config.claims && model.is_some());
        ClaimPass {
            suggest: config.claims,
            model,
            context: features.then(|| Context::new(ctx.v.text, ctx.v.tokens, ctx.sentences)),
            f: Features::default(),
        }
    }

    /// The claim sentence `si` makes, if it is check-worthy (and claims are
    /// suggested); tells `observer` its features.
    pub(crate) fn sentence(
        &mut self,
        ctx: &Ctx,
        si: usize,
        observer: &mut dyn Observer,
    ) -> Option<Found> {
        if !self.suggest && self.context.is_none() {
            return None;
        }
        let s = ctx.sentences[si];
        let asserted = asserted(ctx, si);
        if let Some(context) = &self.context {
            context.features(si, asserted, &mut self.f);
            observer.claim(s.start..s.end, &self.f);
        }
        if !self.suggest {
            return None;
        }
        let confidence = match self.model {
            Some(model) => Some(model.probability(&self.f)).filter(|&p| p >= CLAIM_MODEL_THRESHOLD),
            None => score(ctx.v.text, ctx.v.tokens, s.first, s.last, asserted),
        }?;
        Some(Found {
            label: Label::Claim,
            bytes: s.start..s.end,
            kind: None,
            speaker: None,
            cue: None,
            confidence,
            speaker_confidence: None,
        })
    }
}

/// Whether sentence `si` is someone's assertion: it holds reported speech
/// or a kept direct quote with a speaker.
fn asserted(ctx: &Ctx, si: usize) -> Asserted {
    let s = ctx.sentences[si];
    let quoted = (s.first..s.last).any(|m| {
        let q = ctx.v.inside[m];
        q != NONE && ctx.direct[q as usize].keep && ctx.direct[q as usize].speaker.is_some()
    });
    if ctx.sentence_speaker[si].is_some() || quoted {
        Asserted::BySomeone
    } else {
        Asserted::Plainly
    }
}

/// The rules' claim confidence of the sentence `[first, last)`, or `None`
/// when it is no claim.
pub(crate) fn score(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    asserted: Asserted,
) -> Option<f32> {
    let toks = &tokens[first..last];
    let words = toks.iter().filter(|t| t.is_word()).count();
    if words < 6 {
        return None;
    }
    let end = toks.last()?;
    // "Why now?": questions assert nothing.
    if toks.iter().rev().take(3).any(|t| t.is_punct('?')) {
        return None;
    }
    let mut score: f32 = CLAIM_BASE;
    let has_number = toks.iter().any(|t| {
        (t.is_word() && text[t.start()..t.end()].starts_with(|c: char| c.is_ascii_digit()))
            || matches!(
                t.kind(),
                Kind::Punct('$') | Kind::Punct('%') | Kind::Punct('€') | Kind::Punct('£')
            )
    });
    if has_number {
        score += CLAIM_NUMBER;
    }
    if toks.iter().any(|t| t.has(QUANTITY)) {
        score += CLAIM_QUANTITY;
    }
    if toks.iter().any(|t| t.has(FUTURE)) {
        score += CLAIM_FUTURE;
    }
    if toks.iter().any(|t| t.has(CAUSAL)) {
        score += CLAIM_CAUSAL;
    }
    if asserted == Asserted::BySomeone {
        score += CLAIM_ATTRIBUTED;
    }
    let opinions = toks.iter().filter(|t| t.has(OPINION)).count();
    score -= CLAIM_OPINION * opinions.min(3) as f32;
    if toks.first().is_some_and(|t| t.has(WH)) {
        score -= CLAIM_WH_OPENING;
    }
    // A line without final punctuation: a headline or caption.
    if !matches!(
        end.kind(),
        Kind::Punct('.') | Kind::Punct('!') | Kind::Mark(_) | Kind::Punct(')')
    ) {
        score -= CLAIM_NO_FINAL_STOP;
    }
    let score = score.clamp(0.0, CLAIM_MAX);
    (score >= CLAIM_THRESHOLD).then_some(score)
}

#[cfg(test)]
mod tests {
    use crate::learn::{Features, Model, Options, fit_platt, train_binary};
    use crate::models::{Models, Trace, Unobserved};
    use crate::{Analysis, Config, Label, analyze_with};

    /// Sentences written for this test, one a line, with whether a
    /// fact-checker would check them: figures, records and comparisons are
    /// check-worthy; opinions, thanks and questions are not.
    const TRAIN: &[(&str, bool)] = &[
        (
            "Exports to Norway fell by 12 percent in the last quarter.",
            true,
        ),
        (
            "The county spent $4.2 million on road repairs in 2021.",
            true,
        ),
        (
            "Unemployment has doubled since the mill closed in 2009.",
            true,
        ),
        (
            "Our state has the highest fuel tax in the whole region.",
            true,
        ),
        (
            "The plan would cost taxpayers $900 billion over ten years.",
            true,
        ),
        (
            "Crime dropped 30 percent after the city hired 200 officers.",
            true,
        ),
        (
            "Wages grew faster under the last governor than under this one.",
            true,
        ),
        ("The hospital treated 1,400 patients in March alone.", true),
        ("Fewer than 40 percent of voters turned out in 2018.", true),
        (
            "The agency has lost 3,000 jobs since the merger in 2015.",
            true,
        ),
        ("I think we all want what is best for our children.", false),
        ("Thank you all so much for being here tonight.", false),
        ("What would you do about the bridge?", false),
        ("I love this town and I love the people in it.", false),
        ("Why should anyone trust you on this?", false),
        ("We have to come together and do better.", false),
        ("It is a great honour to stand on this stage.", false),
        ("How do you answer your critics on taxes?", false),
        ("I believe in hard work and I believe in fairness.", false),
        ("You know, people feel it every single day.", false),
    ];

    fn traced(text: &str, models: &Models) -> (Analysis, Trace) {
        let mut trace = Trace::default();
        let (analysis, _) = analyze_with(text, &Config::default(), models, &mut trace);
        (analysis, trace)
    }

    fn tiny_model() -> Model {
        let text: Vec<&str> = TRAIN.iter().map(|(s, _)| *s).collect();
        let (_, trace) = traced(&text.join("\n"), &Models::rules_only());
        assert_eq!(trace.claims.len(), TRAIN.len());
        let examples: Vec<(Features, bool)> = trace
            .claims
            .into_iter()
            .zip(TRAIN)
            .map(|((_, f), (_, y))| (f, *y))
            .collect();
        let opts = Options {
            bits: 12,
            epochs: 20,
            ..Options::default()
        };
        let mut model = train_binary(&examples, &opts);
        let pairs: Vec<(f32, bool)> = examples.iter().map(|(f, y)| (model.score(f), *y)).collect();
        model.calibration = fit_platt(&pairs);
        model
    }

    #[test]
    fn a_tiny_model_ranks_a_figure_above_an_opinion_and_a_question() {
        let model = tiny_model();
        let text = "Rents rose by 18 percent in 2022, to $1,250 a month.\n\
                    I feel we deserve a kinder politics.\n\
                    Where were you when the plant closed?";
        let models = Models {
            claim: Some(model.clone()),
            ..Models::rules_only()
        };
        let (analysis, trace) = traced(text, &models);
        let p: Vec<f32> = trace
            .claims
            .iter()
            .map(|(_, f)| model.probability(f))
            .collect();
        assert!(p[0] > p[1] && p[0] > p[2], "{p:?}");
        assert!(
            analysis
                .suggestions
                .iter()
                .any(|s| s.label == Label::Claim && s.start == 0)
        );
        // The pipeline's confidence is the model's calibrated probability,
        // and a claim is suggested only from the threshold on.
        for s in analysis
            .suggestions
            .iter()
            .filter(|s| s.label == Label::Claim)
        {
            let k = trace.claims.iter().position(|(b, _)| b.start == s.start);
            let k = k.expect("every claim is a traced sentence");
            assert_eq!(s.confidence, p[k]);
            assert!(s.confidence >= crate::confidence::CLAIM_MODEL_THRESHOLD);
        }
    }

    #[test]
    fn without_a_model_the_rules_score_claims() {
        let text = "Unemployment rose to 7.2 percent in March, the statistics office said.";
        let (analysis, _) = analyze_with(
            text,
            &Config::default(),
            &Models::rules_only(),
            &mut Unobserved,
        );
        let claims: Vec<f32> = analysis
            .suggestions
            .iter()
            .filter(|s| s.label == Label::Claim)
            .map(|s| s.confidence)
            .collect();
        // Base 0.2, a figure 0.3, a quantity word 0.15, attributed 0.25.
        assert_eq!(claims, [0.9]);
    }

    #[test]
    fn a_trace_records_every_sentence_even_without_claims() {
        let text = "Exports fell by 12 percent.\nWhy?\nThe mayor spoke on Monday.";
        let mut trace = Trace::default();
        let config = Config {
            claims: false,
            ..Config::default()
        };
        let (analysis, _) = analyze_with(text, &config, Models::embedded(), &mut trace);
        assert!(analysis.suggestions.iter().all(|s| s.label != Label::Claim));
        let spans: Vec<&str> = trace.claims.iter().map(|(b, _)| &text[b.clone()]).collect();
        assert_eq!(
            spans,
            [
                "Exports fell by 12 percent.",
                "Why?",
                "The mayor spoke on Monday."
            ]
        );
    }
}
