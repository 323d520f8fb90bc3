//! Where things stand as of a date: deliverables' states, targets' and
//! indicators' latest actuals against the straight path to their targets,
//! and roll-ups at outputs and outcomes.
//!
//! [`evaluate`] reads a [`FrameworkSet`] (frameworks and the progress
//! reports loaded with them) and the [`FrameworkGraph`] built from it. A
//! report is known from the last day of its date; what it says is taken as
//! of then, and a later report's word replaces an earlier one's.
//!
//! ```
//! use ilo_frameworks::progress::{self, AsOf, DeliverableState};
//! use ilo_frameworks::graph::FrameworkGraph;
//! use ilo_frameworks::builtin;
//!
//! let set = builtin::frameworks()?;
//! let graph = FrameworkGraph::builtin()?;
//! let progress = progress::evaluate(&set, &graph, "2019Q4".parse()?);
//! let d = progress.deliverable(&"gsc-2017-21:2.1".parse()?).expect("a deliverable of the work-plan");
//! assert_eq!(d.due.map(|q| q.to_string()).as_deref(), Some("2021Q4"));
//! assert_eq!(d.state, DeliverableState::NotReported);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! The rules, stated once:
//!
//! - A deliverable is due in its last scheduled quarter; its state is the
//!   first of [`DeliverableState`]'s variants that fits.
//! - An indicator's latest actual is the total of the latest period (by
//!   end date) that has started by the date and has an actual; a report's
//!   actuals for a period replace the framework's for that period.
//! - A target or indicator is judged against the straight path from its
//!   baseline (0 when none is stated) at its start to its target on its due
//!   date ([`TrackState`]).
//! - Roll-ups: an element's indicator values reach the outputs and
//!   outcomes it contributes to, and those outputs' outcomes; an output's
//!   or outcome's own indicators reach it and (for an output) its outcome.
//!   Each source reaches each element once, with the sum of its paths'
//!   shares (at most 1); values combine by the indicators' rule
//!   ([`RollUpGroup`]).

mod deliverable;
mod observations;
mod rollup;
mod track;

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use foldhash::HashMap;
use serde::Serialize;

pub use deliverable::{DeliverableProgress, DeliverableState};
pub use rollup::{Contribution, RollUp, RollUpGroup};
pub use track::{IndicatorProgress, TargetProgress, TrackState};

use self::observations::{Key, Observations};
use self::track::Path;
use crate::graph::FrameworkGraph;
use crate::id::{Expected, ParseError};
use crate::{
    DataPoint, DataPoints, Framework, FrameworkSet, Indicator, IndicatorObservation, PartialDate, Period, Quarter, Ref,
    Value,
};

/// The day a question is asked about: a date, or the last day of a quarter.
///
/// ```
/// use ilo_frameworks::progress::AsOf;
///
/// let q: AsOf = "2019Q4".parse()?;
/// assert_eq!(q.to_string(), "2019-12-31");
/// assert_eq!(q.quarter().to_string(), "2019Q4");
/// let d: AsOf = "2020-02-15".parse()?;
/// assert_eq!(d.quarter().to_string(), "2020Q1");
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AsOf(NaiveDate);

impl AsOf {
    /// As of a day.
    pub fn day(date: NaiveDate) -> Self {
        AsOf(date)
    }

    /// As of the last day of a quarter.
    pub fn end_of(quarter: Quarter) -> Self {
        AsOf(quarter.last_day())
    }

    /// The day.
    pub fn date(self) -> NaiveDate {
        self.0
    }

    /// The quarter the day falls in.
    pub fn quarter(self) -> Quarter {
        Quarter::containing(self.0)
    }
}

impl FromStr for AsOf {
    type Err = ParseError;

    /// A quarter (`2019Q4`: its last day) or a date (`2019-12-31`; a year
    /// or month alone means its last day).
    fn from_str(text: &str) -> Result<Self, ParseError> {
        if let Ok(quarter) = text.parse::<Quarter>() {
            return Ok(AsOf::end_of(quarter));
        }
        text.parse::<PartialDate>()
            .map(|d| AsOf(d.period().end()))
            .map_err(|_| ParseError::new(Expected::AsOf, text, "write a quarter (2019Q4) or a date (2019-12-31)"))
    }
}

impl fmt::Display for AsOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%d"))
    }
}

impl Serialize for AsOf {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Where everything stands as of a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// The day asked about.
    pub as_of: AsOf,
    /// Every deliverable, in the set's order.
    pub deliverables: Vec<DeliverableProgress>,
    /// Every programme target, in the set's order.
    pub targets: Vec<TargetProgress>,
    /// Every indicator, in the set's order.
    pub indicators: Vec<IndicatorProgress>,
    /// Every output and outcome that some indicator's values reach, in the
    /// set's order.
    pub rollups: Vec<RollUp>,
}

impl Progress {
    /// The deliverable a reference names.
    pub fn deliverable(&self, element: &Ref) -> Option<&DeliverableProgress> {
        self.deliverables.iter().find(|d| &d.element == element)
    }

    /// The roll-up at an output or outcome.
    pub fn rollup(&self, element: &Ref) -> Option<&RollUp> {
        self.rollups.iter().find(|r| &r.element == element)
    }

    /// The deliverables that are late (overdue, or done late).
    pub fn late(&self) -> impl Iterator<Item = &DeliverableProgress> {
        self.deliverables.iter().filter(|d| d.state.is_late())
    }
}

/// Evaluates every deliverable, target and indicator of `set` as of a day,
/// and rolls indicator values up to outputs and outcomes through `graph`
/// (built from the same set). Reports dated after the day are not read.
pub fn evaluate(set: &FrameworkSet, graph: &FrameworkGraph, as_of: AsOf) -> Progress {
    let date = as_of.date();
    let observations = Observations::known_on(set, date);
    let mut progress = Progress {
        as_of,
        deliverables: Vec::new(),
        targets: Vec::new(),
        indicators: Vec::new(),
        rollups: Vec::new(),
    };
    let mut rollups = Rollups::default();
    let mut code = String::new();
    for f in set {
        deliverables(f, as_of, &observations, &mut code, &mut progress.deliverables);
        targets(f, &observations, &mut progress.targets);
        for (element, list, start) in indicator_owners(f) {
            let reference = Ref::element(f.id.clone(), element);
            let Ref::Element { code: element, .. } = &reference else {
                continue;
            };
            let key = (f.id.as_str(), element.as_str());
            let feeds = graph.index_of(&reference).map(|n| graph.feeds(n)).unwrap_or_default();
            for (i, indicator) in list.iter().enumerate() {
                let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
                let found = observations.indicators.get(&(key, number)).map(Vec::as_slice);
                let actual = latest_actual(indicator, found, date);
                progress.indicators.push(indicator_progress(
                    &reference,
                    number,
                    indicator,
                    start,
                    actual.as_ref(),
                    date,
                ));
                rollups.add(&reference, number, indicator, actual.as_ref(), &feeds);
            }
        }
    }
    progress.rollups = rollups.finish(graph);
    progress
}

fn deliverables(
    f: &Framework,
    as_of: AsOf,
    observations: &Observations<'_>,
    code: &mut String,
    out: &mut Vec<DeliverableProgress>,
) {
    use std::fmt::Write as _;
    let quarter = as_of.quarter();
    for d in &f.deliverables {
        code.clear();
        let _ = write!(code, "{}", d.code);
        let word = if observations.is_empty() {
            None
        } else {
            observations.deliverables.get(&(f.id.as_str(), code.as_str()))
        };
        let observation = word.map(|(_, o)| *o);
        out.push(DeliverableProgress {
            element: Ref::element(f.id.clone(), crate::ElementCode::from(d.code)),
            first: d.timeframe.first(),
            due: d.timeframe.last(),
            state: deliverable::state(d, quarter, observation),
            reported: observation.map(|o| o.status),
            completed: observation.and_then(|o| o.completed),
            report: word.map(|(id, _)| (*id).clone()),
        });
    }
}

fn targets(f: &Framework, observations: &Observations<'_>, out: &mut Vec<TargetProgress>) {
    for p in &f.programmes {
        if p.targets.is_empty() {
            continue;
        }
        let start = programme_start(p);
        let key: Key<'_> = (f.id.as_str(), p.id.as_str());
        for (i, target) in p.targets.iter().enumerate() {
            let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
            // The value of the latest date; on a tie, the later report's.
            let actual = observations.targets.get(&(key, number)).and_then(|values| {
                values
                    .iter()
                    .max_by_key(|(when, _)| *when)
                    .map(|(when, value)| ((*value).clone(), *when))
            });
            let path = Path {
                direction: crate::Direction::Ascending,
                baseline: 0.0,
                start,
                target: target.quantity,
                due: target.due.map(|d| d.period().end()),
            };
            let judgement = path.judge(actual.as_ref().map(|(v, d)| (v, *d)));
            out.push(TargetProgress {
                element: Ref::element(f.id.clone(), crate::ElementCode::from(&p.id)),
                number,
                target: target.quantity,
                due: target.due,
                actual: actual.as_ref().map(|(v, _)| v.clone()),
                actual_date: actual.map(|(_, d)| d),
                achieved: judgement.achieved,
                expected: judgement.expected,
                state: judgement.state,
            });
        }
    }
}

/// The start of a programme, where known: its period's or its launch's.
fn programme_start(p: &crate::Programme) -> Option<NaiveDate> {
    p.period
        .map(Period::start)
        .or_else(|| p.launched.map(|d| d.period().start()))
}

/// Every element of `f` with indicators, as [`Framework::indicator_lists`]
/// lists them, with the day its indicators' paths start from when they
/// state none: a programme's start, else the framework's.
fn indicator_owners(f: &Framework) -> impl Iterator<Item = (crate::ElementCode, &[Indicator], Option<NaiveDate>)> {
    let framework_start = f.effective_period().map(Period::start);
    let outcomes = f.outcomes.iter().flat_map(move |o| {
        std::iter::once((
            crate::ElementCode::from(o.code),
            o.indicators.as_slice(),
            framework_start,
        ))
        .chain(o.outputs.iter().map(move |p| {
            (
                crate::ElementCode::from(p.code),
                p.indicators.as_slice(),
                framework_start,
            )
        }))
    });
    let programmes = f.programmes.iter().map(move |p| {
        (
            crate::ElementCode::from(&p.id),
            p.indicators.as_slice(),
            programme_start(p).or(framework_start),
        )
    });
    outcomes.chain(programmes).filter(|(_, list, _)| !list.is_empty())
}

/// The latest actual of an indicator known on `date`: its period and its
/// data points.
struct Actual {
    period: Period,
    points: DataPoints,
}

fn latest_actual(
    indicator: &Indicator,
    observed: Option<&[(NaiveDate, &IndicatorObservation)]>,
    date: NaiveDate,
) -> Option<Actual> {
    // For each period a report speaks of, the date of the latest report
    // that does.
    let mut reported: HashMap<Period, NaiveDate> = HashMap::default();
    for (dated, o) in observed.unwrap_or_default() {
        if o.period.start() <= date {
            let latest = reported.entry(o.period).or_insert(*dated);
            *latest = (*latest).max(*dated);
        }
    }
    let from_framework = indicator
        .periods
        .iter()
        .filter(|p| p.period.start() <= date && !p.actual.is_empty() && !reported.contains_key(&p.period))
        .max_by_key(|p| p.period.end());
    let from_reports = reported.iter().max_by_key(|(period, _)| (period.end(), period.start()));
    match (from_framework, from_reports) {
        (Some(p), Some((period, _))) if p.period.end() > period.end() => Some(Actual {
            period: p.period,
            points: p.actual.clone(),
        }),
        (_, Some((period, dated))) => {
            let points = observed
                .unwrap_or_default()
                .iter()
                .filter(|(d, o)| d == dated && o.period == *period)
                .map(|(_, o)| DataPoint {
                    value: o.value.clone(),
                    dimensions: o.dimensions.clone(),
                    comment: None,
                })
                .collect();
            Some(Actual {
                period: *period,
                points: DataPoints(points),
            })
        }
        (Some(p), None) => Some(Actual {
            period: p.period,
            points: p.actual.clone(),
        }),
        (None, None) => None,
    }
}

impl Actual {
    /// The total: a number where one can be made, or the total text.
    fn total(&self) -> Option<Value> {
        self.points
            .total_number()
            .map(Value::Number)
            .or_else(|| self.points.total_text().map(Value::from))
    }
}

fn indicator_progress(
    element: &Ref,
    number: u32,
    indicator: &Indicator,
    start: Option<NaiveDate>,
    actual: Option<&Actual>,
    date: NaiveDate,
) -> IndicatorProgress {
    let (target, due) = match indicator.final_target() {
        Some((value, due)) => (value.as_number(), due),
        None => (None, None),
    };
    let baseline = indicator.baseline.as_ref().and_then(Value::as_number);
    let start = indicator
        .baseline_date
        .map(|d| d.period().start())
        .or_else(|| indicator.span().map(Period::start))
        .or(start);
    let path = Path {
        direction: indicator.direction,
        baseline: baseline.unwrap_or(0.0),
        start,
        target,
        due,
    };
    let total = actual.and_then(Actual::total);
    let when = actual.map(|a| a.period.end().min(date));
    let judgement = path.judge(total.as_ref().zip(when));
    IndicatorProgress {
        element: element.clone(),
        number,
        measure: indicator.measure,
        rule: indicator.rule(),
        baseline,
        target,
        due,
        actual: total,
        actual_date: when,
        achieved: judgement.achieved,
        expected: judgement.expected,
        state: judgement.state,
    }
}

/// The key of a roll-up group at one node: measure, unit, rule and the
/// counted dimension.
type GroupKey<'s> = (
    petgraph::graph::NodeIndex,
    crate::Measure,
    Option<&'s str>,
    &'static str,
    Option<&'s str>,
);

/// Roll-ups being gathered: every group with the node it is at, and where
/// each key's group is (one hash look-up per contribution, whatever the
/// number of groups at a node).
#[derive(Default)]
struct Rollups<'s> {
    groups: Vec<(petgraph::graph::NodeIndex, RollUpGroup)>,
    index: HashMap<GroupKey<'s>, usize>,
}

impl<'s> Rollups<'s> {
    fn add(
        &mut self,
        element: &Ref,
        number: u32,
        indicator: &'s Indicator,
        actual: Option<&Actual>,
        feeds: &[crate::graph::Feed],
    ) {
        if feeds.is_empty() {
            return;
        }
        let rule = indicator.rule();
        let dimension = match &indicator.aggregation {
            Some(crate::Aggregation::DistinctCount(d)) => Some(d.as_str()),
            _ => None,
        };
        let (value, counted) = match (dimension, actual) {
            (Some(dimension), Some(a)) => {
                let mut counted: Vec<String> = a
                    .points
                    .iter()
                    .filter(|p| p.value.as_number().is_some_and(|v| v > 0.0))
                    .filter_map(|p| p.dimension(dimension).map(str::to_owned))
                    .collect();
                counted.sort_unstable();
                counted.dedup();
                (Some(counted.len() as f64), counted)
            }
            (None, Some(a)) => (a.points.total_number(), Vec::new()),
            (_, None) => (None, Vec::new()),
        };
        let date = actual.map(|a| a.period.end());
        for feed in feeds {
            let key = (
                feed.node,
                indicator.measure,
                indicator.unit.as_deref(),
                rule.as_str(),
                dimension,
            );
            let next = self.groups.len();
            let at = *self.index.entry(key).or_insert(next);
            if at == next {
                self.groups.push((
                    feed.node,
                    RollUpGroup {
                        measure: indicator.measure,
                        unit: indicator.unit.clone(),
                        rule: rule.clone(),
                        value: None,
                        contributions: Vec::new(),
                    },
                ));
            }
            self.groups[at].1.contributions.push(Contribution {
                element: element.clone(),
                indicator: number,
                value,
                counted: counted.clone(),
                fraction: feed.fraction,
                paths: feed.paths,
                date,
            });
        }
    }

    /// The roll-ups in graph order, each with its groups in the order first
    /// reached, combined.
    fn finish(self, graph: &FrameworkGraph) -> Vec<RollUp> {
        let mut groups = self.groups;
        // A stable sort keeps each node's groups in the order first reached.
        groups.sort_by_key(|(node, _)| *node);
        let mut rollups: Vec<RollUp> = Vec::new();
        let mut last = None;
        for (node, mut group) in groups {
            group.combine();
            if last != Some(node) {
                let Some(element) = graph.key_at(node).as_ref() else {
                    continue;
                };
                rollups.push(RollUp {
                    element: element.clone(),
                    groups: Vec::new(),
                });
                last = Some(node);
            }
            if let Some(rollup) = rollups.last_mut() {
                rollup.groups.push(group);
            }
        }
        rollups
    }
}
