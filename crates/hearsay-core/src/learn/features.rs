//! Hashed sparse features: each feature is a template number and a value
//! (a word, a bucket, a flag), hashed to 32 bits; a model keeps as many low
//! bits as it has weights. Building features allocates nothing per feature
//! beyond the two vectors, which are reused with [`Features::clear`].

/// The sparse features of one example.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Features {
    /// 32-bit hashes of the features.
    pub hashes: Vec<u32>,
    /// Their values (1 for an indicator).
    pub values: Vec<f32>,
}

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[inline]
fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

#[inline]
fn finish(h: u64) -> u32 {
    // Fold the high bits in: the low bits of a multiplicative hash are weak.
    let h = h ^ (h >> 29) ^ (h >> 47);
    h as u32
}

/// Eight bytes with each ASCII capital lowercased (as
/// `u8::to_ascii_lowercase` does byte by byte), in a few word operations.
#[inline]
fn lower8(w: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = w & !HIGH;
    // A byte's high bit: at least b'A', then above b'Z'; no carry crosses
    // a byte, since each is at most 0x7f before the addition.
    let from_a = low7.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let past_z = low7.wrapping_add(0x2525_2525_2525_2525);
    let capital = from_a & !past_z & !w & HIGH;
    w | capital >> 2
}

/// The hash of `bytes`, lowercased ASCII, starting from `h`.
#[inline]
fn mix_text(mut h: u64, bytes: &[u8]) -> u64 {
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = mix(h, lower8(u64::from_le_bytes(w)));
    }
    // The last bytes, shifted in (a copy of a few bytes would be a call).
    let mut w = 0u64;
    for (k, &b) in chunks.remainder().iter().enumerate() {
        w |= u64::from(b) << (8 * k);
    }
    mix(h, lower8(w) ^ (bytes.len() as u64) << 56)
}

/// The hash of a word, ASCII case ignored (for sets of words).
pub(crate) fn word_hash(word: &str) -> u32 {
    finish(mix_text(K, word.as_bytes()))
}

/// The hash of [`Features::text`] with `template` and `value`, for a
/// feature added many times with [`Features::hashed`].
pub(crate) fn text_hash(template: u32, value: &str) -> u32 {
    finish(mix_text(mix(K, u64::from(template)), value.as_bytes()))
}

impl Features {
    /// Removes every feature, keeping the memory.
    pub fn clear(&mut self) {
        self.hashes.clear();
        self.values.clear();
    }

    /// The number of features.
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

/// Where features go as they are made: a list of them ([`Features`]), or
/// straight into a model's score ([`crate::learn::Score`]), which stores
/// nothing.
pub trait Sink {
    /// Adds the feature hashed `hash` with value `value`.
    fn push(&mut self, hash: u32, value: f32);

    /// An indicator: template `template` is present.
    fn flag(&mut self, template: u32) {
        self.push(finish(mix(K, u64::from(template))), 1.0);
    }

    /// An indicator of template `template` with a small value `value` (a
    /// bucket, a class, a count).
    fn with(&mut self, template: u32, value: u64) {
        self.push(finish(mix(mix(K, u64::from(template)), value)), 1.0);
    }

    /// Template `template` with a small value `value`, as [`Sink::with`],
    /// weighing `x` instead of 1.
    fn weighted(&mut self, template: u32, value: u64, x: f32) {
        self.push(finish(mix(mix(K, u64::from(template)), value)), x);
    }

    /// An indicator of template `template` with the text `value`, ASCII
    /// case ignored.
    fn text(&mut self, template: u32, value: &str) {
        let h = mix_text(mix(K, u64::from(template)), value.as_bytes());
        self.push(finish(h), 1.0);
    }

    /// An indicator of template `template` with two texts (a word pair).
    fn text2(&mut self, template: u32, a: &str, b: &str) {
        let h = mix_text(mix(K, u64::from(template)), a.as_bytes());
        let h = mix_text(mix(h, 0x9e37), b.as_bytes());
        self.push(finish(h), 1.0);
    }

    /// An indicator already hashed by [`text_hash`].
    fn hashed(&mut self, hash: u32) {
        self.push(hash, 1.0);
    }

    /// Template `template` with a real value (a scaled distance, a ratio).
    fn real(&mut self, template: u32, value: f32) {
        if value != 0.0 && value.is_finite() {
            self.push(finish(mix(K, u64::from(template))), value);
        }
    }
}

impl Sink for Features {
    #[inline]
    fn push(&mut self, hash: u32, value: f32) {
        self.hashes.push(hash);
        self.values.push(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_feature_same_hash_and_case_is_ignored() {
        let mut a = Features::default();
        a.text(3, "Said");
        a.text(3, "said");
        a.text(4, "said");
        assert_eq!(a.hashes[0], a.hashes[1]);
        assert_ne!(a.hashes[0], a.hashes[2]);
    }

    #[test]
    fn eight_bytes_lowercase_as_byte_by_byte() {
        // Every byte value in every lane, next to every other lane's
        // neighbours.
        for b in 0..=255u8 {
            let mut bytes = [0u8; 8];
            for (k, d) in bytes.iter_mut().enumerate() {
                *d = b.wrapping_add((k as u8).wrapping_mul(37));
            }
            let expected = bytes.map(|c| c.to_ascii_lowercase());
            assert_eq!(
                lower8(u64::from_le_bytes(bytes)),
                u64::from_le_bytes(expected),
                "{bytes:?}"
            );
        }
    }

    #[test]
    fn long_and_short_texts_differ() {
        let mut a = Features::default();
        for w in ["", "a", "aaaaaaaa", "aaaaaaaaa", "aaaaaaaa\0"] {
            a.text(1, w);
        }
        let mut seen = a.hashes.clone();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), 5);
    }
}
