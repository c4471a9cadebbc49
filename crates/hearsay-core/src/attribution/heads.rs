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

use crate::attribution::head_words::DocWords;
use crate::attribution::view::{View, is_possessive};
use crate::attribution::{Ctx, head_phrase, kinds};

use crate::learn::{Features, Model, Sink, text_hash};
use crate::models::{Observer, SpeakerChoice};
use crate::text::lexicon::{
    AUX, CUE, DET, FEMALE, GROUP, LEADER, MALE, NATION, ORG, PLURAL, PRONOUN, ROLE, TIME, TITLE,
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
    /// Whether the rules' speaker was carried over from another quote.
    pub carried: bool,
}

impl Site {
    /// How many tokens lie between token `i` and the quote (0 inside it).
    fn distance(&self, i: usize) -> usize {
        if i < self.first {
            self.first - i
        } else {
            i.saturating_sub(self.last)
        }
    }
}

/// How far from a quote its candidates may stand, in tokens.
const WINDOW: usize = 80;

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
    pub const RULE_CARRIED: u32 = 25;
    pub const COORDINATED: u32 = 26;
    pub const NAME: u32 = 27;
    pub const NAME_PREV: u32 = 28;
    pub const NAME_NEXT: u32 = 29;
    pub const RUN_PLACE: u32 = 30;
    pub const RUN_HEAD: u32 = 31;
    pub const CONNECTIVE: u32 = 32;
    pub const IN_QUOTE: u32 = 33;
    pub const NAME_SHAPE: u32 = 34;
}

/// The lexicon flags that say something of a candidate, numbered.
const FLAGS: [u32; 12] = [
    ROLE, GROUP, ORG, NATION, TITLE, PRONOUN, TIME, PLURAL, MALE, FEMALE, LEADER, CUE,
];

/// The candidates of a quote: token indices, nearest first. They are the
/// words of the sentences the quote spans, the sentence before (the end of
/// the previous paragraph when the quote opens its own) and the next one in
/// its paragraph.
pub(crate) fn candidates(ctx: &Ctx, doc: &DocWords, site: &Site) -> Vec<usize> {
    let sents = ctx.sentences;
    let open = doc.sentence[site.first] as usize;
    // Bounded however long the sentences are: a run-on text must not make
    // every quote look at all of it.
    let from = sents[open.saturating_sub(1)]
        .first
        .max(site.first.saturating_sub(WINDOW));
    let end = &sents[site.sentence];
    // The next sentence: in the paragraph, or opening the next one (a
    // signature line, "- Ann Lee.").
    let to = sents
        .get(site.sentence + 1)
        .map_or(end.last, |next| next.last)
        .min(site.last + WINDOW);
    ctx.v.step_by(to.saturating_sub(from));
    let head = |i: &usize| doc.head(&ctx.v, *i);
    // Nearest first, the earlier of two as near: reported content is a
    // guess at a clause, so its words (at distance 0) may still name the
    // speaker; a direct quote's words never do. Then outwards on both
    // sides at once.
    let mut found: Vec<usize> = Vec::with_capacity(MAX_CANDIDATES + 1);
    if site.reported {
        found.extend((site.first.max(from)..=site.last.min(to.saturating_sub(1))).filter(head));
        found.truncate(MAX_CANDIDATES);
    }
    let mut left = (from..site.first.min(to)).rev().filter(head).peekable();
    let mut right = ((site.last + 1).max(from)..to).filter(head).peekable();
    while found.len() < MAX_CANDIDATES {
        let i = match (left.peek(), right.peek()) {
            (Some(&l), Some(&r)) if site.distance(l) <= site.distance(r) => left.next(),
            (Some(_), Some(_)) => right.next(),
            (Some(_), None) => left.next(),
            (None, _) => right.next(),
        };
        let Some(i) = i else { break };
        found.push(i);
    }
    // The rules' choice is always a candidate, however far it is (a
    // speaker carried over from the paragraph before).
    if let Some((_, end)) = site.rule {
        let v = &ctx.v;
        // Searched from the quote: the rules' speaker is mostly near it.
        let last = v.count_from(site.first, |t| t.end() <= end);
        if let Some(k) = (last.saturating_sub(1)..=last.min(v.tokens.len() - 1))
            .rev()
            .find(|&k| v.tokens[k].end() == end && v.tokens[k].is_word())
            && !found.contains(&k)
            && (k < site.first || k > site.last)
        {
            found.push(k);
        }
    }
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

/// The text of a neighbour token for context features: a word lowercased
/// by the hash, a punctuation character, or a mark.
fn neighbour<'a>(v: &'a View, i: Option<usize>) -> &'a str {
    let Some(i) = i.filter(|&i| i < v.tokens.len()) else {
        return "<edge>";
    };
    match v.tokens[i].kind() {
        Kind::Word => v.word(i),
        Kind::Mark(_) => "<mark>",
        Kind::Break => "<break>",
        Kind::Punct(_) => v.word(i),
    }
}

/// Fills `f` with the features of candidate `i` of a quote at `site`;
/// `rank` is how many candidates on the same side are nearer. They are the
/// word's own ([`token_features`]) and its place ([`site_features`]).
pub(crate) fn features(
    ctx: &Ctx,
    doc: &DocWords,
    site: &Site,
    i: usize,
    rank: usize,
    f: &mut Features,
) {
    token_features(ctx, doc, i, f);
    let cue = SiteCue::of(ctx, site);
    site_features(ctx, doc, site, &cue, Facts::of(ctx, doc, i), i, rank, f);
}

/// What the place features need of a candidate word, whatever the quote
/// and the speakers chosen so far: computed once per word.
#[derive(Debug, Clone, Copy)]
struct Facts {
    /// Its [`shape`].
    shape: u8,
    /// Which of [`FLAGS`] it has, a bit each.
    flags: u16,
}

impl Facts {
    fn of(ctx: &Ctx, doc: &DocWords, i: usize) -> Facts {
        let v = &ctx.v;
        let tok = &v.tokens[i];
        let mut flags = 0u16;
        for (k, &flag) in FLAGS.iter().enumerate() {
            if tok.has(flag) {
                flags |= 1 << k;
            }
        }
        Facts {
            shape: doc.shape(v, i) as u8,
            flags,
        }
    }
}

/// A quote's cue, as its candidates' features read it: where its subject
/// would end, and the hash of the cue word with each place.
struct SiteCue {
    /// The cue's first and last token, and the token its subject ends
    /// before (past auxiliaries, adverbs and a day).
    at: Option<(usize, usize, usize)>,
    /// The feature [`t::CUE_PLACE_WORD`] of each place, hashed.
    word: [u32; 7],
    /// The hashes of the capitalised words the quote itself holds
    /// ([`word_hash`](crate::learn::word_hash), sorted), at most
    /// [`QUOTED_WORDS`] of them.
    quoted: Vec<u32>,
}

/// How many of a quote's words [`SiteCue::quoted`] looks at.
const QUOTED_WORDS: usize = 64;

/// The sorted hashes of the capitalised words of the quote at `site`.
fn quoted_names(ctx: &Ctx, site: &Site) -> Vec<u32> {
    if !ctx.knowledge {
        return Vec::new();
    }
    let v = &ctx.v;
    let last = site.last.min(site.first + QUOTED_WORDS);
    let mut out: Vec<u32> = (site.first..=last)
        .filter(|&k| k < v.tokens.len() && v.tokens[k].is_word() && v.tokens[k].cap())
        .map(|k| crate::learn::word_hash(v.word(k)))
        .collect();
    crate::order::sort(&mut out);
    out.dedup();
    out
}

impl SiteCue {
    fn of(ctx: &Ctx, site: &Site) -> SiteCue {
        let v = &ctx.v;
        let quoted = quoted_names(ctx, site);
        let Some((a, b)) = site.cue else {
            return SiteCue {
                at: None,
                word: [0; 7],
                quoted,
            };
        };
        // Auxiliaries, adverbs and a day between a subject and its verb:
        // "the union on Wednesday rejected", "officials have repeatedly
        // said".
        let mut k = a;
        while k > 0 && {
            let p = &v.tokens[k - 1];
            p.is_word()
                && (p.has(TIME)
                    || !p.cap() && (p.has(AUX) || v.word(k - 1).ends_with("ly"))
                    || v.tokens[k].has(TIME)
                        && ["on", "last", "this", "late", "early"]
                            .iter()
                            .any(|w| v.is(k - 1, w)))
        } {
            k -= 1;
        }
        let mut word = [0; 7];
        for (place, h) in word.iter_mut().enumerate().skip(1) {
            *h = text_hash(t::CUE_PLACE_WORD + (place as u32) * 100, v.word(a));
        }
        SiteCue {
            at: Some((a, b, k)),
            word,
            quoted,
        }
    }
}

/// The features of candidate `i` that do not depend on the quote: the
/// word, its shape and flags, its neighbours. A word near several quotes
/// is scored for them once.
fn token_features(ctx: &Ctx, doc: &DocWords, i: usize, f: &mut impl Sink) {
    let v = &ctx.v;
    let tok = &v.tokens[i];
    f.with(t::SHAPE, doc.shape(v, i));
    if !tok.cap() || tok.has(PRONOUN) {
        f.text(t::WORD, v.word(i));
    } else {
        // "Often", "Agreement": a capitalised word the article also writes
        // in lowercase is a common word, not a name.
        f.with(t::LOWER_ELSEWHERE, u64::from(doc.lowercase(v.word(i))));
    }
    for (k, &flag) in FLAGS.iter().enumerate() {
        if tok.has(flag) {
            f.with(t::FLAG, k as u64);
        }
    }
    // Where the name runs.
    let run_left = i > 0 && v.np_ok(i - 1) && v.tokens[i - 1].is_word();
    let run_right = i + 1 < v.tokens.len() && v.np_ok(i + 1) && v.tokens[i + 1].is_word();
    f.with(t::RUN, u64::from(run_left) * 2 + u64::from(run_right));
    // Context words.
    f.text(t::PREV, neighbour(v, i.checked_sub(1)));
    f.text(t::NEXT, neighbour(v, Some(i + 1)));
    f.text(t::NEXT2, neighbour(v, Some(i + 2)));
    if i > 0 {
        f.with(
            t::PREV_WORD_SHAPE,
            doc.shape(v, i - 1) * 2 + u64::from(v.tokens[i - 1].is_word()),
        );
    }
    if i + 1 < v.tokens.len() && v.tokens[i + 1].is_word() {
        f.with(t::NEXT_SHAPE, doc.shape(v, i + 1));
    }
    f.with(
        t::OPENS_SENTENCE,
        u64::from(i == ctx.sentences[doc.sentence[i] as usize].first),
    );
    // "Democrats and civil rights groups said": the first of coordinated
    // speakers, or a later one.
    let and_next = v.is(i + 1, "and") || v.tokens.get(i + 1).is_some_and(|n| n.is_punct(','));
    let and_before = i > 1 && (v.is(i - 1, "and") || v.is(i - 2, "and"));
    f.with(
        t::COORDINATED,
        u64::from(and_next) * 2 + u64::from(and_before),
    );
    f.with(t::POSSESSIVE, u64::from(is_possessive(v.word(i))));
    if ctx.knowledge {
        knowledge_features(ctx, doc, i, f);
    }
    let paren = (i.saturating_sub(6)..i)
        .rev()
        .any(|k| v.tokens[k].is_punct('('))
        && !(i.saturating_sub(6)..i).any(|k| v.tokens[k].is_punct(')'));
    f.with(t::PAREN, u64::from(paren));
}

/// What is known of who candidate `i` may be: its name classes and its
/// neighbours' (a given name before a surname), the run of capitalised
/// words it stands in (a firm, an outlet, an event, a project, a place),
/// and whether it is a connective opening its sentence.
fn knowledge_features(ctx: &Ctx, doc: &DocWords, i: usize, f: &mut impl Sink) {
    let v = &ctx.v;
    let tok = &v.tokens[i];
    let classes = |k: usize| -> u64 {
        match ctx.names {
            Some(names) if v.tokens[k].is_word() && v.tokens[k].cap() => {
                u64::from(names.classes_of_hash(crate::learn::word_hash(v.word(k))))
            }
            _ => 0,
        }
    };
    if tok.cap() {
        let own = classes(i);
        f.with(t::NAME, own);
        f.with(t::NAME_SHAPE, own * 8 + doc.shape(v, i));
        if i > 0 {
            f.with(t::NAME_PREV, classes(i - 1));
        }
        if i + 1 < v.tokens.len() {
            f.with(t::NAME_NEXT, classes(i + 1));
        }
        let (head, place) = kinds::run_facts(v, ctx.names, i);
        f.with(t::RUN_HEAD, head as u64);
        f.with(t::RUN_PLACE, place);
    }
    let opens = i == ctx.sentences[doc.sentence[i] as usize].first;
    if opens && kinds::is_connective(v.word(i)) {
        f.flag(t::CONNECTIVE);
    }
}

/// The features of candidate `i` relative to the quote at `site`; `cue`
/// is the site's cue and `w` what is known of the word.
#[allow(clippy::too_many_arguments)]
fn site_features(
    ctx: &Ctx,
    doc: &DocWords,
    site: &Site,
    cue: &SiteCue,
    w: Facts,
    i: usize,
    rank: usize,
    f: &mut impl Sink,
) {
    let v = &ctx.v;
    let tok = &v.tokens[i];
    let sh = u64::from(w.shape);
    let flags = u64::from(w.flags);
    // Place relative to the quote.
    let s = ctx.sentences[site.sentence];
    let before = i < site.first;
    let inside = i >= site.first && i <= site.last;
    let distance = site.distance(i);
    let own_sentence = i >= s.first && i < s.last;
    let other_paragraph =
        !own_sentence && ctx.sentences[doc.sentence[i] as usize].paragraph != s.paragraph;
    let place: u64 = match (before, own_sentence) {
        _ if inside => 6,
        (true, true) => 0,
        (false, true) => 1,
        (true, false) if other_paragraph => 2,
        (true, false) => 3,
        (false, false) if other_paragraph => 5,
        (false, false) => 4,
    };
    let place = place * 16 + bucket(distance);
    f.with(t::PLACE, place);
    f.with(t::PLACE_SHAPE, place * 8 + sh);
    f.with(t::PLACE_KIND, place * 2 + u64::from(site.reported));
    f.with(t::PLACE_FLAGS, place << 16 | flags);
    let alone = doc.quote_only[s.paragraph];
    f.with(t::PLACE_ALONE, place * 2 + u64::from(alone));
    f.with(t::RANK, u64::from(before) * 8 + rank.min(7) as u64);
    cue_features(ctx, cue, i, f);
    rule_features(site, tok.start(), tok.end(), place, f);
    // "“Ana Ruiz was right,” the mayor said": a name inside the quote's
    // own words is spoken of, not speaking.
    if ctx.knowledge && tok.cap() && !cue.quoted.is_empty() {
        let h = crate::learn::word_hash(v.word(i));
        f.with(
            t::IN_QUOTE,
            u64::from(cue.quoted.binary_search(&h).is_ok()) * 2 + u64::from(inside),
        );
    }
    // The people memory grows as speakers are chosen: asked each time.
    if tok.cap() && ctx.people.knows_surname(v.word(i)) {
        f.with(t::KNOWN, u64::from(before));
    }
}

/// Where candidate `i` stands relative to the quote's cue.
fn cue_features(ctx: &Ctx, cue: &SiteCue, i: usize, f: &mut impl Sink) {
    let v = &ctx.v;
    let Some((_, b, k)) = cue.at else {
        f.with(t::CUE_PLACE, 0);
        return;
    };
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
    f.hashed(cue.word[place as usize]);
}

/// Whether the rules' speaker covers the candidate's bytes `[start, end)`.
fn rule_features(site: &Site, start: usize, end: usize, place: u64, f: &mut impl Sink) {
    let rule: u64 = match site.rule {
        None => 0,
        Some((a, b)) if start >= a && end <= b && end == b => 1,
        Some((a, b)) if start >= a && end <= b => 2,
        Some(_) => 3,
    };
    f.with(t::RULE, rule);
    f.with(t::RULE_PLACE, rule * 256 + place);
    f.with(t::RULE_CARRIED, rule * 2 + u64::from(site.carried));
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

/// The bits of `-0.0`: how [`rank`] stores a score of zero, since 0 means
/// "not yet computed".
const NEGATIVE_ZERO: u32 = 1 << 31;

/// Lets the speaker model choose the speaker of every kept direct quote
/// and every reported sentence among the words around it; records the
/// candidates' features for `observer` when it records (with no model,
/// only then).
pub(crate) fn rank(ctx: &mut Ctx, model: Option<&Model>, observer: &mut dyn Observer) {
    let records = observer.records();
    if model.is_none() && !records {
        return;
    }
    let sites = sites(ctx);
    let doc = DocWords::of(ctx);
    ctx.people.read_through();
    let mut f = Features::default();
    // Each word's own score, once computed (the trace records every
    // feature instead), as the bits of an `f32`; 0 for not yet. Zeroed
    // memory is not written until a candidate's score is, so the cache
    // costs the words near quotes, not the whole text.
    let mut own_scores: Vec<u32> = vec![0; if !records { ctx.v.tokens.len() } else { 0 }];
    for (owner, site) in sites {
        let found = candidates(ctx, &doc, &site);
        let cue = SiteCue::of(ctx, &site);

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
            if records {
                features(ctx, &doc, &site, i, *side, &mut f);
                if let Some(model) = model {
                    scored.push((i, model.score(&f)));
                }
                let t = &ctx.v.tokens[i];
                recorded.push((t.start()..t.end(), f.clone()));
            } else if let Some(model) = model {
                let own = match own_scores[i] {
                    0 => {
                        let mut score = model.scorer();
                        token_features(ctx, &doc, i, &mut score);
                        // +0.0 is stored as -0.0, which adds the same.
                        own_scores[i] = match score.sum.to_bits() {
                            0 => NEGATIVE_ZERO,
                            bits => bits,
                        };
                        score.sum
                    }
                    bits => f32::from_bits(bits),
                };
                let w = Facts::of(ctx, &doc, i);
                let mut score = model.scorer();
                site_features(ctx, &doc, &site, &cue, w, i, *side, &mut score);
                scored.push((i, model.bias + own + score.sum));
            }
            *side += 1;
        }
        if records {
            let v = &ctx.v;
            let quote = v.tokens[site.first].start()..v.tokens[site.last].end();
            observer.speaker(SpeakerChoice {
                quote,
                candidates: recorded,
            });
        }
        let Some(model) = model else { continue };
        let Some((best, confidence)) = choose(model, &scored) else {
            continue;
        };
        // The rules' speaker, when it holds the chosen word, says more
        // ("the Guild of Harbour Pilots" past its `of`).
        let t = &ctx.v.tokens[best];
        let agrees = site
            .rule
            .is_some_and(|(a, b)| t.start() >= a && t.end() <= b);
        let rule = match owner {
            Owner::Direct(qi) => ctx.direct[qi].speaker.clone(),
            Owner::Reported(r) => ctx.reported[r].speaker.clone(),
        };
        let speaker = match rule {
            Some(rule) if agrees && rule.is_person() => {
                head_phrase::as_written(&ctx.v, &rule, site.first)
            }
            // A body: the longer of the rules' phrase and the model's.
            rule => head_phrase::speaker_at(ctx, best).filter(|sp| {
                !(agrees && rule.is_some_and(|r| r.start <= sp.start && r.end >= sp.end))
            }),
        };
        match owner {
            Owner::Direct(qi) => ctx.direct[qi].speaker_confidence = Some(confidence),
            Owner::Reported(r) => ctx.reported[r].speaker_confidence = Some(confidence),
        }
        if let Some(speaker) = speaker {
            match owner {
                Owner::Direct(qi) => ctx.direct[qi].speaker = Some(speaker),
                Owner::Reported(r) => {
                    ctx.sentence_speaker[ctx.reported[r].sentence] = Some(speaker.clone());
                    ctx.reported[r].speaker = Some(speaker);
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
        if !d.keep || d.signed && ctx.rules_seen {
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
                rule: d
                    .speaker
                    .as_ref()
                    .filter(|_| ctx.rules_seen)
                    .map(|s| (s.start, s.end)),
                reported: false,
                carried: d.speaker.is_some() && !d.attributed,
            },
        ));
    }
    for (r, rep) in ctx.reported.iter().enumerate() {
        let (first, last) = rep.content;
        sites.push((
            Owner::Reported(r),
            Site {
                first,
                last,
                sentence: rep.sentence,
                cue: Some(rep.cue_at),
                rule: rep
                    .speaker
                    .as_ref()
                    .filter(|_| ctx.rules_seen)
                    .map(|s| (s.start, s.end)),
                reported: true,
                carried: false,
            },
        ));
    }
    sites
}
