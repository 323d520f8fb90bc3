//! Progress as of a date: the built-in work-plan's schedule and states, the
//! example report, the straight-path rule, and roll-ups checked against a
//! naive reference on generated sets.

use std::collections::{BTreeMap, BTreeSet};

use ilo_frameworks::graph::FrameworkGraph;
use ilo_frameworks::progress::{self, AsOf, DeliverableState, Progress, RollUpGroup, TrackState};
use ilo_frameworks::*;
use proptest::prelude::*;

const REPORT: &str = include_str!("../../examples/data/gsc-progress-2019.toml");
const YOUTH: &str = include_str!("../../examples/data/youth-employment.toml");

fn graph_of(set: &FrameworkSet) -> FrameworkGraph {
    FrameworkGraph::new(set, builtin::sdg().unwrap(), &builtin::standards().unwrap())
}

fn evaluate(set: &FrameworkSet, as_of: &str) -> Progress {
    progress::evaluate(set, &graph_of(set), as_of.parse().unwrap())
}

fn with_report(text: &str) -> FrameworkSet {
    let mut set = builtin::frameworks().unwrap();
    set.insert_report(ProgressReport::from_toml_str(text, "report.toml").unwrap())
        .unwrap();
    set
}

/// The states of the work-plan's deliverables, by code.
fn work_plan_states(progress: &Progress) -> BTreeMap<String, DeliverableState> {
    progress
        .deliverables
        .iter()
        .filter(|d| d.element.framework().map(FrameworkId::as_str) == Some("gsc-2017-21"))
        .map(|d| (d.element.code(), d.state))
        .collect()
}

/// Each deliverable of the work-plan with the last quarter the source marks
/// for it (checked against the source document's table by a second reader),
/// or `None` for the ten rows the source leaves unmarked.
const DUE: [(&str, Option<&str>); 29] = [
    ("1.1", Some("2021Q4")),
    ("1.2", Some("2021Q4")),
    ("1.3", Some("2021Q4")),
    ("1.4", Some("2021Q4")),
    ("1.5", Some("2021Q4")),
    ("1.6", Some("2021Q4")),
    ("2.1", Some("2021Q4")),
    ("2.2", Some("2021Q4")),
    ("2.3", None),
    ("2.4", Some("2021Q4")),
    ("2.5", Some("2021Q4")),
    ("3.1", Some("2021Q4")),
    ("3.2", None),
    ("3.3", Some("2021Q4")),
    ("4.1", Some("2019Q4")),
    ("4.2", Some("2021Q4")),
    ("4.3", None),
    ("4.4", None),
    ("5.1", None),
    ("5.3", None),
    ("6.1", None),
    ("6.4", Some("2021Q4")),
    ("6.5", None),
    ("6.6", Some("2021Q4")),
    ("7.1", Some("2021Q4")),
    ("8.1", None),
    ("8.2", Some("2021Q4")),
    ("9.1", None),
    ("9.2", Some("2018Q4")),
];

#[test]
fn every_work_plan_deliverable_is_due_in_its_last_scheduled_quarter() {
    let progress = evaluate(&builtin::frameworks().unwrap(), "2019Q4");
    let due: BTreeMap<String, Option<String>> = progress
        .deliverables
        .iter()
        .filter(|d| d.element.framework().map(FrameworkId::as_str) == Some("gsc-2017-21"))
        .map(|d| (d.element.code(), d.due.map(|q| q.to_string())))
        .collect();
    let expected: BTreeMap<String, Option<String>> = DUE
        .iter()
        .map(|(code, due)| (code.to_string(), due.map(str::to_owned)))
        .collect();
    assert_eq!(due.len(), 29);
    assert_eq!(due, expected);
}

#[test]
fn without_a_report_the_work_plan_as_of_2019q4_is_overdue_not_reported_or_unscheduled() {
    let progress = evaluate(&builtin::frameworks().unwrap(), "2019Q4");
    let states = work_plan_states(&progress);
    for (code, due) in DUE {
        let expected = match due {
            None => DeliverableState::Unscheduled,
            // 9.2 ended in 2018Q4; nothing says it was done.
            Some("2018Q4") => DeliverableState::Overdue,
            // Due this very quarter, or later, and under way: no report speaks of them.
            Some(_) => DeliverableState::NotReported,
        };
        assert_eq!(states[code], expected, "{code}");
    }
    assert_eq!(progress.late().count(), 1);
    assert!(progress.deliverables.iter().all(|d| d.reported.is_none()));
}

#[test]
fn before_the_work_starts_a_deliverable_is_not_yet_due() {
    let progress = evaluate(&builtin::frameworks().unwrap(), "2018Q4");
    let states = work_plan_states(&progress);
    // 8.2 starts in 2019Q1; 2.2 started in 2018Q1; 9.2 is due this quarter.
    assert_eq!(states["8.2"], DeliverableState::NotYetDue);
    assert_eq!(states["2.2"], DeliverableState::NotReported);
    assert_eq!(states["9.2"], DeliverableState::NotReported);
    let progress = evaluate(&builtin::frameworks().unwrap(), "2022-01-01");
    assert!(
        work_plan_states(&progress)
            .values()
            .all(|s| matches!(s, DeliverableState::Overdue | DeliverableState::Unscheduled))
    );
}

#[test]
fn the_example_report_sets_the_states_it_speaks_of() {
    let set = with_report(REPORT);
    let progress = evaluate(&set, "2019Q4");
    let states = work_plan_states(&progress);
    assert_eq!(states["9.2"], DeliverableState::DoneLate);
    assert_eq!(states["3.3"], DeliverableState::Done);
    assert_eq!(states["4.1"], DeliverableState::InProgress);
    assert_eq!(states["2.1"], DeliverableState::InProgress);
    assert_eq!(states["8.2"], DeliverableState::NotStarted);
    assert_eq!(states["1.5"], DeliverableState::Dropped);
    assert_eq!(states["1.1"], DeliverableState::NotReported);
    let d = progress.deliverable(&"gsc-2017-21:9.2".parse().unwrap()).unwrap();
    assert_eq!(d.reported, Some(DeliverableStatus::Done));
    assert_eq!(d.completed.map(|q| q.to_string()).as_deref(), Some("2019Q2"));
    assert_eq!(d.report.as_ref().map(FrameworkId::as_str), Some("gsc-progress-2019"));
    // The report validates clean but for the late completion, a note.
    let report = validate::validate(&set, &validate::Config::default()).unwrap();
    let results: Vec<String> = report
        .iter()
        .filter(|d| d.rule.family() == validate::Family::Results)
        .map(|d| d.code())
        .collect();
    assert_eq!(results, ["results/completed-after-schedule"]);
}

#[test]
fn a_report_is_not_known_before_its_date() {
    let set = with_report(REPORT);
    // The report is dated 2019-12-31: as of 2019Q3 it is not yet written.
    let progress = evaluate(&set, "2019Q3");
    let states = work_plan_states(&progress);
    assert_eq!(states["1.5"], DeliverableState::NotReported);
    assert_eq!(states["9.2"], DeliverableState::Overdue);
    assert!(progress.targets.iter().all(|t| t.actual.is_none()));
}

#[test]
fn a_later_report_replaces_an_earlier_ones_word() {
    let mut set = with_report(REPORT);
    let later = r#"
id = "gsc-progress-2020"
kind = "progress-report"
title = "Later"
date = "2020-06-30"

[[deliverables]]
element = "gsc-2017-21:1.5"
status = "in-progress"

[[targets]]
element = "flagships:SPF"
target = 2
value = 11
"#;
    set.insert_report(ProgressReport::from_toml_str(later, "later.toml").unwrap())
        .unwrap();
    let progress = evaluate(&set, "2020Q2");
    assert_eq!(work_plan_states(&progress)["1.5"], DeliverableState::InProgress);
    let spf2 = progress
        .targets
        .iter()
        .find(|t| t.element.to_string() == "flagships:SPF" && t.number == 2)
        .unwrap();
    assert_eq!(spf2.actual, Some(Value::Number(11.0)));
    assert_eq!(spf2.actual_date.map(|d| d.to_string()).as_deref(), Some("2020-06-30"));
    // As of the end of 2019 the earlier report holds.
    let progress = evaluate(&set, "2019Q4");
    assert_eq!(work_plan_states(&progress)["1.5"], DeliverableState::Dropped);
}

/// A programme with one target of 100 due at the end of 2023, started at the
/// start of 2020, and a report giving `value` on `as_of`.
fn one_target(value: f64, as_of: &str) -> FrameworkSet {
    let framework = r#"
id = "mine"
kind = "programme-set"
title = "Mine"

[[programmes]]
id = "P"
kind = "project"
name = "A project"
period = "2020/2023"

[[programmes.targets]]
label = "workers trained"
quantity = 100
due = "2023"
"#;
    let report = format!(
        "id = \"r\"\nkind = \"progress-report\"\ntitle = \"R\"\ndate = \"2024\"\n\n[[targets]]\nelement = \"mine:P\"\ntarget = 1\nvalue = {value}\nas_of = \"{as_of}\"\n"
    );
    let mut set = FrameworkSet::new();
    set.insert(Framework::from_toml_str(framework, "mine.toml").unwrap())
        .unwrap();
    set.insert_report(ProgressReport::from_toml_str(&report, "r.toml").unwrap())
        .unwrap();
    set
}

#[test]
fn targets_are_judged_against_the_straight_path_from_start_to_due() {
    // Half-way (end of 2021: 731 of 1460 days), the path expects about 50.
    let t = &evaluate(&one_target(55.0, "2021-12-31"), "2024").targets[0];
    assert_eq!(t.state, TrackState::OnTrack);
    assert_eq!(t.achieved, Some(0.55));
    let expected = t.expected.unwrap();
    assert!((expected - 100.0 * 730.0 / 1460.0).abs() < 1e-9, "{expected}");
    let t = &evaluate(&one_target(45.0, "2021-12-31"), "2024").targets[0];
    assert_eq!(t.state, TrackState::Behind);
    let t = &evaluate(&one_target(100.0, "2021-12-31"), "2024").targets[0];
    assert_eq!(t.state, TrackState::Achieved);
    // A value reported for a day after the day asked about is not known yet.
    let t = &evaluate(&one_target(55.0, "2023-06-30"), "2022").targets[0];
    assert_eq!((t.state, t.actual.as_ref()), (TrackState::NotReported, None));
}

/// An indicator with a baseline of 50 at the start of 2020 and a target of
/// 10 at the end of 2023, lower being better, with yearly actuals.
const DESCENDING: &str = r#"
id = "mine"
kind = "other"
title = "Mine"

[[outcomes]]
code = "1"
title = "One"

[[outcomes.indicators]]
label = "children in hazardous work"
direction = "descending"
baseline = 50
baseline_date = "2020-01-01"
target = 10
period = "2020/2023"

[[outcomes.indicators.periods]]
period = "2020/2020"
actual = 40

[[outcomes.indicators.periods]]
period = "2021/2021"
actual = 35
"#;

#[test]
fn descending_indicators_are_on_track_below_the_path() {
    let mut set = FrameworkSet::new();
    set.insert(Framework::from_toml_str(DESCENDING, "mine.toml").unwrap())
        .unwrap();
    // End of 2020: the path expects 50 - 40 × 365/1460 = 40; 40 is on it.
    let i = &evaluate(&set, "2020Q4").indicators[0];
    assert_eq!(
        (i.actual.clone(), i.state),
        (Some(Value::Number(40.0)), TrackState::OnTrack)
    );
    assert_eq!(i.achieved, Some(0.25));
    // End of 2021: the path expects 30; 35 is behind. The latest period is read.
    let i = &evaluate(&set, "2021Q4").indicators[0];
    assert_eq!(
        (i.actual.clone(), i.state),
        (Some(Value::Number(35.0)), TrackState::Behind)
    );
    // Mid-2021 the 2021 period has started: its actual is read, at the day asked about.
    let i = &evaluate(&set, "2021-06-30").indicators[0];
    assert_eq!(i.actual_date.map(|d| d.to_string()).as_deref(), Some("2021-06-30"));
}

#[test]
fn a_reports_actual_replaces_the_frameworks_for_its_period() {
    let mut set = FrameworkSet::new();
    set.insert(Framework::from_toml_str(DESCENDING, "mine.toml").unwrap())
        .unwrap();
    let report = r#"
id = "r"
kind = "progress-report"
title = "R"
date = "2022-02-01"

[[indicators]]
element = "mine:1"
indicator = 1
period = "2021/2021"
value = 28
"#;
    set.insert_report(ProgressReport::from_toml_str(report, "r.toml").unwrap())
        .unwrap();
    let i = &evaluate(&set, "2022Q1").indicators[0];
    assert_eq!(
        (i.actual.clone(), i.state),
        (Some(Value::Number(28.0)), TrackState::OnTrack)
    );
    // Before the report's date, the framework's own figure stands.
    let i = &evaluate(&set, "2022-01-15").indicators[0];
    assert_eq!(i.actual, Some(Value::Number(35.0)));
}

fn youth() -> FrameworkSet {
    let mut set = FrameworkSet::new();
    set.insert(Framework::from_toml_str(YOUTH, "youth.toml").unwrap())
        .unwrap();
    set
}

fn group<'p>(progress: &'p Progress, element: &str, unit: &str) -> &'p RollUpGroup {
    progress
        .rollup(&element.parse().unwrap())
        .unwrap_or_else(|| panic!("a roll-up at {element}"))
        .groups
        .iter()
        .find(|g| g.unit.as_deref() == Some(unit))
        .unwrap_or_else(|| panic!("a group of {unit} at {element}"))
}

#[test]
fn the_youth_example_rolls_up_without_double_counting() {
    let progress = evaluate(&youth(), "2024Q4");
    // Output 3.1 names KE, PE and VN; the partnership KE and SN: four member States, KE once.
    let states = group(&progress, "youth-jobs:3", "member States");
    assert_eq!(states.value, Some(4.0));
    assert_eq!(states.contributions.len(), 2);
    // The partnership serves 3.1 wholly and 3.2 with a quarter share: its
    // 1,850 apprentices reach outcome 3 along two paths and count once.
    let people = group(&progress, "youth-jobs:3", "people");
    assert_eq!(people.value, Some(1850.0));
    assert_eq!(people.contributions[0].paths, 2);
    assert_eq!(group(&progress, "youth-jobs:3.2", "people").value, Some(462.5));
    // The qualitative indicator is reported, never summed.
    let at_3_1 = progress.rollup(&"youth-jobs:3.1".parse().unwrap()).unwrap();
    let qualitative: Vec<&RollUpGroup> = at_3_1
        .groups
        .iter()
        .filter(|g| g.measure == Measure::Qualitative)
        .collect();
    assert_eq!(qualitative.len(), 1);
    assert_eq!(qualitative[0].value, None);
    // Indicators' states: 3 of 12 States by the end of 2024 is behind the path.
    let first = &progress.indicators[0];
    assert_eq!(first.element.to_string(), "youth-jobs:3.1");
    assert_eq!(
        (first.actual.clone(), first.state),
        (Some(Value::Number(3.0)), TrackState::Behind)
    );
}

#[test]
fn as_of_reads_quarters_and_dates_and_refuses_the_rest() {
    assert_eq!("2019Q4".parse::<AsOf>().unwrap().to_string(), "2019-12-31");
    assert_eq!("2019-02".parse::<AsOf>().unwrap().to_string(), "2019-02-28");
    assert_eq!("2020".parse::<AsOf>().unwrap().quarter().to_string(), "2020Q4");
    let e = "end of 2019".parse::<AsOf>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid date or quarter \"end of 2019\": write a quarter (2019Q4) or a date (2019-12-31)"
    );
}

// ---------------------------------------------------------------------------
// Roll-ups against a naive reference

/// A generated programme: its links (to an output `(outcome, output)` or an
/// outcome `(outcome, 0)`, with an optional share in hundredths), its
/// actual, and the countries it names.
#[derive(Debug, Clone)]
struct Gen {
    links: Vec<((u8, u8), Option<u8>)>,
    actual: u32,
    countries: BTreeSet<u8>,
}

fn programme() -> impl Strategy<Value = Gen> {
    (
        proptest::collection::vec(((1u8..=3, 0u8..=3), proptest::option::of(1u8..=100)), 1..5),
        1u32..1000,
        proptest::collection::btree_set(0u8..8, 1..4),
    )
        .prop_map(|(links, actual, countries)| Gen {
            links,
            actual,
            countries,
        })
}

/// Three outcomes of three outputs each, and the programmes, as TOML.
fn framework_text(programmes: &[Gen], rule: &str) -> String {
    let mut text = String::from("id = \"gen\"\nkind = \"programme-and-budget\"\ntitle = \"Generated\"\n");
    for o in 1..=3 {
        text.push_str(&format!("\n[[outcomes]]\ncode = \"{o}\"\ntitle = \"O{o}\"\n"));
        for u in 1..=3 {
            text.push_str(&format!(
                "\n[[outcomes.outputs]]\ncode = \"{o}.{u}\"\ntitle = \"U{o}.{u}\"\n"
            ));
        }
    }
    for (i, p) in programmes.iter().enumerate() {
        let links: Vec<String> = p
            .links
            .iter()
            .map(|((o, u), share)| {
                let to = if *u == 0 {
                    format!("gen:{o}")
                } else {
                    format!("gen:{o}.{u}")
                };
                match share {
                    Some(s) => format!("{{ to = \"{to}\", share = {} }}", f64::from(*s) / 100.0),
                    None => format!("\"{to}\""),
                }
            })
            .collect();
        text.push_str(&format!(
            "\n[[programmes]]\nid = \"P{i}\"\nkind = \"project\"\nname = \"P{i}\"\ncontributes_to = [{}]\n",
            links.join(", ")
        ));
        text.push_str(&format!(
            "\n[[programmes.indicators]]\nlabel = \"people\"\nunit = \"people\"\naggregate = {rule}\n\n[[programmes.indicators.periods]]\nperiod = \"2024/2024\"\n"
        ));
        if rule == "\"sum\"" {
            text.push_str(&format!("actual = {}\n", p.actual));
        } else {
            let points: Vec<String> = p
                .countries
                .iter()
                .map(|c| format!("{{ value = 1, dimensions = {{ country = \"C{c}\" }} }}"))
                .collect();
            text.push_str(&format!("actual = [{}]\n", points.join(", ")));
        }
    }
    text
}

/// What each programme brings to each outcome and output, computed from the
/// generated links alone: the paths are the direct links and, for a link
/// to an output, the output's outcome; each programme once per element,
/// with the sum of its paths' shares, at most 1.
fn naive_fractions(programmes: &[Gen]) -> BTreeMap<String, Vec<(usize, f64)>> {
    let mut at: BTreeMap<String, Vec<(usize, f64)>> = BTreeMap::new();
    for (i, p) in programmes.iter().enumerate() {
        let mut reached: BTreeMap<String, f64> = BTreeMap::new();
        for ((o, u), share) in &p.links {
            let share = share.map_or(1.0, |s| f64::from(s) / 100.0);
            if *u == 0 {
                *reached.entry(format!("gen:{o}")).or_default() += share;
            } else {
                *reached.entry(format!("gen:{o}.{u}")).or_default() += share;
                *reached.entry(format!("gen:{o}")).or_default() += share;
            }
        }
        for (element, fraction) in reached {
            at.entry(element).or_default().push((i, fraction.min(1.0)));
        }
    }
    at
}

fn rolled(set: &FrameworkSet) -> BTreeMap<String, Option<f64>> {
    let progress = evaluate(set, "2024Q4");
    progress
        .rollups
        .iter()
        .map(|r| {
            assert_eq!(r.groups.len(), 1, "one unit, one rule: one group");
            (r.element.to_string(), r.groups[0].value)
        })
        .collect()
}

fn set_of(text: &str) -> FrameworkSet {
    let mut set = FrameworkSet::new();
    set.insert(Framework::from_toml_str(text, "gen.toml").unwrap()).unwrap();
    set
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn sums_equal_a_naive_reference_counting_each_source_once(programmes in proptest::collection::vec(programme(), 1..12)) {
        let set = set_of(&framework_text(&programmes, "\"sum\""));
        let rolled = rolled(&set);
        let naive = naive_fractions(&programmes);
        prop_assert_eq!(rolled.keys().collect::<Vec<_>>(), naive.keys().collect::<Vec<_>>());
        for (element, sources) in &naive {
            let expected: f64 = sources.iter().map(|(i, f)| f64::from(programmes[*i].actual) * f).sum();
            let got = rolled[element].unwrap();
            prop_assert!((got - expected).abs() < 1e-6, "{}: {} against {}", element, got, expected);
            // A diamond counts once: never more than each source's whole value.
            let ceiling: f64 = sources.iter().map(|(i, _)| f64::from(programmes[*i].actual)).sum();
            prop_assert!(got <= ceiling + 1e-6);
        }
    }

    #[test]
    fn distinct_counts_count_each_country_once_and_never_exceed_the_sum(programmes in proptest::collection::vec(programme(), 1..12)) {
        let set = set_of(&framework_text(&programmes, "{ distinct-count = \"country\" }"));
        let progress = evaluate(&set, "2024Q4");
        let naive = naive_fractions(&programmes);
        for rollup in &progress.rollups {
            let group = &rollup.groups[0];
            let sources = &naive[&rollup.element.to_string()];
            let expected: BTreeSet<u8> = sources.iter().flat_map(|(i, _)| programmes[*i].countries.iter().copied()).collect();
            prop_assert_eq!(group.value, Some(expected.len() as f64));
            let sum: f64 = group.contributions.iter().filter_map(|c| c.value).sum();
            prop_assert!(group.value.unwrap() <= sum);
        }
    }
}

// ---------------------------------------------------------------------------
// The same evaluation on several threads
// ---------------------------------------------------------------------------

/// A generated set with results and its report.
fn generated(seed: u64, nodes: usize) -> FrameworkSet {
    use ilo_frameworks::synthetic::{SyntheticConfig, generate_report, generate_with_results};
    let config = SyntheticConfig::with_nodes(seed, nodes);
    let mut set = generate_with_results(&config);
    let report = generate_report(&set, &config);
    set.insert_report(report).unwrap();
    set
}

#[test]
fn evaluating_on_several_threads_gives_the_same_progress() {
    let as_of: AsOf = synthetic::REPORT_DATE.to_string().parse().unwrap();
    for (seed, nodes) in [(1, 3_000), (7, 12_000)] {
        let set = generated(seed, nodes);
        let graph = graph_of(&set);
        let one = progress::evaluate(&set, &graph, as_of);
        // The runs share outputs and counted values, which the join must merge.
        let distinct = one
            .rollups
            .iter()
            .flat_map(|r| &r.groups)
            .filter(|g| matches!(g.rule, Aggregation::DistinctCount(_)) && g.contributions.len() > 1)
            .count();
        assert!(distinct > 0, "the set has distinct counts over several indicators");
        for threads in [0, 2, 3, 7, 10_000, usize::MAX] {
            let many = progress::evaluate_parallel(&set, &graph, as_of, threads);
            assert!(many == one, "{threads} threads on {nodes} elements give another result");
        }
    }
    // The youth example: one framework, so one run whatever is asked.
    let set = youth();
    let graph = graph_of(&set);
    let as_of: AsOf = "2024Q4".parse().unwrap();
    assert_eq!(
        progress::evaluate_parallel(&set, &graph, as_of, 4),
        progress::evaluate(&set, &graph, as_of)
    );
}
