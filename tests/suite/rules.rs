//! The validation rules, one by one: a small valid framework triggers none
//! of them, and the same framework with one fault triggers exactly the rule
//! for it, with its message and its place in the file. Then the catalogue
//! (codes, docs/rules.md), configuration, the JSON report and the report on
//! the built-in data.

use std::collections::{BTreeMap, BTreeSet};

use ilo_frameworks::format::SourceMap;
use ilo_frameworks::validate::{self, Config, Diagnostic, Family, Level, Report, Rule, Severity};
use ilo_frameworks::{Error, FrameworkSet};

/// The name the baseline is loaded under; every span names it.
const FILE: &str = "demo.toml";

/// A small framework that breaks no rule: every element says where it was
/// read, every output is served by the programme or a deliverable, the
/// programme contributes to outputs, periods, quarters, shares, regions and
/// claims agree. Each test below injects one fault into this text.
const BASELINE: &str = r#"id = "demo"
kind = "programme-and-budget"
title = "Demonstration results framework"
period = "2024/2025"
biennium = "2024-25"
plan = { title = "Strategic Plan 2022–25", period = "2022/2025" }
source = { document = "DEMO/1" }

[[outcomes]]
code = "1"
title = "Decent jobs for young people"
sdg = ["8.6"]
standards = ["C122"]
source = { line = 10 }

[[outcomes.outputs]]
code = "1.1"
title = "National youth employment policies"
country_level = ["review youth employment policies"]
global_level = ["publish policy guidance"]
sdg = ["8.b.1"]
source = { line = 12 }

[[outcomes.outputs.indicators]]
label = "member States with a youth employment strategy"
baseline = 0.0
target = 10.0
period = "2024/2025"
sdg = ["8.b.1"]

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

[[outcomes]]
code = "A"
title = "Knowledge and partnerships"
source = { line = 30 }

[[outcomes.outputs]]
code = "A.1"
title = "Labour market statistics"
biennium_deliverables = ["youth module for labour force surveys"]
source = { line = 32 }

[[programmes]]
id = "YEP"
kind = "project"
name = "Youth Employment Partnership"
period = "2024/2025"
contributes_to = [{ to = "demo:1.1", share = 0.5 }, "demo:1.2", "demo:2.1"]
source = { line = 40 }

[programmes.coverage]
africa = 2
arab_states = 0
asia_pacific = 1
europe_central_asia = 0
americas = 1
total = 4

[[programmes.targets]]
label = "young people trained"
quantity = 5000.0
due = "2025"

[[programmes.funding]]
donor = "Example Foundation"
amount = 1200000.0
currency = "USD"
period = "2024/2025"

[[deliverables]]
code = "5.1"
area = "Knowledge"
title = "Youth labour market review"
timeframe = ["2024Q1..2024Q2"]
contributes_to = ["demo:A.1"]
source = { line = 50 }

[[deliverables]]
code = "5.2"
area = "Knowledge"
title = "Validation workshop"
timeframe = ["2024Q3"]
contributes_to = ["demo:1.1"]
source = { line = 52 }

[[links]]
from = "demo:YEP"
kind = "contributes_to"
to = "sdg:8.6"
source = { line = 41 }

[[claims]]
subject = "demo:1"
property = "count.outputs"
value = 2
source = { line = 10 }

[[claims]]
subject = "demo:1"
property = "count.outputs"
value = 2
source = { line = 16 }

[[claims]]
subject = "demo"
property = "count.enabling-outcomes"
value = 1
source = { line = 5 }
"#;

// ---------------------------------------------------------------------------
// Helpers

/// The framework in `text`, loaded through a source map, validated with
/// `config`.
fn report_with(text: &str, config: &Config) -> Report {
    let mut sources = SourceMap::new();
    let mut set = FrameworkSet::new();
    let framework = sources
        .add_toml(text, FILE)
        .unwrap_or_else(|e| panic!("the text loads: {e}"));
    set.insert(framework).expect("one framework");
    validate::validate_with_sources(&set, &sources, config).expect("validation runs")
}

/// The framework in `text` validated with the default configuration.
fn report_for(text: &str) -> Report {
    report_with(text, &Config::default())
}

/// The codes of a report's findings.
fn codes(report: &Report) -> BTreeSet<String> {
    report.iter().map(Diagnostic::code).collect()
}

/// The baseline with one fault: `from`, which must occur exactly once, is
/// replaced by `to`.
fn fault(from: &str, to: &str) -> String {
    with_fault(BASELINE, from, to)
}

fn with_fault(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?} occurs once in the text");
    text.replacen(from, to, 1)
}

/// The one finding of the report, which must be of `rule`.
fn only(report: &Report, rule: Rule) -> &Diagnostic {
    let all: Vec<String> = report.iter().map(ToString::to_string).collect();
    assert_eq!(report.len(), 1, "one finding expected: {all:#?}");
    let d = report.iter().next().expect("one finding");
    assert_eq!(d.rule, rule, "{all:#?}");
    assert_eq!(d.severity, rule.default_severity());
    d
}

/// The line, column (from 1, the column in characters) and byte offset
/// where `needle`, which must occur exactly once, starts in `text`.
pub(crate) fn position(text: &str, needle: &str) -> (usize, usize, usize) {
    assert_eq!(text.matches(needle).count(), 1, "{needle:?} occurs once in the text");
    let offset = text.find(needle).expect("found");
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column, offset)
}

/// Asserts that the finding points at `needle` in `text`, loaded as `file`
/// (shared with the other rule tests).
pub(crate) fn assert_at(d: &Diagnostic, file: &str, text: &str, needle: &str) {
    let span = d.span.as_ref().unwrap_or_else(|| panic!("{d} has a span"));
    let (line, column, offset) = position(text, needle);
    assert_eq!(
        (span.file.as_str(), span.line, span.column, span.offset),
        (file, line, column, offset),
        "{d} should point at {needle:?}"
    );
}

/// The report for `text` has exactly one finding, of `rule`, with this
/// message, at `needle`; returns it for further checks.
fn check(text: &str, rule: Rule, message: &str, needle: &str) -> Diagnostic {
    let report = report_for(text);
    let d = only(&report, rule).clone();
    assert_eq!(d.message, message);
    assert_at(&d, FILE, text, needle);
    d
}

/// The baseline has no finding of `rule`, neither when validated nor when
/// linted (the negative test; the baseline has no finding at all, see
/// `baseline_is_valid`).
fn assert_baseline_clean_of(rule: Rule) {
    assert_eq!(report_for(BASELINE).of_rule(rule).count(), 0, "{rule}");
    let (lint, _) = validate::lint_toml(BASELINE, FILE, &Config::default());
    assert_eq!(lint.of_rule(rule).count(), 0, "{rule}");
}

// ---------------------------------------------------------------------------
// The baseline

#[test]
fn baseline_is_valid() {
    let report = report_for(BASELINE);
    let all: Vec<String> = report.iter().map(ToString::to_string).collect();
    assert!(report.is_empty(), "{all:#?}");
    let (lint, framework) = validate::lint_toml(BASELINE, FILE, &Config::default());
    assert!(lint.is_empty());
    assert!(framework.is_some());
    // The variants some tests start from are valid too.
    assert!(report_for(&as_plan_of_action()).is_empty());
}

/// The baseline as a plan of action instead of a Programme and Budget.
fn as_plan_of_action() -> String {
    fault("kind = \"programme-and-budget\"", "kind = \"plan-of-action\"")
}

// ---------------------------------------------------------------------------
// format

#[test]
fn format_invalid_file() {
    assert_baseline_clean_of(Rule::InvalidFile);
    let text = fault(
        "title = \"Quality apprenticeships\"\n",
        "title = \"Quality apprenticeships\"\nowner = \"x\"\n",
    );
    let (report, framework) = validate::lint_toml(&text, FILE, &Config::default());
    assert!(framework.is_none());
    let d = only(&report, Rule::InvalidFile);
    assert_eq!(
        d.message,
        "demo.toml cannot be read: unknown key `owner`, expected one of `code`, `title`, `country_level`, `global_level`, `biennium_deliverables`, `indicators`, `sdg`, `standards`, `source`"
    );
    assert_at(d, FILE, &text, "owner");
    assert!(d.subjects.is_empty());
}

#[test]
fn format_sdg_code_case() {
    assert_baseline_clean_of(Rule::SdgCodeCase);
    // An upper-case target letter is refused by the reader too, so the file
    // also cannot be read: both findings, at the same place.
    let text = fault("sdg = [\"8.b.1\"]\nsource", "sdg = [\"8.B.1\"]\nsource");
    let (report, framework) = validate::lint_toml(&text, FILE, &Config::default());
    assert!(framework.is_none());
    assert_eq!(
        codes(&report),
        BTreeSet::from(["format/invalid-file".to_owned(), "format/sdg-code-case".to_owned()])
    );
    let d = report.of_rule(Rule::SdgCodeCase).next().expect("a finding");
    assert_eq!(d.message, "SDG code \"8.B.1\" writes its target letter in upper case");
    assert_eq!(d.help, "write \"8.b.1\"");
    assert_at(d, FILE, &text, "\"8.B.1\"");
    let invalid = report.of_rule(Rule::InvalidFile).next().expect("a finding");
    assert_at(invalid, FILE, &text, "\"8.B.1\"");
}

// ---------------------------------------------------------------------------
// structure

#[test]
fn structure_duplicate_id() {
    assert_baseline_clean_of(Rule::DuplicateId);
    let text = fault(
        "[[links]]",
        "[[deliverables]]\ncode = \"5.2\"\narea = \"Knowledge\"\ntitle = \"Second workshop\"\ntimeframe = [\"2024Q4\"]\ncontributes_to = [\"demo:1.2\"]\nsource = { line = 54 }\n\n[[links]]",
    );
    // The finding points at the repeat, the second deliverable with the code.
    check(
        &text,
        Rule::DuplicateId,
        "demo:5.2 names two deliverables of demo",
        "[[deliverables]]\ncode = \"5.2\"\narea = \"Knowledge\"\ntitle = \"Second workshop",
    );
    // Elements of two kinds with one code: an output and a deliverable. (The
    // graph keeps the first and leaves out the second and its links; the
    // programme also serves output 1.1, so that loses nothing here.) The
    // finding points at the later element, the deliverable.
    let text = fault("code = \"5.2\"", "code = \"2.1\"");
    check(
        &text,
        Rule::DuplicateId,
        "demo:2.1 names both an output and a deliverable of demo",
        "[[deliverables]]\ncode = \"2.1\"",
    );
}

#[test]
fn structure_dangling_reference() {
    assert_baseline_clean_of(Rule::DanglingReference);
    let text = fault("\"demo:2.1\"]", "\"demo:2.1\", \"demo:2.2\"]");
    let d = check(
        &text,
        Rule::DanglingReference,
        "demo:YEP refers to demo:2.2, which does not exist",
        "\"demo:2.2\"",
    );
    assert_eq!(d.help, "demo has no element 2.2; did you mean 1.2?");
    let text = fault("\"demo:2.1\"]", "\"demo:2.1\", \"pb-2022-23:7.1\"]");
    let d = check(
        &text,
        Rule::DanglingReference,
        "demo:YEP refers to pb-2022-23:7.1, which does not exist",
        "\"pb-2022-23:7.1\"",
    );
    assert_eq!(
        d.help,
        "no framework pb-2022-23 is loaded; load it, or correct the reference"
    );
}

#[test]
fn structure_output_under_wrong_outcome() {
    assert_baseline_clean_of(Rule::OutputUnderWrongOutcome);
    let text = fault("code = \"1.2\"", "code = \"2.2\"").replace("demo:1.2", "demo:2.2");
    let d = check(
        &text,
        Rule::OutputUnderWrongOutcome,
        "output 2.2 is listed under outcome 1",
        "[[outcomes.outputs]]\ncode = \"2.2\"",
    );
    assert_eq!(d.help, "move output 2.2 under outcome 2, or renumber it");
}

#[test]
fn structure_enabling_output_under_policy_outcome() {
    assert_baseline_clean_of(Rule::EnablingOutputUnderPolicyOutcome);
    let text = fault("code = \"1.2\"", "code = \"A.2\"").replace("demo:1.2", "demo:A.2");
    check(
        &text,
        Rule::EnablingOutputUnderPolicyOutcome,
        "enabling output A.2 is listed under policy outcome 1",
        "[[outcomes.outputs]]\ncode = \"A.2\"",
    );
}

#[test]
fn structure_outcome_without_outputs() {
    assert_baseline_clean_of(Rule::OutcomeWithoutOutputs);
    let text = fault(
        "[[outcomes]]\ncode = \"A\"",
        "[[outcomes]]\ncode = \"3\"\ntitle = \"Social protection\"\nsource = { line = 25 }\n\n[[outcomes]]\ncode = \"A\"",
    );
    check(
        &text,
        Rule::OutcomeWithoutOutputs,
        "outcome 3 of demo has no outputs",
        "[[outcomes]]\ncode = \"3\"",
    );
    // Only a Programme and Budget must list outputs.
    let other = with_fault(&text, "kind = \"programme-and-budget\"", "kind = \"other\"");
    assert!(report_for(&other).is_empty());
}

#[test]
fn structure_outcome_code_scheme() {
    assert_baseline_clean_of(Rule::OutcomeCodeScheme);
    let text = fault("code = \"A\"\n", "code = \"EA1\"\n")
        .replace("code = \"A.1\"", "code = \"EA1.1\"")
        .replace("demo:A.1", "demo:EA1.1")
        // EA1 is no enabling outcome: the framework now counts none.
        .replace(
            "property = \"count.enabling-outcomes\"\nvalue = 1",
            "property = \"count.enabling-outcomes\"\nvalue = 0",
        );
    let d = check(
        &text,
        Rule::OutcomeCodeScheme,
        "outcome EA1 of the Programme and Budget demo is coded neither by a number nor by a capital letter",
        "\"EA1\"\n",
    );
    assert_eq!(
        d.help,
        "number a policy outcome (1, 2, …) and letter an enabling one (A, B, …), or give the framework another kind"
    );
    // Any other kind of framework codes its outcomes as it likes.
    let other = with_fault(&text, "kind = \"programme-and-budget\"", "kind = \"other\"");
    assert!(report_for(&other).is_empty());
}

#[test]
fn structure_code_sequence_gap() {
    assert_baseline_clean_of(Rule::CodeSequenceGap);
    let text = fault("code = \"1.2\"", "code = \"1.3\"").replace("demo:1.2", "demo:1.3");
    check(
        &text,
        Rule::CodeSequenceGap,
        "the outputs of outcome 1 skip from 1 to 3",
        "[[outcomes]]\ncode = \"1\"",
    );
}

#[test]
fn structure_code_sequence_gap_in_outcomes() {
    // The numbering of outcomes is the framework's `outcomes` list: the
    // finding points at its first table.
    let text = fault("code = \"2\"", "code = \"3\"").replace("2.1", "3.1");
    let d = check(
        &text,
        Rule::CodeSequenceGap,
        "the policy outcomes of demo skip from 1 to 3",
        "[[outcomes]]\ncode = \"1\"",
    );
    assert_eq!(
        d.help,
        "number outcomes 1, 2, 3, … without gaps, or add the missing ones"
    );
    // Enabling outcomes are counted in letters.
    let text = fault("code = \"A\"", "code = \"B\"").replace("A.1", "B.1");
    check(
        &text,
        Rule::CodeSequenceGap,
        "the enabling outcomes of demo are lettered from B, not from A",
        "[[outcomes]]\ncode = \"1\"",
    );
}

#[test]
fn structure_empty_title() {
    assert_baseline_clean_of(Rule::EmptyTitle);
    let text = fault("\"Quality apprenticeships\"", "\" \"");
    check(&text, Rule::EmptyTitle, "demo:1.2 has an empty title", "\" \"");
    let text = fault("name = \"Youth Employment Partnership\"", "name = \"\"");
    check(&text, Rule::EmptyTitle, "demo:YEP has an empty name", "\"\"");
    // Labels: a programme target's, an indicator's.
    let text = fault("label = \"young people trained\"", "label = \"\"");
    let d = check(
        &text,
        Rule::EmptyTitle,
        "demo:YEP has an empty label for target 1",
        "[[programmes.targets]]",
    );
    assert_eq!(d.help, "give the label for target 1 a short description");
    let text = fault(
        "label = \"member States with a youth employment strategy\"",
        "label = \"\\t\"",
    );
    check(
        &text,
        Rule::EmptyTitle,
        "demo:1.1 has an empty label for indicator 1",
        "[[outcomes.outputs.indicators]]",
    );
}

#[test]
fn structure_untrimmed_text() {
    assert_baseline_clean_of(Rule::UntrimmedText);
    let text = fault("\"Quality apprenticeships\"", "\"Quality  apprenticeships\"");
    check(
        &text,
        Rule::UntrimmedText,
        "the title of demo:1.2 has extra white space: \"Quality  apprenticeships\"",
        "\"Quality  apprenticeships\"",
    );
    // Any two white-space characters in a row, and labels too.
    let text = fault("\"Quality apprenticeships\"", "\"Quality \\tapprenticeships\"");
    check(
        &text,
        Rule::UntrimmedText,
        "the title of demo:1.2 has extra white space: \"Quality \\tapprenticeships\"",
        "\"Quality \\tapprenticeships\"",
    );
    let text = fault("label = \"young people trained\"", "label = \"young people trained \"");
    check(
        &text,
        Rule::UntrimmedText,
        "the label for target 1 of demo:YEP has extra white space: \"young people trained \"",
        "[[programmes.targets]]",
    );
}

#[test]
fn structure_control_character() {
    assert_baseline_clean_of(Rule::ControlCharacter);
    let text = fault(
        "\"Quality apprenticeships\"",
        "\"Quality\\u001b]0;pwned\\u0007 apprenticeships\"",
    );
    check(
        &text,
        Rule::ControlCharacter,
        "the title of demo:1.2 holds the control character U+001B: \"Quality\\u{1b}]0;pwned\\u{7} apprenticeships\"",
        "\"Quality\\u001b",
    );
    // Bidirectional overrides reorder what a terminal shows; labels are checked too.
    let text = fault(
        "label = \"young people trained\"",
        "label = \"young people\\u202e trained\"",
    );
    check(
        &text,
        Rule::ControlCharacter,
        "the label for target 1 of demo:YEP holds the control character U+202E: \"young people\\u{202e} trained\"",
        "[[programmes.targets]]",
    );
    // Line breaks and tabs are white space, for structure/untrimmed-text.
    let text = fault("\"Quality apprenticeships\"", "\"Quality\\napprenticeships\"");
    assert_eq!(report_for(&text).of_rule(Rule::ControlCharacter).count(), 0);
}

#[test]
fn structure_missing_provenance() {
    assert_baseline_clean_of(Rule::MissingProvenance);
    let text = fault(
        "title = \"Quality apprenticeships\"\nsource = { line = 14 }\n",
        "title = \"Quality apprenticeships\"\n",
    );
    check(
        &text,
        Rule::MissingProvenance,
        "output demo:1.2 does not say where it was read",
        "[[outcomes.outputs]]\ncode = \"1.2\"",
    );
}

#[test]
fn structure_action_level_mismatch() {
    assert_baseline_clean_of(Rule::ActionLevelMismatch);
    let text = fault(
        "title = \"Quality apprenticeships\"\n",
        "title = \"Quality apprenticeships\"\nbiennium_deliverables = [\"apprenticeship toolkit\"]\n",
    );
    check(
        &text,
        Rule::ActionLevelMismatch,
        "policy output 1.2 lists 1 item(s) under biennium_deliverables",
        "[\"apprenticeship toolkit\"]",
    );
    // An enabling output with actions at both levels: both lists are named.
    let text = fault(
        "biennium_deliverables = [\"youth module for labour force surveys\"]",
        "country_level = [\"support national statistics offices\"]\nglobal_level = [\"a database\", \"a manual\"]",
    );
    let d = check(
        &text,
        Rule::ActionLevelMismatch,
        "enabling output A.1 lists 3 item(s) under country_level and global_level",
        "[\"support national statistics offices\"]",
    );
    assert_eq!(
        d.help,
        "enabling outputs list their actions under biennium_deliverables"
    );
}

#[test]
fn structure_duplicate_link() {
    assert_baseline_clean_of(Rule::DuplicateLink);
    let text = fault("standards = [\"C122\"]", "standards = [\"C122\", \"C122\"]");
    check(
        &text,
        Rule::DuplicateLink,
        "demo:1 lists C122 twice under standards",
        "\"C122\"]",
    );
}

// ---------------------------------------------------------------------------
// links

#[test]
fn links_unknown_sdg_code() {
    assert_baseline_clean_of(Rule::UnknownSdgCode);
    let text = fault("sdg = [\"8.6\"]", "sdg = [\"8.99\"]");
    let d = check(
        &text,
        Rule::UnknownSdgCode,
        "demo:1 names SDG 8.99, which is not in the UN catalogue",
        "\"8.99\"",
    );
    assert!(d.help.starts_with("the targets of goal 8 are 8.1, 8.2,"), "{}", d.help);
    // An indicator code under a known target: the help lists its indicators.
    let text = fault("sdg = [\"8.b.1\"]\nsource", "sdg = [\"8.b.7\"]\nsource");
    let d = check(
        &text,
        Rule::UnknownSdgCode,
        "demo:1.1 names SDG 8.b.7, which is not in the UN catalogue",
        "\"8.b.7\"",
    );
    assert_eq!(d.help, "the indicators of target 8.b are 8.b.1");
    // A code of an indicator points at that indicator.
    let text = fault(
        "period = \"2024/2025\"\nsdg = [\"8.b.1\"]\n",
        "period = \"2024/2025\"\nsdg = [\"8.b.1\"]\n\n[[outcomes.outputs.indicators]]\nlabel = \"young people in apprenticeships\"\nsdg = [\"8.b.7\"]\n",
    );
    check(
        &text,
        Rule::UnknownSdgCode,
        "demo:1.1 names SDG 8.b.7, which is not in the UN catalogue",
        "[[outcomes.outputs.indicators]]\nlabel = \"young people",
    );
    // A contribution to an SDG code.
    let text = fault("\"demo:2.1\"]", "\"demo:2.1\", \"sdg:8.99\"]");
    check(
        &text,
        Rule::UnknownSdgCode,
        "demo:YEP names SDG 8.99, which is not in the UN catalogue",
        "\"sdg:8.99\"",
    );
}

#[test]
fn links_retired_sdg_indicator() {
    assert_baseline_clean_of(Rule::RetiredSdgIndicator);
    let text = fault("sdg = [\"8.6\"]", "sdg = [\"8.9.2\"]");
    check(
        &text,
        Rule::RetiredSdgIndicator,
        "demo:1 names SDG indicator 8.9.2, which the UN list no longer has",
        "\"8.9.2\"",
    );
    // A contribution to a retired indicator.
    let text = fault("\"demo:2.1\"]", "\"demo:2.1\", \"sdg:8.9.2\"]");
    check(
        &text,
        Rule::RetiredSdgIndicator,
        "demo:YEP names SDG indicator 8.9.2, which the UN list no longer has",
        "\"sdg:8.9.2\"",
    );
}

#[test]
fn links_uncatalogued_standard() {
    assert_baseline_clean_of(Rule::UncataloguedStandard);
    let text = fault("standards = [\"C122\"]", "standards = [\"C999\"]");
    check(
        &text,
        Rule::UncataloguedStandard,
        "demo:1 cites C999, which none of the built-in source documents cites",
        "\"C999\"",
    );
    // In a stated link too.
    let text = fault(
        "kind = \"contributes_to\"\nto = \"sdg:8.6\"",
        "kind = \"cites\"\nto = \"ils:C999\"",
    );
    check(
        &text,
        Rule::UncataloguedStandard,
        "demo cites C999, which none of the built-in source documents cites",
        "[[links]]",
    );
    // A catalogued standard is not reported.
    assert!(report_for(&fault("standards = [\"C122\"]", "standards = [\"C122\", \"C182\"]")).is_empty());
}

#[test]
fn links_cycle() {
    assert_baseline_clean_of(Rule::Cycle);
    // Output 1.1 is part of outcome 1; a stated link from the outcome to
    // the output closes the loop.
    let text = fault(
        "[[claims]]\nsubject = \"demo:1\"\nproperty = \"count.outputs\"\nvalue = 2\nsource = { line = 10 }",
        "[[links]]\nfrom = \"demo:1\"\nkind = \"contributes_to\"\nto = \"demo:1.1\"\nsource = { line = 11 }\n\n[[claims]]\nsubject = \"demo:1\"\nproperty = \"count.outputs\"\nvalue = 2\nsource = { line = 10 }",
    );
    check(
        &text,
        Rule::Cycle,
        "demo:1, demo:1.1 lead back to each other through their links",
        "[[outcomes]]\ncode = \"1\"",
    );
}

#[test]
fn links_programme_linked_to_nothing() {
    assert_baseline_clean_of(Rule::ProgrammeLinkedToNothing);
    let text = fault(
        "[[deliverables]]\ncode = \"5.1\"",
        "[[programmes]]\nid = \"OLD\"\nkind = \"project\"\nname = \"An earlier project\"\nsource = { line = 45 }\n\n[[deliverables]]\ncode = \"5.1\"",
    );
    check(
        &text,
        Rule::ProgrammeLinkedToNothing,
        "programme demo:OLD contributes to nothing, names no SDG code and cites no standard",
        "[[programmes]]\nid = \"OLD\"",
    );
    // A link stated elsewhere in the file counts.
    let linked = with_fault(
        &text,
        "[[claims]]\nsubject = \"demo\"",
        "[[links]]\nfrom = \"demo:OLD\"\nkind = \"contributes_to\"\nto = \"demo:2.1\"\nsource = { line = 46 }\n\n[[claims]]\nsubject = \"demo\"",
    );
    assert!(report_for(&linked).is_empty());
    // So does a standard the programme cites, even one outside the
    // catalogue: it is reported as such, and the programme is not linked
    // to nothing.
    let citing = with_fault(
        &text,
        "name = \"An earlier project\"\n",
        "name = \"An earlier project\"\nstandards = [\"C999\"]\n",
    );
    assert_eq!(
        codes(&report_for(&citing)),
        BTreeSet::from(["links/uncatalogued-standard".to_owned()])
    );
}

#[test]
fn links_output_without_contributor() {
    assert_baseline_clean_of(Rule::OutputWithoutContributor);
    let text = fault("contributes_to = [\"demo:A.1\"]\n", "");
    check(
        &text,
        Rule::OutputWithoutContributor,
        "no programme or deliverable contributes to output demo:A.1",
        "[[outcomes.outputs]]\ncode = \"A.1\"",
    );
}

#[test]
fn links_redundant_outcome_link() {
    assert_baseline_clean_of(Rule::RedundantOutcomeLink);
    let text = fault("\"demo:2.1\"]", "\"demo:2.1\", \"demo:2\"]");
    check(
        &text,
        Rule::RedundantOutcomeLink,
        "demo:YEP contributes to demo:2.1 and to its outcome demo:2",
        "[{ to = \"demo:1.1\"",
    );
    // The link to the outcome stated apart from the element: the finding
    // points at it.
    let text = fault("to = \"sdg:8.6\"", "to = \"demo:2\"");
    check(
        &text,
        Rule::RedundantOutcomeLink,
        "demo:YEP contributes to demo:2.1 and to its outcome demo:2",
        "[[links]]",
    );
}

#[test]
fn links_self_link() {
    assert_baseline_clean_of(Rule::SelfLink);
    // The link is also a loop in the graph; links/cycle leaves it to this rule.
    let text = fault(
        "source = { line = 40 }",
        "succeeds = \"demo:YEP\"\nsource = { line = 40 }",
    );
    check(
        &text,
        Rule::SelfLink,
        "demo:YEP succeeds itself",
        "\"demo:YEP\"\nsource",
    );
    let text = fault("\"demo:2.1\"]", "\"demo:2.1\", \"demo:YEP\"]");
    check(&text, Rule::SelfLink, "demo:YEP contributes_to itself", "\"demo:YEP\"]");
}

#[test]
fn links_link_kind_mismatch() {
    assert_baseline_clean_of(Rule::LinkKindMismatch);
    let text = fault("\"demo:2.1\"]", "\"demo:2.1\", \"demo\"]");
    check(
        &text,
        Rule::LinkKindMismatch,
        "contributes_to cannot lead from programme demo:YEP to framework demo",
        "\"demo\"]",
    );
}

// ---------------------------------------------------------------------------
// time

#[test]
fn time_reversed_period() {
    assert_baseline_clean_of(Rule::ReversedPeriod);
    let text = fault(
        "period = \"2024/2025\"\ncontributes_to",
        "period = \"2025/2024\"\ncontributes_to",
    );
    let d = check(
        &text,
        Rule::ReversedPeriod,
        "a period of demo:YEP starts on 2025-01-01 but ends on 2024-12-31",
        "\"2025/2024\"",
    );
    assert_eq!(d.help, "write the years the other way round: 2024/2025");
    let text = fault(
        "currency = \"USD\"\nperiod = \"2024/2025\"",
        "currency = \"USD\"\nperiod = \"2025-06-30/2024-07-01\"",
    );
    let d = check(
        &text,
        Rule::ReversedPeriod,
        "a period of demo:YEP starts on 2025-06-30 but ends on 2024-07-01",
        "[[programmes.funding]]",
    );
    assert_eq!(d.help, "swap the dates: 2024-07-01/2025-06-30");
    // The framework's own period: the time rules that compare it with its
    // biennium, plan and quarters leave it to this rule.
    let text = fault("period = \"2024/2025\"\nbiennium", "period = \"2025/2024\"\nbiennium");
    check(
        &text,
        Rule::ReversedPeriod,
        "a period of demo starts on 2025-01-01 but ends on 2024-12-31",
        "\"2025/2024\"",
    );
}

#[test]
fn time_quarter_outside_plan() {
    assert_baseline_clean_of(Rule::QuarterOutsidePlan);
    let text = fault("timeframe = [\"2024Q3\"]", "timeframe = [\"2025Q4..2026Q1\"]");
    check(
        &text,
        Rule::QuarterOutsidePlan,
        "deliverable demo:5.2 is scheduled in 2026Q1 outside demo's period 2024-01-01/2025-12-31",
        "[\"2025Q4..2026Q1\"]",
    );
}

#[test]
fn time_empty_timeframe() {
    assert_baseline_clean_of(Rule::EmptyTimeframe);
    let text = with_fault(&as_plan_of_action(), "timeframe = [\"2024Q3\"]\n", "");
    check(
        &text,
        Rule::EmptyTimeframe,
        "deliverable demo:5.2 is scheduled in no quarter, unlike others of demo",
        "[[deliverables]]\ncode = \"5.2\"",
    );
    // Outside a plan of action deliverables need no quarters.
    assert!(report_for(&fault("timeframe = [\"2024Q3\"]\n", "")).is_empty());
}

#[test]
fn time_timeframe_with_holes() {
    assert_baseline_clean_of(Rule::TimeframeWithHoles);
    let text = fault(
        "timeframe = [\"2024Q3\"]",
        "timeframe = [\"2024Q1\", \"2024Q3..2024Q4\"]",
    );
    check(
        &text,
        Rule::TimeframeWithHoles,
        "the quarters of deliverable demo:5.2 are not one unbroken run: 2024Q1, 2024Q3..2024Q4",
        "[\"2024Q1\", ",
    );
}

#[test]
fn time_target_due_outside_period() {
    assert_baseline_clean_of(Rule::TargetDueOutsidePeriod);
    let text = fault("due = \"2025\"", "due = \"2026-03\"");
    check(
        &text,
        Rule::TargetDueOutsidePeriod,
        "target \"young people trained\" of demo:YEP is due in 2026-03, outside the programme's period 2024-01-01/2025-12-31",
        "[[programmes.targets]]",
    );
}

#[test]
fn time_biennium_outside_plan() {
    assert_baseline_clean_of(Rule::BienniumOutsidePlan);
    let text = fault("period = \"2022/2025\"", "period = \"2020/2023\"");
    check(
        &text,
        Rule::BienniumOutsidePlan,
        "the biennium 2024-25 of demo is not within Strategic Plan 2022–25 (2020-01-01/2023-12-31)",
        "{ title = \"Strategic Plan",
    );
    // The period and the biennium are checked each where they differ; the
    // difference is a finding of its own.
    let text = fault("period = \"2024/2025\"\nbiennium", "period = \"2024/2026\"\nbiennium");
    let report = report_for(&text);
    assert_eq!(
        codes(&report),
        BTreeSet::from([
            "time/biennium-outside-plan".to_owned(),
            "time/period-biennium-mismatch".to_owned()
        ])
    );
    let d = report.of_rule(Rule::BienniumOutsidePlan).next().expect("a finding");
    assert_eq!(
        d.message,
        "the period 2024-01-01/2026-12-31 of demo is not within Strategic Plan 2022–25 (2022-01-01/2025-12-31)"
    );
    let text = fault("biennium = \"2024-25\"", "biennium = \"2026-27\"");
    let report = report_for(&text);
    assert_eq!(
        codes(&report),
        BTreeSet::from([
            "time/biennium-outside-plan".to_owned(),
            "time/period-biennium-mismatch".to_owned()
        ])
    );
    let d = report.of_rule(Rule::BienniumOutsidePlan).next().expect("a finding");
    assert_eq!(
        d.message,
        "the biennium 2026-27 of demo is not within Strategic Plan 2022–25 (2022-01-01/2025-12-31)"
    );
    assert_eq!(d.help, "correct the biennium or the plan it belongs to");
}

#[test]
fn time_period_biennium_mismatch() {
    assert_baseline_clean_of(Rule::PeriodBienniumMismatch);
    let text = fault("period = \"2024/2025\"\nbiennium", "period = \"2024/2024\"\nbiennium");
    check(
        &text,
        Rule::PeriodBienniumMismatch,
        "demo covers 2024-01-01/2024-12-31 but its biennium 2024-25 is 2024-01-01/2025-12-31",
        "\"2024/2024\"",
    );
}

// ---------------------------------------------------------------------------
// numbers

#[test]
fn numbers_regional_sum_mismatch() {
    assert_baseline_clean_of(Rule::RegionalSumMismatch);
    let text = fault("total = 4", "total = 5");
    let d = check(
        &text,
        Rule::RegionalSumMismatch,
        "the countries of demo:YEP by region add up to 4, but the total given is 5",
        "[programmes.coverage]",
    );
    assert_eq!(
        d.help,
        "check the figures against the source (africa 2, arab_states 0, asia_pacific 1, europe_central_asia 0, americas 1)"
    );
    // With a region left out the rest may add up to less than the total,
    // not to more.
    let partial = fault("americas = 1\ntotal = 4", "total = 4");
    assert!(report_for(&partial).is_empty());
    let over = fault("americas = 1\ntotal = 4", "total = 2");
    let d = check(
        &over,
        Rule::RegionalSumMismatch,
        "the countries of demo:YEP by region add up to 3, but the total given is 2",
        "[programmes.coverage]",
    );
    assert_eq!(d.notes, Vec::<String>::new());
}

#[test]
fn numbers_conflicting_claims() {
    assert_baseline_clean_of(Rule::ConflictingClaims);
    let text = fault("value = 2\nsource = { line = 16 }", "value = 3\nsource = { line = 16 }");
    let d = check(
        &text,
        Rule::ConflictingClaims,
        "the source gives count.outputs of demo:1 as 2 and as 3",
        "[[claims]]\nsubject = \"demo:1\"\nproperty = \"count.outputs\"\nvalue = 2",
    );
    assert_eq!(d.notes, ["DEMO/1, line 10 says 2", "DEMO/1, line 16 says 3"]);
}

#[test]
fn numbers_claim_contradicts_model() {
    assert_baseline_clean_of(Rule::ClaimContradictsModel);
    let text = fault("value = 1", "value = 2");
    check(
        &text,
        Rule::ClaimContradictsModel,
        "the source states count.enabling-outcomes of demo as 2, but the framework holds 1",
        "[[claims]]\nsubject = \"demo\"\n",
    );
}

#[test]
fn numbers_shares_exceed_whole() {
    assert_baseline_clean_of(Rule::SharesExceedWhole);
    let text = fault("\"demo:1.2\", ", "{ to = \"demo:1.2\", share = 0.75 }, ");
    check(
        &text,
        Rule::SharesExceedWhole,
        "the shares of demo:YEP's contributions to demo add up to 1.25, more than 1",
        "[{ to = \"demo:1.1\"",
    );
    // A whole is not more than the whole.
    assert!(report_for(&fault("\"demo:1.2\", ", "{ to = \"demo:1.2\", share = 0.5 }, ")).is_empty());
    // Shares of links stated apart from the element count too.
    let text = fault("to = \"sdg:8.6\"", "to = \"demo:A.1\"\nshare = 0.75");
    check(
        &text,
        Rule::SharesExceedWhole,
        "the shares of demo:YEP's contributions to demo add up to 1.25, more than 1",
        "[{ to = \"demo:1.1\"",
    );
    // Each framework divides the effort in its own way: shares leading to
    // two frameworks are added up apart (0.5 to demo, 0.75 to the SDGs).
    assert!(report_for(&fault("to = \"sdg:8.6\"", "to = \"sdg:8.6\"\nshare = 0.75")).is_empty());
}

#[test]
fn numbers_negative_quantity() {
    assert_baseline_clean_of(Rule::NegativeQuantity);
    let text = fault("quantity = 5000.0", "quantity = -5000.0");
    check(
        &text,
        Rule::NegativeQuantity,
        "the quantity of target \"young people trained\" of demo:YEP is negative (-5000)",
        "[[programmes.targets]]",
    );
    // A transaction may be negative (a reversal); a budget may not.
    let funding = |kind: &str| {
        fault(
            "[[programmes.targets]]",
            &format!("[[programmes.funding]]\namount = -10.0\nkind = \"{kind}\"\n\n[[programmes.targets]]"),
        )
    };
    assert!(report_for(&funding("disbursement")).is_empty());
    assert_eq!(
        report_for(&funding("budget")).of_rule(Rule::NegativeQuantity).count(),
        1
    );
}

// ---------------------------------------------------------------------------
// The catalogue

/// The documentation of every rule.
const RULES_MD: &str = include_str!("../../docs/rules.md");

/// The `### family/name` headings of docs/rules.md.
fn documented_codes() -> Vec<&'static str> {
    RULES_MD
        .lines()
        .filter_map(|line| line.strip_prefix("### "))
        .map(str::trim)
        .collect()
}

#[test]
fn there_are_63_rules_in_seven_families() {
    assert_eq!(Rule::ALL.len(), 63);
    let mut by_family: BTreeMap<&str, usize> = BTreeMap::new();
    for rule in Rule::ALL {
        *by_family.entry(rule.family().as_str()).or_default() += 1;
    }
    assert_eq!(
        by_family,
        BTreeMap::from([
            ("format", 2),
            ("iati", 17),
            ("links", 9),
            ("numbers", 5),
            ("results", 10),
            ("structure", 13),
            ("time", 7)
        ])
    );
}

#[test]
fn codes_are_unique_and_name_their_rule() {
    let mut seen = BTreeSet::new();
    for &rule in Rule::ALL {
        let code = rule.code();
        assert!(seen.insert(code.clone()), "two rules have the code {code}");
        assert_eq!(code, format!("{}/{}", rule.family().as_str(), rule.name()));
        assert_eq!(rule.to_string(), code);
        assert_eq!(Rule::from_code(&code), Some(rule));
        assert!(!rule.summary().is_empty());
    }
    assert_eq!(Rule::from_code("links/no-such-rule"), None);
    assert_eq!(Rule::from_code("unknown-sdg-code"), None);
    assert_eq!(Rule::from_code("format/unknown-sdg-code"), None);
}

#[test]
fn every_code_is_documented_under_its_own_heading() {
    let documented = documented_codes();
    for &rule in Rule::ALL {
        let code = rule.code();
        assert_eq!(
            documented.iter().filter(|c| **c == code).count(),
            1,
            "docs/rules.md has one heading ### {code}"
        );
    }
}

#[test]
fn every_heading_of_the_rules_documentation_is_a_code() {
    for heading in documented_codes() {
        assert!(
            Rule::from_code(heading).is_some(),
            "docs/rules.md has a heading ### {heading}, which is no rule's code"
        );
    }
    assert_eq!(documented_codes().len(), Rule::ALL.len());
}

#[test]
fn the_documentation_gives_each_rule_its_default_severity() {
    // Each rule's section says "Default severity: **warning**." (or note, error).
    for &rule in Rule::ALL {
        let section = documented_section(rule);
        let expected = format!("Default severity: **{}**", rule.default_severity());
        assert!(section.contains(&expected), "{rule}: the section says {expected:?}");
    }
}

/// The text of the first fenced block of `language` in `section`.
fn fenced<'a>(section: &'a str, language: &str) -> Option<&'a str> {
    let open = format!("```{language}\n");
    let start = section.find(&open)? + open.len();
    let end = section[start..].find("```")?;
    Some(&section[start..start + end])
}

/// The text of the second fenced block of `language` in `section`.
fn second_fenced<'a>(section: &'a str, language: &str) -> Option<&'a str> {
    let open = format!("```{language}\n");
    let first = section.find(&open)? + open.len();
    let rest = &section[first..];
    let after_first = rest.find("```")? + 3;
    fenced(&rest[after_first..], language)
}

/// Each rule's section of docs/rules.md: the text under its heading.
fn documented_section(rule: Rule) -> &'static str {
    let heading = format!("### {}\n", rule.code());
    let start = RULES_MD
        .find(&heading)
        .unwrap_or_else(|| panic!("{rule} is documented"))
        + heading.len();
    let section = &RULES_MD[start..];
    &section[..section.find("\n#").unwrap_or(section.len())]
}

#[test]
fn every_example_in_the_documentation_gives_the_message_shown() {
    for &rule in Rule::ALL {
        let section = documented_section(rule);
        let message = fenced(section, "text")
            .unwrap_or_else(|| panic!("{rule}: a message"))
            .trim_end();
        if rule.family() == Family::Iati {
            let example = fenced(section, "xml").unwrap_or_else(|| panic!("{rule}: an XML example"));
            // Without the importer, only that the example is there is checked.
            #[cfg(not(feature = "iati"))]
            let _ = (example, message);
            #[cfg(feature = "iati")]
            {
                let options = ilo_frameworks::iati::ImportOptions::new("mine".parse().unwrap())
                    .with_today(chrono::NaiveDate::from_ymd_opt(2024, 6, 30).unwrap());
                let import = ilo_frameworks::iati::import_str(example, "mine.xml", &options)
                    .unwrap_or_else(|e| panic!("{rule}: the example imports: {e}"));
                let messages: Vec<&str> = import.report.of_rule(rule).map(|d| d.message.as_str()).collect();
                assert_eq!(
                    messages.join("\n"),
                    message,
                    "{rule}: the example gives the message shown"
                );
            }
            continue;
        }
        let example = fenced(section, "toml").unwrap_or_else(|| panic!("{rule}: an example"));
        let report = if rule.family() == Family::Format {
            validate::lint_toml(example, "mine.toml", &Config::default()).0
        } else {
            let mut sources = SourceMap::new();
            let mut set = FrameworkSet::new();
            let framework = sources
                .add_toml(example, "mine.toml")
                .unwrap_or_else(|e| panic!("{rule}: the example loads: {e}"));
            set.insert(framework).expect("one framework");
            // A second block, where there is one, is a progress report on the first.
            if let Some(report) = second_fenced(section, "toml") {
                let report = sources
                    .add_report_toml(report, "report.toml")
                    .unwrap_or_else(|e| panic!("{rule}: the report loads: {e}"));
                set.insert_report(report).expect("one report");
            }
            validate::validate_with_sources(&set, &sources, &Config::default()).expect("runs")
        };
        let messages: Vec<&str> = report.of_rule(rule).map(|d| d.message.as_str()).collect();
        assert_eq!(messages, [message], "{rule}: the example gives the message shown");
    }
}

// ---------------------------------------------------------------------------
// Configuration

#[test]
fn allow_drops_a_rules_findings() {
    let text = fault("total = 4", "total = 5");
    let config = Config::default().with(Rule::RegionalSumMismatch, Level::Allow);
    assert!(report_with(&text, &config).is_empty());
    // Other rules still run.
    let config = Config::default().with(Rule::Cycle, Level::Allow);
    assert_eq!(report_with(&text, &config).len(), 1);
}

#[test]
fn warn_and_deny_change_the_severity() {
    // An error made a warning.
    let text = fault("total = 4", "total = 5");
    let config = Config::default().with(Rule::RegionalSumMismatch, Level::Warn);
    let report = report_with(&text, &config);
    assert_eq!(
        report.iter().map(|d| d.severity).collect::<Vec<_>>(),
        [Severity::Warning]
    );
    assert!(!report.has_errors());
    // A note made an error, and a warning too.
    let text = fault("contributes_to = [\"demo:A.1\"]\n", "");
    let mut config = Config::default();
    config.set(Rule::OutputWithoutContributor, Level::Deny);
    let report = report_with(&text, &config);
    assert_eq!(report.iter().map(|d| d.severity).collect::<Vec<_>>(), [Severity::Error]);
    assert_eq!(report.summary(), "1 error, 0 warnings, 0 notes, 0 help");
    let config = Config::default().with(Rule::OutputWithoutContributor, Level::Warn);
    assert_eq!(report_with(&text, &config).count(Severity::Warning), 1);
}

#[test]
fn a_config_file_sets_levels_by_code() {
    let config = Config::from_toml_str(
        "[rules]\n\"links/output-without-contributor\" = \"allow\"\n\"numbers/regional-sum-mismatch\" = \"warn\"\n\"time/empty-timeframe\" = \"deny\"\n",
        "lints.toml",
    )
    .expect("a valid configuration");
    assert_eq!(config.severity(Rule::OutputWithoutContributor), None);
    assert_eq!(config.severity(Rule::RegionalSumMismatch), Some(Severity::Warning));
    assert_eq!(config.severity(Rule::EmptyTimeframe), Some(Severity::Error));
    assert_eq!(config.severity(Rule::Cycle), Some(Severity::Error));
    assert_eq!(config.severity(Rule::MissingProvenance), Some(Severity::Note));
    let text = fault("contributes_to = [\"demo:A.1\"]\n", "");
    assert!(report_with(&text, &config).is_empty());
    // An empty file, or one without [rules], keeps every default.
    assert_eq!(
        Config::from_toml_str("", "lints.toml").expect("valid"),
        Config::default()
    );
}

#[test]
fn a_config_file_with_an_unknown_code_is_refused() {
    let e = Config::from_toml_str("[rules]\n\"links/no-such-rule\" = \"allow\"\n", "lints.toml").expect_err("refused");
    assert!(
        matches!(&e, Error::UnknownRule(code) if code == "links/no-such-rule"),
        "{e:?}"
    );
    assert_eq!(
        e.to_string(),
        "no rule has the code \"links/no-such-rule\"; the codes are listed at https://docs.rs/ilo-frameworks/latest/ilo_frameworks/validate/rules/"
    );
    let mut config = Config::default();
    assert!(matches!(
        config.set_code("cycle", Level::Deny),
        Err(Error::UnknownRule(_))
    ));
    assert!(config.set_code("links/cycle", Level::Warn).is_ok());
    assert_eq!(config.severity(Rule::Cycle), Some(Severity::Warning));
}

#[test]
fn a_config_file_with_a_bad_level_or_key_is_refused() {
    let e = Config::from_toml_str("[rules]\n\"links/cycle\" = \"forbid\"\n", "lints.toml").expect_err("refused");
    assert!(matches!(e, Error::Load(_)), "{e:?}");
    assert!(e.to_string().starts_with("lints.toml:2:"), "{e}");
    let e = Config::from_toml_str("[lints]\n", "lints.toml").expect_err("refused");
    assert!(matches!(e, Error::Load(_)), "{e:?}");
}

// ---------------------------------------------------------------------------
// Reports

#[test]
fn the_json_report_has_the_documented_shape() {
    let text = fault("total = 4", "total = 5");
    let text = with_fault(&text, "contributes_to = [\"demo:A.1\"]\n", "");
    let report = report_for(&text);
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).expect("JSON");
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut keys: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&json), ["diagnostics", "summary"]);
    assert_eq!(
        json["summary"],
        serde_json::json!({ "error": 1, "warning": 0, "note": 1, "help": 0 })
    );
    let diagnostics = json["diagnostics"].as_array().expect("an array");
    assert_eq!(diagnostics.len(), 2);
    for d in diagnostics {
        assert_eq!(
            keys(d),
            [
                "code", "help", "location", "message", "notes", "severity", "span", "subjects"
            ]
        );
        assert_eq!(keys(&d["span"]), ["column", "file", "length", "line", "offset"]);
        assert!(d["notes"].is_array());
    }
    // In file order: the output comes before the programme's coverage.
    let first = &diagnostics[0];
    assert_eq!(first["code"], "links/output-without-contributor");
    assert_eq!(first["severity"], "note");
    assert_eq!(
        first["message"],
        "no programme or deliverable contributes to output demo:A.1"
    );
    assert_eq!(first["subjects"], serde_json::json!(["demo:A.1"]));
    assert_eq!(first["span"]["file"], FILE);
    let (line, column, offset) = position(&text, "[[outcomes.outputs]]\ncode = \"A.1\"");
    assert_eq!(first["span"]["line"], line);
    assert_eq!(first["span"]["column"], column);
    assert_eq!(first["span"]["offset"], offset);
    assert_eq!(
        first["help"],
        "link the programmes or deliverables that serve it with contributes_to"
    );
    assert_eq!(diagnostics[1]["code"], "numbers/regional-sum-mismatch");
    assert_eq!(diagnostics[1]["severity"], "error");

    // Without a source map findings have no span; it is written as null.
    let mut set = FrameworkSet::new();
    set.insert(ilo_frameworks::Framework::from_toml_str(&text, FILE).expect("loads"))
        .expect("one");
    let report = validate::validate(&set, &Config::default()).expect("runs");
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).expect("JSON");
    assert!(json["diagnostics"][0]["span"].is_null());

    // An empty report.
    let json: serde_json::Value = serde_json::from_str(&report_for(BASELINE).to_json()).expect("JSON");
    assert_eq!(
        json,
        serde_json::json!({ "diagnostics": [], "summary": { "error": 0, "warning": 0, "note": 0, "help": 0 } })
    );
}

#[test]
fn the_json_example_of_the_documentation_is_what_to_json_writes() {
    let start = RULES_MD.find("## The JSON report").expect("a section on JSON");
    let section = &RULES_MD[start..];
    let text = fenced(section, "toml").expect("the example file");
    let json = fenced(section, "json").expect("its report");
    let mut sources = SourceMap::new();
    let mut set = FrameworkSet::new();
    set.insert(sources.add_toml(text, "mine.toml").expect("loads"))
        .expect("one");
    let report = validate::validate_with_sources(&set, &sources, &Config::default()).expect("runs");
    assert_eq!(report.to_json(), json);
}

#[test]
fn the_order_of_findings_is_deterministic() {
    // Many faults at once.
    let text = fault("total = 4", "total = 5");
    let text = with_fault(&text, "contributes_to = [\"demo:A.1\"]\n", "");
    let text = with_fault(&text, "standards = [\"C122\"]", "standards = [\"C999\", \"C999\"]");
    let text = with_fault(&text, "value = 1", "value = 2");
    let text = with_fault(&text, "\"Quality apprenticeships\"", "\" Quality apprenticeships\"");
    let first = report_for(&text);
    assert_eq!(first.len(), 7);
    for _ in 0..3 {
        assert_eq!(report_for(&text), first);
    }
    // In the order of the file.
    let offsets: Vec<usize> = first.iter().map(|d| d.span.as_ref().expect("a span").offset).collect();
    let mut sorted = offsets.clone();
    sorted.sort_unstable();
    assert_eq!(offsets, sorted);
    // The built-in report too.
    assert_eq!(builtin_report(), builtin_report());
}

// ---------------------------------------------------------------------------
// The built-in data

fn builtin_report() -> Report {
    let (set, sources) = validate::builtin_with_sources().expect("the built-ins load");
    validate::validate_with_sources(&set, &sources, &Config::default()).expect("validation runs")
}

/// The findings on the built-in frameworks are all properties of the source
/// documents, not of their transcription; docs/rules.md explains each group.
#[test]
fn the_builtin_frameworks_have_no_errors_and_known_findings() {
    let report = builtin_report();
    assert!(!report.has_errors(), "{}", report.render(None));
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for d in &report {
        *counts.entry(d.code()).or_default() += 1;
        let span = d.span.as_ref().unwrap_or_else(|| panic!("{d} has a span"));
        assert!(span.file.starts_with("seeds/"), "{d}");
    }
    assert_eq!(
        counts,
        BTreeMap::from([
            ("links/output-without-contributor".to_owned(), 41),
            ("links/programme-linked-to-nothing".to_owned(), 3),
            ("numbers/conflicting-claims".to_owned(), 11),
            ("time/empty-timeframe".to_owned(), 10),
        ])
    );
    assert_eq!(report.summary(), "0 errors, 24 warnings, 41 notes, 0 help");
    // The programmes of 1998 for which the paper states no link.
    let unlinked: Vec<String> = report
        .of_rule(Rule::ProgrammeLinkedToNothing)
        .map(|d| d.subjects[0].to_string())
        .collect();
    assert_eq!(unlinked, ["gp-1998:STEP", "gp-1998:ISEP", "gp-1998:IPEC"]);
    // The work-plan rows with no quarter marked.
    let unscheduled: Vec<String> = report
        .of_rule(Rule::EmptyTimeframe)
        .map(|d| d.subjects[0].to_string())
        .collect();
    assert_eq!(
        unscheduled,
        [
            "gsc-2017-21:6.5",
            "gsc-2017-21:8.1",
            "gsc-2017-21:9.1",
            "gsc-2017-21:2.3",
            "gsc-2017-21:3.2",
            "gsc-2017-21:4.3",
            "gsc-2017-21:4.4",
            "gsc-2017-21:5.3",
            "gsc-2017-21:6.1",
            "gsc-2017-21:5.1"
        ]
    );
    // Every unserved output is one of the Programme and Budget's.
    assert!(
        report
            .of_rule(Rule::OutputWithoutContributor)
            .all(|d| d.subjects[0].to_string().starts_with("pb-2022-23:"))
    );
}
