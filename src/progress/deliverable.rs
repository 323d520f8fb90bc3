//! Where a deliverable stands as of a date.

use std::fmt;

use serde::Serialize;

use crate::{Deliverable, DeliverableObservation, DeliverableStatus, FrameworkId, Quarter, Ref};

/// Where a deliverable stands as of a date, from its schedule and the
/// latest report known then. The states are tried in this order; the first
/// that fits is the answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DeliverableState {
    /// A report says it will not be delivered.
    Dropped,
    /// A report says it is done, completed in or before its due quarter
    /// (or with no completion quarter or no schedule to compare with).
    Done,
    /// A report says it is done, completed after its due quarter.
    DoneLate,
    /// It is scheduled in no quarter, and no report says it is done or dropped.
    Unscheduled,
    /// Its due quarter is before the quarter of the date, and no report
    /// says it is done or dropped (whatever else a report says, or if none
    /// speaks of it).
    Overdue,
    /// A report says work is under way, and it is not yet past due.
    InProgress,
    /// A report says work has not begun, and it is not yet past due.
    NotStarted,
    /// Its first scheduled quarter is after the quarter of the date, and no
    /// report speaks of it.
    NotYetDue,
    /// It is scheduled to be under way (its first quarter has come, its due
    /// quarter has not passed) and no report speaks of it.
    NotReported,
}

impl DeliverableState {
    /// Every state, in the order they are tried.
    pub const ALL: [DeliverableState; 9] = [
        DeliverableState::Dropped,
        DeliverableState::Done,
        DeliverableState::DoneLate,
        DeliverableState::Unscheduled,
        DeliverableState::Overdue,
        DeliverableState::InProgress,
        DeliverableState::NotStarted,
        DeliverableState::NotYetDue,
        DeliverableState::NotReported,
    ];

    /// The name used in tables and JSON: `done-late`, `not-yet-due`, …
    pub fn as_str(self) -> &'static str {
        match self {
            DeliverableState::Dropped => "dropped",
            DeliverableState::Done => "done",
            DeliverableState::DoneLate => "done-late",
            DeliverableState::Unscheduled => "unscheduled",
            DeliverableState::Overdue => "overdue",
            DeliverableState::InProgress => "in-progress",
            DeliverableState::NotStarted => "not-started",
            DeliverableState::NotYetDue => "not-yet-due",
            DeliverableState::NotReported => "not-reported",
        }
    }

    /// Whether the deliverable is late: overdue, or done late.
    pub fn is_late(self) -> bool {
        matches!(self, DeliverableState::Overdue | DeliverableState::DoneLate)
    }
}

impl fmt::Display for DeliverableState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One deliverable as of a date: its schedule, what the latest report said,
/// and the state that follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeliverableProgress {
    /// The deliverable: `gsc-2017-21:2.1`.
    pub element: Ref,
    /// Its first scheduled quarter.
    pub first: Option<Quarter>,
    /// Its due quarter: the last one scheduled.
    pub due: Option<Quarter>,
    /// Where it stands.
    pub state: DeliverableState,
    /// The status the latest report known gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reported: Option<DeliverableStatus>,
    /// The quarter that report says it was completed in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed: Option<Quarter>,
    /// That report.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report: Option<FrameworkId>,
}

/// The state of `deliverable` in `quarter`, given the latest report's word.
pub(crate) fn state(
    deliverable: &Deliverable,
    quarter: Quarter,
    word: Option<&DeliverableObservation>,
) -> DeliverableState {
    let due = deliverable.timeframe.last();
    let status = word.map(|w| w.status);
    match status {
        Some(DeliverableStatus::Dropped) => return DeliverableState::Dropped,
        Some(DeliverableStatus::Done) => {
            let late = matches!((word.and_then(|w| w.completed), due), (Some(c), Some(d)) if c > d);
            return if late {
                DeliverableState::DoneLate
            } else {
                DeliverableState::Done
            };
        }
        _ => {}
    }
    let Some(due) = due else {
        return DeliverableState::Unscheduled;
    };
    if due < quarter {
        return DeliverableState::Overdue;
    }
    match status {
        Some(DeliverableStatus::InProgress) => DeliverableState::InProgress,
        Some(DeliverableStatus::NotStarted) => DeliverableState::NotStarted,
        _ if deliverable.timeframe.first().is_some_and(|first| first > quarter) => DeliverableState::NotYetDue,
        _ => DeliverableState::NotReported,
    }
}
