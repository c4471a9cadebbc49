//! Cues learned from PolNeAR: which words say that someone speaks,
//! believes or announces ("said", "according to", "claims", "tweeted",
//! "announced"), and the reported speech they introduce.
//!
//! Rule: every lowercase content word outside quotation marks may be a cue;
//! a logistic model trained on PolNeAR's annotated cues scores it by the
//! word, its ending, its neighbours and its place in the sentence. A word
//! scoring at least [`CUE_THRESHOLD`] that no direct quote took introduces
//! reported speech: the clause after it (past a `that`), or before it when
//! the cue closes the sentence (`…, officials said.`), or after the source
//! of a sentence opening with `according to`. Several cues of a sentence
//! give several reported clauses when they do not overlap.
//!
//! Example: in `The ad claims Jeb is the conservative you can trust.`,
//! "claims" is a cue and `Jeb is the conservative you can trust` what the
//! ad says.

use std::ops::Range;

use crate::attribution::cues::{self, CueAt, CuePlace};
use crate::attribution::view::View;
use crate::attribution::{Ctx, Reported, reported};
use crate::confidence::REPORTED_MIN_CUE;
use crate::learn::{Features, Model, Sink};
use crate::models::Observer;
use crate::text::lexicon::{
    AUX, CONJ, CUE, DET, FUNC, INVERTS, LISTENER, NEG, PREP, PRONOUN, SPEECH_NOUN, WEAK_CUE, WH,
};
use crate::text::normalise::Kind;

/// The fewest words of reported content.
const MIN_CONTENT_WORDS: usize = 3;

/// A cue's probability from which it introduces reported speech.
pub(crate) const CUE_THRESHOLD: f32 = REPORTED_MIN_CUE;

/// The weight of the word itself below which a word outside the lexicon
/// is not scored as a cue: the model learned it is none. On PolNeAR dev
/// this skips two thirds of the words scored before and keeps 99% of the
/// words that reached [`CUE_THRESHOLD`]; a word never seen in training
/// (weight 0) is still scored.
const WORD_GATE: f32 = -0.3;

/// Feature templates.
mod t {
    pub const WORD: u32 = 101;
    pub const SUFFIX: u32 = 102;
    pub const FLAG: u32 = 103;
    pub const PREV: u32 = 104;
    pub const PREV2: u32 = 105;
    pub const NEXT: u32 = 106;
    pub const NEXT2: u32 = 107;
    pub const PREV_SHAPE: u32 = 108;
    pub const NEXT_SHAPE: u32 = 109;
    pub const FROM_START: u32 = 110;
    pub const TO_END: u32 = 111;
    pub const QUOTED: u32 = 112;
    pub const RULE: u32 = 113;
    pub const WORD_NEXT: u32 = 114;
    pub const PREV_WORD: u32 = 115;
}

/// Whether token `i` may be a cue: a lowercase content word outside
/// quotation marks (or `According`).
pub(crate) fn may_be_cue(v: &View, i: usize) -> bool {
    let t = &v.tokens[i];
    if !t.is_word() || !v.outside(i) {
        return false;
    }
    if v.is(i, "according") {
        return true;
    }
    !t.cap()
        && !t.has(FUNC | DET | PREP | PRONOUN | CONJ | WH | NEG | AUX)
        && v.word(i).chars().next().is_some_and(char::is_alphabetic)
}

/// The shape of a neighbour: 0 none, 1 lowercase word, 2 capitalised
/// word, 3 pronoun, 4 comma, 5 other punctuation, 6 quotation mark, 7
/// line break.
fn shape(v: &View, i: Option<usize>) -> u64 {
    let Some(i) = i.filter(|&i| i < v.tokens.len()) else {
        return 0;
    };
    let t = &v.tokens[i];
    match t.kind() {
        Kind::Word if t.has(PRONOUN) => 3,
        Kind::Word if t.cap() => 2,
        Kind::Word => 1,
        Kind::Punct(',') => 4,
        Kind::Punct(_) => 5,
        Kind::Mark(_) => 6,
        Kind::Break => 7,
    }
}

/// The text of a neighbour for features.
fn text<'a>(v: &'a View, i: Option<usize>) -> &'a str {
    match i.filter(|&i| i < v.tokens.len()) {
        Some(i) if v.tokens[i].kind() == Kind::Break => "<break>",
        Some(i) if matches!(v.tokens[i].kind(), Kind::Mark(_)) => "<mark>",
        Some(i) => v.word(i),
        None => "<edge>",
    }
}

/// The features of token `i` of the sentence `[first, last)` as a cue.
pub(crate) fn features(
    ctx: &Ctx,
    first: usize,
    last: usize,
    quoted: bool,
    i: usize,
    f: &mut impl Sink,
) {
    let v = &ctx.v;
    let word = v.word(i);
    f.text(t::WORD, word);
    let suffix = word
        .char_indices()
        .rev()
        .nth(2)
        .map_or(word, |(k, _)| &word[k..]);
    f.text(t::SUFFIX, suffix);
    let tok = &v.tokens[i];
    for (k, flag) in [CUE, WEAK_CUE, SPEECH_NOUN, INVERTS, LISTENER]
        .into_iter()
        .enumerate()
    {
        if tok.has(flag) {
            f.with(t::FLAG, k as u64);
        }
    }
    let prev = i.checked_sub(1).filter(|&p| p >= first);
    let prev2 = i.checked_sub(2).filter(|&p| p >= first);
    let next = Some(i + 1).filter(|&n| n < last);
    let next2 = Some(i + 2).filter(|&n| n < last);
    f.text(t::PREV, text(v, prev));
    f.text(t::PREV2, text(v, prev2));
    f.text(t::NEXT, text(v, next));
    f.text(t::NEXT2, text(v, next2));
    f.text2(t::WORD_NEXT, word, text(v, next));
    f.text2(t::PREV_WORD, text(v, prev), word);
    f.with(t::PREV_SHAPE, shape(v, prev));
    f.with(t::NEXT_SHAPE, shape(v, next));
    f.with(t::FROM_START, (i - first).min(12) as u64);
    f.with(t::TO_END, (last - i).min(12) as u64);
    f.with(t::QUOTED, u64::from(quoted));
    if ctx.rules_seen {
        let rule = cues::cue_at(v, i, first).is_some_and(|c| cues::introduces_clause(v, c, last));
        f.with(t::RULE, u64::from(rule));
    }
}

/// Tells `observer` every possible cue of the text with its features.
pub(crate) fn record(ctx: &Ctx, observer: &mut dyn Observer) {
    let mut f = Features::default();
    for s in ctx.sentences.iter().filter(|s| !s.boilerplate) {
        let quoted = (s.first..s.last).any(|m| !ctx.v.outside(m));
        for i in s.first..s.last {
            if may_be_cue(&ctx.v, i) {
                f.clear();
                features(ctx, s.first, s.last, quoted, i, &mut f);
                let t = &ctx.v.tokens[i];
                observer.cue(t.start()..t.end(), &f);
            }
        }
    }
}

/// Finds reported speech with the cue `model`, sentence by sentence.
pub(crate) fn reported(ctx: &mut Ctx, model: &Model) {
    let sentences = ctx.sentences;
    for (si, s) in sentences.iter().enumerate() {
        if s.boilerplate {
            continue;
        }
        let mut taken: Vec<Range<usize>> = Vec::new();
        let quoted = (s.first..s.last).any(|m| !ctx.v.outside(m));
        let mut i = s.first;
        while i < s.last {
            let v = &ctx.v;
            if ctx.used_cues[i] || !may_be_cue(v, i) {
                i += 1;
                continue;
            }
            v.step();
            // A word the model learned is no cue is not scored in full.
            let mut word = model.scorer();
            word.text(t::WORD, v.word(i));
            if word.sum < WORD_GATE && !v.tokens[i].has(CUE | WEAK_CUE | SPEECH_NOUN) {
                i += 1;
                continue;
            }
            let mut score = model.scorer();
            features(ctx, s.first, s.last, quoted, i, &mut score);
            let p = model.probability_of_score(model.bias + score.sum);
            if p < CUE_THRESHOLD {
                i += 1;
                continue;
            }
            let cue = cue_span(v, i, s.last);
            let Some(content) = reported::clause(ctx, si, cue.clone()) else {
                i = cue.end;
                continue;
            };
            let words = (content.0..=content.1)
                .filter(|&k| {
                    v.step();
                    v.tokens[k].is_word() && v.outside(k)
                })
                .take(MIN_CONTENT_WORDS)
                .count();
            let overlaps = taken
                .iter()
                .any(|r| content.0 <= r.end && r.start <= content.1);
            if words >= MIN_CONTENT_WORDS && !overlaps {
                taken.push(content.0..content.1);
                add(ctx, si, cue.clone(), content, p);
            }
            i = cue.end;
        }
    }
}

/// The tokens of the cue at `i`: the word, and `to` after `according`.
fn cue_span(v: &View, i: usize, last: usize) -> Range<usize> {
    if v.is(i, "according") && i + 1 < last && v.is(i + 1, "to") {
        i..i + 2
    } else {
        i..i + 1
    }
}

/// Adds the reported speech of sentence `si` introduced by `cue`, with
/// the rules' speaker for it (the ranker may choose another later).
fn add(ctx: &mut Ctx, si: usize, cue: Range<usize>, content: (usize, usize), p: f32) {
    let s = ctx.sentences[si];
    let at = CueAt {
        at: cue.start,
        last: cue.end - 1,
        according: ctx.v.is(cue.start, "according"),
        noun: false,
    };
    let speaker = cues::speaker_of(
        &mut ctx.people,
        &ctx.v,
        at,
        s.first,
        s.last,
        CuePlace::InClause,
    );
    ctx.used_cues[cue.start] = true;
    if let Some(speaker) = &speaker {
        ctx.sentence_speaker[si].get_or_insert_with(|| speaker.clone());
    }
    ctx.reported.push(Reported {
        sentence: si,
        speaker,
        cue: ctx.words(at.at, at.last),
        cue_at: (at.at, at.last),
        content,
        confidence: p,
        speaker_confidence: None,
    });
}
