//! The observations of progress reports known as of a date, indexed by the
//! element they are about.

use chrono::NaiveDate;
use foldhash::HashMap;

use crate::{
    DeliverableObservation, FrameworkId, FrameworkSet, IndicatorObservation, PartialDate, ProgressReport, Ref, Value,
};

/// An element's framework id and code as text: the key observations are
/// found by without building a [`Ref`] per element.
pub(crate) type Key<'s> = (&'s str, &'s str);

fn key(reference: &Ref) -> Option<Key<'_>> {
    match reference {
        Ref::Element { framework, code } => Some((framework.as_str(), code.as_str())),
        _ => None,
    }
}

/// The day from which a report is known: the last day of its date (a
/// report dated `2019` is known at the end of 2019).
pub(crate) fn known_from(report: &ProgressReport) -> NaiveDate {
    report.date.period().end()
}

/// The observations of the reports known as of a date.
#[derive(Default)]
pub(crate) struct Observations<'s> {
    /// Per deliverable, the word of the latest report.
    pub(crate) deliverables: HashMap<Key<'s>, (&'s FrameworkId, &'s DeliverableObservation)>,
    /// Per programme and target number, every value with its date, in
    /// report order.
    pub(crate) targets: HashMap<(Key<'s>, u32), Vec<(NaiveDate, &'s Value)>>,
    /// Per element and indicator number, every actual with the date of its
    /// report, in report order.
    pub(crate) indicators: HashMap<(Key<'s>, u32), Vec<(NaiveDate, &'s IndicatorObservation)>>,
}

impl<'s> Observations<'s> {
    /// Gathers the observations of every report of `set` known on `date`.
    /// Reports are taken in date order (then set order), so that a later
    /// report's word on a deliverable replaces an earlier one's.
    pub(crate) fn known_on(set: &'s FrameworkSet, date: NaiveDate) -> Self {
        let mut reports: Vec<&ProgressReport> = set.reports().filter(|r| known_from(r) <= date).collect();
        reports.sort_by_key(|r| known_from(r));
        let mut found = Observations::default();
        for report in reports {
            let dated = known_from(report);
            for o in &report.deliverables {
                if let Some(k) = key(&o.element) {
                    found.deliverables.insert(k, (&report.id, o));
                }
            }
            for o in &report.targets {
                let when = o.as_of.map_or(dated, |d: PartialDate| d.period().end());
                if let Some(k) = key(&o.element)
                    && when <= date
                {
                    found.targets.entry((k, o.target)).or_default().push((when, &o.value));
                }
            }
            for o in &report.indicators {
                if let Some(k) = key(&o.element) {
                    found.indicators.entry((k, o.indicator)).or_default().push((dated, o));
                }
            }
        }
        found
    }

    /// Whether no report is known.
    pub(crate) fn is_empty(&self) -> bool {
        self.deliverables.is_empty() && self.targets.is_empty() && self.indicators.is_empty()
    }
}
