//! The reader and the JSON Schema agree: every document the reader accepts
//! from the fuzzing seeds, the examples, the built-in sources and the
//! command line's test files is valid against the schema of its kind.

use std::path::{Path, PathBuf};

use ilo_frameworks::format::Document;
use ilo_frameworks::{Format, framework_schema, report_schema, set_schema};

/// Every `.toml` and `.json` file under the directories that hold input.
fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        "fuzz/seeds/read_toml",
        "fuzz/seeds/read_json",
        "examples/data",
        "seeds",
        "tests/cli/data",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "toml" || e == "json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn validator(schema: &str) -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(schema).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

#[test]
fn accepted_inputs_follow_the_schema() {
    let framework = validator(&framework_schema());
    let report = validator(&report_schema());
    let set = validator(&set_schema());
    let (mut accepted, mut refused) = (0, 0);
    for path in inputs() {
        let text = std::fs::read_to_string(&path).expect("readable");
        let format = if path.extension().is_some_and(|e| e == "toml") {
            Format::Toml
        } else {
            Format::Json
        };
        let Ok(document) = Document::read(&text, format, &path.display().to_string()) else {
            refused += 1;
            continue;
        };
        accepted += 1;
        let instance: serde_json::Value = match format {
            Format::Toml => serde_json::to_value(toml::from_str::<toml::Value>(&text).expect("TOML")).expect("JSON"),
            _ => serde_json::from_str(&text).expect("JSON"),
        };
        let validator = match document {
            Document::Framework(_) => &framework,
            Document::Report(_) => &report,
            _ => &set,
        };
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{} is read but the schema refuses it: {errors:#?}",
            path.display()
        );
    }
    // The directories are there and hold documents of each kind.
    assert!(accepted >= 15, "{accepted} accepted, {refused} refused");
}

#[test]
fn the_schema_refuses_what_the_reader_refuses() {
    let framework = validator(&framework_schema());
    let head = r#"{"id": "mine", "kind": "programme-set", "title": "Mine", "programmes": [{"id": "P", "kind": "project", "name": "P", "#;
    for (field, refused) in [
        ("period", r#""0000-01-01/2020-12-31""#),
        ("period", r#""+12345-01-01/2020-12-31""#),
        ("standards", r#"["  C0000087  "]"#),
        ("standards", "[\"Convention\u{a0}No.\u{a0}87\"]"),
    ] {
        let text = format!("{head}\"{field}\": {refused}}}]}}");
        assert!(
            Document::read(&text, Format::Json, "mine.json").is_err(),
            "the reader refuses {refused}"
        );
        let instance: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(!framework.is_valid(&instance), "the schema refuses {refused}");
    }
}
