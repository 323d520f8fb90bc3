//! `ilofw coverage`: a coverage matrix, as a table or CSV.

use std::fmt::Write as _;

use crate::input;
use crate::{Failure, MatrixFormat, Outcome};

pub(crate) fn run(rows: &str, cols: &str, format: MatrixFormat, files: &input::Files) -> Result<Outcome, Failure> {
    let (rows, cols) = (input::kind(rows)?, input::kind(cols)?);
    let set = input::load(files)?.set;
    let graph = input::graph(&set)?;
    let matrix = graph.coverage(rows, cols);
    if format == MatrixFormat::Csv {
        return Ok(Outcome::ok(ilo_frameworks::format::coverage_csv(&matrix)));
    }
    let names: Vec<String> = matrix
        .columns()
        .iter()
        .map(|c| c.reference().map_or_else(|| c.to_string(), |r| r.code()))
        .collect();
    let row_names: Vec<String> = matrix.rows().iter().map(ToString::to_string).collect();
    let label_width = row_names.iter().map(|r| r.chars().count()).max().unwrap_or(0).max(4);
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(1).max(2) + 1;
    let mut out = String::new();
    let _ = write!(out, "{:label_width$}", "");
    for name in &names {
        let _ = write!(out, "{name:>width$}");
    }
    out.push('\n');
    for (i, row) in row_names.iter().enumerate() {
        let _ = write!(out, "{row:label_width$}");
        for value in matrix.row(i).unwrap_or_default() {
            if *value == 0 {
                let _ = write!(out, "{:>width$}", ".");
            } else {
                let _ = write!(out, "{value:>width$}");
            }
        }
        out.push('\n');
    }
    Ok(Outcome::for_people(out))
}
