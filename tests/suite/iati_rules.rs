//! Every rule of the `iati/` family on a small activity: the finding's
//! code, message and place (file, line, column), and the same activity
//! without the fault, which gives no finding.

use ilo_frameworks::iati::{ImportOptions, import_str};
use ilo_frameworks::validate::{Report, Rule};

/// A clean activity; `{}` is where a case puts its fault.
const ACTIVITY: &str = r#"<iati-activities version="2.03">
  <iati-activity last-updated-datetime="2024-01-01T00:00:00">
    <iati-identifier>AA-1-X</iati-identifier>
    <reporting-org ref="AA-1"><narrative>Org</narrative></reporting-org>
    <title><narrative>A project</narrative></title>
    <activity-status code="2"/>
    <activity-date type="1" iso-date="2023-01-01"/>
    <activity-date type="3" iso-date="2024-12-31"/>
    <sector vocabulary="1" code="11110" percentage="60"/>
    <sector vocabulary="1" code="11120" percentage="40"/>
    <tag vocabulary="3" code="8.7"/>
{}
  </iati-activity>
</iati-activities>"#;

fn import(fault: &str) -> Report {
    let xml = ACTIVITY.replace("{}", fault);
    let options =
        ImportOptions::new("mine".parse().unwrap()).with_today(chrono::NaiveDate::from_ymd_opt(2024, 6, 30).unwrap());
    import_str(&xml, "mine.xml", &options).expect("imports").report
}

/// The one finding `fault` gives, of `rule`, with `message`, at `line`
/// and `column` of mine.xml (the fault's own lines start at line 12).
fn only(fault: &str, rule: Rule, message: &str, line: usize, column: usize) {
    let report = import(fault);
    let all: Vec<String> = report.iter().map(ToString::to_string).collect();
    assert_eq!(report.len(), 1, "{all:#?}");
    let d = report.iter().next().unwrap();
    assert_eq!(d.rule, rule, "{all:#?}");
    assert_eq!(d.message, message);
    assert!(!d.help.is_empty());
    let span = d.span.as_ref().expect("placed");
    assert_eq!(
        (span.file.as_str(), span.line, span.column),
        ("mine.xml", line, column),
        "{d}"
    );
}

#[test]
fn the_clean_activity_gives_no_finding() {
    let report = import("");
    assert!(report.is_empty(), "{report:?}");
}

#[test]
fn identifiers() {
    let with_id = |id: &str| ACTIVITY.replace("<iati-identifier>AA-1-X</iati-identifier>", id);
    let options = ImportOptions::new("mine".parse().unwrap());
    let report = |xml: String| import_str(&xml, "mine.xml", &options).unwrap().report;
    let r = report(with_id("<iati-identifier> AA-1-X </iati-identifier>"));
    assert_eq!(r.of_rule(Rule::IatiIdentifierSpaces).count(), 1);
    assert_eq!(
        r.iter().next().unwrap().span.as_ref().map(|s| (s.line, s.column)),
        Some((3, 5))
    );
    let r = report(with_id("<iati-identifier>BB-1-X</iati-identifier>"));
    assert_eq!(r.of_rule(Rule::IatiIdentifierPrefix).count(), 1, "{r:?}");
    let r = report(with_id("<iati-identifier>AA-1</iati-identifier>"));
    assert_eq!(
        r.iter().next().unwrap().message,
        "the activity identifier AA-1 is its reporting organisation's own identifier"
    );
    let r = report(with_id("<iati-identifier>AA-1-X?</iati-identifier>"));
    assert_eq!(r.of_rule(Rule::IatiIdentifierCharacters).count(), 1);
    let r = report(with_id("<iati-identifier>AA-1-X;Y</iati-identifier>"));
    assert_eq!(r.of_rule(Rule::IatiBadIdentifier).count(), 1);
    let r = report(ACTIVITY.replace("<iati-identifier>AA-1-X</iati-identifier>", ""));
    assert_eq!(
        r.iter().next().unwrap().message,
        "an activity has no <iati-identifier>; it is left out"
    );
    let twice = ACTIVITY.replace("{}", "").replace(
        "</iati-activities>",
        "<iati-activity><iati-identifier>AA-1-X</iati-identifier></iati-activity></iati-activities>",
    );
    let r = report(twice);
    assert_eq!(r.of_rule(Rule::IatiDuplicateIdentifier).count(), 1);
}

#[test]
fn dates() {
    only(
        r#"    <budget><period-start iso-date="2024-1-1"/><period-end iso-date="2024-12-31"/><value>1</value></budget>"#,
        Rule::IatiInvalidDate,
        "<period-start> has iso-date=\"2024-1-1\", which is not a date YYYY-MM-DD",
        12,
        13,
    );
    only(
        r#"    <activity-date type="2" iso-date="2024-07-01"/>"#,
        Rule::IatiDateInFuture,
        "the actual-start date 2024-07-01 of mine:AA-1-X is after today, 2024-06-30",
        12,
        5,
    );
    only(
        r#"    <budget><period-start iso-date="2024-12-31"/><period-end iso-date="2024-01-01"/><value>1</value></budget>"#,
        Rule::IatiDateOrder,
        "the budget period of mine:AA-1-X starts on 2024-12-31, after it ends on 2024-01-01",
        12,
        5,
    );
}

#[test]
fn values_codes_and_parts() {
    only(
        r#"    <budget><period-start iso-date="2024-01-01"/><period-end iso-date="2024-12-31"/><value>n/a</value></budget>"#,
        Rule::IatiInvalidValue,
        "<value> has the value \"n/a\", which is not a finite number",
        12,
        85,
    );
    only(
        r#"    <activity-date type="7" iso-date="2024-01-01"/>"#,
        Rule::IatiUnknownCode,
        "<activity-date> of mine:AA-1-X has type \"7\", which is no date type 1 to 4",
        12,
        5,
    );
    only(
        r#"    <policy-marker vocabulary="1" significance="1"/>"#,
        Rule::IatiIncompleteElement,
        "a <policy-marker> of mine:AA-1-X has no code; it is left out",
        12,
        5,
    );
    only(
        r#"    <tag vocabulary="2" code="18"/>"#,
        Rule::IatiUnknownSdgCode,
        "<tag> of mine:AA-1-X names \"18\", which is no SDG goal, target or indicator; it is left out",
        12,
        5,
    );
    only(
        r#"    <tag vocabulary="3" code="8.B"/>"#,
        Rule::SdgCodeCase,
        "SDG code \"8.B\" of mine:AA-1-X writes its target letter in upper case; it is read as 8.b",
        12,
        5,
    );
}

#[test]
fn percentages() {
    only(
        r#"    <sector vocabulary="2" code="111" percentage="50"/>
    <sector vocabulary="2" code="112" percentage="40"/>"#,
        Rule::IatiPercentageSum,
        "the 2 sector percentages of vocabulary 2 of mine:AA-1-X add up to 90, not 100",
        12,
        5,
    );
    only(
        r#"    <recipient-country code="KE" percentage="101"/>"#,
        Rule::IatiPercentageRange,
        "the country and region percentage 101 of mine:AA-1-X is outside 0 to 100",
        12,
        5,
    )
}

#[test]
fn relations_and_results() {
    only(
        r#"    <related-activity type="3" ref="AA-1-Y"/>"#,
        Rule::IatiOutsideActivity,
        "mine:AA-1-X names a sibling \"AA-1-Y\", which is not among the activities read; it is kept as data",
        12,
        5,
    );
    only(
        r#"    <result type="1"><title><narrative>R</narrative></title><reference vocabulary="99" code="R"/>
      <indicator measure="1"><title><narrative>I</narrative></title><reference vocabulary="99" code="I"/></indicator></result>"#,
        Rule::IatiReferenceLevel,
        "result 1 of mine:AA-1-X gives a reference, and so does its indicator",
        13,
        7,
    );
    only(
        r#"    <result type="1"><title><narrative>R</narrative></title>
      <indicator measure="1"><title><narrative>I</narrative></title><baseline year="2020" value="1"/><baseline year="2021" value="2"/></indicator></result>"#,
        Rule::IatiSeveralBaselines,
        "an indicator of mine:AA-1-X gives 2 baselines; the first is kept",
        13,
        102,
    );
}

/// Every rule of the family is exercised above or in the documentation's
/// examples (tests/suite/rules.rs runs those).
#[test]
fn the_family_is_covered() {
    let here = include_str!("iati_rules.rs");
    for rule in Rule::ALL
        .iter()
        .filter(|r| r.family() == ilo_frameworks::validate::Family::Iati)
    {
        let name = format!("{rule:?}");
        assert!(here.contains(&format!("Rule::{name}")), "{rule} has no test here");
    }
}
