//! Learning from a person's decisions: a [`Bundle`] of models that each
//! decision moves a little, by the training step of `make train`, and
//! that gives the same models back, byte for byte, when the decision is
//! undone.
//!
//! Rule: a decision becomes [`Lesson`]s ([`lessons_of_change`] in the
//! page, [`lessons_of_document`] for `hearsay learn`); each lesson finds,
//! in a fresh analysis of the text around it, the features the models
//! scored there (the very features of the suggestion decided), and takes
//! one AdaGrad step ([`crate::learn::train`]) per model it teaches:
//!
//! - a quote accepted or rejected teaches the quote model (right, or not)
//!   and the cue model when it is reported speech (its cue word); it
//!   teaches the ranker nothing, since a quote is rejected for more reasons
//!   than its speaker (taught "anyone but the speaker it chose", the
//!   simulated annotator's reported speaker accuracy fell from 0.92 to
//!   0.66 on a dev half);
//! - a speaker named (an accepted quote's, or a correction) teaches the
//!   ranker that the words of that mention head the speaker: the mention
//!   at the given span, else the nearest mention of the name;
//! - a span marked by hand teaches the cue model its cue: the likeliest cue
//!   word right next to it;
//! - a claim or a denial accepted, rejected or toggled teaches that model.
//!
//! A gate (the cue model, which decides whether reported speech is
//! suggested, and the denial model) learns only where it decided
//! otherwise than the person: most suggestions are accepted, and learning
//! from each would only make the gate suggest more. No lesson moves a
//! bias, which would shift every decision at once.
//!
//! Every weight a step moves is logged first, so an [`Update`] undoes and
//! redoes exactly, and the same decisions in the same order give the same
//! bundle. Learning is deterministic: no clock, no threads, no randomness.
//!
//! ```
//! use hearsay_core::learn::{Bundle, Lesson, Verdict};
//! use hearsay_core::{Config, Span, analyze_with, models::Unobserved};
//!
//! let text = "“Prices will fall,” analyst Ben Otto said on Monday.";
//! let mut bundle = Bundle::from_models(hearsay_core::models::Models::embedded());
//! let before = bundle.write();
//! let update = bundle.learn(text, &[Lesson::Claim {
//!     sentence: Span { start: 0, end: 51 },
//!     verdict: Verdict::Accepted,
//! }]);
//! assert_ne!(bundle.write(), before);
//! bundle.undo(&update);
//! assert_eq!(bundle.write(), before);
//! # let _ = analyze_with(text, &Config::default(), bundle.models(), &mut Unobserved);
//! ```

use std::collections::BTreeMap;
use std::ops::Range;
#[cfg(feature = "embedded")]
use std::sync::OnceLock;

use sha2::{Digest, Sha256};

use crate::format::{Annotation, Document, Origin, Status};
use crate::learn::bundle::{BundleError, Contents, FRESH_SQUARE, ModelKind, Part};
use crate::learn::train::{binary_gradient, ranker_gradients, step_weights};
use crate::learn::{Features, Group, Model, Names};
use crate::models::{Models, SpeakerChoice, Trace};
use crate::{CharIndex, Config, Label, QuoteKind, Span, analyze_with};

/// How one lesson moves a model: AdaGrad's base step size, its prior (the
/// sum of squared gradients the first step already divides by, so that
/// one decision moves a weight by about `rate` times its gradient, not by
/// `rate` whatever the gradient), the L2 penalty, the weight of a positive
/// example of a binary model, and the number of steps per lesson.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Online {
    /// Base step size.
    pub rate: f32,
    /// AdaGrad's prior sum of squared gradients.
    pub prior: f32,
    /// L2 penalty per step.
    pub l2: f32,
    /// Weight of a positive example relative to a negative one (binary).
    pub positive_weight: f32,
    /// Steps per lesson.
    pub steps: usize,
    /// For a model that decides whether a suggestion is made (the cue
    /// model's reported speech, the denial gate), the calibrated
    /// probability it is made from: a lesson teaches only when the model
    /// decided otherwise.
    pub gate: Option<f32>,
}

/// The online settings of each model (its [`ModelKind::index`]): chosen
/// with the simulated annotator of `hearsay-train simulate` on the PolNeAR
/// dev halves (BENCHMARKS.md, "Learning from decisions").
pub const ONLINE: [Online; 5] = [
    // speaker: a correction moves the ranker enough that three or four of
    // one pattern change its choice; larger steps (0.2) lost 0.01 of
    // speaker accuracy on a dev half.
    Online {
        rate: 0.05,
        prior: 1.0,
        l2: 0.0,
        positive_weight: 1.0,
        steps: 1,
        gate: None,
    },
    // cue: small steps; at 0.05 forty reviewed articles cost 0.04 of
    // reported speech recall on a dev half, at 0.01 nothing.
    Online {
        rate: 0.01,
        prior: 1.0,
        l2: 0.0,
        positive_weight: 1.0,
        steps: 1,
        gate: Some(crate::confidence::REPORTED_MIN_CUE),
    },
    // claim
    Online {
        rate: 0.05,
        prior: 1.0,
        l2: 0.0,
        positive_weight: 1.0,
        steps: 1,
        gate: None,
    },
    // denial: as the cue model; at 0.05 a dev half lost 0.18 of denial F1.
    Online {
        rate: 0.01,
        prior: 1.0,
        l2: 0.0,
        positive_weight: 1.0,
        steps: 1,
        gate: Some(crate::confidence::DENIAL_THRESHOLD),
    },
    // quote: the confidence of every quote suggestion; one below
    // QUOTE_MODEL_FLOOR is no longer suggested.
    Online {
        rate: 0.05,
        prior: 1.0,
        l2: 0.0,
        positive_weight: 1.0,
        steps: 1,
        gate: None,
    },
];

/// A text up to this long is analysed whole for a lesson; a longer one in
/// a window of whole lines around the lesson (see [`window`]).
pub const WHOLE_TEXT_BYTES: usize = 64 * 1024;
/// How far a window reaches on each side of what a lesson is about.
pub const WINDOW_MARGIN_BYTES: usize = 4 * 1024;
/// How far from a quote (in bytes) its cue word is looked for.
const CUE_REACH_BYTES: usize = 160;

/// A person's verdict on a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Right as it stands.
    Accepted,
    /// Wrong.
    Rejected,
}

impl Verdict {
    fn is_accepted(self) -> bool {
        self == Verdict::Accepted
    }
}

/// What one decision teaches. Spans count code points of the text given
/// to [`Bundle::learn`].
#[derive(Debug, Clone, PartialEq)]
pub enum Lesson {
    /// A quote suggestion accepted or rejected.
    Quote {
        /// The quote's span.
        span: Span,
        /// Direct or reported.
        kind: Option<QuoteKind>,
        /// Its cue ("said"), when it has one.
        cue: Option<String>,
        /// Right or wrong.
        verdict: Verdict,
    },
    /// The speaker of the quote at `quote` is `name`, written at `at`
    /// (else at the nearest mention of `name`).
    Speaker {
        /// The quote's span.
        quote: Span,
        /// The speaker's name.
        name: String,
        /// Where the name is written, when known.
        at: Option<Span>,
    },
    /// Reported content marked by hand: its cue is a cue.
    Content {
        /// The content's span.
        span: Span,
    },
    /// A sentence is, or is not, a check-worthy claim.
    Claim {
        /// The sentence (or the claim's span).
        sentence: Span,
        /// Right or wrong.
        verdict: Verdict,
    },
    /// A sentence is, or is not, a denial.
    Denial {
        /// The sentence (or the denial's span).
        sentence: Span,
        /// Right or wrong.
        verdict: Verdict,
    },
}

impl Lesson {
    /// The code points the lesson is about.
    fn span(&self) -> Span {
        match self {
            Lesson::Quote { span, .. } | Lesson::Content { span } => *span,
            Lesson::Speaker { quote, at, .. } => match at {
                Some(at) => Span {
                    start: quote.start.min(at.start),
                    end: quote.end.max(at.end),
                },
                None => *quote,
            },
            Lesson::Claim { sentence, .. } | Lesson::Denial { sentence, .. } => *sentence,
        }
    }
}

/// One weight an update moved: its model, its bucket (`None` for the
/// bias), and its `(weight, square)` before and after.
type Moved = (ModelKind, Option<u32>, (f32, f32), (f32, f32));

/// What [`Bundle::learn`] changed, to undo or redo it exactly.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Update {
    /// Each weight moved.
    changes: Vec<Moved>,
    /// The bundle's lesson count before and after.
    lessons: (u32, u32),
}

impl Update {
    /// True if and only if nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.lessons.0 == self.lessons.1
    }

    /// The number of weights (biases included) the update moved.
    pub fn moved(&self) -> usize {
        self.changes.len()
    }
}

/// One model of a bundle with what learning needs of it.
#[derive(Debug, Clone, PartialEq)]
struct Slot {
    kind: ModelKind,
    /// The base model's file, and the model it decodes to.
    file: Vec<u8>,
    base: Model,
    /// The SHA-256 of `file`, for [`Bundle::id`].
    file_sum: [u8; 32],
    /// AdaGrad's sum of squared gradients of each weight, and the bias's.
    squares: Vec<f32>,
    bias_square: f32,
}

/// A set of models as data: read from a bundle file, used by the analysis,
/// moved by each decision, written back.
#[derive(Debug, Clone, PartialEq)]
pub struct Bundle {
    models: Models,
    slots: Vec<Slot>,
    lessons: u32,
    /// How each lesson moves each model ([`ONLINE`] unless set).
    online: [Online; 5],
    /// The SHA-256 of the names as written, for [`Bundle::id`] (they do
    /// not learn).
    names_sum: [u8; 32],
}

impl Default for Bundle {
    /// No models: every decision is the rules' (until a bundle is read).
    fn default() -> Bundle {
        Bundle::from_models(&Models::rules_only())
    }
}

#[cfg(feature = "embedded")]
static SHIPPED: &[u8] = include_bytes!("../../models/hearsay.hsb");

/// `models`' model of `kind`.
fn model_mut(models: &mut Models, kind: ModelKind) -> Option<&mut Model> {
    match kind {
        ModelKind::Speaker => models.speaker.as_mut(),
        ModelKind::Cue => models.cue.as_mut(),
        ModelKind::Claim => models.claim.as_mut(),
        ModelKind::Denial => models.denial.as_mut(),
        ModelKind::Quote => models.quote.as_mut(),
    }
}

fn model_of(models: &Models, kind: ModelKind) -> Option<&Model> {
    match kind {
        ModelKind::Speaker => models.speaker.as_ref(),
        ModelKind::Cue => models.cue.as_ref(),
        ModelKind::Claim => models.claim.as_ref(),
        ModelKind::Denial => models.denial.as_ref(),
        ModelKind::Quote => models.quote.as_ref(),
    }
}

/// What `Bundle::id` hashes first: the id's own version, apart from the
/// file's.
const BUNDLE_ID_MAGIC: &[u8] = b"hearsay bundle id 1";

/// `(bucket, weight, square)` of each weight of `model` that learning moved
/// from `slot`'s base.
fn moved<'a>(slot: &'a Slot, model: &'a Model) -> impl Iterator<Item = (u32, f32, f32)> + 'a {
    (0..model.weights.len())
        .filter(|&b| {
            model.weights[b].to_bits() != slot.base.weights[b].to_bits()
                || slot.squares[b].to_bits() != FRESH_SQUARE.to_bits()
        })
        .map(|b| (b as u32, model.weights[b], slot.squares[b]))
}

/// The SHA-256 of `names` as a bundle file writes them.
fn names_sum(names: Option<&Names>) -> [u8; 32] {
    let mut sum = Sha256::new();
    for &e in names.map_or(&[][..], Names::entries) {
        sum.update(((e >> 8) as u32).to_le_bytes());
        sum.update([(e & 0xff) as u8]);
    }
    sum.finalize().into()
}

impl Bundle {
    /// The bundle this build ships (`crates/hearsay-core/models/hearsay.hsb`,
    /// written by `make train`), read once.
    #[cfg(feature = "embedded")]
    pub fn shipped() -> &'static Bundle {
        static BUNDLE: OnceLock<Bundle> = OnceLock::new();
        BUNDLE.get_or_init(|| {
            Bundle::read(SHIPPED).unwrap_or_else(|_| Bundle::from_models(&Models::rules_only()))
        })
    }

    /// A bundle of `models` as they are, with nothing learned.
    pub fn from_models(models: &Models) -> Bundle {
        let mut bundle = Bundle {
            models: Models {
                names: models.names.clone(),
                ..Models::rules_only()
            },
            slots: Vec::new(),
            lessons: 0,
            online: ONLINE,
            names_sum: names_sum(models.names.as_ref()),
        };
        for kind in ModelKind::ALL {
            let Some(model) = model_of(models, kind) else {
                continue;
            };
            let file = model.to_bytes();
            let Ok(base) = Model::from_bytes(&file) else {
                continue;
            };
            bundle.slots.push(Slot {
                kind,
                squares: vec![FRESH_SQUARE; base.weights.len()],
                bias_square: FRESH_SQUARE,
                file_sum: Sha256::digest(&file).into(),
                file,
                base: base.clone(),
            });
            *bundle.slot_model(kind) = Some(base);
        }
        bundle
    }

    fn slot_model(&mut self, kind: ModelKind) -> &mut Option<Model> {
        match kind {
            ModelKind::Speaker => &mut self.models.speaker,
            ModelKind::Cue => &mut self.models.cue,
            ModelKind::Claim => &mut self.models.claim,
            ModelKind::Denial => &mut self.models.denial,
            ModelKind::Quote => &mut self.models.quote,
        }
    }

    /// Reads a bundle file. A truncated, corrupt or other-version bundle is
    /// refused with the reason; nothing is half-read.
    pub fn read(bytes: &[u8]) -> Result<Bundle, BundleError> {
        let contents = Contents::read(bytes)?;
        let mut bundle = Bundle {
            names_sum: names_sum(contents.names.as_ref()),
            models: Models {
                names: contents.names,
                ..Models::rules_only()
            },
            slots: Vec::new(),
            lessons: contents.lessons,
            online: ONLINE,
        };
        for part in contents.parts {
            let mut model = part.base.clone();
            let mut squares = vec![FRESH_SQUARE; model.weights.len()];
            model.bias = part.bias;
            for &(bucket, weight, square) in &part.moved {
                model.weights[bucket as usize] = weight;
                squares[bucket as usize] = square;
            }
            bundle.slots.push(Slot {
                kind: part.kind,
                file_sum: Sha256::digest(&part.file).into(),
                file: part.file,
                base: part.base,
                squares,
                bias_square: part.bias_square,
            });
            *bundle.slot_model(part.kind) = Some(model);
        }
        crate::order::sort_by_key(&mut bundle.slots, |s| s.kind);
        Ok(bundle)
    }

    /// The bundle as a file: [`Bundle::read`] of it gives this bundle back.
    pub fn write(&self) -> Vec<u8> {
        let parts = self
            .slots
            .iter()
            .filter_map(|slot| {
                let model = model_of(&self.models, slot.kind)?;
                Some(Part {
                    kind: slot.kind,
                    base: slot.base.clone(),
                    file: slot.file.clone(),
                    bias: model.bias,
                    bias_square: slot.bias_square,
                    moved: moved(slot, model).collect(),
                })
            })
            .collect();
        Contents {
            parts,
            names: self.models.names.clone(),
            lessons: self.lessons,
        }
        .write()
    }

    /// The bundle's id: 16 hex digits of a SHA-256 over what
    /// [`Bundle::write`] writes, with each base model's file and the names
    /// standing in by their own SHA-256 (taken once, when the bundle is
    /// made or read). Equal bundles have equal ids. An id costs a pass
    /// over the weights, not over the whole file: the page takes one at
    /// each decision.
    pub fn id(&self) -> String {
        let mut sum = Sha256::new();
        sum.update(BUNDLE_ID_MAGIC);
        for slot in &self.slots {
            let Some(model) = model_of(&self.models, slot.kind) else {
                continue;
            };
            sum.update([slot.kind.index() as u8]);
            sum.update(slot.file_sum);
            sum.update(model.bias.to_le_bytes());
            sum.update(slot.bias_square.to_le_bytes());
            // One pass over the weights: what moved is few.
            let moved: Vec<(u32, f32, f32)> = moved(slot, model).collect();
            sum.update((moved.len() as u32).to_le_bytes());
            for (bucket, weight, square) in moved {
                sum.update(bucket.to_le_bytes());
                sum.update(weight.to_le_bytes());
                sum.update(square.to_le_bytes());
            }
        }
        sum.update(self.names_sum);
        sum.update(self.lessons.to_le_bytes());
        let mut id = crate::format::hex(&sum.finalize());
        id.truncate(16);
        id
    }

    /// The same bundle, learning with `online` instead of [`ONLINE`] (for
    /// choosing the settings; not written in the file).
    pub fn with_online(mut self, online: [Online; 5]) -> Bundle {
        self.online = online;
        self
    }

    /// The models to analyse with.
    pub fn models(&self) -> &Models {
        &self.models
    }

    /// How many lessons the bundle has learned since its base (those that
    /// found their suggestion and moved a weight).
    pub fn lessons(&self) -> u32 {
        self.lessons
    }

    /// True if and only if nothing was learned: the models are the base.
    pub fn is_base(&self) -> bool {
        self.lessons == 0 && self.write() == self.base().write()
    }

    /// A bundle of this one's base models, nothing learned.
    pub fn base(&self) -> Bundle {
        let mut base = self.clone();
        base.reset();
        base
    }

    /// Forgets everything learned: back to the base models.
    pub fn reset(&mut self) {
        for i in 0..self.slots.len() {
            let kind = self.slots[i].kind;
            let base = self.slots[i].base.clone();
            let slot = &mut self.slots[i];
            slot.squares.iter_mut().for_each(|s| *s = FRESH_SQUARE);
            slot.bias_square = FRESH_SQUARE;
            *self.slot_model(kind) = Some(base);
        }
        self.lessons = 0;
    }

    /// Takes back `update`: the models are again what they were before it.
    pub fn undo(&mut self, update: &Update) {
        for &(kind, bucket, before, _) in update.changes.iter().rev() {
            self.set(kind, bucket, before);
        }
        self.lessons = update.lessons.0;
    }

    /// Applies `update` again after [`Bundle::undo`].
    pub fn redo(&mut self, update: &Update) {
        for &(kind, bucket, _, after) in &update.changes {
            self.set(kind, bucket, after);
        }
        self.lessons = update.lessons.1;
    }

    fn set(&mut self, kind: ModelKind, bucket: Option<u32>, (weight, square): (f32, f32)) {
        let Some(k) = self.slots.iter().position(|s| s.kind == kind) else {
            return;
        };
        match bucket {
            Some(b) => {
                self.slots[k].squares[b as usize] = square;
                if let Some(m) = model_mut(&mut self.models, kind) {
                    m.weights[b as usize] = weight;
                }
            }
            None => {
                self.slots[k].bias_square = square;
                if let Some(m) = model_mut(&mut self.models, kind) {
                    m.bias = weight;
                }
            }
        }
    }

    /// Learns `lessons`, about `text`, in order; returns what changed, for
    /// [`Bundle::undo`]. Lessons whose suggestion the analysis no longer
    /// finds, or whose model the bundle lacks, teach nothing and are not
    /// counted.
    pub fn learn(&mut self, text: &str, lessons: &[Lesson]) -> Update {
        self.learn_indexed(&CharIndex::new(text), lessons)
    }

    /// [`Bundle::learn`] about the text of `index`, for a caller that keeps
    /// the index of a long text (the page, at each key press).
    pub fn learn_indexed(&mut self, index: &CharIndex, lessons: &[Lesson]) -> Update {
        let mut log = Log::default();
        let before = self.lessons;
        if lessons.is_empty() {
            return Update::default();
        }
        let text = index.text();
        let bytes = |s: Span| index.byte(s.start)..index.byte(s.end);
        // Lessons that one window covers share one analysis.
        let mut k = 0;
        let mut taught = 0u32;
        while k < lessons.len() {
            let first = bytes(lessons[k].span());
            let w = window(text, first.clone());
            let mut end = k + 1;
            while end < lessons.len() {
                let r = bytes(lessons[end].span());
                if r.start < w.start || r.end > w.end {
                    break;
                }
                end += 1;
            }
            let mut trace = Trace::default();
            let piece = &text[w.clone()];
            analyze_with(piece, &Config::default(), &self.models, &mut trace);
            let at = Window {
                text: piece,
                offset: w.start,
            };
            for lesson in &lessons[k..end] {
                let local = |s: Span| {
                    let r = bytes(s);
                    r.start.saturating_sub(at.offset)..r.end.saturating_sub(at.offset)
                };
                let steps = log.steps;
                self.teach(&at, &trace, lesson, &local, &mut log);
                taught += u32::from(log.steps > steps);
            }
            k = end;
        }
        self.lessons = before.saturating_add(taught);
        let changes = log
            .before
            .into_iter()
            .map(|((kind, bucket), was)| {
                let now = self.get(kind, bucket);
                (kind, bucket, was, now)
            })
            .filter(|(_, _, was, now)| {
                was.0.to_bits() != now.0.to_bits() || was.1.to_bits() != now.1.to_bits()
            })
            .collect();
        Update {
            changes,
            lessons: (before, self.lessons),
        }
    }

    fn get(&self, kind: ModelKind, bucket: Option<u32>) -> (f32, f32) {
        let slot = self.slots.iter().find(|s| s.kind == kind);
        let model = model_of(&self.models, kind);
        match (slot, model, bucket) {
            (Some(s), Some(m), Some(b)) => (m.weights[b as usize], s.squares[b as usize]),
            (Some(s), Some(m), None) => (m.bias, s.bias_square),
            _ => (0.0, FRESH_SQUARE),
        }
    }

    /// One lesson, given the trace of the window `at`; `local` turns the
    /// lesson's code point spans into bytes of the window.
    fn teach(
        &mut self,
        at: &Window,
        trace: &Trace,
        lesson: &Lesson,
        local: &dyn Fn(Span) -> Range<usize>,
        log: &mut Log,
    ) {
        match lesson {
            Lesson::Quote {
                span,
                kind,
                cue,
                verdict,
            } => {
                let quote = local(*span);
                let right = verdict.is_accepted();
                if let Some(f) = best(&trace.quotes, &quote) {
                    self.binary(ModelKind::Quote, f, right, log);
                }
                if *kind == Some(QuoteKind::Reported)
                    && let Some(f) = cue.as_deref().and_then(|c| cue_word(at, trace, &quote, c))
                {
                    self.binary(ModelKind::Cue, f, right, log);
                }
            }
            Lesson::Speaker {
                quote,
                name,
                at: mention,
            } => {
                let quote = local(*quote);
                let Some(choice) = best_choice(&trace.speakers, &quote) else {
                    return;
                };
                let mention = match mention {
                    Some(m) => Some(local(*m)),
                    None => nearest_mention(at.text, name, &quote),
                };
                let Some(mention) = mention else { return };
                let gold: Vec<usize> = choice
                    .candidates
                    .iter()
                    .enumerate()
                    .filter(|(_, (r, _))| r.start >= mention.start && r.end <= mention.end)
                    .map(|(k, _)| k)
                    .collect();
                self.rank(choice, gold, log);
            }
            Lesson::Content { span } => {
                let content = local(*span);
                let Some(model) = self.models.cue.as_ref() else {
                    return;
                };
                // The likeliest cue word right next to the content.
                let near = trace.cues.iter().filter(|(r, _)| {
                    (r.end <= content.start && content.start - r.end <= CUE_REACH_BYTES)
                        || (r.start >= content.end && r.start - content.end <= CUE_REACH_BYTES)
                });
                let likeliest = near.fold(None::<(&Features, f32)>, |best, (_, f)| {
                    let p = model.score(f);
                    match best {
                        Some((_, q)) if q >= p => best,
                        _ => Some((f, p)),
                    }
                });
                if let Some((f, _)) = likeliest {
                    let f = f.clone();
                    self.binary(ModelKind::Cue, &f, true, log);
                }
            }
            Lesson::Claim { sentence, verdict } => {
                if let Some(f) = best(&trace.claims, &local(*sentence)) {
                    self.binary(ModelKind::Claim, f, verdict.is_accepted(), log);
                }
            }
            Lesson::Denial { sentence, verdict } => {
                let sentence = local(*sentence);
                let patterns: Vec<&Features> = trace
                    .denials
                    .iter()
                    .filter(|(r, _)| overlap(r, &sentence) > 0)
                    .map(|(_, f)| f)
                    .collect();
                let Some(model) = self.models.denial.as_ref() else {
                    return;
                };
                if verdict.is_accepted() {
                    // The pattern that most looks like the denial.
                    let likeliest =
                        patterns
                            .iter()
                            .copied()
                            .fold(None::<(&Features, f32)>, |b, f| {
                                let p = model.score(f);
                                match b {
                                    Some((_, q)) if q >= p => b,
                                    _ => Some((f, p)),
                                }
                            });
                    if let Some((f, _)) = likeliest {
                        let f = f.clone();
                        self.binary(ModelKind::Denial, &f, true, log);
                    }
                } else {
                    let patterns: Vec<Features> = patterns.into_iter().cloned().collect();
                    for f in &patterns {
                        self.binary(ModelKind::Denial, f, false, log);
                    }
                }
            }
        }
    }

    /// Steps of a binary model towards `right` for `f`.
    fn binary(&mut self, kind: ModelKind, f: &Features, right: bool, log: &mut Log) {
        let options = self.online[kind.index()];
        let Some(k) = self.slots.iter().position(|s| s.kind == kind) else {
            return;
        };
        let Some(model) = model_mut(&mut self.models, kind) else {
            return;
        };
        // A verdict the model already gives teaches a gate nothing: the
        // person confirmed the suggestion it made. Learning from those
        // (most suggestions are right) would only shift the gate towards
        // suggesting more.
        if let Some(gate) = options.gate
            && right == (model.probability(f) >= gate)
        {
            return;
        }
        let slot = &mut self.slots[k];
        for &h in &f.hashes {
            let b = model.bucket(h);
            log.weight(kind, b as u32, model.weights[b], slot.squares[b]);
        }
        log.steps += 1;
        for _ in 0..options.steps {
            let g = binary_gradient(model, f, right, options.positive_weight);
            step_weights(
                model,
                &mut slot.squares,
                f,
                g,
                (options.rate, options.l2, options.prior),
            );
        }
    }

    /// Steps of the speaker ranker towards the candidates `gold` of `choice`.
    fn rank(&mut self, choice: &SpeakerChoice, gold: Vec<usize>, log: &mut Log) {
        if gold.is_empty() || choice.candidates.len() < 2 || gold.len() == choice.candidates.len() {
            return;
        }
        let kind = ModelKind::Speaker;
        let options = self.online[kind.index()];
        let Some(k) = self.slots.iter().position(|s| s.kind == kind) else {
            return;
        };
        let Some(model) = self.models.speaker.as_mut() else {
            return;
        };
        let slot = &mut self.slots[k];
        let group = Group {
            candidates: choice.candidates.iter().map(|(_, f)| f.clone()).collect(),
            gold,
        };
        let mut scores = Vec::new();
        log.steps += 1;
        for _ in 0..options.steps {
            let gradients = ranker_gradients(model, &group, &mut scores);
            for (f, g) in group.candidates.iter().zip(gradients) {
                if g == 0.0 {
                    continue;
                }
                for &h in &f.hashes {
                    let b = model.bucket(h);
                    log.weight(kind, b as u32, model.weights[b], slot.squares[b]);
                }
                step_weights(
                    model,
                    &mut slot.squares,
                    f,
                    g,
                    (options.rate, options.l2, options.prior),
                );
            }
        }
    }
}

/// The text a lesson's analysis ran on, and where it starts in the whole.
struct Window<'t> {
    text: &'t str,
    offset: usize,
}

/// The values of every weight before its first move, and how many steps
/// were taken.
#[derive(Default)]
struct Log {
    before: BTreeMap<(ModelKind, Option<u32>), (f32, f32)>,
    steps: usize,
}

impl Log {
    fn weight(&mut self, kind: ModelKind, bucket: u32, weight: f32, square: f32) {
        self.before
            .entry((kind, Some(bucket)))
            .or_insert((weight, square));
    }
}

/// The window of `text` analysed for a lesson about `bytes`: the whole
/// text when it is short ([`WHOLE_TEXT_BYTES`]), else whole lines from
/// [`WINDOW_MARGIN_BYTES`] before to as far after. A window knows nothing
/// of the text around it (as a block of a long text does, see
/// [`crate::analyze`]).
pub fn window(text: &str, bytes: Range<usize>) -> Range<usize> {
    if text.len() <= WHOLE_TEXT_BYTES {
        return 0..text.len();
    }
    let from = bytes
        .start
        .saturating_sub(WINDOW_MARGIN_BYTES)
        .min(text.len());
    let to = bytes
        .end
        .saturating_add(WINDOW_MARGIN_BYTES)
        .min(text.len());
    // Back to the start of a line, on to the end of one; a cut after `\n`
    // is a character boundary.
    let start = text.as_bytes()[..from]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |k| k + 1);
    let end = text.as_bytes()[to..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |k| to + k + 1);
    start..end
}

/// The bytes two ranges share.
fn overlap(a: &Range<usize>, b: &Range<usize>) -> usize {
    a.end.min(b.end).saturating_sub(a.start.max(b.start))
}

/// The features of the entry of `entries` that overlaps `span` most, if
/// one overlaps it by half of either's length.
fn best<'a>(entries: &'a [(Range<usize>, Features)], span: &Range<usize>) -> Option<&'a Features> {
    let (range, f) = entries
        .iter()
        .max_by_key(|(r, _)| (overlap(r, span), std::cmp::Reverse(r.start)))?;
    let shared = overlap(range, span);
    let shorter = range.len().min(span.len()).max(1);
    (shared * 2 >= shorter).then_some(f)
}

/// The speaker choice of the quote that overlaps `span` most.
fn best_choice<'a>(choices: &'a [SpeakerChoice], span: &Range<usize>) -> Option<&'a SpeakerChoice> {
    let choice = choices
        .iter()
        .max_by_key(|c| (overlap(&c.quote, span), std::cmp::Reverse(c.quote.start)))?;
    let shared = overlap(&choice.quote, span);
    let shorter = choice.quote.len().min(span.len()).max(1);
    (shared * 2 >= shorter).then_some(choice)
}

/// The features of the cue word `cue` (its first word) of the reported
/// speech at `quote`: the nearest word so written outside it.
fn cue_word<'a>(
    at: &Window,
    trace: &'a Trace,
    quote: &Range<usize>,
    cue: &str,
) -> Option<&'a Features> {
    let first = cue.split_whitespace().next()?;
    trace
        .cues
        .iter()
        .filter(|(r, _)| r.end <= quote.start || r.start >= quote.end)
        .filter(|(r, _)| {
            at.text
                .get(r.clone())
                .is_some_and(|w| w.eq_ignore_ascii_case(first))
        })
        .map(|(r, f)| {
            let distance = if r.end <= quote.start {
                quote.start - r.end
            } else {
                r.start - quote.end
            };
            (distance, f)
        })
        .filter(|&(d, _)| d <= CUE_REACH_BYTES)
        .min_by_key(|&(d, _)| d)
        .map(|(_, f)| f)
}

/// The nearest mention of `name` to `quote` in `text`: the whole name,
/// else its last word (a surname alone).
fn nearest_mention(text: &str, name: &str, quote: &Range<usize>) -> Option<Range<usize>> {
    let name = name.trim();
    let last = name.split_whitespace().last().unwrap_or(name);
    for needle in [name, last] {
        if needle.chars().count() < 2 {
            continue;
        }
        let nearest = text
            .match_indices(needle)
            .map(|(k, m)| k..k + m.len())
            .filter(|r| {
                // Whole words only.
                let before = text[..r.start].chars().next_back();
                let after = text[r.end..].chars().next();
                !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
            })
            .min_by_key(|r| {
                if r.end <= quote.start {
                    quote.start - r.end
                } else {
                    r.start.saturating_sub(quote.end)
                }
            });
        if nearest.is_some() {
            return nearest;
        }
    }
    None
}

/// What an annotation of an export teaches, by its status: an accepted or
/// adjudicated quote (with its speaker), a rejected one, one a person
/// made, a claim or denial accepted or rejected. Suggestions still waiting
/// teach nothing.
pub fn lessons_of_annotation(a: &Annotation) -> Vec<Lesson> {
    let span = Span {
        start: a.start,
        end: a.end,
    };
    let verdict = match a.status {
        Status::Suggested => return Vec::new(),
        Status::Accepted => Verdict::Accepted,
        Status::Rejected => Verdict::Rejected,
    };
    let mut out = Vec::new();
    match a.label {
        Label::Quote => {
            if a.origin == Origin::Annotator && verdict.is_accepted() {
                out.push(Lesson::Content { span });
            }
            out.push(Lesson::Quote {
                span,
                kind: a.kind,
                cue: a.cue.clone(),
                verdict,
            });
            if verdict.is_accepted()
                && let Some(name) = a.speaker.as_deref().filter(|n| !n.trim().is_empty())
            {
                out.push(Lesson::Speaker {
                    quote: span,
                    name: name.to_string(),
                    at: a.speaker_span,
                });
            }
        }
        Label::Claim => out.push(Lesson::Claim {
            sentence: span,
            verdict,
        }),
        Label::Denial => out.push(Lesson::Denial {
            sentence: span,
            verdict,
        }),
    }
    out
}

/// Every lesson of a reviewed document, annotation by annotation in order
/// (what `hearsay learn` learns).
pub fn lessons_of_document(doc: &Document) -> Vec<Lesson> {
    doc.annotations
        .iter()
        .flat_map(lessons_of_annotation)
        .collect()
}

/// What one change of the page teaches: an annotation `before` → `after`
/// (`None` for created or deleted). A decision (a status changed, or an
/// annotation made) teaches what [`lessons_of_annotation`] says of the
/// new state; a speaker changed on a quote teaches its new speaker.
pub fn lessons_of_change(before: Option<&Annotation>, after: Option<&Annotation>) -> Vec<Lesson> {
    match (before, after) {
        (None, Some(a)) => lessons_of_annotation(a),
        (Some(b), None) => {
            // A person's own claim or denial taken away: it was wrong.
            if b.status == Status::Accepted && b.label != Label::Quote {
                let mut gone = b.clone();
                gone.status = Status::Rejected;
                lessons_of_annotation(&gone)
            } else {
                Vec::new()
            }
        }
        (Some(b), Some(a)) if b.status != a.status => lessons_of_annotation(a),
        (Some(b), Some(a)) if b.speaker != a.speaker || b.speaker_span != a.speaker_span => {
            let Some(name) = a.speaker.as_deref().filter(|n| !n.trim().is_empty()) else {
                return Vec::new();
            };
            if a.label != Label::Quote || a.status == Status::Rejected {
                return Vec::new();
            }
            vec![Lesson::Speaker {
                quote: Span {
                    start: a.start,
                    end: a.end,
                },
                name: name.to_string(),
                at: a.speaker_span,
            }]
        }
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::Unobserved;
    use crate::{Label, Suggestion};

    /// Two paragraphs of one pattern: a quote, then who said it.
    const TWICE: &str = "“The bridge will close in May,” said Ines Baptiste, the mayor.\n\n\
        “The ferry will run all summer,” said Tom Achebe, the harbour master.\n";

    fn shipped() -> Bundle {
        Bundle::from_models(Models::embedded())
    }

    fn suggestions(bundle: &Bundle, text: &str) -> Vec<Suggestion> {
        analyze_with(text, &Config::default(), bundle.models(), &mut Unobserved)
            .0
            .suggestions
    }

    fn quotes(bundle: &Bundle, text: &str) -> Vec<Suggestion> {
        suggestions(bundle, text)
            .into_iter()
            .filter(|s| s.label == Label::Quote)
            .collect()
    }

    fn reject(s: &Suggestion) -> Lesson {
        Lesson::Quote {
            span: Span {
                start: s.start,
                end: s.end,
            },
            kind: s.kind,
            cue: s.cue.clone(),
            verdict: Verdict::Rejected,
        }
    }

    #[test]
    fn a_bundle_of_the_shipped_models_writes_the_shipped_file() {
        let file =
            std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/models/hearsay.hsb")).unwrap();
        assert_eq!(shipped().write(), file);
        assert_eq!(Bundle::read(&file).unwrap(), shipped());
    }

    #[test]
    fn undo_restores_the_bundle_byte_for_byte() {
        let mut bundle = shipped();
        let before = bundle.write();
        let first = quotes(&bundle, TWICE)[0].clone();
        let update = bundle.learn(TWICE, &[reject(&first)]);
        assert!(update.moved() > 0);
        assert_ne!(bundle.write(), before);
        bundle.undo(&update);
        assert_eq!(bundle.write(), before);
        assert_eq!(bundle, shipped());
    }

    #[test]
    fn redo_gives_the_learned_bundle_again() {
        let mut bundle = shipped();
        let first = quotes(&bundle, TWICE)[0].clone();
        let update = bundle.learn(TWICE, &[reject(&first)]);
        let learned = bundle.write();
        bundle.undo(&update);
        bundle.redo(&update);
        assert_eq!(bundle.write(), learned);
    }

    #[test]
    fn the_same_lessons_in_the_same_order_give_the_same_bundle() {
        let lessons = {
            let bundle = shipped();
            quotes(&bundle, TWICE)
                .iter()
                .map(reject)
                .collect::<Vec<_>>()
        };
        let (mut a, mut b) = (shipped(), shipped());
        a.learn(TWICE, &lessons);
        b.learn(TWICE, &lessons);
        assert_eq!(a.write(), b.write());
        assert_eq!(a.lessons(), 2);
    }

    #[test]
    fn a_learned_bundle_reads_back_as_the_very_same_models() {
        let mut bundle = shipped();
        let first = quotes(&bundle, TWICE)[0].clone();
        bundle.learn(TWICE, &[reject(&first)]);
        let back = Bundle::read(&bundle.write()).unwrap();
        assert_eq!(back, bundle);
        assert!(!back.is_base());
    }

    #[test]
    fn an_id_is_sixteen_hex_digits() {
        let id = shipped().id();
        assert_eq!(id.len(), 16);
        assert!(id.chars().all(|c| c.is_ascii_hexdigit()), "{id}");
    }

    #[test]
    fn a_learned_bundle_has_another_id_and_keeps_it_when_read_back() {
        let mut bundle = shipped();
        let first = quotes(&bundle, TWICE)[0].clone();
        bundle.learn(TWICE, &[reject(&first)]);
        assert_ne!(bundle.id(), shipped().id());
        assert_eq!(Bundle::read(&bundle.write()).unwrap().id(), bundle.id());
    }

    #[test]
    fn undo_gives_the_id_back() {
        let mut bundle = shipped();
        let first = quotes(&bundle, TWICE)[0].clone();
        let update = bundle.learn(TWICE, &[reject(&first)]);
        bundle.undo(&update);
        assert_eq!(bundle.id(), shipped().id());
    }

    #[test]
    fn other_base_models_have_another_id() {
        assert_ne!(Bundle::default().id(), shipped().id());
    }

    #[test]
    fn one_more_lesson_counted_changes_the_id() {
        let lessons = quotes(&shipped(), TWICE)
            .iter()
            .map(reject)
            .collect::<Vec<_>>();
        let (mut one, mut two) = (shipped(), shipped());
        one.learn(TWICE, &lessons[..1]);
        two.learn(TWICE, &lessons);
        assert_ne!(one.id(), two.id());
    }

    #[test]
    fn reset_returns_to_the_base() {
        let mut bundle = shipped();
        let first = quotes(&bundle, TWICE)[0].clone();
        bundle.learn(TWICE, &[reject(&first)]);
        bundle.reset();
        assert_eq!(bundle.write(), shipped().write());
        assert!(bundle.is_base());
    }

    #[test]
    fn rejecting_a_quote_lowers_the_next_of_its_pattern() {
        let mut bundle = shipped();
        let before = quotes(&bundle, TWICE);
        bundle.learn(TWICE, &[reject(&before[0])]);
        let after = quotes(&bundle, TWICE);
        assert!(
            after[1].confidence < before[1].confidence,
            "{} then {}",
            before[1].confidence,
            after[1].confidence
        );
    }

    #[test]
    fn accepting_a_quote_raises_the_next_of_its_pattern() {
        let mut bundle = shipped();
        let before = quotes(&bundle, TWICE);
        let mut lesson = reject(&before[0]);
        if let Lesson::Quote { verdict, .. } = &mut lesson {
            *verdict = Verdict::Accepted;
        }
        bundle.learn(TWICE, &[lesson]);
        let after = quotes(&bundle, TWICE);
        assert!(after[1].confidence > before[1].confidence);
    }

    #[test]
    fn rejecting_a_quote_leaves_the_speaker_model_alone() {
        let mut bundle = shipped();
        let before = quotes(&bundle, TWICE);
        bundle.learn(TWICE, &[reject(&before[0])]);
        assert_eq!(bundle.models().speaker, shipped().models().speaker);
    }

    #[test]
    fn a_corrected_speaker_is_chosen_after_at_most_ten_corrections() {
        // The model gives the quote to who tells; the person says, each
        // time, that it was who was told.
        let text = "“Rates will rise,” Ines Baptiste told Tom Achebe on Monday.\n";
        let mut bundle = shipped();
        let quote = quotes(&bundle, text)[0].clone();
        assert_eq!(quote.speaker.as_deref(), Some("Ines Baptiste"));
        let lesson = Lesson::Speaker {
            quote: Span {
                start: quote.start,
                end: quote.end,
            },
            name: "Tom Achebe".into(),
            at: None,
        };
        let mut corrections = 0;
        while corrections < 10 && quotes(&bundle, text)[0].speaker.as_deref() != Some("Tom Achebe")
        {
            bundle.learn(text, std::slice::from_ref(&lesson));
            corrections += 1;
        }
        let after = quotes(&bundle, text)[0].clone();
        assert_eq!(after.speaker.as_deref(), Some("Tom Achebe"));
    }

    #[test]
    fn accepting_a_claim_raises_its_confidence() {
        let text = "Tolls rose by 40 percent last year. The bridge is blue.";
        let mut bundle = shipped();
        let score = |b: &Bundle| {
            let mut trace = Trace::default();
            analyze_with(text, &Config::default(), b.models(), &mut trace);
            b.models()
                .claim
                .as_ref()
                .unwrap()
                .probability(&trace.claims[0].1)
        };
        let before = score(&bundle);
        bundle.learn(
            text,
            &[Lesson::Claim {
                sentence: Span { start: 0, end: 34 },
                verdict: Verdict::Accepted,
            }],
        );
        assert!(score(&bundle) > before);
    }

    #[test]
    fn rejecting_a_denial_lowers_it() {
        let text = "The council rejected the plan on Monday.";
        let mut bundle = shipped();
        let score = |b: &Bundle| {
            let mut trace = Trace::default();
            analyze_with(text, &Config::default(), b.models(), &mut trace);
            b.models()
                .denial
                .as_ref()
                .unwrap()
                .probability(&trace.denials[0].1)
        };
        let before = score(&bundle);
        bundle.learn(
            text,
            &[Lesson::Denial {
                sentence: Span { start: 0, end: 40 },
                verdict: Verdict::Rejected,
            }],
        );
        assert!(score(&bundle) < before);
    }

    #[test]
    fn a_lesson_about_nothing_the_analysis_found_teaches_nothing() {
        let mut bundle = shipped();
        let update = bundle.learn(
            "No quote here at all.",
            &[Lesson::Quote {
                span: Span { start: 3, end: 8 },
                kind: Some(QuoteKind::Direct),
                cue: None,
                verdict: Verdict::Rejected,
            }],
        );
        assert_eq!(update.moved(), 0);
        assert_eq!(bundle.models(), shipped().models());
    }

    #[test]
    fn a_short_text_is_its_own_window() {
        let text = "a\nb\nc";
        assert_eq!(window(text, 2..3), 0..text.len());
    }

    #[test]
    fn a_long_text_gives_a_window_of_whole_lines_around_the_lesson() {
        let line = format!("{}\n", "x".repeat(99));
        let text = line.repeat(2000);
        let w = window(&text, 100_000..100_050);
        assert_eq!(w.start % 100, 0);
        assert_eq!(w.end % 100, 0);
        assert!(w.start <= 100_000 - WINDOW_MARGIN_BYTES && w.end >= 100_050 + WINDOW_MARGIN_BYTES);
        assert!(w.len() < 2 * WINDOW_MARGIN_BYTES + 300);
    }

    fn annotation(label: Label, status: Status, origin: Origin) -> Annotation {
        Annotation {
            status,
            origin,
            kind: (label == Label::Quote).then_some(QuoteKind::Direct),
            speaker: (label == Label::Quote).then(|| "Ana Ruiz".to_string()),
            speaker_span: (label == Label::Quote).then_some(Span { start: 20, end: 28 }),
            ..Annotation::new("a1", label, 1, 10, "abcdefghi")
        }
    }

    #[test]
    fn accepting_a_suggested_quote_teaches_the_quote_and_its_speaker() {
        let before = annotation(Label::Quote, Status::Suggested, Origin::Extractor);
        let after = annotation(Label::Quote, Status::Accepted, Origin::Extractor);
        let lessons = lessons_of_change(Some(&before), Some(&after));
        assert!(matches!(
            lessons[0],
            Lesson::Quote {
                verdict: Verdict::Accepted,
                ..
            }
        ));
        assert!(
            matches!(&lessons[1], Lesson::Speaker { name, at: Some(_), .. } if name == "Ana Ruiz")
        );
        assert_eq!(lessons.len(), 2);
    }

    #[test]
    fn rejecting_a_suggested_quote_teaches_one_negative() {
        let before = annotation(Label::Quote, Status::Suggested, Origin::Extractor);
        let after = annotation(Label::Quote, Status::Rejected, Origin::Extractor);
        let lessons = lessons_of_change(Some(&before), Some(&after));
        assert_eq!(lessons.len(), 1);
        assert!(matches!(
            lessons[0],
            Lesson::Quote {
                verdict: Verdict::Rejected,
                ..
            }
        ));
    }

    #[test]
    fn a_corrected_speaker_teaches_the_new_name() {
        let before = annotation(Label::Quote, Status::Accepted, Origin::Extractor);
        let mut after = before.clone();
        after.speaker = Some("Tom Achebe".into());
        after.speaker_span = None;
        let lessons = lessons_of_change(Some(&before), Some(&after));
        assert_eq!(
            lessons,
            [Lesson::Speaker {
                quote: Span { start: 1, end: 10 },
                name: "Tom Achebe".into(),
                at: None
            }]
        );
    }

    #[test]
    fn a_quote_marked_by_hand_teaches_its_content() {
        let made = annotation(Label::Quote, Status::Accepted, Origin::Annotator);
        let lessons = lessons_of_change(None, Some(&made));
        assert_eq!(
            lessons[0],
            Lesson::Content {
                span: Span { start: 1, end: 10 }
            }
        );
    }

    #[test]
    fn a_claim_taken_back_teaches_a_negative() {
        let made = annotation(Label::Claim, Status::Accepted, Origin::Annotator);
        let lessons = lessons_of_change(Some(&made), None);
        assert!(matches!(
            lessons[..],
            [Lesson::Claim {
                verdict: Verdict::Rejected,
                ..
            }]
        ));
    }

    #[test]
    fn a_suggestion_still_waiting_teaches_nothing() {
        let waiting = annotation(Label::Denial, Status::Suggested, Origin::Extractor);
        assert!(lessons_of_annotation(&waiting).is_empty());
    }
}
