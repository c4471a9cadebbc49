//! The model bundle: every model one analysis uses, and what learning has
//! changed in them, in one small versioned file with a checksum.
//!
//! ```text
//! "HSBN"          magic
//! u16             format version (BUNDLE_VERSION)
//! u16             number of models
//! per model, in the order of ModelKind::ALL:
//!   u8            its kind (ModelKind::index)
//!   u32           length of its model file
//!   HSM1 file     the base weights, one signed byte each (see file.rs)
//!   f32 f32       the adapted bias and its step-size state
//!   u32           number of adapted weights
//!   (u32 bucket, f32 weight, f32 square) × n   learning's changes
//! u32             the number of names and places (0: none)
//! (u32 hash, u8 classes) × n, in hash order (see names.rs)
//! u32             the number of lessons learned
//! [u8; 32]        SHA-256 of every byte before it
//! ```
//!
//! Every number is little-endian. The shipped bundle (`make train`) has no
//! adapted weights; a bundle that learned from decisions keeps its base
//! and lists each weight learning moved, exactly (as `f32`), with the
//! step-size state (AdaGrad's sum of squared gradients) that further
//! learning continues from. So writing a bundle and reading it back gives
//! the very same models, and the same decisions in the same order give a
//! byte-identical bundle.
//!
//! Rule: a bundle is refused, with a message saying why, when it is
//! truncated, of another version, or fails its checksum; it is never
//! half-read, and reading never panics. Each bundle has one encoding
//! (models in kind order, learned weights in bucket order, none that
//! learning left as it was), so one read and written again is the same
//! bytes.

use std::fmt;

use sha2::{Digest, Sha256};

use crate::learn::{Model, Names};

/// The bundle format version this build reads and writes.
pub const BUNDLE_VERSION: u16 = 1;

const MAGIC: &[u8; 4] = b"HSBN";
const CHECKSUM: usize = 32;
/// The AdaGrad accumulator of a weight learning has not moved (as in
/// training: `crate::learn::train`).
pub(crate) const FRESH_SQUARE: f32 = 1e-8;

/// The five models, as a bundle names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ModelKind {
    /// The speaker ranker.
    Speaker,
    /// The cue classifier.
    Cue,
    /// The claim (check-worthiness) model.
    Claim,
    /// The denial gate.
    Denial,
    /// The quote confidence model.
    Quote,
}

impl ModelKind {
    /// Every kind, in bundle order.
    pub const ALL: [ModelKind; 5] = [
        ModelKind::Speaker,
        ModelKind::Cue,
        ModelKind::Claim,
        ModelKind::Denial,
        ModelKind::Quote,
    ];

    /// The kind's number in a bundle.
    pub fn index(self) -> usize {
        match self {
            ModelKind::Speaker => 0,
            ModelKind::Cue => 1,
            ModelKind::Claim => 2,
            ModelKind::Denial => 3,
            ModelKind::Quote => 4,
        }
    }

    /// The lowercase name (`speaker`, `cue`, …), as in messages and in
    /// `make train`'s report.
    pub fn as_str(self) -> &'static str {
        match self {
            ModelKind::Speaker => "speaker",
            ModelKind::Cue => "cue",
            ModelKind::Claim => "claim",
            ModelKind::Denial => "denial",
            ModelKind::Quote => "quote",
        }
    }
}

/// Why a bundle was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleError {
    /// Not a hearsay model bundle at all (no magic).
    NotABundle,
    /// Written by another version of the format.
    Version(u16),
    /// The file ends before what it announces.
    Truncated {
        /// What was being read.
        what: String,
    },
    /// The checksum does not match the contents.
    Checksum,
    /// The contents are inconsistent.
    Corrupt(String),
}

impl fmt::Display for BundleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BundleError::NotABundle => {
                write!(
                    f,
                    "not a hearsay model bundle (it does not start with HSBN)"
                )
            }
            BundleError::Version(v) => write!(
                f,
                "a model bundle of format version {v}, which this hearsay does not read (it reads version {BUNDLE_VERSION})"
            ),
            BundleError::Truncated { what } => {
                write!(f, "the model bundle is truncated: it ends inside {what}")
            }
            BundleError::Checksum => write!(
                f,
                "the model bundle is corrupt: its checksum does not match its contents"
            ),
            BundleError::Corrupt(why) => write!(f, "the model bundle is corrupt: {why}"),
        }
    }
}

impl std::error::Error for BundleError {}

/// One model of a bundle: its base, and where learning moved it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Part {
    pub kind: ModelKind,
    /// The base model (on its grid).
    pub base: Model,
    /// The base model's file, as read or written: kept so that a bundle
    /// read and written again is the same bytes.
    pub file: Vec<u8>,
    /// The bias now, and its AdaGrad sum of squared gradients.
    pub bias: f32,
    pub bias_square: f32,
    /// `(bucket, weight, square)` of each weight learning moved.
    pub moved: Vec<(u32, f32, f32)>,
}

/// What a bundle holds, read or to be written.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Contents {
    pub parts: Vec<Part>,
    pub names: Option<Names>,
    pub lessons: u32,
}

/// A cursor over the bundle's bytes that says what it was reading when
/// they ran out.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], BundleError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| BundleError::Truncated {
                what: what.to_string(),
            })?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u8(&mut self, what: &str) -> Result<u8, BundleError> {
        Ok(self.take(1, what)?[0])
    }

    fn u16(&mut self, what: &str) -> Result<u16, BundleError> {
        let b = self.take(2, what)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    fn u32(&mut self, what: &str) -> Result<u32, BundleError> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn f32(&mut self, what: &str) -> Result<f32, BundleError> {
        let x = f32::from_bits(self.u32(what)?);
        if x.is_finite() {
            Ok(x)
        } else {
            Err(BundleError::Corrupt(format!(
                "{what} is not a finite number"
            )))
        }
    }
}

impl Contents {
    /// Reads a bundle, checking its magic, version, checksum and every
    /// length before trusting any of it.
    pub(crate) fn read(bytes: &[u8]) -> Result<Contents, BundleError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(BundleError::NotABundle);
        }
        let mut r = Reader { bytes, at: 4 };
        let version = r.u16("the format version")?;
        if version != BUNDLE_VERSION {
            return Err(BundleError::Version(version));
        }
        if bytes.len() < 6 + CHECKSUM {
            return Err(BundleError::Truncated {
                what: "the checksum".into(),
            });
        }
        let (body, sum) = bytes.split_at(bytes.len() - CHECKSUM);
        let n = {
            let mut head = Reader { bytes: body, at: 6 };
            head.u16("the number of models")?
        };
        if Sha256::digest(body).as_slice() != sum {
            // A file cut short fails its checksum too: say which, when the
            // announced contents run past the end.
            return Err(match Contents::parts(body, n) {
                Err(e @ BundleError::Truncated { .. }) => e,
                _ => BundleError::Checksum,
            });
        }
        let (parts, names, lessons) = Contents::parts(body, n)?;
        Ok(Contents {
            parts,
            names,
            lessons,
        })
    }

    /// The models and the lesson count of a bundle's body (checksum
    /// cut off), which announces `n` models.
    #[allow(clippy::type_complexity)]
    fn parts(body: &[u8], n: u16) -> Result<(Vec<Part>, Option<Names>, u32), BundleError> {
        let mut r = Reader { bytes: body, at: 8 };
        let mut parts: Vec<Part> = Vec::new();
        for k in 0..n {
            let what = format!("model {}", k + 1);
            let index = r.u8(&what)?;
            let kind = *ModelKind::ALL.get(usize::from(index)).ok_or_else(|| {
                BundleError::Corrupt(format!("{what} is of unknown kind {index}"))
            })?;
            if parts.iter().any(|p| p.kind >= kind) {
                return Err(BundleError::Corrupt(format!(
                    "the {} model is given twice or out of order",
                    kind.as_str()
                )));
            }
            let what = format!("the {} model", kind.as_str());
            let len = r.u32(&what)? as usize;
            let file = r.take(len, &what)?;
            let base = Model::from_bytes(file)
                .map_err(|e| BundleError::Corrupt(format!("{what}: {e}")))?;
            let bias = r.f32(&format!("{what}'s bias"))?;
            let bias_square = r.f32(&format!("{what}'s bias"))?;
            if bias_square <= 0.0 {
                return Err(BundleError::Corrupt(format!(
                    "{what}'s bias has a step size state that is not positive"
                )));
            }
            let moved_n = r.u32(&format!("{what}'s learned weights"))? as usize;
            let weights = base.weights.len();
            // Each entry is 12 bytes: refuse a count the file cannot hold
            // before allocating for it.
            if moved_n > (body.len() - r.at) / 12 {
                return Err(BundleError::Truncated {
                    what: format!("{what}'s learned weights"),
                });
            }
            let mut moved = Vec::with_capacity(moved_n);
            for _ in 0..moved_n {
                let what = format!("{what}'s learned weights");
                let bucket = r.u32(&what)?;
                if bucket as usize >= weights {
                    return Err(BundleError::Corrupt(format!(
                        "{what} name weight {bucket} of a model of {weights}"
                    )));
                }
                if moved.last().is_some_and(|&(b, _, _)| b >= bucket) {
                    return Err(BundleError::Corrupt(format!(
                        "{what} are not in increasing order"
                    )));
                }
                let weight = r.f32(&what)?;
                let square = r.f32(&what)?;
                if square <= 0.0 {
                    return Err(BundleError::Corrupt(format!(
                        "{what} hold a step size state that is not positive"
                    )));
                }
                if weight.to_bits() == base.weights[bucket as usize].to_bits()
                    && square.to_bits() == FRESH_SQUARE.to_bits()
                {
                    return Err(BundleError::Corrupt(format!(
                        "{what} list weight {bucket}, which learning did not move"
                    )));
                }
                moved.push((bucket, weight, square));
            }
            parts.push(Part {
                kind,
                base,
                file: file.to_vec(),
                bias,
                bias_square,
                moved,
            });
        }
        let count = r.u32("the number of names")? as usize;
        if count > (body.len() - r.at) / 5 {
            return Err(BundleError::Truncated {
                what: "the names".into(),
            });
        }
        let mut entries = Vec::with_capacity(count);
        for _ in 0..count {
            let hash = r.u32("the names")?;
            let classes = r.u8("the names")?;
            entries.push(u64::from(hash) << 8 | u64::from(classes));
        }
        let names = match count {
            0 => None,
            _ => Some(Names::from_entries(entries).ok_or_else(|| {
                BundleError::Corrupt("the names are not in order, or one has no class".into())
            })?),
        };
        let lessons = r.u32("the number of lessons")?;
        if r.at != body.len() {
            return Err(BundleError::Corrupt(format!(
                "{} bytes follow the last model",
                body.len() - r.at
            )));
        }
        Ok((parts, names, lessons))
    }

    /// The bundle's bytes, checksum included.
    pub(crate) fn write(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&BUNDLE_VERSION.to_le_bytes());
        out.extend_from_slice(&(self.parts.len() as u16).to_le_bytes());
        for p in &self.parts {
            out.push(p.kind.index() as u8);
            out.extend_from_slice(&(p.file.len() as u32).to_le_bytes());
            out.extend_from_slice(&p.file);
            out.extend_from_slice(&p.bias.to_le_bytes());
            out.extend_from_slice(&p.bias_square.to_le_bytes());
            out.extend_from_slice(&(p.moved.len() as u32).to_le_bytes());
            for &(bucket, weight, square) in &p.moved {
                out.extend_from_slice(&bucket.to_le_bytes());
                out.extend_from_slice(&weight.to_le_bytes());
                out.extend_from_slice(&square.to_le_bytes());
            }
        }
        let names = self.names.as_ref().map_or(&[][..], Names::entries);
        out.extend_from_slice(&(names.len() as u32).to_le_bytes());
        for &e in names {
            out.extend_from_slice(&((e >> 8) as u32).to_le_bytes());
            out.push((e & 0xff) as u8);
        }
        out.extend_from_slice(&self.lessons.to_le_bytes());
        let sum = Sha256::digest(&out);
        out.extend_from_slice(&sum);
        out
    }
}

#[cfg(test)]
mod tests {
    //! The shipped bundle is read as it is, and every damage is refused.

    use super::*;

    fn shipped() -> Vec<u8> {
        std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/models/hearsay.hsb")).unwrap()
    }

    /// `bytes` with a checksum made right again.
    fn resealed(mut bytes: Vec<u8>) -> Vec<u8> {
        let n = bytes.len() - CHECKSUM;
        let sum = Sha256::digest(&bytes[..n]);
        bytes[n..].copy_from_slice(&sum);
        bytes
    }

    #[test]
    fn shipped_bundle_reads_and_writes_back_the_same_bytes() {
        let bytes = shipped();
        let contents = Contents::read(&bytes).unwrap();
        assert_eq!(contents.parts.len(), 5);
        assert!(contents.parts.iter().all(|p| p.moved.is_empty()));
        assert_eq!(contents.lessons, 0);
        assert_eq!(contents.write(), bytes);
    }

    #[test]
    fn every_truncation_is_refused() {
        let bytes = shipped();
        for cut in [
            0,
            3,
            5,
            7,
            20,
            bytes.len() / 2,
            bytes.len() - 33,
            bytes.len() - 1,
        ] {
            let got = Contents::read(&bytes[..cut]);
            assert!(got.is_err(), "cut at {cut}");
        }
    }

    #[test]
    fn a_truncation_says_so() {
        let bytes = shipped();
        let got = Contents::read(&bytes[..bytes.len() / 2]).unwrap_err();
        assert!(matches!(got, BundleError::Truncated { .. }), "{got}");
        assert!(
            got.to_string()
                .starts_with("the model bundle is truncated: it ends inside")
        );
    }

    #[test]
    fn another_version_is_refused_by_number() {
        let mut bytes = shipped();
        bytes[4] = 2;
        let got = Contents::read(&bytes).unwrap_err();
        assert_eq!(got, BundleError::Version(2));
        assert_eq!(
            got.to_string(),
            "a model bundle of format version 2, which this hearsay does not read (it reads version 1)"
        );
    }

    #[test]
    fn a_changed_byte_fails_the_checksum() {
        let mut bytes = shipped();
        let k = bytes.len() / 3;
        bytes[k] ^= 1;
        assert_eq!(Contents::read(&bytes).unwrap_err(), BundleError::Checksum);
    }

    #[test]
    fn other_files_are_no_bundle() {
        assert_eq!(Contents::read(b"").unwrap_err(), BundleError::NotABundle);
        assert_eq!(
            Contents::read(b"{\"format\": \"hearsay\"}").unwrap_err(),
            BundleError::NotABundle
        );
    }

    #[test]
    fn a_model_given_twice_is_corrupt() {
        let bytes = shipped();
        let mut contents = Contents::read(&bytes).unwrap();
        contents.parts[1] = contents.parts[0].clone();
        let got = Contents::read(&contents.write()).unwrap_err();
        assert!(
            got.to_string().contains("given twice or out of order"),
            "{got}"
        );
    }

    #[test]
    fn a_learned_weight_past_the_model_is_corrupt() {
        let mut contents = Contents::read(&shipped()).unwrap();
        let n = contents.parts[4].base.weights.len() as u32;
        contents.parts[4].moved.push((n, 0.5, 1.0));
        let got = Contents::read(&contents.write()).unwrap_err();
        assert!(got.to_string().contains("of a model of 1024"), "{got}");
    }

    #[test]
    fn a_learned_weight_that_did_not_move_is_corrupt() {
        let mut contents = Contents::read(&shipped()).unwrap();
        let w = contents.parts[4].base.weights[3];
        contents.parts[4].moved.push((3, w, FRESH_SQUARE));
        let got = Contents::read(&contents.write()).unwrap_err();
        assert!(got.to_string().contains("learning did not move"), "{got}");
    }

    #[test]
    fn a_huge_count_is_refused_before_it_is_allocated() {
        let mut contents = Contents::read(&shipped()).unwrap();
        contents.names = None;
        let bytes = contents.write();
        // The quote model's count of learned weights is the 4 bytes before
        // the names' count, the lesson count and the checksum.
        let at = bytes.len() - CHECKSUM - 4 - 4 - 4;
        let mut damaged = bytes.clone();
        damaged[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        let got = Contents::read(&resealed(damaged)).unwrap_err();
        assert!(matches!(got, BundleError::Truncated { .. }), "{got}");
    }

    #[test]
    fn a_huge_count_of_names_is_refused_before_it_is_allocated() {
        let mut contents = Contents::read(&shipped()).unwrap();
        contents.names = None;
        let bytes = contents.write();
        let at = bytes.len() - CHECKSUM - 4 - 4;
        let mut damaged = bytes.clone();
        damaged[at..at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        let got = Contents::read(&resealed(damaged)).unwrap_err();
        assert_eq!(
            got.to_string(),
            "the model bundle is truncated: it ends inside the names"
        );
    }

    #[test]
    fn the_shipped_bundle_knows_names_and_places() {
        let contents = Contents::read(&shipped()).unwrap();
        let names = contents.names.expect("names in the shipped bundle");
        assert!(names.len() > 50_000, "{}", names.len());
    }
}
