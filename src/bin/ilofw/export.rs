//! `ilofw export`: the frameworks as JSON or TOML, the graph as DOT or
//! Mermaid, or a flat CSV table.

use ilo_frameworks::format::{Table, table};
use ilo_frameworks::{FrameworkSet, Ref, builtin};

use crate::input;
use crate::{ExportFormat, Failure, Outcome};

pub(crate) fn run(
    format: ExportFormat,
    only: Option<&str>,
    table_name: Option<&str>,
    files: &input::Files,
) -> Result<Outcome, Failure> {
    if table_name.is_some() && format != ExportFormat::Csv {
        return Err("--table goes with --format csv".to_owned());
    }
    let only = only.map(input::reference).transpose()?;
    let set = input::load(files)?.set;
    let text = match format {
        ExportFormat::Json | ExportFormat::Toml | ExportFormat::Csv => {
            let set = restrict(&set, only.as_ref())?;
            match format {
                ExportFormat::Json => set.to_json_string().map_err(|e| e.to_string())?,
                ExportFormat::Toml => set.to_toml_string().map_err(|e| e.to_string())?,
                _ => {
                    let name = table_name.ok_or(
                        "--format csv needs --table NAME (outputs, deliverables, programmes, links, sdg or indicators)",
                    )?;
                    let which: Table = name.parse()?;
                    table(&set, builtin::sdg().map_err(|e| e.to_string())?, which)
                }
            }
        }
        ExportFormat::Dot | ExportFormat::Mermaid => {
            let graph = input::graph(&set)?;
            let graph = match &only {
                Some(r) => {
                    if graph.node(r).is_err() {
                        return Err(input::unknown(&graph, &set, r));
                    }
                    graph.neighbourhood(r, 2).map_err(|e| e.to_string())?
                }
                None => graph,
            };
            if format == ExportFormat::Dot {
                graph.to_dot()
            } else {
                graph.to_mermaid()
            }
        }
    };
    Ok(Outcome::ok(text))
}

/// The set, or only what `only` names: a framework, or one element of it
/// (see [`FrameworkSet::excerpt`]).
fn restrict(set: &FrameworkSet, only: Option<&Ref>) -> Result<FrameworkSet, Failure> {
    let Some(only) = only else { return Ok(set.clone()) };
    if only.framework().is_none() {
        return Err(format!(
            "--only {only}: name a framework (pb-2022-23) or one of its elements (flagships:IPEC+) for this format"
        ));
    }
    let excerpt = set.excerpt(only).ok_or_else(|| match only {
        Ref::Framework(id) => format!("no framework {id} is loaded"),
        _ => format!("no element {only} is loaded"),
    })?;
    let mut restricted = FrameworkSet::new();
    restricted.insert(excerpt).map_err(|e| e.to_string())?;
    Ok(restricted)
}
