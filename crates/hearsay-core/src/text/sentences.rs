//! Splitting tokens into sentences and paragraphs.
//!
//! Rule: a sentence ends at a line break, or at `.` `!` `?` `…` (with any
//! closing quote marks and brackets glued to it) followed by whitespace and
//! something that can start a sentence: a capital, a digit, an opening mark.
//! A dot after an abbreviation, a title, an initial or a dotted acronym does
//! not end a sentence, unless an acronym is followed by a typical sentence
//! opener. A dateline at the start of a line (`PARIS —`, `(Agency) --`) is a
//! sentence of its own. Every line break starts a new paragraph.
//!
//! Example: `Maj. Gen. Ann Lee spoke. “We go,” she said.` is two sentences:
//! `Maj. Gen. Ann Lee spoke.` and `“We go,” she said.`.

use crate::text::lexicon::{ABBREV, CUE, DET, FUNC, GROUP, NATION, ROLE, TITLE};
use crate::text::normalise::{Kind, Mark, Token};

/// A sentence as a token range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SentenceTokens {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Paragraph index.
    pub paragraph: usize,
    /// Not article text.
    pub boilerplate: bool,
    /// A dateline split off the start of a line.
    pub dateline: bool,
}

fn is_terminal(t: &Token) -> bool {
    matches!(
        t.kind(),
        Kind::Punct('.') | Kind::Punct('!') | Kind::Punct('?') | Kind::Punct('…')
    )
}

fn is_closing(t: &Token) -> bool {
    matches!(
        t.kind(),
        Kind::Mark(Mark::DoubleClose)
            | Kind::Mark(Mark::DoubleEither)
            | Kind::Mark(Mark::SingleClose)
            | Kind::Punct(')')
            | Kind::Punct(']')
    )
}

fn can_start(t: &Token, text: &str) -> bool {
    match t.kind() {
        Kind::Word => {
            t.cap()
                || text[t.start()..].starts_with(|c: char| c.is_ascii_digit() || !c.is_lowercase())
        }
        Kind::Mark(Mark::DoubleOpen)
        | Kind::Mark(Mark::DoubleEither)
        | Kind::Mark(Mark::SingleOpen) => true,
        Kind::Punct(c) => "([$€£¿¡—–-*•#@".contains(c) || !c.is_ascii(),
        _ => false,
    }
}

/// Splits `tokens` into sentences.
pub(crate) fn split(text: &str, tokens: &[Token]) -> Vec<SentenceTokens> {
    let mut out = Vec::with_capacity(tokens.len() / 16 + 1);
    let mut paragraph = 0usize;
    let mut first: Option<usize> = None;
    let mut line_start = true;
    let mut i = 0;
    let push =
        |out: &mut Vec<SentenceTokens>, f: usize, l: usize, paragraph: usize, dateline: bool| {
            if l > f {
                out.push(SentenceTokens {
                    first: f,
                    last: l,
                    start: tokens[f].start(),
                    end: tokens[l - 1].end(),
                    paragraph,
                    boilerplate: false,
                    dateline,
                });
            }
        };
    while i < tokens.len() {
        let t = &tokens[i];
        if t.kind() == Kind::Break {
            if let Some(f) = first.take() {
                push(&mut out, f, i, paragraph, false);
            }
            if !out.is_empty() {
                paragraph += 1;
            }
            line_start = true;
            i += 1;
            continue;
        }
        if first.is_none() {
            first = Some(i);
            if line_start {
                line_start = false;
                if let Some(end) = dateline_end(text, tokens, i) {
                    push(&mut out, i, end, paragraph, true);
                    first = None;
                    i = end;
                    continue;
                }
            }
        }
        if is_terminal(t) {
            // Glue further terminal marks and closing quotes: `?!”`, `.”)`.
            let mut j = i + 1;
            while j < tokens.len()
                && !tokens[j].space_before()
                && (is_terminal(&tokens[j]) || is_closing(&tokens[j]))
            {
                j += 1;
            }
            if j >= tokens.len() || tokens[j].kind() == Kind::Break {
                i = j;
                continue;
            }
            let next = &tokens[j];
            // "“Is it?” Ann Lee asked.": a quote's attribution follows.
            let quote_closed = (i + 1..j).any(|m| matches!(tokens[m].kind(), Kind::Mark(_)));
            if quote_closed && next.is_word() && attribution_follows(tokens, j) {
                i = j;
                continue;
            }
            if next.space_before()
                && can_start(next, text)
                && !is_abbreviation(text, tokens, i, next)
                && let Some(f) = first.take()
            {
                push(&mut out, f, j, paragraph, false);
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if let Some(f) = first {
        push(&mut out, f, tokens.len(), paragraph, false);
    }
    out
}

/// Whether a short name or role phrase and then a speech verb start at `j`.
fn attribution_follows(tokens: &[Token], j: usize) -> bool {
    let mut m = j;
    while m < tokens.len() && m < j + 7 {
        let t = &tokens[m];
        if t.is_word() && t.has(CUE) && !t.cap() {
            return m > j;
        }
        let np = (t.is_word() && (t.cap() || t.has(ROLE | GROUP | TITLE | NATION | DET)))
            || (t.is_punct('.') && !t.space_before());
        if !np {
            return false;
        }
        m += 1;
    }
    false
}

/// Whether the dot at token `dot` belongs to an abbreviation and so does
/// not end the sentence before `next`.
fn is_abbreviation(text: &str, tokens: &[Token], dot: usize, next: &Token) -> bool {
    if !tokens[dot].is_punct('.') || dot == 0 {
        return false;
    }
    let w = &tokens[dot - 1];
    if !w.is_word() || w.end() != tokens[dot].start() {
        return false;
    }
    let word = &text[w.start()..w.end()];
    // "Mr. Peskov said": a title never ends a sentence.
    if w.has(TITLE) && w.cap() {
        return true;
    }
    // "Andrew S. Weiss": a single capital is an initial.
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    let next_word = if next.is_word() {
        &text[next.start()..next.end()]
    } else {
        ""
    };
    // "No. 5": only before a number.
    if word.eq_ignore_ascii_case("no") || word.eq_ignore_ascii_case("nos") {
        return next_word.starts_with(|c: char| c.is_ascii_digit());
    }
    // "the U.S. The talks": a dotted acronym ends a sentence only before a
    // typical opener; "U.S. President" does not.
    if word.contains('.') || w.has(ABBREV) {
        return !(next.is_word() && next.has(FUNC));
    }
    false
}

/// If a line starts with a dateline (`PARIS —`, `WASHINGTON ― `,
/// `(Bloomberg) --`, `MIDWAY ATOLL - `), returns the token after its dash.
fn dateline_end(text: &str, tokens: &[Token], i: usize) -> Option<usize> {
    let mut j = i;
    let mut words = 0;
    while j < tokens.len() && j < i + 8 {
        let t = &tokens[j];
        match t.kind() {
            Kind::Word => {
                let w = &text[t.start()..t.end()];
                // "PARIS": all capitals; "(Bloomberg)": a bracketed source.
                let bracketed = (i..j).any(|m| tokens[m].is_punct('('))
                    && !(i..j).any(|m| tokens[m].is_punct(')'));
                let caps = w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase);
                if !(bracketed || caps) {
                    return None;
                }
                words += 1;
            }
            Kind::Punct('(') | Kind::Punct(')') | Kind::Punct(',') | Kind::Punct('.') => {}
            _ if t.is_dash() && t.space_before() => {
                let after = tokens.get(j + 1)?;
                if words == 0 || after.kind() == Kind::Break {
                    return None;
                }
                return Some(j + 1);
            }
            _ => return None,
        }
        j += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalise::tokenize;

    fn sents(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split(text, &tokens)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn titles_initials_and_acronyms() {
        assert_eq!(
            sents("Maj. Gen. Ann S. Lee of the U.S. Army spoke. She left."),
            ["Maj. Gen. Ann S. Lee of the U.S. Army spoke.", "She left."]
        );
    }

    #[test]
    fn datelines_stand_alone() {
        assert_eq!(sents("ROME — It rained."), ["ROME —", "It rained."]);
    }
}
