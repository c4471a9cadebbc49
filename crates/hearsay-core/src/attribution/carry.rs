//! Speakers carried over to direct quotes that found none of their own.
//!
//! Rule: a quote without a cue takes the speaker of an attributed quote in
//! its paragraph (the nearest before, else the nearest after), or, when it
//! opens its paragraph or continues a quote from the previous one, the
//! speaker of a quote in the previous paragraph. A continued quote prefers
//! the previous paragraph. The cue comes with the speaker.
//!
//! Example: in `“We are ready,” said Ann Lee.` followed by the paragraph
//! `“The team trained for months.”`, the second quote is Ann Lee's.

use crate::attribution::Ctx;

/// How many quotes back or ahead a speaker is looked for.
const LOOKAROUND: usize = 50;

/// Gives each kept quote without a speaker one from a neighbour.
pub(crate) fn speakers(ctx: &mut Ctx) {
    let paragraph: Vec<usize> = ctx
        .direct
        .iter()
        .map(|d| ctx.sentences[d.sentence].paragraph)
        .collect();
    let n_quotes = ctx.quotes.len();
    for n in 0..n_quotes {
        if !ctx.direct[n].keep || ctx.direct[n].speaker.is_some() {
            continue;
        }
        let q = &ctx.quotes[n];
        let p = paragraph[n];
        let direct = &ctx.direct;
        let attributed = |m: usize| direct[m].keep && direct[m].attributed;
        let prev_same = (0..n)
            .rev()
            .take(LOOKAROUND)
            .take_while(|&m| paragraph[m] == p)
            .find(|&m| attributed(m));
        let next_same = (n + 1..n_quotes)
            .take(LOOKAROUND)
            .take_while(|&m| paragraph[m] == p)
            .find(|&m| attributed(m));
        let from_prev = if q.continues || q.opens_paragraph(ctx.v.tokens) {
            (0..n)
                .rev()
                .take(LOOKAROUND)
                .take_while(|&m| paragraph[m] + 1 >= p)
                .find(|&m| direct[m].keep && direct[m].speaker.is_some())
        } else {
            None
        };
        let source = if q.continues {
            from_prev.or(prev_same).or(next_same)
        } else {
            prev_same.or(next_same).or(from_prev)
        };
        if let Some(m) = source {
            let (speaker, cue) = (direct[m].speaker.clone(), direct[m].cue.clone());
            ctx.direct[n].speaker = speaker;
            ctx.direct[n].cue = cue;
        }
    }
}
