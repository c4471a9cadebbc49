//! Finding the words between quotation marks.
//!
//! Rule: double marks pair up within a paragraph (a straight `"` closes when
//! a quote is open and opens otherwise; `“ … »` pairs like `“ … ”`). A quote
//! still open at the end of a paragraph runs on if the next paragraph opens
//! with a mark (the news convention for a quote over several paragraphs);
//! otherwise it is unbalanced: it stops at the paragraph end and a
//! diagnostic is raised, so one stray mark never swallows the article.
//! Single marks inside a double quote are nested quotes and belong to it;
//! outside, `‘ … ’` pairs within a few words form a short quote candidate,
//! and in a paragraph without double marks (British style) they are the
//! quotation marks.
//! Apostrophes (`don’t`, `’90s`, `Democrats’`) are not marks: the tokenizer
//! keeps them in words or reads them as closers that have no opener.
//! Spans exclude the marks, surrounding spaces and a trailing comma.
//!
//! Example: in `“Go,” she said. “It’s ‘never’ late.”` the quotes are `Go`
//! and `It’s ‘never’ late.`.

use crate::text::normalise::{Kind, Mark, Token};

/// One quotation.
#[derive(Debug, Clone)]
pub(crate) struct Quote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or the paragraph end when none.
    pub close: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// First content byte.
    pub start: usize,
    /// One past the last content byte.
    pub end: usize,
    /// Number of words inside.
    pub words: usize,
    /// Content has sentence punctuation (a full utterance, not a phrase).
    pub clause: bool,
    /// Reopened continuation of a quote from the previous paragraph.
    pub continues: bool,
    /// Between single marks.
    pub single: bool,
}

/// The most words of a fragment: a quote of a few words that is no full
/// sentence ("a sham") needs its cue close by, and may be a name.
pub(crate) const FRAGMENT_WORDS: usize = 4;

impl Quote {
    /// The last token of the quote: its closing mark, or the last token
    /// before the paragraph end when it has none.
    pub(crate) fn last_token(&self) -> usize {
        if self.closed {
            self.close
        } else {
            self.close.saturating_sub(1).max(self.open)
        }
    }

    /// A few words that are no full sentence ("a sham", "Grand Plan").
    pub(crate) fn is_fragment(&self) -> bool {
        !self.clause && self.words <= FRAGMENT_WORDS
    }

    /// Whether the quote opens its paragraph.
    pub(crate) fn opens_paragraph(&self, tokens: &[Token]) -> bool {
        self.open == 0 || tokens[self.open - 1].kind() == Kind::Break
    }
}

/// The quotes of a text, and the diagnostics met on the way.
pub(crate) struct Quotes {
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
    /// For every token, the quote it lies in (marks included).
    pub inside: Vec<u32>,
    /// `(byte offset, message)` pairs.
    pub diagnostics: Vec<(usize, String)>,
}

/// Marker for "in no quote" in [`Quotes::inside`].
pub(crate) const NONE: u32 = u32::MAX;

fn is_opener(k: Kind) -> bool {
    matches!(
        k,
        Kind::Mark(Mark::DoubleOpen) | Kind::Mark(Mark::DoubleEither)
    )
}

/// Finds the quotes in `tokens`.
pub(crate) fn find(text: &str, tokens: &[Token]) -> Quotes {
    let mut q = Quotes {
        quotes: Vec::new(),
        inside: vec![NONE; tokens.len()],
        diagnostics: Vec::new(),
    };
    let mut para_start = 0;
    let mut continues = false;
    while para_start < tokens.len() {
        let mut para_end = para_start;
        while para_end < tokens.len() && tokens[para_end].kind() != Kind::Break {
            para_end += 1;
        }
        continues = scan_paragraph(text, tokens, para_start, para_end, continues, &mut q);
        para_start = para_end + 1;
    }
    q
}

/// Scans one paragraph; returns whether a quote runs on into the next.
fn scan_paragraph(
    text: &str,
    tokens: &[Token],
    from: usize,
    to: usize,
    mut continues: bool,
    q: &mut Quotes,
) -> bool {
    let mut open: Option<usize> = None;
    let mut j = from;
    while j < to {
        let t = &tokens[j];
        match t.kind() {
            Kind::Mark(Mark::DoubleOpen) => match open {
                // “text“: an opener glued to a word and followed by a space
                // closes.
                Some(o)
                    if !t.space_before()
                        && tokens
                            .get(j + 1)
                            .is_none_or(|n| n.space_before() || !n.is_word()) =>
                {
                    push(text, tokens, o, j, true, continues, q);
                    continues = false;
                    open = None;
                }
                Some(o) => {
                    q.diagnostics.push((
                        tokens[o].start(),
                        "quotation mark opened again before it was closed".into(),
                    ));
                    push(text, tokens, o, j, false, continues, q);
                    continues = false;
                    open = Some(j);
                }
                None => open = Some(j),
            },
            Kind::Mark(Mark::DoubleClose) | Kind::Mark(Mark::DoubleEither) => match open {
                Some(o) => {
                    push(text, tokens, o, j, true, continues, q);
                    continues = false;
                    open = None;
                }
                None if t.kind() == Kind::Mark(Mark::DoubleEither) => open = Some(j),
                None => q.diagnostics.push((
                    t.start(),
                    "closing quotation mark without an opening one".into(),
                )),
            },
            _ => {}
        }
        j += 1;
    }
    let mut runs_on = false;
    if let Some(o) = open {
        // A quote over several paragraphs: the next paragraph reopens.
        runs_on = tokens.get(to + 1).is_some_and(|n| is_opener(n.kind()));
        if !runs_on {
            q.diagnostics.push((
                tokens[o].start(),
                "quotation mark not closed before the end of the paragraph".into(),
            ));
        }
        push(text, tokens, o, to, runs_on, continues, q);
    }
    singles(text, tokens, from, to, q);
    runs_on
}

fn push(
    text: &str,
    tokens: &[Token],
    open: usize,
    close: usize,
    closed: bool,
    continues: bool,
    q: &mut Quotes,
) {
    let mut first = open + 1;
    let mut last = close;
    while last > first && tokens[last - 1].is_punct(',') {
        last -= 1;
    }
    if first >= last {
        return;
    }
    // Leading punctuation other than marks stays: "…and so on".
    while first < last && tokens[first].is_punct(',') {
        first += 1;
    }
    if first >= last {
        return;
    }
    let words = tokens[first..last].iter().filter(|t| t.is_word()).count();
    if words == 0 {
        return;
    }
    let clause = tokens[first..last].iter().any(|t| {
        matches!(
            t.kind(),
            Kind::Punct('.') | Kind::Punct('!') | Kind::Punct('?')
        )
    }) || words >= 8;
    let id = q.quotes.len() as u32;
    for slot in &mut q.inside[open..(close + usize::from(closed)).min(tokens.len())] {
        *slot = id;
    }
    let _ = text;
    q.quotes.push(Quote {
        open,
        close,
        closed,
        start: tokens[first].start(),
        end: tokens[last - 1].end(),
        words,
        clause,
        continues,
        single: false,
    });
}

/// `‘…’` pairs outside double quotes: at most a dozen tokens apart, or
/// anywhere in a paragraph without double marks.
fn singles(text: &str, tokens: &[Token], from: usize, to: usize, q: &mut Quotes) {
    // British style: with no double marks in the paragraph, single marks
    // are the quotation marks and may span the whole paragraph.
    let british = !tokens[from..to].iter().any(|t| {
        matches!(
            t.kind(),
            Kind::Mark(Mark::DoubleOpen | Mark::DoubleClose | Mark::DoubleEither)
        )
    });
    let mut j = from;
    while j < to {
        if tokens[j].kind() == Kind::Mark(Mark::SingleOpen) && q.inside[j] == NONE {
            let reach = if british { 400 } else { 14 };
            let limit = (j + reach).min(to);
            let closer =
                |k: usize| tokens[k].kind() == Kind::Mark(Mark::SingleClose) && q.inside[k] == NONE;
            // "the Democrats’ plan": a closer after an s and before a
            // lowercase word is likely a plural possessive, unless no other
            // closer follows.
            let possessive = |k: usize| {
                text[..tokens[k].start()].ends_with('s')
                    && tokens
                        .get(k + 1)
                        .is_some_and(|n| n.is_word() && !n.cap() && n.space_before())
            };
            let close = (j + 2..limit)
                .find(|&k| closer(k) && !possessive(k))
                .or_else(|| (j + 2..limit).find(|&k| closer(k)));
            if let Some(k) = close
                && !tokens[j + 1..k]
                    .iter()
                    .any(|t| matches!(t.kind(), Kind::Mark(m) if m != Mark::SingleClose))
            {
                let before = q.quotes.len();
                push(text, tokens, j, k, true, false, q);
                if let Some(last) = q.quotes.get_mut(before) {
                    last.single = true;
                }
                j = k + 1;
                continue;
            }
        }
        j += 1;
    }
    // Keep text order: singles were appended after the paragraph's doubles.
    let para_first = q
        .quotes
        .iter()
        .rposition(|x| x.open < from)
        .map_or(0, |p| p + 1);
    let tail = &mut q.quotes[para_first..];
    if tail.windows(2).any(|w| w[0].open > w[1].open) {
        crate::order::sort_by_key(tail, |x| x.open);
        for (n, x) in q.quotes.iter().enumerate().skip(para_first) {
            let end = if x.closed { x.close + 1 } else { x.close };
            for slot in &mut q.inside[x.open..end.min(tokens.len())] {
                *slot = n as u32;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalise::tokenize;

    fn quotes(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        find(text, &tokens)
            .quotes
            .iter()
            .map(|x| &text[x.start..x.end])
            .collect()
    }

    #[test]
    fn pairs_marks_of_every_kind() {
        assert_eq!(quotes("“Go,” she said."), ["Go"]);
        assert_eq!(quotes("“Go on » he said"), ["Go on"]);
        assert_eq!(quotes("\"One\" and \"two\""), ["One", "two"]);
        assert_eq!(quotes("“It’s ‘never’ late.”"), ["It’s ‘never’ late."]);
        assert_eq!(quotes("the Democrats’ plan"), Vec::<&str>::new());
    }

    #[test]
    fn runs_on_across_paragraphs() {
        let text = "“One thing.\n“Two things,” he said.";
        assert_eq!(quotes(text), ["One thing.", "Two things"]);
        let tokens = tokenize(text);
        assert!(find(text, &tokens).quotes[1].continues);
    }

    #[test]
    fn unbalanced_mark_stops_at_paragraph() {
        let text = "He said “no and left.\nNext paragraph here.";
        let tokens = tokenize(text);
        let q = find(text, &tokens);
        assert_eq!(q.quotes.len(), 1);
        assert_eq!(&text[q.quotes[0].start..q.quotes[0].end], "no and left.");
        assert_eq!(q.diagnostics.len(), 1);
    }
}
