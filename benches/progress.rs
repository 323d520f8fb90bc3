//! Progress evaluation at scale: `progress::evaluate` (and
//! `evaluate_parallel` on two threads) as of a date on
//! synthetic sets of 10 000, 100 000 and 1 000 000 elements with an
//! indicator on every output and programme and a report of two
//! observations per programme (`synthetic::generate_with_results` and
//! `generate_report`), on the set as generated and on the same set written
//! to JSON files and read back; loading those files; a many-to-one shape
//! (every programme contributing to one output); and, in the same run, two
//! floors to give ratios against (a walk over every element, and building
//! the graph).
//!
//! Run: `cargo bench --features synthetic --bench progress`. Figures are
//! recorded in `docs/performance.md`.
//!
//! With `PROGRESS_PHASES=<nodes>` in the environment the binary runs no
//! benchmark: it times each step once (generate, write and read the files,
//! graph, evaluate) and prints the resident memory after each, for
//! `/usr/bin/time -v`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group};
use ilo_frameworks::graph::FrameworkGraph;
use ilo_frameworks::progress::{self, AsOf, Progress};
use ilo_frameworks::synthetic::{self, REPORT_DATE, SyntheticConfig, generate_report, generate_with_results};
use ilo_frameworks::{ElementCode, Framework, FrameworkSet, Link, ProgressReport, Ref, builtin};

#[path = "../examples/support/resident.rs"]
mod resident;
use resident::resident_mib;

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];
/// Programmes in the many-to-one shape.
const MANY: [usize; 3] = [5_000, 50_000, 500_000];

fn as_of() -> AsOf {
    AsOf::day(REPORT_DATE)
}

fn graph_of(set: &FrameworkSet) -> FrameworkGraph {
    FrameworkGraph::new(
        set,
        builtin::sdg().expect("loads"),
        &builtin::standards().expect("loads"),
    )
}

/// The set of `config` with results and its report.
fn with_report(config: &SyntheticConfig) -> FrameworkSet {
    let mut set = generate_with_results(config);
    let report = generate_report(&set, config);
    set.insert_report(report).expect("a new id");
    set
}

/// Writes every framework and report of `set` to its own JSON file in
/// `dir`, as a user keeps them.
fn write_files(set: &FrameworkSet, dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("a temporary directory");
    let mut paths = Vec::new();
    for f in set {
        let path = dir.join(format!("{}.json", f.id));
        std::fs::write(&path, f.to_json_string().expect("writes")).expect("writes");
        paths.push(path);
    }
    for r in set.reports() {
        let path = dir.join(format!("{}.report.json", r.id));
        std::fs::write(&path, r.to_json_string().expect("writes")).expect("writes");
        paths.push(path);
    }
    paths
}

/// Reads the files back into a set, frameworks then reports.
fn read_files(paths: &[PathBuf]) -> FrameworkSet {
    let mut set = FrameworkSet::new();
    for path in paths {
        let text = std::fs::read_to_string(path).expect("reads");
        let origin = path.display().to_string();
        if origin.ends_with(".report.json") {
            let report = ProgressReport::from_json_str(&text, &origin).expect("parses");
            set.insert_report(report).expect("a new id");
        } else {
            set.insert(Framework::from_json_str(&text, &origin).expect("parses"))
                .expect("a new id");
        }
    }
    set
}

/// A plain walk over every element of the set and its indicators: the
/// least any evaluation must do.
fn walk(set: &FrameworkSet) -> usize {
    let mut seen = 0usize;
    for f in set {
        for o in &f.outcomes {
            seen += o.indicators.len() + usize::from(o.code.number().unwrap_or(0));
            for output in &o.outputs {
                seen += output.indicators.len() + usize::from(output.code.number());
            }
        }
        for p in &f.programmes {
            seen += p.indicators.len() + p.targets.len() + p.id.as_str().len();
        }
        for d in &f.deliverables {
            seen += d.timeframe.len();
        }
    }
    seen + set
        .reports()
        .map(|r| r.deliverables.len() + r.indicators.len() + r.targets.len())
        .sum::<usize>()
}

/// `programmes` programmes with indicators, all contributing to one output
/// (`synth-pb-1:A.1`), with the report on them.
fn many_to_one(programmes: usize) -> FrameworkSet {
    let config = SyntheticConfig {
        seed: 1,
        budgets: 1,
        outcomes_per_budget: 0,
        outputs_per_outcome: 1,
        programme_sets: programmes.div_ceil(1_000),
        programmes,
        plans: 0,
        deliverables: 0,
        partners: programmes / 1_000,
        initiatives: programmes / 2_000,
    };
    let generated = generate_with_results(&config);
    let budget = generated.iter().next().expect("a budget framework").id.clone();
    let output = Ref::element(budget, ElementCode::new("A.1").expect("a code"));
    let mut set = FrameworkSet::new();
    for f in &generated {
        let mut f = f.clone();
        f.links.clear();
        for p in &mut f.programmes {
            p.contributes_to = vec![Link::To(output.clone())];
        }
        set.insert(f).expect("a new id");
    }
    let report = generate_report(&set, &config);
    set.insert_report(report).expect("a new id");
    set
}

fn evaluate(set: &FrameworkSet, graph: &FrameworkGraph) -> Progress {
    progress::evaluate(set, graph, black_box(as_of()))
}

fn scale(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("ilo-progress-bench-{}", std::process::id()));
    let sdg = builtin::sdg().expect("loads");
    let standards = builtin::standards().expect("loads");
    // One size at a time, so that only one size's sets are in memory.
    for n in SIZES {
        let large = n >= 1_000_000;
        // Ten samples; at a million elements one run each (flat sampling),
        // so that a group takes tens of seconds, not minutes.
        let samples = |group: &mut criterion::BenchmarkGroup<'_, _>| {
            group.sample_size(10);
            if large {
                group.sampling_mode(SamplingMode::Flat);
                group.measurement_time(Duration::from_secs(10));
                group.warm_up_time(Duration::from_secs(1));
            } else {
                group.measurement_time(Duration::from_secs(5));
                group.warm_up_time(Duration::from_secs(2));
            }
            group.throughput(Throughput::Elements(n as u64));
        };
        let set = with_report(&SyntheticConfig::with_nodes(1, n));
        let graph = graph_of(&set);
        let paths = write_files(&set, &dir.join(n.to_string()));
        let loaded = read_files(&paths);
        assert_eq!(loaded, set, "the files hold the set");
        let loaded_graph = graph_of(&loaded);

        let mut group = c.benchmark_group("progress/floor: walk every element");
        samples(&mut group);
        group.bench_with_input(BenchmarkId::from_parameter(n), &set, |b, set| {
            b.iter(|| black_box(walk(set)))
        });
        group.finish();

        let mut group = c.benchmark_group("progress/floor: graph build");
        samples(&mut group);
        group.bench_with_input(BenchmarkId::from_parameter(n), &set, |b, set| {
            b.iter_with_large_drop(|| FrameworkGraph::new(set, sdg, &standards))
        });
        group.finish();

        let mut group = c.benchmark_group("progress/evaluate");
        samples(&mut group);
        group.bench_with_input(BenchmarkId::from_parameter(n), &(&set, &graph), |b, (set, graph)| {
            b.iter_with_large_drop(|| evaluate(set, graph))
        });
        group.finish();

        let mut group = c.benchmark_group("progress/evaluate on 2 threads");
        samples(&mut group);
        group.bench_with_input(BenchmarkId::from_parameter(n), &(&set, &graph), |b, (set, graph)| {
            b.iter_with_large_drop(|| progress::evaluate_parallel(set, graph, black_box(as_of()), 2))
        });
        group.finish();

        let mut group = c.benchmark_group("progress/evaluate (set read from JSON files)");
        samples(&mut group);
        group.bench_with_input(
            BenchmarkId::from_parameter(n),
            &(&loaded, &loaded_graph),
            |b, (set, graph)| b.iter_with_large_drop(|| evaluate(set, graph)),
        );
        group.finish();
        drop((loaded, loaded_graph, graph, set));

        // Loading costs the most; at a million elements it is timed once
        // (PROGRESS_PHASES), not here.
        if !large {
            let mut group = c.benchmark_group("progress/read JSON files + graph + evaluate");
            samples(&mut group);
            group.sampling_mode(SamplingMode::Flat);
            group.bench_with_input(BenchmarkId::from_parameter(n), &paths, |b, paths| {
                b.iter_with_large_drop(|| {
                    let set = read_files(paths);
                    let graph = FrameworkGraph::new(&set, sdg, &standards);
                    let progress = evaluate(&set, &graph);
                    (set, graph, progress)
                })
            });
            group.finish();
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

fn many(c: &mut Criterion) {
    let mut group = c.benchmark_group("progress/evaluate many-to-one (programmes -> 1 output)");
    group.sample_size(10).measurement_time(Duration::from_secs(5));
    for n in MANY {
        let set = many_to_one(n);
        let graph = graph_of(&set);
        if n >= 500_000 {
            group.sampling_mode(SamplingMode::Flat);
        }
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &(&set, &graph), |b, (set, graph)| {
            b.iter_with_large_drop(|| evaluate(set, graph))
        });
    }
    group.finish();
}

/// Each step once, timed, with the resident memory after it.
fn phases(nodes: usize) {
    let step = |name: &str, clock: Instant, what: String| {
        println!(
            "{name:<28} {:>8.3} s  {what}; resident {:.0} MiB",
            clock.elapsed().as_secs_f64(),
            resident_mib()
        );
    };
    let config = SyntheticConfig::with_nodes(1, nodes);
    let clock = Instant::now();
    let set = with_report(&config);
    let observations: usize = set
        .reports()
        .map(|r| r.deliverables.len() + r.targets.len() + r.indicators.len())
        .sum();
    step(
        "generate with report",
        clock,
        format!("{} elements, {observations} observations", config.element_count()),
    );
    let dir = std::env::temp_dir().join(format!("ilo-progress-phases-{}", std::process::id()));
    let clock = Instant::now();
    let paths = write_files(&set, &dir);
    let bytes: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    step(
        "write JSON files",
        clock,
        format!("{} files, {:.0} MiB", paths.len(), bytes as f64 / 1048576.0),
    );
    drop(set);
    step("drop the generated set", Instant::now(), String::new());
    let clock = Instant::now();
    let set = read_files(&paths);
    step("read JSON files", clock, format!("{} frameworks", set.len()));
    let _ = std::fs::remove_dir_all(&dir);
    let clock = Instant::now();
    let graph = graph_of(&set);
    step(
        "graph",
        clock,
        format!("{} nodes, {} edges", graph.node_count(), graph.edge_count()),
    );
    let clock = Instant::now();
    let progress = evaluate(&set, &graph);
    step(
        "evaluate",
        clock,
        format!(
            "{} deliverables, {} targets, {} indicators, {} roll-ups",
            progress.deliverables.len(),
            progress.targets.len(),
            progress.indicators.len(),
            progress.rollups.len()
        ),
    );
    let clock = Instant::now();
    drop(progress);
    step("drop the evaluation", clock, String::new());
    let _ = synthetic::edge_estimate(&set);
}

criterion_group!(benches, scale, many);

fn main() {
    if let Some(nodes) = std::env::var("PROGRESS_PHASES").ok().and_then(|n| n.parse().ok()) {
        phases(nodes);
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
