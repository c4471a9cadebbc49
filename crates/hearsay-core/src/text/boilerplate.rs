//! Marking sentences that are not article text.
//!
//! Rule: a sentence is boilerplate when it is a dateline, a byline
//! (`By Ann Lee`), a credit (`… contributed to this report`, `With
//! assistance from …`, photo and image credits, licences), a copyright line,
//! an ad or navigation marker (`Advertisement`, `Read more`), a video
//! timestamp line (`02:10 – Source: …`) or a closed-comments notice.
//! Boilerplate is never labelled.
//!
//! Example: `Advertisement` and `Ann Lee contributed to this report.` are
//! boilerplate; `Lee said the report was wrong.` is not.

use crate::text::lexicon::BOILER;
use crate::text::normalise::Token;
use crate::text::sentences::SentenceTokens;

/// Phrases that make a short sentence a credit or notice wherever they are.
const CONTAINS: &[&str] = &[
    "contributed to this report",
    "contributed reporting",
    "contributed to this article",
    "with assistance from",
    "additional reporting by",
    "reporting by",
    "editing by",
    "writing by",
    "all rights reserved",
    "comments are no longer available",
    "comments are closed",
    "comments have been closed",
    "is licensed under",
    "creative commons",
    "getty images",
    "ap photo",
    "afp photo",
    "afp via getty",
    "photo by",
    "photo credit",
    "image credit",
    "photograph:",
    "source: ",
    "sign up for",
    "subscribe to our",
    "click here",
    "follow us on",
    "story continues below",
    "copyright ",
    "©",
];

/// Whole sentences (lowercase, without final punctuation) that are markers.
const EXACT: &[&str] = &[
    "advertisement",
    "ad",
    "sponsored",
    "abstract",
    "full text",
    "related",
    "share",
    "share this",
    "photo",
    "video",
    "listen",
    "watch",
    "read more",
    "comments",
    "supported by",
    "skip advertisement",
    "continue reading the main story",
];

/// Openings (lowercase) of credit lines.
const STARTS: &[&str] = &[
    "photo:",
    "image:",
    "credit:",
    "caption:",
    "read more:",
    "related:",
    "see also:",
    "more:",
    "watch:",
    "with assistance from",
];

/// Sets [`SentenceTokens::boilerplate`] on the sentences of `text` that are not
/// article text.
pub(crate) fn mark(text: &str, tokens: &[Token], sents: &mut [SentenceTokens]) {
    for s in sents.iter_mut() {
        if s.dateline {
            s.boilerplate = true;
            continue;
        }
        let raw = &text[s.start..s.end];
        if raw.len() > 320 {
            continue;
        }
        s.boilerplate = is_boilerplate(raw, &tokens[s.first..s.last]);
    }
}

fn is_boilerplate(raw: &str, tokens: &[Token]) -> bool {
    // Every rule needs an anchor word, a © or a dash-ended short line; most
    // sentences have none and cost one pass over their tokens.
    let short = tokens.iter().filter(|t| t.is_word()).take(7).count() <= 6;
    let by = tokens.first().is_some_and(|t| {
        t.is_word() && t.end() - t.start() == 2 && raw[..2].eq_ignore_ascii_case("by")
    });
    let anchored = tokens
        .iter()
        .any(|t| t.has(BOILER) || t.is_punct('©') || t.is_punct(':') || t.is_punct('/'));
    if !short && !by && !anchored {
        return false;
    }
    let lower = raw.to_lowercase();
    let trimmed = lower
        .trim_start_matches(|c: char| c == '-' || c == '—' || c == '–' || c.is_whitespace())
        .trim_end_matches(|c: char| c.is_ascii_punctuation() || c.is_whitespace());
    if EXACT.contains(&trimmed) || STARTS.iter().any(|p| trimmed.starts_with(p)) {
        return true;
    }
    let words = tokens.iter().filter(|t| t.is_word()).count();
    if anchored && words <= 40 && CONTAINS.iter().any(|p| lower.contains(p)) {
        return true;
    }
    // "Follow Ann Lee on Twitter @annlee": a social media plug.
    if trimmed.starts_with("follow ")
        && ["twitter", "@", "facebook", "instagram"]
            .iter()
            .any(|p| trimmed.contains(p))
    {
        return true;
    }
    // "By Ann Lee and Bo Chen": a short line of capitalised names after "By".
    if trimmed.starts_with("by ") && words <= 10 {
        let caps = tokens.iter().filter(|t| t.is_word() && t.cap()).count();
        if caps * 2 >= words {
            return true;
        }
    }
    // "ROMECNN –": a short line ending in a dash is a dateline.
    if words <= 3 && tokens.last().is_some_and(Token::is_dash) {
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalise::tokenize;

    fn check(s: &str) -> bool {
        is_boilerplate(s, &tokenize(s))
    }

    #[test]
    fn credits_and_markers() {
        assert!(check("Advertisement"));
        assert!(check("Jo Park and Li Wen contributed to this report."));
        assert!(check("By Ann Lee and Bo Chen"));
        assert!(check("© 2031 Example Media Group"));
        assert!(!check("By Monday the talks had failed, officials said."));
        assert!(!check("Lee said the report was wrong."));
    }
}
