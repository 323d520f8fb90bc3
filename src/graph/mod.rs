//! The framework graph: frameworks, their elements, the SDG catalogue and
//! the labour standards in one directed graph, with queries that explain
//! themselves.
//!
//! [`FrameworkGraph`] is built once from a [`FrameworkSet`] and the two
//! catalogues. The petgraph graph inside is private: nodes are named by
//! [`NodeKey`] (mostly a [`Ref`]) and read through borrowed views,
//! [`Node<'g>`] and [`Edge<'g>`], where `'g` is the borrow of the graph.
//!
//! Edges point from the part to the whole and from the contributor to what
//! it serves:
//!
//! | kind | from → to |
//! |---|---|
//! | `part_of` | output → outcome → framework; programme, deliverable → framework; SDG indicator → target → goal |
//! | `contributes_to` | programme, deliverable → output, outcome; outcome, output, programme, deliverable, indicator → SDG code |
//! | `measures` | indicator → output or outcome |
//! | `cites` | outcome, output, programme, deliverable → labour standard |
//! | `supported_by` | programme → partner, initiative |
//! | `succeeds` | programme → the programme it follows on from |
//!
//! ```
//! use ilo_frameworks::graph::{FrameworkGraph, NodeKind};
//!
//! let graph = FrameworkGraph::builtin()?;
//! let ipec = graph.contributions(&"flagships:IPEC+".parse()?)?;
//! let targets: Vec<String> = ipec.of_kind(NodeKind::SdgTarget).map(|r| r.node().key().to_string()).collect();
//! assert!(targets.contains(&"sdg:8.7".to_owned()));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod build;
mod coverage;
mod export;
mod feeds;
mod gaps;
mod node;
mod query;
mod structure;

use std::fmt;

use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

#[cfg(feature = "synthetic")]
pub(crate) use build::programme_edges;
pub use coverage::CoverageMatrix;
pub use export::{GraphJson, JsonEdge, JsonNode};
pub(crate) use feeds::Feed;
pub use node::{NodeKey, NodeKind};
pub(crate) use query::edit_distance;
pub use query::{Contributions, Reach};

use crate::sdg::SdgCatalogue;
use crate::{Error, FrameworkSet, LinkKind, Ref, Share, StandardCatalogue, builtin};

#[derive(Debug, Clone)]
struct NodeData {
    key: NodeKey,
    /// Where the label is in [`FrameworkGraph::labels`]: start and end.
    label: (u32, u32),
}

/// An edge's weight: its kind, and where its share is in
/// [`FrameworkGraph::shares`] ([`EdgeData::NO_SHARE`] where none is
/// stated). Few links state a share, so the shares are kept aside and an
/// edge takes 24 bytes in the graph, not 40.
#[derive(Debug, Clone, Copy)]
struct EdgeData {
    kind: LinkKind,
    share: u32,
}

impl EdgeData {
    /// The slot of an edge without a share.
    const NO_SHARE: u32 = u32::MAX;
}

/// Something the graph could not represent as the set states it. The
/// validation layer reports these with their context.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum GraphIssue {
    /// A link to a reference that names no node: an element that does not
    /// exist, or an SDG code or standard outside the catalogues.
    UnresolvedLink {
        /// Where the link starts.
        from: NodeKey,
        /// Its kind.
        kind: LinkKind,
        /// The reference that did not resolve.
        to: Ref,
    },
    /// Two elements with one name; the later one and its links are left out.
    DuplicateNode(NodeKey),
}

impl fmt::Display for GraphIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GraphIssue::UnresolvedLink { from, kind, to } => {
                write!(f, "{from} {kind} {to}, which is not in the graph")
            }
            GraphIssue::DuplicateNode(key) => write!(f, "{key} is defined twice; the second is left out"),
        }
    }
}

/// Frameworks, their elements and the catalogues as one directed graph.
///
/// See the [module documentation](self) for the nodes and edges.
#[derive(Debug, Clone)]
pub struct FrameworkGraph {
    graph: DiGraph<NodeData, EdgeData, u32>,
    /// Every node's kind, in node order: a byte each, so that the passes
    /// that ask each node or each edge's ends for their kind read one short
    /// list, not the nodes' records spread over memory.
    kinds: Vec<NodeKind>,
    /// Every node's label, one after the other (one allocation, not one per node).
    labels: String,
    /// The shares that links state, in the order their edges were added.
    shares: Vec<Share>,
    index: build::Index,
    issues: Vec<GraphIssue>,
}

impl FrameworkGraph {
    /// The graph of `set`, with every goal, target and indicator of `sdg`
    /// and every standard of `standards` as nodes.
    ///
    /// Links that do not resolve are left out and listed in
    /// [`FrameworkGraph::issues`]; building never fails.
    pub fn new(set: &FrameworkSet, sdg: &SdgCatalogue, standards: &StandardCatalogue) -> Self {
        build::build(set, sdg, standards)
    }

    /// The graph of the built-in frameworks and catalogues.
    ///
    /// # Errors
    /// When a built-in does not load (see [`builtin::Builtin::load`]).
    pub fn builtin() -> Result<Self, Error> {
        Ok(FrameworkGraph::new(
            &builtin::frameworks()?,
            builtin::sdg()?,
            &builtin::standards()?,
        ))
    }

    /// What could not be represented: unresolved links, duplicate names.
    pub fn issues(&self) -> &[GraphIssue] {
        &self.issues
    }

    /// How many nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// How many edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The node a reference names.
    ///
    /// # Errors
    /// [`Error::UnknownNode`] when the graph has no such node.
    pub fn node(&self, reference: &Ref) -> Result<Node<'_>, Error> {
        self.index
            .get_ref(&self.graph, reference)
            .map(|index| Node { graph: self, index })
            .ok_or_else(|| Error::UnknownNode(NodeKey::Ref(reference.clone())))
    }

    /// The node with this key.
    ///
    /// # Errors
    /// [`Error::UnknownNode`] when the graph has no such node.
    pub fn node_by_key(&self, key: &NodeKey) -> Result<Node<'_>, Error> {
        self.index
            .get(&self.graph, key)
            .map(|index| Node { graph: self, index })
            .ok_or_else(|| Error::UnknownNode(key.clone()))
    }

    /// Every node, in the order they were added (frameworks in set order,
    /// then the catalogues).
    pub fn nodes(&self) -> impl ExactSizeIterator<Item = Node<'_>> {
        self.graph.node_indices().map(|index| Node { graph: self, index })
    }

    /// Every node of one kind, in order.
    pub fn nodes_of_kind(&self, kind: NodeKind) -> impl Iterator<Item = Node<'_>> {
        self.nodes().filter(move |n| n.kind() == kind)
    }

    /// Every edge, in the order they were added.
    pub fn edges(&self) -> impl ExactSizeIterator<Item = Edge<'_>> {
        self.graph.edge_indices().map(|index| Edge { graph: self, index })
    }

    fn kind_of(&self, index: NodeIndex) -> NodeKind {
        self.kinds[index.index()]
    }

    fn label_of(&self, index: NodeIndex) -> &str {
        let (start, end) = self.graph[index].label;
        self.labels.get(start as usize..end as usize).unwrap_or_default()
    }

    /// The share an edge carries, where its link states one.
    fn share_of(&self, edge: &EdgeData) -> Option<Share> {
        self.shares.get(edge.share as usize).copied()
    }

    fn view(&self, index: NodeIndex) -> Node<'_> {
        Node { graph: self, index }
    }

    fn edge_view(&self, index: EdgeIndex) -> Edge<'_> {
        Edge { graph: self, index }
    }
}

/// A node, borrowed from a [`FrameworkGraph`].
#[derive(Clone, Copy)]
pub struct Node<'g> {
    graph: &'g FrameworkGraph,
    index: NodeIndex,
}

impl<'g> Node<'g> {
    /// The node's name.
    pub fn key(&self) -> &'g NodeKey {
        &self.graph.graph[self.index].key
    }

    /// What it stands for.
    pub fn kind(&self) -> NodeKind {
        self.graph.kind_of(self.index)
    }

    /// A short human label: the element's title or name.
    pub fn label(&self) -> &'g str {
        self.graph.label_of(self.index)
    }

    /// The node this one is part of (an output's outcome, a target's goal),
    /// when it is part of one.
    pub fn part_of(&self) -> Option<Node<'g>> {
        self.graph.whole(self.index).map(|index| self.graph.view(index))
    }

    /// [`Node::part_of`], from `known` when found before (see
    /// [`FrameworkGraph::whole_of`]).
    pub(crate) fn part_of_known(&self, known: &mut Vec<u32>) -> Option<Node<'g>> {
        self.graph
            .whole_of(self.index, known)
            .map(|index| self.graph.view(index))
    }

    /// The edges that leave this node, in the order they were added.
    pub fn outgoing(&self) -> impl Iterator<Item = Edge<'g>> + 'g {
        let graph = self.graph;
        let mut edges: Vec<EdgeIndex> = graph.graph.edges(self.index).map(|e| e.id()).collect();
        edges.sort_unstable();
        edges.into_iter().map(move |index| graph.edge_view(index))
    }

    /// The edges that arrive at this node, in the order they were added.
    pub fn incoming(&self) -> impl Iterator<Item = Edge<'g>> + 'g {
        let graph = self.graph;
        let mut edges: Vec<EdgeIndex> = graph
            .graph
            .edges_directed(self.index, petgraph::Direction::Incoming)
            .map(|e| e.id())
            .collect();
        edges.sort_unstable();
        edges.into_iter().map(move |index| graph.edge_view(index))
    }
}

impl PartialEq for Node<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.graph, other.graph) && self.index == other.index
    }
}

impl Eq for Node<'_> {}

impl std::hash::Hash for Node<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.index.hash(state);
    }
}

impl fmt::Debug for Node<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Node")
            .field("key", self.key())
            .field("kind", &self.kind())
            .finish()
    }
}

impl fmt::Display for Node<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.key())
    }
}

/// An edge, borrowed from a [`FrameworkGraph`].
#[derive(Clone, Copy)]
pub struct Edge<'g> {
    graph: &'g FrameworkGraph,
    index: EdgeIndex,
}

impl<'g> Edge<'g> {
    /// Where the edge starts.
    pub fn from(&self) -> Node<'g> {
        let (from, _) = self.endpoints();
        self.graph.view(from)
    }

    /// Where the edge ends.
    pub fn to(&self) -> Node<'g> {
        let (_, to) = self.endpoints();
        self.graph.view(to)
    }

    /// The kind of link.
    pub fn kind(&self) -> LinkKind {
        self.graph.graph[self.index].kind
    }

    /// The share of the source's effort the link carries, where stated.
    pub fn share(&self) -> Option<Share> {
        self.graph.share_of(&self.graph.graph[self.index])
    }

    fn endpoints(&self) -> (NodeIndex, NodeIndex) {
        // Every EdgeIndex held by a view comes from this graph, which is never
        // changed after it is built.
        self.graph
            .graph
            .edge_endpoints(self.index)
            .unwrap_or((NodeIndex::end(), NodeIndex::end()))
    }
}

impl PartialEq for Edge<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.graph, other.graph) && self.index == other.index
    }
}

impl Eq for Edge<'_> {}

impl fmt::Debug for Edge<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Edge({} {} {})", self.from().key(), self.kind(), self.to().key())
    }
}

impl fmt::Display for Edge<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.from().key(), self.kind(), self.to().key())
    }
}
