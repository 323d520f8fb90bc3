//! The shape of the graph: neighbourhoods, topological order and cycles.

use std::collections::{HashMap, VecDeque};

use petgraph::Direction;
use petgraph::algo::{kosaraju_scc, toposort};
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use super::build::Index;
use super::{FrameworkGraph, Node};
use crate::{Error, Ref};

impl FrameworkGraph {
    /// The part of the graph within `depth` links of `element`, following
    /// links both ways, as a graph of its own (for pictures and exports).
    ///
    /// ```
    /// use ilo_frameworks::graph::FrameworkGraph;
    ///
    /// let graph = FrameworkGraph::builtin()?;
    /// let around = graph.neighbourhood(&"flagships:IPEC+".parse()?, 1)?;
    /// assert!(around.node(&"pb-2022-23:7.1".parse()?).is_ok());
    /// assert!(around.node(&"pb-2022-23:7".parse()?).is_err()); // two links away
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownNode`] when `element` is not in the graph.
    pub fn neighbourhood(&self, element: &Ref, depth: usize) -> Result<FrameworkGraph, Error> {
        let origin = self.node(element)?.index;
        let mut distance = HashMap::from([(origin, 0usize)]);
        let mut queue = VecDeque::from([origin]);
        while let Some(node) = queue.pop_front() {
            let d = distance[&node];
            if d == depth {
                continue;
            }
            let around = self
                .graph
                .edges_directed(node, Direction::Outgoing)
                .map(|e| e.target())
                .chain(self.graph.edges_directed(node, Direction::Incoming).map(|e| e.source()));
            for next in around.collect::<Vec<_>>() {
                if let std::collections::hash_map::Entry::Vacant(v) = distance.entry(next) {
                    v.insert(d + 1);
                    queue.push_back(next);
                }
            }
        }
        Ok(self.restricted_to(|n| distance.contains_key(&n)))
    }

    /// The graph of the nodes `keep` accepts and the edges between them, in
    /// the same order.
    fn restricted_to(&self, keep: impl Fn(NodeIndex) -> bool) -> FrameworkGraph {
        let graph = self
            .graph
            .filter_map(|n, data| keep(n).then(|| data.clone()), |_, data| Some(*data));
        let index = Index::of(&graph);
        // `filter_map` keeps the nodes in their order.
        let kinds = self
            .graph
            .node_indices()
            .filter(|&n| keep(n))
            .map(|n| self.kind_of(n))
            .collect();
        FrameworkGraph {
            graph,
            kinds,
            labels: self.labels.clone(),
            // The edges kept keep their slots.
            shares: self.shares.clone(),
            index,
            issues: Vec::new(),
        }
    }

    /// Every node in an order where each comes before the nodes its links
    /// lead to (contributors before what they serve, parts before wholes).
    ///
    /// # Errors
    /// [`Error::Cycle`] with the nodes of one cycle when the graph has one.
    pub fn topological_order(&self) -> Result<Vec<Node<'_>>, Error> {
        match toposort(&self.graph, None) {
            Ok(order) => Ok(order.into_iter().map(|n| self.view(n)).collect()),
            Err(cycle) => {
                let on_cycle = cycle.node_id();
                let members = self
                    .cycles()
                    .into_iter()
                    .find(|c| c.iter().any(|n| n.index == on_cycle))
                    .unwrap_or_else(|| vec![self.view(on_cycle)]);
                Err(Error::Cycle(members.iter().map(|n| n.key().clone()).collect()))
            }
        }
    }

    /// The cycles of the graph: each group of nodes that reach each other
    /// (a strongly connected component of two or more nodes, or a node with
    /// a link to itself), in graph order.
    ///
    /// The search keeps its own stack (Kosaraju's algorithm over petgraph's
    /// iterative depth-first walks), so a chain of any length is searched
    /// without exhausting the thread's stack, as a recursive search would.
    pub fn cycles(&self) -> Vec<Vec<Node<'_>>> {
        if self.is_acyclic() {
            return Vec::new();
        }
        let mut cycles: Vec<Vec<NodeIndex>> = kosaraju_scc(&self.graph)
            .into_iter()
            .filter(|scc| scc.len() > 1 || self.graph.contains_edge(scc[0], scc[0]))
            .map(|mut scc| {
                scc.sort_unstable();
                scc
            })
            .collect();
        cycles.sort_unstable();
        cycles
            .into_iter()
            .map(|scc| scc.into_iter().map(|n| self.view(n)).collect())
            .collect()
    }
}

impl FrameworkGraph {
    /// Whether no link leads from a node back to itself, found by peeling
    /// off nodes no remaining link leads to (Kahn's order), where a search
    /// for strongly connected components walks the graph twice, once
    /// against its links. Frameworks are almost always acyclic, so the
    /// search runs only when this says otherwise.
    ///
    /// The edges are read in storage order twice: once to count the links
    /// into each node, once to peel the nodes no link leads to, the
    /// programmes, deliverables and indicators that hold most of the edges.
    /// Only the nodes freed by that are then peeled through their lists.
    fn is_acyclic(&self) -> bool {
        let mut waiting = vec![0_u32; self.graph.node_count()];
        for edge in self.graph.raw_edges() {
            waiting[edge.target().index()] += 1;
        }
        let roots: Vec<bool> = waiting.iter().map(|&count| count == 0).collect();
        let mut peeled = roots.iter().filter(|&&root| root).count();
        let mut ready: Vec<NodeIndex> = Vec::new();
        for edge in self.graph.raw_edges() {
            if roots[edge.source().index()] {
                let count = &mut waiting[edge.target().index()];
                *count -= 1;
                if *count == 0 {
                    ready.push(edge.target());
                }
            }
        }
        while let Some(node) = ready.pop() {
            peeled += 1;
            for next in self.graph.neighbors(node) {
                let count = &mut waiting[next.index()];
                *count -= 1;
                if *count == 0 {
                    ready.push(next);
                }
            }
        }
        peeled == self.graph.node_count()
    }
}
