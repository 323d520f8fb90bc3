//! Validates the built-in frameworks, with any framework files given, and
//! prints the report.
//!
//! Run: `cargo run --example check` (add `-- FILE.toml…` for your own files,
//! `--json` first for JSON).

use std::io::Write as _;
use std::process::ExitCode;

use ilo_frameworks::validate::{self, Config};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let json = args.first().is_some_and(|a| a == "--json");
    if json {
        args.remove(0);
    }
    match run(&args, json) {
        Ok((text, errors)) => {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
            if errors { ExitCode::from(1) } else { ExitCode::SUCCESS }
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(paths: &[String], json: bool) -> Result<(String, bool), Box<dyn std::error::Error>> {
    let (mut set, mut sources) = validate::builtin_with_sources()?;
    for path in paths {
        set.insert(sources.load(path)?)?;
    }
    let report = validate::validate_with_sources(&set, &sources, &Config::default())?;
    let text = if json {
        report.to_json()
    } else {
        report.render(Some(&sources))
    };
    Ok((text, report.has_errors()))
}
