//! End-to-end tests of the `ilofw` binary: every subcommand on the built-in
//! data (output kept as insta snapshots), every exit status, bad arguments
//! and unreadable or malformed files.

use std::path::Path;
use std::process::{Command, Output};

fn ilofw(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ilofw"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn data(name: &str) -> String {
    Path::new("tests/cli/data").join(name).display().to_string()
}

#[test]
fn check_the_builtins_passes_with_the_full_report() {
    let out = ilofw(&["check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!("check_builtin", stdout(&out));
}

#[test]
fn check_as_json() {
    let out = ilofw(&["check", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(value["summary"]["error"], 0);
    assert_eq!(value["overview"]["outputs"], 44);
    insta::assert_snapshot!("check_builtin_json", stdout(&out));
}

#[test]
fn check_exits_1_on_an_error_finding() {
    let out = ilofw(&[
        "check",
        &data("broken-link.toml"),
        "--allow",
        "links/output-without-contributor",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("structure/dangling-reference"), "{text}");
    assert!(
        text.contains("broken:P1 refers to pb-2022-23:7.9, which does not exist"),
        "{text}"
    );
    assert!(text.contains("did you mean 7.1?"), "{text}");
    assert!(text.contains("tests/cli/data/broken-link.toml:11:"), "{text}");
}

#[test]
fn check_levels_from_flags_and_config() {
    let out = ilofw(&["check", "--deny", "time/empty-timeframe"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("10 errors"), "{}", stdout(&out));
    let out = ilofw(&["check", "--config", &data("lints.toml")]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        !text.contains("links/output-without-contributor"),
        "allowed by the config"
    );
    assert!(text.contains("10 errors, 14 warnings, 0 notes, 0 help"), "{text}");
}

#[test]
fn could_not_run_exits_2_with_a_message() {
    let out = ilofw(&["check", "no/such/file.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: cannot read no/such/file.toml: "),
        "{}",
        stderr(&out)
    );

    let out = ilofw(&["check", &data("malformed.toml")]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: tests/cli/data/malformed.toml:6:6: invalid programme id \"P 1\": it contains white space (expected ASCII letters, digits, '+', '-', '_' or '.', starting with a letter or digit, such as \"IPEC+\")\n"
    );

    let out = ilofw(&["check", &data("upper-case.toml")]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: tests/cli/data/upper-case.toml:9:8: SDG code \"1.A\" writes its target letter in upper case (write \"1.a\")\n"
    );

    let out = ilofw(&["check", "README.md"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: cannot tell the format of README.md: name it *.toml or *.json\n"
    );

    let out = ilofw(&["check", "--deny", "no/such-code"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: no rule has the code \"no/such-code\"; the codes are listed in docs/rules.md\n"
    );
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        &["frobnicate"][..],
        &["check", "--format", "xml"],
        &["links"],
        &["export"],
    ] {
        let out = ilofw(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).starts_with("error: "), "{args:?}: {}", stderr(&out));
    }
    let out = ilofw(&["coverage", "--rows", "country"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: no kind \"country\"; the kinds are framework, outcome, output"),
        "{}",
        stderr(&out)
    );
    let out = ilofw(&["export", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: --format csv needs --table NAME (outputs, deliverables, programmes, links, sdg or indicators)\n"
    );
    let out = ilofw(&["export", "--format", "csv", "--table", "people"]);
    assert_eq!(
        stderr(&out),
        "error: no table \"people\"; the tables are outputs, deliverables, programmes, links, sdg, indicators\n"
    );
}

#[test]
fn links_explains_each_answer() {
    let out = ilofw(&["links", "flagships:IPEC+"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("links_ipec", stdout(&out));
    let out = ilofw(&["links", "pb-2022-23:7.1", "--reverse", "--to", "programme"]);
    insta::assert_snapshot!("links_reverse_7_1", stdout(&out));
}

#[test]
fn an_unknown_reference_gets_the_closest_ones() {
    let out = ilofw(&["links", "pb-2022-23:7.9"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: no output 7.9 in pb-2022-23; did you mean 7.1, 7.2, 7.3?\n"
    );
    let out = ilofw(&["links", "flagships:IPEC"]);
    assert_eq!(
        stderr(&out),
        "error: no programme IPEC in flagships; did you mean IPEC+?\n"
    );
    let out = ilofw(&["links", "pb-2023-24:7.1"]);
    assert!(
        stderr(&out).starts_with("error: no framework pb-2023-24 is loaded"),
        "{}",
        stderr(&out)
    );
    let out = ilofw(&["links", "pb 7.1"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: invalid reference \"pb 7.1\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn coverage_as_table_and_csv() {
    let out = ilofw(&["coverage"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("coverage_outcome_goal", stdout(&out));
    let out = ilofw(&["coverage", "--rows", "programme", "--cols", "output", "--format", "csv"]);
    let text = stdout(&out);
    assert!(text.lines().any(|l| l.starts_with("flagships:IPEC+,")), "{text}");
    assert_eq!(text.lines().count(), 11, "a header and ten programmes");
}

#[test]
fn export_every_format() {
    for format in ["json", "toml"] {
        let out = ilofw(&["export", "--format", format, "--only", "flagships"]);
        assert_eq!(out.status.code(), Some(0));
        let text = stdout(&out);
        let set = if format == "json" {
            ilo_frameworks::FrameworkSet::from_json_str(&text, "export.json")
        } else {
            ilo_frameworks::FrameworkSet::from_toml_str(&text, "export.toml")
        }
        .expect("the export reads back");
        assert_eq!(set.len(), 1);
        assert_eq!(set.iter().next().map(|f| f.programmes.len()), Some(5));
    }
    let out = ilofw(&["export", "--format", "dot", "--only", "flagships:JPR"]);
    insta::assert_snapshot!("export_dot_jpr", stdout(&out));
    let out = ilofw(&["export", "--format", "mermaid", "--only", "flagships:JPR"]);
    insta::assert_snapshot!("export_mermaid_jpr", stdout(&out));
    for table in ["outputs", "deliverables", "programmes", "links", "sdg"] {
        let out = ilofw(&["export", "--format", "csv", "--table", table]);
        assert_eq!(out.status.code(), Some(0), "{table}");
        insta::assert_snapshot!(format!("export_csv_{table}"), stdout(&out));
    }
}

#[test]
fn schema_is_the_committed_one() {
    let out = ilofw(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), include_str!("../../docs/framework.schema.json"));
}

#[test]
fn progress_as_of_a_quarter_with_a_report() {
    let out = ilofw(&["progress", "examples/data/gsc-progress-2019.toml", "--as-of", "2019Q4"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("as of 2019-12-31 (2019Q4): 42 deliverables, 1 late;"),
        "{text}"
    );
    insta::assert_snapshot!("progress_gsc_2019q4", text);
}

#[test]
fn progress_as_csv_has_element_due_and_state_columns() {
    let out = ilofw(&["progress", "--as-of", "2019Q4", "--format", "csv"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("element,kind,due,state,reported,actual,target,achieved,label")
    );
    let row = text
        .lines()
        .find(|l| l.starts_with("gsc-2017-21:9.2,"))
        .expect("a row for 9.2");
    assert!(row.starts_with("gsc-2017-21:9.2,deliverable,2018Q4,overdue,"), "{row}");
    // Every deliverable of the work-plan has a row.
    assert_eq!(text.lines().filter(|l| l.starts_with("gsc-2017-21:")).count(), 29);
}

#[test]
fn progress_as_json_carries_the_rollups() {
    let out = ilofw(&[
        "progress",
        "examples/data/youth-employment.toml",
        "--as-of",
        "2024-12-31",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(value["as_of"], "2024-12-31");
    let rollups = value["rollups"].as_array().expect("roll-ups");
    let outcome = rollups
        .iter()
        .find(|r| r["element"] == "youth-jobs:3")
        .expect("outcome 3");
    assert_eq!(outcome["groups"][0]["value"], 4.0);
}

#[test]
fn progress_refuses_a_bad_date() {
    let out = ilofw(&["progress", "--as-of", "Q4 2019"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: invalid date or quarter \"Q4 2019\": write a quarter (2019Q4) or a date (2019-12-31)\n"
    );
}

#[test]
fn reports_load_in_every_command() {
    let report = "examples/data/gsc-progress-2019.toml";
    let out = ilofw(&["check", report]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("results/completed-after-schedule"));
    let out = ilofw(&["links", "gsc-2017-21:9.2", "--file", report]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = ilofw(&["coverage", "--file", report]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = ilofw(&["export", "--format", "json", "--file", report]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(value["reports"][0]["id"], "gsc-progress-2019");
}

#[test]
fn export_csv_indicators() {
    let out = ilofw(&[
        "export",
        "--format",
        "csv",
        "--table",
        "indicators",
        "--file",
        "examples/data/youth-employment.toml",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!("export_csv_indicators", stdout(&out));
}
