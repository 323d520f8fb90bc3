//! Hostile shapes of framework file, read and checked as `ilofw check`
//! does (read with their places, graph, every rule, the report for people
//! with its source lines), and the answer to `links` on the shapes that
//! make long answers: at 1 000, 10 000 and 100 000 repeated parts. Every
//! step must stay linear, so the time per part should stay flat (within 2×)
//! from 1 000 to 100 000.
//!
//! The floor, measured in the same run, is the TOML parser alone on the
//! same text.
//!
//! Run: `cargo bench --features synthetic --bench hostile`. Figures are
//! recorded in `docs/performance.md`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use ilo_frameworks::format::SourceMap;
use ilo_frameworks::graph::FrameworkGraph;
use ilo_frameworks::synthetic::shapes::{ID, Shape, toml};
use ilo_frameworks::validate::{self, Config, Validator};
use ilo_frameworks::{FrameworkSet, Ref, StandardCatalogue, builtin};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// Reads, checks and renders one file; the length of the report.
fn check(text: &str, standards: &StandardCatalogue) -> usize {
    let sdg = builtin::sdg().expect("loads");
    let mut sources = SourceMap::new();
    let framework = match sources.add_toml(text, "shape.toml") {
        Ok(framework) => framework,
        // A file the reader refuses is linted, as ilofw does to name every fault.
        Err(_) => {
            let (report, _) = validate::lint_toml(text, "shape.toml", &Config::default());
            return report.render(None).len();
        }
    };
    let mut set = FrameworkSet::new();
    set.insert(framework).expect("one framework");
    let graph = FrameworkGraph::new(&set, sdg, standards);
    let report = Validator::new(&set, sdg, standards)
        .graph(&graph)
        .sources(&sources)
        .run(&Config::default());
    report.render(Some(&sources)).len()
}

fn shapes(c: &mut Criterion) {
    let standards = builtin::standards().expect("loads");
    for shape in Shape::ALL {
        let texts: Vec<(usize, String)> = SIZES.iter().map(|&n| (n, toml(shape, n))).collect();
        let mut group = c.benchmark_group(format!("hostile/check {}", shape.name()));
        group.sample_size(10).measurement_time(Duration::from_secs(5));
        for (n, text) in &texts {
            group.throughput(Throughput::Elements(*n as u64));
            group.bench_with_input(BenchmarkId::from_parameter(n), text, |b, text| {
                b.iter(|| black_box(check(text, &standards)))
            });
        }
        group.finish();
        // The floor: the same text through the TOML parser alone, every
        // value skipped unread. Checking does this and more; its time per
        // part grows as the floor's does when the extra work is linear.
        let mut group = c.benchmark_group(format!("hostile/floor: parse {}", shape.name()));
        group.sample_size(10).measurement_time(Duration::from_secs(3));
        for (n, text) in &texts {
            group.throughput(Throughput::Elements(*n as u64));
            group.bench_with_input(BenchmarkId::from_parameter(n), text, |b, text| {
                b.iter(|| black_box(toml::from_str::<serde::de::IgnoredAny>(text).expect("TOML")))
            });
        }
        group.finish();
    }
}

/// What the first programme of a chain reaches, and what reaches the one
/// output of the many-to-one shape, written as JSON.
fn answers(c: &mut Criterion) {
    let standards = builtin::standards().expect("loads");
    let sdg = builtin::sdg().expect("loads");
    for (shape, origin, reverse) in [(Shape::Chain, "P0", false), (Shape::ManyToOne, "1.1", true)] {
        let mut group = c.benchmark_group(format!("hostile/links {}", shape.name()));
        group.sample_size(10).measurement_time(Duration::from_secs(5));
        for n in SIZES {
            let mut set = FrameworkSet::new();
            set.insert(ilo_frameworks::Framework::from_toml_str(&toml(shape, n), "shape.toml").expect("reads"))
                .expect("one framework");
            let graph = FrameworkGraph::new(&set, sdg, &standards);
            let origin: Ref = format!("{ID}:{origin}").parse().expect("reference");
            group.throughput(Throughput::Elements(n as u64));
            group.bench_with_input(BenchmarkId::from_parameter(n), &origin, |b, origin| {
                b.iter(|| {
                    let reach = if reverse {
                        graph.reverse(origin)
                    } else {
                        graph.contributions(origin)
                    }
                    .expect("known");
                    black_box(serde_json::to_string(&reach).expect("writes").len())
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, shapes, answers);
criterion_main!(benches);
