//! Learning from decisions: hashed sparse features, linear models, their
//! training, calibration and the compact files they are shipped in.
//!
//! Everything here is plain arithmetic on in-memory examples, so the same
//! code trains the shipped models (`hearsay-train`, from the shared corpus)
//! and could train in the page from a person's accept and reject decisions.
//! Training is deterministic: examples are visited in an order drawn from a
//! fixed seed, and the same examples give byte-identical model files.
//!
//! Example: a binary classifier that learns that "said" is a cue.
//!
//! ```
//! use hearsay_core::learn::{Features, Options, Sink, train_binary};
//!
//! let mut examples = Vec::new();
//! for (word, cue) in [("said", true), ("table", false), ("told", true), ("blue", false)] {
//!     let mut f = Features::default();
//!     f.text(1, word);
//!     examples.push((f, cue));
//! }
//! let model = train_binary(&examples, &Options::default());
//! let mut said = Features::default();
//! said.text(1, "said");
//! assert!(model.probability(&said) > 0.5);
//! ```

mod adapt;
mod bundle;
mod calibrate;
mod features;
mod file;
mod linear;
mod names;
mod train;

pub use adapt::{
    Bundle, Lesson, ONLINE, Online, Update, Verdict, WHOLE_TEXT_BYTES, WINDOW_MARGIN_BYTES,
    lessons_of_annotation, lessons_of_change, lessons_of_document, window,
};
pub use bundle::{BUNDLE_VERSION, BundleError, ModelKind};
pub use calibrate::{Reliability, expected_calibration_error, fit_platt, reliability};
pub use features::{Features, Sink};
pub(crate) use features::{text_hash, word_hash};
pub use file::ModelError;
pub use linear::{Model, Score};
pub use names::{GIVEN, Names, PLACE, SURNAME};
pub use train::{Group, Options, train_binary, train_ranker};
