//! Questions over the built-in graph: what each flagship programme reaches
//! and through what, which outputs of the Programme and Budget 2022–23 no
//! flagship serves, and how its outcomes cover the SDG goals.
//!
//! Run: `cargo run --example flagships`

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write as _;

use ilo_frameworks::graph::{FrameworkGraph, NodeKind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let graph = FrameworkGraph::builtin()?;
    let mut out = String::new();
    for issue in graph.issues() {
        writeln!(out, "note: {issue}")?;
    }

    writeln!(out, "What each flagship reaches, and through what")?;
    let flagships: Vec<_> = graph
        .nodes_of_kind(NodeKind::Programme)
        .filter(|n| n.key().to_string().starts_with("flagships:"))
        .collect();
    let mut served = BTreeSet::new();
    for flagship in &flagships {
        let Some(reference) = flagship.key().reference() else {
            continue;
        };
        let reach = graph.contributions(reference)?;
        writeln!(out, "\n{} ({})", flagship.key(), flagship.label())?;
        for kind in [
            NodeKind::Output,
            NodeKind::Outcome,
            NodeKind::SdgTarget,
            NodeKind::SdgGoal,
        ] {
            for r in reach.of_kind(kind) {
                writeln!(
                    out,
                    "  {:<11} {:<16} via {}",
                    kind.as_str(),
                    r.node().key(),
                    r.explain()
                )?;
                if kind == NodeKind::Output {
                    served.insert(r.node().key().clone());
                }
            }
        }
    }

    writeln!(out, "\nOutputs of pb-2022-23 that no flagship serves")?;
    let unserved: Vec<String> = graph
        .nodes_of_kind(NodeKind::Output)
        .filter(|n| n.key().to_string().starts_with("pb-2022-23:") && !served.contains(n.key()))
        .map(|n| n.key().to_string().trim_start_matches("pb-2022-23:").to_owned())
        .collect();
    writeln!(
        out,
        "  {} of {}: {}",
        unserved.len(),
        graph.nodes_of_kind(NodeKind::Output).count(),
        unserved.join(", ")
    )?;

    writeln!(
        out,
        "\nOutcomes × SDG goals (members of each outcome reaching each goal)"
    )?;
    let matrix = graph.coverage(NodeKind::Outcome, NodeKind::SdgGoal);
    write!(out, "  {:<16}", "")?;
    for goal in 1..=matrix.columns().len() {
        write!(out, "{goal:>3}")?;
    }
    writeln!(out)?;
    for (i, row) in matrix.rows().iter().enumerate() {
        write!(out, "  {:<16}", row.to_string())?;
        for value in matrix.row(i).unwrap_or_default() {
            if *value == 0 {
                write!(out, "  .")?
            } else {
                write!(out, "{value:>3}")?
            }
        }
        writeln!(out)?;
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(())
}
