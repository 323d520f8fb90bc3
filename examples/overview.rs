//! Prints an overview of frameworks: the built-in ones, or the files given.
//!
//! Run: `cargo run --example overview` for the built-in frameworks, or
//! `cargo run --example overview -- FILE.toml…` for your own.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use ilo_frameworks::{Framework, FrameworkSet, builtin};

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let set = if paths.is_empty() {
        builtin::frameworks()
    } else {
        load_files(&paths)
    };
    match set {
        Ok(set) => {
            let mut out = String::new();
            write_totals(&mut out, &set);
            for framework in &set {
                out.push('\n');
                write_overview(&mut out, framework);
            }
            // A closed pipe (`| head`) is not an error worth reporting.
            let _ = std::io::stdout().lock().write_all(out.as_bytes());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            let mut source = std::error::Error::source(&e);
            while let Some(inner) = source {
                eprintln!("  caused by: {inner}");
                source = inner.source();
            }
            ExitCode::FAILURE
        }
    }
}

fn load_files(paths: &[String]) -> Result<FrameworkSet, ilo_frameworks::Error> {
    let mut set = FrameworkSet::new();
    for path in paths {
        set.insert(Framework::load(path)?)?;
    }
    Ok(set)
}

fn link_count(f: &Framework) -> usize {
    let own: usize = f
        .programmes
        .iter()
        .map(|p| p.contributes_to.len() + usize::from(p.succeeds.is_some()))
        .sum::<usize>()
        + f.deliverables.iter().map(|d| d.contributes_to.len()).sum::<usize>();
    let cited: usize = f
        .outcomes
        .iter()
        .map(|o| o.sdg.len() + o.standards.len())
        .sum::<usize>()
        + f.outputs().map(|o| o.sdg.len() + o.standards.len()).sum::<usize>()
        + f.programmes
            .iter()
            .map(|p| p.sdg.len() + p.standards.len())
            .sum::<usize>()
        + f.deliverables
            .iter()
            .map(|d| d.sdg.len() + d.standards.len())
            .sum::<usize>();
    own + cited + f.links.len()
}

fn write_totals(out: &mut String, set: &FrameworkSet) {
    let sum = |count: fn(&Framework) -> usize| set.iter().map(count).sum::<usize>();
    let _ = writeln!(
        out,
        "{} frameworks: {} outcomes, {} outputs, {} programmes, {} deliverables, {} links, {} claims",
        set.len(),
        sum(|f| f.outcomes.len()),
        sum(|f| f.outputs().count()),
        sum(|f| f.programmes.len()),
        sum(|f| f.deliverables.len()),
        sum(link_count),
        sum(|f| f.claims.len()),
    );
}

fn write_overview(out: &mut String, f: &Framework) {
    let _ = writeln!(out, "{} ({}): {}", f.id, f.kind, f.title);
    if let Some(symbol) = &f.symbol {
        let _ = writeln!(out, "  symbol  {symbol}");
    }
    if let Some(period) = f.effective_period() {
        let _ = writeln!(out, "  period  {period}");
    }
    if let Some(plan) = &f.plan {
        let _ = writeln!(out, "  plan    {} ({})", plan.title, plan.period);
    }
    let _ = writeln!(
        out,
        "  {} outcomes, {} outputs, {} programmes, {} deliverables, {} links, {} claims",
        f.outcomes.len(),
        f.outputs().count(),
        f.programmes.len(),
        f.deliverables.len(),
        link_count(f),
        f.claims.len()
    );
    for outcome in &f.outcomes {
        let _ = writeln!(
            out,
            "  outcome {} ({}): {}",
            outcome.code,
            outcome.kind(),
            outcome.title
        );
        for output in &outcome.outputs {
            let _ = writeln!(
                out,
                "    output {}: {} [{} actions]",
                output.code,
                output.title,
                output.actions().count()
            );
        }
    }
    for p in &f.programmes {
        let countries = p
            .coverage
            .as_ref()
            .and_then(|c| c.total)
            .map(|n| format!(", {n} countries"))
            .unwrap_or_default();
        let _ = writeln!(out, "  programme {} ({}{}): {}", p.id, p.kind, countries, p.name);
        for link in &p.contributes_to {
            let _ = writeln!(out, "    contributes to {}", link.target());
        }
    }
    for d in &f.deliverables {
        let when = if d.timeframe.is_empty() {
            "no quarter marked".to_owned()
        } else {
            d.timeframe.to_string()
        };
        let _ = writeln!(out, "  deliverable {} [{}]: {}", d.code, when, d.title);
    }
    for link in &f.links {
        let _ = writeln!(out, "  link {} {} {}", link.from, link.kind, link.to);
    }
}
