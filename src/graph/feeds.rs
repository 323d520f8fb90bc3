//! Which outputs and outcomes an element's results feed, for roll-ups.

use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::{FrameworkGraph, NodeKey, NodeKind};
use crate::{LinkKind, Ref};

/// One output or outcome that an element's results feed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Feed {
    /// The output or outcome.
    pub(crate) node: NodeIndex,
    /// The fraction of the element's values it receives: the sum of the
    /// shares of the distinct paths (an unweighted link carries the
    /// whole), at most 1.
    pub(crate) fraction: f64,
    /// How many distinct paths lead there; above 1, a diamond that the
    /// roll-up counts once.
    pub(crate) paths: u32,
}

fn is_result_level(kind: NodeKind) -> bool {
    matches!(kind, NodeKind::Output | NodeKind::Outcome)
}

impl FrameworkGraph {
    /// The node a reference names, for crate-internal walks.
    pub(crate) fn index_of(&self, reference: &Ref) -> Option<NodeIndex> {
        self.index.get_ref(reference)
    }

    /// The key of a node found by [`FrameworkGraph::index_of`] or a walk.
    pub(crate) fn key_at(&self, node: NodeIndex) -> &NodeKey {
        &self.graph[node].key
    }

    /// The outputs and outcomes the results of `source` feed, in the order
    /// first reached: the element itself when it is an output or outcome;
    /// each output or outcome it contributes to, with the link's share;
    /// and the outcome each of those outputs is part of, with the same
    /// share. Longer chains are not followed, so the walk is bounded by the
    /// element's own links: a roll-up over a whole set is linear in the
    /// set.
    pub(crate) fn feeds(&self, source: NodeIndex) -> Vec<Feed> {
        // Every path's end with its share, then merged by node (sorting, so
        // that an element with many links costs n log n, not n²).
        let mut reached: Vec<(NodeIndex, f64)> = Vec::new();
        let mut add = |node: NodeIndex, share: f64| reached.push((node, share));
        let outcome_of = |node: NodeIndex| {
            self.graph
                .edges(node)
                .find(|e| e.weight().kind == LinkKind::PartOf && self.graph[e.target()].kind == NodeKind::Outcome)
                .map(|e| e.target())
        };
        let kind = self.graph[source].kind;
        if is_result_level(kind) {
            add(source, 1.0);
            if kind == NodeKind::Output
                && let Some(outcome) = outcome_of(source)
            {
                add(outcome, 1.0);
            }
        }
        let mut links: Vec<_> = self
            .graph
            .edges(source)
            .filter(|e| e.weight().kind == LinkKind::ContributesTo && is_result_level(self.graph[e.target()].kind))
            .map(|e| (e.id(), e.target(), e.weight().share.map_or(1.0, |s| s.value())))
            .collect();
        // Edges in the order they were added, so that answers are stable.
        links.sort_unstable_by_key(|(id, _, _)| *id);
        for (_, target, share) in links {
            add(target, share);
            if self.graph[target].kind == NodeKind::Output
                && let Some(outcome) = outcome_of(target)
            {
                add(outcome, share);
            }
        }
        merge(reached)
    }
}

/// The feeds of a list of path ends: one per node, in the order each node
/// was first reached, with the shares summed (at most 1) and the paths
/// counted.
fn merge(reached: Vec<(NodeIndex, f64)>) -> Vec<Feed> {
    let mut order: Vec<(NodeIndex, usize, f64)> =
        reached.into_iter().enumerate().map(|(i, (n, s))| (n, i, s)).collect();
    order.sort_unstable_by_key(|(node, first, _)| (*node, *first));
    let mut feeds: Vec<(usize, Feed)> = Vec::with_capacity(order.len());
    for (node, first, share) in order {
        match feeds.last_mut() {
            Some((_, feed)) if feed.node == node => {
                feed.fraction = (feed.fraction + share).min(1.0);
                feed.paths = feed.paths.saturating_add(1);
            }
            _ => feeds.push((
                first,
                Feed {
                    node,
                    fraction: share.min(1.0),
                    paths: 1,
                },
            )),
        }
    }
    feeds.sort_unstable_by_key(|(first, _)| *first);
    feeds.into_iter().map(|(_, feed)| feed).collect()
}
