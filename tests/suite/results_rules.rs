//! The results rules one by one, with a progress report: a small valid
//! framework and a report observing it trigger no rule at all, and the same
//! texts with one fault trigger exactly the rule for it, with its default
//! severity, its message and its place in the framework file or the report
//! file. Reversed periods of indicators and reports, reported under
//! `time/reversed-period`, are here too.

use std::collections::BTreeSet;

use super::rules::assert_at;
use ilo_frameworks::FrameworkSet;
use ilo_frameworks::format::SourceMap;
use ilo_frameworks::validate::{self, Config, Diagnostic, Family, Report, Rule};

/// The name the framework is loaded under.
const FILE: &str = "demo.toml";
/// The name the progress report is loaded under.
const REPORT_FILE: &str = "report.toml";

/// A small plan of action that breaks no rule: outcomes with outputs and
/// indicators (a descending percentage, a qualitative one), a programme
/// with two targets (one with a quantity, one without) and two indicators
/// (one with yearly periods of targets and actuals, one a percentage), and
/// two scheduled deliverables. Every element says where it was read, every
/// output is served, and the programme reaches each outcome along one path
/// only. Each test below injects one fault into this text or the report's.
const BASELINE: &str = r#"id = "demo"
kind = "plan-of-action"
title = "Demonstration plan of action"
date = "2024-01-15"
period = "2024/2025"
source = { document = "DEMO/1" }

[[outcomes]]
code = "1"
title = "Decent jobs for young people"
source = { line = 10 }

[[outcomes.indicators]]
label = "youth unemployment rate"
measure = "percentage"
direction = "descending"
baseline = 20
baseline_date = "2023"
target = 15
period = "2024/2025"

[[outcomes.outputs]]
code = "1.1"
title = "National youth employment policies"
source = { line = 12 }

[[outcomes.outputs.indicators]]
label = "national youth employment policy"
measure = "qualitative"
baseline = "none"
target = "adopted"
period = "2024-01-01/2025-12-31"

[[outcomes.outputs]]
code = "1.2"
title = "Quality apprenticeships"
source = { line = 14 }

[[outcomes]]
code = "2"
title = "Safe and healthy workplaces"
source = { line = 20 }

[[outcomes.outputs]]
code = "2.1"
title = "Occupational safety and health systems"
source = { line = 22 }

[[programmes]]
id = "YEP"
kind = "project"
name = "Youth Employment Partnership"
period = "2024/2025"
contributes_to = ["demo:1.1", "demo:2.1"]
source = { line = 40 }

[[programmes.targets]]
label = "young people trained"
quantity = 5000.0
due = "2025"

[[programmes.targets]]
label = "apprenticeship guide published"
due = "2025"

[[programmes.indicators]]
label = "young people completing training"
unit = "people"
baseline = 0
period = "2024-01-01/2025-12-31"

[[programmes.indicators.periods]]
period = "2024/2024"
target = 2000
actual = 1800

[[programmes.indicators.periods]]
period = "2025/2025"
target = 5000

[[programmes.indicators]]
label = "share of trainees who are women"
measure = "percentage"
baseline = 40
target = 50
period = "2024/2025"

[[deliverables]]
code = "5.1"
area = "Knowledge"
title = "Youth labour market review"
timeframe = ["2024Q1..2024Q2"]
contributes_to = ["demo:1.2"]
source = { line = 50 }

[[deliverables]]
code = "5.2"
area = "Knowledge"
title = "Validation workshop"
timeframe = ["2024Q3"]
contributes_to = ["demo:2.1"]
source = { line = 52 }
"#;

/// A progress report on the baseline that breaks no rule: a deliverable
/// done in its last scheduled quarter, one in progress, the values of both
/// programme targets (a number for the one with a quantity, a text for the
/// other) and actuals of an outcome's, an output's and the programme's
/// indicators within their periods. The actuals are inline tables, the
/// other observations arrays of tables, so that both kinds of place are
/// checked.
const BASELINE_REPORT: &str = r#"id = "demo-progress"
kind = "progress-report"
title = "Progress on the demonstration plan"
date = "2024-12-31"
covers = "2024/2024"
source = { document = "DEMO/2" }
indicators = [
  { element = "demo:1", indicator = 1, period = "2024/2024", value = 18 },
  { element = "demo:1.1", indicator = 1, period = "2024/2024", value = "drafted" },
  { element = "demo:YEP", indicator = 2, period = "2024-01-01/2024-06-30", value = 45 },
]

[[deliverables]]
element = "demo:5.1"
status = "done"
completed = "2024Q2"

[[deliverables]]
element = "demo:5.2"
status = "in-progress"

[[targets]]
element = "demo:YEP"
target = 1
value = 1800
as_of = "2024-12"

[[targets]]
element = "demo:YEP"
target = 2
value = "drafted"
"#;

// ---------------------------------------------------------------------------
// Helpers

/// The framework in `framework` and the report in `report`, loaded through
/// one source map and validated with the default configuration.
fn report_for(framework: &str, report: &str) -> Report {
    let mut sources = SourceMap::new();
    let mut set = FrameworkSet::new();
    let loaded = sources
        .add_toml(framework, FILE)
        .unwrap_or_else(|e| panic!("the framework loads: {e}"));
    set.insert(loaded).expect("one framework");
    let loaded = sources
        .add_report_toml(report, REPORT_FILE)
        .unwrap_or_else(|e| panic!("the report loads: {e}"));
    set.insert_report(loaded).expect("one report");
    validate::validate_with_sources(&set, &sources, &Config::default()).expect("validation runs")
}

/// The framework in `framework` alone, validated.
fn framework_report(framework: &str) -> Report {
    let mut sources = SourceMap::new();
    let mut set = FrameworkSet::new();
    let loaded = sources
        .add_toml(framework, FILE)
        .unwrap_or_else(|e| panic!("the framework loads: {e}"));
    set.insert(loaded).expect("one framework");
    validate::validate_with_sources(&set, &sources, &Config::default()).expect("validation runs")
}

/// Every finding, as text, for messages of failed assertions.
fn all(report: &Report) -> Vec<String> {
    report.iter().map(ToString::to_string).collect()
}

/// The codes of a report's findings.
fn codes(report: &Report) -> BTreeSet<String> {
    report.iter().map(Diagnostic::code).collect()
}

/// `text` with `from`, which must occur exactly once, replaced by `to`.
fn with_fault(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?} occurs once in the text");
    text.replacen(from, to, 1)
}

/// The baseline framework with one fault.
fn fault(from: &str, to: &str) -> String {
    with_fault(BASELINE, from, to)
}

/// The baseline report with one fault.
fn report_fault(from: &str, to: &str) -> String {
    with_fault(BASELINE_REPORT, from, to)
}

/// The one finding of the report, which must be of `rule`, at its default
/// severity.
fn only(report: &Report, rule: Rule) -> &Diagnostic {
    assert_eq!(report.len(), 1, "one finding expected: {:#?}", all(report));
    let d = report.iter().next().expect("one finding");
    assert_eq!(d.rule, rule, "{:#?}", all(report));
    assert_eq!(d.severity, rule.default_severity());
    d
}

/// Where a finding is expected: in the framework file or in the report.
#[derive(Debug, Clone, Copy)]
enum In {
    Framework,
    Report,
}

/// Validates `framework` with `report`: exactly one finding, of `rule`,
/// with this message, at `needle` in the file `place` names; returns it
/// for further checks.
fn check(framework: &str, report: &str, rule: Rule, message: &str, place: In, needle: &str) -> Diagnostic {
    let found = report_for(framework, report);
    let d = only(&found, rule).clone();
    assert_eq!(d.message, message);
    match place {
        In::Framework => assert_at(&d, FILE, framework, needle),
        In::Report => assert_at(&d, REPORT_FILE, report, needle),
    }
    d
}

/// A fault in the framework, found in the framework file.
fn check_framework(framework: &str, rule: Rule, message: &str, needle: &str) -> Diagnostic {
    check(framework, BASELINE_REPORT, rule, message, In::Framework, needle)
}

/// A fault in the report, found in the report file.
fn check_report(report: &str, rule: Rule, message: &str, needle: &str) -> Diagnostic {
    check(BASELINE, report, rule, message, In::Report, needle)
}

/// Asserts that the framework and report give no finding at all.
fn assert_clean(framework: &str, report: &str) {
    let found = report_for(framework, report);
    assert!(found.is_empty(), "{:#?}", all(&found));
}

/// The baseline and its report have no finding of `rule`, together, the
/// framework alone, and the framework linted (the negative test; they
/// have no finding at all, see `baseline_and_report_are_valid`).
fn assert_baseline_clean_of(rule: Rule) {
    assert_eq!(report_for(BASELINE, BASELINE_REPORT).of_rule(rule).count(), 0, "{rule}");
    assert_eq!(framework_report(BASELINE).of_rule(rule).count(), 0, "{rule}");
    let (lint, _) = validate::lint_toml(BASELINE, FILE, &Config::default());
    assert_eq!(lint.of_rule(rule).count(), 0, "{rule}");
}

// ---------------------------------------------------------------------------
// The baseline

#[test]
fn baseline_and_report_are_valid() {
    assert_clean(BASELINE, BASELINE_REPORT);
    let alone = framework_report(BASELINE);
    assert!(alone.is_empty(), "{:#?}", all(&alone));
    let (lint, framework) = validate::lint_toml(BASELINE, FILE, &Config::default());
    assert!(lint.is_empty(), "{:#?}", all(&lint));
    assert!(framework.is_some());
}

#[test]
fn baseline_report_observes_every_list() {
    let mut sources = SourceMap::new();
    let report = sources
        .add_report_toml(BASELINE_REPORT, REPORT_FILE)
        .expect("the report loads");
    assert_eq!(
        (report.deliverables.len(), report.targets.len(), report.indicators.len()),
        (2, 2, 3)
    );
    assert!(report.covers.is_some());
}

/// The results family is the ten rules these tests cover, in this order.
#[test]
fn the_results_family_is_covered_here() {
    let results: Vec<Rule> = Rule::ALL
        .iter()
        .copied()
        .filter(|r| r.family() == Family::Results)
        .collect();
    assert_eq!(
        results,
        [
            Rule::ActualOutsidePeriod,
            Rule::ValueKindMismatch,
            Rule::PercentageOutOfRange,
            Rule::TargetWrongSide,
            Rule::UnknownObservedElement,
            Rule::ReportBeforeFramework,
            Rule::DoneWithoutCompletion,
            Rule::CompletedAfterSchedule,
            Rule::CompletedAfterReport,
            Rule::DoubleCount,
        ]
    );
}

// ---------------------------------------------------------------------------
// results/actual-outside-period

/// The programme's first indicator's first reporting period.
const YEP_2024: &str = "period = \"2024/2024\"\ntarget = 2000";

#[test]
fn actual_outside_period_in_the_framework() {
    let text = fault(YEP_2024, "period = \"2023/2023\"\ntarget = 2000");
    let d = check_framework(
        &text,
        Rule::ActualOutsidePeriod,
        "the actual for 2023-01-01/2023-12-31 of indicator 1 (\"young people completing training\") of demo:YEP lies outside the indicator's period 2024-01-01/2025-12-31",
        "[[programmes.indicators]]\nlabel = \"young people completing",
    );
    assert_eq!(
        d.help,
        "correct the period of the actual, or widen the indicator's period"
    );
    // A period that only overlaps the indicator's is outside it too.
    let text = fault(YEP_2024, "period = \"2025-07-01/2026-06-30\"\ntarget = 2000");
    check_framework(
        &text,
        Rule::ActualOutsidePeriod,
        "the actual for 2025-07-01/2026-06-30 of indicator 1 (\"young people completing training\") of demo:YEP lies outside the indicator's period 2024-01-01/2025-12-31",
        "[[programmes.indicators]]\nlabel = \"young people completing",
    );
}

#[test]
fn actual_outside_period_in_a_report() {
    let text = report_fault(
        "{ element = \"demo:1\", indicator = 1, period = \"2024/2024\"",
        "{ element = \"demo:1\", indicator = 1, period = \"2026/2026\"",
    );
    let d = check_report(
        &text,
        Rule::ActualOutsidePeriod,
        "the actual for 2026-01-01/2026-12-31 of indicator 1 (\"youth unemployment rate\") of demo:1 lies outside the indicator's period 2024-01-01/2025-12-31",
        "{ element = \"demo:1\",",
    );
    assert_eq!(
        d.help,
        "correct the period of the actual, or widen the indicator's period"
    );
    // An indicator with no period of its own spans its reporting periods.
    let framework = fault("baseline = 0\nperiod = \"2024-01-01/2025-12-31\"\n", "baseline = 0\n");
    let report = report_fault(
        "{ element = \"demo:YEP\", indicator = 2, period = \"2024-01-01/2024-06-30\", value = 45 },",
        "{ element = \"demo:YEP\", indicator = 2, period = \"2024-01-01/2024-06-30\", value = 45 },\n  { element = \"demo:YEP\", indicator = 1, period = \"2023-07-01/2024-06-30\", value = 900 },",
    );
    check(
        &framework,
        &report,
        Rule::ActualOutsidePeriod,
        "the actual for 2023-07-01/2024-06-30 of indicator 1 (\"young people completing training\") of demo:YEP lies outside the indicator's period 2024-01-01/2025-12-31",
        In::Report,
        "{ element = \"demo:YEP\", indicator = 1,",
    );
}

#[test]
fn actual_outside_period_negative() {
    assert_baseline_clean_of(Rule::ActualOutsidePeriod);
    // A reporting period that is the indicator's whole period.
    assert_clean(
        &fault(YEP_2024, "period = \"2024/2025\"\ntarget = 2000"),
        BASELINE_REPORT,
    );
    // A period outside the indicator's with a target but no actual.
    assert_clean(
        &fault(
            "period = \"2025/2025\"\ntarget = 5000",
            "period = \"2026/2026\"\ntarget = 5000",
        ),
        BASELINE_REPORT,
    );
    // A report's actual for the indicator's whole period, and for one day
    // at its very end.
    assert_clean(
        BASELINE,
        &report_fault(
            "indicator = 1, period = \"2024/2024\", value = 18",
            "indicator = 1, period = \"2024/2025\", value = 18",
        ),
    );
    assert_clean(
        BASELINE,
        &report_fault(
            "indicator = 1, period = \"2024/2024\", value = 18",
            "indicator = 1, period = \"2025-12-31/2025-12-31\", value = 18",
        ),
    );
    // An indicator with no period and no reporting periods has no span to
    // be outside of.
    let framework = fault(
        "target = \"adopted\"\nperiod = \"2024-01-01/2025-12-31\"\n",
        "target = \"adopted\"\n",
    );
    assert_clean(
        &framework,
        &report_fault(
            "period = \"2024/2024\", value = \"drafted\"",
            "period = \"2030/2030\", value = \"drafted\"",
        ),
    );
}

// ---------------------------------------------------------------------------
// results/value-kind-mismatch

#[test]
fn value_kind_mismatch_number_on_a_qualitative_indicator() {
    let text = fault("baseline = \"none\"", "baseline = 0");
    let d = check_framework(
        &text,
        Rule::ValueKindMismatch,
        "the baseline 0 of indicator 1 (\"national youth employment policy\") of demo:1.1 does not fit a qualitative measure, whose values are texts",
        "[[outcomes.outputs.indicators]]",
    );
    assert_eq!(
        d.help,
        "describe the state in words, or give the indicator a quantitative measure"
    );
}

#[test]
fn value_kind_mismatch_text_on_a_quantitative_indicator() {
    let text = fault("actual = 1800", "actual = \"about 1800\"");
    let d = check_framework(
        &text,
        Rule::ValueKindMismatch,
        "the actual \"about 1800\" of indicator 1 (\"young people completing training\") of demo:YEP does not fit a unit measure, whose values are numbers",
        "[[programmes.indicators]]\nlabel = \"young people completing",
    );
    assert_eq!(d.help, "write the number, or make the indicator's measure qualitative");
    // A value of a breakdown counts too.
    let text = fault(
        "actual = 1800",
        "actual = [{ value = 1000, dimensions = { sex = \"female\" } }, { value = \"n/a\", dimensions = { sex = \"male\" } }]",
    );
    check_framework(
        &text,
        Rule::ValueKindMismatch,
        "the actual \"n/a\" of indicator 1 (\"young people completing training\") of demo:YEP does not fit a unit measure, whose values are numbers",
        "[[programmes.indicators]]\nlabel = \"young people completing",
    );
    // The short-form target of a percentage.
    let text = fault("baseline = 40\ntarget = 50", "baseline = 40\ntarget = \"half\"");
    check_framework(
        &text,
        Rule::ValueKindMismatch,
        "the target \"half\" of indicator 2 (\"share of trainees who are women\") of demo:YEP does not fit a percentage measure, whose values are numbers",
        "[[programmes.indicators]]\nlabel = \"share",
    );
}

#[test]
fn value_kind_mismatch_in_a_report() {
    // A text actual for a quantitative indicator.
    let text = report_fault(
        "period = \"2024/2024\", value = 18",
        "period = \"2024/2024\", value = \"eighteen\"",
    );
    check_report(
        &text,
        Rule::ValueKindMismatch,
        "the actual \"eighteen\" of indicator 1 (\"youth unemployment rate\") of demo:1 does not fit a percentage measure, whose values are numbers",
        "{ element = \"demo:1\",",
    );
    // A number for a qualitative indicator.
    let text = report_fault("value = \"drafted\" }", "value = 1 }");
    check_report(
        &text,
        Rule::ValueKindMismatch,
        "the actual 1 of indicator 1 (\"national youth employment policy\") of demo:1.1 does not fit a qualitative measure, whose values are texts",
        "{ element = \"demo:1.1\",",
    );
    // A text for a programme target that has a quantity.
    let text = report_fault("value = 1800", "value = \"most of them\"");
    check_report(
        &text,
        Rule::ValueKindMismatch,
        "the value \"most of them\" of target 1 (\"young people trained\") of demo:YEP does not fit its quantity, which is a number",
        "[[targets]]\nelement = \"demo:YEP\"\ntarget = 1",
    );
}

#[test]
fn value_kind_mismatch_negative() {
    assert_baseline_clean_of(Rule::ValueKindMismatch);
    // A target without a quantity takes a number as well as a text.
    assert_clean(BASELINE, &report_fault("value = \"drafted\"\n", "value = 1\n"));
    // Every quantitative measure takes numbers; a whole number written
    // with a fraction too.
    for measure in ["unit", "nominal", "ordinal"] {
        let text = fault(
            "measure = \"percentage\"\nbaseline = 40",
            &format!("measure = \"{measure}\"\nbaseline = 40.0"),
        );
        assert_clean(&text, BASELINE_REPORT);
    }
}

// ---------------------------------------------------------------------------
// results/percentage-out-of-range

#[test]
fn percentage_out_of_range_in_the_framework() {
    let text = fault("baseline = 40\ntarget = 50", "baseline = 40\ntarget = 150");
    let d = check_framework(
        &text,
        Rule::PercentageOutOfRange,
        "the target 150 of indicator 2 (\"share of trainees who are women\") of demo:YEP is a percentage outside 0 to 100",
        "[[programmes.indicators]]\nlabel = \"share",
    );
    assert_eq!(d.help, "write percentages from 0 to 100 (50 for half, not 0.5 or 5000)");
    // Just above 100.
    let text = fault("baseline = 40\ntarget = 50", "baseline = 40\ntarget = 100.5");
    check_framework(
        &text,
        Rule::PercentageOutOfRange,
        "the target 100.5 of indicator 2 (\"share of trainees who are women\") of demo:YEP is a percentage outside 0 to 100",
        "[[programmes.indicators]]\nlabel = \"share",
    );
    // Below 0, which is also a negative baseline.
    let text = fault("baseline = 40\ntarget = 50", "baseline = -5\ntarget = 50");
    let found = report_for(&text, BASELINE_REPORT);
    assert_eq!(
        codes(&found),
        BTreeSet::from([
            "numbers/negative-quantity".to_owned(),
            "results/percentage-out-of-range".to_owned()
        ]),
        "{:#?}",
        all(&found)
    );
    let d = found.of_rule(Rule::PercentageOutOfRange).next().expect("a finding");
    assert_eq!(
        d.message,
        "the baseline -5 of indicator 2 (\"share of trainees who are women\") of demo:YEP is a percentage outside 0 to 100"
    );
    assert_at(d, FILE, &text, "[[programmes.indicators]]\nlabel = \"share");
}

#[test]
fn percentage_out_of_range_in_a_report() {
    let text = report_fault("value = 45 }", "value = 145 }");
    check_report(
        &text,
        Rule::PercentageOutOfRange,
        "the actual 145 of indicator 2 (\"share of trainees who are women\") of demo:YEP is a percentage outside 0 to 100",
        "{ element = \"demo:YEP\",",
    );
}

#[test]
fn percentage_out_of_range_negative() {
    assert_baseline_clean_of(Rule::PercentageOutOfRange);
    // Exactly 0 and exactly 100.
    assert_clean(
        &fault("baseline = 40\ntarget = 50", "baseline = 0\ntarget = 100"),
        &report_fault("value = 45 }", "value = 100 }"),
    );
    assert_clean(BASELINE, &report_fault("value = 45 }", "value = 0 }"));
    // A unit measure has no upper bound.
    assert_clean(&fault("target = 5000\n", "target = 500000\n"), BASELINE_REPORT);
}

// ---------------------------------------------------------------------------
// results/target-wrong-side

#[test]
fn target_wrong_side_descending() {
    let text = fault(
        "baseline = 20\nbaseline_date = \"2023\"\ntarget = 15",
        "baseline = 20\nbaseline_date = \"2023\"\ntarget = 25",
    );
    let d = check_framework(
        &text,
        Rule::TargetWrongSide,
        "indicator 1 (\"youth unemployment rate\") of demo:1 is descending but its target 25 is above its baseline 20",
        "[[outcomes.indicators]]",
    );
    assert_eq!(
        d.help,
        "check the target and the baseline; if lower is better, write direction = \"ascending\""
    );
}

#[test]
fn target_wrong_side_ascending() {
    let text = fault("baseline = 40\ntarget = 50", "baseline = 40\ntarget = 30");
    let d = check_framework(
        &text,
        Rule::TargetWrongSide,
        "indicator 2 (\"share of trainees who are women\") of demo:YEP is ascending but its target 30 is below its baseline 40",
        "[[programmes.indicators]]\nlabel = \"share",
    );
    assert_eq!(
        d.help,
        "check the target and the baseline; if lower is better, write direction = \"descending\""
    );
    // A period's total target: only the 2024 one is below the baseline.
    let text = fault("unit = \"people\"\nbaseline = 0", "unit = \"people\"\nbaseline = 3000");
    check_framework(
        &text,
        Rule::TargetWrongSide,
        "indicator 1 (\"young people completing training\") of demo:YEP is ascending but its target 2000 is below its baseline 3000",
        "[[programmes.indicators]]\nlabel = \"young people completing",
    );
}

#[test]
fn target_wrong_side_negative() {
    assert_baseline_clean_of(Rule::TargetWrongSide);
    // A target equal to the baseline, either way.
    assert_clean(
        &fault("baseline = 40\ntarget = 50", "baseline = 40\ntarget = 40"),
        BASELINE_REPORT,
    );
    assert_clean(
        &fault(
            "baseline = 20\nbaseline_date = \"2023\"\ntarget = 15",
            "baseline = 20\nbaseline_date = \"2023\"\ntarget = 20",
        ),
        BASELINE_REPORT,
    );
    // A period target equal to the baseline; actuals below it are no target.
    assert_clean(
        &fault("unit = \"people\"\nbaseline = 0", "unit = \"people\"\nbaseline = 2000"),
        BASELINE_REPORT,
    );
    // A target broken down by dimensions only is not a total.
    assert_clean(
        &fault(
            "target = 2000\n",
            "target = [{ value = 0, dimensions = { sex = \"female\" } }]\n",
        ),
        BASELINE_REPORT,
    );
}

// ---------------------------------------------------------------------------
// results/unknown-observed-element

const HELP_UNKNOWN: &str = "name an element of a loaded framework, with its framework id: gsc-2017-21:2.1";

#[test]
fn unknown_observed_element_missing() {
    let text = report_fault("element = \"demo:5.2\"", "element = \"demo:5.3\"");
    let d = check_report(
        &text,
        Rule::UnknownObservedElement,
        "demo-progress reports on demo:5.3, which no loaded framework holds",
        "[[deliverables]]\nelement = \"demo:5.3\"",
    );
    assert_eq!(d.help, HELP_UNKNOWN);
    // An element of a framework that is not loaded.
    let text = report_fault("element = \"demo:5.2\"", "element = \"gsc-2017-21:2.1\"");
    check_report(
        &text,
        Rule::UnknownObservedElement,
        "demo-progress reports on gsc-2017-21:2.1, which no loaded framework holds",
        "[[deliverables]]\nelement = \"gsc-2017-21:2.1\"",
    );
    // Targets and indicators of missing elements.
    let text = report_fault(
        "[[targets]]\nelement = \"demo:YEP\"\ntarget = 2",
        "[[targets]]\nelement = \"demo:OLD\"\ntarget = 2",
    );
    check_report(
        &text,
        Rule::UnknownObservedElement,
        "demo-progress reports on demo:OLD, which no loaded framework holds",
        "[[targets]]\nelement = \"demo:OLD\"",
    );
    let text = report_fault("{ element = \"demo:1.1\",", "{ element = \"demo:9.1\",");
    check_report(
        &text,
        Rule::UnknownObservedElement,
        "demo-progress reports on demo:9.1, which no loaded framework holds",
        "{ element = \"demo:9.1\",",
    );
}

#[test]
fn unknown_observed_element_of_the_wrong_kind() {
    // A deliverable's status given for an output.
    let text = report_fault("element = \"demo:5.2\"", "element = \"demo:2.1\"");
    check_report(
        &text,
        Rule::UnknownObservedElement,
        "demo-progress reports on demo:2.1, which is an output, not a deliverable",
        "[[deliverables]]\nelement = \"demo:2.1\"",
    );
    // A programme target's value given for an outcome.
    let text = with_fault(
        BASELINE_REPORT,
        "[[targets]]\nelement = \"demo:YEP\"\ntarget = 2",
        "[[targets]]\nelement = \"demo:1\"\ntarget = 2",
    );
    check_report(
        &text,
        Rule::UnknownObservedElement,
        "demo-progress reports on demo:1, which is an outcome, not a programme",
        "[[targets]]\nelement = \"demo:1\"",
    );
    // An indicator's actual given for a deliverable.
    let text = report_fault("{ element = \"demo:1.1\",", "{ element = \"demo:5.1\",");
    check_report(
        &text,
        Rule::UnknownObservedElement,
        "demo-progress reports on demo:5.1, which is a deliverable, not an outcome, output or programme",
        "{ element = \"demo:5.1\",",
    );
    // A deliverable's status given for a programme.
    let text = report_fault("element = \"demo:5.2\"", "element = \"demo:YEP\"");
    check_report(
        &text,
        Rule::UnknownObservedElement,
        "demo-progress reports on demo:YEP, which is a programme, not a deliverable",
        "[[deliverables]]\nelement = \"demo:YEP\"\nstatus",
    );
}

/// A reference to a whole framework is an element of the wrong kind: the
/// framework is loaded, so the message must not say that no loaded
/// framework holds it.
#[test]
fn unknown_observed_element_a_framework() {
    let text = report_fault("element = \"demo:5.2\"", "element = \"demo\"");
    check_report(
        &text,
        Rule::UnknownObservedElement,
        "demo-progress reports on demo, which is a framework, not a deliverable",
        "[[deliverables]]\nelement = \"demo\"",
    );
}

#[test]
fn unknown_observed_element_target_number() {
    let second = "[[targets]]\nelement = \"demo:YEP\"\ntarget = 2";
    let text = report_fault(second, "[[targets]]\nelement = \"demo:YEP\"\ntarget = 3");
    check_report(
        &text,
        Rule::UnknownObservedElement,
        "demo-progress reports on demo:YEP, target 3, but it has 2 targets",
        "[[targets]]\nelement = \"demo:YEP\"\ntarget = 3",
    );
    let text = report_fault(second, "[[targets]]\nelement = \"demo:YEP\"\ntarget = 0");
    check_report(
        &text,
        Rule::UnknownObservedElement,
        "demo-progress reports on demo:YEP, target 0, but it has 2 targets",
        "[[targets]]\nelement = \"demo:YEP\"\ntarget = 0",
    );
    // The largest number there is.
    let text = report_fault(second, "[[targets]]\nelement = \"demo:YEP\"\ntarget = 4294967295");
    check_report(
        &text,
        Rule::UnknownObservedElement,
        "demo-progress reports on demo:YEP, target 4294967295, but it has 2 targets",
        "[[targets]]\nelement = \"demo:YEP\"\ntarget = 4294967295",
    );
}

#[test]
fn unknown_observed_element_indicator_number() {
    let yep = "{ element = \"demo:YEP\", indicator = 2,";
    let text = report_fault(yep, "{ element = \"demo:YEP\", indicator = 3,");
    check_report(
        &text,
        Rule::UnknownObservedElement,
        "demo-progress reports on demo:YEP, indicator 3, but it has 2 indicators",
        "{ element = \"demo:YEP\",",
    );
    let text = report_fault(yep, "{ element = \"demo:YEP\", indicator = 0,");
    check_report(
        &text,
        Rule::UnknownObservedElement,
        "demo-progress reports on demo:YEP, indicator 0, but it has 2 indicators",
        "{ element = \"demo:YEP\",",
    );
    // An element with no indicators at all.
    let text = report_fault("{ element = \"demo:1.1\",", "{ element = \"demo:2.1\",");
    check_report(
        &text,
        Rule::UnknownObservedElement,
        "demo-progress reports on demo:2.1, indicator 1, but it has 0 indicators",
        "{ element = \"demo:2.1\",",
    );
}

#[test]
fn unknown_observed_element_negative() {
    assert_baseline_clean_of(Rule::UnknownObservedElement);
    // The baseline observes the programme's last target and last
    // indicator; its first indicator is known as well.
    assert_clean(
        BASELINE,
        &report_fault(
            "{ element = \"demo:1\", indicator = 1, period = \"2024/2024\", value = 18 }",
            "{ element = \"demo:YEP\", indicator = 1, period = \"2024/2024\", value = 18 }",
        ),
    );
}

// ---------------------------------------------------------------------------
// results/report-before-framework

#[test]
fn report_before_framework() {
    let text = fault("date = \"2024-01-15\"", "date = \"2025-01-15\"");
    let d = check(
        &text,
        BASELINE_REPORT,
        Rule::ReportBeforeFramework,
        "demo-progress is dated 2024-12-31, before demo was issued (2025-01-15)",
        In::Report,
        "\"2024-12-31\"",
    );
    assert_eq!(
        d.help,
        "correct the report's date, or check which framework it reports on"
    );
    // A framework dated by its year only: the report precedes the year.
    let text = fault("date = \"2024-01-15\"", "date = \"2025\"");
    check(
        &text,
        BASELINE_REPORT,
        Rule::ReportBeforeFramework,
        "demo-progress is dated 2024-12-31, before demo was issued (2025)",
        In::Report,
        "\"2024-12-31\"",
    );
}

#[test]
fn report_before_framework_negative() {
    assert_baseline_clean_of(Rule::ReportBeforeFramework);
    // A report dated the same day as the framework; its completions
    // dropped, so that it reports nothing it could not have seen.
    let report = report_fault("date = \"2024-12-31\"", "date = \"2024-01-15\"")
        .replace("status = \"done\"\ncompleted = \"2024Q2\"", "status = \"in-progress\"");
    assert_clean(BASELINE, &report);
    assert_clean(
        &fault("date = \"2024-01-15\"", "date = \"2024-12-31\""),
        BASELINE_REPORT,
    );
    // A framework dated by its month, and the report within that month.
    assert_clean(&fault("date = \"2024-01-15\"", "date = \"2024-12\""), BASELINE_REPORT);
    // A framework with no date.
    assert_clean(&fault("date = \"2024-01-15\"\n", ""), BASELINE_REPORT);
}

// ---------------------------------------------------------------------------
// results/done-without-completion

#[test]
fn done_without_completion() {
    let text = report_fault("status = \"done\"\ncompleted = \"2024Q2\"\n", "status = \"done\"\n");
    let d = check_report(
        &text,
        Rule::DoneWithoutCompletion,
        "demo-progress reports demo:5.1 done but gives no completion quarter",
        "[[deliverables]]\nelement = \"demo:5.1\"",
    );
    assert_eq!(d.help, "add the quarter it was completed in: completed = \"2019Q2\"");
}

#[test]
fn done_without_completion_negative() {
    assert_baseline_clean_of(Rule::DoneWithoutCompletion);
    // Not started, in progress or dropped: no completion quarter needed.
    for status in ["not-started", "dropped"] {
        let text = report_fault("status = \"in-progress\"", &format!("status = \"{status}\""));
        assert_clean(BASELINE, &text);
    }
}

// ---------------------------------------------------------------------------
// results/completed-after-schedule

#[test]
fn completed_after_schedule() {
    let text = report_fault("completed = \"2024Q2\"", "completed = \"2024Q3\"");
    let d = check_report(
        &text,
        Rule::CompletedAfterSchedule,
        "demo:5.1 was completed in 2024Q3, after its last scheduled quarter 2024Q2",
        "[[deliverables]]\nelement = \"demo:5.1\"",
    );
    assert_eq!(
        d.help,
        "nothing to correct if it was late; otherwise check the completion quarter"
    );
}

#[test]
fn completed_after_schedule_negative() {
    assert_baseline_clean_of(Rule::CompletedAfterSchedule);
    // Completed exactly in the last scheduled quarter (the baseline), or early.
    assert_clean(
        BASELINE,
        &report_fault("completed = \"2024Q2\"", "completed = \"2024Q1\""),
    );
    assert_clean(
        BASELINE,
        &report_fault("completed = \"2024Q2\"", "completed = \"2023Q4\""),
    );
}

// ---------------------------------------------------------------------------
// results/completed-after-report

#[test]
fn completed_after_report() {
    // Completed in its last scheduled quarter, which began after the date.
    let text = report_fault("date = \"2024-12-31\"", "date = \"2024-03-31\"");
    let d = check_report(
        &text,
        Rule::CompletedAfterReport,
        "demo-progress, dated 2024-03-31, reports demo:5.1 completed in 2024Q2, which had not begun by then",
        "[[deliverables]]\nelement = \"demo:5.1\"",
    );
    assert_eq!(d.help, "correct the completion quarter or the report's date");
    // Late and after the report: both rules, at the same place.
    let text = report_fault("completed = \"2024Q2\"", "completed = \"2025Q1\"");
    let found = report_for(BASELINE, &text);
    assert_eq!(
        codes(&found),
        BTreeSet::from([
            "results/completed-after-report".to_owned(),
            "results/completed-after-schedule".to_owned()
        ]),
        "{:#?}",
        all(&found)
    );
    let d = found.of_rule(Rule::CompletedAfterReport).next().expect("a finding");
    assert_eq!(
        d.message,
        "demo-progress, dated 2024-12-31, reports demo:5.1 completed in 2025Q1, which had not begun by then"
    );
    assert_at(d, REPORT_FILE, &text, "[[deliverables]]\nelement = \"demo:5.1\"");
}

#[test]
fn completed_after_report_negative() {
    assert_baseline_clean_of(Rule::CompletedAfterReport);
    // A report dated the first day of the completion quarter, or within it
    // by month or year.
    for date in ["2024-04-01", "2024-04", "2024-06-30", "2024"] {
        let text = report_fault("date = \"2024-12-31\"", &format!("date = \"{date}\""));
        assert_clean(BASELINE, &text);
    }
}

// ---------------------------------------------------------------------------
// results/double-count

#[test]
fn double_count_two_outputs_of_one_outcome() {
    let text = fault(
        "contributes_to = [\"demo:1.1\", \"demo:2.1\"]",
        "contributes_to = [\"demo:1.1\", \"demo:1.2\", \"demo:2.1\"]",
    );
    let d = check_framework(
        &text,
        Rule::DoubleCount,
        "the indicator values of demo:YEP reach demo:1 along 2 paths whose shares add up to 2; roll-ups count them once",
        "[\"demo:1.1\", \"demo:1.2\", \"demo:2.1\"]",
    );
    assert_eq!(
        d.help,
        "link to the outputs alone, not also to their outcome; where it serves two outputs of one outcome, give the links shares"
    );
}

#[test]
fn double_count_an_output_and_its_outcome() {
    // Also a redundant link, reported by its own rule.
    let text = fault(
        "contributes_to = [\"demo:1.1\", \"demo:2.1\"]",
        "contributes_to = [\"demo:1.1\", \"demo:2.1\", \"demo:1\"]",
    );
    let found = report_for(&text, BASELINE_REPORT);
    assert_eq!(
        codes(&found),
        BTreeSet::from([
            "links/redundant-outcome-link".to_owned(),
            "results/double-count".to_owned()
        ]),
        "{:#?}",
        all(&found)
    );
    let d = found.of_rule(Rule::DoubleCount).next().expect("a finding");
    assert_eq!(
        d.message,
        "the indicator values of demo:YEP reach demo:1 along 2 paths whose shares add up to 2; roll-ups count them once"
    );
    assert_eq!(d.severity, Rule::DoubleCount.default_severity());
    assert_at(d, FILE, &text, "[\"demo:1.1\", \"demo:2.1\", \"demo:1\"]");
}

#[test]
fn double_count_negative() {
    assert_baseline_clean_of(Rule::DoubleCount);
    // A programme without indicators may serve two outputs of one outcome.
    let text = fault(
        "[[deliverables]]\ncode = \"5.1\"",
        "[[programmes]]\nid = \"APP\"\nkind = \"project\"\nname = \"Apprenticeship project\"\ncontributes_to = [\"demo:1.1\", \"demo:1.2\"]\nsource = { line = 45 }\n\n[[deliverables]]\ncode = \"5.1\"",
    );
    assert_clean(&text, BASELINE_REPORT);
    // Shares that divide the programme's effort between two outputs of one
    // outcome are no double count.
    let text = fault(
        "contributes_to = [\"demo:1.1\", \"demo:2.1\"]",
        "contributes_to = [{ to = \"demo:1.1\", share = 0.5 }, { to = \"demo:1.2\", share = 0.5 }, \"demo:2.1\"]",
    );
    let found = report_for(&text, BASELINE_REPORT);
    assert_eq!(found.of_rule(Rule::DoubleCount).count(), 0, "{:#?}", all(&found));
}

// ---------------------------------------------------------------------------
// time/reversed-period, on results

#[test]
fn reversed_period_of_a_report_actual() {
    let text = report_fault(
        "{ element = \"demo:1\", indicator = 1, period = \"2024/2024\"",
        "{ element = \"demo:1\", indicator = 1, period = \"2024-12-31/2024-01-01\"",
    );
    let d = check_report(
        &text,
        Rule::ReversedPeriod,
        "a period of demo-progress starts on 2024-12-31 but ends on 2024-01-01",
        "{ element = \"demo:1\",",
    );
    assert_eq!(d.help, "swap the dates: 2024-01-01/2024-12-31");
}

#[test]
fn reversed_period_a_report_covers() {
    let text = report_fault("covers = \"2024/2024\"", "covers = \"2025/2024\"");
    let d = check_report(
        &text,
        Rule::ReversedPeriod,
        "a period of demo-progress starts on 2025-01-01 but ends on 2024-12-31",
        "\"2025/2024\"",
    );
    assert_eq!(d.help, "write the years the other way round: 2024/2025");
}

#[test]
fn reversed_period_of_an_indicator() {
    // A reporting period.
    let text = fault(
        "period = \"2025/2025\"\ntarget = 5000",
        "period = \"2025-12-31/2025-01-01\"\ntarget = 5000",
    );
    let d = check_framework(
        &text,
        Rule::ReversedPeriod,
        "a period of demo:YEP starts on 2025-12-31 but ends on 2025-01-01",
        "[[programmes.indicators]]\nlabel = \"young people completing",
    );
    assert_eq!(d.help, "swap the dates: 2025-01-01/2025-12-31");
    // A reporting period with an actual: reversed, not outside the period.
    let text = fault(YEP_2024, "period = \"2024-12-31/2024-01-01\"\ntarget = 2000");
    check_framework(
        &text,
        Rule::ReversedPeriod,
        "a period of demo:YEP starts on 2024-12-31 but ends on 2024-01-01",
        "[[programmes.indicators]]\nlabel = \"young people completing",
    );
    // The indicator's own period, which a report's actual falls in: the
    // actual is not reported as outside it.
    let text = fault(
        "target = 15\nperiod = \"2024/2025\"",
        "target = 15\nperiod = \"2025/2024\"",
    );
    check_framework(
        &text,
        Rule::ReversedPeriod,
        "a period of demo:1 starts on 2025-01-01 but ends on 2024-12-31",
        "[[outcomes.indicators]]",
    );
}

#[test]
fn reversed_period_on_results_negative() {
    assert_baseline_clean_of(Rule::ReversedPeriod);
    // A period of one day is not reversed.
    assert_clean(
        BASELINE,
        &report_fault(
            "period = \"2024-01-01/2024-06-30\"",
            "period = \"2024-06-30/2024-06-30\"",
        ),
    );
    assert_clean(BASELINE, &report_fault("covers = \"2024/2024\"\n", ""));
}
