//! `ilofw links`: what an element reaches, or what reaches it.

use std::fmt::Write as _;
use std::path::PathBuf;

use crate::input;
use crate::{Failure, Outcome};

pub(crate) fn run(reference: &str, to: Option<&str>, reverse: bool, files: &[PathBuf]) -> Result<Outcome, Failure> {
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
    let mut shown = 0;
    for reach in found.iter().filter(|r| kind.is_none_or(|k| r.node().kind() == k)) {
        let _ = writeln!(
            out,
            "  {:<13} {:<22} {}",
            reach.node().kind().as_str(),
            reach.node().key().to_string(),
            reach.explain()
        );
        if let Some(share) = reach.share() {
            let _ = writeln!(out, "  {:<13} {:<22} share carried: {share}", "", "");
        }
        shown += 1;
    }
    if shown == 0 {
        let _ = writeln!(out, "  nothing");
    }
    Ok(Outcome::ok(out))
}
