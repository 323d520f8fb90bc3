//! The graph and validation at scale: building the graph, one element's
//! contributions, the outcome × SDG-goal coverage matrix and validation,
//! on synthetic sets of 10 000, 100 000 and 1 000 000 nodes.
//!
//! Run: `cargo bench --features synthetic --bench graph`. Figures are recorded in
//! `docs/performance.md`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ilo_frameworks::FrameworkSet;
use ilo_frameworks::builtin;
use ilo_frameworks::graph::{FrameworkGraph, NodeKind};
use ilo_frameworks::synthetic::{SyntheticConfig, generate};
use ilo_frameworks::validate::{self, Config};

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

fn sets() -> Vec<(usize, FrameworkSet)> {
    SIZES
        .iter()
        .map(|&n| (n, generate(&SyntheticConfig::with_nodes(1, n))))
        .collect()
}

fn graph_of(set: &FrameworkSet) -> FrameworkGraph {
    FrameworkGraph::new(
        set,
        builtin::sdg().expect("loads"),
        &builtin::standards().expect("loads"),
    )
}

fn scale(c: &mut Criterion) {
    let sets = sets();
    let standards = builtin::standards().expect("loads");
    let sdg = builtin::sdg().expect("loads");

    let mut group = c.benchmark_group("graph/build");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    for (n, set) in &sets {
        group.throughput(Throughput::Elements(*n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), set, |b, set| {
            b.iter_with_large_drop(|| FrameworkGraph::new(set, sdg, &standards))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("graph/coverage outcome x sdg-goal");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    for (n, set) in &sets {
        let graph = graph_of(set);
        group.throughput(Throughput::Elements(*n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &graph, |b, graph| {
            b.iter(|| black_box(graph.coverage(NodeKind::Outcome, NodeKind::SdgGoal)))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("validate/all rules");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    for (n, set) in &sets {
        group.throughput(Throughput::Elements(*n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), set, |b, set| {
            b.iter(|| black_box(validate::validate(set, &Config::default()).expect("runs")))
        });
    }
    group.finish();
}

fn builtin_queries(c: &mut Criterion) {
    let graph = FrameworkGraph::builtin().expect("builds");
    let mut group = c.benchmark_group("graph/contributions (built-in)");
    for flagship in ["IPEC+", "BetterWork", "SPF", "JPR", "OSH-GAP"] {
        let reference = format!("flagships:{flagship}").parse().expect("reference");
        group.bench_with_input(BenchmarkId::from_parameter(flagship), &reference, |b, r| {
            b.iter(|| black_box(graph.contributions(black_box(r)).expect("known")))
        });
    }
    group.finish();
    let target = "sdg:8.7".parse().expect("reference");
    c.bench_function("graph/reverse sdg:8.7 (built-in)", |b| {
        b.iter(|| black_box(graph.reverse(black_box(&target)).expect("known")))
    });
    c.bench_function("graph/build (built-in)", |b| {
        let set = builtin::frameworks().expect("loads");
        b.iter(|| black_box(graph_of(&set)))
    });
    c.bench_function("validate/built-in", |b| {
        let set = builtin::frameworks().expect("loads");
        b.iter(|| black_box(validate::validate(&set, &Config::default()).expect("runs")))
    });
}

criterion_group!(benches, builtin_queries, scale);
criterion_main!(benches);
