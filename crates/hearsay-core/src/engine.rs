//! The pipeline, pass by pass: tokens → sentences → boilerplate → quotes →
//! attribution (speakers, reported speech) → denials and claims → the
//! public [`Analysis`] in code points.
//!
//! Rule: every pass works on byte offsets of the original text, and
//! offsets are converted to code points once, at the end ([`found`]). Each
//! pass is linear in the text; the people memory is consulted by hash, and
//! every look-back (pronouns, roles, cues, apposition) is bounded.
//!
//! Example: `“Go,” said Ann Lee.` gives one sentence and one direct quote
//! `Go` by "Ann Lee" with the cue "said".

use crate::attribution::{self, Ctx, quote_model, quotes};
use crate::found;
use crate::models::{Models, Observer, Unobserved};
use crate::stance::claims::ClaimPass;
use crate::text::normalise::tokenize;
use crate::text::{boilerplate, sentences};
use crate::{Analysis, Config, stance};

/// The most bytes analysed in one piece: a longer text is analysed in
/// blocks of whole paragraphs ([`run_in_blocks`]). A news article is far
/// shorter; a dump of many of them, or a book-length report, is not, and
/// in one piece its tokens and the arrays beside them (about 35 bytes a
/// token) outgrow the processor's caches: 10 MB in one piece ran at 23
/// MB/s, in blocks of 1 MiB at 27 to 28 (BENCHMARKS.md).
pub(crate) const BLOCK_BYTES: usize = 1 << 20;

/// Analyses `text` in blocks of about `block` bytes ([`BLOCK_BYTES`]), each
/// cut at a line break, and joins the analyses: sentences, paragraphs and
/// suggestions numbered on, offsets counted from the start of the text.
///
/// A block knows nothing of the text around it: the people met (a pronoun
/// or a quote-only paragraph at its start finds no earlier speaker), the
/// words written in lowercase, and where a sentence stands in the text (a
/// claim feature) count within the block, and a quote running on over the
/// paragraphs where one block ends is cut there. On a 4.3 MB text of the
/// 924 PolNeAR articles one after the other, the dev articles' figures in
/// blocks were those in one piece or better (BENCHMARKS.md).
pub(crate) fn run_in_blocks(
    text: &str,
    config: &Config,
    models: &Models,
    block: usize,
) -> (Analysis, u64) {
    let mut whole = Analysis {
        sentences: Vec::new(),
        suggestions: Vec::new(),
        diagnostics: Vec::new(),
    };
    let mut steps = 0u64;
    let (mut from, mut chars) = (0usize, 0usize);
    while from < text.len() {
        let to = block_end(text, from, block);
        let piece = &text[from..to];
        let (analysis, n) = run(piece, config, models, &mut Unobserved);
        steps += n;
        let sentence_base = whole.sentences.len();
        let paragraph_base = whole.sentences.last().map_or(0, |s| s.paragraph + 1);
        whole
            .sentences
            .extend(analysis.sentences.into_iter().map(|mut s| {
                s.start += chars;
                s.end += chars;
                s.paragraph += paragraph_base;
                s
            }));
        whole
            .suggestions
            .extend(analysis.suggestions.into_iter().map(|mut s| {
                s.start += chars;
                s.end += chars;
                s.sentence += sentence_base;
                if let Some(span) = &mut s.speaker_span {
                    span.start += chars;
                    span.end += chars;
                }
                s
            }));
        whole
            .diagnostics
            .extend(analysis.diagnostics.into_iter().map(|mut d| {
                d.at += chars;
                d
            }));
        chars += piece.chars().count();
        from = to;
    }
    (whole, steps)
}

/// Where the block of `text` that starts at byte `from` ends: after the
/// last blank line, else the last line break, in the second half of the
/// next `block` bytes; failing both, after the first line break past them;
/// failing that, at the end of the text (a text without line breaks is one
/// block).
fn block_end(text: &str, from: usize, block: usize) -> usize {
    let limit = from + block;
    if limit >= text.len() {
        return text.len();
    }
    let bytes = text.as_bytes();
    let half = from + block / 2;
    let window = &bytes[half..limit];
    let blank = window
        .windows(2)
        .rposition(|w| w == b"\n\n")
        .map(|k| half + k + 2);
    let line = || {
        window
            .iter()
            .rposition(|&b| b == b'\n')
            .map(|k| half + k + 1)
    };
    let later = || {
        bytes[limit..]
            .iter()
            .position(|&b| b == b'\n')
            .map(|k| limit + k + 1)
    };
    // A cut after a `\n` byte is a character boundary: UTF-8 never
    // continues a character with an ASCII byte.
    blank.or_else(line).or_else(later).unwrap_or(text.len())
}

/// Runs the whole analysis, telling `observer` what each model scored;
/// also returns the work attribution did, in tokens looked at (see
/// [`View::steps`](crate::attribution::view::View)). Each stage is a
/// function of the one context, the models and the observer.
pub(crate) fn run(
    text: &str,
    config: &Config,
    models: &Models,
    observer: &mut dyn Observer,
) -> (Analysis, u64) {
    let tokens = tokenize(text);
    let mut sents = sentences::split(text, &tokens);
    boilerplate::mark(text, &tokens, &mut sents);
    let mut quoted = quotes::find(text, &tokens);
    let diagnostics = std::mem::take(&mut quoted.diagnostics);
    let mut ctx = Ctx::new(text, &tokens, &sents, &quoted);
    ctx.rules_seen = !models.without_rules;
    ctx.knowledge = !models.without_knowledge;
    ctx.names = models.names.as_ref().filter(|_| ctx.knowledge);
    attribution::attribute(&mut ctx, models.cue.as_ref());
    if observer.records() {
        attribution::learned_cues::record(&ctx, observer);
    }
    attribution::heads::rank(&mut ctx, models.speaker.as_ref(), observer);
    let mut found = quote_model::suggestions(&ctx, models.quote.as_ref(), observer);
    let mut claims = ClaimPass::new(&ctx, config, models.claim.as_ref(), observer.records());
    for (si, s) in sents.iter().enumerate() {
        if s.boilerplate {
            continue;
        }
        found.extend(stance::denial(&mut ctx, si, models, observer));
        found.extend(claims.sentence(&ctx, si, observer));
    }
    let steps = ctx.v.steps.get();
    let analysis = found::into_analysis(text, config, &sents, found, diagnostics, &ctx.people);
    (analysis, steps)
}

#[cfg(test)]
mod tests {
    use super::{BLOCK_BYTES, block_end, run, run_in_blocks};
    use crate::Config;
    use crate::models::{Models, Unobserved};

    #[test]
    fn a_recording_observer_changes_nothing_of_the_analysis() {
        let text = "“We will not sell,” owner Rosa Klee said. The council denied it. \
            Prices rose 40 percent, officials said.\n\nKlee ruled out a sale.";
        let models = Models::embedded();
        let mut trace = crate::models::Trace::default();
        let (quiet, _) = run(text, &Config::default(), models, &mut Unobserved);
        let (recorded, _) = run(text, &Config::default(), models, &mut trace);
        assert_eq!(quiet, recorded);
        assert_eq!(trace.quotes.len(), 2);
        assert_eq!(trace.speakers.len(), 2);
        assert_eq!(trace.denials.len(), 2);
        assert!(!trace.cues.is_empty() && !trace.claims.is_empty());
    }

    #[test]
    fn a_block_ends_after_a_blank_line_else_a_line_break_else_at_the_end() {
        let half = BLOCK_BYTES / 2;
        // A blank line in the second half wins over a later line break.
        let mut text = "a".repeat(BLOCK_BYTES * 2);
        text.replace_range(half + 10..half + 12, "\n\n");
        text.replace_range(half + 20..half + 21, "\n");
        assert_eq!(block_end(&text, 0, BLOCK_BYTES), half + 12);
        // Without one, the last line break in the second half.
        let mut text = "a".repeat(BLOCK_BYTES * 2);
        text.replace_range(half + 10..half + 11, "\n");
        text.replace_range(half + 20..half + 21, "\n");
        assert_eq!(block_end(&text, 0, BLOCK_BYTES), half + 21);
        // A line break in the first half only is too early: the first one
        // past the limit.
        let mut text = "a".repeat(BLOCK_BYTES * 2);
        text.replace_range(10..11, "\n");
        text.replace_range(BLOCK_BYTES + 5..BLOCK_BYTES + 6, "\n");
        assert_eq!(block_end(&text, 0, BLOCK_BYTES), BLOCK_BYTES + 6);
        // No line break: the rest is one block; a short rest is one too.
        let text = "é".repeat(BLOCK_BYTES);
        assert_eq!(block_end(&text, 0, BLOCK_BYTES), text.len());
        assert_eq!(block_end(&text, text.len() - 4, BLOCK_BYTES), text.len());
    }

    #[test]
    fn blocks_of_any_size_give_the_sentences_of_the_whole_and_its_quotes() {
        // Paragraphs that each hold their own speaker: read alone or in the
        // whole text, they give the same quotes.
        let text = "Harbour fees rise\n\n“Plan 1 will go ahead,” Ana Ruiz said.\n\
            Zoë Ng, the mayor, denied it. “We were never asked,” Ng said.\n\n\
            By Staff\n\n“It is late,” said Tom Baker.\r\n\r\nThe port opened.\n";
        let config = Config::default();
        let models = Models::embedded();
        let (whole, _) = run(text, &config, models, &mut Unobserved);
        let quotes = |a: &crate::Analysis| {
            a.suggestions
                .iter()
                .filter(|s| s.label == crate::Label::Quote)
                .map(|s| (s.start, s.end, s.speaker.clone(), s.sentence))
                .collect::<Vec<_>>()
        };
        assert_eq!(quotes(&whole).len(), 3);
        for block in [8, 20, 40, 64, 100, 1000] {
            let (blocks, _) = run_in_blocks(text, &config, models, block);
            assert_eq!(blocks.sentences, whole.sentences, "block {block}");
            assert_eq!(quotes(&blocks), quotes(&whole), "block {block}");
        }
    }
}
