//! The built-in frameworks: they load, their codes are unique, every
//! reference resolves, and they hold the counts read from the sources.

use std::collections::BTreeSet;

use ilo_frameworks::builtin::{self, Builtin};
use ilo_frameworks::*;

fn set() -> FrameworkSet {
    builtin::frameworks().expect("the built-in frameworks load")
}

fn framework(id: &str) -> Framework {
    Builtin::from_id(id)
        .expect("a built-in id")
        .load()
        .expect("the built-in loads")
}

#[test]
fn every_builtin_loads_under_its_own_id() {
    for b in Builtin::ALL {
        let f = b.load().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(f.id.as_str(), b.id());
        assert_eq!(Builtin::from_id(b.id()), Some(b));
        assert!(!f.source.is_unknown(), "{} records its source document", b.id());
    }
    assert_eq!(Builtin::from_id("nope"), None);
    let ids: Vec<String> = set().iter().map(|f| f.id.to_string()).collect();
    assert_eq!(
        ids,
        ["pb-2022-23", "flagships", "gsc-2017-21", "dc-plan-2019", "gp-1998"]
    );
}

fn assert_unique<T: Ord + std::fmt::Display>(what: &str, framework: &Framework, codes: impl IntoIterator<Item = T>) {
    let mut seen = BTreeSet::new();
    for code in codes {
        let text = code.to_string();
        assert!(seen.insert(code), "{}: {what} {text} is listed twice", framework.id);
    }
}

#[test]
fn codes_are_unique_within_each_framework() {
    for f in set().iter() {
        assert_unique("outcome", f, f.outcomes.iter().map(|o| o.code));
        assert_unique("output", f, f.outputs().map(|o| o.code));
        assert_unique("programme", f, f.programmes.iter().map(|p| p.id.clone()));
        assert_unique("deliverable", f, f.deliverables.iter().map(|d| d.code));
    }
}

#[test]
fn outputs_sit_under_the_outcome_their_code_names() {
    for f in set().iter() {
        for outcome in &f.outcomes {
            for output in &outcome.outputs {
                assert_eq!(output.code.outcome(), outcome.code, "{}: output {}", f.id, output.code);
            }
        }
    }
}

/// Every reference any built-in makes: links, contributions, lineage and
/// claim subjects, with the framework that makes it.
fn references(set: &FrameworkSet) -> Vec<(FrameworkId, Ref)> {
    let mut refs = Vec::new();
    for f in set.iter() {
        let mut add = |r: &Ref| refs.push((f.id.clone(), r.clone()));
        for link in &f.links {
            add(&link.from);
            add(&link.to);
        }
        for claim in &f.claims {
            add(&claim.subject);
        }
        for p in &f.programmes {
            p.contributes_to.iter().for_each(|l| add(l.target()));
            p.succeeds.as_deref().into_iter().for_each(&mut add);
        }
        for d in &f.deliverables {
            d.contributes_to.iter().for_each(|l| add(l.target()));
        }
    }
    refs
}

#[test]
fn every_reference_resolves() {
    let set = set();
    let standards = builtin::standards().unwrap();
    let sdg = builtin::sdg().unwrap();
    let refs = references(&set);
    assert!(refs.len() > 50, "the built-ins make {} references", refs.len());
    for (from, reference) in refs {
        let found = match &reference {
            Ref::Framework(id) => set.get(id).is_some(),
            Ref::Element { .. } => set.resolve(&reference).is_some(),
            Ref::Sdg(code) => sdg.contains(*code),
            Ref::Standard(s) => standards.get(*s).is_some(),
        };
        assert!(found, "{from}: {reference} does not resolve");
    }
}

#[test]
fn every_cited_standard_is_in_the_catalogue_and_every_entry_is_cited() {
    let standards = builtin::standards().unwrap();
    let mut cited = BTreeSet::new();
    for f in set().iter() {
        cited.extend(f.outcomes.iter().flat_map(|o| o.standards.iter().copied()));
        cited.extend(f.outputs().flat_map(|o| o.standards.iter().copied()));
        cited.extend(f.programmes.iter().flat_map(|p| p.standards.iter().copied()));
        cited.extend(f.deliverables.iter().flat_map(|d| d.standards.iter().copied()));
    }
    for s in &cited {
        assert!(
            standards.get(*s).is_some(),
            "{s} is cited but not in seeds/standards.toml"
        );
    }
    for entry in &standards.standards {
        assert!(!entry.sources.is_empty(), "{} has no citing place", entry.reference);
    }
}

#[test]
fn every_sdg_code_of_the_builtins_is_in_the_catalogue() {
    let sdg = builtin::sdg().unwrap();
    for f in set().iter() {
        let codes = f
            .outcomes
            .iter()
            .flat_map(|o| o.sdg.iter())
            .chain(f.outputs().flat_map(|o| o.sdg.iter()))
            .chain(f.programmes.iter().flat_map(|p| p.sdg.iter()))
            .chain(f.deliverables.iter().flat_map(|d| d.sdg.iter()));
        for code in codes {
            assert!(sdg.contains(*code), "{}: SDG {code} is not in the catalogue", f.id);
        }
    }
}

/// Country-level and global-level actions of each policy output, and
/// biennium deliverables of each enabling output, as counted in GB.340/PFA/2.
#[rustfmt::skip]
const PB_ACTIONS: [(&str, usize, usize, usize); 44] = [
    ("1.1", 5, 4, 0), ("1.2", 5, 4, 0), ("1.3", 4, 4, 0), ("1.4", 5, 4, 0),
    ("2.1", 4, 3, 0), ("2.2", 4, 3, 0), ("2.3", 4, 3, 0), ("2.4", 3, 5, 0),
    ("3.1", 5, 4, 0), ("3.2", 3, 4, 0), ("3.3", 4, 3, 0), ("3.4", 3, 3, 0), ("3.5", 3, 4, 0),
    ("4.1", 5, 2, 0), ("4.2", 5, 3, 0), ("4.3", 4, 2, 0), ("4.4", 5, 4, 0),
    ("5.1", 4, 4, 0), ("5.2", 5, 4, 0), ("5.3", 5, 5, 0), ("5.4", 4, 4, 0),
    ("6.1", 3, 4, 0), ("6.2", 5, 3, 0), ("6.3", 4, 5, 0), ("6.4", 4, 5, 0),
    ("7.1", 4, 4, 0), ("7.2", 4, 3, 0), ("7.3", 5, 4, 0), ("7.4", 5, 5, 0), ("7.5", 5, 4, 0),
    ("8.1", 4, 5, 0), ("8.2", 5, 3, 0), ("8.3", 5, 4, 0),
    ("A.1", 0, 0, 4), ("A.2", 0, 0, 3), ("A.3", 0, 0, 3), ("A.4", 0, 0, 3),
    ("B.1", 0, 0, 3), ("B.2", 0, 0, 6), ("B.3", 0, 0, 4),
    ("C.1", 0, 0, 5), ("C.2", 0, 0, 5), ("C.3", 0, 0, 4), ("C.4", 0, 0, 4),
];

#[test]
fn programme_and_budget_2022_23_counts() {
    let pb = framework("pb-2022-23");
    assert_eq!(pb.symbol.as_deref(), Some("GB.340/PFA/2"));
    assert_eq!(pb.biennium.map(|b| b.to_string()).as_deref(), Some("2022-23"));
    assert_eq!(pb.plan.as_ref().map(|p| p.period), Some(Period::years(2022, 2025)));
    let kinds: Vec<OutcomeKind> = pb.outcomes.iter().map(Outcome::kind).collect();
    assert_eq!(kinds.iter().filter(|k| **k == OutcomeKind::Policy).count(), 8);
    assert_eq!(kinds.iter().filter(|k| **k == OutcomeKind::Enabling).count(), 3);
    let per_outcome: Vec<(String, usize)> = pb
        .outcomes
        .iter()
        .map(|o| (o.code.to_string(), o.outputs.len()))
        .collect();
    let expected = [
        ("1", 4),
        ("2", 4),
        ("3", 5),
        ("4", 4),
        ("5", 4),
        ("6", 4),
        ("7", 5),
        ("8", 3),
        ("A", 4),
        ("B", 3),
        ("C", 4),
    ];
    assert_eq!(per_outcome, expected.map(|(c, n)| (c.to_owned(), n)));
    let actual: Vec<(String, usize, usize, usize)> = pb
        .outputs()
        .map(|o| {
            (
                o.code.to_string(),
                o.country_level.len(),
                o.global_level.len(),
                o.biennium_deliverables.len(),
            )
        })
        .collect();
    assert_eq!(actual, PB_ACTIONS.map(|(c, a, b, d)| (c.to_owned(), a, b, d)));
    assert_eq!(
        pb.output("7.1".parse().unwrap()).map(|o| o.title.as_str()),
        Some(
            "Increased capacity of Member States to ensure respect for, promote and realize fundamental principles and rights at work"
        )
    );
    // The flagships it names, each under the output or outcome concerned.
    let links: Vec<String> = pb.links.iter().map(|l| format!("{} -> {}", l.from, l.to)).collect();
    assert_eq!(
        links,
        [
            "flagships:JPR -> pb-2022-23:3.4",
            "flagships:IPEC+ -> pb-2022-23:7.1",
            "flagships:BetterWork -> pb-2022-23:7.1",
            "flagships:OSH-GAP -> pb-2022-23:7.2",
            "flagships:SPF -> pb-2022-23:8",
        ]
    );
}

#[test]
fn every_pb_output_has_a_title_and_a_source_line() {
    for output in framework("pb-2022-23").outputs() {
        assert!(
            !output.title.trim().is_empty() && output.title == output.title.trim(),
            "{}",
            output.code
        );
        assert!(output.source.line.is_some(), "output {} has a source line", output.code);
    }
}
