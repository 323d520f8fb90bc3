//! What every reading target checks of a document the reader accepted.

use ilo_frameworks::format::{Document, Format, SourceMap};
use ilo_frameworks::graph::FrameworkGraph;
use ilo_frameworks::validate::{Config, Validator};
use ilo_frameworks::{Framework, FrameworkSet, ProgressReport, builtin};

/// Reads `text` as a framework, report or set in `format`; when it is
/// accepted, checks that it is written back and read again unchanged in
/// both formats, that validation and its report run, and that the report
/// for people prints no control character raw.
pub fn read(text: &str, format: Format) {
    let mut sources = SourceMap::new();
    let Ok(document) = sources.add_document(text, format, "fuzz") else {
        return;
    };
    let mut set = FrameworkSet::new();
    match document {
        Document::Framework(framework) => {
            round_trip_framework(&framework);
            let _ = set.insert(framework);
        }
        Document::Report(report) => {
            round_trip_report(&report);
            let _ = set.insert_report(report);
        }
        Document::Set(read) => {
            let json = read.to_json_string().expect("an accepted set is written as JSON");
            assert_eq!(FrameworkSet::from_json_str(&json, "fuzz.json").expect("reads back"), read);
            let toml = read.to_toml_string().expect("an accepted set is written as TOML");
            assert_eq!(FrameworkSet::from_toml_str(&toml, "fuzz.toml").expect("reads back"), read);
            set = read;
        }
        _ => return,
    }
    let sdg = builtin::sdg().expect("built in");
    let standards = builtin::standards().expect("built in");
    let graph = FrameworkGraph::new(&set, sdg, &standards);
    let report = Validator::new(&set, sdg, &standards)
        .graph(&graph)
        .sources(&sources)
        .run(&Config::default());
    let shown = report.render(Some(&sources));
    assert!(
        !shown.chars().any(|c| c.is_control() && c != '\n' && c != '\t'),
        "a control character reaches the report"
    );
    let _ = ilo_frameworks::progress::evaluate(&set, &graph, "2025Q4".parse().expect("a quarter"));
}

fn round_trip_framework(framework: &Framework) {
    let json = framework.to_json_string().expect("an accepted framework is written as JSON");
    assert_eq!(&Framework::from_json_str(&json, "fuzz.json").expect("reads back"), framework);
    let toml = framework.to_toml_string().expect("an accepted framework is written as TOML");
    assert_eq!(&Framework::from_toml_str(&toml, "fuzz.toml").expect("reads back"), framework);
}

fn round_trip_report(report: &ProgressReport) {
    let json = report.to_json_string().expect("an accepted report is written as JSON");
    assert_eq!(&ProgressReport::from_json_str(&json, "fuzz.json").expect("reads back"), report);
    let toml = report.to_toml_string().expect("an accepted report is written as TOML");
    assert_eq!(&ProgressReport::from_toml_str(&toml, "fuzz.toml").expect("reads back"), report);
}
