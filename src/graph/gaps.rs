//! Gaps: what no one serves, reaches or links.

use std::collections::{HashSet, VecDeque};

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::{FrameworkGraph, Node, NodeKind};
use crate::LinkKind;

impl FrameworkGraph {
    /// Outputs that no programme or deliverable contributes to directly.
    ///
    /// ```
    /// use ilo_frameworks::graph::FrameworkGraph;
    ///
    /// let graph = FrameworkGraph::builtin()?;
    /// let unserved: Vec<String> = graph.unserved_outputs().map(|n| n.key().to_string()).collect();
    /// assert!(!unserved.contains(&"pb-2022-23:7.1".to_owned())); // IPEC+ and Better Work serve it
    /// assert!(unserved.contains(&"pb-2022-23:1.1".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unserved_outputs(&self) -> impl Iterator<Item = Node<'_>> {
        self.nodes_of_kind(NodeKind::Output).filter(move |output| {
            !self
                .graph
                .edges_directed(output.index, Direction::Incoming)
                .any(|edge| {
                    edge.weight().kind == LinkKind::ContributesTo
                        && matches!(self.kind_of(edge.source()), NodeKind::Programme | NodeKind::Deliverable)
                })
        })
    }

    /// SDG targets of the catalogue that no output reaches through its own
    /// links (an SDG target or indicator it names); links stated at outcome
    /// level do not count.
    pub fn unreached_sdg_targets(&self) -> impl Iterator<Item = Node<'_>> {
        let mut reached = HashSet::new();
        let mut queue: VecDeque<NodeIndex> = self.nodes_of_kind(NodeKind::Output).map(|n| n.index).collect();
        while let Some(node) = queue.pop_front() {
            for edge in self.graph.edges(node) {
                let next = edge.target();
                let kind = self.kind_of(next);
                let onwards = matches!(edge.weight().kind, LinkKind::ContributesTo | LinkKind::PartOf)
                    && matches!(kind, NodeKind::SdgGoal | NodeKind::SdgTarget | NodeKind::SdgIndicator);
                if onwards && reached.insert(next) {
                    queue.push_back(next);
                }
            }
        }
        self.nodes_of_kind(NodeKind::SdgTarget)
            .filter(move |t| !reached.contains(&t.index))
    }

    /// Programmes linked to nothing but their own framework.
    pub fn unlinked_programmes(&self) -> impl Iterator<Item = Node<'_>> {
        self.nodes_of_kind(NodeKind::Programme)
            .filter(move |p| self.graph.edges(p.index).all(|e| e.weight().kind == LinkKind::PartOf))
    }
}
