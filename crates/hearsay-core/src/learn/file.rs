//! The file a model is shipped in: a small header and one signed byte per
//! weight.
//!
//! ```text
//! "HSM1"      magic
//! u8          log2 of the number of weights
//! f32 ×4      scale, bias, calibration a, calibration b (little-endian)
//! i8 × 2^bits the weights, each times the scale
//! ```
//!
//! Rule: the core embeds these files with `include_bytes!` and decodes
//! them once; a damaged file is refused with a message, never a panic.

use std::fmt;

use crate::learn::Model;
use crate::learn::linear::LEVELS;

const MAGIC: &[u8; 4] = b"HSM1";
const HEADER: usize = 4 + 1 + 16;
/// The largest model a file may hold (2^24 weights).
const MAX_BITS: u32 = 24;

/// Why a model file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a hearsay model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

impl Model {
    /// The model as a file. Weights are quantised first if they are not on
    /// their grid already.
    pub fn to_bytes(&self) -> Vec<u8> {
        let scale = self.scale();
        let mut out = Vec::with_capacity(HEADER + self.weights.len());
        out.extend_from_slice(MAGIC);
        out.push(self.bits as u8);
        for x in [scale, self.bias, self.calibration.0, self.calibration.1] {
            out.extend_from_slice(&x.to_le_bytes());
        }
        out.extend(
            self.weights
                .iter()
                .map(|w| (w / scale).round().clamp(-LEVELS, LEVELS) as i8 as u8),
        );
        out
    }

    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        if bytes.len() < HEADER || &bytes[..4] != MAGIC {
            return Err(ModelError("no HSM1 header".into()));
        }
        let bits = u32::from(bytes[4]);
        if bits > MAX_BITS {
            return Err(ModelError(format!("{bits} bits is more than {MAX_BITS}")));
        }
        let float = |k: usize| {
            let at = 5 + 4 * k;
            f32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
        };
        let (scale, bias, a, b) = (float(0), float(1), float(2), float(3));
        if ![scale, bias, a, b].iter().all(|x| x.is_finite()) {
            return Err(ModelError("a header number is not finite".into()));
        }
        let weights = &bytes[HEADER..];
        if weights.len() != 1 << bits {
            return Err(ModelError(format!(
                "{} weights where {} were announced",
                weights.len(),
                1u32 << bits
            )));
        }
        Ok(Model {
            bits,
            weights: weights
                .iter()
                .map(|&w| f32::from(w as i8) * scale)
                .collect(),
            bias,
            calibration: (a, b),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quantised_model_round_trips_exactly() {
        let mut m = Model::new(4);
        for (k, w) in m.weights.iter_mut().enumerate() {
            *w = (k as f32 - 7.5) / 3.0;
        }
        m.bias = -0.25;
        m.calibration = (1.5, -0.5);
        for step in [1, 2] {
            let mut q = m.clone();
            q.quantise(step);
            let back = Model::from_bytes(&q.to_bytes()).unwrap();
            assert_eq!(back, q, "step {step}");
        }
    }

    #[test]
    fn every_second_level_gives_half_the_levels() {
        let mut m = Model::new(8);
        for (k, w) in m.weights.iter_mut().enumerate() {
            *w = (k as f32 - 127.5) / 50.0;
        }
        let levels = |m: &Model| {
            let mut v: Vec<i8> = m.to_bytes()[HEADER..].iter().map(|&b| b as i8).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let (mut fine, mut coarse) = (m.clone(), m);
        fine.quantise(1);
        coarse.quantise(2);
        assert_eq!(levels(&fine).len(), 61);
        let even = levels(&coarse);
        assert_eq!(even.len(), 31);
        assert!(even.iter().all(|k| k % 2 == 0) && even.contains(&30) && even.contains(&-30));
    }

    #[test]
    fn damaged_files_are_refused() {
        let good = Model::new(3).to_bytes();
        assert!(Model::from_bytes(&good).is_ok());
        assert!(Model::from_bytes(b"").is_err());
        assert!(Model::from_bytes(&good[..good.len() - 1]).is_err());
        let mut bad = good.clone();
        bad[4] = 30;
        assert!(Model::from_bytes(&bad).is_err());
        let mut nan = good;
        nan[5..9].copy_from_slice(&f32::NAN.to_le_bytes());
        assert!(
            Model::from_bytes(&nan)
                .unwrap_err()
                .to_string()
                .contains("finite")
        );
    }
}
