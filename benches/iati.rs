//! The IATI importer's throughput on a real file, the D-Portal COVID export
//! (401 activities, 2.7 MB, in the reference data beside the crate), read
//! from the file's bytes as `ilofw import iati` reads them, against the
//! floor of quick-xml's bare event loop over the same bytes in the same run
//! (events read and dropped, nothing kept). The target is an import at
//! least half as fast as the floor. The import is measured twice: with the
//! framework it makes freed inside the measure, and freed outside it.
//!
//! Run: `cargo bench --features iati --bench iati`. Figures are recorded in
//! `docs/performance.md`.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ilo_frameworks::iati::{ImportOptions, import_reader};
#[path = "../examples/support/xml_floor.rs"]
mod xml_floor;
use xml_floor::bare_events;

fn covid(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/iati/activities/hdx-scraper-iati-viz/covid/dportal.xml");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("note: {} is not beside the crate; nothing to measure", path.display());
        return;
    };
    let options = ImportOptions::new("iati-covid".parse().expect("an id"));
    let mut group = c.benchmark_group("iati/covid");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Bytes(bytes.len() as u64));
    group.bench_function("quick-xml events (floor)", |b| {
        b.iter(|| black_box(bare_events(&bytes)))
    });
    group.bench_function("import", |b| {
        b.iter(|| {
            let import = import_reader(&bytes[..], "dportal.xml", &options).expect("imports");
            black_box(import.framework.programmes.len())
        })
    });
    // The same import with the framework handed back and freed outside
    // the measure, as a caller that keeps what it imports frees it later.
    group.bench_function("import, framework freed outside the measure", |b| {
        b.iter_with_large_drop(|| import_reader(&bytes[..], "dportal.xml", &options).expect("imports"))
    });
    group.finish();
}

criterion_group!(benches, covid);
criterion_main!(benches);
