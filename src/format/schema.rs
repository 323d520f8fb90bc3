//! The JSON Schema of the framework file format.

use crate::Framework;

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
