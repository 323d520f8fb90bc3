//! The floor reading a set of JSON files is measured against: each file
//! read and parsed for its syntax alone (`serde::de::IgnoredAny`), nothing
//! kept (included with `#[path]` by the files bench and the million
//! example).

use std::path::PathBuf;

/// Reads and parses `files` for their syntax; the bytes read.
pub fn syntax_only(files: &[PathBuf]) -> Result<usize, String> {
    let mut bytes = 0;
    for path in files {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str::<serde::de::IgnoredAny>(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        bytes += text.len();
    }
    Ok(bytes)
}
