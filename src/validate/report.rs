//! Reports: every finding of one validation, in a stable order.

use std::cmp::Ordering;

use super::{Diagnostic, Rule, Severity};

/// Every finding of one validation, in a stable order: by file and place
/// where known, then by code and message.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Report {
    pub(super) diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub(super) fn new(mut diagnostics: Vec<Diagnostic>) -> Report {
        diagnostics.sort_by(order);
        diagnostics.dedup();
        Report { diagnostics }
    }

    /// The findings, in order.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.diagnostics.iter()
    }

    /// How many findings.
    pub fn len(&self) -> usize {
        self.diagnostics.len()
    }

    /// Whether there is no finding.
    pub fn is_empty(&self) -> bool {
        self.diagnostics.is_empty()
    }

    /// How many findings have this severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// The findings of one rule.
    pub fn of_rule(&self, rule: Rule) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics.iter().filter(move |d| d.rule == rule)
    }
}

impl<'a> IntoIterator for &'a Report {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.diagnostics.iter()
    }
}

fn order(a: &Diagnostic, b: &Diagnostic) -> Ordering {
    let place = |d: &Diagnostic| d.span.as_ref().map(|s| (s.file.clone(), s.offset));
    // Findings with a place in a file come first, in file order.
    match (place(a), place(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.location.cmp(&b.location),
    }
    .then_with(|| a.rule.cmp(&b.rule))
    .then_with(|| a.message.cmp(&b.message))
}
