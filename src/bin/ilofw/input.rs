//! Loading the built-in frameworks with the user's files, and naming
//! elements on the command line.

use std::path::{Path, PathBuf};

use ilo_frameworks::format::{Document, SourceMap};
use ilo_frameworks::graph::{FrameworkGraph, NodeKind};
use ilo_frameworks::validate::{self, Config, Rule};
use ilo_frameworks::{Error, FrameworkSet, Ref, builtin};

use crate::Failure;

/// The built-in frameworks and the given files (frameworks or progress
/// reports), with where each came from.
pub(crate) fn load(files: &[PathBuf]) -> Result<(FrameworkSet, SourceMap), Failure> {
    let (mut set, mut sources) = validate::builtin_with_sources().map_err(|e| e.to_string())?;
    for path in files {
        let added = match load_file(&mut sources, path)? {
            Document::Framework(framework) => set.insert(framework),
            Document::Report(report) => set.insert_report(report),
            _ => {
                return Err(format!(
                    "{}: holds a kind of document this version cannot use",
                    path.display()
                ));
            }
        };
        added.map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok((set, sources))
}

fn load_file(sources: &mut SourceMap, path: &Path) -> Result<Document, Failure> {
    let is_toml = path.extension().is_some_and(|e| e == "toml");
    if is_toml && let Ok(text) = std::fs::read_to_string(path) {
        // Name the SDG codes written in upper case before the reader stops at the first.
        let (report, _) = validate::lint_toml(&text, &path.display().to_string(), &Config::default());
        let hints: Vec<String> = report
            .of_rule(Rule::SdgCodeCase)
            .filter_map(|d| {
                let span = d.span.as_ref()?;
                Some(format!(
                    "{}:{}:{}: {} ({})",
                    span.file, span.line, span.column, d.message, d.help
                ))
            })
            .collect();
        if !hints.is_empty() {
            return Err(hints.join("\nerror: "));
        }
    }
    sources.load_document(path).map_err(|e| match e {
        Error::Io { path, source } => format!("cannot read {}: {source}", path.display()),
        other => other.to_string(),
    })
}

/// The graph of a loaded set.
pub(crate) fn graph(set: &FrameworkSet) -> Result<FrameworkGraph, Failure> {
    let sdg = builtin::sdg().map_err(|e| e.to_string())?;
    let standards = builtin::standards().map_err(|e| e.to_string())?;
    Ok(FrameworkGraph::new(set, sdg, &standards))
}

/// A reference given on the command line.
pub(crate) fn reference(text: &str) -> Result<Ref, Failure> {
    text.parse().map_err(|e: ilo_frameworks::ParseError| e.to_string())
}

/// A node kind given on the command line.
pub(crate) fn kind(text: &str) -> Result<NodeKind, Failure> {
    NodeKind::from_name(text).ok_or_else(|| {
        let names: Vec<&str> = NodeKind::ALL.iter().map(|k| k.as_str()).collect();
        format!("no kind {text:?}; the kinds are {}", names.join(", "))
    })
}

/// Why `reference` names no node, with the nearest names that exist.
pub(crate) fn unknown(graph: &FrameworkGraph, set: &FrameworkSet, reference: &Ref) -> Failure {
    let near: Vec<String> = graph
        .suggest(reference)
        .iter()
        .take(3)
        .map(|k| match k.as_ref() {
            Some(r) => r.code(),
            None => k.to_string(),
        })
        .collect();
    let what = match reference {
        Ref::Element { framework, code } => match set.get(framework) {
            None => {
                return format!(
                    "no framework {framework} is loaded (the built-ins are pb-2022-23, flagships, gsc-2017-21, dc-plan-2019, gp-1998)"
                );
            }
            Some(f) => {
                let kind = if !f.outcomes.is_empty() && code.as_str().parse::<ilo_frameworks::OutputCode>().is_ok() {
                    "output"
                } else if !f.outcomes.is_empty() && code.as_str().parse::<ilo_frameworks::OutcomeCode>().is_ok() {
                    "outcome"
                } else if !f.deliverables.is_empty() && code.as_str().parse::<ilo_frameworks::DeliverableCode>().is_ok()
                {
                    "deliverable"
                } else if !f.programmes.is_empty() {
                    "programme"
                } else {
                    "element"
                };
                format!("no {kind} {code} in {framework}")
            }
        },
        Ref::Framework(id) => format!("no framework {id} is loaded"),
        Ref::Sdg(code) => format!("no SDG {code} in the catalogue"),
        Ref::Standard(s) => format!("no standard {s} in the catalogue"),
    };
    match near.as_slice() {
        [] => what,
        [one] => format!("{what}; did you mean {one}?"),
        many => format!("{what}; did you mean {}?", many.join(", ")),
    }
}
