//! Findings: severity, code, message, subjects, place and help.

use std::fmt;

use serde::Serialize;

use super::Rule;
use crate::Ref;
use crate::format::{Location, Span};

/// How much a finding matters. Ordered: help < note < warning < error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// A suggestion.
    Help,
    /// Worth knowing; nothing is wrong.
    Note,
    /// Probably wrong, or incomplete in the source.
    Warning,
    /// Wrong: the framework does not hold together.
    Error,
}

impl Severity {
    /// `help`, `note`, `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Help => "help",
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding of the validation layer.
///
/// The message is one line that makes sense on its own; `help` says how to
/// fix it; `notes` add what the sources say where a finding rests on them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The rule that found it; its code is stable.
    #[serde(rename = "code")]
    pub rule: Rule,
    /// Its severity, after configuration.
    pub severity: Severity,
    /// What is wrong, in one line.
    pub message: String,
    /// The elements concerned.
    pub subjects: Vec<Ref>,
    /// Where in the model the finding is.
    #[serde(skip)]
    pub location: Option<Location>,
    /// Where in a file, when the element was read from one.
    pub span: Option<Span>,
    /// How to fix it.
    pub help: String,
    /// Further facts, such as each source's value for a conflicting claim.
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// The stable code of the rule: `links/unknown-sdg-code`.
    pub fn code(&self) -> String {
        self.rule.code()
    }
}

impl fmt::Display for Diagnostic {
    /// `error[links/unknown-sdg-code]: message` with ` at file:line:column`
    /// when the place is known.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: {}", self.severity, self.rule, self.message)?;
        if let Some(span) = &self.span {
            write!(f, " (at {}:{}:{})", span.file, span.line, span.column)?;
        }
        Ok(())
    }
}
