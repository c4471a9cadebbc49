//! The text as the passes see it: normalised tokens with their lexicon
//! flags, sentences and paragraphs, boilerplate lines, and the conversions
//! between byte, code point and UTF-16 offsets.

pub(crate) mod boilerplate;
pub mod html;
pub(crate) mod lexicon;
pub(crate) mod normalise;
pub(crate) mod offsets;
pub(crate) mod sentences;
