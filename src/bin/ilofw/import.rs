//! `ilofw import`: other formats into a framework file.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ilo_frameworks::format::printable;
use ilo_frameworks::iati::Crosswalk;

use crate::{DocumentFormat, Failure, Outcome, input};

/// Imports IATI activity files into one framework, written in `format`;
/// the findings go to standard error.
pub(crate) fn iati(
    files: &[PathBuf],
    map: Option<&Path>,
    id: Option<&str>,
    format: DocumentFormat,
) -> Result<Outcome, Failure> {
    let crosswalk = match map {
        Some(path) => Some(Crosswalk::load(path).map_err(|e| e.to_string())?),
        None => None,
    };
    let paths: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    let import = input::import(&paths, id, crosswalk, &ilo_frameworks::validate::Config::default())?;
    let text = match format {
        DocumentFormat::Toml => import.framework.to_toml_string(),
        DocumentFormat::Json => import.framework.to_json_string(),
    }
    .map_err(|e| e.to_string())?;
    let mut findings = String::new();
    for d in import.report.iter() {
        let _ = writeln!(findings, "{d}");
    }
    let _ = writeln!(
        findings,
        "{} activities read, {} projects written; {}",
        import.activities,
        import.framework.programmes.len(),
        import.report.summary()
    );
    eprint!("{}", printable(&findings));
    Ok(Outcome {
        text,
        status: u8::from(import.report.has_errors()),
    })
}
