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
//! `measure` does the whole comparison in one command: it writes the set
//! if the directory holds no JSON file yet, runs the floor and `ilofw
//! check` (`target/release/ilofw`, or the binary `ILOFW` names) as child
//! processes one after the other, and prints the CPU time of each (from
//! `/proc/self/stat`, Linux only), their ratio, and the check's peak
//! resident memory when `/usr/bin/time` is there to tell it:
//!
//! ```text
//! cargo build --release --features cli
//! cargo run --release --features synthetic --example million -- measure target/million
//! ```
//!
//! `measure DIR ELEMENTS ROUNDS` runs the pair that many times in turn and
//! prints each round's ratio and their median: a busy spell on the machine
//! then slows both sides of a round alike.
//!
//! `growth SMALL LARGE ROUNDS` reads two sets written by `write` (say of
//! 10,000 and of a million elements), then times building the graph and
//! validating, on each set in turn, round after round: the small set as
//! many times over as makes the large one's count of elements. It prints
//! each step's time per element on both sets, and the median round's ratio
//! of the large to the small, the growth per element that the processor's
//! caches and memory make; a busy spell on the machine slows both sides of
//! a round alike. What the runs of a step made is kept until the last is
//! timed, then dropped outside the clock:
//!
//! ```text
//! cargo run --release --features synthetic --example million -- write /tmp/m10k 10000
//! cargo run --release --features synthetic --example million -- growth /tmp/m10k target/million 7
//! ```
//!
//! In `growth`, the runs on the small set after the first round reuse
//! memory that the earlier ones freed, while the large set's graph, whose
//! arrays are too large for the allocator to keep, starts on fresh pages
//! each time. `fresh SMALL LARGE ROUNDS` compares the two as a user's
//! process meets them, once each: it runs `once DIR` (read the set, warm
//! the code on the built-in frameworks, then build the graph and validate,
//! once) in a process of its own for each set in turn, and prints the same
//! medians:
//!
//! ```text
//! cargo run --release --features synthetic --example million -- fresh /tmp/m10k target/million 9
//! ```
//!
//! `docs/performance.md` records the figures.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use ilo_frameworks::synthetic::{self, SyntheticConfig};

#[path = "support/json_floor.rs"]
mod json_floor;
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
        ["measure", dir] => measure(Path::new(dir), 1_000_000, 1),
        ["measure", dir, n] => match n.parse() {
            Ok(n) => measure(Path::new(dir), n, 1),
            Err(e) => Err(format!("{n}: {e}")),
        },
        ["measure", dir, n, rounds] => match (n.parse(), rounds.parse()) {
            (Ok(n), Ok(rounds)) => measure(Path::new(dir), n, rounds),
            _ => Err(format!("{n} {rounds}: give a number of elements and of rounds")),
        },
        ["growth", small, large, rounds] => match rounds.parse() {
            Ok(rounds) => growth(Path::new(small), Path::new(large), rounds),
            Err(e) => Err(format!("{rounds}: {e}")),
        },
        ["once", dir] => once(Path::new(dir)).map(|(graph, validation)| println!("{graph} {validation}")),
        ["fresh", small, large, rounds] => match rounds.parse() {
            Ok(rounds) => fresh(Path::new(small), Path::new(large), rounds),
            Err(e) => Err(format!("{rounds}: {e}")),
        },
        _ => Err(
            "usage: million write DIR [ELEMENTS] | million floor DIR | million phases DIR | million measure DIR [ELEMENTS [ROUNDS]] | million growth SMALL LARGE ROUNDS | million fresh SMALL LARGE ROUNDS"
                .to_owned(),
        ),
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
    use ilo_frameworks::builtin;
    use ilo_frameworks::graph::FrameworkGraph;
    use ilo_frameworks::validate::{Config, Validator};

    let (sdg, standards) = (
        builtin::sdg().map_err(|e| e.to_string())?,
        builtin::standards().map_err(|e| e.to_string())?,
    );
    let clock = Instant::now();
    let (set, _) = read_set(dir)?;
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

/// The set of the JSON files of `dir`, and its count of elements.
fn read_set(dir: &Path) -> Result<(ilo_frameworks::FrameworkSet, usize), String> {
    use ilo_frameworks::{Framework, FrameworkSet};

    let mut set = FrameworkSet::new();
    for path in json_files(dir)? {
        set.insert(Framework::load(&path).map_err(|e| e.to_string())?)
            .map_err(|e| e.to_string())?;
    }
    let elements = set.iter().map(Framework::element_count).sum();
    if elements == 0 {
        return Err(format!("{} holds no elements", dir.display()));
    }
    Ok((set, elements))
}

/// Times the graph and validation of the sets of `small` and `large` in
/// turn, `rounds` times, and prints their time per element and its growth.
fn growth(small: &Path, large: &Path, rounds: usize) -> Result<(), String> {
    use ilo_frameworks::graph::FrameworkGraph;
    use ilo_frameworks::validate::{Config, Validator};
    use ilo_frameworks::{FrameworkSet, builtin};

    let (sdg, standards) = (
        builtin::sdg().map_err(|e| e.to_string())?,
        builtin::standards().map_err(|e| e.to_string())?,
    );
    let sets = [read_set(small)?, read_set(large)?];
    let times = (sets[1].1 / sets[0].1).max(1);
    let graphs: Vec<FrameworkGraph> = sets
        .iter()
        .map(|(set, _)| FrameworkGraph::new(set, sdg, &standards))
        .collect();
    // Nanoseconds per element of one step on one set run `times` times,
    // what the runs made kept until the last is timed (each run, like one
    // run on the large set, then works in memory of its own) and dropped
    // outside the clock.
    let per_element = |step: &dyn Fn() -> Box<dyn std::any::Any>, times: usize, elements: usize| {
        let mut made = Vec::with_capacity(times);
        let clock = Instant::now();
        for _ in 0..times {
            made.push(step());
        }
        let spent = clock.elapsed();
        drop(made);
        spent.as_secs_f64() * 1e9 / (times * elements) as f64
    };
    let graph_of =
        |set: &FrameworkSet| -> Box<dyn std::any::Any> { Box::new(FrameworkGraph::new(set, sdg, &standards)) };
    let validation_of = |set: &FrameworkSet, graph: &FrameworkGraph| -> Box<dyn std::any::Any> {
        Box::new(
            Validator::new(set, sdg, &standards)
                .graph(graph)
                .run(&Config::default()),
        )
    };
    println!(
        "{} elements ({} times over) against {} elements",
        sets[0].1, times, sets[1].1
    );
    let mut rows: Vec<[f64; 4]> = Vec::new();
    for _ in 0..rounds.max(1) {
        let (small, large) = (&sets[0], &sets[1]);
        let graph_small = per_element(&|| graph_of(&small.0), times, small.1);
        let graph_large = per_element(&|| graph_of(&large.0), 1, large.1);
        let valid_small = per_element(&|| validation_of(&small.0, &graphs[0]), times, small.1);
        let valid_large = per_element(&|| validation_of(&large.0, &graphs[1]), 1, large.1);
        record_round(&mut rows, [graph_small, graph_large, valid_small, valid_large]);
    }
    print_growth(&rows);
    Ok(())
}

/// Prints one round's `[graph small, graph large, validation small,
/// validation large]` in ns per element, with each step's growth, and
/// keeps it in `rows`.
fn record_round(rows: &mut Vec<[f64; 4]>, row: [f64; 4]) {
    let [graph_small, graph_large, valid_small, valid_large] = row;
    println!(
        "round: graph {graph_small:.0} / {graph_large:.0} ns per element ({:.2}), validation {valid_small:.0} / {valid_large:.0} ({:.2})",
        graph_large / graph_small,
        valid_large / valid_small
    );
    rows.push(row);
}

/// The median time per element of each step on both sets, and the median
/// round's growth, of rows of `[graph small, graph large, validation
/// small, validation large]`.
fn print_growth(rows: &[[f64; 4]]) {
    for (name, small, large) in [("graph", 0, 1), ("validation", 2, 3)] {
        let mut ratios: Vec<f64> = rows.iter().map(|r| r[large] / r[small]).collect();
        ratios.sort_by(f64::total_cmp);
        let at = |i: usize| {
            let mut v: Vec<f64> = rows.iter().map(|r| r[i]).collect();
            v.sort_by(f64::total_cmp);
            v[v.len() / 2]
        };
        println!(
            "{name:<10} median {:>5.0} ns per element small, {:>5.0} large; median round's growth {:.2} (target: at most 1.3)",
            at(small),
            at(large),
            ratios[ratios.len() / 2]
        );
    }
}

/// In this process, once: reads the set of `dir`, warms the code with the
/// built-in frameworks' graph and validation, then builds the set's graph
/// and validates it; the nanoseconds per element of each.
fn once(dir: &Path) -> Result<(f64, f64), String> {
    use ilo_frameworks::builtin;
    use ilo_frameworks::graph::FrameworkGraph;
    use ilo_frameworks::validate::{Config, Validator};

    let (sdg, standards) = (
        builtin::sdg().map_err(|e| e.to_string())?,
        builtin::standards().map_err(|e| e.to_string())?,
    );
    let (set, elements) = read_set(dir)?;
    let builtin = builtin::frameworks().map_err(|e| e.to_string())?;
    let warm = FrameworkGraph::new(&builtin, sdg, &standards);
    drop(
        Validator::new(&builtin, sdg, &standards)
            .graph(&warm)
            .run(&Config::default()),
    );
    drop(warm);
    let clock = Instant::now();
    let graph = FrameworkGraph::new(&set, sdg, &standards);
    let graph_ns = clock.elapsed().as_secs_f64() * 1e9 / elements as f64;
    let clock = Instant::now();
    let report = Validator::new(&set, sdg, &standards)
        .graph(&graph)
        .run(&Config::default());
    let validation_ns = clock.elapsed().as_secs_f64() * 1e9 / elements as f64;
    drop(report);
    Ok((graph_ns, validation_ns))
}

/// Runs `once` on the sets of `small` and `large` in turn, each in a
/// process of its own, `rounds` times, and prints the median time per
/// element of the graph and validation on each and the median round's
/// growth.
fn fresh(small: &Path, large: &Path, rounds: usize) -> Result<(), String> {
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let run = |dir: &Path| -> Result<[f64; 2], String> {
        let output = std::process::Command::new(&me)
            .arg("once")
            .arg(dir)
            .output()
            .map_err(|e| format!("{}: {e}", me.display()))?;
        let text = String::from_utf8_lossy(&output.stdout);
        let numbers: Vec<f64> = text.split_whitespace().filter_map(|n| n.parse().ok()).collect();
        match (output.status.success(), numbers.as_slice()) {
            (true, &[graph, validation]) => Ok([graph, validation]),
            _ => Err(format!(
                "`once {}` failed: {}",
                dir.display(),
                String::from_utf8_lossy(&output.stderr).trim()
            )),
        }
    };
    let mut rows: Vec<[f64; 4]> = Vec::new();
    for _ in 0..rounds.max(1) {
        let [graph_small, valid_small] = run(small)?;
        let [graph_large, valid_large] = run(large)?;
        record_round(&mut rows, [graph_small, graph_large, valid_small, valid_large]);
    }
    print_growth(&rows);
    Ok(())
}

/// Reads every JSON file of `dir` and parses it without keeping anything.
fn floor(dir: &Path) -> Result<(), String> {
    let files = json_files(dir)?;
    let clock = Instant::now();
    json_floor::syntax_only(&files)?;
    println!(
        "{} files read and parsed (syntax only) in {:.2} s",
        files.len(),
        clock.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The CPU time (user and system) of this process's children that have
/// ended, in seconds, from `/proc/self/stat` (whose times are in hundredths
/// of a second on Linux).
fn children_cpu() -> Result<f64, String> {
    let stat = std::fs::read_to_string("/proc/self/stat").map_err(|e| format!("/proc/self/stat: {e}"))?;
    // The fields after the command name, which is in parentheses and may
    // hold spaces: the children's user and system times are the 16th and
    // 17th fields of the line, the 14th and 15th after the name.
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
    match (ticks(13), ticks(14)) {
        (Some(user), Some(system)) => Ok((user + system) / 100.0),
        _ => Err("/proc/self/stat has no children's times".to_owned()),
    }
}

/// Runs `command` to its end, output discarded; the CPU time it took.
fn cpu_of(mut command: std::process::Command) -> Result<f64, String> {
    let before = children_cpu()?;
    let status = command
        .stdout(std::process::Stdio::null())
        .status()
        .map_err(|e| format!("{command:?}: {e}"))?;
    // `ilofw check` exits with 1 when it finds errors; only a failure to
    // run is an error here.
    if status.code().is_none_or(|code| code > 1) {
        return Err(format!("{command:?} failed: {status}"));
    }
    Ok(children_cpu()? - before)
}

/// Writes the set to `dir` unless it holds JSON files, then measures the
/// floor and `ilofw check` on them as whole processes, `rounds` times in turn.
fn measure(dir: &Path, n: usize, rounds: usize) -> Result<(), String> {
    if json_files(dir).map_or(true, |files| files.is_empty()) {
        write(dir, n)?;
    }
    let files = json_files(dir)?;
    let ilofw = std::env::var_os("ILOFW").map_or_else(|| PathBuf::from("target/release/ilofw"), PathBuf::from);
    if !ilofw.exists() {
        return Err(format!(
            "{} is not there: build it first with `cargo build --release --features cli`, or name it in ILOFW",
            ilofw.display()
        ));
    }
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    // Through /usr/bin/time when it is there, for the peak memory.
    let time = Path::new("/usr/bin/time");
    let peak_file = std::env::temp_dir().join(format!("ilofw-million-peak-{}", std::process::id()));
    let mut pairs = Vec::new();
    for _ in 0..rounds.max(1) {
        let mut floor = std::process::Command::new(&me);
        floor.arg("floor").arg(dir);
        let floor = cpu_of(floor)?;
        let mut check = if time.exists() {
            let mut command = std::process::Command::new(time);
            command.arg("-f").arg("%M").arg("-o").arg(&peak_file).arg(&ilofw);
            command
        } else {
            std::process::Command::new(&ilofw)
        };
        check.args(["check", "--format", "json"]).args(&files);
        let check = cpu_of(check)?;
        if rounds > 1 {
            println!(
                "round: floor CPU {floor:.2} s, ilofw check CPU {check:.2} s, ratio {:.2}",
                check / floor
            );
        }
        pairs.push((floor, check));
    }
    pairs.sort_by(|a, b| (a.1 / a.0).total_cmp(&(b.1 / b.0)));
    let (floor, check) = pairs[pairs.len() / 2];
    let peak = std::fs::read_to_string(&peak_file)
        .ok()
        .and_then(|text| text.trim().lines().last().and_then(|kb| kb.trim().parse::<f64>().ok()));
    let _ = std::fs::remove_file(&peak_file);
    println!("{} files in {}", files.len(), dir.display());
    println!("floor (syntax-only parse)  CPU {floor:>6.2} s");
    println!("ilofw check                CPU {check:>6.2} s");
    println!(
        "ratio                          {:>6.2} (target: at most 4){}",
        check / floor,
        if pairs.len() > 1 { ", the median round's" } else { "" }
    );
    match peak {
        Some(kb) => println!(
            "ilofw check peak resident  {:>6.0} MiB (target: at most 1024)",
            kb / 1024.0
        ),
        None => println!("ilofw check peak resident  not measured (no /usr/bin/time)"),
    }
    Ok(())
}
