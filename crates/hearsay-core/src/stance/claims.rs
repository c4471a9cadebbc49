//! Scoring sentences as check-worthy claims.
//!
//! Rule: a claim is a declarative sentence that a fact-checker could test:
//! it states a figure, a prediction, a cause, or it is an assertion
//! attributed to someone. Questions, short lines, headlines without a verb
//! and opinion-laden sentences ("should", "terrible", first person) score
//! low. The score is a sum of such signals, clamped to `[0, 1]`.
//!
//! Example: `Unemployment rose to 7 percent in May, the agency said.` is a
//! claim (a figure, attributed); `What should we do?` is not.

use crate::confidence::{
    CLAIM_ATTRIBUTED, CLAIM_BASE, CLAIM_CAUSAL, CLAIM_FUTURE, CLAIM_MAX, CLAIM_NO_FINAL_STOP,
    CLAIM_NUMBER, CLAIM_OPINION, CLAIM_QUANTITY, CLAIM_THRESHOLD, CLAIM_WH_OPENING,
};
use crate::text::lexicon::{CAUSAL, FUTURE, OPINION, QUANTITY, WH};
use crate::text::normalise::{Kind, Token};

/// Whether a sentence is said to be someone's assertion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Asserted {
    /// Someone is said to assert it (reported speech, a quote with a
    /// speaker).
    BySomeone,
    /// It stands on its own.
    Plainly,
}

/// The claim confidence of the sentence `[first, last)`, or `None` when it
/// is no claim.
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
                t.kind,
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
        end.kind,
        Kind::Punct('.') | Kind::Punct('!') | Kind::Mark(_) | Kind::Punct(')')
    ) {
        score -= CLAIM_NO_FINAL_STOP;
    }
    let score = score.clamp(0.0, CLAIM_MAX);
    (score >= CLAIM_THRESHOLD).then_some(score)
}
