//! CSV writing of the graph's answers: the coverage matrix.

use std::fmt::Write as _;

use super::csv_field;
use crate::graph::CoverageMatrix;

/// A coverage matrix as CSV: a header `row` and the column names, then one
/// line per row with its counts.
///
/// ```
/// use ilo_frameworks::format::coverage_csv;
/// use ilo_frameworks::graph::{FrameworkGraph, NodeKind};
///
/// let graph = FrameworkGraph::builtin()?;
/// let csv = coverage_csv(&graph.coverage(NodeKind::Outcome, NodeKind::SdgGoal));
/// assert!(csv.starts_with("row,sdg:1,sdg:2,"));
/// assert!(csv.lines().any(|line| line.starts_with("pb-2022-23:8,")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn coverage_csv(matrix: &CoverageMatrix) -> String {
    let mut out = String::from("row");
    for column in matrix.columns() {
        let _ = write!(out, ",{}", csv_field(&column.to_string()));
    }
    out.push('\n');
    for (r, row) in matrix.rows().iter().enumerate() {
        out.push_str(&csv_field(&row.to_string()));
        for value in matrix.row(r).unwrap_or_default() {
            let _ = write!(out, ",{value}");
        }
        out.push('\n');
    }
    out
}
