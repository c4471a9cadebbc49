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

use crate::lexicon::{CAUSAL, FUTURE, OPINION, QUANTITY, WH};
use crate::normalise::{Kind, Token};

/// The claim confidence of the sentence `[first, last)`, or `None` when it
/// is no claim. `attributed` tells whether someone is said to assert it.
pub(crate) fn score(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    attributed: bool,
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
    let mut score: f32 = 0.2;
    let has_number = toks.iter().any(|t| {
        (t.is_word() && text[t.start()..t.end()].starts_with(|c: char| c.is_ascii_digit()))
            || matches!(
                t.kind,
                Kind::Punct('$') | Kind::Punct('%') | Kind::Punct('€') | Kind::Punct('£')
            )
    });
    if has_number {
        score += 0.3;
    }
    if toks.iter().any(|t| t.has(QUANTITY)) {
        score += 0.15;
    }
    if toks.iter().any(|t| t.has(FUTURE)) {
        score += 0.15;
    }
    if toks.iter().any(|t| t.has(CAUSAL)) {
        score += 0.15;
    }
    if attributed {
        score += 0.25;
    }
    let opinions = toks.iter().filter(|t| t.has(OPINION)).count();
    score -= 0.15 * opinions.min(3) as f32;
    if toks.first().is_some_and(|t| t.has(WH)) {
        score -= 0.2;
    }
    // A line without final punctuation: a headline or caption.
    if !matches!(
        end.kind,
        Kind::Punct('.') | Kind::Punct('!') | Kind::Mark(_) | Kind::Punct(')')
    ) {
        score -= 0.2;
    }
    let score = score.clamp(0.0, 0.95);
    (score >= 0.5).then_some(score)
}
