//! Reading and writing files: the complete example, malformed files with
//! their line and column, and the committed JSON Schema.

use ilo_frameworks::*;

const EXAMPLE: &str = include_str!("../../examples/data/youth-employment.toml");

fn load_toml(text: &str) -> LoadError {
    Framework::from_toml_str(text, "bad.toml").expect_err("the file should not load")
}

fn load_json(text: &str) -> LoadError {
    Framework::from_json_str(text, "bad.json").expect_err("the file should not load")
}

#[test]
fn the_complete_example_loads_with_every_table() {
    let f = Framework::from_toml_str(EXAMPLE, "youth-employment.toml").unwrap();
    assert_eq!(f.id.as_str(), "youth-jobs");
    assert_eq!(f.outcomes.len(), 2);
    assert_eq!(f.outputs().count(), 3);
    let output = f.output("3.1".parse().unwrap()).unwrap();
    assert_eq!(output.actions().count(), 3);
    assert_eq!(output.indicators[0].target, Some(Value::Number(12.0)));
    let p = &f.programmes[0];
    assert_eq!(p.coverage.as_ref().and_then(Coverage::regional_sum), Some(4));
    assert_eq!(p.contributes_to[1].share().map(Share::value), Some(0.25));
    assert_eq!(p.contributes_to[1].source(), Some(&Provenance::line(40)));
    let d = &f.deliverables[0];
    assert_eq!(d.timeframe.len(), 5);
    assert_eq!(d.timeframe.to_string(), "2024Q1..2024Q4, 2025Q2");
    assert_eq!(f.links[0].kind, LinkKind::ContributesTo);
    assert_eq!(f.claims.len(), 2);
    assert!(f.claims[0].is_about_same_fact(&f.claims[1]));
    assert_eq!(f.plan.as_ref().map(|p| p.period), Some(Period::years(2022, 2025)));
}

#[test]
fn the_example_is_written_and_read_back_unchanged() {
    let f = Framework::from_toml_str(EXAMPLE, "youth-employment.toml").unwrap();
    let toml = f.to_toml_string().unwrap();
    assert_eq!(Framework::from_toml_str(&toml, "written.toml").unwrap(), f);
    let json = f.to_json_string().unwrap();
    assert_eq!(Framework::from_json_str(&json, "written.json").unwrap(), f);
}

#[test]
fn load_from_path_picks_the_format_by_extension() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/youth-employment.toml");
    assert_eq!(Framework::load(path).unwrap().id.as_str(), "youth-jobs");
    let missing = Framework::load("no/such/file.toml").unwrap_err();
    assert!(matches!(missing, Error::Io { .. }));
    assert_eq!(missing.to_string(), "cannot read no/such/file.toml");
    let unknown = Framework::load("framework.yaml").unwrap_err();
    assert_eq!(
        unknown.to_string(),
        "cannot tell the format of framework.yaml: name it *.toml or *.json"
    );
}

const HEAD: &str = "id = \"pb-2022-23\"\nkind = \"programme-and-budget\"\ntitle = \"P&B\"\n";

#[test]
fn a_bad_code_is_reported_at_its_value() {
    let e = load_toml(&format!(
        "{HEAD}\n[[outcomes]]\ncode = \"7\"\ntitle = \"t\"\n\n[[outcomes.outputs]]\ncode = \"7.0\"\ntitle = \"t\"\n"
    ));
    assert_eq!((e.origin(), e.line(), e.column()), ("bad.toml", 10, 8));
    assert_eq!(
        e.message(),
        "invalid output code \"7.0\": \"0\" is not an output number (expected an outcome code, a dot and a number from 1, such as \"7.1\" or \"C.4\")"
    );
}

#[test]
fn an_unknown_key_is_an_error_not_dropped() {
    let e = load_toml(&format!(
        "{HEAD}\n[[outcomes]]\ncode = \"7\"\ntitle = \"t\"\ntitel = \"typo\"\n"
    ));
    assert_eq!((e.line(), e.column()), (8, 1));
    assert!(
        e.message().starts_with("unknown key `titel`, expected one of"),
        "{}",
        e.message()
    );
}

#[test]
fn a_missing_required_key_names_the_table() {
    let e = load_toml(&format!("{HEAD}\n[[outcomes]]\ncode = \"7\"\n"));
    assert_eq!(e.message(), "missing key `title`");
    assert_eq!(e.line(), 5);
}

#[test]
fn a_wrong_type_is_reported_with_what_was_expected() {
    let e = load_toml("id = \"x\"\nkind = \"other\"\ntitle = 5\n");
    assert_eq!((e.line(), e.column()), (3, 9));
    assert_eq!(e.message(), "expected a text, found the number 5");
    let e = load_toml("id = \"x\"\nkind = \"agenda\"\ntitle = \"t\"\n");
    assert_eq!((e.line(), e.column()), (2, 8));
    assert!(
        e.message().starts_with("unknown name `agenda`, expected one of"),
        "{}",
        e.message()
    );
}

#[test]
fn a_share_out_of_range_is_reported() {
    let e = load_toml(&format!(
        "{HEAD}\n[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"n\"\ncontributes_to = [{{ to = \"pb-2022-23:7.1\", share = 1.5 }}]\n"
    ));
    assert_eq!(e.line(), 9);
    assert_eq!(e.message(), "invalid share \"1.5\": a share is a fraction from 0 to 1");
}

#[test]
fn broken_toml_syntax_is_reported_with_line_and_column() {
    let e = load_toml("id = \"x\"\nkind = \"other\"\ntitle = \"unclosed\n");
    assert_eq!((e.line(), e.column()), (3, 18));
    assert!(e.to_string().starts_with("bad.toml:3:18: "), "{e}");
    let e = load_toml("id = \"x\"\nid = \"y\"\n");
    assert_eq!(e.line(), 2);
    assert!(e.message().contains("duplicate key"), "{}", e.message());
}

#[test]
fn json_errors_carry_line_and_column() {
    let e = load_json(
        "{\n  \"id\": \"x\",\n  \"kind\": \"other\",\n  \"title\": \"t\",\n  \"outcomes\": [{\"code\": \"b\", \"title\": \"t\"}]\n}",
    );
    assert_eq!((e.line(), e.column()), (5, 27));
    assert_eq!(
        e.message(),
        "invalid outcome code \"b\": enabling outcomes use a capital letter: write \"B\" (expected a number from 1 for a policy outcome, a capital letter for an enabling outcome, or ASCII letters and digits starting with a letter, such as \"7\", \"B\" or \"IA1\")"
    );
    let e = load_json("{\"id\": \"x\",");
    assert_eq!((e.line(), e.column()), (1, 11));
    assert_eq!(e.message(), "the text ends where a value should be");
}

#[test]
fn non_ascii_columns_count_characters() {
    let e = load_toml("id = \"x\"\nkind = \"other\"\ntitle = \"2022–23\"\nperiod = \"é\"\n");
    assert_eq!((e.line(), e.column()), (4, 10));
}

#[test]
fn sets_refuse_two_frameworks_with_one_id() {
    let f = Framework::from_toml_str(EXAMPLE, "youth-employment.toml").unwrap();
    let mut set = FrameworkSet::new();
    set.insert(f.clone()).unwrap();
    let e = set.insert(f.clone()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the set already holds a framework or report with id youth-jobs; give each document its own id"
    );
    assert_eq!(set.len(), 1);
    let json = set.to_json_string().unwrap();
    assert_eq!(FrameworkSet::from_json_str(&json, "set.json").unwrap(), set);
    let doubled = format!("{{\"frameworks\": [{0}, {0}]}}", f.to_json_string().unwrap());
    let e = FrameworkSet::from_json_str(&doubled, "doubled.json").unwrap_err();
    assert!(e.message().contains("already holds a framework"), "{}", e.message());
}

#[test]
fn references_resolve_across_the_set() {
    let f = Framework::from_toml_str(EXAMPLE, "youth-employment.toml").unwrap();
    let mut set = FrameworkSet::new();
    set.insert(f).unwrap();
    for (reference, kind) in [
        ("youth-jobs:3", "outcome"),
        ("youth-jobs:3.1", "output"),
        ("youth-jobs:YEP", "programme"),
        ("youth-jobs:1.1", "deliverable"),
    ] {
        let element = set
            .resolve(&reference.parse().unwrap())
            .unwrap_or_else(|| panic!("{reference}"));
        assert_eq!(element.kind_name(), kind, "{reference}");
    }
    assert!(set.resolve(&"youth-jobs:9.9".parse().unwrap()).is_none());
    assert!(set.resolve(&"other:3".parse().unwrap()).is_none());
    assert!(set.resolve(&"sdg:8.6".parse().unwrap()).is_none());
}

#[test]
fn the_committed_schema_is_up_to_date() {
    let committed = include_str!("../../docs/framework.schema.json");
    let current = framework_schema();
    assert!(
        committed == current,
        "docs/framework.schema.json is out of date: run `cargo run --example schema > docs/framework.schema.json`"
    );
}

#[test]
fn the_committed_report_schema_is_up_to_date() {
    let committed = include_str!("../../docs/progress-report.schema.json");
    assert!(
        committed == report_schema(),
        "docs/progress-report.schema.json is out of date: run `cargo run --example schema report > docs/progress-report.schema.json`"
    );
}

#[test]
fn the_committed_set_schema_is_up_to_date() {
    let committed = include_str!("../../docs/set.schema.json");
    assert!(
        committed == set_schema(),
        "docs/set.schema.json is out of date: run `cargo run --example schema set > docs/set.schema.json`"
    );
}

#[test]
fn the_schema_accepts_the_example_shape() {
    let schema: serde_json::Value = serde_json::from_str(&framework_schema()).unwrap();
    let required = schema["required"].as_array().unwrap();
    let names: Vec<&str> = required.iter().filter_map(|v| v.as_str()).collect();
    assert_eq!(names, ["id", "kind", "title"]);
    assert_eq!(
        schema["$defs"]["OutputCode"]["pattern"],
        "^([1-9][0-9]*|[A-Za-z][A-Za-z0-9]{0,14})\\.[1-9][0-9]*$"
    );
}

#[test]
fn appended_maps_keep_their_order_whichever_is_larger() {
    use ilo_frameworks::format::{Location, SourceMap};
    let small = "id = \"mine\"\nkind = \"programme-set\"\ntitle = \"Mine\"\n\n[[programmes]]\nid = \"P\"\nkind = \"project\"\nname = \"P\"\n";
    let mut large = String::from(small);
    for i in 0..50 {
        large.push_str(&format!(
            "\n[[programmes]]\nid = \"Q{i}\"\nkind = \"project\"\nname = \"Q\"\npartners = [\"a\", \"b\"]\n"
        ));
    }
    let repeat = |n| Location::Repeat("mine:P".parse().unwrap(), n);
    for (first, second) in [(small, large.as_str()), (large.as_str(), small)] {
        let mut map = SourceMap::new();
        map.add_toml(first, "first.toml").unwrap();
        let mut other = SourceMap::new();
        other.add_toml(second, "second.toml").unwrap();
        map.append(other);
        // The first map's place of a repeated element comes first, the
        // appended map's second; each file keeps its own name.
        assert_eq!(map.span(&repeat(0)).unwrap().file, "first.toml");
        assert_eq!(map.span(&repeat(1)).unwrap().file, "second.toml");
        let item = Location::Item("mine:Q3".parse().unwrap(), "partners".to_owned(), 1);
        let span = map.span(&item).unwrap();
        let name = if first.len() > second.len() {
            "first.toml"
        } else {
            "second.toml"
        };
        assert_eq!(span.file, name);
        assert_eq!(map.lines_around(&span, 0).unwrap().text, "partners = [\"a\", \"b\"]");
    }
}

#[test]
fn what_a_document_holds_is_told_by_its_first_telling_key() {
    use ilo_frameworks::format::Document;
    // A document that lists reports is read as a set, which lists its
    // frameworks too.
    let only_reports = r#"{"reports": []}"#;
    let e = Document::read(only_reports, Format::Json, "set.json").unwrap_err();
    assert_eq!(e.message(), "missing key `frameworks`");
    let e = Document::read("reports = []\n", Format::Toml, "set.toml").unwrap_err();
    assert_eq!(e.message(), "missing key `frameworks`");
    // `kind` may come after other keys, and a report says what it is.
    let late = r#"{"id": "mine", "title": "Mine", "kind": "programme-set"}"#;
    assert!(matches!(
        Document::read(late, Format::Json, "mine.json"),
        Ok(Document::Framework(_))
    ));
    let report = r#"{"id": "r", "kind": "progress-report", "title": "R", "date": "2024-06-30"}"#;
    let read = Document::read(report, Format::Json, "r.json");
    assert!(matches!(read, Ok(Document::Report(_))), "{read:?}");
    // What follows the telling key is still read, and its faults reported.
    let broken = r#"{"kind": "programme-set", "id": "mine", "title": "Mine", "extra": 1}"#;
    let e = Document::read(broken, Format::Json, "mine.json").unwrap_err();
    assert!(
        e.message().contains("unknown key `extra`") || e.message().contains("extra"),
        "{e}"
    );
}
