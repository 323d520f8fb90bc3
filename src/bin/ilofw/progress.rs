//! `ilofw progress`: where every deliverable, target and indicator stands
//! as of a date, and what reaches each output and outcome.

use std::collections::HashMap;
use std::fmt::Write as _;

use ilo_frameworks::format::csv_field;
use ilo_frameworks::progress::{self, AsOf, Progress, RollUpGroup, TrackState};
use ilo_frameworks::{FrameworkSet, Indicator, ProgrammeTarget, Quarter, Ref, Value};

use crate::input;
use crate::{Failure, Outcome, ProgressFormat};

pub(crate) fn run(files: &input::Files, as_of: &str, format: ProgressFormat) -> Result<Outcome, Failure> {
    let as_of: AsOf = as_of.parse().map_err(|e: ilo_frameworks::ParseError| e.to_string())?;
    let set = input::load(files)?.set;
    let graph = input::graph(&set)?;
    // As many threads as the machine offers: the result is the same.
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    let progress = progress::evaluate_parallel(&set, &graph, as_of, threads);
    let text = match format {
        ProgressFormat::Json => {
            let mut text = serde_json::to_string_pretty(&progress).map_err(|e| e.to_string())?;
            text.push('\n');
            text
        }
        ProgressFormat::Csv => csv(&rows(&set, &progress)),
        ProgressFormat::Table => return Ok(Outcome::for_people(table(&set, &progress))),
    };
    Ok(Outcome::ok(text))
}

/// The column names of the table and the CSV.
const COLUMNS: [&str; 9] = [
    "element", "kind", "due", "state", "reported", "actual", "target", "achieved", "label",
];

/// One row: a deliverable, a programme target or an indicator.
struct Row {
    cells: [String; 9],
}

/// The labels of the elements the rows name, found in one pass over the set.
struct Labels<'s> {
    deliverables: HashMap<Ref, &'s str>,
    targets: HashMap<Ref, &'s [ProgrammeTarget]>,
    indicators: HashMap<Ref, &'s [Indicator]>,
}

impl<'s> Labels<'s> {
    fn of(set: &'s FrameworkSet) -> Self {
        let mut labels = Labels {
            deliverables: HashMap::new(),
            targets: HashMap::new(),
            indicators: HashMap::new(),
        };
        for f in set {
            for d in &f.deliverables {
                labels
                    .deliverables
                    .insert(Ref::element(f.id.clone(), d.code.into()), d.title.as_str());
            }
            for p in &f.programmes {
                labels
                    .targets
                    .insert(Ref::element(f.id.clone(), (&p.id).into()), p.targets.as_slice());
            }
            for (code, list) in f.indicator_lists() {
                labels.indicators.insert(Ref::element(f.id.clone(), code), list);
            }
        }
        labels
    }
}

fn number_cell(value: Option<f64>) -> String {
    value.map(|v| format!("{v}")).unwrap_or_default()
}

fn percent(share: Option<f64>) -> String {
    share.map(|s| format!("{:.0}%", s * 100.0)).unwrap_or_default()
}

fn rows(set: &FrameworkSet, progress: &Progress) -> Vec<Row> {
    let labels = Labels::of(set);
    let mut rows = Vec::new();
    for d in &progress.deliverables {
        rows.push(Row {
            cells: [
                d.element.to_string(),
                "deliverable".to_owned(),
                d.due.map(|q| q.to_string()).unwrap_or_default(),
                d.state.to_string(),
                d.reported.map(|s| s.to_string()).unwrap_or_default(),
                d.completed.map(|q| format!("completed {q}")).unwrap_or_default(),
                String::new(),
                String::new(),
                labels
                    .deliverables
                    .get(&d.element)
                    .copied()
                    .unwrap_or_default()
                    .to_owned(),
            ],
        });
    }
    for t in &progress.targets {
        let label = nth(&labels.targets, &t.element, t.number).map(|t| t.label.as_str());
        let due = t.due.map(|d| d.period().end());
        rows.push(tracked(
            "target",
            &t.element,
            t.number,
            due,
            t.state,
            t.actual.as_ref(),
            t.target,
            t.achieved,
            label,
        ));
    }
    for i in &progress.indicators {
        let label = nth(&labels.indicators, &i.element, i.number).map(|i| i.label.as_str());
        rows.push(tracked(
            "indicator",
            &i.element,
            i.number,
            i.due,
            i.state,
            i.actual.as_ref(),
            i.target,
            i.achieved,
            label,
        ));
    }
    rows
}

/// The `number`-th (from 1) of an element's targets or indicators.
fn nth<'s, T>(lists: &HashMap<Ref, &'s [T]>, element: &Ref, number: u32) -> Option<&'s T> {
    lists.get(element)?.get((number as usize).checked_sub(1)?)
}

/// The row of a programme target or an indicator, named
/// `element#kind-number`, due in the quarter of its due day.
#[allow(clippy::too_many_arguments)]
fn tracked(
    kind: &str,
    element: &Ref,
    number: u32,
    due: Option<chrono::NaiveDate>,
    state: TrackState,
    actual: Option<&Value>,
    target: Option<f64>,
    achieved: Option<f64>,
    label: Option<&str>,
) -> Row {
    Row {
        cells: [
            format!("{element}#{kind}-{number}"),
            kind.to_owned(),
            due.map(|d| Quarter::containing(d).to_string()).unwrap_or_default(),
            state.to_string(),
            String::new(),
            actual.map(ToString::to_string).unwrap_or_default(),
            number_cell(target),
            percent(achieved),
            label.unwrap_or_default().to_owned(),
        ],
    }
}

fn csv(rows: &[Row]) -> String {
    let mut out = COLUMNS.join(",");
    out.push('\n');
    for row in rows {
        let cells: Vec<String> = row.cells.iter().map(|c| csv_field(c)).collect();
        let _ = writeln!(out, "{}", cells.join(","));
    }
    out
}

fn table(set: &FrameworkSet, progress: &Progress) -> String {
    let rows = rows(set, progress);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "as of {} ({}): {} deliverables, {} late; {} targets; {} indicators; {} read",
        progress.as_of,
        progress.as_of.quarter(),
        progress.deliverables.len(),
        progress.late().count(),
        progress.targets.len(),
        progress.indicators.len(),
        match set.reports().len() {
            1 => "1 report".to_owned(),
            n => format!("{n} reports"),
        }
    );
    // Every column but the label is padded to its widest cell; the label ends the line.
    let last = COLUMNS.len() - 1;
    let mut widths: Vec<usize> = COLUMNS.iter().map(|c| c.chars().count()).collect();
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(&row.cells).take(last) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut line = |cells: &[&str]| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i == last {
                text.push_str(cell);
            } else {
                let _ = write!(text, "{cell:<width$}  ", width = widths[i]);
            }
        }
        let _ = writeln!(out, "{}", text.trim_end());
    };
    line(&COLUMNS);
    for row in &rows {
        let cells: Vec<&str> = row.cells.iter().map(String::as_str).collect();
        line(&cells);
    }
    if !progress.rollups.is_empty() {
        out.push_str("\nroll-ups\n");
        for rollup in &progress.rollups {
            for group in &rollup.groups {
                let _ = writeln!(out, "  {:<24} {}", rollup.element.to_string(), describe(group));
            }
        }
    }
    out
}

/// `12 member States (unit, distinct-count(country)) from 3 indicators`.
fn describe(group: &RollUpGroup) -> String {
    let value = group.value.map_or_else(|| "no value".to_owned(), |v| format!("{v}"));
    let unit = group.unit.as_deref().map(|u| format!(" {u}")).unwrap_or_default();
    let n = group.contributions.len();
    let many = group.contributions.iter().filter(|c| c.paths > 1).count();
    let mut text = format!(
        "{value}{unit} ({}, {}) from {n} indicator{}",
        group.measure,
        group.rule,
        if n == 1 { "" } else { "s" }
    );
    if many > 0 {
        let _ = write!(text, ", {many} reaching by two or more paths, counted once");
    }
    text
}
