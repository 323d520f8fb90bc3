//! Roll-ups: the values of indicators gathered at the outputs and outcomes
//! they feed, by each indicator's rule, each source counted once.

use chrono::NaiveDate;
use serde::Serialize;

use crate::{Aggregation, Measure, Ref};

/// One indicator's part in a roll-up.
///
/// The indicator is named by its place in [`Progress::indicators`], whose
/// entry holds its element, number, actual and counted values: a roll-up
/// of millions of contributions then repeats none of them
/// ([`Progress::source`] looks it up).
///
/// [`Progress::indicators`]: super::Progress::indicators
/// [`Progress::source`]: super::Progress::source
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contribution {
    /// The indicator, by its index in [`Progress::indicators`](super::Progress::indicators).
    pub indicator: usize,
    /// The number it brings: its latest actual (for a distinct count, how
    /// many distinct values it names); `None` when it has no numeric actual.
    pub value: Option<f64>,
    /// The fraction of its value that reaches the element rolled up to: the
    /// sum of the shares of its distinct paths there, at most 1.
    pub fraction: f64,
    /// How many distinct paths lead there; above 1, the value is still
    /// counted once.
    pub paths: u32,
    /// The last day of the actual's period, for the `latest` rule.
    #[serde(skip)]
    pub(crate) date: Option<NaiveDate>,
}

/// Indicators that can be combined: one measure, one unit, one rule.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollUpGroup {
    /// Their measure.
    pub measure: Measure,
    /// Their unit, as written.
    pub unit: Option<String>,
    /// Their rule.
    pub rule: Aggregation,
    /// The combined value; `None` under the rule `none` or when no
    /// contribution has a numeric actual.
    pub value: Option<f64>,
    /// Each indicator's part, in the order the set lists them.
    pub contributions: Vec<Contribution>,
}

impl RollUpGroup {
    /// Combines the contributions by the group's rule:
    ///
    /// - `sum`: Σ value × fraction;
    /// - `mean`: Σ value × fraction / Σ fraction;
    /// - `latest`: the value whose period ends last (the first listed on a tie);
    /// - `distinct-count`: how many distinct values of the dimension the
    ///   contributions name, each once however many name it;
    /// - `none`: no value.
    ///
    /// `distinct` is that distinct count, made by the caller as the
    /// contributions were gathered (the values of the contributions with a
    /// fraction above 0); it is read only under `distinct-count`.
    pub(crate) fn combine(&mut self, distinct: usize) {
        let numbers = || {
            self.contributions
                .iter()
                .filter(|c| c.fraction > 0.0)
                .filter_map(|c| c.value.map(|v| (v, c.fraction, c.date)))
        };
        if numbers().next().is_none() {
            self.value = None;
            return;
        }
        self.value = match &self.rule {
            Aggregation::Sum => Some(numbers().map(|(v, f, _)| v * f).sum()),
            Aggregation::Mean => {
                let (total, weight) = numbers().fold((0.0, 0.0), |(t, w), (v, f, _)| (t + v * f, w + f));
                Some(total / weight)
            }
            Aggregation::Latest => numbers()
                .fold(None, |best: Option<(f64, Option<NaiveDate>)>, (v, _, d)| match best {
                    Some((_, bd)) if bd >= d => best,
                    _ => Some((v, d)),
                })
                .map(|(v, _)| v),
            Aggregation::DistinctCount(_) => Some(distinct as f64),
            Aggregation::None => None,
        };
    }
}

/// What reaches one output or outcome: its indicators' values and those of
/// every element that contributes to it, in groups that can be combined.
/// Groups of different measures, units or rules are reported side by side,
/// never added together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RollUp {
    /// The output or outcome.
    pub element: Ref,
    /// The groups, in the order first reached.
    pub groups: Vec<RollUpGroup>,
}
