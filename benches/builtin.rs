//! Loading the built-in data, reading and writing files, and SDG look-ups.
//!
//! Run: `cargo bench --bench builtin`. Figures are recorded in
//! `docs/performance.md`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use ilo_frameworks::builtin::{self, Builtin};
use ilo_frameworks::sdg::SdgCatalogue;
use ilo_frameworks::{Framework, SdgCode, SdgIndicator, SdgTarget};

fn loading(c: &mut Criterion) {
    c.bench_function("builtin/frameworks (all five, as one set)", |b| {
        b.iter(|| black_box(builtin::frameworks().expect("built-ins load")))
    });
    c.bench_function("builtin/standards", |b| {
        b.iter(|| black_box(builtin::standards().expect("loads")))
    });
    let sdg_text = include_str!("../seeds/sdg.toml");
    c.bench_function("builtin/sdg catalogue (parse and index)", |b| {
        b.iter(|| black_box(SdgCatalogue::from_toml_str(black_box(sdg_text), "sdg.toml").expect("loads")))
    });
}

fn formats(c: &mut Criterion) {
    let pb = Builtin::ProgrammeAndBudget2022.load().expect("loads");
    let toml = pb.to_toml_string().expect("writes");
    let json = pb.to_json_string().expect("writes");
    c.bench_function("format/read P&B 2022-23 TOML", |b| {
        b.iter(|| black_box(Framework::from_toml_str(black_box(&toml), "pb.toml").expect("reads")))
    });
    c.bench_function("format/read P&B 2022-23 JSON", |b| {
        b.iter(|| black_box(Framework::from_json_str(black_box(&json), "pb.json").expect("reads")))
    });
    c.bench_function("format/write P&B 2022-23 TOML", |b| {
        b.iter(|| black_box(pb.to_toml_string().expect("writes")))
    });
    c.bench_function("format/write P&B 2022-23 JSON", |b| {
        b.iter(|| black_box(pb.to_json_string().expect("writes")))
    });
}

fn sdg_lookups(c: &mut Criterion) {
    let sdg = builtin::sdg().expect("loads");
    let target: SdgTarget = "8.7".parse().expect("code");
    let indicator: SdgIndicator = "13.1.1".parse().expect("code");
    let code: SdgCode = "17.19.2".parse().expect("code");
    c.bench_function("sdg/target look-up", |b| {
        b.iter(|| black_box(sdg.target(black_box(target))))
    });
    c.bench_function("sdg/indicator look-up", |b| {
        b.iter(|| black_box(sdg.indicator(black_box(indicator))))
    });
    c.bench_function("sdg/entry of any code", |b| {
        b.iter(|| black_box(sdg.entry(black_box(code))))
    });
    c.bench_function("sdg/parse and look up \"8.7\"", |b| {
        b.iter(|| black_box(black_box("8.7").parse::<SdgTarget>().ok().and_then(|t| sdg.target(t))))
    });
}

criterion_group!(benches, loading, formats, sdg_lookups);
criterion_main!(benches);
