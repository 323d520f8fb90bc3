//! `ilofw check`: the overview and the validation report.

use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use ilo_frameworks::format::SourceMap;
use ilo_frameworks::graph::{FrameworkGraph, NodeKind};
use ilo_frameworks::validate::{self, Config, Diagnostic, Level, Report, Severity};
use ilo_frameworks::{FrameworkSet, LinkKind};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};

use crate::input;
use crate::{Failure, Outcome, ReportFormat};

pub(crate) fn run(
    files: &[PathBuf],
    format: ReportFormat,
    deny: &[String],
    allow: &[String],
    warn: &[String],
    config_file: Option<&Path>,
) -> Result<Outcome, Failure> {
    let mut config = match config_file {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Config::from_toml_str(&text, &path.display().to_string()).map_err(|e| e.to_string())?
        }
        None => Config::default(),
    };
    for (codes, level) in [(allow, Level::Allow), (warn, Level::Warn), (deny, Level::Deny)] {
        for code in codes {
            config.set_code(code, level).map_err(|e| e.to_string())?;
        }
    }
    let (set, sources) = input::load(files)?;
    let graph = input::graph(&set)?;
    let report = validate::validate_with_sources(&set, &sources, &config).map_err(|e| e.to_string())?;
    let text = match format {
        ReportFormat::Human => {
            let mut text = overview(&set, &graph);
            text.push('\n');
            text.push_str(&render(&report, &sources));
            text
        }
        ReportFormat::Json => json(&set, &graph, &report)?,
    };
    Ok(Outcome {
        text,
        status: u8::from(report.has_errors()),
    })
}

/// The links the frameworks state: every edge but the catalogues' own.
fn stated_links(graph: &FrameworkGraph) -> usize {
    graph
        .edges()
        .filter(|e| {
            !(e.kind() == LinkKind::PartOf && matches!(e.from().kind(), NodeKind::SdgTarget | NodeKind::SdgIndicator))
        })
        .count()
}

fn overview(set: &FrameworkSet, graph: &FrameworkGraph) -> String {
    let mut out = String::new();
    let count = |kind| graph.nodes_of_kind(kind).count();
    let _ = writeln!(
        out,
        "{} frameworks: {} outcomes, {} outputs, {} programmes, {} deliverables, {} links",
        set.len(),
        count(NodeKind::Outcome),
        count(NodeKind::Output),
        count(NodeKind::Programme),
        count(NodeKind::Deliverable),
        stated_links(graph)
    );
    for f in set {
        let mut parts = Vec::new();
        for (n, word) in [
            (f.outcomes.len(), "outcomes"),
            (f.outputs().count(), "outputs"),
            (f.programmes.len(), "programmes"),
            (f.deliverables.len(), "deliverables"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {word}"));
            }
        }
        let _ = writeln!(
            out,
            "  {:<14} {:<44} {}",
            f.id.as_str(),
            shorten(&f.title, 44),
            parts.join(", ")
        );
    }
    out
}

fn shorten(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(width - 1).collect();
        format!("{cut}…")
    }
}

fn json(set: &FrameworkSet, graph: &FrameworkGraph, report: &Report) -> Result<String, Failure> {
    let mut value: serde_json::Value = serde_json::from_str(&report.to_json()).map_err(|e| e.to_string())?;
    let count = |kind| graph.nodes_of_kind(kind).count();
    value["overview"] = serde_json::json!({
        "frameworks": set.iter().map(|f| f.id.to_string()).collect::<Vec<_>>(),
        "outcomes": count(NodeKind::Outcome),
        "outputs": count(NodeKind::Output),
        "programmes": count(NodeKind::Programme),
        "deliverables": count(NodeKind::Deliverable),
        "links": stated_links(graph),
    });
    let mut text = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

/// Each finding drawn by miette, with the source line underlined when the
/// finding has a place in a file, then the summary.
fn render(report: &Report, sources: &SourceMap) -> String {
    let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let theme = if colour {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
    let mut out = String::new();
    for d in report {
        let diagnostic = to_miette(d);
        let drawn = match d.span.as_ref().and_then(|s| sources.text_of(s).map(|text| (s, text))) {
            Some((span, text)) => {
                let report =
                    miette::Report::new(diagnostic).with_source_code(NamedSource::new(&span.file, text.to_owned()));
                let mut drawn = String::new();
                handler.render_report(&mut drawn, report.as_ref()).map(|()| drawn)
            }
            None => {
                let mut drawn = String::new();
                handler.render_report(&mut drawn, &diagnostic).map(|()| drawn)
            }
        };
        match drawn {
            Ok(text) => out.push_str(&text),
            Err(_) => {
                let _ = writeln!(out, "{d}");
            }
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", report.summary());
    out
}

fn to_miette(d: &Diagnostic) -> MietteDiagnostic {
    let severity = match d.severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Note | Severity::Help => miette::Severity::Advice,
    };
    let mut help = String::new();
    for note in &d.notes {
        let _ = writeln!(help, "{note}");
    }
    help.push_str(&d.help);
    let mut diagnostic = MietteDiagnostic::new(d.message.clone())
        .with_code(d.code())
        .with_severity(severity)
        .with_help(help);
    if let Some(span) = &d.span {
        diagnostic = diagnostic.with_label(LabeledSpan::new(None, span.offset, span.length.max(1)));
    }
    diagnostic
}
