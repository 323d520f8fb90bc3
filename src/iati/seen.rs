//! A set of the few values seen so far, such as the attribute names of
//! one element, the partners of one activity or the SDG codes of one
//! indicator: most hold a handful, so the first eight are kept in place and
//! compared in turn, and a hash set is made only for more, which keeps a
//! hostile element of thousands linear.

use std::collections::HashSet;
use std::hash::Hash;

/// The values seen so far: the first eight in place, more in a set.
#[derive(Debug)]
pub(super) struct Seen<T> {
    first: [Option<T>; 8],
    count: usize,
    /// Made only past eight values.
    more: Option<HashSet<T>>,
}

impl<T> Default for Seen<T> {
    fn default() -> Self {
        Seen {
            first: std::array::from_fn(|_| None),
            count: 0,
            more: None,
        }
    }
}

impl<T: Copy + Eq + Hash> Seen<T> {
    /// Adds `value`; `false` when it was there.
    pub(super) fn insert(&mut self, value: T) -> bool {
        let held = self.count.min(self.first.len());
        if self.first[..held].contains(&Some(value)) || self.more.as_ref().is_some_and(|more| more.contains(&value)) {
            return false;
        }
        match self.first.get_mut(self.count) {
            Some(slot) => *slot = Some(value),
            None => {
                self.more.get_or_insert_default().insert(value);
            }
        }
        self.count += 1;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_string_is_new_once_however_many_there_are() {
        let names: Vec<String> = (0..40).map(|i| format!("n{i}")).collect();
        let mut seen = Seen::default();
        for name in &names {
            assert!(seen.insert(name.as_str()), "{name}");
        }
        for name in &names {
            assert!(!seen.insert(name.as_str()), "{name}");
        }
        assert!(seen.insert("other"));
    }
}
