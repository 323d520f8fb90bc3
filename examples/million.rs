//! Writes the synthetic set of a million elements (or any size) as JSON
//! files, one per framework, as a user's portfolio would be kept; or times
//! the floor of reading them back, a parse that checks the syntax and keeps
//! nothing:
//!
//! ```text
//! cargo run --release --features synthetic --example million -- write target/million 1000000
//! cargo build --release --features cli
//! /usr/bin/time -v target/release/ilofw check --format json target/million/*.json > /dev/null
//! cargo run --release --features synthetic --example million -- floor target/million
//! ```
//!
//! `docs/performance.md` records the figures.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use ilo_frameworks::synthetic::{self, SyntheticConfig};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["write", dir] => write(Path::new(dir), 1_000_000),
        ["write", dir, n] => match n.parse() {
            Ok(n) => write(Path::new(dir), n),
            Err(e) => Err(format!("{n}: {e}")),
        },
        ["floor", dir] => floor(Path::new(dir)),
        _ => Err("usage: million write DIR [ELEMENTS] | million floor DIR".to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// Writes `synthetic::generate` of `n` elements to `dir`, a file per framework.
fn write(dir: &Path, n: usize) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let clock = Instant::now();
    let set = synthetic::generate(&SyntheticConfig::with_nodes(1, n));
    let mut bytes = 0;
    for framework in &set {
        let text = framework.to_json_string().map_err(|e| e.to_string())?;
        bytes += text.len();
        let path = dir.join(format!("{}.json", framework.id));
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!(
        "{} frameworks, {:.0} MiB, written to {} in {:.1} s",
        set.len(),
        bytes as f64 / (1024.0 * 1024.0),
        dir.display(),
        clock.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Reads every JSON file of `dir` and parses it without keeping anything.
fn floor(dir: &Path) -> Result<(), String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let clock = Instant::now();
    for path in &files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str::<serde::de::IgnoredAny>(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!(
        "{} files read and parsed (syntax only) in {:.2} s",
        files.len(),
        clock.elapsed().as_secs_f64()
    );
    Ok(())
}
