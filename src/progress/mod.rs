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
mod gather;
mod observations;
mod parallel;
mod rollup;
pub mod rules;
mod track;

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use serde::Serialize;

pub use deliverable::{DeliverableProgress, DeliverableState};
pub use rollup::{Contribution, RollUp, RollUpGroup};
pub use track::{IndicatorProgress, TargetProgress, TrackState};

use self::gather::Rollups;
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

    /// The indicator a contribution to a roll-up comes from: its element,
    /// number, actual and counted values.
    ///
    /// ```
    /// use ilo_frameworks::graph::FrameworkGraph;
    /// use ilo_frameworks::{Framework, FrameworkSet, builtin, progress};
    ///
    /// let text = include_str!("../../examples/data/youth-employment.toml");
    /// let mut set = FrameworkSet::new();
    /// set.insert(Framework::from_toml_str(text, "youth-employment.toml")?)?;
    /// let graph = FrameworkGraph::new(&set, builtin::sdg()?, &builtin::standards()?);
    /// let progress = progress::evaluate(&set, &graph, "2024Q4".parse()?);
    /// let outcome = progress.rollup(&"youth-jobs:3".parse()?).expect("reached");
    /// let states = outcome.groups.iter().find(|g| g.unit.as_deref() == Some("member States")).unwrap();
    /// // Four member States: KE, PE and VN at output 3.1, KE and SN from the partnership.
    /// assert_eq!(states.value, Some(4.0));
    /// let sources: Vec<String> = states
    ///     .contributions
    ///     .iter()
    ///     .map(|c| {
    ///         let source = progress.source(c).expect("an indicator of the result");
    ///         format!("{} #{}: {}", source.element, source.number, source.counted.join(" "))
    ///     })
    ///     .collect();
    /// assert_eq!(sources, ["youth-jobs:3.1 #1: KE PE VN", "youth-jobs:YEP #1: KE SN"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn source(&self, contribution: &Contribution) -> Option<&IndicatorProgress> {
        self.indicators.get(contribution.indicator)
    }

    /// The deliverables that are late (overdue, or done late).
    pub fn late(&self) -> impl Iterator<Item = &DeliverableProgress> {
        self.deliverables.iter().filter(|d| d.state.is_late())
    }
}

/// Evaluates every deliverable, target and indicator of `set` as of a day,
/// and rolls indicator values up to outputs and outcomes through `graph`
/// (built from the same set). Reports dated after the day are not read.
///
/// Runs on the calling thread; [`evaluate_parallel`] gives the same result
/// on several.
pub fn evaluate(set: &FrameworkSet, graph: &FrameworkGraph, as_of: AsOf) -> Progress {
    evaluate_parallel(set, graph, as_of, 1)
}

/// [`evaluate`] on up to `threads` threads: the frameworks are split into
/// that many runs of about equal work, each evaluated on a thread of its
/// own, and the parts joined in the set's order, so the result is the one
/// [`evaluate`] gives, whatever the number of threads. `0` is taken as 1.
/// A thread the system refuses is replaced by the calling thread.
///
/// ```
/// use ilo_frameworks::graph::FrameworkGraph;
/// use ilo_frameworks::{builtin, progress};
///
/// let set = builtin::frameworks()?;
/// let graph = FrameworkGraph::builtin()?;
/// let as_of = "2019Q4".parse()?;
/// assert_eq!(progress::evaluate_parallel(&set, &graph, as_of, 2), progress::evaluate(&set, &graph, as_of));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn evaluate_parallel<'s>(set: &'s FrameworkSet, graph: &FrameworkGraph, as_of: AsOf, threads: usize) -> Progress {
    let observations = Observations::known_on(set, as_of.date(), threads);
    let frameworks: Vec<&'s Framework> = set.iter().collect();
    let (runs, all) = split(&frameworks, threads.max(1));
    let threads = runs.len();
    // The first run's part is the one the others join: it has room for all.
    let runs: Vec<_> = runs
        .into_iter()
        .enumerate()
        .map(|(i, (run, lengths))| (run, if i == 0 { all } else { lengths }))
        .collect();
    let evaluate_run = |(run, room): Run<'_, 's>| Part::evaluate(run, graph, &observations, as_of, room);
    let mut parts: Vec<Part<'s>> = parallel::map(runs, evaluate_run);
    let mut whole = match parts.len() {
        0 => Part::evaluate(&[], graph, &observations, as_of, Lengths::default()),
        _ => parts.remove(0),
    };
    // The lists of the later parts join the first's, their contributions'
    // indicators moved by as many as come before them; the roll-ups and
    // the lists side by side when there are threads to spare.
    for part in parts {
        let offset = whole.indicators.len();
        let Part {
            deliverables,
            targets,
            indicators,
            rollups,
        } = &mut whole;
        let lists = move || {
            deliverables.extend(part.deliverables);
            targets.extend(part.targets);
            indicators.extend(part.indicators);
        };
        let later = part.rollups;
        if threads > 1 {
            parallel::join(|| rollups.append(later, offset), lists);
        } else {
            rollups.append(later, offset);
            lists();
        }
    }
    let rollups = whole.rollups.finish(graph, threads);
    Progress {
        as_of,
        deliverables: whole.deliverables,
        targets: whole.targets,
        indicators: whole.indicators,
        rollups,
    }
}

/// `frameworks` in at most `runs` runs, in order, of about equal work
/// ([`Lengths::work`]), none empty, each with its lengths; and the
/// lengths of all.
fn split<'a, 'f>(frameworks: &'a [&'f Framework], runs: usize) -> (Vec<Run<'a, 'f>>, Lengths) {
    let lengths: Vec<Lengths> = frameworks.iter().map(|f| Lengths::of(f)).collect();
    let work: Vec<usize> = lengths.iter().map(|l| l.work()).collect();
    let out = parallel::ranges(&work, runs)
        .into_iter()
        .map(|range| (&frameworks[range.clone()], lengths[range].iter().copied().sum()))
        .collect();
    (out, lengths.into_iter().sum())
}

/// A run of frameworks evaluated on one thread, with its lengths.
type Run<'a, 'f> = (&'a [&'f Framework], Lengths);

/// How many deliverables, targets and indicators some frameworks have:
/// the lengths of their lists in the result, reserved up front so that a
/// list of a million entries is never copied as it grows.
#[derive(Debug, Clone, Copy, Default)]
struct Lengths {
    deliverables: usize,
    targets: usize,
    indicators: usize,
}

impl Lengths {
    /// A framework's lengths.
    fn of(f: &Framework) -> Self {
        let mut lengths = Lengths {
            deliverables: f.deliverables.len(),
            ..Lengths::default()
        };
        for p in &f.programmes {
            lengths.targets += p.targets.len();
            lengths.indicators += p.indicators.len();
        }
        for o in &f.outcomes {
            lengths.indicators += o.indicators.len() + o.outputs.iter().map(|p| p.indicators.len()).sum::<usize>();
        }
        lengths
    }

    /// The work of evaluating them, in about the time a deliverable takes:
    /// a target takes about twice as long (its observations are looked
    /// up and judged), an indicator about eight times (its feeds are
    /// walked in the graph and it joins a roll-up group at each).
    fn work(self) -> usize {
        self.deliverables + 2 * self.targets + 8 * self.indicators
    }
}

impl std::iter::Sum for Lengths {
    fn sum<I: Iterator<Item = Lengths>>(lengths: I) -> Self {
        lengths.fold(Lengths::default(), |sum, l| Lengths {
            deliverables: sum.deliverables + l.deliverables,
            targets: sum.targets + l.targets,
            indicators: sum.indicators + l.indicators,
        })
    }
}

/// The evaluation of one run of frameworks, before the roll-ups are
/// finished.
struct Part<'s> {
    deliverables: Vec<DeliverableProgress>,
    targets: Vec<TargetProgress>,
    indicators: Vec<IndicatorProgress>,
    rollups: Rollups<'s>,
}

impl<'s> Part<'s> {
    /// Evaluates `frameworks`, with room in the result's lists for `room`
    /// entries (the run's own, or the whole set's for the part the others
    /// join).
    fn evaluate(
        frameworks: &[&'s Framework],
        graph: &FrameworkGraph,
        observations: &Observations<'s>,
        as_of: AsOf,
        room: Lengths,
    ) -> Self {
        let date = as_of.date();
        let mut part = Part {
            deliverables: Vec::with_capacity(room.deliverables),
            targets: Vec::with_capacity(room.targets),
            indicators: Vec::with_capacity(room.indicators),
            rollups: Rollups::default(),
        };
        let mut walker = graph.feed_walker();
        let mut reported = Vec::new();
        let mut counted = Vec::new();
        let mut cursors = Cursors::default();
        for f in frameworks {
            deliverables(
                f,
                as_of,
                observations,
                &mut cursors.deliverables,
                &mut part.deliverables,
            );
            targets(f, observations, &mut cursors.targets, &mut part.targets);
            let mut nodes = graph.element_nodes(&f.id);
            for (element, list, start) in indicator_owners(f) {
                let reference = Ref::element(f.id.clone(), element);
                let Ref::Element { code: element, .. } = &reference else {
                    continue;
                };
                let key = (f.id.as_str(), element.as_str());
                let feeds = walker.feeds(nodes.get(element.as_str()));
                for (i, indicator) in list.iter().enumerate() {
                    let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
                    let found = observations.indicators.get(&(key, number), &mut cursors.indicators);
                    let actual = latest_actual(indicator, found, date, &mut reported);
                    let rule = indicator.rule();
                    counted_values(indicator, actual.as_ref(), &mut counted);
                    part.rollups.add(
                        part.indicators.len(),
                        indicator,
                        &rule,
                        actual.as_ref(),
                        &counted,
                        feeds,
                    );
                    let mut result =
                        indicator_progress(&reference, number, indicator, rule, start, actual.as_ref(), date);
                    result.counted = counted.iter().map(|&value| value.to_owned()).collect();
                    part.indicators.push(result);
                }
            }
        }
        part.rollups.hand_out();
        part
    }
}

/// Where the look-ups of observations left off (see [`Grouped::get`](observations::Grouped::get)).
#[derive(Default)]
struct Cursors {
    deliverables: usize,
    targets: usize,
    indicators: usize,
}

fn deliverables(
    f: &Framework,
    as_of: AsOf,
    observations: &Observations<'_>,
    cursor: &mut usize,
    out: &mut Vec<DeliverableProgress>,
) {
    let quarter = as_of.quarter();
    for d in &f.deliverables {
        let written = d.code.written();
        let code = written.as_str();
        let word = if observations.is_empty() {
            None
        } else {
            observations.deliverables.get(&(f.id.as_str(), code), cursor).last()
        };
        let observation = word.map(|(_, o)| *o);
        out.push(DeliverableProgress {
            // The code just written out, not written out again.
            element: Ref::element(f.id.clone(), crate::ElementCode::from_valid(code)),
            first: d.timeframe.first(),
            due: d.timeframe.last(),
            state: deliverable::state(d, quarter, observation),
            reported: observation.map(|o| o.status),
            completed: observation.and_then(|o| o.completed),
            report: word.map(|(id, _)| (*id).clone()),
        });
    }
}

fn targets(f: &Framework, observations: &Observations<'_>, cursor: &mut usize, out: &mut Vec<TargetProgress>) {
    for p in &f.programmes {
        if p.targets.is_empty() {
            continue;
        }
        let start = programme_start(p);
        let key: Key<'_> = (f.id.as_str(), p.id.as_str());
        for (i, target) in p.targets.iter().enumerate() {
            let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
            // The value of the latest date; on a tie, the later report's.
            let actual = observations
                .targets
                .get(&(key, number), cursor)
                .iter()
                .max_by_key(|(when, _)| *when)
                .map(|&(when, value)| (value, when));
            let path = Path {
                direction: crate::Direction::Ascending,
                baseline: 0.0,
                start,
                target: target.quantity,
                due: target.due.map(|d| d.period().end()),
            };
            let judgement = path.judge(actual);
            out.push(TargetProgress {
                element: Ref::element(f.id.clone(), crate::ElementCode::from(&p.id)),
                number,
                target: target.quantity,
                due: target.due,
                actual: actual.map(|(v, _)| v.clone()),
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
        std::iter::once((o.code, o.indicators.as_slice()))
            .filter(|(_, list)| !list.is_empty())
            .map(move |(code, list)| (crate::ElementCode::from(code), list, framework_start))
            .chain(o.outputs.iter().filter(|p| !p.indicators.is_empty()).map(move |p| {
                (
                    crate::ElementCode::from(p.code),
                    p.indicators.as_slice(),
                    framework_start,
                )
            }))
    });
    let programmes = f.programmes.iter().filter(|p| !p.indicators.is_empty()).map(move |p| {
        (
            crate::ElementCode::from(&p.id),
            p.indicators.as_slice(),
            programme_start(p).or(framework_start),
        )
    });
    outcomes.chain(programmes)
}

/// The latest actual of an indicator known on `date`: its period and its
/// data points, borrowed from the framework or the reports.
struct Actual<'a, 's> {
    period: Period,
    points: Points<'a, 's>,
}

/// Where an actual's data points are.
#[derive(Clone, Copy)]
enum Points<'a, 's> {
    /// A period of the indicator.
    Framework(&'s DataPoints),
    /// The observations of the report of this date for the actual's period.
    Reported(&'a [(NaiveDate, &'s IndicatorObservation)], NaiveDate),
}

type Dimensions = std::collections::BTreeMap<String, String>;

/// The data points of an actual: each value with its dimensions, in order.
#[derive(Clone)]
enum PointsIter<'a, 's> {
    /// The points of a period of the indicator.
    Framework(std::slice::Iter<'s, DataPoint>),
    /// The observations of the report of this date for `period`.
    Reported {
        observed: std::slice::Iter<'a, (NaiveDate, &'s IndicatorObservation)>,
        dated: NaiveDate,
        period: &'a Period,
    },
}

impl<'s> Iterator for PointsIter<'_, 's> {
    type Item = (&'s Value, &'s Dimensions);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            PointsIter::Framework(points) => points.next().map(|p| (&p.value, &p.dimensions)),
            PointsIter::Reported {
                observed,
                dated,
                period,
            } => observed
                .find(|(d, o)| d == dated && o.period == **period)
                .map(|(_, o)| (&o.value, &o.dimensions)),
        }
    }
}

fn latest_actual<'a, 's>(
    indicator: &'s Indicator,
    observed: &'a [(NaiveDate, &'s IndicatorObservation)],
    date: NaiveDate,
    reported: &mut Vec<(Period, NaiveDate)>,
) -> Option<Actual<'a, 's>> {
    // For each period a report speaks of, the date of the latest report
    // that does, sorted by period.
    reported.clear();
    reported.extend(
        observed
            .iter()
            .filter(|(_, o)| o.period.start() <= date)
            .map(|(dated, o)| (o.period, *dated)),
    );
    reported.sort_unstable();
    reported.dedup_by(|later, earlier| {
        // `later` follows `earlier`; on the same period keep the later date
        // (sorted, it is `later`'s).
        if later.0 == earlier.0 {
            earlier.1 = later.1;
            true
        } else {
            false
        }
    });
    let from_framework = indicator
        .periods
        .iter()
        .filter(|p| {
            p.period.start() <= date
                && !p.actual.is_empty()
                && reported.binary_search_by_key(&p.period, |(q, _)| *q).is_err()
        })
        .max_by_key(|p| p.period.end());
    let from_reports = reported.iter().max_by_key(|(period, _)| (period.end(), period.start()));
    match (from_framework, from_reports) {
        (Some(p), Some((period, _))) if p.period.end() > period.end() => Some(Actual {
            period: p.period,
            points: Points::Framework(&p.actual),
        }),
        (_, Some(&(period, dated))) => Some(Actual {
            period,
            points: Points::Reported(observed, dated),
        }),
        (Some(p), None) => Some(Actual {
            period: p.period,
            points: Points::Framework(&p.actual),
        }),
        (None, None) => None,
    }
}

impl<'a, 's> Actual<'a, 's> {
    /// Every data point: value and dimensions.
    fn points(&self) -> PointsIter<'_, 's> {
        match self.points {
            Points::Framework(points) => PointsIter::Framework(points.iter()),
            Points::Reported(observed, dated) => PointsIter::Reported {
                observed: observed.iter(),
                dated,
                period: &self.period,
            },
        }
    }

    /// The total as a number, as [`DataPoints::total_number`] makes it.
    fn total_number(&self) -> Option<f64> {
        crate::model::total_number(|| self.points())
    }

    /// The total as a text, as [`DataPoints::total_text`] makes it.
    fn total_text(&self) -> Option<&'s str> {
        crate::model::total_text(self.points())
    }

    /// The total: a number where one can be made, or the total text.
    fn total(&self) -> Option<Value> {
        self.total_number()
            .map(Value::Number)
            .or_else(|| self.total_text().map(Value::from))
    }
}

fn indicator_progress(
    element: &Ref,
    number: u32,
    indicator: &Indicator,
    rule: crate::Aggregation,
    start: Option<NaiveDate>,
    actual: Option<&Actual<'_, '_>>,
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
        rule,
        baseline,
        target,
        due,
        actual: total,
        actual_date: when,
        achieved: judgement.achieved,
        expected: judgement.expected,
        state: judgement.state,
        counted: Vec::new(),
    }
}

/// Under a distinct count, the values of the counted dimension that the
/// actual names with a value above 0, sorted, each once, into `names`
/// (cleared first, and kept from one indicator to the next); none
/// otherwise.
fn counted_values<'s>(indicator: &'s Indicator, actual: Option<&Actual<'_, 's>>, names: &mut Vec<&'s str>) {
    names.clear();
    let (Some(crate::Aggregation::DistinctCount(dimension)), Some(actual)) = (&indicator.aggregation, actual) else {
        return;
    };
    names.extend(
        actual
            .points()
            .filter(|(v, _)| v.as_number().is_some_and(|v| v > 0.0))
            .filter_map(|(_, d)| d.get(dimension.as_str()).map(String::as_str)),
    );
    names.sort_unstable();
    names.dedup();
}
