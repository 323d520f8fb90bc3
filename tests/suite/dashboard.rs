//! The crate embedded as a downstream dashboard would use it: the built-ins
//! and a user's file, an edited set, validation with the caller's own
//! catalogues and one graph, and a report and a coverage matrix sent as JSON
//! and read back.

use ilo_frameworks::format::{Document, Format, Location, SourceMap};
use ilo_frameworks::graph::{FrameworkGraph, NodeKind};
use ilo_frameworks::validate::{self, Config, Report, Validator};
use ilo_frameworks::*;

const USER: &str = r#"
id = "country-office"
kind = "programme-set"
title = "Country office portfolio"

[[programmes]]
id = "YEP"
kind = "project"
name = "Youth Employment Partnership"
contributes_to = ["pb-2022-23:3.1", "pb-2022-23:9.9"]
standards = ["C138"]
source = { line = 1 }
"#;

#[test]
fn a_dashboard_loads_edits_validates_and_exchanges() {
    // The built-ins with their places, and a user's file read as a document.
    let (mut set, mut sources) = validate::builtin_with_sources().unwrap();
    let Document::Framework(mine) = sources.add_document(USER, Format::Toml, "office.toml").unwrap() else {
        panic!("a framework");
    };
    set.insert(mine).unwrap();

    // Edits: drop a built-in, rename a programme's title in place.
    let removed = set.remove("gp-1998").expect("a built-in");
    assert_eq!(removed.programmes.len(), 5);
    set.get_mut("country-office").unwrap().programmes[0].name = "Youth Employment Partnership (phase 2)".into();
    assert_eq!(set.len(), 5);

    // One graph, the caller's catalogues, for queries and validation alike.
    let sdg = builtin::sdg().unwrap();
    let standards = builtin::standards().unwrap();
    let graph = FrameworkGraph::new(&set, sdg, &standards);
    let report = Validator::new(&set, sdg, &standards)
        .graph(&graph)
        .sources(&sources)
        .run(&Config::default());
    let dangling: Vec<&str> = report
        .iter()
        .filter(|d| d.code() == "structure/dangling-reference")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(dangling.len(), 1, "{dangling:?}");
    assert!(dangling[0].contains("pb-2022-23:9.9"), "{dangling:?}");
    let finding = report
        .iter()
        .find(|d| d.code() == "structure/dangling-reference")
        .unwrap();
    assert_eq!(finding.span.as_ref().map(|s| s.file.as_str()), Some("office.toml"));

    // C138 is outside the built-in catalogue, yet a node that answers "who cites it".
    let citers = graph.reverse(&"ils:C138".parse().unwrap()).unwrap();
    assert!(
        citers
            .iter()
            .any(|r| r.node().key().to_string() == "country-office:YEP"),
        "{citers:?}"
    );

    // The report travels as JSON and comes back equal.
    let json = report.to_json();
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);

    // So does a coverage matrix, read back as data.
    let matrix = graph.coverage(NodeKind::Programme, NodeKind::Output);
    let json = serde_json::to_value(&matrix).unwrap();
    let rows = json["rows"].as_array().expect("rows");
    let i = rows
        .iter()
        .position(|r| r == "country-office:YEP")
        .expect("the user's programme");
    let columns = json["columns"].as_array().expect("columns");
    let j = columns.iter().position(|c| c == "pb-2022-23:3.1").expect("output 3.1");
    assert_eq!(json["cells"][i][j], 1, "{}", json["cells"][i]);
}

#[test]
fn sets_grow_shrink_and_convert() {
    let set = builtin::frameworks().unwrap();
    let ids: Vec<String> = set.iter().map(|f| f.id.to_string()).collect();
    // Owned iteration and collection back, order kept.
    let frameworks: Vec<Framework> = set.clone().into_iter().collect();
    let again = FrameworkSet::try_from(frameworks.clone()).unwrap();
    assert_eq!(again, set);
    let twice: Result<FrameworkSet, Error> = frameworks.iter().chain(&frameworks).cloned().collect();
    assert!(matches!(twice, Err(Error::DuplicateFramework(id)) if id.as_str() == ids[0]));
    // Replace keeps the place; remove closes the gap.
    let mut set = set;
    let mut edited = set.get("gsc-2017-21").unwrap().clone();
    edited.title = "Edited".into();
    assert!(set.replace(edited).unwrap().is_some());
    assert_eq!(set.iter().nth(2).map(|f| f.title.as_str()), Some("Edited"));
    set.remove("flagships");
    let after: Vec<&str> = set.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(after, ["pb-2022-23", "gsc-2017-21", "dc-plan-2019", "gp-1998"]);
    // A report's id is taken too.
    let report = ProgressReport::new("pb-2022-23".parse().unwrap(), "R", "2020".parse().unwrap());
    assert!(set.insert_report(report).is_err());
}

#[test]
fn a_set_file_records_where_each_framework_was_written() {
    let export = builtin::frameworks().unwrap().to_toml_string().unwrap();
    let mut sources = SourceMap::new();
    let Document::Set(set) = sources.add_document(&export, Format::Toml, "all.toml").unwrap() else {
        panic!("a set");
    };
    assert_eq!(set.len(), 5);
    let span = sources
        .span(&Location::Element("flagships:IPEC+".parse().unwrap()))
        .expect("recorded");
    assert_eq!(span.file, "all.toml");
    let line = export.lines().nth(span.line - 1).unwrap();
    assert_eq!(line, "[[frameworks.programmes]]", "line {}", span.line);
    // Forgetting a framework's places, then appending another map's.
    let mut other = SourceMap::new();
    other
        .add_toml(
            "id = \"flagships\"\nkind = \"programme-set\"\ntitle = \"F\"\n\n[[programmes]]\nid = \"IPEC+\"\nkind = \"flagship\"\nname = \"N\"\n",
            "f.toml",
        )
        .unwrap();
    sources.forget(&"flagships".parse().unwrap());
    sources.append(other);
    let span = sources
        .span(&Location::Element("flagships:IPEC+".parse().unwrap()))
        .unwrap();
    assert_eq!((span.file.as_str(), span.line), ("f.toml", 5));
}

#[test]
fn an_excerpt_holds_one_element_and_what_is_said_of_it() {
    let set = builtin::frameworks().unwrap();
    let output = set.excerpt(&"pb-2022-23:7.1".parse().unwrap()).unwrap();
    assert_eq!(output.outcomes.len(), 1);
    assert_eq!(output.outcomes[0].code.to_string(), "7");
    assert_eq!(
        output.outputs().map(|o| o.code.to_string()).collect::<Vec<_>>(),
        ["7.1"]
    );
    assert!(
        output
            .links
            .iter()
            .all(|l| l.to.to_string() == "pb-2022-23:7.1" || l.from.to_string() == "pb-2022-23:7.1")
    );
    assert!(!output.links.is_empty());
    assert!(set.excerpt(&"pb-2022-23:7.9".parse().unwrap()).is_none());
    assert!(set.excerpt(&"sdg:8.7".parse().unwrap()).is_none());
}

#[test]
fn the_graphs_own_namespaces_are_no_framework_ids() {
    for name in ["sdg", "ils", "partner", "initiative"] {
        let e = name.parse::<FrameworkId>().unwrap_err();
        assert!(e.to_string().contains("is reserved"), "{e}");
    }
    assert!("partners".parse::<FrameworkId>().is_ok());
}

#[test]
fn a_configuration_error_has_a_kind() {
    let e = Config::from_toml_str("[rules]\n\"time/empty-timeframe\" = \"loud\"\n", "lints.toml").unwrap_err();
    let Error::Load(e) = e else { panic!("a load error: {e}") };
    assert_eq!((e.line(), e.kind()), (2, LoadErrorKind::UnknownName));
}
