//! Loads framework files and prints an overview of each.
//!
//! Run: `cargo run --example overview -- examples/data/youth-employment.toml`
//! (with no argument it reads that file).

use std::process::ExitCode;

use ilo_frameworks::Framework;

fn main() -> ExitCode {
    let mut paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() {
        paths.push(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/youth-employment.toml").to_owned());
    }
    let mut failed = false;
    for path in &paths {
        match Framework::load(path) {
            Ok(framework) => print_overview(&framework),
            Err(e) => {
                eprintln!("error: {e}");
                let mut source = std::error::Error::source(&e);
                while let Some(inner) = source {
                    eprintln!("  caused by: {inner}");
                    source = inner.source();
                }
                failed = true;
            }
        }
    }
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

fn print_overview(f: &Framework) {
    let outputs = f.outputs().count();
    let links: usize = f.programmes.iter().map(|p| p.contributes_to.len()).sum::<usize>()
        + f.deliverables.iter().map(|d| d.contributes_to.len()).sum::<usize>()
        + f.links.len();
    println!("{} ({}) — {}", f.id, f.kind, f.title);
    if let Some(symbol) = &f.symbol {
        println!("  symbol      {symbol}");
    }
    if let Some(period) = f.effective_period() {
        println!("  period      {period}");
    }
    println!(
        "  {} outcomes, {} outputs, {} programmes, {} deliverables, {} links, {} claims",
        f.outcomes.len(),
        outputs,
        f.programmes.len(),
        f.deliverables.len(),
        links,
        f.claims.len()
    );
    for outcome in &f.outcomes {
        println!("  outcome {} ({}): {}", outcome.code, outcome.kind(), outcome.title);
        for output in &outcome.outputs {
            println!("    output {}: {} [{} actions]", output.code, output.title, output.actions().count());
        }
    }
    for p in &f.programmes {
        println!("  programme {} ({}): {}", p.id, p.kind, p.name);
    }
    for d in &f.deliverables {
        println!("  deliverable {} [{}]: {}", d.code, d.timeframe, d.title);
    }
}
