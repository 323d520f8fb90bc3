//! Reports: every finding of one validation, in a stable order.

use std::cmp::Ordering;

use foldhash::HashSet;

use serde::{Deserialize, Serialize};

use super::{Diagnostic, Rule, Severity};

/// Every finding of one validation, in a stable order: by file and place
/// where known, then by code and message. A finding is never listed twice.
///
/// Reports merge, so that the findings of [`lint_toml`](super::lint_toml)
/// and of [`validate`](super::validate) can be read as one:
///
/// ```
/// use ilo_frameworks::validate::{self, Config, Report};
///
/// let text = "id = \"x\"\nkind = \"other\"\ntitle = \"X\"\n\n[[outcomes]]\ncode = \"1\"\ntitle = \"One\"\nsdg = [\"8.99\"]\n";
/// let (mut report, framework) = validate::lint_toml(text, "x.toml", &Config::default());
/// let mut set = ilo_frameworks::FrameworkSet::new();
/// set.insert(framework.expect("it loads"))?;
/// let validated = validate::validate(&set, &Config::default())?;
/// report.merge(validated.clone());
/// report.merge(validated); // each finding is listed once
/// assert_eq!(report.iter().map(|d| d.code()).collect::<Vec<_>>(), ["structure/missing-provenance", "links/unknown-sdg-code"]);
///
/// // Its serde form is what `to_json` writes, and it reads back.
/// assert_eq!(serde_json::from_str::<Report>(&report.to_json())?, report);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub(super) diagnostics: Vec<Diagnostic>,
}

/// Findings with one place, code and message up to which a repeat is
/// searched for among them; past it, looked up in a set.
const LONG_RUN: usize = 16;

impl Report {
    /// A report of `diagnostics`, put in order, each listed once.
    pub fn new(diagnostics: impl IntoIterator<Item = Diagnostic>) -> Report {
        let mut report = Report {
            diagnostics: diagnostics.into_iter().collect(),
        };
        report.settle();
        report
    }

    /// Adds the findings of `other`, keeping the order and dropping findings
    /// already in the report.
    pub fn merge(&mut self, other: Report) {
        self.extend(other.diagnostics);
    }

    /// Puts the findings in order and drops exact repeats, keeping the first.
    fn settle(&mut self) {
        self.diagnostics.sort_by(order);
        // Equal findings compare equal, so each repeat sits in the run of
        // findings with its place, code and message, usually of one.
        // A long run (findings of a file with no places, all at its start)
        // is checked against a set of what it kept, not searched.
        let mut kept: Vec<Diagnostic> = Vec::with_capacity(self.diagnostics.len());
        let mut run_start = 0;
        let mut seen: HashSet<Diagnostic> = HashSet::default();
        for d in self.diagnostics.drain(..) {
            if kept.last().is_none_or(|last| order(last, &d) != Ordering::Equal) {
                run_start = kept.len();
                // A new set rather than a cleared one: clearing costs the
                // set's room, which one long run may have made large.
                if !seen.is_empty() {
                    seen = HashSet::default();
                }
            }
            let run = &kept[run_start..];
            let repeat = if run.len() < LONG_RUN {
                run.contains(&d)
            } else {
                if seen.is_empty() {
                    seen.extend(run.iter().cloned());
                }
                !seen.insert(d.clone())
            };
            if !repeat {
                kept.push(d);
            }
        }
        self.diagnostics = kept;
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

    /// Keeps only the findings `keep` accepts, in their order: a tool that
    /// shows some of the findings keeps the report's counts and summary.
    ///
    /// ```
    /// use ilo_frameworks::validate::{self, Config, Severity};
    ///
    /// let mut report = validate::validate(&ilo_frameworks::builtin::frameworks()?, &Config::default())?;
    /// report.retain(|d| d.severity == Severity::Warning);
    /// assert_eq!(report.summary(), format!("0 errors, {} warnings, 0 notes, 0 help", report.len()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn retain(&mut self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.diagnostics.retain(keep);
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

impl IntoIterator for Report {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.diagnostics.into_iter()
    }
}

impl Extend<Diagnostic> for Report {
    /// Adds findings, keeping the order and dropping findings already in
    /// the report.
    fn extend<I: IntoIterator<Item = Diagnostic>>(&mut self, diagnostics: I) {
        self.diagnostics.extend(diagnostics);
        self.settle();
    }
}

impl FromIterator<Diagnostic> for Report {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(diagnostics: I) -> Self {
        Report::new(diagnostics)
    }
}

/// The counts by severity that the JSON form carries beside the findings.
#[derive(Serialize)]
struct Summary {
    error: usize,
    warning: usize,
    note: usize,
    help: usize,
}

impl Serialize for Report {
    /// `{"diagnostics": [...], "summary": {"error", "warning", "note", "help"}}`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Form<'r> {
            diagnostics: &'r [Diagnostic],
            summary: Summary,
        }
        Form {
            diagnostics: &self.diagnostics,
            summary: Summary {
                error: self.count(Severity::Error),
                warning: self.count(Severity::Warning),
                note: self.count(Severity::Note),
                help: self.count(Severity::Help),
            },
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Report {
    /// Reads the `diagnostics` and puts them in order; the `summary`, which
    /// follows from them, and any other key (such as the `overview` that
    /// `ilofw check --format json` adds) are not read.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Form {
            diagnostics: Vec<Diagnostic>,
        }
        Ok(Report::new(Form::deserialize(deserializer)?.diagnostics))
    }
}

fn order(a: &Diagnostic, b: &Diagnostic) -> Ordering {
    fn place(d: &Diagnostic) -> Option<(&str, usize)> {
        d.span.as_ref().map(|s| (s.file.as_str(), s.offset))
    }
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
