//! What an element reaches, and what reaches it, with the path that explains
//! each answer.

use foldhash::{HashMap, HashMapExt as _};
use std::collections::VecDeque;
use std::sync::Arc;

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

/// The tree a search grows: for every node reached, the edge it was
/// reached by and the place of the node before it. Every [`Reach`] of one
/// answer shares it, so an answer takes memory in proportion to the nodes
/// reached, however long their paths.
#[derive(Debug)]
struct Tree {
    /// The nodes reached, nearest first, then in graph order.
    steps: Vec<Step>,
    /// The place of each reached node in `steps`.
    at: HashMap<NodeIndex, u32>,
}

#[derive(Debug, Clone, Copy)]
struct Step {
    node: NodeIndex,
    /// The edge joining the node to the one before it on its path.
    edge: EdgeIndex,
    /// The place in `steps` of the node before it; `None` for the origin.
    before: Option<u32>,
    /// The edges between the origin and the node.
    distance: u32,
    /// The product of the shares of the weighted edges on the path.
    share: Option<f64>,
}

/// One node reached, with the path that explains it.
///
/// A reach knows the edge it was reached by ([`Reach::via`]), its distance
/// and the share carried to it without walking its path; [`Reach::path`]
/// and [`Reach::explain`] walk it, and cost its length.
#[derive(Clone)]
pub struct Reach<'g> {
    graph: &'g FrameworkGraph,
    tree: Arc<Tree>,
    place: u32,
    direction: Direction,
}

impl<'g> Reach<'g> {
    fn step(&self) -> &Step {
        &self.tree.steps[self.place as usize]
    }

    /// The node reached (for [`FrameworkGraph::reverse`], the node that
    /// reaches).
    pub fn node(&self) -> Node<'g> {
        self.graph.view(self.step().node)
    }

    /// The edge that joins the node to the one before it on its path: its
    /// last edge for [`FrameworkGraph::contributions`], its first for
    /// [`FrameworkGraph::reverse`]. The node at its other end is the
    /// origin or another node of the same answer.
    pub fn via(&self) -> Edge<'g> {
        self.graph.edge_view(self.step().edge)
    }

    /// The edges of the path, in order from the contributor to what it
    /// reaches; one of the shortest such paths.
    pub fn path(&self) -> impl ExactSizeIterator<Item = Edge<'g>> + '_ {
        let mut edges = Vec::with_capacity(self.distance());
        let mut at = Some(self.place);
        while let Some(place) = at {
            let step = &self.tree.steps[place as usize];
            edges.push(step.edge);
            at = step.before;
        }
        if self.direction == Direction::Outgoing {
            edges.reverse();
        }
        edges.into_iter().map(|e| self.graph.edge_view(e))
    }

    /// How many edges the path has.
    pub fn distance(&self) -> usize {
        self.step().distance as usize
    }

    /// The share carried along the path: the product of the shares of its
    /// weighted edges, or `None` when no edge of the path is weighted.
    pub fn share(&self) -> Option<f64> {
        self.step().share
    }

    /// The path written out: `flagships:IPEC+ -contributes_to-> pb-2022-23:7.1 -part_of-> pb-2022-23:7`.
    /// As long as the path; [`Reach::via`] is the one step beside the node.
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
    /// The node reached and how: `{"id", "kind", "label", "distance",
    /// "share", "via": {"from", "to", "kind", "share"}}`, `share` (the
    /// share carried along the path) left out where no edge of the path is
    /// weighted. `via` is the edge that joins the node to the one before it
    /// on its path (see [`Reach::via`]); the whole path is not written, so
    /// that an answer's size follows the nodes reached: follow `via` from
    /// node to node to rebuild it.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Form<'g> {
            #[serde(flatten)]
            node: JsonNode<'g>,
            distance: usize,
            #[serde(skip_serializing_if = "Option::is_none")]
            share: Option<f64>,
            via: JsonEdge<'g>,
        }
        Form {
            node: JsonNode::of(self.node()),
            distance: self.distance(),
            share: self.share(),
            via: JsonEdge::of(self.via()),
        }
        .serialize(serializer)
    }
}

impl std::fmt::Debug for Reach<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reach")
            .field("node", self.node().key())
            .field("distance", &self.distance())
            .field("via", &self.via())
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
/// assert_eq!((&first["distance"], &first["via"]["from"]), (&1.into(), &"flagships:OSH-GAP".into()));
/// assert_eq!(first["via"]["to"], first["id"]);
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

    /// The reach of one node, if it is reached; a look-up, not a search.
    pub fn get(&self, reference: &Ref) -> Option<&Reach<'g>> {
        let first = self.reached.first()?;
        let node = first.graph.index.get_ref(&first.graph.graph, reference)?;
        let place = first.tree.at.get(&node)?;
        self.reached.get(*place as usize)
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
        // The nodes in the order found, each with its edge and the node
        // before it; breadth first, so a node's predecessor comes earlier.
        let mut found: HashMap<NodeIndex, u32> = HashMap::new();
        let mut steps: Vec<Step> = Vec::new();
        let mut next_place = 0;
        let mut queue = VecDeque::from([(origin.index, None::<u32>)]);
        while let Some((node, place)) = queue.pop_front() {
            let (distance, share) = place.map_or((0, None), |p| {
                let step = &steps[p as usize];
                (step.distance, step.share)
            });
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
                let edge_share = origin.graph.share_of(edge.weight()).map(|s| s.value());
                let share = match (share, edge_share) {
                    (Some(a), Some(b)) => Some(a * b),
                    (a, b) => a.or(b),
                };
                found.insert(next, next_place);
                steps.push(Step {
                    node: next,
                    edge: edge.id(),
                    before: place,
                    distance: distance + 1,
                    share,
                });
                queue.push_back((next, Some(next_place)));
                next_place += 1;
            }
        }
        // Nearest first, then in graph order; predecessors renumbered.
        let mut order: Vec<u32> = (0..next_place).collect();
        order.sort_by_key(|&p| (steps[p as usize].distance, steps[p as usize].node));
        let mut renumbered = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            renumbered[old as usize] = new as u32;
        }
        let steps: Vec<Step> = order
            .iter()
            .map(|&old| {
                let step = steps[old as usize];
                Step {
                    before: step.before.map(|b| renumbered[b as usize]),
                    ..step
                }
            })
            .collect();
        let at = steps.iter().enumerate().map(|(i, s)| (s.node, i as u32)).collect();
        let tree = Arc::new(Tree { steps, at });
        let reached = (0..tree.steps.len() as u32)
            .map(|place| Reach {
                graph: self,
                tree: Arc::clone(&tree),
                place,
                direction,
            })
            .collect();
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
