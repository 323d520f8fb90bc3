//! Whether a target or indicator is on track: the straight path from the
//! baseline to the target.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use crate::{Aggregation, Direction, Measure, PartialDate, Ref, Value};

/// How a target or indicator stands as of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum TrackState {
    /// There is no numeric target to measure against.
    NoTarget,
    /// No actual is known as of the date.
    NotReported,
    /// The latest actual reaches the target (at or above it when ascending,
    /// at or below when descending).
    Achieved,
    /// The latest actual is on the right side of the straight path from
    /// the baseline to the target, read at the actual's date.
    OnTrack,
    /// The latest actual is on the wrong side of that path.
    Behind,
    /// An actual is known but the path cannot be drawn: it is a text, or
    /// the start or the due date is unknown.
    Unjudged,
}

impl TrackState {
    /// The name used in tables and JSON: `on-track`, `not-reported`, …
    pub fn as_str(self) -> &'static str {
        match self {
            TrackState::NoTarget => "no-target",
            TrackState::NotReported => "not-reported",
            TrackState::Achieved => "achieved",
            TrackState::OnTrack => "on-track",
            TrackState::Behind => "behind",
            TrackState::Unjudged => "unjudged",
        }
    }
}

impl fmt::Display for TrackState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the on-track rule reads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Path {
    pub(crate) direction: Direction,
    /// The baseline value; 0 when none is stated.
    pub(crate) baseline: f64,
    /// When the path starts: the baseline's date, or else the start of the
    /// element's period.
    pub(crate) start: Option<NaiveDate>,
    /// The target value.
    pub(crate) target: Option<f64>,
    /// When the target is due.
    pub(crate) due: Option<NaiveDate>,
}

/// The judgement of one actual against a [`Path`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Judgement {
    pub(crate) state: TrackState,
    pub(crate) achieved: Option<f64>,
    pub(crate) expected: Option<f64>,
}

impl Path {
    /// Judges `actual`, reached on `when`.
    ///
    /// - share achieved = (actual − baseline) / (target − baseline), when
    ///   the target differs from the baseline;
    /// - expected = baseline + (target − baseline) × elapsed, where elapsed
    ///   is the part of the days from start to due that have passed on
    ///   `when`, between 0 and 1;
    /// - on track when the actual is at or beyond the expected value in the
    ///   indicator's direction.
    pub(crate) fn judge(&self, actual: Option<(&Value, NaiveDate)>) -> Judgement {
        let none = |state| Judgement {
            state,
            achieved: None,
            expected: None,
        };
        let Some(target) = self.target else {
            return none(TrackState::NoTarget);
        };
        let Some((actual, when)) = actual else {
            return none(TrackState::NotReported);
        };
        let Some(actual) = actual.as_number() else {
            return none(TrackState::Unjudged);
        };
        let span = target - self.baseline;
        let achieved = (span != 0.0).then(|| (actual - self.baseline) / span);
        let better_or_equal = |a: f64, b: f64| match self.direction {
            Direction::Ascending => a >= b,
            Direction::Descending => a <= b,
        };
        let expected = match (self.start, self.due) {
            (Some(start), Some(due)) => {
                let total = (due - start).num_days();
                let elapsed = if total <= 0 {
                    1.0
                } else {
                    ((when - start).num_days() as f64 / total as f64).clamp(0.0, 1.0)
                };
                Some(self.baseline + span * elapsed)
            }
            _ => None,
        };
        let state = if better_or_equal(actual, target) {
            TrackState::Achieved
        } else {
            match expected {
                None => TrackState::Unjudged,
                Some(e) if better_or_equal(actual, e) => TrackState::OnTrack,
                Some(_) => TrackState::Behind,
            }
        };
        Judgement {
            state,
            achieved,
            expected,
        }
    }
}

/// One programme target as of a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetProgress {
    /// The programme.
    pub element: Ref,
    /// Which of its targets, from 1.
    pub number: u32,
    /// The quantity aimed at.
    pub target: Option<f64>,
    /// When it is due.
    pub due: Option<PartialDate>,
    /// The latest value reported as of the date.
    pub actual: Option<Value>,
    /// When that value was reached.
    pub actual_date: Option<NaiveDate>,
    /// The share of the target achieved (1 is the whole target).
    pub achieved: Option<f64>,
    /// The value the straight path expects on the actual's date.
    pub expected: Option<f64>,
    /// How it stands.
    pub state: TrackState,
}

/// One indicator as of a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorProgress {
    /// The outcome, output or programme it measures.
    pub element: Ref,
    /// Which of its indicators, from 1.
    pub number: u32,
    /// Its measure.
    pub measure: Measure,
    /// How its values combine upward.
    pub rule: Aggregation,
    /// Its baseline, where a number.
    pub baseline: Option<f64>,
    /// Its final target, where a number.
    pub target: Option<f64>,
    /// When the final target is due.
    pub due: Option<NaiveDate>,
    /// The latest actual known as of the date (the total of the latest
    /// period with an actual).
    pub actual: Option<Value>,
    /// The last day of that actual's period, or the date asked about if
    /// earlier.
    pub actual_date: Option<NaiveDate>,
    /// The share of the target achieved.
    pub achieved: Option<f64>,
    /// The value the straight path expects on the actual's date.
    pub expected: Option<f64>,
    /// How it stands.
    pub state: TrackState,
    /// Under a distinct count, the values of the counted dimension its
    /// actual names with a value above 0 (`["AR", "KE"]`), sorted, each once.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub counted: Vec<String>,
}
