//! `ilofw check`: the overview and the validation report.

use std::fmt::Write as _;
use std::io::IsTerminal as _;
use std::path::Path;

use ilo_frameworks::LinkKind;
use ilo_frameworks::builtin;
use ilo_frameworks::format::{SourceMap, printable};
use ilo_frameworks::graph::{FrameworkGraph, NodeKind};
use ilo_frameworks::validate::{Config, Diagnostic, Level, Report, Severity, Validator};
use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic};
use serde::Serialize;

use crate::excerpt::Excerpt;
use crate::input;
use crate::{Failure, Outcome, ReportFormat};

pub(crate) fn run(
    files: &input::Files,
    format: ReportFormat,
    levels: &[(String, Level)],
    config_file: Option<&Path>,
    mine: bool,
) -> Result<Outcome, Failure> {
    let mut config = match config_file {
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Config::from_toml_str(&text, &path.display().to_string()).map_err(|e| e.to_string())?
        }
        None => Config::default(),
    };
    for (code, level) in levels {
        config.set_code(code, *level).map_err(|e| e.to_string())?;
    }
    let mut loaded = input::load_with(files, &config)?;
    let imported = std::mem::take(&mut loaded.imported);
    let (set, sources) = (&loaded.set, &loaded.sources);
    // One graph serves the overview and the rules.
    let sdg = builtin::sdg().map_err(|e| e.to_string())?;
    let standards = builtin::standards().map_err(|e| e.to_string())?;
    let graph = FrameworkGraph::new(set, sdg, &standards);
    let mut report = Validator::new(set, sdg, &standards)
        .graph(&graph)
        .sources(sources)
        .run(&config);
    report.merge(imported);
    let found = report.len();
    if mine {
        let files: Vec<String> = loaded.mine.values().map(|path| path.display().to_string()).collect();
        report.retain(|d| is_mine(d, &loaded, &files));
    }
    let left_out = found - report.len();
    let status = u8::from(report.has_errors());
    let text = match format {
        ReportFormat::Human => {
            // The overview quotes titles from the files; the findings are
            // escaped as they are drawn.
            let mut text = printable(&overview(&loaded, &graph)).into_owned();
            text.push('\n');
            text.push_str(&render(&report, sources));
            text.push_str(&report.summary());
            if mine {
                let _ = write!(text, " ({left_out} on the built-in frameworks left out)");
            }
            text.push('\n');
            if !report.is_empty() {
                let _ = writeln!(text, "each code is explained at {RULES_URL}");
            }
            text
        }
        ReportFormat::Json => json(&loaded, &graph, &report, mine.then_some(left_out))?,
    };
    // The process ends once the text is written: the system takes back
    // the set, its graph and the findings at once, where dropping them
    // would free millions of allocations one by one.
    std::mem::forget((report, graph, loaded));
    Ok(Outcome { text, status })
}

/// Where the rules are documented for anyone who installed the crate.
const RULES_URL: &str = "https://docs.rs/ilo-frameworks/latest/ilo_frameworks/validate/rules/";

/// Whether a finding is about the user's files (named as in `files`): one
/// of its subjects is a framework or report they gave, or it points into
/// one of them.
fn is_mine(d: &Diagnostic, loaded: &input::Loaded, files: &[String]) -> bool {
    let subject = d
        .subjects
        .iter()
        .any(|r| r.framework().is_some_and(|id| loaded.is_mine(id)));
    let place = d.span.as_ref().is_some_and(|span| files.contains(&span.file));
    subject || place
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

fn overview(loaded: &input::Loaded, graph: &FrameworkGraph) -> String {
    let set = &loaded.set;
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
    // Ids line up in a column as wide as the longest (at least 14).
    let width = set.iter().map(|f| f.id.as_str().len()).max().unwrap_or(0).max(14);
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
        if let Some(path) = loaded.mine.get(&f.id) {
            parts.push(format!("from {}", path.display()));
        }
        let _ = writeln!(
            out,
            "  {:<width$} {:<44} {}",
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

/// The JSON report: the findings shown and their counts, then the
/// overview. Written straight from the findings (no tree of values in
/// between), so that a report of many findings costs little more than its
/// text.
fn json(
    loaded: &input::Loaded,
    graph: &FrameworkGraph,
    report: &Report,
    left_out: Option<usize>,
) -> Result<String, Failure> {
    #[derive(Serialize)]
    struct Form<'a> {
        diagnostics: &'a [Diagnostic],
        summary: Summary,
        overview: Overview,
    }
    #[derive(Serialize)]
    struct Summary {
        error: usize,
        warning: usize,
        note: usize,
        help: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        left_out: Option<usize>,
    }
    #[derive(Serialize)]
    struct Overview {
        frameworks: Vec<String>,
        reports: Vec<String>,
        outcomes: usize,
        outputs: usize,
        programmes: usize,
        deliverables: usize,
        links: usize,
    }
    let set = &loaded.set;
    let count = |severity| report.count(severity);
    let nodes = |kind| graph.nodes_of_kind(kind).count();
    let form = Form {
        diagnostics: report.iter().as_slice(),
        summary: Summary {
            error: count(Severity::Error),
            warning: count(Severity::Warning),
            note: count(Severity::Note),
            help: count(Severity::Help),
            left_out,
        },
        overview: Overview {
            frameworks: set.iter().map(|f| f.id.to_string()).collect(),
            reports: set.reports().map(|r| r.id.to_string()).collect(),
            outcomes: nodes(NodeKind::Outcome),
            outputs: nodes(NodeKind::Output),
            programmes: nodes(NodeKind::Programme),
            deliverables: nodes(NodeKind::Deliverable),
            links: stated_links(graph),
        },
    };
    let mut text = serde_json::to_string_pretty(&form).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

/// Each finding drawn by miette, with the source line underlined when the
/// finding has a line in a file (findings on JSON files name the file
/// alone: JSON keeps no lines to show).
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
        let located = d
            .span
            .as_ref()
            .filter(|s| s.length > 0 || s.offset > 0)
            .and_then(|s| sources.lines_around(s, 2).map(|lines| Excerpt::new(&s.file, &lines)));
        let diagnostic = to_miette(d, located.as_ref());
        let shown_in_place = located.is_some();
        let drawn = match located {
            Some(excerpt) => {
                let report = miette::Report::new(diagnostic).with_source_code(excerpt);
                let mut drawn = String::new();
                handler.render_report(&mut drawn, report.as_ref()).map(|()| drawn)
            }
            None => {
                let mut drawn = String::new();
                handler.render_report(&mut drawn, &diagnostic).map(|()| drawn)
            }
        };
        match drawn {
            Ok(text) => {
                if let Some(span) = d.span.as_ref().filter(|_| !shown_in_place) {
                    // A place in a file whose text is not kept (XML) is
                    // named by line and column; a whole file by its name.
                    if span.offset > 0 || span.length > 0 {
                        let _ = writeln!(out, "  at {}:{}:{}", printable(&span.file), span.line, span.column);
                    } else {
                        let _ = writeln!(out, "  in {}", printable(&span.file));
                    }
                }
                out.push_str(&text);
            }
            Err(_) => {
                let _ = writeln!(out, "{d}");
            }
        }
        out.push('\n');
    }
    out
}

/// The finding for miette, its label cut to what `excerpt` shows.
fn to_miette(d: &Diagnostic, excerpt: Option<&Excerpt>) -> MietteDiagnostic {
    let severity = match d.severity {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        _ => miette::Severity::Advice,
    };
    let mut help = String::new();
    for note in &d.notes {
        let _ = writeln!(help, "{note}");
    }
    help.push_str(&d.help);
    // The word as well as miette's glyph, for terminals and readers without either.
    let mut diagnostic = MietteDiagnostic::new(format!("{}: {}", d.severity, printable(&d.message)))
        .with_code(d.code())
        .with_severity(severity)
        .with_help(printable(&help));
    if let Some((span, excerpt)) = d.span.as_ref().zip(excerpt) {
        let length = excerpt.label_length(span.offset, span.length);
        diagnostic = diagnostic.with_label(LabeledSpan::new(None, span.offset, length));
    }
    diagnostic
}
