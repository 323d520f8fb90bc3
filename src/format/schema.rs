//! The JSON Schemas of the file formats: frameworks, progress reports, and
//! sets of both.

use crate::{Framework, FrameworkSet, ProgressReport};

/// The JSON Schema (draft 2020-12) of a framework file, pretty-printed.
///
/// The same shape holds for TOML and JSON files. The schema is committed as
/// `docs/framework.schema.json`; a test keeps the two equal.
///
/// ```
/// let schema = ilo_frameworks::framework_schema();
/// assert!(schema.contains("\"title\": \"Framework\""));
/// ```
pub fn framework_schema() -> String {
    let schema = schemars::schema_for!(Framework);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema (draft 2020-12) of a progress report file, pretty-printed.
///
/// Committed as `docs/progress-report.schema.json`; a test keeps the two equal.
///
/// ```
/// let schema = ilo_frameworks::report_schema();
/// assert!(schema.contains("\"title\": \"ProgressReport\""));
/// ```
pub fn report_schema() -> String {
    let schema = schemars::schema_for!(ProgressReport);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema (draft 2020-12) of a set file (`frameworks` and
/// `reports`, as `ilofw export --format json` writes them), pretty-printed.
///
/// Committed as `docs/set.schema.json`; a test keeps the two equal.
///
/// ```
/// let schema = ilo_frameworks::set_schema();
/// assert!(schema.contains("\"frameworks\""));
/// ```
pub fn set_schema() -> String {
    let schema = schemars::schema_for!(FrameworkSet);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
