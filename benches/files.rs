//! Checking a portfolio kept as files, step by step, at 10 000, 100 000
//! and 1 000 000 elements: the synthetic set written as JSON files, one per
//! framework, then read back into a set, its graph built and every rule
//! run with that graph, each step measured on its own; beside them, the
//! floor of reading the same files and parsing them for their syntax
//! alone (`serde::de::IgnoredAny`). The throughput of each step tells its
//! cost per element at each size.
//!
//! Run: `cargo bench --features synthetic --bench files`. Figures are
//! recorded in `docs/performance.md`; the whole process, `ilofw check` on
//! the same files, is measured by `examples/million.rs`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use ilo_frameworks::graph::FrameworkGraph;
use ilo_frameworks::synthetic::{SyntheticConfig, generate};
use ilo_frameworks::validate::{Config, Validator};
use ilo_frameworks::{Framework, FrameworkSet, builtin};
#[path = "../examples/support/json_floor.rs"]
mod json_floor;

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// Writes the synthetic set of `n` elements to `dir`, a file per
/// framework; the files.
fn write(dir: &Path, n: usize) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("a temporary directory");
    generate(&SyntheticConfig::with_nodes(1, n))
        .iter()
        .map(|framework| {
            let path = dir.join(format!("{}.json", framework.id));
            std::fs::write(&path, framework.to_json_string().expect("writes")).expect("writes");
            path
        })
        .collect()
}

/// The files read into one set.
fn read(files: &[PathBuf]) -> FrameworkSet {
    let mut set = FrameworkSet::new();
    for path in files {
        set.insert(Framework::load(path).expect("loads")).expect("a new id");
    }
    set
}

fn steps(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("ilo-files-bench-{}", std::process::id()));
    let sdg = builtin::sdg().expect("loads");
    let standards = builtin::standards().expect("loads");
    // One size at a time, so that only one size's set is in memory.
    for n in SIZES {
        let files = write(&dir.join(n.to_string()), n);
        let set = read(&files);
        let graph = FrameworkGraph::new(&set, sdg, &standards);
        // Ten samples; at a million elements one run each (flat sampling).
        let configure = |group: &mut BenchmarkGroup<'_, _>| {
            group.sample_size(10).throughput(Throughput::Elements(n as u64));
            if n >= 1_000_000 {
                group.sampling_mode(SamplingMode::Flat);
                group.measurement_time(Duration::from_secs(10));
                group.warm_up_time(Duration::from_secs(1));
            } else {
                group.measurement_time(Duration::from_secs(5));
            }
        };
        let mut group = c.benchmark_group("files/floor: read and parse for syntax");
        configure(&mut group);
        group.bench_with_input(BenchmarkId::from_parameter(n), &files, |b, files| {
            b.iter(|| black_box(json_floor::syntax_only(files).expect("parses")))
        });
        group.finish();

        let mut group = c.benchmark_group("files/read into a set");
        configure(&mut group);
        group.bench_with_input(BenchmarkId::from_parameter(n), &files, |b, files| {
            b.iter_with_large_drop(|| read(files))
        });
        group.finish();

        let mut group = c.benchmark_group("files/graph of the set read");
        configure(&mut group);
        group.bench_with_input(BenchmarkId::from_parameter(n), &set, |b, set| {
            b.iter_with_large_drop(|| FrameworkGraph::new(set, sdg, &standards))
        });
        group.finish();

        let mut group = c.benchmark_group("files/validate the set read, with its graph");
        configure(&mut group);
        group.bench_with_input(BenchmarkId::from_parameter(n), &(&set, &graph), |b, (set, graph)| {
            b.iter_with_large_drop(|| {
                Validator::new(set, sdg, &standards)
                    .graph(graph)
                    .run(&Config::default())
            })
        });
        group.finish();
        drop((graph, set));
        let _ = std::fs::remove_dir_all(dir.join(n.to_string()));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, steps);
criterion_main!(benches);
