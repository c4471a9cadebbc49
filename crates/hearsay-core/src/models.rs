//! The learned models the extractor ships with, embedded in the binary, and
//! what a training run needs to see of an analysis.
//!
//! The models come in one bundle ([`crate::learn::Bundle`]),
//! `crates/hearsay-core/models/hearsay.hsb`, written by `make train`
//! (`hearsay-train`) from `../shared/corpus`; the CLI and the Python
//! package embed it (the `embedded` feature), the page loads it as data.
//! The README's "Models" section names their data, terms and figures. A
//! bundle that cannot be read leaves the models out, and the rules they
//! would refine decide alone: [`analyze`](crate::analyze) never fails
//! because of a model.

use std::ops::Range;

use crate::learn::{Features, Model, Names};

/// The models one analysis uses. `None` leaves a decision to the rules.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Models {
    /// Ranks the words around a quote as the head of its speaker's name.
    pub speaker: Option<Model>,
    /// Tells whether a word is the cue of an attribution ("said",
    /// "according to", "claims").
    pub cue: Option<Model>,
    /// Scores a sentence as a check-worthy claim.
    pub claim: Option<Model>,
    /// Tells whether a denial pattern ("rejected", "ruled out") is someone
    /// denying something, or a mere action ("refused to drop the gun").
    pub denial: Option<Model>,
    /// Gives a quote suggestion its confidence: the chance that a person
    /// reviewing it accepts it.
    pub quote: Option<Model>,
    /// Person names and places the speaker ranker knows.
    pub names: Option<Names>,
    /// For the ablation "without knowledge": the speaker ranker sees
    /// neither the names nor the shapes of what is not a person.
    #[doc(hidden)]
    pub without_knowledge: bool,
    /// For the ablation "model only": the models neither see what the rules
    /// chose nor defer to it.
    #[doc(hidden)]
    pub without_rules: bool,
}

impl Models {
    /// The models of the bundle this build ships
    /// ([`Bundle::shipped`](crate::learn::Bundle::shipped)). Only with the
    /// `embedded` feature (the default): the page loads its bundle as data.
    #[cfg(feature = "embedded")]
    pub fn embedded() -> &'static Models {
        crate::learn::Bundle::shipped().models()
    }

    /// No models: every decision is the rules'.
    pub fn rules_only() -> Models {
        Models::default()
    }
}

/// Whoever listens to the passes: told the features each model scored,
/// next to where in the text they were (byte offsets; a listener converts
/// them with [`CharIndex::char_of_byte`](crate::CharIndex::char_of_byte)).
///
/// The passes take the observer as `&mut dyn Observer` (one copy of each
/// pass in the binary, whoever listens); when [`Observer::records`] is
/// false ([`Unobserved`]: nobody listens) the features a model would not
/// need are never built. [`Trace`] records
/// everything, for training and for learning from decisions.
pub trait Observer {
    /// True if and only if the observer records anything; when false the
    /// passes build no features for it and may analyse a long text in
    /// blocks.
    fn records(&self) -> bool;
    /// A word that may be a cue, and its features.
    fn cue(&mut self, _word: Range<usize>, _features: &Features) {}
    /// The candidates of one quote suggestion's speaker.
    fn speaker(&mut self, _choice: SpeakerChoice) {}
    /// A sentence that is not boilerplate, and its claim features.
    fn claim(&mut self, _sentence: Range<usize>, _features: &Features) {}
    /// A sentence with a denial pattern, and that pattern's features.
    fn denial(&mut self, _sentence: Range<usize>, _features: &Features) {}
    /// A quote suggestion, and its features for the quote model.
    fn quote(&mut self, _quote: Range<usize>, _features: &Features) {}
}

/// Nobody listens: a zero-sized observer that records nothing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Unobserved;

impl Observer for Unobserved {
    fn records(&self) -> bool {
        false
    }
}

impl Observer for Trace {
    fn records(&self) -> bool {
        true
    }
    fn cue(&mut self, word: Range<usize>, features: &Features) {
        self.cues.push((word, features.clone()));
    }
    fn speaker(&mut self, choice: SpeakerChoice) {
        self.speakers.push(choice);
    }
    fn claim(&mut self, sentence: Range<usize>, features: &Features) {
        self.claims.push((sentence, features.clone()));
    }
    fn denial(&mut self, sentence: Range<usize>, features: &Features) {
        self.denials.push((sentence, features.clone()));
    }
    fn quote(&mut self, quote: Range<usize>, features: &Features) {
        self.quotes.push((quote, features.clone()));
    }
}

/// What a training run sees of one analysis: every feature each model
/// scored ([`Observer`]), next to where in the text it was.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trace {
    /// For each quote suggestion, the candidate heads of its speaker.
    pub speakers: Vec<SpeakerChoice>,
    /// For each word that may be a cue, its features.
    pub cues: Vec<(Range<usize>, Features)>,
    /// For each sentence that is not boilerplate, its claim features,
    /// whether or not claims are suggested.
    pub claims: Vec<(Range<usize>, Features)>,
    /// For each sentence with a denial pattern, its features.
    pub denials: Vec<(Range<usize>, Features)>,
    /// For each quote suggestion, its features for the quote model.
    pub quotes: Vec<(Range<usize>, Features)>,
}

/// The speaker candidates of one quote suggestion.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerChoice {
    /// The quote's span.
    pub quote: Range<usize>,
    /// Each candidate head word's span and features.
    pub candidates: Vec<(Range<usize>, Features)>,
}
