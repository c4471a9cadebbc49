//! The extraction core of hearsay.
//!
//! Given the text of a news article, [`analyze`] finds its sentences, marks
//! boilerplate (bylines, credits, ads), and suggests annotations: direct and
//! reported **quotes** with their speaker and cue, **denials** and
//! check-worthy **claims**. Every suggestion carries a confidence in `[0, 1]`.
//!
//! The core is plain Rust: no I/O, no clocks, no web APIs. It is tested
//! natively and runs unchanged as WebAssembly in the annotator.
//!
//! **Offsets** in every public type count Unicode scalar values (code
//! points) into the original text, the unit of the hearsay JSON format.
//! [`CharIndex`] converts them to byte offsets and UTF-16 units.
//!
//! ```
//! use hearsay_core::{analyze, Config, Label};
//!
//! let text = "“We have no plans to raise taxes,” Finance Minister Ana Ruiz said on Monday.";
//! let analysis = analyze(text, &Config::default());
//! let quote = analysis.suggestions.iter().find(|s| s.label == Label::Quote).unwrap();
//! assert_eq!(quote.speaker.as_deref(), Some("Ana Ruiz"));
//! ```
#![deny(missing_docs)]

pub mod agreement;
mod attribution;
mod confidence;
mod engine;
pub mod format;
mod found;
pub mod interop;
pub mod learn;
pub mod models;
pub mod order;
mod stance;
#[cfg(feature = "grouping")]
pub mod statements;
mod text;

use models::{Models, Observer, Unobserved};
pub use text::html;
pub use text::offsets::{CharIndex, CharOffsets};

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of code point offsets into a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First code point of the span.
    pub start: usize,
    /// One past the last code point of the span.
    pub end: usize,
}

/// What a suggestion or annotation says about a stretch of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// Someone's words, direct or reported.
    Quote,
    /// A check-worthy assertion.
    Claim,
    /// Someone rejects, rules out or refuses something.
    Denial,
}

impl Label {
    /// All labels, in display order.
    pub const ALL: [Label; 3] = [Label::Quote, Label::Claim, Label::Denial];

    /// The lowercase name used in JSON, CSS classes and the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Quote => "quote",
            Label::Claim => "claim",
            Label::Denial => "denial",
        }
    }

    /// Parses the lowercase name; returns `None` for anything else.
    pub fn parse(name: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == name)
    }
}

/// Whether a quote gives the speaker's own words or reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The words between quotation marks.
    Direct,
    /// Reported speech: "X said that …", "according to X, …".
    Reported,
}

impl QuoteKind {
    /// The lowercase name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Reported => "reported",
        }
    }
}

/// Settings for [`analyze`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Suggestions below this confidence are dropped. Default `0.0`.
    pub min_confidence: f32,
    /// Whether claims are suggested. Default `true`.
    pub claims: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            min_confidence: 0.0,
            claims: true,
        }
    }
}

/// One sentence (or sentence-like line: a headline, caption or dateline).
///
/// Sentences are in text order and do not overlap; the text outside every
/// sentence is whitespace only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// First code point of the sentence.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// True if and only if the sentence is not article text: a byline,
    /// credit, copyright line, ad marker and the like. Boilerplate is never
    /// labelled.
    pub boilerplate: bool,
    /// Index of the paragraph (a run of lines without a line break between
    /// sentences) the sentence belongs to, counting from 0.
    pub paragraph: usize,
}

/// One suggested annotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// What the span is.
    pub label: Label,
    /// First code point of the span.
    pub start: usize,
    /// One past its last code point.
    pub end: usize,
    /// Direct or reported, for quotes; `None` for claims and denials.
    pub kind: Option<QuoteKind>,
    /// Who speaks (or denies), as fully named as the article allows.
    pub speaker: Option<String>,
    /// Where the speaker's name is written in the text, if it is.
    pub speaker_span: Option<Span>,
    /// The speech or denial cue ("said", "according to", "ruled out").
    pub cue: Option<String>,
    /// How sure the extractor is, in `[0, 1]`; higher ranks first. Learned
    /// and calibrated: of the suggestions given a confidence of about `c`, a
    /// share of about `c` is right.
    pub confidence: f32,
    /// How sure the extractor is of the speaker, in `[0, 1]` (calibrated
    /// like `confidence`), when a model chose it.
    pub speaker_confidence: Option<f32>,
    /// Index into [`Analysis::sentences`] of the sentence where the span starts.
    pub sentence: usize,
}

/// Something odd the extractor met and worked around (an unbalanced quote
/// mark, for example). Diagnostics never stop the analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Code point offset the diagnostic is about.
    pub at: usize,
    /// A lowercase sentence saying what was found.
    pub message: String,
}

/// The result of [`analyze`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The sentences, in text order.
    pub sentences: Vec<Sentence>,
    /// The suggestions, ordered by start offset.
    pub suggestions: Vec<Suggestion>,
    /// What was odd in the input.
    pub diagnostics: Vec<Diagnostic>,
}

/// Analyses one article with the shipped models (the rules alone in a
/// build without the `embedded` feature: the page, which loads its models
/// as data and calls [`analyze_with`]). Never fails and never panics: odd
/// input gives a partial result plus [`Analysis::diagnostics`].
///
/// A text over 1 MiB is analysed in blocks of whole paragraphs, each on
/// its own (a book-length text in one piece outgrows the processor's
/// caches): what the start of a block knows of the text before it is
/// lost, the people met included.
///
/// Offsets inside the engine are 32-bit: a text over 4 GiB (far beyond any
/// article, and beyond what the browser or the CLI accept) is analysed up
/// to its last character boundary before 4 GiB, with a diagnostic saying so.
pub fn analyze(text: &str, config: &Config) -> Analysis {
    analyze_counting_steps(text, config).0
}

/// [`analyze`], with the number of tokens attribution looked at: the
/// complexity guard of the tests holds it to grow linearly with the text.
#[doc(hidden)]
pub fn analyze_counting_steps(text: &str, config: &Config) -> (Analysis, u64) {
    #[cfg(feature = "embedded")]
    let models = Models::embedded();
    #[cfg(not(feature = "embedded"))]
    let models = &Models::rules_only();
    analyze_with(text, config, models, &mut Unobserved)
}

/// [`analyze`] with the given models instead of the embedded ones,
/// telling `observer` what the models scored (a [`Trace`](models::Trace) records it, for
/// training and learning; [`Unobserved`](models::Unobserved) nothing) and returning the
/// number of tokens attribution looked at.
pub fn analyze_with<O: Observer>(
    text: &str,
    config: &Config,
    models: &Models,
    observer: &mut O,
) -> (Analysis, u64) {
    let limit = MAX_TEXT_BYTES;
    if text.len() <= limit {
        // A recording observer sees whole documents (training's are all
        // short); nobody listening, a long text goes in blocks.
        if !observer.records() && text.len() > engine::BLOCK_BYTES {
            return engine::run_in_blocks(text, config, models, engine::BLOCK_BYTES);
        }
        return engine::run(text, config, models, observer);
    }
    let mut cut = limit;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let (mut analysis, steps) = engine::run(&text[..cut], config, models, observer);
    analysis.diagnostics.push(Diagnostic {
        at: text[..cut].chars().count(),
        message: format!(
            "text is {} bytes: only the first {cut} bytes were analysed",
            text.len()
        ),
    });
    (analysis, steps)
}

/// The longest text the engine analyses in one piece (token offsets are
/// `u32`).
const MAX_TEXT_BYTES: usize = u32::MAX as usize - 1;
