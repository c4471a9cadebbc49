//! Training linear models: logistic regression for yes/no decisions and a
//! softmax ranker for choosing one candidate among several (the speaker of a
//! quote among the mentions around it).
//!
//! Rule: stochastic gradient descent with AdaGrad step sizes and L2
//! regularisation, a fixed number of epochs, and examples visited in an
//! order shuffled from a fixed seed; the weights of the last epoch are
//! averaged with the earlier ones (averaged SGD), which regularises further.
//! No step depends on the clock or on threads, so the same examples give the
//! same model bit for bit.

use crate::learn::linear::sigmoid;
use crate::learn::{Features, Model};

/// Training settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// log2 of the number of weights.
    pub bits: u32,
    /// Passes over the examples.
    pub epochs: usize,
    /// Base step size.
    pub rate: f32,
    /// L2 penalty per example visit.
    pub l2: f32,
    /// Seed of the visiting order.
    pub seed: u64,
    /// Weight of a positive example relative to a negative one (binary).
    pub positive_weight: f32,
    /// The weights take every `step`-th level of the grid (1 or 2, see
    /// [`Model::quantise`]): fewer levels compress to a smaller download.
    pub step: u8,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            bits: 16,
            epochs: 8,
            rate: 0.1,
            l2: 1e-6,
            seed: 0x5eed_4ea5_a1d0,
            positive_weight: 1.0,
            step: 1,
        }
    }
}

/// One choice among candidates: their features and which of them are right
/// (any of them counts).
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The candidates' features.
    pub candidates: Vec<Features>,
    /// Indices of the right candidates; a group with none teaches nothing.
    pub gold: Vec<usize>,
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Fisher–Yates.
    fn shuffle(&mut self, order: &mut [usize]) {
        for i in (1..order.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
    }
}

/// AdaGrad state and the running average of the weights.
struct Learner {
    model: Model,
    squares: Vec<f32>,
    bias_square: f32,
    sum: Vec<f64>,
    bias_sum: f64,
    steps: u64,
    opts: Options,
}

impl Learner {
    fn new(opts: &Options) -> Learner {
        Learner {
            model: Model::new(opts.bits),
            squares: vec![1e-8; 1 << opts.bits],
            bias_square: 1e-8,
            sum: vec![0.0; 1 << opts.bits],
            bias_sum: 0.0,
            steps: 0,
            opts: opts.clone(),
        }
    }

    /// Moves the weights of `f` against the gradient `g` of the loss with
    /// respect to the score.
    fn step(&mut self, f: &Features, g: f32) {
        step_weights(
            &mut self.model,
            &mut self.squares,
            f,
            g,
            (self.opts.rate, self.opts.l2, 0.0),
        );
    }

    fn step_bias(&mut self, g: f32) {
        step_bias(
            &mut self.model.bias,
            &mut self.bias_square,
            g,
            (self.opts.rate, 0.0),
        );
    }

    /// Adds the current weights to the running average.
    fn accumulate(&mut self) {
        for (s, w) in self.sum.iter_mut().zip(&self.model.weights) {
            *s += f64::from(*w);
        }
        self.bias_sum += f64::from(self.model.bias);
        self.steps += 1;
    }

    /// The averaged, quantised model.
    fn finish(mut self) -> Model {
        if self.steps > 0 {
            let n = self.steps as f64;
            for (w, s) in self.model.weights.iter_mut().zip(&self.sum) {
                *w = (*s / n) as f32;
            }
            self.model.bias = (self.bias_sum / n) as f32;
        }
        self.model.quantise(self.opts.step);
        self.model
    }
}

/// One AdaGrad step: moves the weights of `f` in `model` against the
/// gradient `g` of the loss with respect to the score, with the base step
/// size, L2 penalty and prior `(rate, l2, prior)`, `squares` holding each
/// weight's sum of squared gradients (the step divides by the root of
/// that sum plus `prior`: training's prior is 0). The step of training, and of learning from a person's decisions
/// ([`crate::learn::Bundle::learn`]).
#[inline]
pub(crate) fn step_weights(
    model: &mut Model,
    squares: &mut [f32],
    f: &Features,
    g: f32,
    (rate, l2, prior): (f32, f32, f32),
) {
    for (&h, &x) in f.hashes.iter().zip(&f.values) {
        let b = model.bucket(h);
        let grad = g * x + l2 * model.weights[b];
        squares[b] += grad * grad;
        model.weights[b] -= rate * grad / (squares[b] + prior).sqrt();
    }
}

/// The AdaGrad step of a bias (see [`step_weights`]).
#[inline]
pub(crate) fn step_bias(bias: &mut f32, square: &mut f32, g: f32, (rate, prior): (f32, f32)) {
    *square += g * g;
    *bias -= rate * g / (*square + prior).sqrt();
}

/// The gradient of the logistic loss of `f` labelled `y` with respect to
/// its score, a positive example weighing `positive_weight`.
#[inline]
pub(crate) fn binary_gradient(model: &Model, f: &Features, y: bool, positive_weight: f32) -> f32 {
    let p = sigmoid(model.score(f));
    let (target, weight) = if y {
        (1.0, positive_weight)
    } else {
        (0.0, 1.0)
    };
    (p - target) * weight
}

/// The gradient of the softmax ranking loss of `group` with respect to
/// each candidate's score (`scores` is scratch space): the right
/// candidates should score above the others.
pub(crate) fn ranker_gradients(model: &Model, group: &Group, scores: &mut Vec<f32>) -> Vec<f32> {
    scores.clear();
    scores.extend(group.candidates.iter().map(|f| model.score(f)));
    let max = scores.iter().fold(f32::MIN, |m, &s| m.max(s));
    let exp: Vec<f32> = scores.iter().map(|s| (s - max).exp()).collect();
    let total: f32 = exp.iter().sum();
    let gold_total: f32 = group.gold.iter().map(|&g| exp[g]).sum();
    // d(-log Σgold p)/d s_k = p_k − [k gold]·p_k / Σgold p.
    (0..group.candidates.len())
        .map(|k| {
            let p = exp[k] / total;
            let q = if group.gold.contains(&k) {
                exp[k] / gold_total
            } else {
                0.0
            };
            p - q
        })
        .collect()
}

/// Trains a logistic regression on `(features, label)` examples. The
/// model's calibration is the identity; see [`fit_platt`](crate::learn::fit_platt)
/// to calibrate it on held-out scores.
pub fn train_binary(examples: &[(Features, bool)], opts: &Options) -> Model {
    let mut learner = Learner::new(opts);
    let mut rng = Rng(opts.seed | 1);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for _ in 0..opts.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let (f, y) = &examples[i];
            let g = binary_gradient(&learner.model, f, *y, opts.positive_weight);
            learner.step(f, g);
            learner.step_bias(g);
        }
        learner.accumulate();
    }
    learner.finish()
}

/// Trains a softmax ranker: in each group, the right candidates should
/// score above the others. The bias is meaningless for ranking and stays 0.
pub fn train_ranker(groups: &[Group], opts: &Options) -> Model {
    let mut learner = Learner::new(opts);
    let mut rng = Rng(opts.seed | 1);
    let mut order: Vec<usize> = (0..groups.len()).collect();
    let mut scores = Vec::new();
    for _ in 0..opts.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let group = &groups[i];
            if group.gold.is_empty() || group.candidates.len() < 2 {
                continue;
            }
            let gradients = ranker_gradients(&learner.model, group, &mut scores);
            for (f, g) in group.candidates.iter().zip(gradients) {
                if g != 0.0 {
                    learner.step(f, g);
                }
            }
        }
        learner.accumulate();
    }
    learner.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::Sink;

    fn features(words: &[&str]) -> Features {
        let mut f = Features::default();
        for w in words {
            f.text(1, w);
        }
        f
    }

    #[test]
    fn binary_training_separates_and_is_deterministic() {
        let examples: Vec<(Features, bool)> = (0..200)
            .map(|i| {
                let cue = i % 3 == 0;
                let word = if cue { "said" } else { "table" };
                (features(&[word, if i % 2 == 0 { "x" } else { "y" }]), cue)
            })
            .collect();
        let opts = Options {
            bits: 10,
            ..Options::default()
        };
        let a = train_binary(&examples, &opts);
        let b = train_binary(&examples, &opts);
        assert_eq!(a, b);
        assert!(a.probability(&features(&["said", "x"])) > 0.8);
        assert!(a.probability(&features(&["table", "y"])) < 0.2);
    }

    #[test]
    fn ranker_learns_which_candidate_is_right() {
        // The right candidate is the one marked "subject", wherever it is.
        let groups: Vec<Group> = (0..100)
            .map(|i| {
                let right = i % 3;
                let candidates = (0..3)
                    .map(|k| {
                        features(if k == right {
                            &["subject"]
                        } else {
                            &["object"]
                        })
                    })
                    .collect();
                Group {
                    candidates,
                    gold: vec![right],
                }
            })
            .collect();
        let model = train_ranker(
            &groups,
            &Options {
                bits: 8,
                ..Options::default()
            },
        );
        assert!(model.score(&features(&["subject"])) > model.score(&features(&["object"])) + 1.0);
    }
}
