//! What the passes found, in byte offsets, and its conversion to the public
//! [`Analysis`] in code points.
//!
//! Rule: offsets are converted once, at the end, by counting on from the
//! previous (nearly sorted) offset, with [`CharIndex`](crate::CharIndex)
//! checkpoints for far jumps: no conversion rescans the text from its
//! start. A speaker is shown by the fullest name the whole article gives
//! the person, with their identification.

use std::ops::Range;

use crate::attribution::speakers::{People, Speaker};
use crate::text::offsets::Cursor;
use crate::text::sentences::SentenceTokens;
use crate::{Analysis, Config, Diagnostic, Label, QuoteKind, Sentence, Span, Suggestion};

/// A suggestion in byte offsets.
pub(crate) struct Found {
    pub label: Label,
    /// The span's bytes.
    pub bytes: Range<usize>,
    pub kind: Option<QuoteKind>,
    pub speaker: Option<Speaker>,
    pub cue: Option<String>,
    pub confidence: f32,
    pub speaker_confidence: Option<f32>,
}

/// The analysis of `text`: its sentences, what was found (dropping what is
/// below `config.min_confidence` or empty) ordered by start, and the
/// diagnostics, all in code points.
pub(crate) fn into_analysis(
    text: &str,
    config: &Config,
    sents: &[SentenceTokens],
    mut found: Vec<Found>,
    diagnostics: Vec<(usize, String)>,
    people: &People,
) -> Analysis {
    let mut cursor = Cursor::new(text);
    found.retain(|r| r.confidence >= config.min_confidence && r.bytes.start < r.bytes.end);
    // Sorted by key and index, then taken in that order: moving the keys
    // costs less than moving the suggestions, and the index keeps the order
    // of equal keys.
    let mut order: Vec<(usize, Label, usize, usize)> = found
        .iter()
        .enumerate()
        .map(|(k, a)| (a.bytes.start, a.label, a.bytes.end, k))
        .collect();
    crate::order::sort(&mut order);
    let mut slots: Vec<Option<Found>> = found.into_iter().map(Some).collect();
    let sentences = sents
        .iter()
        .map(|s| Sentence {
            start: cursor.at(s.start),
            end: cursor.at(s.end),
            boilerplate: s.boilerplate,
            paragraph: s.paragraph,
        })
        .collect();
    // Suggestions are sorted by start: count again from the beginning.
    cursor.rewind();
    // The sentence of each suggestion: the last one starting at or before
    // it, walked forward as the suggestions come in order.
    let mut si = 0;
    let suggestions = order
        .into_iter()
        .filter_map(|(.., k)| slots[k].take())
        .map(|r| {
            while si + 1 < sents.len() && sents[si + 1].start <= r.bytes.start {
                si += 1;
            }
            let (speaker, speaker_span) = match r.speaker {
                Some(sp) => {
                    let name = people
                        .display(&sp)
                        .or_else(|| people.fullest(&sp.name))
                        .unwrap_or(sp.name);
                    let span = Span {
                        start: cursor.at(sp.start),
                        end: cursor.at(sp.end),
                    };
                    (Some(name), Some(span))
                }
                None => (None, None),
            };
            Suggestion {
                label: r.label,
                start: cursor.at(r.bytes.start),
                end: cursor.at(r.bytes.end),
                kind: r.kind,
                speaker,
                speaker_span,
                cue: r.cue,
                confidence: r.confidence.clamp(0.0, 1.0),
                speaker_confidence: r.speaker_confidence.map(|c| c.clamp(0.0, 1.0)),
                sentence: si,
            }
        })
        .collect();
    let diagnostics = diagnostics
        .into_iter()
        .map(|(at, message)| Diagnostic {
            at: cursor.at(at),
            message,
        })
        .collect();
    Analysis {
        sentences,
        suggestions,
        diagnostics,
    }
}
