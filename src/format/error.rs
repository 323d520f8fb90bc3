//! Errors in reading a file, with the place they occurred.

use std::fmt;

/// A file that could not be read into the model: which file, where in it
/// (line and column, from 1) and what was wrong.
///
/// ```
/// use ilo_frameworks::Framework;
///
/// let text = "id = \"pb-2022-23\"\nkind = \"programme-and-budget\"\ntitle = \"P&B\"\n\n[[outcomes]]\ncode = \"7.x\"\ntitle = \"t\"\n";
/// let err = Framework::from_toml_str(text, "pb.toml").unwrap_err();
/// assert_eq!((err.line(), err.column()), (6, 8));
/// assert!(err.to_string().starts_with("pb.toml:6:8: invalid outcome code \"7.x\""));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    origin: String,
    line: usize,
    column: usize,
    message: String,
}

impl LoadError {
    pub(crate) fn new(origin: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        LoadError {
            origin: origin.to_owned(),
            line,
            column,
            message: message.into(),
        }
    }

    /// The error at byte `offset` of `text`.
    pub(crate) fn at_offset(origin: &str, text: &str, offset: usize, message: impl Into<String>) -> Self {
        let (line, column) = line_column(text, offset);
        LoadError::new(origin, line, column, message)
    }

    /// The file (or other origin) the text came from, as the caller named it.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The line, from 1.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column in characters, from 1.
    pub fn column(&self) -> usize {
        self.column
    }

    /// What was wrong, without the place.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.origin, self.line, self.column, self.message)
    }
}

/// The line and column (both from 1, column in characters) of byte `offset`.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}
