//! Attributing a direct quote: its cue and speaker, or why it is no speech.
//!
//! Rule: a quote's cue is looked for right after it (`,” he said`), then
//! before it in its sentence (`Ann Lee said: “…”`), then (for a quote
//! opening a paragraph) at the end of a previous paragraph ending with a
//! colon (`Ann Lee continued:`), then further after it. A quote whose last
//! sentence closes inside the marks (`….” Russia insisted that …`) does not
//! take a cue that opens a new clause after it. Without a cue, a transcript
//! label (`“PENCE: Well, …”`), a signature dash (`”― Ann Lee.`) or a clause
//! ending in a colon before the quote (`Ann Lee scolded him: “…”`) names the
//! speaker. A short title-case phrase, a bracketed stage direction and a
//! name after "called" are no speech.
//!
//! Example: `“Go,” said Ann Lee.` gives the quote `Go` by "Ann Lee" with
//! the cue "said".

use crate::attribution::Ctx;
use crate::attribution::cues::{self, CueAt, CuePlace};
use crate::attribution::quotes::Quote;
use crate::attribution::speakers::Speaker;
use crate::attribution::speakers::walk::{clause_subject, right};
use crate::attribution::view::{View, strip_possessive};
use crate::text::lexicon::{
    AUX, CONJ, CUE, DET, FUNC, GROUP, NAMING, NATION, NEG, PREP, PRONOUN, ROLE, TIME, TITLE, WH,
};
use crate::text::normalise::{Kind, Token};

/// How far after a quote a cue right behind it may stand, in tokens.
const CUE_RIGHT_AFTER: usize = 12;
/// How far before a quote its cue may stand, in tokens.
const CUE_BEFORE: usize = 60;
/// How far before a fragment its cue may stand: "X said the plan was “a
/// sham”", not a cue three clauses away.
const CUE_BEFORE_FRAGMENT: usize = 25;
/// How far after a quote a cue further on may stand, in tokens.
const CUE_FURTHER_AFTER: usize = 60;
/// The longest name in quotation marks after a naming verb, in words.
const NAMED_WORDS: usize = 6;

/// The cue found for a quote.
struct CueFound {
    cue: CueAt,
    place: CuePlace,
}

/// Attributes direct quote `qi`, which ends in the sentence ending before
/// token `ceil`.
pub(crate) fn attribute(ctx: &mut Ctx, qi: usize, ceil: usize) {
    let quotes = ctx.quotes;
    let q = &quotes[qi];
    let v = &ctx.v;
    let last = q.last_token();
    let floor = ctx.sentences[ctx.direct[qi].sentence].first;
    let fragment = q.is_fragment();
    let mut chosen = cue_right_after(v, q, floor, ceil);
    // "X said it meant “war”, according to the agency": the subject's own
    // cue wins over a source cited after the quote.
    if chosen.as_ref().is_some_and(|c| c.cue.according)
        && let Some(cue) = cue_before(v, floor, q.open, CUE_BEFORE)
    {
        chosen = Some(CueFound {
            cue,
            place: CuePlace::InClause,
        });
    }
    let from_after = chosen.is_some();
    let reach = if fragment {
        CUE_BEFORE_FRAGMENT
    } else {
        CUE_BEFORE
    };
    // `Ann Lee said: “…”`, `Lee said it meant “war”`: a cue before.
    if chosen.is_none() {
        chosen = cue_before(v, floor, q.open, reach).map(|cue| CueFound {
            cue,
            place: CuePlace::InClause,
        });
    }
    let mut floor = floor;
    if chosen.is_none()
        && floor == q.open
        && let Some((cue, f)) = cue_closing_paragraph(ctx, q, reach)
    {
        chosen = Some(CueFound {
            cue,
            place: CuePlace::InClause,
        });
        floor = f;
    }
    if chosen.is_none() && !fragment {
        chosen = cue_further_after(v, q, floor, ceil);
    }
    if transcript_label(ctx, qi) {
        return;
    }
    // `”― Ann Lee.`: a dash and a name after the closing mark.
    let dash_speaker = if chosen.is_none() {
        signature(ctx, q)
    } else {
        None
    };
    // `Ann Lee scolded him: “…”`: a clause ending in a colon introduces a
    // quote, and its subject speaks.
    let colon_speaker = if chosen.is_none()
        && dash_speaker.is_none()
        && q.open > floor + 1
        && ctx.v.tokens[q.open - 1].is_punct(':')
        && !fragment
    {
        clause_subject(&mut ctx.people, &ctx.v, floor, q.open - 1)
    } else {
        None
    };
    let v = &ctx.v;
    if let Some(speaker) = dash_speaker {
        // The cue of a signed comment is its dash.
        let dash = v.word(last + 1).to_string();
        found(ctx, qi, speaker, dash, (last + 1, last + 1));
        ctx.direct[qi].signed = true;
    } else if let Some(speaker) = colon_speaker {
        found(ctx, qi, speaker, ":".to_string(), (q.open - 1, q.open - 1));
    } else if is_no_speech(v, q)
        || title_case_name(q, v) && !from_after
        || (fragment || q.single && !q.clause) && chosen.is_none()
    {
        ctx.direct[qi].keep = false;
    } else if let Some(CueFound { cue, place }) = chosen {
        // A partial quote inside the reported clause ("X said the plan was
        // “chaotic” and …") leaves the cue free for the reported speech
        // around it.
        if cue.at > last || q.clause {
            ctx.used_cues[cue.at] = true;
        }
        let speaker_floor = if cue.at > last { last + 1 } else { floor };
        let speaker = cues::speaker_of(&mut ctx.people, &ctx.v, cue, speaker_floor, ceil, place);
        let quote = &mut ctx.direct[qi];
        quote.cue = Some(
            ctx.v.text[ctx.v.tokens[cue.at].start()..ctx.v.tokens[cue.last].end()].to_string(),
        );
        quote.attributed = speaker.is_some();
        quote.speaker = speaker;
        quote.cue_at = Some((cue.at, cue.last));
    }
}

/// Records `speaker` as found next to quote `qi` with cue `cue`, written at
/// tokens `at`.
fn found(ctx: &mut Ctx, qi: usize, speaker: Speaker, cue: String, at: (usize, usize)) {
    let quote = &mut ctx.direct[qi];
    quote.cue = Some(cue);
    quote.cue_at = Some(at);
    quote.attributed = true;
    quote.speaker = Some(speaker);
}

/// Whether the quote `q` ends its sentence inside the marks (`… the
/// neighbourhood.” Russia insisted`): a new subject after it opens the next
/// one.
fn closes_sentence(tokens: &[Token], q: &Quote) -> bool {
    q.closed && q.close > q.open + 1 && tokens[q.close - 1].is_punct('.')
}

/// Whether cue `c` opens its own clause after quote `q` ("…
/// escapades.” Russia insisted that …", not "…,” Lee said.").
fn opens_own_clause(tokens: &[Token], q: &Quote, c: &CueAt) -> bool {
    closes_sentence(tokens, q) && tokens.get(c.last + 1).is_some_and(|t| t.is_word())
}

/// `,” he said`: a cue right after the closing mark, with at most a
/// speaker phrase between.
fn cue_right_after(v: &View, q: &Quote, floor: usize, ceil: usize) -> Option<CueFound> {
    let tokens = v.tokens;
    let last = q.last_token();
    let mut i = last + 1;
    while i < ceil && i < last + CUE_RIGHT_AFTER {
        if !v.outside(i) || is_terminal(&tokens[i]) && i > last + 1 {
            return None;
        }
        if let Some(cue) = cues::cue_at(v, i, floor) {
            let direct = (last + 1..i).all(|m| !tokens[m].is_word());
            let place = if direct {
                CuePlace::AfterQuote
            } else {
                CuePlace::InClause
            };
            return (direct
                || speaker_between(v, last + 1, i) && !opens_own_clause(tokens, q, &cue))
            .then_some(CueFound { cue, place });
        }
        i += 1;
    }
    None
}

/// `,” German Chancellor Ann Lee told`: whether only a speaker phrase
/// stands in `[a, b)` between a quote and its cue; "…,” but stopped short
/// of calling" is another clause. The phrase ends in a name, a role or a
/// group ("…,” the current Green presidential nominee said", "…,” the
/// newspaper’s editorial board wrote") with at most two lowercase
/// modifiers (a possessive among them) in it.
fn speaker_between(v: &View, a: usize, b: usize) -> bool {
    let tokens = v.tokens;
    let head = (a..b).rev().find(|&m| tokens[m].is_word());
    if head.is_some_and(|h| {
        !(tokens[h].cap() || tokens[h].has(ROLE | GROUP | NATION | TITLE | PRONOUN))
    }) {
        return false;
    }
    let mut modifiers = 0;
    (a..b).all(|m| {
        let t = &tokens[m];
        if !t.is_word() || t.cap() || t.has(ROLE | GROUP | DET | NATION | TITLE | PRONOUN) {
            return true;
        }
        modifiers += 1;
        let w = strip_possessive(v.word(m));
        modifiers <= 2
            && !t.has(FUNC | PREP | AUX | CUE | CONJ | NEG | WH | TIME)
            && !w.ends_with("ing")
            && w.chars().all(char::is_alphabetic)
    })
}

/// The nearest cue before token `open`, at most `reach` tokens back and not
/// before `floor`.
fn cue_before(v: &View, floor: usize, open: usize, reach: usize) -> Option<CueAt> {
    (floor..open)
        .rev()
        .take(reach)
        .find_map(|i| cues::cue_at(v, i, floor))
}

/// `Ann Lee continued:` closing a paragraph introduces the quote that opens
/// the next one. Returns the cue and the first token of its sentence.
fn cue_closing_paragraph(ctx: &Ctx, q: &Quote, reach: usize) -> Option<(CueAt, usize)> {
    let tokens = ctx.v.tokens;
    let mut p = q.open;
    while p > 0 && tokens[p - 1].kind() == Kind::Break {
        p -= 1;
    }
    if !(p < q.open && p > 1 && tokens[p - 1].is_punct(':')) {
        return None;
    }
    let f = ctx.sentences[ctx.sentence_of(p - 1)].first;
    cue_before(&ctx.v, f, p - 1, reach).map(|cue| (cue, f))
}

/// A cue further after the quote in its sentence, outside quotes, that does
/// not open a clause of its own.
fn cue_further_after(v: &View, q: &Quote, floor: usize, ceil: usize) -> Option<CueFound> {
    let last = q.last_token();
    (last + 1..ceil.min(last + CUE_FURTHER_AFTER))
        .find_map(|i| {
            cues::cue_at(v, i, floor).filter(|c| v.outside(i) && !opens_own_clause(v.tokens, q, c))
        })
        .map(|cue| CueFound {
            cue,
            place: CuePlace::InClause,
        })
}

/// `“PENCE: Well, …”`: a transcript speaker label in capitals opens the
/// quote. Attributes quote `qi` to it (the quote then starts after the
/// colon, and its cue is the colon) and returns true, or returns false.
fn transcript_label(ctx: &mut Ctx, qi: usize) -> bool {
    let q = &ctx.quotes[qi];
    let v = &ctx.v;
    let last = q.last_token();
    let Some(colon) = (q.open + 1..(q.open + 4).min(last)).find(|&m| v.tokens[m].is_punct(':'))
    else {
        return false;
    };
    let label = &v.tokens[q.open + 1..colon];
    let caps = label
        .iter()
        .all(|t| t.is_word() && !v.text[t.start()..t.end()].chars().any(char::is_lowercase))
        && label.iter().any(|t| {
            v.text[t.start()..t.end()]
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                > 1
        });
    if !caps || label.is_empty() {
        return false;
    }
    let Some(speaker) = ctx.people.label(&ctx.v, q.open + 1, colon) else {
        return false;
    };
    if let Some(t) = ctx.v.tokens.get(colon + 1) {
        ctx.direct[qi].start = t.start().min(q.end);
    }
    // The cue of a transcript line is its colon.
    found(ctx, qi, speaker, ":".to_string(), (colon, colon));
    ctx.direct[qi].signed = true;
    true
}

/// `”― Ann Lee.`: the name after a dash right after the closing mark.
fn signature(ctx: &mut Ctx, q: &Quote) -> Option<Speaker> {
    let tokens = ctx.v.tokens;
    let last = q.last_token();
    if !tokens
        .get(last + 1)
        .is_some_and(|t| t.is_dash() && !t.is_punct('-'))
    {
        return None;
    }
    let mut lim = last + 2;
    while lim < tokens.len() && lim < last + 12 && tokens[lim].kind() != Kind::Break {
        lim += 1;
    }
    right(&mut ctx.people, &ctx.v, last + 2, lim)
}

/// Whether quote `q` is no speech: a name after a naming verb ("an
/// initiative called “strategic autonomy”") or a bracketed stage direction
/// ("(laughter)").
fn is_no_speech(v: &View, q: &Quote) -> bool {
    let content = &v.tokens[q.open + 1..q.last_token().max(q.open + 1)];
    let bracketed = content.first().is_some_and(|t| t.is_punct('('));
    named(v, q) && q.words <= NAMED_WORDS || bracketed
}

/// "Fox Morning Show", "Grand Plan": a short title-case phrase, a name
/// unless a cue follows it directly.
fn title_case_name(q: &Quote, v: &View) -> bool {
    let content = &v.tokens[q.open + 1..q.last_token().max(q.open + 1)];
    q.is_fragment() && q.words >= 2 && content.iter().filter(|t| t.is_word()).all(|t| t.cap())
}

/// "an initiative called “strategic autonomy”": the quote follows a naming
/// verb (perhaps with one lowercase word between). "what it called “a
/// threat”" is speech, though.
fn named(v: &View, q: &Quote) -> bool {
    let tokens = v.tokens;
    let naming_at = |p: usize| {
        tokens[p].has(NAMING)
            && (v.word(p).eq_ignore_ascii_case("so-called") || p == 0 || {
                let b = &tokens[p - 1];
                !(b.has(PRONOUN) || b.is_word() && b.cap())
            })
    };
    q.open > 0 && naming_at(q.open - 1)
        || q.open > 1
            && tokens[q.open - 1].is_word()
            && !tokens[q.open - 1].cap()
            && naming_at(q.open - 2)
}

fn is_terminal(t: &Token) -> bool {
    matches!(
        t.kind(),
        Kind::Punct('.') | Kind::Punct('!') | Kind::Punct('?')
    )
}
