//! Building a [`FrameworkGraph`] from a set of frameworks and the catalogues.

use std::hash::BuildHasher as _;

use foldhash::HashMap;

use petgraph::graph::{DiGraph, NodeIndex};

use super::{EdgeData, FrameworkGraph, GraphIssue, NodeData, NodeKey, NodeKind};
use crate::sdg::SdgCatalogue;
use crate::{
    ElementCode, Framework, FrameworkId, FrameworkSet, Indicator, LinkKind, Programme, Ref, SdgCode, Share,
    StandardCatalogue, StandardRef,
};

/// The graph's nodes and edges.
pub(super) type Nodes = DiGraph<NodeData, EdgeData, u32>;

/// Where each named node is, looked up by reference without building a key.
#[derive(Debug, Clone, Default)]
pub(super) struct Index {
    frameworks: HashMap<FrameworkId, NodeIndex>,
    elements: HashMap<FrameworkId, Elements>,
    sdg: HashMap<SdgCode, NodeIndex>,
    standards: HashMap<StandardRef, NodeIndex>,
    partners: HashMap<Box<str>, NodeIndex>,
    initiatives: HashMap<Box<str>, NodeIndex>,
    others: HashMap<NodeKey, NodeIndex>,
}

/// One framework's element nodes, found by code: a table of node indices
/// hashed by their codes and compared with the codes in the nodes' own
/// keys, so that an element costs the index 4 bytes, not a second copy of
/// its code.
#[derive(Debug, Clone, Default)]
pub(super) struct Elements {
    nodes: hashbrown::HashTable<NodeIndex>,
    hasher: foldhash::fast::RandomState,
}

impl Elements {
    /// The node of the element whose code is written `code`.
    pub(super) fn get(&self, graph: &Nodes, code: &str) -> Option<NodeIndex> {
        let hash = self.hasher.hash_one(code);
        self.nodes.find(hash, |&n| code_of(graph, n) == code).copied()
    }

    /// Records `index` as the node of `code` (not yet in `graph`); false
    /// when the code is taken.
    fn insert(&mut self, graph: &Nodes, code: &str, index: NodeIndex) -> bool {
        let hasher = &self.hasher;
        let hash = hasher.hash_one(code);
        let rehash = |&n: &NodeIndex| hasher.hash_one(code_of(graph, n));
        match self.nodes.entry(hash, |&n| code_of(graph, n) == code, rehash) {
            hashbrown::hash_table::Entry::Occupied(_) => false,
            hashbrown::hash_table::Entry::Vacant(v) => {
                v.insert(index);
                true
            }
        }
    }
}

/// The code of element node `n` (nothing for other nodes, which an
/// element table does not hold).
fn code_of(graph: &Nodes, n: NodeIndex) -> &str {
    match graph.node_weight(n).map(|data| &data.key) {
        Some(NodeKey::Ref(Ref::Element { code, .. })) => code.as_str(),
        _ => "",
    }
}

impl Index {
    /// The index of an existing graph's nodes (whose keys are distinct).
    pub(super) fn of(graph: &Nodes) -> Index {
        let mut index = Index::default();
        for n in graph.node_indices() {
            index.insert(graph, &graph[n].key, n);
        }
        index
    }

    pub(super) fn get_ref(&self, graph: &Nodes, reference: &Ref) -> Option<NodeIndex> {
        match reference {
            Ref::Framework(id) => self.frameworks.get(id).copied(),
            Ref::Element { framework, code } => self.elements.get(framework)?.get(graph, code.as_str()),
            Ref::Sdg(code) => self.sdg.get(code).copied(),
            Ref::Standard(s) => self.standards.get(s).copied(),
        }
    }

    /// The nodes of framework `id`'s elements, by code.
    pub(super) fn elements_of(&self, id: &FrameworkId) -> Option<&Elements> {
        self.elements.get(id)
    }

    pub(super) fn get(&self, graph: &Nodes, key: &NodeKey) -> Option<NodeIndex> {
        match key {
            NodeKey::Ref(r) => self.get_ref(graph, r),
            NodeKey::Partner(name) => self.partners.get(name).copied(),
            NodeKey::Initiative(name) => self.initiatives.get(name).copied(),
            other => self.others.get(other).copied(),
        }
    }

    /// Makes room for `n` more elements of framework `id`, so that its table
    /// is not rehashed as it grows.
    fn reserve_elements(&mut self, graph: &Nodes, id: &FrameworkId, n: usize) {
        let elements = self.elements.entry(id.clone()).or_default();
        let hasher = &elements.hasher;
        elements.nodes.reserve(n, |&node| hasher.hash_one(code_of(graph, node)));
    }

    /// Records `key` at `index` (a node not yet in `graph`); false when the
    /// key is taken.
    fn insert(&mut self, graph: &Nodes, key: &NodeKey, index: NodeIndex) -> bool {
        match key {
            NodeKey::Ref(Ref::Framework(id)) => insert_new(&mut self.frameworks, id, index),
            NodeKey::Ref(Ref::Element { framework, code }) => {
                let elements = match self.elements.get_mut(framework) {
                    Some(elements) => elements,
                    None => self.elements.entry(framework.clone()).or_default(),
                };
                elements.insert(graph, code.as_str(), index)
            }
            NodeKey::Ref(Ref::Sdg(code)) => insert_new(&mut self.sdg, code, index),
            NodeKey::Ref(Ref::Standard(s)) => insert_new(&mut self.standards, s, index),
            NodeKey::Partner(name) => insert_new(&mut self.partners, name, index),
            NodeKey::Initiative(name) => insert_new(&mut self.initiatives, name, index),
            other => insert_new(&mut self.others, other, index),
        }
    }
}

/// Records `key` at `index` unless the key is taken (keys are cheap to
/// clone: codes, or text shared by reference count).
fn insert_new<K: std::hash::Hash + Eq + Clone>(map: &mut HashMap<K, NodeIndex>, key: &K, index: NodeIndex) -> bool {
    match map.entry(key.clone()) {
        std::collections::hash_map::Entry::Occupied(_) => false,
        std::collections::hash_map::Entry::Vacant(v) => {
            v.insert(index);
            true
        }
    }
}

struct Builder {
    graph: Nodes,
    /// The edges the elements whose nodes are added will have, counted as
    /// each node is added, so that the edges are allocated once without a
    /// walk of the set of its own.
    edges: usize,
    kinds: Vec<NodeKind>,
    labels: String,
    shares: Vec<Share>,
    index: Index,
    issues: Vec<GraphIssue>,
}

impl Builder {
    /// Adds a node; `None` (and an issue) when its key is taken.
    fn node(&mut self, key: NodeKey, kind: NodeKind, label: &str) -> Option<NodeIndex> {
        let index = NodeIndex::new(self.graph.node_count());
        if !self.index.insert(&self.graph, &key, index) {
            self.issues.push(GraphIssue::DuplicateNode(key));
            return None;
        }
        let start = u32::try_from(self.labels.len()).unwrap_or(u32::MAX);
        self.labels.push_str(label);
        let end = u32::try_from(self.labels.len()).unwrap_or(u32::MAX);
        self.kinds.push(kind);
        Some(self.graph.add_node(NodeData {
            key,
            label: (start, end),
        }))
    }

    fn edge(&mut self, from: NodeIndex, to: NodeIndex, kind: LinkKind, share: Option<Share>) {
        let share = match share {
            // There are fewer shares than edges, and petgraph counts edges
            // in u32.
            Some(share) => match u32::try_from(self.shares.len()) {
                Ok(slot) if slot != EdgeData::NO_SHARE => {
                    self.shares.push(share);
                    slot
                }
                _ => EdgeData::NO_SHARE,
            },
            None => EdgeData::NO_SHARE,
        };
        self.graph.add_edge(from, to, EdgeData { kind, share });
    }

    /// Adds an edge to whatever `to` names, or records that it names nothing.
    /// A valid labour standard outside the catalogue is a node all the same,
    /// added on first use and labelled with its reference.
    fn link(&mut self, from: NodeIndex, to: &Ref, kind: LinkKind, share: Option<Share>) {
        let target = match (self.index.get_ref(&self.graph, to), to) {
            (Some(target), _) => Some(target),
            (None, Ref::Standard(standard)) => {
                self.node(NodeKey::Ref(to.clone()), NodeKind::Standard, &standard.to_string())
            }
            (None, _) => None,
        };
        match target {
            Some(target) => self.edge(from, target, kind, share),
            None => self.issues.push(GraphIssue::UnresolvedLink {
                from: self.graph[from].key.clone(),
                kind,
                to: to.clone(),
            }),
        }
    }

    /// The node of a partner or initiative, added on first use.
    fn named(&mut self, kind: NodeKind, name: &str) -> Option<NodeIndex> {
        let known = match kind {
            NodeKind::Partner => self.index.partners.get(name),
            _ => self.index.initiatives.get(name),
        };
        if let Some(&index) = known {
            return Some(index);
        }
        let key = match kind {
            NodeKind::Partner => NodeKey::Partner(name.into()),
            _ => NodeKey::Initiative(name.into()),
        };
        self.node(key, kind, name)
    }

    fn cite_and_serve(&mut self, from: NodeIndex, sdg: &[SdgCode], standards: &[StandardRef]) {
        for code in sdg {
            self.link(from, &Ref::Sdg(*code), LinkKind::ContributesTo, None);
        }
        for standard in standards {
            self.link(from, &Ref::Standard(*standard), LinkKind::Cites, None);
        }
    }
}

/// The key of an outcome, output or deliverable.
fn element_key(framework: &FrameworkId, code: impl Into<ElementCode>) -> NodeKey {
    NodeKey::Ref(Ref::element(framework.clone(), code.into()))
}

/// The nodes one framework's elements received, in visiting order, so that
/// edges go to the element that made them even when a name is duplicated.
struct Slots(std::vec::IntoIter<Option<NodeIndex>>);

impl Slots {
    fn next(&mut self) -> Option<NodeIndex> {
        self.0.next().flatten()
    }
}

/// Adds an element's node, then a node for each of its indicators.
fn element_with_indicators(
    b: &mut Builder,
    slots: &mut Vec<Option<NodeIndex>>,
    key: NodeKey,
    kind: NodeKind,
    title: &str,
    indicators: &[Indicator],
) {
    let of = match (&key, indicators.is_empty()) {
        (NodeKey::Ref(of), false) => Some(of.clone()),
        _ => None,
    };
    slots.push(b.node(key, kind, title));
    b.edges += indicators.iter().map(|i| 1 + i.sdg.len()).sum::<usize>();
    let Some(of) = of else { return };
    for (i, indicator) in indicators.iter().enumerate() {
        let key = NodeKey::Indicator {
            of: of.clone(),
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
        };
        slots.push(b.node(key, NodeKind::Indicator, &indicator.label));
    }
}

/// Links each indicator's node (the next slots) to the element it measures
/// and to the SDG codes it reports on.
fn measure(b: &mut Builder, slots: &mut Slots, owner: Option<NodeIndex>, indicators: &[Indicator]) {
    for indicator in indicators {
        if let (Some(i), Some(o)) = (slots.next(), owner) {
            b.edge(i, o, LinkKind::Measures, None);
            b.cite_and_serve(i, &indicator.sdg, &[]);
        }
    }
}

fn add_nodes(b: &mut Builder, f: &Framework, slots: &mut Vec<Option<NodeIndex>>) {
    b.index.reserve_elements(&b.graph, &f.id, f.element_count());
    slots.push(b.node(
        NodeKey::Ref(Ref::Framework(f.id.clone())),
        NodeKind::Framework,
        &f.title,
    ));
    b.edges += f.links.len();
    for outcome in &f.outcomes {
        let key = element_key(&f.id, outcome.code);
        b.edges += 1 + outcome.sdg.len() + outcome.standards.len();
        element_with_indicators(b, slots, key, NodeKind::Outcome, &outcome.title, &outcome.indicators);
        for output in &outcome.outputs {
            let key = element_key(&f.id, output.code);
            b.edges += 1 + output.sdg.len() + output.standards.len();
            element_with_indicators(b, slots, key, NodeKind::Output, &output.title, &output.indicators);
        }
    }
    for programme in &f.programmes {
        b.edges += programme_edges(programme);
        let key = NodeKey::Ref(Ref::element(f.id.clone(), ElementCode::from(&programme.id)));
        element_with_indicators(
            b,
            slots,
            key,
            NodeKind::Programme,
            &programme.name,
            &programme.indicators,
        );
    }
    for deliverable in &f.deliverables {
        b.edges += 1 + deliverable.contributes_to.len() + deliverable.sdg.len() + deliverable.standards.len();
        let key = element_key(&f.id, deliverable.code);
        slots.push(b.node(key, NodeKind::Deliverable, &deliverable.title));
    }
}

/// The edges from a programme's node: to its framework, and one per
/// contribution, SDG code, standard, partner, initiative and succession.
pub(crate) fn programme_edges(p: &Programme) -> usize {
    1 + p.contributes_to.len()
        + p.sdg.len()
        + p.standards.len()
        + p.partners.len()
        + p.initiatives.len()
        + usize::from(p.succeeds.is_some())
}

fn add_edges(b: &mut Builder, f: &Framework, slots: &mut Slots) {
    let Some(framework) = slots.next() else {
        // A duplicate framework: its elements received no nodes either.
        return;
    };
    for outcome in &f.outcomes {
        let outcome_node = slots.next();
        if let Some(o) = outcome_node {
            b.edge(o, framework, LinkKind::PartOf, None);
            b.cite_and_serve(o, &outcome.sdg, &outcome.standards);
        }
        measure(b, slots, outcome_node, &outcome.indicators);
        for output in &outcome.outputs {
            let output_node = slots.next();
            if let Some(o) = output_node {
                if let Some(parent) = outcome_node {
                    b.edge(o, parent, LinkKind::PartOf, None);
                }
                b.cite_and_serve(o, &output.sdg, &output.standards);
            }
            measure(b, slots, output_node, &output.indicators);
        }
    }
    for programme in &f.programmes {
        let programme_node = slots.next();
        measure(b, slots, programme_node, &programme.indicators);
        let Some(p) = programme_node else { continue };
        b.edge(p, framework, LinkKind::PartOf, None);
        for link in &programme.contributes_to {
            b.link(p, link.target(), LinkKind::ContributesTo, link.share());
        }
        b.cite_and_serve(p, &programme.sdg, &programme.standards);
        for partner in &programme.partners {
            if let Some(n) = b.named(NodeKind::Partner, partner) {
                b.edge(p, n, LinkKind::SupportedBy, None);
            }
        }
        for initiative in &programme.initiatives {
            if let Some(n) = b.named(NodeKind::Initiative, initiative) {
                b.edge(p, n, LinkKind::SupportedBy, None);
            }
        }
        if let Some(earlier) = &programme.succeeds {
            b.link(p, earlier, LinkKind::Succeeds, None);
        }
    }
    for deliverable in &f.deliverables {
        let Some(d) = slots.next() else { continue };
        b.edge(d, framework, LinkKind::PartOf, None);
        for link in &deliverable.contributes_to {
            b.link(d, link.target(), LinkKind::ContributesTo, link.share());
        }
        b.cite_and_serve(d, &deliverable.sdg, &deliverable.standards);
    }
}

fn add_stated_links(b: &mut Builder, f: &Framework) {
    for link in &f.links {
        match b.index.get_ref(&b.graph, &link.from) {
            Some(from) => b.link(from, &link.to, link.kind, link.share),
            None => b.issues.push(GraphIssue::UnresolvedLink {
                from: NodeKey::Ref(Ref::Framework(f.id.clone())),
                kind: link.kind,
                to: link.from.clone(),
            }),
        }
    }
}

fn add_catalogues(b: &mut Builder, sdg: &SdgCatalogue, standards: &StandardCatalogue) {
    for goal in sdg.goals() {
        b.node(NodeKey::Ref(Ref::Sdg(goal.code.into())), NodeKind::SdgGoal, &goal.short);
    }
    for target in sdg.targets() {
        if let Some(t) = b.node(
            NodeKey::Ref(Ref::Sdg(target.code.into())),
            NodeKind::SdgTarget,
            &target.title,
        ) {
            b.link(t, &Ref::Sdg(target.code.goal().into()), LinkKind::PartOf, None);
        }
    }
    for indicator in sdg.indicators() {
        let key = NodeKey::Ref(Ref::Sdg(indicator.code.into()));
        if let Some(i) = b.node(key, NodeKind::SdgIndicator, &indicator.title) {
            b.link(i, &Ref::Sdg(indicator.code.target().into()), LinkKind::PartOf, None);
        }
    }
    for standard in &standards.standards {
        let label = standard.title.clone().unwrap_or_else(|| standard.reference.to_string());
        b.node(
            NodeKey::Ref(Ref::Standard(standard.reference)),
            NodeKind::Standard,
            &label,
        );
    }
}

pub(super) fn build(set: &FrameworkSet, sdg: &SdgCatalogue, standards: &StandardCatalogue) -> FrameworkGraph {
    // The nodes of every framework, element and catalogue entry, counted
    // from the lists' lengths; indicators, partners and initiatives are
    // added to what this allocates.
    let catalogues = sdg.goals().len() + sdg.targets().len() + sdg.indicators().len() + standards.len();
    let nodes = catalogues + set.iter().map(|f| 1 + f.element_count()).sum::<usize>();
    let mut b = Builder {
        graph: DiGraph::with_capacity(nodes, 0),
        edges: sdg.targets().len() + sdg.indicators().len(),
        kinds: Vec::with_capacity(nodes),
        labels: String::new(),
        shares: Vec::new(),
        index: Index::default(),
        issues: Vec::new(),
    };
    let mut slots = Vec::with_capacity(nodes);
    for framework in set {
        add_nodes(&mut b, framework, &mut slots);
    }
    b.graph.reserve_edges(b.edges);
    add_catalogues(&mut b, sdg, standards);
    let mut slots = Slots(slots.into_iter());
    for framework in set {
        add_edges(&mut b, framework, &mut slots);
    }
    for framework in set {
        add_stated_links(&mut b, framework);
    }
    FrameworkGraph {
        graph: b.graph,
        kinds: b.kinds,
        labels: b.labels,
        shares: b.shares,
        index: b.index,
        issues: b.issues,
    }
}
