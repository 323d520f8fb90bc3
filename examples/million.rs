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
//! cargo run --release --features synthetic --example million -- phases target/million
//! ```
//!
//! `phases` reads the files into one set and times each step once: reading,
//! the graph, validation (with that graph), with the resident memory after
//! each.
//!
//! `docs/performance.md` records the figures.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use ilo_frameworks::synthetic::{self, SyntheticConfig};

#[path = "support/resident.rs"]
mod resident;
use resident::resident_mib;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["write", dir] => write(Path::new(dir), 1_000_000),
        ["write", dir, n] => match n.parse() {
            Ok(n) => write(Path::new(dir), n),
            Err(e) => Err(format!("{n}: {e}")),
        },
        ["floor", dir] => floor(Path::new(dir)),
        ["phases", dir] => phases(Path::new(dir)),
        _ => Err("usage: million write DIR [ELEMENTS] | million floor DIR | million phases DIR".to_owned()),
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

/// The JSON files of `dir`, in name order.
fn json_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    Ok(files)
}

/// Reads the files of `dir` into one set, builds its graph and validates
/// it, timing each step.
fn phases(dir: &Path) -> Result<(), String> {
    use ilo_frameworks::graph::FrameworkGraph;
    use ilo_frameworks::validate::{Config, Validator};
    use ilo_frameworks::{Framework, FrameworkSet, builtin};

    let files = json_files(dir)?;
    let (sdg, standards) = (
        builtin::sdg().map_err(|e| e.to_string())?,
        builtin::standards().map_err(|e| e.to_string())?,
    );
    let clock = Instant::now();
    let mut set = FrameworkSet::new();
    for path in &files {
        set.insert(Framework::load(path).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    }
    let step = |name: &str, clock: Instant| {
        println!(
            "{name:<10} {:>7.3} s  resident {:>6.0} MiB",
            clock.elapsed().as_secs_f64(),
            resident_mib()
        );
    };
    step("read", clock);
    let clock = Instant::now();
    let graph = FrameworkGraph::new(&set, sdg, &standards);
    step("graph", clock);
    let clock = Instant::now();
    let report = Validator::new(&set, sdg, &standards)
        .graph(&graph)
        .run(&Config::default());
    step("validate", clock);
    println!(
        "{} findings, {} nodes, {} edges",
        report.len(),
        graph.node_count(),
        graph.edge_count()
    );
    Ok(())
}

/// Reads every JSON file of `dir` and parses it without keeping anything.
fn floor(dir: &Path) -> Result<(), String> {
    let files = json_files(dir)?;
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
