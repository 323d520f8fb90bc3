//! Properties of the graph on generated sets: paths are real, reverse
//! queries mirror contributions, cycles match petgraph's own verdict, and
//! coverage agrees with a naive computation.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use ilo_frameworks::graph::{FrameworkGraph, NodeKind};
use ilo_frameworks::synthetic::{SyntheticConfig, generate};
use ilo_frameworks::*;
use proptest::prelude::*;

fn graph_of(set: &FrameworkSet) -> FrameworkGraph {
    FrameworkGraph::new(set, builtin::sdg().unwrap(), &builtin::standards().unwrap())
}

/// The edges the set states, as (from, kind, to) text, computed from the
/// model alone, independently of the graph builder.
fn stated_edges(set: &FrameworkSet) -> BTreeMap<(String, String, String), usize> {
    let mut edges = BTreeMap::new();
    let mut add = |from: String, kind: &str, to: String| *edges.entry((from, kind.to_owned(), to)).or_insert(0) += 1;
    for f in set {
        let at = |code: &dyn std::fmt::Display| format!("{}:{code}", f.id);
        for outcome in &f.outcomes {
            add(at(&outcome.code), "part_of", f.id.to_string());
            outcome
                .sdg
                .iter()
                .for_each(|c| add(at(&outcome.code), "contributes_to", format!("sdg:{c}")));
            outcome
                .standards
                .iter()
                .for_each(|s| add(at(&outcome.code), "cites", format!("ils:{s}")));
            for output in &outcome.outputs {
                add(at(&output.code), "part_of", at(&outcome.code));
                output
                    .sdg
                    .iter()
                    .for_each(|c| add(at(&output.code), "contributes_to", format!("sdg:{c}")));
                output
                    .standards
                    .iter()
                    .for_each(|s| add(at(&output.code), "cites", format!("ils:{s}")));
            }
        }
        for p in &f.programmes {
            add(at(&p.id), "part_of", f.id.to_string());
            p.contributes_to
                .iter()
                .for_each(|l| add(at(&p.id), "contributes_to", l.target().to_string()));
            p.sdg
                .iter()
                .for_each(|c| add(at(&p.id), "contributes_to", format!("sdg:{c}")));
            p.standards
                .iter()
                .for_each(|s| add(at(&p.id), "cites", format!("ils:{s}")));
            p.partners
                .iter()
                .for_each(|n| add(at(&p.id), "supported_by", format!("partner:{n}")));
            p.initiatives
                .iter()
                .for_each(|n| add(at(&p.id), "supported_by", format!("initiative:{n}")));
            p.succeeds
                .iter()
                .for_each(|r| add(at(&p.id), "succeeds", r.to_string()));
        }
        for d in &f.deliverables {
            add(at(&d.code), "part_of", f.id.to_string());
            d.contributes_to
                .iter()
                .for_each(|l| add(at(&d.code), "contributes_to", l.target().to_string()));
        }
        for l in &f.links {
            add(l.from.to_string(), l.kind.as_str(), l.to.to_string());
        }
    }
    edges
}

fn graph_edges(graph: &FrameworkGraph) -> BTreeMap<(String, String, String), usize> {
    let mut edges = BTreeMap::new();
    for e in graph.edges() {
        let from = e.from();
        let to = e.to();
        // The catalogue's own structure (target part_of goal) is not stated by the set.
        if matches!(from.kind(), NodeKind::SdgTarget | NodeKind::SdgIndicator) && e.kind() == LinkKind::PartOf {
            continue;
        }
        *edges
            .entry((from.key().to_string(), e.kind().to_string(), to.key().to_string()))
            .or_insert(0) += 1;
    }
    edges
}

/// A small synthetic set, sometimes with a succession cycle added.
fn small_set() -> impl Strategy<Value = (FrameworkSet, bool)> {
    (any::<u64>(), 60usize..600, any::<bool>()).prop_map(|(seed, nodes, cyclic)| {
        let mut set = generate(&SyntheticConfig::with_nodes(seed, nodes));
        let mut added = false;
        if cyclic {
            let mut frameworks: Vec<Framework> = set.iter().cloned().collect();
            if let Some(f) = frameworks.iter_mut().find(|f| f.programmes.len() >= 2) {
                let (a, b) = (f.programmes[0].id.clone(), f.programmes[1].id.clone());
                let r = |id: &ProgrammeId| Ref::element(f.id.clone(), id.as_str().parse().unwrap());
                let (ra, rb) = (r(&a), r(&b));
                f.programmes[0].succeeds = Some(Box::new(rb));
                f.programmes[1].succeeds = Some(Box::new(ra));
                added = true;
            }
            let mut rebuilt = FrameworkSet::new();
            for f in frameworks {
                rebuilt.insert(f).unwrap();
            }
            set = rebuilt;
        }
        (set, added)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn the_graph_holds_exactly_the_links_the_set_states((set, _) in small_set()) {
        let graph = graph_of(&set);
        prop_assert!(graph.issues().is_empty(), "{:?}", graph.issues());
        prop_assert_eq!(graph_edges(&graph), stated_edges(&set));
    }

    #[test]
    fn every_path_is_made_of_real_edges_and_mirrors_in_reverse((set, _) in small_set(), pick in any::<prop::sample::Index>()) {
        let graph = graph_of(&set);
        let stated = stated_edges(&set);
        let sources: Vec<_> = graph.nodes().filter(|n| matches!(n.kind(), NodeKind::Programme | NodeKind::Deliverable | NodeKind::Output)).collect();
        prop_assume!(!sources.is_empty());
        let origin = sources[pick.index(sources.len())];
        let reference = origin.key().reference().unwrap().clone();
        let reach = graph.contributions(&reference).unwrap();
        for r in reach.iter() {
            let path: Vec<_> = r.path().collect();
            prop_assert!(!path.is_empty());
            prop_assert_eq!(path[0].from(), origin);
            prop_assert_eq!(path[path.len() - 1].to(), r.node());
            for pair in path.windows(2) {
                prop_assert_eq!(pair[0].to(), pair[1].from());
            }
            for e in &path {
                let key = (e.from().key().to_string(), e.kind().to_string(), e.to().key().to_string());
                let catalogue = e.kind() == LinkKind::PartOf && matches!(e.from().kind(), NodeKind::SdgTarget | NodeKind::SdgIndicator);
                prop_assert!(catalogue || stated.contains_key(&key), "{:?} is not a stated link", key);
            }
            // Everything reached lists the origin among what reaches it.
            let back = graph.reverse(r.node().key().reference().unwrap()).unwrap();
            prop_assert!(back.iter().any(|b| b.node() == origin), "{} is not in the reverse of {}", origin, r.node());
        }
    }

    #[test]
    fn cycles_are_reported_exactly_when_petgraph_finds_one((set, added) in small_set()) {
        let graph = graph_of(&set);
        let mut copy = petgraph::graph::DiGraph::<(), ()>::new();
        let nodes: Vec<_> = (0..graph.node_count()).map(|_| copy.add_node(())).collect();
        let position: std::collections::HashMap<String, usize> = graph.nodes().enumerate().map(|(i, n)| (n.key().to_string(), i)).collect();
        for e in graph.edges() {
            copy.add_edge(nodes[position[&e.from().key().to_string()]], nodes[position[&e.to().key().to_string()]], ());
        }
        let cyclic = petgraph::algo::is_cyclic_directed(&copy);
        prop_assert_eq!(!graph.cycles().is_empty(), cyclic);
        prop_assert_eq!(graph.topological_order().is_err(), cyclic);
        prop_assert_eq!(cyclic, added);
    }

    #[test]
    fn coverage_agrees_with_a_naive_computation((set, _) in small_set(), rows in prop::sample::select(vec![NodeKind::Outcome, NodeKind::Programme, NodeKind::Framework]), columns in prop::sample::select(vec![NodeKind::SdgGoal, NodeKind::Output, NodeKind::SdgTarget])) {
        let graph = graph_of(&set);
        let matrix = graph.coverage(rows, columns);
        let reach_kinds = [LinkKind::ContributesTo, LinkKind::PartOf, LinkKind::Measures];
        for (r, row) in matrix.rows().iter().enumerate() {
            let row_node = graph.node_by_key(row).unwrap();
            // Members: the row and everything part of it; closed: members and what the row is part of.
            let mut members = vec![row_node];
            let mut i = 0;
            while i < members.len() {
                let at = members[i];
                for e in at.incoming() {
                    if e.kind() == LinkKind::PartOf && !members.contains(&e.from()) {
                        members.push(e.from());
                    }
                }
                i += 1;
            }
            let mut closed: HashSet<String> = members.iter().map(|m| m.key().to_string()).collect();
            let mut up = vec![row_node];
            while let Some(at) = up.pop() {
                for e in at.outgoing() {
                    if e.kind() == LinkKind::PartOf && closed.insert(e.to().key().to_string()) {
                        up.push(e.to());
                    }
                }
            }
            for (c, column) in matrix.columns().iter().enumerate() {
                let mut expected = 0;
                for member in &members {
                    // Depth-first search from the member to this column, per pair.
                    let mut seen = BTreeSet::new();
                    let mut stack = vec![*member];
                    let mut found = false;
                    while let Some(at) = stack.pop() {
                        for e in at.outgoing() {
                            let next = e.to();
                            let key = next.key().to_string();
                            if !reach_kinds.contains(&e.kind()) || closed.contains(&key) || !seen.insert(key.clone()) {
                                continue;
                            }
                            if next.key() == column {
                                found = true;
                            }
                            stack.push(next);
                        }
                    }
                    expected += u32::from(found);
                }
                prop_assert_eq!(matrix.at(r, c), Some(expected), "row {} column {}", row, column);
            }
        }
    }
}
