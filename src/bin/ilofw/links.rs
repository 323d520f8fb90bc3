//! `ilofw links`: what an element reaches, or what reaches it.

use std::fmt::Write as _;

use ilo_frameworks::graph::Reach;

use crate::input;
use crate::{Failure, Outcome};

pub(crate) fn run(reference: &str, to: Option<&str>, reverse: bool, files: &input::Files) -> Result<Outcome, Failure> {
    let reference = input::reference(reference)?;
    let kind = to.map(input::kind).transpose()?;
    let set = input::load(files)?.set;
    let graph = input::graph(&set)?;
    let node = graph
        .node(&reference)
        .map_err(|_| input::unknown(&graph, &set, &reference))?;
    let found = if reverse {
        graph.reverse(&reference)
    } else {
        graph.contributions(&reference)
    }
    .map_err(|e| e.to_string())?;
    let mut out = String::new();
    let direction = if reverse { "is reached by" } else { "reaches" };
    let label: String = if node.label().chars().count() > 60 {
        format!("{}…", node.label().chars().take(59).collect::<String>())
    } else {
        node.label().to_owned()
    };
    let _ = writeln!(out, "{} ({label}) {direction}", node.key());
    let reach_origin = node.key().to_string();
    let mut shown = 0;
    for reach in found.iter().filter(|r| kind.is_none_or(|k| r.node().kind() == k)) {
        let _ = writeln!(
            out,
            "  {:<13} {:<22} {}",
            reach.node().kind().as_str(),
            reach.node().key().to_string(),
            explain(&reach_origin, reach, reverse)
        );
        if let Some(share) = reach.share() {
            let _ = writeln!(out, "  {:<13} {:<22} share carried: {share}", "", "");
        }
        shown += 1;
    }
    if shown == 0 {
        let _ = writeln!(out, "  nothing");
    }
    Ok(Outcome::for_people(out))
}

/// The longest path written out whole; a longer one is written as its end
/// step and how many links come before it (or after it, reversed), so that
/// the answer stays proportionate to the nodes reached (a chain of n
/// elements would otherwise print n²/2 steps).
const WHOLE_PATH: usize = 8;

/// The path that explains a reach, whole or shortened.
fn explain(origin: &str, reach: &Reach<'_>, reverse: bool) -> String {
    if reach.distance() <= WHOLE_PATH {
        return reach.explain();
    }
    let via = reach.via();
    let skipped = reach.distance() - 1;
    if reverse {
        format!(
            "{} -{}-> {} -…({skipped} links)…-> {origin}",
            via.from().key(),
            via.kind(),
            via.to().key()
        )
    } else {
        format!(
            "{origin} -…({skipped} links)…-> {} -{}-> {}",
            via.from().key(),
            via.kind(),
            via.to().key()
        )
    }
}
