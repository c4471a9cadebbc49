//! A linear model over hashed features: a weight per bucket, a bias, and a
//! calibration that turns its score into a probability.
//!
//! Shipped weights are quantised to one signed byte each with one scale for
//! the model: [`Model::quantise`] rounds the trained weights onto that grid,
//! so what is measured after training is exactly what runs in the page.

use crate::learn::{Features, Sink};

/// The steps of the weight grid on each side of zero: a weight is stored
/// as a whole number in `-LEVELS..=LEVELS` (one signed byte) times the
/// model's scale. 30 rather than 127: the dev figures stayed within 0.005
/// (BENCHMARKS.md) and the shipped models compress to about 11 KB less,
/// which the page's download budget needed. 30 is even, so a model may
/// use every second level (15 a side: [`Model::quantise`] with step 2)
/// and still be stored exactly.
pub const LEVELS: f32 = 30.0;

/// A linear model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// log2 of the number of weights.
    pub bits: u32,
    /// One weight per bucket.
    pub weights: Vec<f32>,
    /// Added to every score.
    pub bias: f32,
    /// Calibration: the probability of a score `s` is
    /// `sigmoid(calibration.0 * s + calibration.1)`.
    pub calibration: (f32, f32),
}

/// A model's score of features as they are made, without storing them:
/// the same sum, in the same order, as [`Model::sum`] of a list.
#[derive(Debug)]
pub struct Score<'m> {
    model: &'m Model,
    /// The weighted features so far, without the bias.
    pub sum: f32,
}

impl Sink for Score<'_> {
    #[inline]
    fn push(&mut self, hash: u32, value: f32) {
        self.sum += self.model.weights[self.model.bucket(hash)] * value;
    }
}

/// `1 / (1 + e^-x)`, without overflow.
pub(crate) fn sigmoid(x: f32) -> f32 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

impl Model {
    /// A model of `2^bits` zero weights, calibrated as a plain logistic
    /// model.
    pub fn new(bits: u32) -> Model {
        Model {
            bits,
            weights: vec![0.0; 1 << bits],
            bias: 0.0,
            calibration: (1.0, 0.0),
        }
    }

    /// The bucket of a feature hash.
    #[inline]
    pub fn bucket(&self, hash: u32) -> usize {
        (hash & ((1u32 << self.bits) - 1)) as usize
    }

    /// A score to add features to as they are made.
    pub fn scorer(&self) -> Score<'_> {
        Score {
            model: self,
            sum: 0.0,
        }
    }

    /// The raw score of `f`: bias plus the weighted features.
    #[inline]
    pub fn score(&self, f: &Features) -> f32 {
        self.bias + self.sum(f)
    }

    /// The weighted features of `f`, without the bias: scores of parts of
    /// an example add up.
    #[inline]
    pub fn sum(&self, f: &Features) -> f32 {
        let mut s = 0.0;
        for (&h, &x) in f.hashes.iter().zip(&f.values) {
            s += self.weights[self.bucket(h)] * x;
        }
        s
    }

    /// The calibrated probability of `f`.
    pub fn probability(&self, f: &Features) -> f32 {
        self.probability_of_score(self.score(f))
    }

    /// The calibrated probability of a raw score.
    pub fn probability_of_score(&self, score: f32) -> f32 {
        sigmoid(self.calibration.0 * score + self.calibration.1)
    }

    /// The scale of the grid: the largest weight maps to [`LEVELS`].
    pub fn scale(&self) -> f32 {
        let max = self.weights.iter().fold(0.0f32, |m, w| m.max(w.abs()));
        if max > 0.0 { max / LEVELS } else { 1.0 }
    }

    /// Rounds every weight onto every `step`-th level (1 or 2) of the grid
    /// of [`Model::scale`]; what the model file stores is then exactly
    /// these weights.
    pub fn quantise(&mut self, step: u8) {
        let unit = self.scale() * f32::from(step.clamp(1, 2));
        let top = (LEVELS * self.scale() / unit).floor();
        for w in &mut self.weights {
            *w = (*w / unit).round().clamp(-top, top) * unit;
        }
    }

    /// How many weights are not zero.
    pub fn nonzero(&self) -> usize {
        self.weights.iter().filter(|w| **w != 0.0).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantising_keeps_signs_and_the_largest_weight() {
        let mut m = Model::new(2);
        m.weights = vec![0.5, -1.27, 0.004, 0.0];
        m.quantise(1);
        assert!((m.weights[1] + 1.27).abs() < 1e-6);
        assert!(m.weights[0] > 0.49 && m.weights[0] < 0.51);
        assert_eq!(m.weights[2], 0.0);
        assert_eq!(m.nonzero(), 2);
    }

    #[test]
    fn sigmoid_is_stable_at_the_extremes() {
        assert_eq!(sigmoid(1000.0), 1.0);
        assert_eq!(sigmoid(-1000.0), 0.0);
        assert!((sigmoid(0.0) - 0.5).abs() < 1e-7);
    }
}
