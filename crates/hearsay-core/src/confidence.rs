//! Every confidence the extractor gives, in one place, so that a model or a
//! calibration step can replace them without reading the passes: only
//! constants. The quote model's features and the rules' confidence of a
//! direct quote are in [`crate::attribution::quote_model`].
//!
//! A confidence is what the extractor believes the chance to be that a
//! person reviewing the suggestion accepts it as it stands. The page orders
//! the review and filters by it.

/// A direct quote whose speaker was found next to it (a cue, a transcript
/// label, a signature dash or an introducing colon).
pub(crate) const DIRECT_ATTRIBUTED: f32 = 0.93;
/// A direct quote whose speaker was carried over from a neighbouring quote
/// of the same speaker.
pub(crate) const DIRECT_CARRIED: f32 = 0.8;
/// A direct quote without a speaker.
pub(crate) const DIRECT_UNATTRIBUTED: f32 = 0.6;
/// Taken off a short fragment ("a sham") that is no full sentence: such
/// fragments are as often scare quotes as speech.
pub(crate) const DIRECT_FRAGMENT_PENALTY: f32 = 0.08;
/// The factor for a quote whose closing mark was never found.
pub(crate) const DIRECT_UNCLOSED_FACTOR: f32 = 0.6;

/// Reported speech introduced by `according to`.
pub(crate) const REPORTED_ACCORDING_TO: f32 = 0.75;
/// Reported speech introduced by a speech noun ("her suggestion that").
pub(crate) const REPORTED_SPEECH_NOUN: f32 = 0.5;
/// Reported speech in a sentence that also holds a direct quote.
pub(crate) const REPORTED_BESIDE_QUOTE: f32 = 0.6;
/// Reported speech introduced by a speech verb.
pub(crate) const REPORTED_SPEECH_VERB: f32 = 0.7;

/// The quote model's calibrated probability below which a quote is not
/// suggested: a person would more likely reject it than accept it. Below
/// every quote the shipped model scores in the corpus (the lowest is 0.43,
/// in a CheckThat! 2020 debate), so that it changes nothing until a model
/// learns from a person's rejections.
pub(crate) const QUOTE_MODEL_FLOOR: f32 = 0.4;

/// A cue's calibrated probability from which it introduces reported speech.
pub(crate) const REPORTED_MIN_CUE: f32 = 0.65;

/// A denial, when no model scores it.
pub(crate) const DENIAL: f32 = 0.8;
/// A denial pattern's probability from which it is suggested.
pub(crate) const DENIAL_THRESHOLD: f32 = 0.1;

/// What a claim's score starts from.
pub(crate) const CLAIM_BASE: f32 = 0.2;
/// Added for a figure (a digit, `$`, `%`, `€`, `£`).
pub(crate) const CLAIM_NUMBER: f32 = 0.3;
/// Added for a quantity word ("doubled", "most").
pub(crate) const CLAIM_QUANTITY: f32 = 0.15;
/// Added for a prediction ("will").
pub(crate) const CLAIM_FUTURE: f32 = 0.15;
/// Added for a cause ("because", "led to").
pub(crate) const CLAIM_CAUSAL: f32 = 0.15;
/// Added for an assertion attributed to someone.
pub(crate) const CLAIM_ATTRIBUTED: f32 = 0.25;
/// Taken off for each opinion word, at most three times.
pub(crate) const CLAIM_OPINION: f32 = 0.15;
/// Taken off for a sentence opening with a question word.
pub(crate) const CLAIM_WH_OPENING: f32 = 0.2;
/// Taken off for a line without final punctuation (a headline, a caption).
pub(crate) const CLAIM_NO_FINAL_STOP: f32 = 0.2;
/// The highest claim confidence.
pub(crate) const CLAIM_MAX: f32 = 0.95;
/// Claims scoring below this are not suggested (by the rules).
pub(crate) const CLAIM_THRESHOLD: f32 = 0.5;

/// The claim model's calibrated probability from which a sentence is
/// suggested as a claim.
///
/// A trade-off, measured by `hearsay-train claims`: the CheckThat! measure
/// ranks every line, and a line left without a claim falls back to text
/// order, so a lower threshold gives a higher MAP. Trained on both
/// CheckThat! sets (54 debates), whose labels are sparser than the 2019
/// set's alone, the model's probabilities are lower: leave-one-debate-out
/// MAP over the 54 debates is 0.136 when every sentence is scored, 0.125
/// from 0.05, 0.102 from 0.1; from 0.05 a fifth of the PolNeAR dev
/// sentences are claims (22.2%, about as many as the rules suggest:
/// 24.9%), from 0.1 only 7.3%.
pub(crate) const CLAIM_MODEL_THRESHOLD: f32 = 0.05;
