//! The learned choice of a speaker: of the words around a quote, which one
//! heads the name of whoever speaks.
//!
//! Rule: every word near the quote that could head a name (a capitalised
//! word, a pronoun, a noun; not a function word or a cue) is a candidate:
//! the quote's sentence, the sentences next to it in its paragraph, and the
//! end of the previous paragraph when the quote opens its own. A linear
//! ranker trained on PolNeAR's annotated sources scores each candidate by
//! the word itself, its shape, its place relative to the quote and its cue,
//! and whether the rules chose it; the best one names the speaker, and its
//! softmax share, calibrated, is the speaker's confidence. The rules'
//! choice stays as a feature and as the fallback when there is no model or
//! no candidate.
//!
//! Example: in `“You suck!” the heckler yelled.` the rules know no cue
//! "yelled", but the ranker puts `heckler` first: a noun right before a
//! verb right after the quote.

use crate::attribution::speakers::{Article, Phrase, Resolve, Speaker};
use crate::attribution::view::{View, is_possessive};
use crate::attribution::{Ctx, Reported};
use std::collections::HashSet;
use std::hash::BuildHasherDefault;

use crate::learn::{Features, Model, word_hash};
use crate::models::{SpeakerChoice, Trace};
use crate::text::lexicon::FastHash;
use crate::text::lexicon::{
    AUX, CONJ, CUE, DET, FEMALE, FUNC, GROUP, LEADER, MALE, NATION, NEG, ORG, PLURAL, PREP,
    PRONOUN, ROLE, TIME, TITLE, WH,
};
use crate::text::normalise::Kind;

/// Where a quote stands, for its speaker's candidates.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Site {
    /// First token of what is said.
    pub first: usize,
    /// Last token of what is said.
    pub last: usize,
    /// The sentence the quote ends in.
    pub sentence: usize,
    /// The cue's first and last token, when known.
    pub cue: Option<(usize, usize)>,
    /// The byte range of the rules' speaker, when they found one.
    pub rule: Option<(usize, usize)>,
    /// Whether the quote is reported speech (not between marks).
    pub reported: bool,
}

/// The most candidates a quote has: the nearest ones are kept.
const MAX_CANDIDATES: usize = 48;

/// Feature templates.
mod t {
    pub const WORD: u32 = 1;
    pub const SHAPE: u32 = 2;
    pub const FLAG: u32 = 3;
    pub const RUN: u32 = 4;
    pub const PREV: u32 = 5;
    pub const NEXT: u32 = 6;
    pub const NEXT2: u32 = 7;
    pub const PLACE: u32 = 8;
    pub const PLACE_SHAPE: u32 = 9;
    pub const PLACE_KIND: u32 = 10;
    pub const PLACE_ALONE: u32 = 11;
    pub const CUE_PLACE: u32 = 12;
    pub const CUE_PLACE_WORD: u32 = 13;
    pub const RULE: u32 = 14;
    pub const RANK: u32 = 15;
    pub const KNOWN: u32 = 16;
    pub const OPENS_SENTENCE: u32 = 17;
    pub const PREV_WORD_SHAPE: u32 = 18;
    pub const PAREN: u32 = 19;
    pub const POSSESSIVE: u32 = 20;
    pub const RULE_PLACE: u32 = 21;
    pub const PLACE_FLAGS: u32 = 22;
    pub const NEXT_SHAPE: u32 = 23;
    pub const LOWER_ELSEWHERE: u32 = 24;
}

/// The lexicon flags that say something of a candidate, numbered.
const FLAGS: [u32; 12] = [
    ROLE, GROUP, ORG, NATION, TITLE, PRONOUN, TIME, PLURAL, MALE, FEMALE, LEADER, CUE,
];

/// Whether token `i` may head a speaker's name.
fn may_head(v: &View, i: usize) -> bool {
    let t = &v.tokens[i];
    if !t.is_word() || !v.outside(i) {
        return false;
    }
    if t.has(PRONOUN) {
        return true;
    }
    if t.cap {
        return !t.has(FUNC | DET | PREP | CONJ | WH) || t.has(ROLE | GROUP | ORG);
    }
    let w = v.word(i);
    !t.has(FUNC | PREP | DET | AUX | CONJ | NEG | WH | CUE | TIME)
        && w.len() > 1
        && !w.ends_with("ly")
        && w.chars().next().is_some_and(char::is_alphabetic)
}

/// The candidates of a quote: token indices, nearest first. They are the
/// words of the sentences the quote spans, the sentence before (the end of
/// the previous paragraph when the quote opens its own) and the next one in
/// its paragraph.
pub(crate) fn candidates(ctx: &Ctx, site: &Site) -> Vec<usize> {
    let sents = ctx.sentences;
    let open = ctx.sentence_of(site.first);
    let from = sents[open.saturating_sub(1)].first;
    let end = &sents[site.sentence];
    // The next sentence: in the paragraph, or opening the next one (a
    // signature line, "- Ann Lee.").
    let to = sents
        .get(site.sentence + 1)
        .map_or(end.last, |next| next.last);
    let distance = |i: usize| {
        if i < site.first {
            site.first - i
        } else {
            i - site.last
        }
    };
    let mut found: Vec<usize> = (from..to)
        .filter(|&i| (i < site.first || i > site.last) && may_head(&ctx.v, i))
        .collect();
    found.sort_by_key(|&i| (distance(i), i));
    found.truncate(MAX_CANDIDATES);
    found
}

/// A coarse bucket of a token distance.
fn bucket(d: usize) -> u64 {
    match d {
        0..=1 => 0,
        2 => 1,
        3 => 2,
        4..=5 => 3,
        6..=8 => 4,
        9..=12 => 5,
        13..=20 => 6,
        21..=40 => 7,
        _ => 8,
    }
}

/// The shape of a word: 0 lowercase, 1 capitalised, 2 all capitals, 3
/// holds a digit, 4 an initial, 5 a pronoun.
fn shape(v: &View, i: usize) -> u64 {
    let t = &v.tokens[i];
    let w = v.word(i);
    if t.has(PRONOUN) {
        5
    } else if w.chars().any(|c| c.is_ascii_digit()) {
        3
    } else if t.cap && v.is_initial(i) {
        4
    } else if t.cap
        && w.chars().filter(|c| c.is_alphabetic()).count() > 1
        && !w.chars().any(char::is_lowercase)
    {
        2
    } else {
        u64::from(t.cap)
    }
}

/// The text of a neighbour token for context features: a word lowercased
/// by the hash, a punctuation character, or a mark.
fn neighbour<'a>(v: &'a View, i: Option<usize>) -> &'a str {
    let Some(i) = i.filter(|&i| i < v.tokens.len()) else {
        return "<edge>";
    };
    match v.tokens[i].kind {
        Kind::Word => v.word(i),
        Kind::Mark(_) => "<mark>",
        Kind::Break => "<break>",
        Kind::Punct(_) => v.word(i),
    }
}

/// Fills `f` with the features of candidate `i` of a quote at `site`;
/// `rank` is how many candidates on the same side are nearer.
pub(crate) fn features(
    ctx: &Ctx,
    doc: &DocWords,
    site: &Site,
    i: usize,
    rank: usize,
    f: &mut Features,
) {
    let v = &ctx.v;
    let tok = &v.tokens[i];
    let sh = shape(v, i);
    f.with(t::SHAPE, sh);
    if !tok.cap || tok.has(PRONOUN) {
        f.text(t::WORD, v.word(i));
    } else {
        // "Often", "Agreement": a capitalised word the article also writes
        // in lowercase is a common word, not a name.
        f.with(t::LOWER_ELSEWHERE, u64::from(doc.lowercase(v.word(i))));
    }
    let mut flags = 0u64;
    for (k, &flag) in FLAGS.iter().enumerate() {
        if tok.has(flag) {
            f.with(t::FLAG, k as u64);
            flags |= 1 << k;
        }
    }
    // Place relative to the quote.
    let s = ctx.sentences[site.sentence];
    let before = i < site.first;
    let distance = if before {
        site.first - i
    } else {
        i - site.last
    };
    let own_sentence = i >= s.first && i < s.last;
    let sentence_of_i = ctx.sentence_of(i);
    let place: u64 = match (before, own_sentence) {
        (true, true) => 0,
        (false, true) => 1,
        (true, false) if ctx.sentences[sentence_of_i].paragraph != s.paragraph => 2,
        (true, false) => 3,
        (false, false) => 4,
    };
    let place = place * 16 + bucket(distance);
    f.with(t::PLACE, place);
    f.with(t::PLACE_SHAPE, place * 8 + sh);
    f.with(t::PLACE_KIND, place * 2 + u64::from(site.reported));
    f.with(t::PLACE_FLAGS, place << 16 | flags);
    let alone = paragraph_is_quote(ctx, site);
    f.with(t::PLACE_ALONE, place * 2 + u64::from(alone));
    f.with(t::RANK, u64::from(before) * 8 + rank.min(7) as u64);
    // Where the name runs.
    let run_left = i > 0 && v.np_ok(i - 1) && v.tokens[i - 1].is_word();
    let run_right = i + 1 < v.tokens.len() && v.np_ok(i + 1) && v.tokens[i + 1].is_word();
    f.with(t::RUN, u64::from(run_left) * 2 + u64::from(run_right));
    // Context words.
    let prev = neighbour(v, i.checked_sub(1));
    let next = neighbour(v, Some(i + 1));
    f.text(t::PREV, prev);
    f.text(t::NEXT, next);
    f.text(t::NEXT2, neighbour(v, Some(i + 2)));
    if i > 0 {
        f.with(
            t::PREV_WORD_SHAPE,
            shape(v, i - 1) * 2 + u64::from(v.tokens[i - 1].is_word()),
        );
    }
    if i + 1 < v.tokens.len() && v.tokens[i + 1].is_word() {
        f.with(t::NEXT_SHAPE, shape(v, i + 1));
    }
    f.with(
        t::OPENS_SENTENCE,
        u64::from(i == ctx.sentences[sentence_of_i].first),
    );
    f.with(t::POSSESSIVE, u64::from(is_possessive(v.word(i))));
    let paren = (i.saturating_sub(6)..i)
        .rev()
        .any(|k| v.tokens[k].is_punct('('))
        && !(i.saturating_sub(6)..i).any(|k| v.tokens[k].is_punct(')'));
    f.with(t::PAREN, u64::from(paren));
    cue_features(ctx, site, i, f);
    rule_features(site, tok.start(), tok.end(), place, f);
    if tok.cap && ctx.people.knows_surname(v.word(i)) {
        f.with(t::KNOWN, u64::from(before));
    }
}

/// Whether the quote's paragraph holds nothing but the quote.
fn paragraph_is_quote(ctx: &Ctx, site: &Site) -> bool {
    let s = ctx.sentences[site.sentence];
    let v = &ctx.v;
    let para = s.paragraph;
    let first = ctx
        .sentences
        .iter()
        .position(|x| x.paragraph == para)
        .map_or(s.first, |k| ctx.sentences[k].first);
    let mut last = s.last;
    let mut k = site.sentence + 1;
    while let Some(x) = ctx.sentences.get(k).filter(|x| x.paragraph == para) {
        last = x.last;
        k += 1;
    }
    (first..last).all(|m| !v.tokens[m].is_word() || !v.outside(m))
}

/// Where candidate `i` stands relative to the quote's cue.
fn cue_features(ctx: &Ctx, site: &Site, i: usize, f: &mut Features) {
    let v = &ctx.v;
    let Some((a, b)) = site.cue else {
        f.with(t::CUE_PLACE, 0);
        return;
    };
    // Auxiliaries and adverbs between a subject and its verb.
    let mut k = a;
    while k > 0 && {
        let p = &v.tokens[k - 1];
        p.is_word() && !p.cap && (p.has(AUX) || v.word(k - 1).ends_with("ly"))
    } {
        k -= 1;
    }
    let place: u64 = if i + 1 == k {
        1 // right before the cue: its subject
    } else if i < k && i + 4 >= k {
        2
    } else if i < k {
        3
    } else if i == b + 1 || i == b + 2 && v.tokens[b + 1].has(DET) {
        4 // right after the cue: inverted, or after `according to`
    } else if i > b && i <= b + 4 {
        5
    } else {
        6
    };
    f.with(t::CUE_PLACE, place);
    f.text(t::CUE_PLACE_WORD + (place as u32) * 100, v.word(a));
}

/// Whether the rules' speaker covers the candidate's bytes `[start, end)`.
fn rule_features(site: &Site, start: usize, end: usize, place: u64, f: &mut Features) {
    let rule: u64 = match site.rule {
        None => 0,
        Some((a, b)) if start >= a && end <= b && end == b => 1,
        Some((a, b)) if start >= a && end <= b => 2,
        Some(_) => 3,
    };
    f.with(t::RULE, rule);
    f.with(t::RULE_PLACE, rule * 256 + place);
}

/// The best candidate by `model`, with its share of the softmax.
pub(crate) fn choose(model: &Model, scored: &[(usize, f32)]) -> Option<(usize, f32)> {
    let max = scored.iter().map(|&(_, s)| s).fold(f32::MIN, f32::max);
    let total: f32 = scored.iter().map(|&(_, s)| (s - max).exp()).sum();
    let &(best, score) = scored.iter().fold(None::<&(usize, f32)>, |b, c| match b {
        Some(b) if b.1 >= c.1 => Some(b),
        _ => Some(c),
    })?;
    let share = ((score - max).exp() / total).clamp(1e-6, 1.0 - 1e-6);
    let logit = (share / (1.0 - share)).ln();
    Some((best, model.probability_of_score(logit)))
}

/// The speaker whose name is headed by token `i`.
pub(crate) fn speaker_at(ctx: &mut Ctx, site: &Site, i: usize) -> Option<Speaker> {
    let v = &ctx.v;
    let tok = v.tokens[i];
    if tok.has(PRONOUN) {
        return ctx.people.pronoun(&ctx.v, i);
    }
    let mut a = i;
    if tok.cap {
        // The name run ending at the head.
        while a > 0 && a + 12 > i && v.np_ok(a - 1) && !is_possessive(v.word(a - 1)) {
            a -= 1;
        }
    } else {
        // A noun with its adjectives and nationality: "the current
        // Democratic nominee", "a maintenance guy".
        while a > 0 && a + 4 > i && {
            let p = &v.tokens[a - 1];
            p.is_word()
                && v.outside(a - 1)
                && !p.has(DET | PREP | FUNC | AUX | CUE | PRONOUN | CONJ | NEG | WH)
        } {
            a -= 1;
        }
    }
    while a < i && !v.tokens[a].is_word() {
        a += 1;
    }
    let _ = site;
    let article = Article::before(v, 0, a);
    let phrase = Phrase::speaker(a, i + 1, article);
    // The phrase as written, with its article.
    let start = if a > 0 && v.tokens[a - 1].has(DET) {
        v.tokens[a - 1].start()
    } else {
        v.tokens[a].start()
    };
    let end = tok.end();
    let written = v.text[start..end].to_string();
    match ctx.people.phrase(&ctx.v, phrase) {
        // "the mayor said": the role as written, and whom it names.
        Some(mut found) if !tok.cap && found.id.is_some() => {
            found.written = Some(written);
            Some(found)
        }
        Some(found) => Some(found),
        // A noun no rule knows.
        None => Some(Speaker::body(written, start, end)),
    }
}

/// The words an article writes in lowercase somewhere.
pub(crate) struct DocWords {
    lower: HashSet<u32, BuildHasherDefault<FastHash>>,
}

impl DocWords {
    /// The lowercase words of the text of `v`.
    pub(crate) fn of(v: &View) -> DocWords {
        let lower = (0..v.tokens.len())
            .filter(|&i| v.tokens[i].is_word() && !v.tokens[i].cap)
            .map(|i| word_hash(v.word(i)))
            .collect();
        DocWords { lower }
    }

    /// Whether the article writes `word` in lowercase somewhere.
    pub(crate) fn lowercase(&self, word: &str) -> bool {
        self.lower.contains(&word_hash(word))
    }
}

/// Lets the speaker model choose the speaker of every kept direct quote
/// and every reported sentence among the words around it; records the
/// candidates' features in `trace` when asked (with no model, only then).
pub(crate) fn rank(ctx: &mut Ctx, model: Option<&Model>, mut trace: Option<&mut Trace>) {
    if model.is_none() && trace.is_none() {
        return;
    }
    let sites = sites(ctx);
    let doc = DocWords::of(&ctx.v);
    let mut f = Features::default();
    for (owner, site) in sites {
        let found = candidates(ctx, &site);
        let mut scored = Vec::with_capacity(found.len());
        let mut recorded = Vec::new();
        let (mut before, mut after) = (0, 0);
        for &i in &found {
            let side = if i < site.first {
                &mut before
            } else {
                &mut after
            };
            f.clear();
            features(ctx, &doc, &site, i, *side, &mut f);
            *side += 1;
            if let Some(model) = model {
                scored.push((i, model.score(&f)));
            }
            if trace.is_some() {
                let t = &ctx.v.tokens[i];
                recorded.push((t.start()..t.end(), f.clone()));
            }
        }
        if let Some(trace) = trace.as_deref_mut() {
            let v = &ctx.v;
            let quote = v.tokens[site.first].start()..v.tokens[site.last].end();
            trace.speakers.push(SpeakerChoice {
                quote,
                candidates: recorded,
            });
        }
        let Some(model) = model else { continue };
        let Some((best, confidence)) = choose(model, &scored) else {
            continue;
        };
        if let Some(speaker) = speaker_at(ctx, &site, best) {
            match owner {
                Owner::Direct(qi) => {
                    ctx.direct[qi].speaker = Some(speaker);
                    ctx.direct[qi].speaker_confidence = Some(confidence);
                }
                Owner::Reported(r) => {
                    ctx.sentence_speaker[ctx.reported[r].sentence] = Some(speaker.clone());
                    ctx.reported[r].speaker = speaker;
                    ctx.reported[r].speaker_confidence = Some(confidence);
                }
            }
        }
    }
}

/// Whose speaker a site is for.
#[derive(Debug, Clone, Copy)]
enum Owner {
    /// Direct quote `qi`.
    Direct(usize),
    /// Reported sentence `r`.
    Reported(usize),
}

/// The site of every kept direct quote and every reported sentence.
fn sites(ctx: &Ctx) -> Vec<(Owner, Site)> {
    let mut sites = Vec::new();
    for (qi, (q, d)) in ctx.quotes.iter().zip(&ctx.direct).enumerate() {
        if !d.keep || d.signed {
            continue;
        }
        let last = q.last_token();
        sites.push((
            Owner::Direct(qi),
            Site {
                first: q.open,
                last,
                sentence: ctx.sentence_of(last),
                cue: d.cue_at,
                rule: d.speaker.as_ref().map(|s| (s.start, s.end)),
                reported: false,
            },
        ));
    }
    for (r, rep) in ctx.reported.iter().enumerate() {
        let (first, last) = content(ctx, rep);
        sites.push((
            Owner::Reported(r),
            Site {
                first,
                last,
                sentence: rep.sentence,
                cue: Some(rep.cue_at),
                rule: Some((rep.speaker.start, rep.speaker.end)),
                reported: true,
            },
        ));
    }
    sites
}

/// The tokens of what a reported sentence reports: after its cue (and a
/// `that`) when enough words follow it, else before it (`…, officials
/// said.`); after the source of a sentence opening with `according to`.
pub(crate) fn content(ctx: &Ctx, r: &Reported) -> (usize, usize) {
    let v = &ctx.v;
    let s = ctx.sentences[r.sentence];
    let (ca, cb) = r.cue_at;
    let mut last = s.last.saturating_sub(1).max(s.first);
    while last > s.first && !v.tokens[last].is_word() {
        last -= 1;
    }
    let words_after = (cb + 1..=last).filter(|&k| v.tokens[k].is_word()).count();
    let according = v.is(ca, "according");
    let (mut first, mut end) = if according && ca <= s.first + 1 {
        // "According to X, …": after the first comma past the source.
        let comma = (cb + 1..last).find(|&k| v.tokens[k].is_punct(','));
        (comma.map_or(cb + 1, |c| c + 1), last)
    } else if according || words_after < 3 {
        (s.first, ca.saturating_sub(1))
    } else {
        (cb + 1, last)
    };
    while first < end && (!v.tokens[first].is_word() || v.is(first, "that")) {
        first += 1;
    }
    while end > first && !v.tokens[end].is_word() {
        end -= 1;
    }
    if first >= end {
        return (s.first, last);
    }
    (first, end)
}
