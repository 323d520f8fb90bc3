//! The crate as embedding developers use it: types that travel through
//! serde, names that parse back, reports that merge, and the model's
//! growing types built the way a downstream crate has to build them.

use std::fmt::Display;
use std::str::FromStr;

use ilo_frameworks::format::{Location, SourceMap, Span, coverage_csv};
use ilo_frameworks::graph::{FrameworkGraph, NodeKey, NodeKind};
use ilo_frameworks::validate::{self, Config, Diagnostic, Family, Level, Report, Rule, Severity};
use ilo_frameworks::{
    Claim, ClaimValue, Coverage, DataPoint, DataPoints, Deliverable, DeliverableObservation, DeliverableStatus,
    Direction, Endorsement, Expected, Format, Framework, FrameworkKind, FrameworkSet, Funding, Indicator,
    IndicatorObservation, IndicatorPeriod, Measure, Outcome, Output, ParseError, PartialDate, Plan, Programme,
    ProgrammeKind, ProgrammeTarget, ProgressReport, Provenance, Ref, Region, Standard, StandardCatalogue,
    TargetObservation, Value, builtin,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

fn json_round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) {
    let text = serde_json::to_string(value).expect("serializes");
    let back: T = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{text} reads back: {e}"));
    assert_eq!(&back, value, "{text}");
}

fn builtin_report() -> Report {
    let (set, sources) = validate::builtin_with_sources().expect("built-ins load");
    validate::validate_with_sources(&set, &sources, &Config::default()).expect("runs")
}

// ---------------------------------------------------------------------------
// Types that travel

#[test]
fn a_report_reads_back_from_what_to_json_writes() {
    let report = builtin_report();
    assert!(!report.is_empty());
    assert!(report.iter().all(|d| d.location.is_some() && d.span.is_some()));
    let back: Report = serde_json::from_str(&report.to_json()).expect("reads back");
    assert_eq!(back, report);
    // One serde form: serializing is what `to_json` writes.
    assert_eq!(
        format!("{}\n", serde_json::to_string_pretty(&report).unwrap()),
        report.to_json()
    );
    // A report without places, from lint_toml, reads back too.
    let (lint, _) = validate::lint_toml("sdg = [\"1.A\"]\n", "x.toml", &Config::default());
    assert!(lint.iter().any(|d| d.location.is_none()));
    json_round_trip(&lint);
    json_round_trip(&Report::default());
}

#[test]
fn a_report_reads_the_json_of_ilofw_check_and_ignores_what_it_does_not_know() {
    let report = builtin_report();
    let mut value: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    value["overview"] = serde_json::json!({ "frameworks": ["pb-2022-23"] });
    value["diagnostics"][0]["future"] = serde_json::json!(true);
    assert_eq!(serde_json::from_value::<Report>(value).unwrap(), report);
}

#[test]
fn the_json_of_a_finding_has_its_place_in_the_model() {
    let report = builtin_report();
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    let first = &json["diagnostics"][0];
    let mut keys: Vec<&str> = first.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "code", "help", "location", "message", "notes", "severity", "span", "subjects"
        ]
    );
    // Every kind of place has its own one-key object.
    let subject: Ref = "pb-2022-23:7.1".parse().unwrap();
    let places = [
        (
            Location::Framework("pb-2022-23".parse().unwrap()),
            serde_json::json!({ "framework": "pb-2022-23" }),
        ),
        (
            Location::Element(subject.clone()),
            serde_json::json!({ "element": "pb-2022-23:7.1" }),
        ),
        (
            Location::Field(subject.clone(), "title".into()),
            serde_json::json!({ "field": { "of": "pb-2022-23:7.1", "field": "title" } }),
        ),
        (
            Location::Item(subject.clone(), "sdg".into(), 2),
            serde_json::json!({ "item": { "of": "pb-2022-23:7.1", "field": "sdg", "index": 2 } }),
        ),
        (
            Location::Link("pb-2022-23".parse().unwrap(), 3),
            serde_json::json!({ "link": { "framework": "pb-2022-23", "index": 3 } }),
        ),
        (
            Location::Claim("pb-2022-23".parse().unwrap(), 0),
            serde_json::json!({ "claim": { "framework": "pb-2022-23", "index": 0 } }),
        ),
        (
            Location::Repeat(subject.clone(), 1),
            serde_json::json!({ "repeat": { "of": "pb-2022-23:7.1", "index": 1 } }),
        ),
    ];
    for (location, expected) in places {
        let d = Diagnostic::new(Rule::EmptyTitle, Severity::Error, "empty").at(location);
        let json = serde_json::to_value(&d).unwrap();
        assert_eq!(json["location"], expected);
        json_round_trip(&d);
    }
}

#[test]
fn diagnostics_read_back_with_every_field() {
    let span = Span {
        file: "mine.toml".into(),
        line: 8,
        column: 8,
        offset: 90,
        length: 6,
    };
    let d = Diagnostic::new(Rule::UnknownSdgCode, Severity::Error, "mine:1 names SDG 8.99")
        .with_subject("mine:1".parse().unwrap())
        .with_subject("sdg:8".parse().unwrap())
        .at(Location::Item("mine:1".parse().unwrap(), "sdg".into(), 0))
        .with_span(span.clone())
        .with_help("use a code of the UN list")
        .with_note("the catalogue is the 2023 list");
    json_round_trip(&d);
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["code"], "links/unknown-sdg-code");
    assert_eq!(json["severity"], "error");
    assert_eq!(json["span"], serde_json::to_value(&span).unwrap());
    // What a tool may leave out is optional.
    let bare: Diagnostic =
        serde_json::from_str(r#"{"code": "time/empty-timeframe", "severity": "warning", "message": "m"}"#).unwrap();
    assert_eq!(bare, Diagnostic::new(Rule::EmptyTimeframe, Severity::Warning, "m"));
    // A code no rule has is refused, naming the codes there are.
    let err = serde_json::from_str::<Diagnostic>(r#"{"code": "links/nope", "severity": "note", "message": "m"}"#)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(r#"invalid rule code "links/nope": expected one of format/invalid-file"#),
        "{err}"
    );
}

#[test]
fn severities_node_kinds_and_node_keys_read_back() {
    for &severity in Severity::ALL {
        json_round_trip(&severity);
        assert_eq!(serde_json::to_value(severity).unwrap(), severity.as_str());
    }
    for &kind in NodeKind::ALL {
        json_round_trip(&kind);
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
    }
    let graph = FrameworkGraph::builtin().unwrap();
    let mut kinds = std::collections::HashSet::new();
    for node in graph.nodes() {
        json_round_trip(node.key());
        assert_eq!(node.key().to_string().parse::<NodeKey>().as_ref(), Ok(node.key()));
        kinds.insert(std::mem::discriminant(node.key()));
    }
    assert!(
        kinds.len() >= 3,
        "refs, indicators and partners are among the built-in keys"
    );
    let keys = [
        NodeKey::Ref("flagships:IPEC+".parse().unwrap()),
        NodeKey::Ref("ils:C182".parse().unwrap()),
        NodeKey::Indicator {
            of: "pb-2022-23:7.1".parse().unwrap(),
            number: 12,
        },
        NodeKey::Partner("European Union".into()),
        NodeKey::Initiative("Alliance 8.7".into()),
    ];
    for key in &keys {
        json_round_trip(key);
    }
    assert_eq!(serde_json::to_value(&keys[2]).unwrap(), "pb-2022-23:7.1#indicator-12");
    for bad in [
        "pb-2022-23:7.1#indicator-0",
        "pb-2022-23:7.1#indicator-x",
        "partner:",
        "PB:1",
    ] {
        let err = bad.parse::<NodeKey>().unwrap_err();
        assert_eq!(err.expected(), Expected::NodeKey, "{bad}");
        assert!(
            err.to_string().starts_with(&format!("invalid node key {bad:?}: ")),
            "{err}"
        );
    }
}

#[test]
fn a_coverage_matrix_serializes_as_rows_columns_and_cells() {
    let graph = FrameworkGraph::builtin().unwrap();
    let matrix = graph.coverage(NodeKind::Outcome, NodeKind::SdgGoal);
    let json = serde_json::to_value(&matrix).unwrap();
    let mut keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["cells", "columns", "rows"]);
    assert_eq!(json["columns"][0], "sdg:1");
    assert_eq!(json["columns"].as_array().unwrap().len(), 17);
    assert_eq!(json["rows"].as_array().unwrap().len(), matrix.rows().len());
    let cells = json["cells"].as_array().unwrap();
    assert_eq!(cells.len(), matrix.rows().len());
    for (r, row) in cells.iter().enumerate() {
        assert_eq!(row, &serde_json::to_value(matrix.row(r).unwrap()).unwrap());
    }
    let row = matrix
        .rows()
        .iter()
        .position(|k| k.to_string() == "pb-2022-23:8")
        .unwrap();
    assert_eq!(json["rows"][row], "pb-2022-23:8");
    assert_eq!(json["cells"][row][0], 3);

    // The CSV writer sits with the other writers.
    let csv = coverage_csv(&matrix);
    assert!(csv.starts_with("row,sdg:1,sdg:2,"));
    assert!(csv.contains("\npb-2022-23:8,3,"));
    assert_eq!(csv.lines().count(), matrix.rows().len() + 1);
}

#[test]
fn contributions_and_reaches_serialize_as_data() {
    let graph = FrameworkGraph::builtin().unwrap();
    let reach = graph.contributions(&"flagships:OSH-GAP".parse().unwrap()).unwrap();
    let json = serde_json::to_value(&reach).unwrap();
    assert_eq!(
        json["origin"],
        serde_json::json!({
            "id": "flagships:OSH-GAP",
            "kind": "programme",
            "label": reach.origin().label(),
        })
    );
    let reached = json["reached"].as_array().unwrap();
    assert_eq!(reached.len(), reach.len());
    let outcome = reach.get(&"pb-2022-23:7".parse().unwrap()).unwrap();
    let one = serde_json::to_value(outcome).unwrap();
    assert_eq!(
        one,
        serde_json::json!({
            "id": "pb-2022-23:7",
            "kind": "outcome",
            "label": outcome.node().label(),
            "distance": 2,
            "via": { "from": "pb-2022-23:7.2", "to": "pb-2022-23:7", "kind": "part_of" },
        })
    );
    assert!(reached.contains(&one));
    // The step before is in the answer too, so the path can be rebuilt.
    let before = reached.iter().find(|r| r["id"] == "pb-2022-23:7.2").unwrap();
    assert_eq!(
        before["via"],
        serde_json::json!({ "from": "flagships:OSH-GAP", "to": "pb-2022-23:7.2", "kind": "contributes_to" })
    );
    // A share carried along the path is written, on the reach and its edge.
    let text = r#"
id = "mine"
kind = "programme-set"
title = "Mine"

[[programmes]]
id = "P"
kind = "project"
name = "A project"
contributes_to = [{ to = "pb-2022-23:7.1", share = 0.5 }]
"#;
    let mut set = builtin::frameworks().unwrap();
    set.insert(Framework::from_toml_str(text, "mine.toml").unwrap())
        .unwrap();
    let graph = FrameworkGraph::new(&set, builtin::sdg().unwrap(), &builtin::standards().unwrap());
    let reach = graph.contributions(&"mine:P".parse().unwrap()).unwrap();
    let output = serde_json::to_value(reach.get(&"pb-2022-23:7.1".parse().unwrap()).unwrap()).unwrap();
    assert_eq!(output["share"], 0.5);
    assert_eq!(output["via"]["share"], 0.5);
    let outcome = serde_json::to_value(reach.get(&"pb-2022-23:7".parse().unwrap()).unwrap()).unwrap();
    assert_eq!(outcome["share"], 0.5);
    assert!(outcome["via"].get("share").is_none());
}

#[test]
fn a_config_serializes_as_its_file() {
    let config = Config::default()
        .with(Rule::OutputWithoutContributor, Level::Allow)
        .with(Rule::EmptyTimeframe, Level::Deny);
    assert_eq!(
        serde_json::to_value(&config).unwrap(),
        serde_json::json!({ "rules": { "links/output-without-contributor": "allow", "time/empty-timeframe": "deny" } })
    );
    let toml = toml::to_string(&config).unwrap();
    assert_eq!(Config::from_toml_str(&toml, "lints.toml").unwrap(), config);
    json_round_trip(&config);
    assert_eq!(
        serde_json::to_value(Config::default()).unwrap(),
        serde_json::json!({ "rules": {} })
    );
    assert_eq!(
        config.levels().collect::<Vec<_>>(),
        [
            (Rule::OutputWithoutContributor, Level::Allow),
            (Rule::EmptyTimeframe, Level::Deny)
        ]
    );
    let err = serde_json::from_str::<Config>(r#"{"rules": {"links/nope": "deny"}}"#).unwrap_err();
    assert!(err.to_string().contains("links/nope"), "{err}");
}

// ---------------------------------------------------------------------------
// Names that parse back

/// Every value parses back from its name, and a bad name is refused with
/// the kind of value expected and the list of names there are.
fn names_read_back<T>(all: &[T], name: impl Fn(&T) -> String, expected: Expected, names: &str)
where
    T: FromStr<Err = ParseError> + PartialEq + std::fmt::Debug + Display,
{
    for value in all {
        assert_eq!(name(value).parse::<T>().as_ref(), Ok(value));
        assert_eq!(value.to_string(), name(value));
    }
    let err = "no-such-name".parse::<T>().unwrap_err();
    assert_eq!(err.expected(), expected);
    assert_eq!(err.input(), "no-such-name");
    assert_eq!(
        err.to_string(),
        format!("invalid {expected} \"no-such-name\": expected one of {names}")
    );
    // Names are exact: no other case, no surrounding space.
    let first = name(&all[0]);
    assert!(first.to_uppercase().parse::<T>().is_err());
    assert!(format!(" {first}").parse::<T>().is_err());
}

#[test]
fn every_named_enum_parses_what_as_str_writes() {
    names_read_back(
        NodeKind::ALL,
        |k| k.as_str().to_owned(),
        Expected::NodeKind,
        "framework, outcome, output, indicator, programme, deliverable, sdg-goal, sdg-target, sdg-indicator, standard, partner, initiative",
    );
    names_read_back(
        FrameworkKind::ALL,
        |k| k.as_str().to_owned(),
        Expected::FrameworkKind,
        "strategic-plan, programme-and-budget, programme-set, plan-of-action, other",
    );
    names_read_back(
        ProgrammeKind::ALL,
        |k| k.as_str().to_owned(),
        Expected::ProgrammeKind,
        "flagship, global-programme, project",
    );
    names_read_back(
        Severity::ALL,
        |s| s.as_str().to_owned(),
        Expected::Severity,
        "help, note, warning, error",
    );
    names_read_back(
        Level::ALL,
        |l| l.as_str().to_owned(),
        Expected::Level,
        "allow, warn, deny",
    );
    names_read_back(
        Family::ALL,
        |f| f.as_str().to_owned(),
        Expected::Family,
        "format, structure, links, time, numbers, results, iati",
    );
    names_read_back(Format::ALL, |f| f.as_str().to_owned(), Expected::Format, "toml, json");
    names_read_back(
        Measure::ALL,
        |m| m.as_str().to_owned(),
        Expected::Measure,
        "unit, percentage, nominal, ordinal, qualitative",
    );
    names_read_back(
        Direction::ALL,
        |d| d.as_str().to_owned(),
        Expected::Direction,
        "ascending, descending",
    );
    names_read_back(
        DeliverableStatus::ALL,
        |s| s.as_str().to_owned(),
        Expected::DeliverableStatus,
        "not-started, in-progress, done, dropped",
    );
    names_read_back(
        &Region::ALL,
        |r| r.key().to_owned(),
        Expected::Region,
        "africa, arab_states, asia_pacific, europe_central_asia, americas",
    );
    let codes: Vec<String> = Rule::ALL.iter().map(|r| r.code()).collect();
    names_read_back(Rule::ALL, |r| r.code(), Expected::Rule, &codes.join(", "));
}

#[test]
fn the_names_of_files_and_of_serde_agree() {
    // Where a type has both, serde and FromStr read the same names.
    for &kind in FrameworkKind::ALL {
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
    }
    for &kind in ProgrammeKind::ALL {
        assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
    }
    for &measure in Measure::ALL {
        assert_eq!(serde_json::to_value(measure).unwrap(), measure.as_str());
    }
    for &direction in Direction::ALL {
        assert_eq!(serde_json::to_value(direction).unwrap(), direction.as_str());
    }
    for &status in DeliverableStatus::ALL {
        assert_eq!(serde_json::to_value(status).unwrap(), status.as_str());
    }
    for region in Region::ALL {
        assert_eq!(serde_json::to_value(region).unwrap(), region.key());
    }
    for &level in Level::ALL {
        assert_eq!(serde_json::to_value(level).unwrap(), level.as_str());
        json_round_trip(&level);
    }
    for &family in Family::ALL {
        assert_eq!(serde_json::to_value(family).unwrap(), family.as_str());
        json_round_trip(&family);
    }
    for &rule in Rule::ALL {
        json_round_trip(&rule);
    }
}

fn title(set: &FrameworkSet, reference: &Ref) -> Option<String> {
    set.resolve(reference).map(|e| e.title().to_owned())
}

#[test]
fn an_element_gives_its_reference() {
    let set = builtin::frameworks().unwrap();
    for framework in &set {
        assert_eq!(framework.reference(), Ref::Framework(framework.id.clone()));
        let mut count = 0;
        for outcome in &framework.outcomes {
            let reference = framework.reference_of(outcome);
            assert_eq!(title(&set, &reference), Some(outcome.title.clone()));
            for output in &outcome.outputs {
                let reference = framework.reference_of(output);
                assert_eq!(reference.to_string(), format!("{}:{}", framework.id, output.code));
                assert_eq!(title(&set, &reference), Some(output.title.clone()));
                count += 1;
            }
        }
        for programme in &framework.programmes {
            let reference = framework.reference_of(programme);
            assert_eq!(reference.to_string(), format!("{}:{}", framework.id, programme.id));
            assert_eq!(title(&set, &reference), Some(programme.name.to_string()));
            count += 1;
        }
        for deliverable in &framework.deliverables {
            let reference = framework.reference_of(deliverable);
            let element = set.resolve(&reference).expect("resolves");
            assert_eq!(framework.reference_of(element), reference);
            count += 1;
        }
        assert!(count > 0, "{}", framework.id);
    }
}

#[test]
fn partial_dates_have_constructors_and_getters_of_their_own() {
    let year = PartialDate::from_year(2025).unwrap();
    let month = PartialDate::from_year_month(2015, 10).unwrap();
    let day = PartialDate::from_day(chrono::NaiveDate::from_ymd_opt(2015, 10, 1).unwrap()).unwrap();
    assert_eq!((year.year(), year.month(), year.day()), (2025, None, None));
    assert_eq!((month.year(), month.month(), month.day()), (2015, Some(10), None));
    assert_eq!(
        (day.year(), day.month(), day.day()),
        (2015, Some(10), chrono::NaiveDate::from_ymd_opt(2015, 10, 1))
    );
    assert_eq!(
        [year, month, day].map(|d| d.to_string()),
        ["2025", "2015-10", "2015-10-01"]
    );
    assert!(PartialDate::from_year_month(2015, 0).is_err());
}

// ---------------------------------------------------------------------------
// Reports that merge

#[test]
fn merged_reports_keep_the_order_and_list_each_finding_once() {
    let text = "id = \"x\"\nkind = \"other\"\ntitle = \"X\"\n\n[[outcomes]]\ncode = \"1\"\ntitle = \" One\"\nsdg = [\"8.99\"]\n";
    let mut sources = SourceMap::new();
    let mut set = FrameworkSet::new();
    set.insert(sources.add_toml(text, "x.toml").unwrap()).unwrap();
    let validated = validate::validate_with_sources(&set, &sources, &Config::default()).unwrap();
    assert!(validated.len() >= 2);
    let (linted, framework) = validate::lint_toml(&text.replace("8.99", "8.A"), "y.toml", &Config::default());
    assert!(framework.is_none());
    assert!(!linted.is_empty());

    let mut merged = linted.clone();
    merged.merge(validated.clone());
    assert_eq!(merged.len(), linted.len() + validated.len());
    // The order is the report's order, whichever report came first.
    let mut other = validated.clone();
    other.merge(linted.clone());
    assert_eq!(merged, other);
    let all: Vec<Diagnostic> = linted.iter().chain(&validated).cloned().collect();
    assert_eq!(Report::new(all.clone()), merged);
    assert_eq!(all.iter().cloned().collect::<Report>(), merged);
    let places: Vec<Option<(String, usize)>> = merged
        .iter()
        .map(|d| d.span.as_ref().map(|s| (s.file.clone(), s.offset)))
        .collect();
    let mut sorted = places.clone();
    sorted.sort();
    assert_eq!(places, sorted, "in file order");

    // Merging again adds nothing: exact repeats are dropped.
    let before = merged.clone();
    merged.merge(validated.clone());
    merged.extend(linted.clone());
    assert_eq!(merged, before);

    // A finding that differs only in a note is not a repeat, and keeps its
    // place after the one it follows.
    let first = validated.iter().next().unwrap().clone();
    let noted = first.clone().with_note("another note");
    merged.extend([noted.clone(), first.clone()]);
    assert_eq!(merged.len(), before.len() + 1);
    let at = merged.iter().position(|d| *d == first).unwrap();
    assert_eq!(merged.iter().nth(at + 1), Some(&noted));
    // The owned iterator gives the findings back.
    assert_eq!(merged.clone().into_iter().count(), merged.len());
}

// ---------------------------------------------------------------------------
// Growing types, built as a downstream crate has to

#[test]
fn the_models_growing_types_are_built_with_constructors_and_assignments() {
    let mut framework = Framework::new("mine".parse().unwrap(), FrameworkKind::ProgrammeAndBudget, "Mine");
    framework.biennium = Some("2024-25".parse().unwrap());
    framework.plan = Some(Plan::new("Strategic Plan 2022–25", "2022/2025".parse().unwrap()));
    framework.source = Provenance::line(1).in_document("MINE/1");

    let mut indicator = Indicator::new("Member States with a policy");
    indicator.measure = Measure::Unit;
    indicator.direction = Direction::Ascending;
    indicator.unit = Some("member States".into());
    let mut year = IndicatorPeriod::new("2024/2024".parse().unwrap());
    year.target = DataPoints::total(Value::Number(10.0));
    let mut point = DataPoint::new(Value::Number(4.0));
    point.comment = Some("first year".into());
    year.actual = DataPoints(vec![point.with("sex", "female")]);
    indicator.periods.push(year);

    let mut outcome = Outcome::new("1".parse().unwrap(), "One");
    let mut output = Output::new("1.1".parse().unwrap(), "One one");
    output.indicators.push(indicator);
    output.country_level.push("policy advice".into());
    outcome.outputs.push(output);
    framework.outcomes.push(outcome);

    let mut programme = Programme::new("P".parse().unwrap(), ProgrammeKind::Project, "A project");
    programme.endorsement = Some(Box::new(Endorsement::new("Governing Body", "2015-10".parse().unwrap())));
    let mut coverage = Coverage::new();
    coverage.set(Region::Africa, Some(2));
    coverage.total = Some(2);
    programme.coverage = Some(coverage);
    let mut target = ProgrammeTarget::new("workers reached");
    target.quantity = Some(1000.0);
    programme.targets.push(target);
    let mut funding = Funding::default();
    funding.amount = Some(250_000.0);
    funding.currency = Some("USD".into());
    programme.funding.push(funding);
    programme.contributes_to.push("mine:1.1".parse().unwrap());
    framework.programmes.push(programme);

    let mut deliverable = Deliverable::new("5.1".parse().unwrap(), "Area", "A deliverable");
    deliverable.timeframe.insert_range("2024Q1..2024Q4".parse().unwrap());
    framework.deliverables.push(deliverable);
    framework.claims.push(Claim::new(
        "mine".parse().unwrap(),
        "outcomes.count",
        ClaimValue::Number(1),
        Provenance::line(2),
    ));

    // What is built reads back from its files.
    assert_eq!(
        Framework::from_toml_str(&framework.to_toml_string().unwrap(), "mine.toml").unwrap(),
        framework
    );
    assert_eq!(
        Framework::from_json_str(&framework.to_json_string().unwrap(), "mine.json").unwrap(),
        framework
    );
    assert_eq!(framework.reference_of(&framework.programmes[0]).to_string(), "mine:P");

    let mut report = ProgressReport::new(
        "mine-progress".parse().unwrap(),
        "Progress",
        "2024-12-31".parse().unwrap(),
    );
    let mut done = DeliverableObservation::new("mine:5.1".parse().unwrap(), DeliverableStatus::Done);
    done.completed = Some("2024Q3".parse().unwrap());
    report.deliverables.push(done);
    report.targets.push(TargetObservation::new(
        "mine:P".parse().unwrap(),
        1,
        Value::Number(400.0),
    ));
    let mut actual = IndicatorObservation::new(
        "mine:1.1".parse().unwrap(),
        1,
        "2024/2024".parse().unwrap(),
        Value::Number(7.0),
    );
    actual.note = Some("provisional".into());
    report.indicators.push(actual);
    assert_eq!(
        ProgressReport::from_json_str(&report.to_json_string().unwrap(), "r.json").unwrap(),
        report
    );

    let mut c182 = Standard::new("C182".parse().unwrap());
    c182.year = Some(1999);
    let catalogue = StandardCatalogue::new(vec![c182]);
    assert_eq!(catalogue.get("C182".parse().unwrap()).and_then(|s| s.year), Some(1999));

    let mut set = FrameworkSet::new();
    set.insert(framework).unwrap();
    set.insert_report(report).unwrap();
    let report = validate::validate(&set, &Config::default()).unwrap();
    assert!(!report.has_errors(), "{}", report.render(None));
}

#[test]
fn growing_enums_are_matched_with_a_wildcard() {
    // Downstream, a match on a non-exhaustive enum needs a last arm.
    let describe = |value: &Value| match value {
        Value::Number(n) => format!("{n}"),
        Value::Text(t) => t.clone(),
        _ => "something else".to_owned(),
    };
    assert_eq!(describe(&Value::Number(2.5)), "2.5");
    let weight = |severity: Severity| match severity {
        Severity::Error => 3,
        Severity::Warning => 2,
        _ => 1,
    };
    assert_eq!(weight(Severity::Note), 1);
    let family = |kind: NodeKind| match kind {
        NodeKind::SdgGoal | NodeKind::SdgTarget | NodeKind::SdgIndicator => "sdg",
        NodeKind::Outcome | NodeKind::Output | NodeKind::Programme | NodeKind::Deliverable => "element",
        _ => "other",
    };
    assert_eq!(NodeKind::ALL.iter().filter(|&&k| family(k) == "sdg").count(), 3);
    let mut kinds: Vec<&str> = NodeKind::ALL.iter().map(|&k| family(k)).collect();
    kinds.dedup();
    assert_eq!(kinds, ["other", "element", "other", "element", "sdg", "other"]);
}
