//! The framework graph on the built-in data, with answers checked against
//! the sources, and on small hand-made frameworks.

use ilo_frameworks::graph::{FrameworkGraph, GraphIssue, NodeKey, NodeKind};
use ilo_frameworks::*;

fn graph() -> FrameworkGraph {
    FrameworkGraph::builtin().expect("the built-in graph builds")
}

fn keys<'a>(nodes: impl Iterator<Item = ilo_frameworks::graph::Node<'a>>) -> Vec<String> {
    nodes.map(|n| n.key().to_string()).collect()
}

fn reached(graph: &FrameworkGraph, from: &str, kind: NodeKind) -> Vec<String> {
    let reach = graph.contributions(&from.parse().unwrap()).unwrap();
    reach.of_kind(kind).map(|r| r.node().key().to_string()).collect()
}

#[test]
fn the_builtin_graph_has_every_element_and_catalogue_entry() {
    let g = graph();
    assert_eq!(g.issues(), &[] as &[GraphIssue], "every built-in link resolves");
    let count = |kind| g.nodes_of_kind(kind).count();
    assert_eq!(count(NodeKind::Framework), 5);
    assert_eq!(count(NodeKind::Outcome), 11);
    assert_eq!(count(NodeKind::Output), 44);
    assert_eq!(count(NodeKind::Programme), 10);
    assert_eq!(count(NodeKind::Deliverable), 42);
    assert_eq!(count(NodeKind::SdgGoal), 17);
    assert_eq!(count(NodeKind::SdgTarget), 169);
    assert_eq!(count(NodeKind::SdgIndicator), 248);
    assert_eq!(count(NodeKind::Standard), builtin::standards().unwrap().len());
}

#[test]
fn what_each_flagship_reaches() {
    // GB.340/PFA/2 names IPEC+ and Better Work under output 7.1 (lines 1832, 1844),
    // OSH-GAP under 7.2 (line 1882), JPR under 3.4 (line 900) and SPF under outcome 8 (line 2147).
    let g = graph();
    assert_eq!(reached(&g, "flagships:IPEC+", NodeKind::Output), ["pb-2022-23:7.1"]);
    assert_eq!(reached(&g, "flagships:IPEC+", NodeKind::Outcome), ["pb-2022-23:7"]);
    // The brochure gives IPEC+ target 8.7; outcome 7 names goals 8 and 10.
    assert_eq!(reached(&g, "flagships:IPEC+", NodeKind::SdgTarget), ["sdg:8.7"]);
    assert_eq!(reached(&g, "flagships:IPEC+", NodeKind::SdgGoal), ["sdg:8", "sdg:10"]);
    assert_eq!(reached(&g, "flagships:OSH-GAP", NodeKind::SdgTarget), ["sdg:8.8"]);
    assert_eq!(reached(&g, "flagships:JPR", NodeKind::Outcome), ["pb-2022-23:3"]);
    assert_eq!(reached(&g, "flagships:JPR", NodeKind::SdgGoal), [] as [&str; 0]);
    assert_eq!(
        reached(&g, "flagships:SPF", NodeKind::SdgGoal),
        ["sdg:1", "sdg:3", "sdg:5", "sdg:8", "sdg:10"]
    );
    let reach = g.contributions(&"flagships:OSH-GAP".parse().unwrap()).unwrap();
    let target = reach.get(&"sdg:8.8".parse().unwrap()).unwrap();
    assert_eq!(
        target.explain(),
        "flagships:OSH-GAP -contributes_to-> pb-2022-23:7.2 -contributes_to-> sdg:8.8.1 -part_of-> sdg:8.8"
    );
    assert_eq!(target.distance(), 3);
    assert_eq!(target.share(), None);
}

#[test]
fn what_reaches_an_output_and_a_target() {
    let g = graph();
    let towards = g.reverse(&"pb-2022-23:7.1".parse().unwrap()).unwrap();
    assert_eq!(
        keys(towards.of_kind(NodeKind::Programme).map(|r| r.node())),
        ["flagships:BetterWork", "flagships:IPEC+"]
    );
    let towards = g.reverse(&"sdg:8.7".parse().unwrap()).unwrap();
    let contributors: Vec<String> = towards
        .iter()
        .filter(|r| r.distance() == 1)
        .map(|r| r.node().key().to_string())
        .collect();
    assert_eq!(contributors, ["flagships:IPEC+", "sdg:8.7.1"]);
    for r in towards.iter() {
        let path: Vec<_> = r.path().collect();
        assert_eq!(
            path.first().map(|e| e.from()),
            Some(r.node()),
            "a reverse path starts at the contributor"
        );
        assert_eq!(
            path.last().map(|e| e.to().key().to_string()).as_deref(),
            Some("sdg:8.7")
        );
    }
}

#[test]
fn outputs_no_programme_serves() {
    let g = graph();
    let unserved: Vec<String> = keys(g.unserved_outputs())
        .into_iter()
        .filter(|k| k.starts_with("pb-2022-23:"))
        .collect();
    assert_eq!(unserved.len(), 41);
    for served in ["pb-2022-23:3.4", "pb-2022-23:7.1", "pb-2022-23:7.2"] {
        assert!(!unserved.contains(&served.to_owned()), "{served}");
    }
    // The 1998 paper states no contributions; of its programmes only WOMEN and OSHE
    // cite standards by number, so the other three are linked to nothing.
    let unlinked = keys(g.unlinked_programmes());
    assert_eq!(unlinked, ["gp-1998:STEP", "gp-1998:ISEP", "gp-1998:IPEC"]);
    let unreached = g.unreached_sdg_targets().count();
    assert!(unreached > 150 && unreached < 169, "{unreached} targets unreached");
    assert!(g.unreached_sdg_targets().all(|t| t.key().to_string() != "sdg:8.7"));
}

#[test]
fn outcomes_cover_sdg_goals() {
    let g = graph();
    let m = g.coverage(NodeKind::Outcome, NodeKind::SdgGoal);
    assert_eq!(m.rows().len(), 11);
    assert_eq!(m.columns().len(), 17);
    let cell = |outcome: &str, goal: &str| {
        m.get(
            &format!("pb-2022-23:{outcome}").parse().unwrap(),
            &format!("sdg:{goal}").parse().unwrap(),
        )
    };
    // Outcome 7 names goals 8 and 10 itself; outputs 7.1, 7.2 and 7.4 name
    // indicators of goal 8 (8.7.1, 8.8.1, 8.3.1), output 7.5 one of goal 10 (10.7.1).
    assert_eq!(cell("7", "8"), Some(4));
    assert_eq!(cell("7", "10"), Some(2));
    assert_eq!(cell("7", "1"), Some(0));
    // Outcome 8 names 1.3.1; output 8.1 names 1.3, 3.8, 5.4, 8.5, 10.4; output 8.2 names 1.3.1.
    assert_eq!(cell("8", "1"), Some(3));
    assert_eq!(cell("8", "3"), Some(1));
    assert_eq!(cell("1", "8"), Some(0));
    let csv = ilo_frameworks::format::coverage_csv(&m);
    assert!(csv.starts_with("row,sdg:1,sdg:2,"));
    assert_eq!(csv.lines().count(), 12);
    let programmes = g.coverage(NodeKind::Programme, NodeKind::Output);
    assert_eq!(
        programmes.get(&"flagships:IPEC+".parse().unwrap(), &"pb-2022-23:7.1".parse().unwrap()),
        Some(1)
    );
    assert_eq!(
        programmes.get(&"flagships:IPEC+".parse().unwrap(), &"pb-2022-23:7.2".parse().unwrap()),
        Some(0)
    );
}

#[test]
fn the_builtin_graph_is_acyclic_and_ordered() {
    let g = graph();
    assert!(g.cycles().is_empty());
    let order = g.topological_order().unwrap();
    assert_eq!(order.len(), g.node_count());
    let position: std::collections::HashMap<String, usize> = order
        .iter()
        .enumerate()
        .map(|(i, n)| (n.key().to_string(), i))
        .collect();
    for edge in g.edges() {
        assert!(
            position[&edge.from().key().to_string()] < position[&edge.to().key().to_string()],
            "{edge}"
        );
    }
}

#[test]
fn unknown_references_are_errors() {
    let g = graph();
    let e = g.contributions(&"pb-2022-23:7.9".parse().unwrap()).unwrap_err();
    assert_eq!(e.to_string(), "the graph has no node pb-2022-23:7.9");
    assert!(matches!(
        g.reverse(&"sdg:8.8.9".parse().unwrap()),
        Err(Error::UnknownNode(_))
    ));
    assert!(g.neighbourhood(&"nowhere".parse().unwrap(), 2).is_err());
    assert!(g.node_by_key(&NodeKey::Partner("Nobody".into())).is_err());
    assert_eq!(
        g.node_by_key(&NodeKey::Partner("Swiss Confederation".into()))
            .map(|n| n.kind())
            .ok(),
        Some(NodeKind::Partner)
    );
}

#[test]
fn a_neighbourhood_is_a_graph_of_its_own() {
    let g = graph();
    let around = g.neighbourhood(&"flagships:IPEC+".parse().unwrap(), 2).unwrap();
    assert!(around.node(&"pb-2022-23:7".parse().unwrap()).is_ok());
    assert!(around.node(&"sdg:8".parse().unwrap()).is_ok());
    for edge in around.edges() {
        let original = g.node_by_key(edge.from().key()).unwrap();
        assert!(
            original
                .outgoing()
                .any(|e| e.to().key() == edge.to().key() && e.kind() == edge.kind()),
            "{edge}"
        );
    }
    let json = serde_json::to_value(around.to_graph_json()).unwrap();
    assert_eq!(json["nodes"].as_array().unwrap().len(), around.node_count());
    assert_eq!(json["edges"].as_array().unwrap().len(), around.edge_count());
    let mermaid = around.to_mermaid();
    assert!(mermaid.starts_with("flowchart LR\n"));
    assert_eq!(mermaid.matches("-->|").count(), around.edge_count());
    assert_eq!(around.to_dot().matches(" -> ").count(), around.edge_count());
}

const SMALL: &str = r#"
id = "small"
kind = "other"
title = "Small"

[[outcomes]]
code = "1"
title = "One"
sdg = ["8.7"]

[[outcomes.outputs]]
code = "1.1"
title = "Output one"
sdg = ["8.7.1", "8.99"]

[[outcomes.outputs.indicators]]
label = "children removed from child labour"
sdg = ["8.7.1"]

[[programmes]]
id = "A"
kind = "project"
name = "Project A"
contributes_to = [{ to = "small:1.1", share = 0.5 }, "small:9.9"]
succeeds = "small:B"
partners = ["Donor"]

[[programmes]]
id = "B"
kind = "project"
name = "Project B"
succeeds = "small:A"
partners = ["Donor"]
"#;

fn small() -> FrameworkGraph {
    let mut set = FrameworkSet::new();
    set.insert(Framework::from_toml_str(SMALL, "small.toml").unwrap())
        .unwrap();
    FrameworkGraph::new(&set, builtin::sdg().unwrap(), &builtin::standards().unwrap())
}

#[test]
fn unresolved_links_and_cycles_are_reported() {
    let g = small();
    let issues: Vec<String> = g.issues().iter().map(ToString::to_string).collect();
    assert_eq!(
        issues,
        [
            "small:1.1 contributes_to sdg:8.99, which is not in the graph",
            "small:A contributes_to small:9.9, which is not in the graph",
        ]
    );
    let cycles = g.cycles();
    assert_eq!(cycles.len(), 1);
    assert_eq!(keys(cycles[0].iter().copied()), ["small:A", "small:B"]);
    let e = g.topological_order().unwrap_err();
    assert_eq!(e.to_string(), "the graph has a cycle through small:A, small:B");
    assert_eq!(
        g.node_by_key(&NodeKey::Partner("Donor".into()))
            .unwrap()
            .incoming()
            .count(),
        2
    );
}

#[test]
fn shares_are_carried_along_paths() {
    let g = small();
    let reach = g.contributions(&"small:A".parse().unwrap()).unwrap();
    let output = reach.get(&"small:1.1".parse().unwrap()).unwrap();
    assert_eq!(output.share(), Some(0.5));
    let goal = reach.get(&"sdg:8".parse().unwrap()).unwrap();
    assert_eq!(goal.share(), Some(0.5));
    assert!(
        reach.get(&"small:B".parse().unwrap()).is_none(),
        "succeeds is not a contribution"
    );
    let indicator = g
        .node_by_key(&NodeKey::Indicator {
            of: "small:1.1".parse().unwrap(),
            number: 1,
        })
        .unwrap();
    assert_eq!(
        indicator.outgoing().map(|e| e.kind().as_str()).collect::<Vec<_>>(),
        ["measures", "contributes_to"]
    );
}
