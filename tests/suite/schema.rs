//! The reader and the JSON Schema agree: every document the reader accepts
//! from the fuzzing seeds, the examples, the built-in sources and the
//! command line's test files is valid against the schema of its kind.

use std::path::{Path, PathBuf};

use ilo_frameworks::format::Document;
use ilo_frameworks::{Format, framework_schema, report_schema, set_schema};

/// Every `.toml` and `.json` file under the directories that hold input,
/// with its format; and, when `FUZZ_CORPUS` names a fuzzing corpus (the
/// `fuzz/corpus` directory after a run), every file of its `read_toml` and
/// `read_json` targets.
fn inputs() -> Vec<(PathBuf, Format)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        "fuzz/seeds/read_toml",
        "fuzz/seeds/read_json",
        "examples/data",
        "seeds",
        "tests/cli/data",
    ] {
        for path in files_in(&root.join(dir)) {
            match path.extension().and_then(|e| e.to_str()) {
                Some("toml") => files.push((path, Format::Toml)),
                Some("json") => files.push((path, Format::Json)),
                _ => {}
            }
        }
    }
    if let Some(corpus) = std::env::var_os("FUZZ_CORPUS") {
        let corpus = PathBuf::from(corpus);
        files.extend(
            files_in(&corpus.join("read_toml"))
                .into_iter()
                .map(|p| (p, Format::Toml)),
        );
        files.extend(
            files_in(&corpus.join("read_json"))
                .into_iter()
                .map(|p| (p, Format::Json)),
        );
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries.flatten().map(|e| e.path()).filter(|p| p.is_file()).collect()
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
    for (path, format) in inputs() {
        // A fuzzing corpus holds bytes that are not text too.
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
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
    eprintln!("{accepted} documents accepted and valid against the schema, {refused} refused by the reader");
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
