//! The observations of progress reports known as of a date, indexed by the
//! element they are about.

use std::hash::BuildHasher;

use chrono::NaiveDate;
use hashbrown::HashTable;

use crate::{
    DeliverableObservation, FrameworkId, FrameworkSet, IndicatorObservation, PartialDate, ProgressReport, Ref, Value,
};

/// An element's framework id and code as text: the key observations are
/// found by without building a [`Ref`] per element.
pub(crate) type Key<'s> = (&'s str, &'s str);

fn key(reference: &Ref) -> Option<Key<'_>> {
    match reference {
        Ref::Element { framework, code } => Some((framework.as_str(), code.as_str())),
        _ => None,
    }
}

/// The day from which a report is known: the last day of its date (a
/// report dated `2019` is known at the end of 2019).
pub(crate) fn known_from(report: &ProgressReport) -> NaiveDate {
    report.date.period().end()
}

/// Values grouped by key, each group in the order added, all in one
/// vector: a million observed elements cost a few allocations, not one
/// per element.
pub(crate) struct Grouped<K, T> {
    /// Each group's number, found by its key's hash and compared through
    /// `keys`: 8 bytes a group, where a map holding the key beside it took
    /// 48, so that the table stays in cache while a million are grouped.
    groups: HashTable<usize>,
    hasher: foldhash::fast::RandomState,
    /// Each group's key.
    keys: Vec<K>,
    /// Per group, where it ends in `items` (it starts where the one before ends).
    ends: Vec<usize>,
    items: Vec<T>,
}

impl<K, T> Default for Grouped<K, T> {
    fn default() -> Self {
        Grouped {
            groups: HashTable::new(),
            hasher: foldhash::fast::RandomState::default(),
            keys: Vec::new(),
            ends: Vec::new(),
            items: Vec::new(),
        }
    }
}

impl<K: std::hash::Hash + Eq + Copy, T> Grouped<K, T> {
    /// Adds an item to the group of `key`; `numbered` holds each item with
    /// its group's number until [`Grouped::finish`].
    fn push(&mut self, numbered: &mut Vec<(usize, T)>, key: K, item: T) {
        // A run of one key (a report lists an element's values together)
        // is looked up once.
        let group = match numbered.last() {
            Some(&(group, _)) if self.keys[group] == key => group,
            _ => {
                let next = self.keys.len();
                let keys = &self.keys;
                let hasher = &self.hasher;
                let group = *self
                    .groups
                    .entry(hasher.hash_one(key), |&g| keys[g] == key, |&g| hasher.hash_one(keys[g]))
                    .or_insert(next)
                    .get();
                if group == next {
                    self.keys.push(key);
                    self.ends.push(0);
                }
                group
            }
        };
        self.ends[group] += 1;
        numbered.push((group, item));
    }

    /// Makes room for `keys` more keys.
    fn reserve(&mut self, keys: usize) {
        let (hasher, known) = (&self.hasher, &self.keys);
        self.groups.reserve(keys, |&g| hasher.hash_one(known[g]));
        self.keys.reserve(keys);
        self.ends.reserve(keys);
    }

    /// Puts the items in group order, keeping their order within each
    /// group (a stable sort, one pass when the reports name each element
    /// once, in one run).
    fn finish(mut self, mut numbered: Vec<(usize, T)>) -> Self {
        numbered.sort_by_key(|&(group, _)| group);
        let mut at = 0;
        for end in &mut self.ends {
            at += *end;
            *end = at;
        }
        self.items = numbered.into_iter().map(|(_, item)| item).collect();
        self
    }

    /// The group of a key, in the order added; empty when none.
    ///
    /// `cursor` is where the look-up before left off: when keys are looked
    /// up in the order the reports first name them (a report that lists
    /// elements in the set's order, read in the set's order), the group is
    /// found there without a hash look-up.
    pub(crate) fn get(&self, key: &K, cursor: &mut usize) -> &[T] {
        let group = match self.keys.get(*cursor) {
            Some(k) if k == key => *cursor,
            _ => match self.groups.find(self.hasher.hash_one(key), |&g| self.keys[g] == *key) {
                Some(&group) => group,
                None => return &[],
            },
        };
        *cursor = group + 1;
        let start = group.checked_sub(1).map_or(0, |before| self.ends[before]);
        &self.items[start..self.ends[group]]
    }

    fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// The observations of the reports known as of a date.
#[derive(Default)]
pub(crate) struct Observations<'s> {
    /// Per deliverable, every word on it, in report order: the last is the
    /// latest report's.
    pub(crate) deliverables: Grouped<Key<'s>, (&'s FrameworkId, &'s DeliverableObservation)>,
    /// Per programme and target number, every value with its date, in
    /// report order.
    pub(crate) targets: Grouped<(Key<'s>, u32), (NaiveDate, &'s Value)>,
    /// Per element and indicator number, every actual with the date of its
    /// report, in report order.
    pub(crate) indicators: Grouped<(Key<'s>, u32), (NaiveDate, &'s IndicatorObservation)>,
}

impl<'s> Observations<'s> {
    /// Gathers the observations of every report of `set` known on `date`.
    /// Reports are taken in date order (then set order), so that a later
    /// report's word on a deliverable replaces an earlier one's. With
    /// `threads` above 1, the indicators' actuals (most of them) are
    /// gathered on a thread of their own.
    pub(crate) fn known_on(set: &'s FrameworkSet, date: NaiveDate, threads: usize) -> Self {
        let mut reports: Vec<&ProgressReport> = set.reports().filter(|r| known_from(r) <= date).collect();
        reports.sort_by_key(|r| known_from(r));
        let reports = reports.as_slice();
        let others = || (deliverables(reports), targets(reports, date));
        let ((deliverables, targets), indicators) = if threads > 1 {
            super::parallel::join(others, || indicators(reports))
        } else {
            (others(), indicators(reports))
        };
        Observations {
            deliverables,
            targets,
            indicators,
        }
    }

    /// Whether no report is known.
    pub(crate) fn is_empty(&self) -> bool {
        self.deliverables.is_empty() && self.targets.is_empty() && self.indicators.is_empty()
    }
}

/// Every word of `reports` on a deliverable, by deliverable.
fn deliverables<'s>(reports: &[&'s ProgressReport]) -> Grouped<Key<'s>, (&'s FrameworkId, &'s DeliverableObservation)> {
    let mut found = Grouped::default();
    let mut numbered = Vec::with_capacity(reports.iter().map(|r| r.deliverables.len()).sum());
    // Room for every key (one per observation at most): the table never grows.
    found.reserve(numbered.capacity());
    for report in reports {
        for o in &report.deliverables {
            if let Some(k) = key(&o.element) {
                found.push(&mut numbered, k, (&report.id, o));
            }
        }
    }
    found.finish(numbered)
}

/// Every value of `reports` on a programme target known on `date`, with
/// its date, by programme and target.
fn targets<'s>(reports: &[&'s ProgressReport], date: NaiveDate) -> Grouped<(Key<'s>, u32), (NaiveDate, &'s Value)> {
    let mut found = Grouped::default();
    let mut numbered = Vec::with_capacity(reports.iter().map(|r| r.targets.len()).sum());
    found.reserve(numbered.capacity());
    for report in reports {
        let dated = known_from(report);
        for o in &report.targets {
            let when = o.as_of.map_or(dated, |d: PartialDate| d.period().end());
            if let Some(k) = key(&o.element)
                && when <= date
            {
                found.push(&mut numbered, (k, o.target), (when, &o.value));
            }
        }
    }
    found.finish(numbered)
}

/// Every actual of `reports` with its report's date, by element and
/// indicator.
fn indicators<'s>(reports: &[&'s ProgressReport]) -> Grouped<(Key<'s>, u32), (NaiveDate, &'s IndicatorObservation)> {
    let mut found = Grouped::default();
    let mut numbered = Vec::with_capacity(reports.iter().map(|r| r.indicators.len()).sum());
    // Room for every key (one per observation at most): the table never grows.
    found.reserve(numbered.capacity());
    for report in reports {
        let dated = known_from(report);
        for o in &report.indicators {
            if let Some(k) = key(&o.element) {
                found.push(&mut numbered, (k, o.indicator), (dated, o));
            }
        }
    }
    found.finish(numbered)
}
