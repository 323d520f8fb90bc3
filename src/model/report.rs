//! Progress reports: documents of record that say how elements of other
//! frameworks stand at a date.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Provenance, Value};
use crate::id::{Expected, ParseError};
use crate::{FrameworkId, PartialDate, Period, Quarter, Ref};

/// The kind of document a progress report is; the only value is
/// `progress-report`, which tells a report file from a framework file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ReportKind {
    /// A progress report.
    #[default]
    ProgressReport,
}

/// Where a deliverable stands, as a report says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DeliverableStatus {
    /// Work has not begun.
    NotStarted,
    /// Work is under way.
    InProgress,
    /// It is delivered.
    Done,
    /// It will not be delivered.
    Dropped,
}

impl DeliverableStatus {
    /// Every status, in order.
    pub const ALL: &'static [DeliverableStatus] = &[
        DeliverableStatus::NotStarted,
        DeliverableStatus::InProgress,
        DeliverableStatus::Done,
        DeliverableStatus::Dropped,
    ];

    /// The name used in files: `not-started`, `in-progress`, `done`, `dropped`.
    pub fn as_str(self) -> &'static str {
        match self {
            DeliverableStatus::NotStarted => "not-started",
            DeliverableStatus::InProgress => "in-progress",
            DeliverableStatus::Done => "done",
            DeliverableStatus::Dropped => "dropped",
        }
    }
}

impl fmt::Display for DeliverableStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DeliverableStatus {
    type Err = ParseError;

    /// Reads what [`DeliverableStatus::as_str`] writes.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        ParseError::named(
            Expected::DeliverableStatus,
            text,
            DeliverableStatus::ALL,
            DeliverableStatus::as_str,
        )
    }
}

/// A report's word on one deliverable: its status and, once done, the
/// quarter it was completed in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DeliverableObservation {
    /// The deliverable: `gsc-2017-21:2.1`.
    pub element: Ref,
    /// Where it stands.
    pub status: DeliverableStatus,
    /// The quarter it was completed in, when done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<Quarter>,
    /// A remark, in a short phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A report's word on one programme target: the value reached at a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TargetObservation {
    /// The programme: `flagships:SPF`.
    pub element: Ref,
    /// Which of its targets, counted from 1 in the order the programme lists them.
    pub target: u32,
    /// The value reached.
    pub value: Value,
    /// When the value was reached; the report's date when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<PartialDate>,
    /// A remark, in a short phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A report's word on one indicator: an actual value for a period,
/// optionally broken down by dimensions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct IndicatorObservation {
    /// The outcome, output or programme the indicator belongs to.
    pub element: Ref,
    /// Which of its indicators, counted from 1 in the order the element lists them.
    pub indicator: u32,
    /// The period the value is for.
    pub period: Period,
    /// The value reached.
    pub value: Value,
    /// The dimensions the value is broken down by: name → value.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub dimensions: BTreeMap<String, String>,
    /// A remark, in a short phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl DeliverableObservation {
    /// The report's word that `element` has `status`, with no completion
    /// quarter or note yet.
    pub fn new(element: Ref, status: DeliverableStatus) -> Self {
        DeliverableObservation {
            element,
            status,
            completed: None,
            note: None,
        }
    }
}

impl TargetObservation {
    /// The report's word that target `target` (from 1) of programme
    /// `element` has reached `value`, as of the report's date.
    pub fn new(element: Ref, target: u32, value: Value) -> Self {
        TargetObservation {
            element,
            target,
            value,
            as_of: None,
            note: None,
        }
    }
}

impl IndicatorObservation {
    /// The report's word that indicator `indicator` (from 1) of `element`
    /// reached `value` over `period`, with no breakdown.
    pub fn new(element: Ref, indicator: u32, period: Period, value: Value) -> Self {
        IndicatorObservation {
            element,
            indicator,
            period,
            value,
            dimensions: BTreeMap::new(),
            note: None,
        }
    }
}

/// A progress report: a document of record, dated, covering a period, that
/// says how elements of other frameworks stand (deliverables' statuses,
/// programme targets' values, indicators' actuals).
///
/// A report is loaded into a [`FrameworkSet`](crate::FrameworkSet) beside
/// the frameworks it reports on; [`progress::evaluate`](crate::progress::evaluate)
/// reads it.
///
/// ```
/// use ilo_frameworks::{DeliverableStatus, ProgressReport};
///
/// let text = r#"
/// id = "gsc-progress-2019"
/// kind = "progress-report"
/// title = "Work-plan progress"
/// date = "2019-12-31"
///
/// [[deliverables]]
/// element = "gsc-2017-21:2.1"
/// status = "done"
/// completed = "2019Q2"
/// "#;
/// let report = ProgressReport::from_toml_str(text, "progress.toml")?;
/// assert_eq!(report.deliverables[0].status, DeliverableStatus::Done);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(
    description = "A progress report: a dated document of record that says how elements of other frameworks stand."
)]
pub struct ProgressReport {
    /// The report's identifier, distinct from every framework's.
    pub id: FrameworkId,
    /// Always `progress-report`.
    pub kind: ReportKind,
    /// The report's title.
    pub title: String,
    /// The date the report speaks as of; nothing it says is known earlier.
    pub date: PartialDate,
    /// The period the report covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub covers: Option<Period>,
    /// Where the report comes from.
    #[serde(default, skip_serializing_if = "Provenance::is_unknown")]
    pub source: Provenance,
    /// Deliverables' statuses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deliverables: Vec<DeliverableObservation>,
    /// Programme targets' values.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<TargetObservation>,
    /// Indicators' actuals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorObservation>,
}

impl ProgressReport {
    /// An empty report with an id, a title and a date.
    pub fn new(id: FrameworkId, title: impl Into<String>, date: PartialDate) -> Self {
        ProgressReport {
            id,
            kind: ReportKind::ProgressReport,
            title: title.into(),
            date,
            covers: None,
            source: Provenance::default(),
            deliverables: Vec::new(),
            targets: Vec::new(),
            indicators: Vec::new(),
        }
    }

    /// Every element the report observes, with the list that names it
    /// (`deliverables`, `targets`, `indicators`) and its place there.
    pub fn observed(&self) -> impl Iterator<Item = (&'static str, usize, &Ref)> {
        let d = self
            .deliverables
            .iter()
            .enumerate()
            .map(|(i, o)| ("deliverables", i, &o.element));
        let t = self.targets.iter().enumerate().map(|(i, o)| ("targets", i, &o.element));
        let n = self
            .indicators
            .iter()
            .enumerate()
            .map(|(i, o)| ("indicators", i, &o.element));
        d.chain(t).chain(n)
    }
}
