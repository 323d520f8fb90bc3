//! A set of the few strings seen so far, such as the attribute names of
//! one element or the partners of one activity: most hold a handful, so the
//! first eight are kept in place and compared in turn, and a hash set is
//! made only for more, which keeps a hostile element of thousands linear.

use std::collections::HashSet;

/// The strings seen so far: the first eight in place, more in a set.
#[derive(Debug, Default)]
pub(super) struct Seen<'a> {
    first: [&'a str; 8],
    count: usize,
    /// Made only past eight strings.
    more: Option<HashSet<&'a str>>,
}

impl<'a> Seen<'a> {
    /// Adds `key`; `false` when it was there.
    pub(super) fn insert(&mut self, key: &'a str) -> bool {
        let held = self.count.min(self.first.len());
        if self.first[..held].contains(&key) || self.more.as_ref().is_some_and(|more| more.contains(key)) {
            return false;
        }
        match self.first.get_mut(self.count) {
            Some(slot) => *slot = key,
            None => {
                self.more.get_or_insert_default().insert(key);
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
            assert!(seen.insert(name), "{name}");
        }
        for name in &names {
            assert!(!seen.insert(name), "{name}");
        }
        assert!(seen.insert("other"));
    }
}
