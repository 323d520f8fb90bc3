//! Gathering roll-ups: every indicator's contributions to the outputs and
//! outcomes it feeds, grouped by node and class of indicator, then handed
//! to their groups and combined; and joining what two runs of frameworks
//! gathered, for an evaluation on several threads.

use foldhash::HashMap;
use petgraph::graph::NodeIndex;

use super::Actual;
use super::rollup::{Contribution, RollUp, RollUpGroup};
use crate::Indicator;
use crate::graph::FrameworkGraph;

/// What indicators must share to be rolled up together: measure, unit,
/// rule and the counted dimension.
type ClassKey<'s> = (crate::Measure, Option<&'s str>, &'static str, Option<&'s str>);

/// Roll-ups being gathered: every group with the node it is at, and where
/// each group is, by node and class of indicator (the class found once per
/// indicator, then one look-up of two numbers per contribution, whatever
/// the number of groups at a node).
///
/// Contributions are written one after the other into one list (in
/// blocks, so that it never moves as it grows) and only handed to their
/// groups when a run of frameworks is done ([`Rollups::hand_out`], on the
/// run's thread), each group's list allocated once to its length: writing
/// each straight into its group's list, one of tens of thousands, would
/// cost a cache miss per contribution.
#[derive(Default)]
pub(super) struct Rollups<'s> {
    groups: Vec<(petgraph::graph::NodeIndex, RollUpGroup)>,
    /// How many contributions each group has.
    counts: Vec<usize>,
    classes: HashMap<ClassKey<'s>, u32>,
    index: HashMap<(petgraph::graph::NodeIndex, u32), usize>,
    /// Every contribution with its group, in the order added.
    added: Vec<Vec<(usize, Contribution)>>,
    /// Each value of a counted dimension, numbered.
    names: HashMap<&'s str, u32>,
    /// For each group, the lists of values its contributions with a
    /// fraction above 0 count (distinct-count groups only), as places in
    /// `lists`: the groups' distinct counts are then made without reading
    /// a text again, and an indicator that feeds many groups keeps its
    /// values once, not once per group.
    counted: Vec<Vec<u32>>,
    /// Each indicator's counted values, numbered, as (start, end) in
    /// `values`; each list holds a value once.
    lists: Vec<(usize, usize)>,
    values: Vec<u32>,
}

/// Contributions per block of [`Rollups::added`].
const BLOCK: usize = 1 << 14;

impl<'s> Rollups<'s> {
    /// Adds the indicator at `indicator` in the result's list, whose
    /// actual names the `counted` values (under a distinct count), to the
    /// groups of every node it feeds.
    pub(super) fn add(
        &mut self,
        indicator: usize,
        definition: &'s Indicator,
        rule: &crate::Aggregation,
        actual: Option<&Actual<'_, 's>>,
        counted: &[&'s str],
        feeds: &[crate::graph::Feed],
    ) {
        if feeds.is_empty() {
            return;
        }
        let dimension = match &definition.aggregation {
            Some(crate::Aggregation::DistinctCount(d)) => Some(d.as_str()),
            _ => None,
        };
        // The indicator's values, kept once for all the groups it feeds.
        let list = (!counted.is_empty()).then(|| {
            let start = self.values.len();
            for name in counted {
                let next = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
                self.values.push(*self.names.entry(name).or_insert(next));
            }
            self.lists.push((start, self.values.len()));
            u32::try_from(self.lists.len() - 1).unwrap_or(u32::MAX)
        });
        let value = match (dimension, actual) {
            (Some(_), Some(_)) => Some(counted.len() as f64),
            (None, Some(a)) => a.total_number(),
            (_, None) => None,
        };
        let date = actual.map(|a| a.period.end());
        let class_key = (definition.measure, definition.unit.as_deref(), rule.as_str(), dimension);
        let classes = self.classes.len();
        let class = *self
            .classes
            .entry(class_key)
            .or_insert(u32::try_from(classes).unwrap_or(u32::MAX));
        for feed in feeds {
            let next = self.groups.len();
            let at = *self.index.entry((feed.node, class)).or_insert(next);
            if at == next {
                self.groups.push((
                    feed.node,
                    RollUpGroup {
                        measure: definition.measure,
                        unit: definition.unit.clone(),
                        rule: rule.clone(),
                        value: None,
                        contributions: Vec::new(),
                    },
                ));
                self.counts.push(0);
                self.counted.push(Vec::new());
            }
            self.counts[at] += 1;
            if feed.fraction > 0.0
                && let Some(list) = list
            {
                self.counted[at].push(list);
            }
            let contribution = Contribution {
                indicator,
                value,
                fraction: feed.fraction,
                paths: feed.paths,
                date,
            };
            self.push(at, contribution);
        }
    }

    /// Hands every contribution written so far to its group, in the order
    /// written, each group's list grown once.
    pub(super) fn hand_out(&mut self) {
        for ((_, group), &count) in self.groups.iter_mut().zip(&self.counts) {
            group.contributions.reserve_exact(count - group.contributions.len());
        }
        // In the order added; each block given back once handed out.
        for block in std::mem::take(&mut self.added) {
            for (at, contribution) in block {
                self.groups[at].1.contributions.push(contribution);
            }
        }
    }

    /// Adds what `later` gathered (and handed out) from frameworks that
    /// come after this one's, whose indicators' results are listed from
    /// `offset` on: its groups join this one's of the same node and class
    /// (their contributions after these) or follow them, as if one had
    /// gathered both runs in turn. Both are handed out first.
    pub(super) fn append(&mut self, mut later: Rollups<'s>, offset: usize) {
        self.hand_out();
        later.hand_out();
        // Its numbers of classes and of counted values, in this one's.
        let mut classes = vec![0; later.classes.len()];
        for (key, number) in later.classes {
            let next = u32::try_from(self.classes.len()).unwrap_or(u32::MAX);
            classes[number as usize] = *self.classes.entry(key).or_insert(next);
        }
        let mut names = vec![0; later.names.len()];
        for (name, number) in later.names {
            let next = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
            names[number as usize] = *self.names.entry(name).or_insert(next);
        }
        // Its lists of counted values after this one's, in this one's numbers.
        let lists = u32::try_from(self.lists.len()).unwrap_or(u32::MAX);
        let values = self.values.len();
        self.values.extend(later.values.iter().map(|&n| names[n as usize]));
        self.lists
            .extend(later.lists.iter().map(|&(start, end)| (start + values, end + values)));
        // Each of its groups' node and class, by group.
        let mut keys = vec![(petgraph::graph::NodeIndex::end(), 0); later.groups.len()];
        for ((node, class), at) in later.index {
            keys[at] = (node, classes[class as usize]);
        }
        let groups = later.groups.into_iter().zip(later.counted).zip(keys);
        for (((_, mut group), counted), key) in groups {
            for contribution in &mut group.contributions {
                contribution.indicator += offset;
            }
            let count = group.contributions.len();
            let next = self.groups.len();
            let at = *self.index.entry(key).or_insert(next);
            if at == next {
                self.groups.push((key.0, group));
                self.counts.push(count);
                self.counted.push(Vec::new());
            } else {
                self.groups[at].1.contributions.append(&mut group.contributions);
                self.counts[at] += count;
            }
            self.counted[at].extend(counted.into_iter().map(|list| list + lists));
        }
    }

    /// Writes a contribution to group `at` after the others.
    fn push(&mut self, at: usize, contribution: Contribution) {
        match self.added.last_mut() {
            Some(block) if block.len() < block.capacity() => block.push((at, contribution)),
            _ => {
                let mut block = Vec::with_capacity(BLOCK);
                block.push((at, contribution));
                self.added.push(block);
            }
        }
    }

    /// The roll-ups in graph order, each with its groups in the order first
    /// reached, combined (on up to `threads` threads, the groups shared
    /// out by their contributions).
    pub(super) fn finish(mut self, graph: &FrameworkGraph, threads: usize) -> Vec<RollUp> {
        self.hand_out();
        let (lists, values) = (&self.lists, &self.values);
        let list = |id: u32| {
            lists
                .get(id as usize)
                .map_or(&[][..], |&(start, end)| &values[start..end])
        };
        let combine = |(groups, counted): (&mut [(NodeIndex, RollUpGroup)], &[Vec<u32>])| {
            for ((_, group), ids) in groups.iter_mut().zip(counted) {
                let distinct = match ids.as_slice() {
                    // One list holds each value once.
                    [] => 0,
                    [one] => list(*one).len(),
                    _ => {
                        let mut numbers: Vec<u32> = ids.iter().flat_map(|&id| list(id).iter().copied()).collect();
                        numbers.sort_unstable();
                        numbers.dedup();
                        numbers.len()
                    }
                };
                group.combine(distinct);
            }
        };
        let mut groups = self.groups;
        super::parallel::map(shares(&mut groups, &self.counted, &self.counts, threads), combine);
        // A stable sort keeps each node's groups in the order first reached.
        groups.sort_by_key(|(node, _)| *node);
        let mut rollups: Vec<RollUp> = Vec::new();
        let mut last = None;
        for (node, group) in groups {
            if last != Some(node) {
                let Some(element) = graph.key_at(node).reference() else {
                    continue;
                };
                rollups.push(RollUp {
                    element: element.clone(),
                    groups: Vec::new(),
                });
                last = Some(node);
            }
            if let Some(rollup) = rollups.last_mut() {
                rollup.groups.push(group);
            }
        }
        rollups
    }
}

/// `groups` with their counted lists in at most `threads` runs, in order,
/// of about as many contributions each (`counts`, per group).
fn shares<'g, G, C>(
    mut groups: &'g mut [G],
    mut counted: &'g [C],
    counts: &[usize],
    threads: usize,
) -> Vec<(&'g mut [G], &'g [C])> {
    let ranges = super::parallel::ranges(counts, threads);
    let mut runs = Vec::with_capacity(ranges.len());
    for range in ranges {
        let at = range.len().min(groups.len()).min(counted.len());
        let (run, rest) = std::mem::take(&mut groups).split_at_mut(at);
        let (run_counted, counted_rest) = counted.split_at(at);
        runs.push((run, run_counted));
        (groups, counted) = (rest, counted_rest);
    }
    runs
}
