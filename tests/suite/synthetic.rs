//! The synthetic generator: determinism, validity of what it generates,
//! the sizes `with_nodes` chooses, and that any small configuration
//! generates without panicking and round-trips through JSON.

use std::collections::HashSet;

use ilo_frameworks::synthetic::*;
use ilo_frameworks::*;
use proptest::prelude::*;

/// The graph nodes of a set, counted from what it holds: frameworks,
/// outcomes, outputs, programmes, deliverables, distinct partners and
/// distinct initiatives.
fn nodes_of(set: &FrameworkSet) -> usize {
    let mut partners = HashSet::new();
    let mut initiatives = HashSet::new();
    let mut count = set.len();
    for f in set {
        count += f.outcomes.len() + f.outputs().count() + f.programmes.len() + f.deliverables.len();
        for p in &f.programmes {
            partners.extend(p.partners.iter().cloned());
            initiatives.extend(p.initiatives.iter().cloned());
        }
    }
    count + partners.len() + initiatives.len()
}

/// Every problem found in a generated set; empty when it is valid.
fn problems(set: &FrameworkSet) -> Vec<String> {
    let sdg = builtin::sdg().expect("the SDG catalogue loads");
    let standards = builtin::standards().expect("the standards catalogue loads");
    let mut problems = Vec::new();
    let mut check = |ok: bool, problem: String| {
        if !ok {
            problems.push(problem);
        }
    };
    let resolves_to = |r: &Ref, kind: &str| set.resolve(r).is_some_and(|e| e.kind_name() == kind);

    for f in set {
        let id = &f.id;
        let period = f.effective_period();
        for code in f
            .outcomes
            .iter()
            .flat_map(|o| &o.sdg)
            .chain(f.outputs().flat_map(|o| &o.sdg))
        {
            check(sdg.contains(*code), format!("{id}: sdg {code} not in the catalogue"));
        }
        for s in f
            .outcomes
            .iter()
            .flat_map(|o| &o.standards)
            .chain(f.outputs().flat_map(|o| &o.standards))
        {
            check(
                standards.get(*s).is_some(),
                format!("{id}: standard {s} not in the catalogue"),
            );
        }

        match f.kind {
            FrameworkKind::ProgrammeAndBudget => {
                let biennium = f.biennium.expect("a biennium");
                check(
                    f.period == Some(biennium.period()),
                    format!("{id}: period is not the biennium's"),
                );
                let plan = f.plan.as_ref().expect("a plan");
                check(
                    plan.period.encloses(biennium.period()),
                    format!("{id}: plan does not enclose biennium"),
                );
                check(!f.outcomes.is_empty(), format!("{id}: no outcome"));
            }
            FrameworkKind::ProgrammeSet | FrameworkKind::PlanOfAction => {
                check(f.outcomes.is_empty(), format!("{id}: outcomes outside a budget"));
            }
            other => check(false, format!("{id}: unexpected kind {other}")),
        }

        let outcomes: HashSet<_> = f.outcomes.iter().map(|o| o.code).collect();
        check(
            outcomes.len() == f.outcomes.len(),
            format!("{id}: duplicate outcome codes"),
        );
        let outputs: HashSet<_> = f.outputs().map(|o| o.code).collect();
        check(
            outputs.len() == f.outputs().count(),
            format!("{id}: duplicate output codes"),
        );
        for outcome in &f.outcomes {
            check(
                outcome.source.line.is_some(),
                format!("{id}:{}: no source line", outcome.code),
            );
            for output in &outcome.outputs {
                let code = output.code;
                check(
                    code.outcome() == outcome.code,
                    format!("{id}:{code}: under outcome {}", outcome.code),
                );
                check(
                    (1..=3).contains(&output.sdg.len()),
                    format!("{id}:{code}: {} sdg codes", output.sdg.len()),
                );
                check(output.standards.len() <= 2, format!("{id}:{code}: too many standards"));
                check(output.source.line.is_some(), format!("{id}:{code}: no source line"));
                match outcome.kind() {
                    OutcomeKind::Policy => check(
                        (1..=3).contains(&output.country_level.len())
                            && (1..=3).contains(&output.global_level.len())
                            && output.biennium_deliverables.is_empty(),
                        format!("{id}:{code}: actions of a policy output"),
                    ),
                    OutcomeKind::Enabling => check(
                        (1..=3).contains(&output.biennium_deliverables.len())
                            && output.country_level.is_empty()
                            && output.global_level.is_empty(),
                        format!("{id}:{code}: actions of an enabling output"),
                    ),
                    other => check(false, format!("{id}:{code}: an outcome of kind {other}")),
                }
            }
        }

        let ids: HashSet<_> = f.programmes.iter().map(|p| &p.id).collect();
        check(
            ids.len() == f.programmes.len(),
            format!("{id}: duplicate programme ids"),
        );
        for p in &f.programmes {
            let pid = &p.id;
            let number: usize = pid.as_str()[1..].parse().expect("P<number>");
            let Some(period) = p.period else {
                check(false, format!("{id}:{pid}: no period"));
                continue;
            };
            check(
                Period::years(2015, 2030).encloses(period),
                format!("{id}:{pid}: period {period} outside 2015–2030"),
            );
            let coverage = p.coverage.as_ref().expect("coverage");
            check(
                coverage.regional_sum().is_some() && coverage.regional_sum() == coverage.total,
                format!("{id}:{pid}: coverage does not add up"),
            );
            check(
                (1..=5).contains(&p.contributes_to.len()),
                format!("{id}:{pid}: contributes to {}", p.contributes_to.len()),
            );
            let targets: HashSet<_> = p.contributes_to.iter().map(Link::target).collect();
            check(
                targets.len() == p.contributes_to.len(),
                format!("{id}:{pid}: repeated contribution"),
            );
            for link in &p.contributes_to {
                check(
                    resolves_to(link.target(), "output"),
                    format!("{id}:{pid}: {} does not resolve", link.target()),
                );
            }
            let shares: f64 = p.contributes_to.iter().filter_map(Link::share).map(Share::value).sum();
            check(shares <= 1.0, format!("{id}:{pid}: shares add up to {shares}"));
            check(
                p.sdg.len() <= 2 && p.standards.len() <= 1,
                format!("{id}:{pid}: too many codes"),
            );
            for code in &p.sdg {
                check(
                    sdg.contains(*code),
                    format!("{id}:{pid}: sdg {code} not in the catalogue"),
                );
            }
            for s in &p.standards {
                check(
                    standards.get(*s).is_some(),
                    format!("{id}:{pid}: standard {s} not in the catalogue"),
                );
            }
            check(
                p.partners.len() <= 2 && p.initiatives.len() <= 1,
                format!("{id}:{pid}: too many partners"),
            );
            check(
                p.partners.len() == p.partners.iter().collect::<HashSet<_>>().len(),
                format!("{id}:{pid}: a partner twice"),
            );
            check(p.targets.len() <= 2, format!("{id}:{pid}: too many targets"));
            for t in &p.targets {
                let due = t.due.expect("a due date").period();
                check(period.encloses(due), format!("{id}:{pid}: target due outside {period}"));
                check(
                    t.quantity.is_some() && t.unit.is_some(),
                    format!("{id}:{pid}: target without quantity"),
                );
            }
            if let Some(s) = &p.succeeds {
                check(
                    resolves_to(s, "programme"),
                    format!("{id}:{pid}: succeeds {s}, which does not resolve"),
                );
                let earlier: Option<usize> = s.code().strip_prefix('P').and_then(|n| n.parse().ok());
                check(
                    s.framework() == Some(id) && earlier.is_some_and(|e| e < number),
                    format!("{id}:{pid}: succeeds {s}, not an earlier programme of the set"),
                );
            }
        }

        let codes: HashSet<_> = f.deliverables.iter().map(|d| d.code).collect();
        check(
            codes.len() == f.deliverables.len(),
            format!("{id}: duplicate deliverable codes"),
        );
        for d in &f.deliverables {
            let code = d.code;
            check(
                d.area == format!("Area {}", code.group()),
                format!("{id}:{code}: area {}", d.area),
            );
            check(
                (1..=4).contains(&d.activities.len()),
                format!("{id}:{code}: {} activities", d.activities.len()),
            );
            check(!d.timeframe.is_empty(), format!("{id}:{code}: empty timeframe"));
            check(
                !d.timeframe.has_holes(),
                format!("{id}:{code}: timeframe {} has holes", d.timeframe),
            );
            if let (Some(period), Some(first), Some(last)) = (period, d.timeframe.first(), d.timeframe.last()) {
                check(
                    period.contains(first.first_day()) && period.contains(last.last_day()),
                    format!("{id}:{code}: timeframe {} outside {period}", d.timeframe),
                );
            }
            check(
                (1..=3).contains(&d.contributes_to.len()),
                format!("{id}:{code}: contributes to {}", d.contributes_to.len()),
            );
            let targets: HashSet<_> = d.contributes_to.iter().map(Link::target).collect();
            check(
                targets.len() == d.contributes_to.len(),
                format!("{id}:{code}: repeated contribution"),
            );
            for link in &d.contributes_to {
                check(
                    resolves_to(link.target(), "output"),
                    format!("{id}:{code}: {} does not resolve", link.target()),
                );
            }
        }

        for link in &f.links {
            check(
                link.kind == LinkKind::ContributesTo,
                format!("{id}: link of kind {}", link.kind),
            );
            check(
                resolves_to(&link.from, "programme"),
                format!("{id}: link from {} does not resolve", link.from),
            );
            check(
                resolves_to(&link.to, "output"),
                format!("{id}: link to {} does not resolve", link.to),
            );
            check(
                link.to.framework() == Some(id),
                format!("{id}: link to another framework's {}", link.to),
            );
        }
    }
    problems
}

#[test]
fn the_same_config_gives_the_same_set() {
    let config = SyntheticConfig::with_nodes(11, 3_000);
    let set = generate(&config);
    assert_eq!(generate(&config), set);
    assert_eq!(
        generate(&config.clone()).to_json_string().unwrap(),
        set.to_json_string().unwrap()
    );
}

#[test]
fn different_seeds_give_different_sets() {
    let one = generate(&SyntheticConfig::with_nodes(1, 2_000));
    let two = generate(&SyntheticConfig::with_nodes(2, 2_000));
    assert_ne!(one, two);
    // Same sizes, so the same frameworks and codes: the choices differ.
    assert_eq!(
        one.iter().map(|f| f.id.clone()).collect::<Vec<_>>(),
        two.iter().map(|f| f.id.clone()).collect::<Vec<_>>()
    );
}

#[test]
fn generated_sets_are_valid() {
    for seed in 1..=5 {
        for nodes in [50, 2_000] {
            let config = SyntheticConfig::with_nodes(seed, nodes);
            let set = generate(&config);
            let problems = problems(&set);
            assert!(
                problems.is_empty(),
                "seed {seed}, {nodes} nodes:\n{}",
                problems.join("\n")
            );
            assert_eq!(nodes_of(&set), config.element_count(), "seed {seed}, {nodes} nodes");
        }
    }
}

#[test]
fn generated_sets_have_the_expected_shape() {
    let config = SyntheticConfig::with_nodes(4, 20_000);
    let set = generate(&config);
    let kinds = |kind: FrameworkKind| set.iter().filter(|f| f.kind == kind).count();
    assert_eq!(kinds(FrameworkKind::ProgrammeAndBudget), config.budgets);
    assert_eq!(kinds(FrameworkKind::ProgrammeSet), config.programme_sets);
    assert_eq!(kinds(FrameworkKind::PlanOfAction), config.plans);
    let first = set.get("synth-pb-1").expect("synth-pb-1");
    assert_eq!(first.biennium, Some("2022-23".parse().unwrap()));
    assert_eq!(first.plan.as_ref().map(|p| p.period), Some(Period::years(2022, 2025)));
    assert_eq!(first.outcomes.len(), config.outcomes_per_budget + 3);
    assert_eq!(first.outcomes.last().map(|o| o.code.to_string()), Some("C".into()));
    assert_eq!(first.outcomes[0].title, "Outcome 1 of synth-pb-1");
    assert!(set.iter().any(|f| !f.links.is_empty()), "a few stated links");

    let programmes: Vec<&Programme> = set.iter().flat_map(|f| &f.programmes).collect();
    assert_eq!(programmes.len(), config.programmes);
    let share = |pred: &dyn Fn(&Programme) -> bool| {
        programmes.iter().filter(|p| pred(p)).count() as f64 / programmes.len() as f64
    };
    assert!(share(&|p| p.kind == ProgrammeKind::Project) > 0.8);
    assert!(share(&|p| p.kind == ProgrammeKind::Flagship) > 0.0);
    assert!((0.02..0.08).contains(&share(&|p| p.succeeds.is_some())));
    assert!(share(&|p| p.contributes_to.iter().any(|l| l.share().is_some())) > 0.05);
    let indicators = set
        .iter()
        .flat_map(|f| f.outputs())
        .flat_map(|o| &o.sdg)
        .filter(|c| matches!(c, SdgCode::Indicator(_)))
        .count();
    assert!(indicators > 0, "some SDG indicators");
}

/// The set with `change` made to a copy of framework `id`.
fn changed(set: &FrameworkSet, id: &str, change: impl FnOnce(&mut Framework)) -> FrameworkSet {
    let mut change = Some(change);
    let mut out = FrameworkSet::new();
    for f in set {
        let mut f = f.clone();
        if f.id.as_str() == id
            && let Some(change) = change.take()
        {
            change(&mut f);
        }
        out.insert(f).unwrap();
    }
    out
}

/// A change that makes a set invalid.
type Fault = Box<dyn FnOnce(&mut Framework)>;

#[test]
fn the_checks_find_faults() {
    let set = generate(&SyntheticConfig::with_nodes(9, 2_000));
    assert!(problems(&set).is_empty());
    let faults: [(&str, Fault); 5] = [
        (
            "synth-progs-1",
            Box::new(|f| f.programmes[0].contributes_to[0] = "synth-pb-1:99.1".parse().unwrap()),
        ),
        (
            "synth-progs-1",
            Box::new(|f| f.programmes[3].succeeds = Some(Box::new("synth-progs-1:P9".parse().unwrap()))),
        ),
        (
            "synth-progs-1",
            Box::new(|f| f.programmes[1].coverage.as_mut().unwrap().total = Some(999)),
        ),
        (
            "synth-plan-1",
            Box::new(|f| f.deliverables[0].timeframe.insert("2040Q1".parse().unwrap())),
        ),
        (
            "synth-pb-1",
            Box::new(|f| f.outcomes[0].outputs[0].sdg.push("8.99".parse().unwrap())),
        ),
    ];
    for (i, (id, fault)) in faults.into_iter().enumerate() {
        assert!(!problems(&changed(&set, id, fault)).is_empty(), "fault {i} not found");
    }
}

#[test]
fn with_nodes_hits_the_sizes() {
    let nodes = 100_000;
    let config = SyntheticConfig::with_nodes(7, nodes);
    let elements = config.element_count();
    assert!(elements.abs_diff(nodes) <= nodes / 20, "{elements} elements");
    let set = generate(&config);
    assert_eq!(nodes_of(&set), elements);
    let edges = edge_estimate(&set);
    assert!(edges.abs_diff(4 * nodes) <= 4 * nodes * 15 / 100, "{edges} edges");
}

#[test]
fn small_and_empty_configs() {
    let empty = SyntheticConfig::with_nodes(1, 0);
    assert_eq!(empty.element_count(), 0);
    assert!(generate(&empty).is_empty());

    let small = SyntheticConfig::with_nodes(1, 50);
    let set = generate(&small);
    let budget = set
        .iter()
        .find(|f| f.kind == FrameworkKind::ProgrammeAndBudget)
        .expect("a budget");
    assert!(budget.outputs().count() >= 1);
    assert!(set.iter().flat_map(|f| &f.programmes).count() > 0);
    assert!(problems(&set).is_empty());

    // Programmes with no set, deliverables with no plan, outputs with no
    // budget: left out, and counted as left out.
    let lopsided = SyntheticConfig {
        seed: 3,
        budgets: 0,
        outcomes_per_budget: 5,
        outputs_per_outcome: 5,
        programme_sets: 2,
        programmes: 10,
        plans: 0,
        deliverables: 10,
        partners: 100,
        initiatives: 0,
    };
    let set = generate(&lopsided);
    assert_eq!(nodes_of(&set), lopsided.element_count());
    assert!(
        set.iter()
            .flat_map(|f| &f.programmes)
            .all(|p| p.contributes_to.is_empty())
    );
}

fn small_config() -> impl Strategy<Value = SyntheticConfig> {
    (
        any::<u64>(),
        0usize..4,
        0usize..6,
        0usize..4,
        0usize..4,
        0usize..60,
        0usize..3,
        0usize..60,
        0usize..10,
        0usize..4,
    )
        .prop_map(
            |(seed, budgets, outcomes, outputs, sets, programmes, plans, deliverables, partners, initiatives)| {
                SyntheticConfig {
                    seed,
                    budgets,
                    outcomes_per_budget: outcomes,
                    outputs_per_outcome: outputs,
                    programme_sets: sets,
                    programmes,
                    plans,
                    deliverables,
                    partners,
                    initiatives,
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn any_size_generates_and_round_trips(seed in any::<u64>(), nodes in 1usize..3000) {
        let config = SyntheticConfig::with_nodes(seed, nodes);
        let set = generate(&config);
        prop_assert_eq!(nodes_of(&set), config.element_count());
        let json = set.to_json_string().unwrap();
        let back = FrameworkSet::from_json_str(&json, "synthetic.json").unwrap();
        prop_assert_eq!(back, set);
    }

    #[test]
    fn any_small_config_generates(config in small_config()) {
        let set = generate(&config);
        prop_assert_eq!(nodes_of(&set), config.element_count());
        let _ = edge_estimate(&set);
        for f in &set {
            for link in f.programmes.iter().flat_map(|p| &p.contributes_to)
                .chain(f.deliverables.iter().flat_map(|d| &d.contributes_to))
            {
                prop_assert!(set.resolve(link.target()).is_some());
            }
        }
        let json = set.to_json_string().unwrap();
        prop_assert_eq!(FrameworkSet::from_json_str(&json, "synthetic.json").unwrap(), set);
    }
}
