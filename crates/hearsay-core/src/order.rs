//! One sort for the core and the page.
//!
//! Every `sort_by` of the standard library is compiled again for each
//! element type and each comparison closure, about 5 KB of wasm each time.
//! Here the only sort is of indices, with the comparison behind a `dyn`, so
//! the page carries one copy of it whatever is sorted; the elements are then
//! moved into place by following the cycles of that order.
//!
//! Every sort here is stable: equal elements keep their order.

use std::cmp::Ordering;
use std::collections::BTreeSet;

/// Indices `0..n` ordered by `cmp`, stably.
pub fn sorted_by(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    v.sort_by(|&a, &b| cmp(a, b));
    v
}

/// Sorts `v` by `cmp`, stably.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_by(v.len(), &|i, j| cmp(&v[i], &v[j]));
    permute(v, order);
}

/// Sorts `v` by the key `key` gives, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Sorts numbers (ids, hashes) in ascending order. Equal numbers cannot be
/// told apart, so any sort gives the same result: natively the standard
/// unstable sort, the fastest; in the page the one sort above, so that
/// each number type adds no sort of its own to the wasm.
pub fn sort_numbers<T: Ord + Copy>(v: &mut [T]) {
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_unstable();
    #[cfg(target_arch = "wasm32")]
    sort(v);
}

/// The set of what `items` yields. Collecting into a `BTreeSet` sorts a
/// vector first (one more copy of the sort per element type); this inserts
/// one by one.
pub fn set<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    set.extend(items);
    set
}

/// Moves `v[order[i]]` to `v[i]` for every `i`, in place.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_numbers_sorts_ascending() {
        let mut v = vec![9u64, 2, 7, 2, 0];
        sort_numbers(&mut v);
        assert_eq!(v, [0, 2, 2, 7, 9]);
    }

    #[test]
    fn sorts_numbers_in_ascending_order() {
        let mut v = vec![5, 3, 9, 1, 3, 0, 7];
        sort(&mut v);
        assert_eq!(v, [0, 1, 3, 3, 5, 7, 9]);
    }

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e'), (2, 'f')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(
            v,
            [(0, 'e'), (1, 'b'), (1, 'd'), (2, 'a'), (2, 'c'), (2, 'f')]
        );
    }

    #[test]
    fn a_reversed_comparison_sorts_descending() {
        let mut v = vec![1.5f32, -2.0, 8.25, 0.0];
        sort_by(&mut v, |a, b| b.total_cmp(a));
        assert_eq!(v, [8.25, 1.5, 0.0, -2.0]);
    }

    #[test]
    fn elements_that_own_memory_are_moved_not_copied() {
        let mut v: Vec<String> = ["pear", "fig", "apple", "date"].map(String::from).to_vec();
        sort(&mut v);
        assert_eq!(v, ["apple", "date", "fig", "pear"]);
    }

    #[test]
    fn a_long_cycle_is_followed_to_its_end() {
        // Each element belongs one place to the left: a single cycle of 6.
        let mut v = vec![6, 1, 2, 3, 4, 5];
        sort(&mut v);
        assert_eq!(v, [1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn agrees_with_the_standard_stable_sort() {
        // A fixed pseudo-random sequence with many repeats.
        let mut x = 12345u32;
        let v: Vec<(u8, u32)> = (0..500)
            .map(|i| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                ((x >> 24) as u8 % 17, i)
            })
            .collect();
        let mut ours = v.clone();
        sort_by_key(&mut ours, |p| p.0);
        let mut theirs = v;
        theirs.sort_by_key(|p| p.0);
        assert_eq!(ours, theirs);
    }

    #[test]
    fn empty_and_single_slices_are_left_alone() {
        let mut empty: Vec<i32> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![4];
        sort(&mut one);
        assert_eq!(one, [4]);
    }

    #[test]
    fn a_set_holds_each_item_once_in_order() {
        let got: Vec<_> = set(["b", "a", "b", "c", "a"]).into_iter().collect();
        assert_eq!(got, ["a", "b", "c"]);
    }

    #[test]
    fn indices_come_in_the_order_of_what_they_index() {
        let names = ["c", "a", "b", "a"];
        assert_eq!(
            sorted_by(names.len(), &|i, j| names[i].cmp(names[j])),
            [1, 3, 2, 0]
        );
    }
}
