//! What an element reaches, and what reaches it, with the path that explains
//! each answer.

use std::collections::HashMap;
use std::collections::VecDeque;

use petgraph::Direction;
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;

use serde::Serialize;

use super::export::{JsonEdge, JsonNode};
use super::{Edge, FrameworkGraph, Node, NodeKind};
use crate::{Error, LinkKind, Ref};

/// The kinds of link along which an element reaches another: it contributes
/// to it, is part of it, measures it, or cites it (a labour standard, which
/// leads nowhere further).
pub(super) fn is_reach(kind: LinkKind) -> bool {
    matches!(
        kind,
        LinkKind::ContributesTo | LinkKind::PartOf | LinkKind::Measures | LinkKind::Cites
    )
}

/// One node reached, with the path that explains it.
#[derive(Clone)]
pub struct Reach<'g> {
    graph: &'g FrameworkGraph,
    node: NodeIndex,
    path: Vec<EdgeIndex>,
}

impl<'g> Reach<'g> {
    /// The node reached (for [`FrameworkGraph::reverse`], the node that
    /// reaches).
    pub fn node(&self) -> Node<'g> {
        self.graph.view(self.node)
    }

    /// The edges of the path, in order from the contributor to what it
    /// reaches; one of the shortest such paths.
    pub fn path(&self) -> impl ExactSizeIterator<Item = Edge<'g>> + '_ {
        self.path.iter().map(|&e| self.graph.edge_view(e))
    }

    /// How many edges the path has.
    pub fn distance(&self) -> usize {
        self.path.len()
    }

    /// The share carried along the path: the product of the shares of its
    /// weighted edges, or `None` when no edge of the path is weighted.
    pub fn share(&self) -> Option<f64> {
        self.path()
            .filter_map(|e| e.share())
            .map(|s| s.value())
            .reduce(|a, b| a * b)
    }

    /// The path written out: `flagships:IPEC+ -contributes_to-> pb-2022-23:7.1 -part_of-> pb-2022-23:7`.
    pub fn explain(&self) -> String {
        let mut text = String::new();
        for (i, edge) in self.path().enumerate() {
            if i == 0 {
                text.push_str(&edge.from().key().to_string());
            }
            text.push_str(&format!(" -{}-> {}", edge.kind(), edge.to().key()));
        }
        text
    }
}

impl Serialize for Reach<'_> {
    /// The node reached and how: `{"id", "kind", "label", "share", "path":
    /// [{"from", "to", "kind", "share"}]}`, `share` (the share carried
    /// along the path) left out where no edge of the path is weighted.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Form<'g> {
            #[serde(flatten)]
            node: JsonNode<'g>,
            #[serde(skip_serializing_if = "Option::is_none")]
            share: Option<f64>,
            path: Vec<JsonEdge<'g>>,
        }
        Form {
            node: JsonNode::of(self.node()),
            share: self.share(),
            path: self.path().map(JsonEdge::of).collect(),
        }
        .serialize(serializer)
    }
}

impl std::fmt::Debug for Reach<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reach")
            .field("node", self.node().key())
            .field("path", &self.explain())
            .finish()
    }
}

/// Everything an element reaches (or, from [`FrameworkGraph::reverse`],
/// everything that reaches it), nearest first, then in graph order.
///
/// It borrows the graph; its serde form is data, `{"origin": {"id",
/// "kind", "label"}, "reached": [Reach, …]}` (see [`Reach`]), and is only
/// written:
///
/// ```
/// use ilo_frameworks::graph::FrameworkGraph;
///
/// let graph = FrameworkGraph::builtin()?;
/// let reach = graph.contributions(&"flagships:OSH-GAP".parse()?)?;
/// let json = serde_json::to_value(&reach)?;
/// assert_eq!(json["origin"]["id"], "flagships:OSH-GAP");
/// let first = &json["reached"][0];
/// assert_eq!(first["path"][0]["from"], "flagships:OSH-GAP");
/// assert_eq!(first["path"][0]["to"], first["id"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Contributions<'g> {
    origin: Node<'g>,
    reached: Vec<Reach<'g>>,
}

impl<'g> Contributions<'g> {
    /// The element asked about.
    pub fn origin(&self) -> Node<'g> {
        self.origin
    }

    /// Every node reached, nearest first.
    pub fn iter(&self) -> std::slice::Iter<'_, Reach<'g>> {
        self.reached.iter()
    }

    /// The nodes reached of one kind, nearest first.
    pub fn of_kind(&self, kind: NodeKind) -> impl Iterator<Item = &Reach<'g>> {
        self.reached.iter().filter(move |r| r.node().kind() == kind)
    }

    /// How many nodes are reached.
    pub fn len(&self) -> usize {
        self.reached.len()
    }

    /// Whether nothing is reached.
    pub fn is_empty(&self) -> bool {
        self.reached.is_empty()
    }

    /// The reach of one node, if it is reached.
    pub fn get(&self, reference: &Ref) -> Option<&Reach<'g>> {
        self.reached
            .iter()
            .find(|r| r.node().key().reference() == Some(reference))
    }
}

impl Serialize for Contributions<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Form<'a, 'g> {
            origin: JsonNode<'g>,
            reached: &'a [Reach<'g>],
        }
        Form {
            origin: JsonNode::of(self.origin),
            reached: &self.reached,
        }
        .serialize(serializer)
    }
}

impl<'a, 'g> IntoIterator for &'a Contributions<'g> {
    type Item = &'a Reach<'g>;
    type IntoIter = std::slice::Iter<'a, Reach<'g>>;
    fn into_iter(self) -> Self::IntoIter {
        self.reached.iter()
    }
}

impl FrameworkGraph {
    /// Everything `element` reaches by contributing to it, being part of it or
    /// measuring it, directly or through other nodes: outputs, outcomes,
    /// frameworks, SDG indicators, targets and goals. Each answer carries one
    /// of the shortest paths that explain it, and the share carried along it.
    ///
    /// The cost grows with what is reached, not with the graph.
    ///
    /// ```
    /// use ilo_frameworks::graph::{FrameworkGraph, NodeKind};
    ///
    /// let graph = FrameworkGraph::builtin()?;
    /// let reach = graph.contributions(&"flagships:OSH-GAP".parse()?)?;
    /// let outcome = reach.get(&"pb-2022-23:7".parse()?).expect("reaches outcome 7");
    /// assert_eq!(outcome.explain(), "flagships:OSH-GAP -contributes_to-> pb-2022-23:7.2 -part_of-> pb-2022-23:7");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownNode`] when `element` is not in the graph.
    pub fn contributions(&self, element: &Ref) -> Result<Contributions<'_>, Error> {
        let origin = self.node(element)?;
        Ok(self.search(origin, Direction::Outgoing))
    }

    /// Everything that reaches `element`: the programmes, deliverables,
    /// outputs and outcomes that contribute to it directly or through
    /// others, each with the path from it to `element`.
    ///
    /// ```
    /// use ilo_frameworks::graph::{FrameworkGraph, NodeKind};
    ///
    /// let graph = FrameworkGraph::builtin()?;
    /// let towards = graph.reverse(&"pb-2022-23:7.1".parse()?)?;
    /// let programmes: Vec<String> = towards.of_kind(NodeKind::Programme).map(|r| r.node().key().to_string()).collect();
    /// assert_eq!(programmes, ["flagships:BetterWork", "flagships:IPEC+"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::UnknownNode`] when `element` is not in the graph.
    pub fn reverse(&self, element: &Ref) -> Result<Contributions<'_>, Error> {
        let origin = self.node(element)?;
        Ok(self.search(origin, Direction::Incoming))
    }

    /// The nodes whose names are nearest to `reference`, for "did you mean"
    /// messages: nodes of the same framework (or catalogue) whose code is at
    /// most two edits away, nearest first, then in graph order.
    ///
    /// ```
    /// use ilo_frameworks::graph::FrameworkGraph;
    ///
    /// let graph = FrameworkGraph::builtin()?;
    /// let near: Vec<String> = graph.suggest(&"pb-2022-23:7.9".parse()?).iter().map(|k| k.to_string()).collect();
    /// assert_eq!(&near[..5], ["pb-2022-23:7.1", "pb-2022-23:7.2", "pb-2022-23:7.3", "pb-2022-23:7.4", "pb-2022-23:7.5"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn suggest(&self, reference: &Ref) -> Vec<super::NodeKey> {
        let namespace = reference.namespace();
        let code = reference.code();
        let mut near: Vec<(usize, NodeIndex)> = self
            .graph
            .node_indices()
            .filter_map(|n| {
                let candidate = self.graph[n].key.reference()?;
                if candidate.namespace() != namespace || candidate == reference {
                    return None;
                }
                let distance = edit_distance(&code, &candidate.code());
                (distance <= 2).then_some((distance, n))
            })
            .collect();
        near.sort_unstable();
        near.into_iter().map(|(_, n)| self.graph[n].key.clone()).collect()
    }

    /// A breadth-first search from `origin` along reach edges in `direction`,
    /// keeping for every node the edge it was first found by.
    fn search<'g>(&'g self, origin: Node<'g>, direction: Direction) -> Contributions<'g> {
        let mut found: HashMap<NodeIndex, EdgeIndex> = HashMap::new();
        let mut order = Vec::new();
        let mut queue = VecDeque::from([origin.index]);
        while let Some(node) = queue.pop_front() {
            for edge in self.graph.edges_directed(node, direction) {
                if !is_reach(edge.weight().kind) {
                    continue;
                }
                let next = match direction {
                    Direction::Outgoing => edge.target(),
                    Direction::Incoming => edge.source(),
                };
                if next == origin.index || found.contains_key(&next) {
                    continue;
                }
                found.insert(next, edge.id());
                order.push(next);
                queue.push_back(next);
            }
        }
        let mut reached: Vec<Reach<'g>> = order
            .into_iter()
            .map(|node| {
                let mut path = Vec::new();
                let mut at = node;
                while let Some(&edge) = found.get(&at) {
                    path.push(edge);
                    let (source, target) = self.graph.edge_endpoints(edge).unwrap_or((origin.index, origin.index));
                    at = match direction {
                        Direction::Outgoing => source,
                        Direction::Incoming => target,
                    };
                }
                if direction == Direction::Outgoing {
                    path.reverse();
                }
                Reach {
                    graph: self,
                    node,
                    path,
                }
            })
            .collect();
        reached.sort_by_key(|r| (r.path.len(), r.node));
        Contributions { origin, reached }
    }
}

/// The number of single-character insertions, deletions and substitutions
/// that turn `a` into `b` (Levenshtein distance), for "did you mean"
/// suggestions: [`FrameworkGraph::suggest`] and the validation layer's help
/// for dangling references.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}
