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
        "error: tests/cli/data/malformed.toml:6:6: invalid programme id \"P;1\": it contains ';', which separates codes in tables (expected a letter or digit, then any characters but ';', controls and white space other than inner single spaces, such as \"IPEC+\")\n"
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
        "error: no rule has the code \"no/such-code\"; the codes are listed at https://docs.rs/ilo-frameworks/latest/ilo_frameworks/validate/rules/\n"
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

/// A fresh temporary folder for one test's files.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("ilofw-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

/// The findings of a JSON report as (code, severity, message), in order.
fn findings(json: &str) -> Vec<(String, String, String)> {
    let value: serde_json::Value = serde_json::from_str(json).expect("JSON");
    value["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                d["severity"].as_str().unwrap_or_default().to_owned(),
                d["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn an_export_of_everything_checks_back_to_the_same_report() {
    let dir = scratch("export-all");
    let builtins = ilofw(&["check", "--format", "json"]);
    let expected = findings(&stdout(&builtins));
    assert_eq!(expected.len(), 65);
    for format in ["json", "toml"] {
        let export = ilofw(&["export", "--format", format]);
        assert_eq!(export.status.code(), Some(0), "{}", stderr(&export));
        let file = dir.join(format!("all.{format}"));
        std::fs::write(&file, stdout(&export)).expect("written");
        let file = file.display().to_string();
        let out = ilofw(&["check", "--format", "json", &file]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let mut got = findings(&stdout(&out));
        let mut want = expected.clone();
        got.sort();
        want.sort();
        assert_eq!(got, want, "{format}");
        // Each built-in was replaced by the file's copy, and the user is told.
        for id in ["pb-2022-23", "flagships", "gsc-2017-21", "dc-plan-2019", "gp-1998"] {
            assert!(
                stderr(&out).contains(&format!("note: {file} replaces the built-in framework {id}\n")),
                "{}",
                stderr(&out)
            );
        }
    }
    // A TOML set points its findings at its own lines.
    let out = ilofw(&["check", &dir.join("all.toml").display().to_string()]);
    let text = stdout(&out);
    assert!(text.contains("all.toml:"), "{text}");
    assert!(!text.contains("seeds/pb-2022-23.toml"), "{text}");
}

#[test]
fn an_edited_built_in_replaces_the_original_in_its_place() {
    let dir = scratch("edited");
    let export = ilofw(&["export", "--format", "json", "--only", "flagships"]);
    let mut set: serde_json::Value = serde_json::from_str(&stdout(&export)).expect("JSON");
    set["frameworks"][0]["title"] = serde_json::json!("Flagships, edited");
    let file = dir.join("flagships.json");
    std::fs::write(&file, serde_json::to_string(&set).unwrap()).expect("written");
    let file = file.display().to_string();
    let out = ilofw(&["check", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().skip(1).take(5).collect();
    assert!(lines[1].starts_with("  flagships      Flagships, edited"), "{text}");
    assert!(lines[1].ends_with(&format!("5 programmes, from {file}")), "{text}");
    // Two user files may not both give it.
    let out = ilofw(&["check", &file, &file]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("flagships is also given by"), "{}", stderr(&out));
}

#[test]
fn check_mine_shows_only_the_users_findings() {
    let out = ilofw(&["check", "--mine", &data("broken-link.toml")]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("structure/dangling-reference"), "{text}");
    assert!(!text.contains("links/output-without-contributor"), "{text}");
    assert!(
        text.contains("1 error, 0 warnings, 0 notes, 0 help (65 on the built-in frameworks left out)\n"),
        "{text}"
    );
    let out = ilofw(&["check", "--mine", "--format", "json", &data("broken-link.toml")]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(value["summary"]["left_out"], 65);
    assert_eq!(value["diagnostics"].as_array().map(Vec::len), Some(1));
}

#[test]
fn levels_apply_in_the_order_given() {
    // Denied then allowed: allowed.
    let out = ilofw(&[
        "check",
        "--deny",
        "time/empty-timeframe",
        "--allow",
        "time/empty-timeframe",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(!stdout(&out).contains("time/empty-timeframe"));
    // Allowed then denied: denied.
    let out = ilofw(&[
        "check",
        "--allow",
        "time/empty-timeframe",
        "--deny",
        "time/empty-timeframe",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("10 errors"), "{}", stdout(&out));
}

#[test]
fn json_is_given_when_the_command_cannot_run() {
    let out = ilofw(&["check", "--format", "json", "no/such/file.toml"]);
    assert_eq!(out.status.code(), Some(2));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON on stdout");
    assert!(
        value["error"]["message"]
            .as_str()
            .is_some_and(|m| m.starts_with("cannot read no/such/file.toml")),
        "{value}"
    );
}

#[test]
fn a_failed_write_exits_2() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    let out = Command::new(env!("CARGO_BIN_EXE_ilofw"))
        .arg("check")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(full)
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: cannot write the output: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn files_are_named_one_way_in_every_subcommand() {
    let file = data("broken-link.toml");
    for args in [
        vec!["links", "broken:P1", file.as_str()],
        vec!["coverage", file.as_str()],
        vec!["export", "--format", "json", file.as_str()],
        vec!["progress", "--as-of", "2020", file.as_str()],
        // The flag of earlier versions still works.
        vec!["links", "broken:P1", "--file", file.as_str()],
    ] {
        let out = ilofw(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn export_only_an_element() {
    let out = ilofw(&["export", "--format", "json", "--only", "flagships:IPEC+"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let programmes = value["frameworks"][0]["programmes"].as_array().expect("programmes");
    assert_eq!(programmes.len(), 1);
    assert_eq!(programmes[0]["id"], "IPEC+");
    let out = ilofw(&["export", "--format", "json", "--only", "flagships:NOPE"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "error: no element flagships:NOPE is loaded\n");
}

#[test]
fn help_lists_the_node_kinds() {
    for args in [["links", "--help"], ["coverage", "--help"]] {
        let text = stdout(&ilofw(&args));
        assert!(text.contains("sdg-target"), "{args:?}: {text}");
        assert!(text.contains("standard"), "{args:?}: {text}");
    }
}

#[test]
fn who_cites_a_standard() {
    let out = ilofw(&["links", "ils:C182", "--reverse", "--to", "output"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("pb-2022-23:7.1 -cites-> ils:C182"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn schema_of_sets() {
    let out = ilofw(&["schema", "--set"]);
    assert_eq!(stdout(&out), include_str!("../../docs/set.schema.json"));
}

#[test]
fn findings_on_a_json_file_show_no_snippet() {
    let dir = scratch("json-finding");
    let file = dir.join("broken.json");
    let text = std::fs::read_to_string(data("broken-link.toml")).unwrap();
    let framework: serde_json::Value = toml::from_str::<toml::Value>(&text)
        .map(|v| serde_json::to_value(v).unwrap())
        .unwrap();
    std::fs::write(&file, framework.to_string()).unwrap();
    let out = ilofw(&["check", "--mine", &file.display().to_string()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains(&format!("  in {}\n", file.display())), "{text}");
    assert!(text.contains("× error: broken:P1 refers to pb-2022-23:7.9"), "{text}");
    assert!(!text.contains("╭─["), "a JSON file has no lines to show: {text}");
}

/// Whether `text` holds a control character a terminal would act on.
fn has_raw_control(text: &str) -> bool {
    text.chars()
        .any(|c| (c.is_control() && c != '\n' && c != '\t') || c == '\u{202e}')
}

#[test]
fn control_characters_from_files_are_escaped_in_everything_printed_for_people() {
    let file = data("control-characters.toml");
    for args in [
        vec!["check", file.as_str()],
        vec!["links", "esc:1", file.as_str()],
        vec!["links", "esc", "--reverse", file.as_str()],
        vec!["coverage", file.as_str()],
        vec!["progress", "--as-of", "2024Q1", file.as_str()],
    ] {
        let out = ilofw(&args);
        let (text, errors) = (stdout(&out), stderr(&out));
        assert!(!has_raw_control(&text), "{args:?}: {text}");
        assert!(!has_raw_control(&errors), "{args:?}: {errors}");
    }
    let out = ilofw(&["check", file.as_str()]);
    let text = stdout(&out);
    assert!(text.contains(r"Evil\u{1b}]0;pwned\u{7} title\u{1b}[2J"), "{text}");
    assert!(
        text.contains(r#"the title of esc:1 holds the control character U+001B: "One\u{1b}[31m red\u{202e}""#),
        "{text}"
    );
    // An error quoting the file's key.
    let out = ilofw(&["check", &data("control-character-key.toml")]);
    assert_eq!(out.status.code(), Some(2));
    let errors = stderr(&out);
    assert!(!has_raw_control(&errors), "{errors}");
    assert!(errors.contains(r"unknown key `clear\u{1b}[2Jkey`"), "{errors}");
    // Data formats keep the text, escaped by their own rules (JSON escapes
    // control characters, not the override, which is data like any letter).
    let out = ilofw(&["export", "--format", "json", "--only", "esc", file.as_str()]);
    assert!(!stdout(&out).chars().any(|c| c.is_control() && c != '\n'));
    assert!(stdout(&out).contains(r"Evil\u001b]0;pwned\u0007 title\u001b[2J"));
}

#[test]
fn links_along_a_long_chain_prints_a_line_per_node_of_bounded_length() {
    let n = 2_000;
    let mut text = String::from("id = \"chain\"\nkind = \"programme-set\"\ntitle = \"Chain\"\n");
    for i in 0..n {
        text.push_str(&format!(
            "\n[[programmes]]\nid = \"P{i}\"\nkind = \"project\"\nname = \"P {i}\"\n"
        ));
        if i + 1 < n {
            text.push_str(&format!("contributes_to = [\"chain:P{}\"]\n", i + 1));
        }
    }
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("chain.toml");
    std::fs::write(&path, text).unwrap();
    let out = ilofw(&["links", "chain:P0", &path.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    // The header, the framework, and every later programme once.
    assert_eq!(text.lines().count(), n + 1);
    // Paths of up to 8 links are whole; longer ones are their last step and a count.
    let line = |code: &str| {
        text.lines()
            .find(|l| l.contains(&format!(" chain:{code} ")))
            .unwrap()
            .to_owned()
    };
    assert!(
        line("P8").ends_with("chain:P7 -contributes_to-> chain:P8"),
        "{}",
        line("P8")
    );
    assert_eq!(line("P8").matches("-contributes_to->").count(), 8);
    assert!(
        line("P1999").ends_with("chain:P0 -…(1998 links)…-> chain:P1998 -contributes_to-> chain:P1999"),
        "{}",
        line("P1999")
    );
    assert!(text.len() < 120 * n, "{} bytes", text.len());
}

#[test]
fn import_iati_writes_a_framework_and_reports_on_standard_error() {
    let out = ilofw(&["import", "iati", &data("activities.xml")]);
    // Two errors in the file (a sector sum of 90, an upper-case SDG letter):
    // the framework is written, and the status says something is wrong.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let framework = ilo_frameworks::Framework::from_toml_str(&stdout(&out), "out.toml").expect("a framework");
    assert_eq!(framework.id.as_str(), "iati-activities");
    let ids: Vec<&str> = framework.programmes.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["XX-ORG-1-Programme A:1", "XX-ORG-1-Project B"]);
    assert_eq!(framework.links.len(), 1);
    assert_eq!(
        stderr(&out),
        "error[iati/percentage-sum]: the 2 sector percentages of vocabulary 1 of iati-activities:XX-ORG-1-Programme A:1 add up to 90, not 100 (at tests/cli/data/activities.xml:13:5)\n\
         error[format/sdg-code-case]: SDG code \"8.B\" of iati-activities:XX-ORG-1-Programme A:1 writes its target letter in upper case; it is read as 8.b (at tests/cli/data/activities.xml:16:5)\n\
         2 activities read, 2 projects written; 2 errors, 0 warnings, 0 notes, 0 help\n"
    );
    let json = ilofw(&[
        "import",
        "iati",
        "--format",
        "json",
        "--id",
        "mine",
        &data("activities.xml"),
    ]);
    let framework = ilo_frameworks::Framework::from_json_str(&stdout(&json), "out.json").expect("JSON");
    assert_eq!(framework.id.as_str(), "mine");
}

#[test]
fn import_iati_refuses_what_it_cannot_read() {
    let out = ilofw(&["import", "iati", "no/such/file.xml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("error: cannot read no/such/file.xml: "),
        "{}",
        stderr(&out)
    );
    let out = ilofw(&["import", "iati", &data("malformed.toml")]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: tests/cli/data/malformed.toml:1:1: the file starts with text, not <iati-activities>: it is not an IATI activity file\n"
    );
    let out = ilofw(&["import", "iati", &data("activities.xml"), "--id", "Not An Id"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid framework id \"Not An Id\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn every_command_reads_iati_files() {
    let file = data("activities.xml");
    let out = ilofw(&["check", "--mine", &file]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.contains("iati-activities IATI activities of activities.xml"),
        "{text}"
    );
    assert!(
        text.contains("  at tests/cli/data/activities.xml:13:5\niati/percentage-sum"),
        "{text}"
    );
    assert!(text.contains("2 errors, 0 warnings, 0 notes, 0 help"), "{text}");
    // The import's findings follow the levels the command line sets.
    let out = ilofw(&[
        "check",
        "--mine",
        "--allow",
        "iati/percentage-sum",
        "--warn",
        "format/sdg-code-case",
        &file,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("0 errors, 1 warning, 0 notes, 0 help"),
        "{}",
        stdout(&out)
    );

    let out = ilofw(&["export", "--format", "csv", "--table", "programmes", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let csv = stdout(&out);
    assert!(
        csv.contains(
            "iati-activities,XX-ORG-1-Programme A:1,,\"A programme, \"\"as published\"\"\",project,,,,,,,8;8.b,\n"
        ),
        "{csv}"
    );
    let out = ilofw(&["export", "--format", "csv", "--table", "links", &file]);
    assert!(
        stdout(&out).contains("iati-activities:XX-ORG-1-Project B,iati-activities:XX-ORG-1-Programme A:1,part_of,\n"),
        "{}",
        stdout(&out)
    );
    let out = ilofw(&["export", "--format", "csv", "--table", "indicators", &file]);
    assert!(
        stdout(&out).contains("iati-activities,iati-activities:XX-ORG-1-Project B,1,young people trained,unit,,0,2024-01-01,2024-12-31,500,320\n"),
        "{}",
        stdout(&out)
    );
    let out = ilofw(&["links", "iati-activities:XX-ORG-1-Project B", &file]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("iati-activities:XX-ORG-1-Programme A:1"),
        "{}",
        stdout(&out)
    );
    assert!(
        stderr(&out).starts_with("note: importing tests/cli/data/activities.xml found 2 errors"),
        "{}",
        stderr(&out)
    );
}
