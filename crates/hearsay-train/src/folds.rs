//! The five folds every held-out fit and cross-validation uses: item `i`
//! is in fold `i % FOLDS`, so folds are fixed by the corpus order.

/// How many folds.
pub const FOLDS: usize = 5;

/// Fold `k` of `items`: the items outside it (to train on) and those in
/// it (held out), both in their order.
pub fn split<T: Clone>(items: &[T], k: usize) -> (Vec<T>, Vec<&T>) {
    let mut train = Vec::with_capacity(items.len());
    let mut held = Vec::with_capacity(items.len() / FOLDS + 1);
    for (i, item) in items.iter().enumerate() {
        if i % FOLDS == k {
            held.push(item);
        } else {
            train.push(item.clone());
        }
    }
    (train, held)
}
