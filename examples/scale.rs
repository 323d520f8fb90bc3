//! Builds a large synthetic framework set, its graph, and validates it,
//! printing how long each step took. Used to measure peak memory:
//! `/usr/bin/time -v cargo run --release --features synthetic --example scale -- 1000000`.

use std::time::Instant;

use ilo_frameworks::builtin;
use ilo_frameworks::graph::{FrameworkGraph, NodeKind};
use ilo_frameworks::synthetic::{self, SyntheticConfig};
use ilo_frameworks::validate::{self, Config};

#[path = "support/resident.rs"]
mod resident;
use resident::resident_mib;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let nodes: usize = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(1_000_000);
    let steps: Vec<String> = std::env::args().skip(2).collect();
    let all = steps.is_empty();
    let clock = Instant::now();
    let set = synthetic::generate(&SyntheticConfig::with_nodes(1, nodes));
    println!(
        "generate      {:>8.3} s  ({} frameworks; resident {:.0} MiB)",
        clock.elapsed().as_secs_f64(),
        set.len(),
        resident_mib()
    );
    let (sdg, standards) = (builtin::sdg()?, builtin::standards()?);
    let clock = Instant::now();
    let graph = FrameworkGraph::new(&set, sdg, &standards);
    println!(
        "graph         {:>8.3} s  ({} nodes, {} edges, {} issues; resident {:.0} MiB)",
        clock.elapsed().as_secs_f64(),
        graph.node_count(),
        graph.edge_count(),
        graph.issues().len(),
        resident_mib()
    );
    if all || steps.iter().any(|s| s == "coverage") {
        let clock = Instant::now();
        let matrix = graph.coverage(NodeKind::Outcome, NodeKind::SdgGoal);
        println!(
            "coverage      {:>8.3} s  ({} × {})",
            clock.elapsed().as_secs_f64(),
            matrix.rows().len(),
            matrix.columns().len()
        );
    }
    if all || steps.iter().any(|s| s == "validate") {
        let clock = Instant::now();
        let report = validate::validate(&set, &Config::default())?;
        println!(
            "validate      {:>8.3} s  ({})",
            clock.elapsed().as_secs_f64(),
            report.summary()
        );
    }
    Ok(())
}
