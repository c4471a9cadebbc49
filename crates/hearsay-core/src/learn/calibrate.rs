//! Making confidences mean what they say: Platt scaling of raw scores into
//! probabilities, and the expected calibration error that measures it.
//!
//! Rule: a confidence `c` is calibrated when, among the suggestions given
//! about `c`, a share `c` is right. The expected calibration error is the
//! mean gap between confidence and accuracy over ten equal-width bins,
//! weighted by how many suggestions fall in each.

/// Fits `p = sigmoid(a·s + b)` to `(score, right)` pairs by Newton's method
/// on the log loss, with Platt's smoothed targets so that a separable set
/// does not send `a` to infinity. Returns `(a, b)`; `(1, 0)` when there is
/// nothing to fit.
pub fn fit_platt(pairs: &[(f32, bool)]) -> (f32, f32) {
    let positives = pairs.iter().filter(|p| p.1).count() as f64;
    let negatives = pairs.len() as f64 - positives;
    if positives == 0.0 || negatives == 0.0 {
        return (1.0, 0.0);
    }
    let hi = (positives + 1.0) / (positives + 2.0);
    let lo = 1.0 / (negatives + 2.0);
    let (mut a, mut b) = (1.0f64, 0.0f64);
    for _ in 0..100 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 0.0, 0.0, 0.0);
        for &(s, y) in pairs {
            let s = f64::from(s);
            let t = if y { hi } else { lo };
            let p = 1.0 / (1.0 + (-(a * s + b)).exp());
            let d = p - t;
            let w = (p * (1.0 - p)).max(1e-12);
            ga += d * s;
            gb += d;
            haa += w * s * s;
            hab += w * s;
            hbb += w;
        }
        // A small ridge keeps the Hessian invertible.
        let (haa, hbb) = (haa + 1e-9, hbb + 1e-9);
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-18 {
            break;
        }
        let da = (hbb * ga - hab * gb) / det;
        let db = (haa * gb - hab * ga) / det;
        a -= da;
        b -= db;
        if da.abs() < 1e-9 && db.abs() < 1e-9 {
            break;
        }
    }
    (a as f32, b as f32)
}

/// One bin of a reliability table.
#[derive(Debug, Clone, PartialEq)]
pub struct Reliability {
    /// The bin's confidences: `[low, high)`.
    pub low: f32,
    /// Upper bound (the last bin includes 1).
    pub high: f32,
    /// How many confidences fell in it.
    pub count: usize,
    /// Their mean.
    pub confidence: f64,
    /// The share of them that were right.
    pub accuracy: f64,
}

/// The reliability table of `(confidence, right)` pairs over ten bins.
pub fn reliability(pairs: &[(f32, bool)]) -> Vec<Reliability> {
    let mut bins: Vec<Reliability> = (0..10)
        .map(|k| Reliability {
            low: k as f32 / 10.0,
            high: (k + 1) as f32 / 10.0,
            count: 0,
            confidence: 0.0,
            accuracy: 0.0,
        })
        .collect();
    for &(c, y) in pairs {
        let k = ((c.clamp(0.0, 1.0) * 10.0) as usize).min(9);
        let bin = &mut bins[k];
        bin.count += 1;
        bin.confidence += f64::from(c);
        bin.accuracy += f64::from(u8::from(y));
    }
    for bin in &mut bins {
        if bin.count > 0 {
            bin.confidence /= bin.count as f64;
            bin.accuracy /= bin.count as f64;
        }
    }
    bins
}

/// The expected calibration error of `(confidence, right)` pairs (ten
/// equal-width bins); 0 for no pairs.
pub fn expected_calibration_error(pairs: &[(f32, bool)]) -> f64 {
    if pairs.is_empty() {
        return 0.0;
    }
    let n = pairs.len() as f64;
    reliability(pairs)
        .iter()
        .map(|b| b.count as f64 / n * (b.confidence - b.accuracy).abs())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::linear::sigmoid;

    #[test]
    fn platt_recovers_a_known_slope() {
        // Right with probability sigmoid(2s − 1), on a grid of scores, with
        // the outcomes laid out exactly in proportion.
        let mut pairs = Vec::new();
        for k in 0..=40 {
            let s = k as f32 / 10.0 - 2.0;
            let p = sigmoid(2.0 * s - 1.0);
            let right = (p * 100.0).round() as usize;
            for n in 0..100 {
                pairs.push((s, n < right));
            }
        }
        let (a, b) = fit_platt(&pairs);
        assert!((a - 2.0).abs() < 0.1 && (b + 1.0).abs() < 0.1, "{a} {b}");
        let calibrated: Vec<(f32, bool)> = pairs
            .iter()
            .map(|&(s, y)| (sigmoid(a * s + b), y))
            .collect();
        assert!(expected_calibration_error(&calibrated) < 0.02);
    }

    #[test]
    fn ece_of_overconfident_guesses() {
        // Always 0.9 sure, right half the time: an error of 0.4.
        let pairs: Vec<(f32, bool)> = (0..100).map(|i| (0.9, i % 2 == 0)).collect();
        assert!((expected_calibration_error(&pairs) - 0.4).abs() < 1e-6);
        let bins = reliability(&pairs);
        assert_eq!(bins.iter().map(|b| b.count).max(), Some(100));
        assert_eq!(fit_platt(&[]), (1.0, 0.0));
    }
}
