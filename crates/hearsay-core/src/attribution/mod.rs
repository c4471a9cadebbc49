//! Who said what: direct quotes, reported speech, and their speakers.
//!
//! The passes, in the order [`attribute`] runs them, sentence by sentence:
//!
//! 1. the people named in the sentence are remembered ([`speakers::memory`]);
//! 2. each direct quote ending in the sentence finds its cue and speaker
//!    ([`direct`]);
//! 3. a cue no quote took, with a subject and content, makes the sentence
//!    reported speech ([`reported`]).
//!
//! Then quotes still without a speaker take one from a neighbouring quote
//! ([`carry`]).
//!
//! Example: in `“Go,” said Ann Lee. She left.` the quote `Go` is attributed
//! to "Ann Lee" with the cue "said".

pub(crate) mod carry;
pub(crate) mod cues;
pub(crate) mod direct;
pub(crate) mod head_phrase;
pub(crate) mod head_words;
pub(crate) mod heads;
pub(crate) mod kinds;
pub(crate) mod learned_cues;
pub(crate) mod quote_model;
pub(crate) mod quotes;
pub(crate) mod reported;
pub(crate) mod speakers;
pub(crate) mod view;

use std::cell::Cell;

use crate::attribution::quotes::{Quote, Quotes};
use crate::attribution::speakers::{People, Speaker};
use crate::attribution::view::View;
use crate::learn::{Model, Names};
use crate::text::normalise::Token;
use crate::text::sentences::SentenceTokens;

/// What attribution found for one direct quote.
#[derive(Debug, Clone)]
pub(crate) struct DirectQuote {
    /// The sentence the quote opens in.
    pub sentence: usize,
    /// Whether the quote is suggested: false for names in quotation marks,
    /// stage directions and quotes in boilerplate.
    pub keep: bool,
    /// Who speaks.
    pub speaker: Option<Speaker>,
    /// The cue, as written.
    pub cue: Option<String>,
    /// Whether the speaker was found next to the quote (not carried over).
    pub attributed: bool,
    /// The cue's first and last token, when found next to the quote.
    pub cue_at: Option<(usize, usize)>,
    /// A transcript label or a signature named the speaker: the rules'
    /// surest attributions, which the ranker leaves alone.
    pub signed: bool,
    /// How sure the speaker is, when a model chose it.
    pub speaker_confidence: Option<f32>,
    /// First byte of the quote as suggested (after a transcript label).
    pub start: usize,
}

/// One sentence of reported speech.
#[derive(Debug, Clone)]
pub(crate) struct Reported {
    /// The sentence.
    pub sentence: usize,
    /// Who speaks.
    pub speaker: Option<Speaker>,
    /// The cue, as written.
    pub cue: String,
    /// The cue's first and last token.
    pub cue_at: (usize, usize),
    /// The first and last token of what is reported.
    pub content: (usize, usize),
    /// How sure the extractor is.
    pub confidence: f32,
    /// How sure the speaker is, when a model chose it.
    pub speaker_confidence: Option<f32>,
}

/// What the attribution passes share: the text (read-only) and what they
/// have found so far.
pub(crate) struct Ctx<'a> {
    /// The text, its tokens and the quote of each token.
    pub v: View<'a>,
    /// The sentences.
    pub sentences: &'a [SentenceTokens],
    /// The direct quotes, in text order.
    pub quotes: &'a [Quote],
    /// The people named so far.
    pub people: People,
    /// For each quote, by index, what was found.
    pub direct: Vec<DirectQuote>,
    /// For each token, whether a quote or a reported sentence took it as
    /// its cue.
    pub used_cues: Vec<bool>,
    /// Reported speech, in text order.
    pub reported: Vec<Reported>,
    /// For each sentence, the speaker of its reported speech.
    pub sentence_speaker: Vec<Option<Speaker>>,
    /// Whether the models see the rules' choices (false for the ablation
    /// "model only").
    pub rules_seen: bool,
    /// The names and places the speaker ranker knows, if any.
    pub names: Option<&'a Names>,
    /// Whether the speaker ranker sees what it knows of names and of the
    /// shapes of what is not a person (false for the ablation).
    pub knowledge: bool,
}

impl<'a> Ctx<'a> {
    /// A context for the text whose tokens, sentences and quotes are given.
    pub(crate) fn new(
        text: &'a str,
        tokens: &'a [Token],
        sentences: &'a [SentenceTokens],
        found: &'a Quotes,
    ) -> Ctx<'a> {
        let sentence_of = sentence_of_each(sentences, &found.quotes);
        Ctx {
            v: View {
                text,
                tokens,
                inside: &found.inside,
                steps: Cell::new(0),
            },
            sentences,
            quotes: &found.quotes,
            people: People::default(),
            direct: found
                .quotes
                .iter()
                .zip(sentence_of)
                .map(|(q, sentence)| DirectQuote {
                    sentence,
                    keep: true,
                    speaker: None,
                    cue: None,
                    attributed: false,
                    cue_at: None,
                    signed: false,
                    speaker_confidence: None,
                    start: q.start,
                })
                .collect(),
            used_cues: vec![false; tokens.len()],
            reported: Vec::new(),
            sentence_speaker: vec![None; sentences.len()],
            rules_seen: true,
            names: None,
            knowledge: true,
        }
    }

    /// The index of the sentence holding token `tok`.
    pub(crate) fn sentence_of(&self, tok: usize) -> usize {
        sentence_index(self.sentences, tok)
    }

    /// The text of tokens `[a, b]` (both included), as written.
    pub(crate) fn words(&self, a: usize, b: usize) -> String {
        let t = self.v.tokens;
        self.v.text[t[a].start()..t[b].end()].to_string()
    }
}

/// The index of the sentence holding token `tok`.
fn sentence_index(sentences: &[SentenceTokens], tok: usize) -> usize {
    sentences
        .partition_point(|s| s.first <= tok)
        .saturating_sub(1)
}

/// The sentence each quote opens in, found by walking forward with the
/// quotes in text order (a search per quote was a binary search over all
/// sentences each time).
fn sentence_of_each(sentences: &[SentenceTokens], quotes: &[Quote]) -> Vec<usize> {
    let mut walk = 0;
    quotes
        .iter()
        .map(|q| {
            if sentences.get(walk).is_some_and(|s| s.first > q.open) {
                return sentence_index(sentences, q.open);
            }
            while walk + 1 < sentences.len() && sentences[walk + 1].first <= q.open {
                walk += 1;
            }
            walk
        })
        .collect()
}

/// Runs the attribution passes over every sentence, then carries speakers
/// over to the quotes left without one. With a cue `model`, reported speech
/// is found by it, after the direct quotes, instead of by the rules.
pub(crate) fn attribute(ctx: &mut Ctx, model: Option<&Model>) {
    let quotes = ctx.quotes;
    let mut next_quote = 0;
    for (si, s) in ctx.sentences.iter().enumerate() {
        // The quotes that end in this sentence.
        let first_quote = next_quote;
        while next_quote < quotes.len() && quotes[next_quote].last_token() < s.last {
            next_quote += 1;
        }
        if s.boilerplate {
            for quote in &mut ctx.direct[first_quote..next_quote] {
                quote.keep = false;
            }
            continue;
        }
        ctx.people.scan(&ctx.v, s.first, s.last);
        for qi in first_quote..next_quote {
            direct::attribute(ctx, qi, s.last);
        }
        if model.is_none() {
            reported::find(ctx, si);
        }
    }
    if let Some(model) = model {
        learned_cues::reported(ctx, model);
    }
    carry::speakers(ctx);
}
