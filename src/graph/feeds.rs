//! Which outputs and outcomes an element's results feed, for roll-ups.

use petgraph::graph::{EdgeIndex, NodeIndex};
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
    /// The sum of the paths' shares before it is held to 1: above 1, adding
    /// the values up path by path would count the element more than once.
    pub(crate) shares: f64,
}

fn is_result_level(kind: NodeKind) -> bool {
    matches!(kind, NodeKind::Output | NodeKind::Outcome)
}

impl FrameworkGraph {
    /// The node a reference names, for crate-internal walks.
    pub(crate) fn index_of(&self, reference: &Ref) -> Option<NodeIndex> {
        self.index.get_ref(&self.graph, reference)
    }

    /// The nodes of one framework's elements, for walks that go through
    /// a framework element by element: its table is found once, not once
    /// per element, and an element asked for in the order the graph added
    /// them is found without the table.
    pub(crate) fn element_nodes<'g>(&'g self, framework: &'g crate::FrameworkId) -> ElementNodes<'g> {
        ElementNodes {
            graph: self,
            framework,
            table: self.index.elements_of(framework),
            next: None,
        }
    }

    /// What `node` is part of, as [`Node::part_of`](super::Node::part_of)
    /// finds it, from `known` when found before: `known` holds an entry
    /// per node once filled (it is sized on first use), so that thousands
    /// of elements linked to one output find its whole once.
    pub(crate) fn whole_of(&self, node: NodeIndex, known: &mut Vec<u32>) -> Option<NodeIndex> {
        if known.is_empty() {
            known.resize(self.graph.node_count(), UNKNOWN);
        }
        remembered(known, node, || self.whole(node))
    }

    /// What `node` is part of: the target of its first `part_of` edge.
    pub(super) fn whole(&self, node: NodeIndex) -> Option<NodeIndex> {
        self.graph
            .edges(node)
            .find(|e| e.weight().kind == LinkKind::PartOf)
            .map(|e| e.target())
    }

    /// Whether the element at `node` contributes, by the graph's edges,
    /// both to an output and to what that output is part of. `targets` is a
    /// buffer kept from call to call, and `wholes` is
    /// [`FrameworkGraph::whole_of`]'s. Linear in the element's edges: past
    /// a few, its targets are sorted and searched by halves.
    pub(crate) fn serves_output_and_its_whole(
        &self,
        node: NodeIndex,
        targets: &mut Vec<NodeIndex>,
        wholes: &mut Vec<u32>,
    ) -> bool {
        targets.clear();
        targets.extend(
            self.graph
                .edges(node)
                .filter(|e| e.weight().kind == LinkKind::ContributesTo)
                .map(|e| e.target()),
        );
        if targets.len() < 2 {
            return false;
        }
        let long = targets.len() > MERGE_BY_SEARCH;
        if long {
            targets.sort_unstable();
        }
        let targets = &*targets;
        let among = |node: NodeIndex| {
            if long {
                targets.binary_search(&node).is_ok()
            } else {
                targets.contains(&node)
            }
        };
        targets
            .iter()
            .any(|&target| self.kind_of(target) == NodeKind::Output && self.whole_of(target, wholes).is_some_and(among))
    }

    /// The key of a node found by [`FrameworkGraph::index_of`] or a walk.
    pub(crate) fn key_at(&self, node: NodeIndex) -> &NodeKey {
        &self.graph[node].key
    }

    /// A walker that gives the feeds of one element after another, with
    /// buffers kept from one element to the next: a walk over a whole set
    /// allocates nothing per element.
    pub(crate) fn feed_walker(&self) -> FeedWalker<'_> {
        FeedWalker {
            graph: self,
            scratch: FeedScratch {
                outcomes: vec![UNKNOWN; self.graph.node_count()],
                ..FeedScratch::default()
            },
            feeds: Vec::new(),
        }
    }

    /// [`FeedWalker::feeds`] into `feeds` (cleared first).
    fn feeds_into(&self, source: NodeIndex, scratch: &mut FeedScratch, feeds: &mut Vec<Feed>) {
        feeds.clear();
        // Every path's end with its share, then merged by node.
        let reached = &mut scratch.reached;
        reached.clear();
        let outcomes = &mut scratch.outcomes;
        let kind = self.kind_of(source);
        if is_result_level(kind) {
            reached.push((source, 1.0));
            if kind == NodeKind::Output
                && let Some(outcome) = self.outcome_of(source, outcomes)
            {
                reached.push((outcome, 1.0));
            }
        }
        let links = &mut scratch.links;
        links.clear();
        links.extend(
            self.graph
                .edges(source)
                .filter(|e| e.weight().kind == LinkKind::ContributesTo && is_result_level(self.kind_of(e.target())))
                .map(|e| {
                    (
                        e.id(),
                        e.target(),
                        self.share_of(e.weight()).map_or(1.0, crate::Share::value),
                    )
                }),
        );
        // Edges in the order they were added, so that answers are stable.
        links.sort_unstable_by_key(|(id, _, _)| *id);
        for &(_, target, share) in links.iter() {
            reached.push((target, share));
            if self.kind_of(target) == NodeKind::Output
                && let Some(outcome) = self.outcome_of(target, outcomes)
            {
                reached.push((outcome, share));
            }
        }
        merge(reached, &mut scratch.order, feeds);
    }

    /// The outcome that `output` is part of, from `known` when it was
    /// found before (`known` is empty, or holds an entry per node).
    fn outcome_of(&self, output: NodeIndex, known: &mut [u32]) -> Option<NodeIndex> {
        let find = || {
            self.graph
                .edges(output)
                .find(|e| e.weight().kind == LinkKind::PartOf && self.kind_of(e.target()) == NodeKind::Outcome)
                .map(|e| e.target())
        };
        remembered(known, output, find)
    }
}

/// The node `find` gives for `node`, from `known` (a number per node, or
/// empty) when it was found before, and kept there when first found.
fn remembered(known: &mut [u32], node: NodeIndex, find: impl FnOnce() -> Option<NodeIndex>) -> Option<NodeIndex> {
    let Some(entry) = known.get_mut(node.index()) else {
        return find();
    };
    if *entry == UNKNOWN {
        let found = find();
        match found.map(|found| u32::try_from(found.index())) {
            None => *entry = NOTHING,
            Some(Ok(number)) if number < NOTHING => *entry = number,
            // A node number the entry cannot hold: looked for again.
            Some(_) => return found,
        }
    }
    (*entry != NOTHING).then(|| NodeIndex::new(*entry as usize))
}

/// In [`FeedScratch::outcomes`] and [`FrameworkGraph::whole_of`]'s list:
/// not looked for yet.
const UNKNOWN: u32 = u32::MAX;
/// In the same: none there.
const NOTHING: u32 = u32::MAX - 1;

/// The indicator nodes [`ElementNodes::get`] steps over, at most, to reach
/// the next element's node.
const STEPPED_OVER: usize = 64;

/// The nodes of one framework's elements ([`FrameworkGraph::element_nodes`]).
pub(crate) struct ElementNodes<'g> {
    graph: &'g FrameworkGraph,
    framework: &'g crate::FrameworkId,
    table: Option<&'g super::build::Elements>,
    /// The node after the last one found: the graph adds a framework's
    /// elements in the order a walk meets them, each followed by its
    /// indicators.
    next: Option<usize>,
}

impl ElementNodes<'_> {
    /// The node of the element whose code is written `code`.
    ///
    /// The node after the last one found (past its indicators) is tried
    /// first, so that a walk in the graph's order reads the nodes one
    /// after the other rather than a table spread over memory; the table
    /// answers when that node is another element's.
    pub(crate) fn get(&mut self, code: &str) -> Option<NodeIndex> {
        let found = self
            .following(code)
            .or_else(|| self.table.and_then(|nodes| nodes.get(&self.graph.graph, code)));
        self.next = found.map(|n| n.index() + 1);
        found
    }

    /// The element node after the last one found, past its indicators, if
    /// its code is `code`. Up to [`STEPPED_OVER`] indicators are stepped
    /// over; past that the table answers, so that an element with thousands
    /// of indicators, asked for again and again (a repeated code), costs
    /// no more than a look-up each time.
    fn following(&self, code: &str) -> Option<NodeIndex> {
        let graph = self.graph;
        let start = self.next?;
        let index = start
            + graph
                .kinds
                .get(start..)?
                .iter()
                .take(STEPPED_OVER)
                .take_while(|&&k| k == NodeKind::Indicator)
                .count();
        let node = NodeIndex::new(index);
        match &graph.graph.node_weight(node)?.key {
            NodeKey::Ref(Ref::Element { framework, code: c }) if framework == self.framework && c.as_str() == code => {
                Some(node)
            }
            _ => None,
        }
    }
}

/// Gives the feeds of one element after another
/// ([`FrameworkGraph::feed_walker`]).
pub(crate) struct FeedWalker<'g> {
    graph: &'g FrameworkGraph,
    scratch: FeedScratch,
    feeds: Vec<Feed>,
}

impl FeedWalker<'_> {
    /// The outputs and outcomes the results of `source` feed, in the order
    /// first reached: the element itself when it is an output or outcome;
    /// each output or outcome it contributes to, with the link's share;
    /// and the outcome each of those outputs is part of, with the same
    /// share. Longer chains are not followed, so the walk is bounded by the
    /// element's own links: a roll-up over a whole set is linear in the
    /// set. None when there is no node.
    pub(crate) fn feeds(&mut self, source: Option<NodeIndex>) -> &[Feed] {
        match source {
            Some(node) => self.graph.feeds_into(node, &mut self.scratch, &mut self.feeds),
            None => self.feeds.clear(),
        }
        &self.feeds
    }
}

/// Buffers for [`FrameworkGraph::feeds_into`].
#[derive(Debug, Default)]
struct FeedScratch {
    reached: Vec<(NodeIndex, f64)>,
    links: Vec<(EdgeIndex, NodeIndex, f64)>,
    order: Vec<(NodeIndex, usize, f64)>,
    /// Per node, the outcome it is part of once looked for, as a node
    /// number ([`UNKNOWN`], [`NOTHING`]): a walk over a whole set finds
    /// each output's outcome once, not once per element that feeds it.
    outcomes: Vec<u32>,
}

/// Path ends up to which [`merge`] looks for an earlier end at the same
/// node one by one; above it, it sorts (n log n, not n²).
const MERGE_BY_SEARCH: usize = 16;

/// The feeds of a list of path ends: one per node, in the order each node
/// was first reached, with the shares summed in that order (at most 1) and
/// the paths counted.
fn merge(reached: &[(NodeIndex, f64)], order: &mut Vec<(NodeIndex, usize, f64)>, feeds: &mut Vec<Feed>) {
    let add = |feed: &mut Feed, share: f64| {
        feed.shares += share;
        feed.fraction = feed.shares.min(1.0);
        feed.paths = feed.paths.saturating_add(1);
    };
    let first = |node: NodeIndex, share: f64| Feed {
        node,
        fraction: share.min(1.0),
        paths: 1,
        shares: share,
    };
    if reached.len() <= MERGE_BY_SEARCH {
        for &(node, share) in reached {
            match feeds.iter_mut().find(|f| f.node == node) {
                Some(feed) => add(feed, share),
                None => feeds.push(first(node, share)),
            }
        }
        return;
    }
    order.clear();
    order.extend(reached.iter().enumerate().map(|(i, &(n, s))| (n, i, s)));
    order.sort_unstable_by_key(|(node, first, _)| (*node, *first));
    let mut merged: Vec<(usize, Feed)> = Vec::with_capacity(order.len());
    for &(node, at, share) in order.iter() {
        match merged.last_mut() {
            Some((_, feed)) if feed.node == node => add(feed, share),
            _ => merged.push((at, first(node, share))),
        }
    }
    merged.sort_unstable_by_key(|(at, _)| *at);
    feeds.extend(merged.into_iter().map(|(_, feed)| feed));
}

#[cfg(test)]
mod tests {
    use super::FrameworkGraph;
    use crate::{ElementCode, Indicator, Ref, builtin};

    /// Every element's code in a framework, in the graph's order.
    fn codes(f: &crate::Framework) -> Vec<ElementCode> {
        let outcomes = f.outcomes.iter().flat_map(|o| {
            std::iter::once(ElementCode::from(o.code)).chain(o.outputs.iter().map(|p| ElementCode::from(p.code)))
        });
        let programmes = f.programmes.iter().map(|p| ElementCode::from(&p.id));
        let deliverables = f.deliverables.iter().map(|d| ElementCode::from(d.code));
        outcomes.chain(programmes).chain(deliverables).collect()
    }

    #[test]
    fn element_nodes_agree_with_the_index_in_any_order() -> Result<(), crate::Error> {
        // The built-in frameworks, with indicators on every other output
        // and programme, whose nodes follow their element's.
        let mut set = crate::FrameworkSet::new();
        for mut f in builtin::frameworks()? {
            let outputs = f.outcomes.iter_mut().flat_map(|o| &mut o.outputs);
            for (i, output) in outputs.enumerate().filter(|(i, _)| i % 2 == 0) {
                output.indicators.push(Indicator::new(format!("output indicator {i}")));
            }
            for (i, p) in f.programmes.iter_mut().enumerate().filter(|(i, _)| i % 2 == 1) {
                p.indicators
                    .extend([Indicator::new("reached"), Indicator::new(format!("programme {i}"))]);
                // More indicators than a walk steps over: the next element
                // is found through the table.
                if i == 1 {
                    p.indicators
                        .extend((0..100).map(|n| Indicator::new(format!("count {n}"))));
                }
            }
            set.insert(f)?;
        }
        let graph = FrameworkGraph::new(&set, builtin::sdg()?, &builtin::standards()?);
        let mut indicators = 0;
        for f in &set {
            let codes = codes(f);
            let expected: Vec<_> = codes
                .iter()
                .map(|c| graph.index_of(&Ref::element(f.id.clone(), c.clone())))
                .collect();
            assert!(
                expected.iter().all(Option::is_some),
                "{} has elements without nodes",
                f.id
            );
            let mut nodes = graph.element_nodes(&f.id);
            let in_order: Vec<_> = codes.iter().map(|c| nodes.get(c.as_str())).collect();
            assert_eq!(in_order, expected, "{} in order", f.id);
            let mut nodes = graph.element_nodes(&f.id);
            let reversed: Vec<_> = codes.iter().rev().map(|c| nodes.get(c.as_str())).collect();
            assert_eq!(
                reversed,
                expected.iter().rev().copied().collect::<Vec<_>>(),
                "{} reversed",
                f.id
            );
            assert_eq!(nodes.get("no-such-code"), None);
            indicators += f.indicator_lists().map(|(_, list)| list.len()).sum::<usize>();
        }
        // The set has indicator nodes for the walks to step over.
        assert!(indicators > 0);
        // Past a framework's last element come other frameworks' nodes: the
        // next framework's first code is found only where this framework
        // has an element of that code.
        let frameworks: Vec<_> = set.iter().collect();
        for pair in frameworks.windows(2) {
            let (Some(last), Some(first)) = (codes(pair[0]).pop(), codes(pair[1]).into_iter().next()) else {
                continue;
            };
            let mut nodes = graph.element_nodes(&pair[0].id);
            assert!(nodes.get(last.as_str()).is_some());
            let expected = graph.index_of(&Ref::element(pair[0].id.clone(), first.clone()));
            assert_eq!(nodes.get(first.as_str()), expected, "{} after {}", first, pair[0].id);
        }
        Ok(())
    }
}
