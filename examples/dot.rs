//! Prints the built-in graph around one element as Graphviz DOT.
//!
//! Run: `cargo run --example dot -- flagships:IPEC+ 2 | dot -Tsvg > ipec.svg`
//! (the reference and the depth are optional; these are the defaults).

use std::process::ExitCode;

use ilo_frameworks::Ref;
use ilo_frameworks::graph::FrameworkGraph;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let reference = args.next().unwrap_or_else(|| "flagships:IPEC+".to_owned());
    let depth = args.next().unwrap_or_else(|| "2".to_owned());
    match run(&reference, &depth) {
        Ok(dot) => {
            print!("{dot}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(reference: &str, depth: &str) -> Result<String, Box<dyn std::error::Error>> {
    let reference: Ref = reference.parse()?;
    let depth: usize = depth
        .parse()
        .map_err(|_| format!("the depth must be a whole number, not {depth:?}"))?;
    let graph = FrameworkGraph::builtin()?;
    Ok(graph.neighbourhood(&reference, depth)?.to_dot())
}
