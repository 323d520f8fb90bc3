//! Results rules: indicators' values and periods, and what progress
//! reports say about the elements they observe.

use foldhash::HashMap;

use super::{Context, Rule, Sink};
use crate::format::Location;
use crate::{
    DeliverableStatus, Direction, Element, Framework, FrameworkSet, Indicator, Measure, ProgressReport, Ref, Value,
};

/// The results rules on the indicators of `f`'s elements, in the set's
/// one walk.
pub(super) fn framework(f: &Framework, sink: &mut Sink<'_>) {
    for (code, indicators) in f.indicator_lists() {
        for (i, indicator) in indicators.iter().enumerate() {
            let at = || {
                let owner = Ref::element(f.id.clone(), code.clone());
                (vec![owner.clone()], Location::Item(owner, "indicators".to_owned(), i))
            };
            indicator_values(indicator, i + 1, &at, sink);
            periods_within(indicator, i + 1, &at, sink);
            target_side(indicator, i + 1, &at, sink);
        }
    }
}

/// The results rules across frameworks: contributions counted twice, and
/// the set's progress reports.
pub(super) fn finish(cx: &Context<'_>, sink: &mut Sink<'_>) {
    double_counts(cx, sink);
    if cx.set.reports().len() > 0 {
        let elements = Elements::of(cx.set);
        for report in cx.set.reports() {
            observations(report, &elements, sink);
            dated_before(cx.set, report, sink);
        }
    }
}

/// What a value is, for messages: "the baseline 3", "an actual \"adopted\"".
fn describe(what: &str, value: &Value) -> String {
    match value {
        Value::Number(n) => format!("{what} {n}"),
        Value::Text(t) => format!("{what} {t:?}"),
    }
}

/// Reports a value that does not fit the measure: a number for a
/// qualitative measure, a text for a quantitative one, a percentage
/// outside 0–100.
fn value_fits(
    measure: Measure,
    what: &str,
    value: &Value,
    whose: &dyn Fn() -> String,
    at: &dyn Fn() -> (Vec<Ref>, Location),
    sink: &mut Sink<'_>,
) {
    match (measure.is_quantitative(), value) {
        (true, Value::Text(_)) | (false, Value::Number(_)) => {
            let (subjects, location) = at();
            let (kind, help) = if measure.is_quantitative() {
                (
                    format!("a {measure} measure, whose values are numbers"),
                    "write the number, or make the indicator's measure qualitative",
                )
            } else {
                (
                    "a qualitative measure, whose values are texts".to_owned(),
                    "describe the state in words, or give the indicator a quantitative measure",
                )
            };
            sink.report(
                Rule::ValueKindMismatch,
                location,
                subjects,
                format!("{} of {} does not fit {kind}", describe(what, value), whose()),
                help,
            );
        }
        (true, Value::Number(n)) if measure == Measure::Percentage && !(0.0..=100.0).contains(n) => {
            let (subjects, location) = at();
            sink.report(
                Rule::PercentageOutOfRange,
                location,
                subjects,
                format!(
                    "{} of {} is a percentage outside 0 to 100",
                    describe(what, value),
                    whose()
                ),
                "write percentages from 0 to 100 (50 for half, not 0.5 or 5000)",
            );
        }
        _ => {}
    }
}

fn whose(indicator: &Indicator, number: usize, owner: &Ref) -> String {
    format!("indicator {number} (\"{}\") of {owner}", indicator.label)
}

/// Where a finding on one indicator of the framework goes: its element as
/// the subject, and the indicator's item in the element's list.
type At<'a> = &'a dyn Fn() -> (Vec<Ref>, Location);

fn indicator_values(indicator: &Indicator, number: usize, at: At<'_>, sink: &mut Sink<'_>) {
    for (what, value) in indicator.values() {
        let whose = || whose(indicator, number, &at().0[0]);
        value_fits(indicator.measure, &format!("the {what}"), value, &whose, at, sink);
    }
}

/// Periods of an indicator that lie outside its overall `period`.
fn periods_within(indicator: &Indicator, number: usize, at: At<'_>, sink: &mut Sink<'_>) {
    let Some(span) = indicator.period.filter(|p| !p.is_reversed()) else {
        return;
    };
    for p in &indicator.periods {
        if p.period.is_reversed() || span.encloses(p.period) || p.actual.is_empty() {
            continue;
        }
        let (subjects, location) = at();
        let owner = subjects[0].clone();
        sink.report(
            Rule::ActualOutsidePeriod,
            location,
            subjects,
            format!(
                "the actual for {} of {} lies outside the indicator's period {span}",
                p.period,
                whose(indicator, number, &owner)
            ),
            "correct the period of the actual, or widen the indicator's period",
        );
    }
}

/// A target on the wrong side of the baseline for the indicator's direction.
fn target_side(indicator: &Indicator, number: usize, at: At<'_>, sink: &mut Sink<'_>) {
    // A qualitative indicator's numbers are reported as such, not compared.
    if !indicator.measure.is_quantitative() {
        return;
    }
    let Some(baseline) = indicator.baseline.as_ref().and_then(Value::as_number) else {
        return;
    };
    let short = indicator.target.as_ref().and_then(Value::as_number);
    let periods = indicator
        .periods
        .iter()
        .filter_map(|p| p.target.iter().find(|d| d.is_total()).and_then(|d| d.value.as_number()));
    for target in short.into_iter().chain(periods) {
        let wrong = match indicator.direction {
            Direction::Ascending => target < baseline,
            Direction::Descending => target > baseline,
        };
        if wrong {
            let (subjects, location) = at();
            let owner = subjects[0].clone();
            let (way, other) = match indicator.direction {
                Direction::Ascending => ("ascending", "below"),
                Direction::Descending => ("descending", "above"),
            };
            sink.report(
                Rule::TargetWrongSide,
                location,
                subjects,
                format!(
                    "{} is {way} but its target {target} is {other} its baseline {baseline}",
                    whose(indicator, number, &owner)
                ),
                format!(
                    "check the target and the baseline; if lower is better, write direction = \"{}\"",
                    match indicator.direction {
                        Direction::Ascending => "descending",
                        Direction::Descending => "ascending",
                    }
                ),
            );
        }
    }
}

/// Elements whose indicator values reach an output or outcome along two
/// or more paths whose shares add up to more than the whole: the roll-up
/// counts them once, but a reader adding the paths up would count them
/// more than once. Paths whose shares divide the element's effort (0.5 and
/// 0.5) are not a double count.
fn double_counts(cx: &Context<'_>, sink: &mut Sink<'_>) {
    // One walker for the whole set: each output's outcome is found once.
    let mut walker = cx.graph.feed_walker();
    for f in cx.set {
        for p in f.programmes.iter().filter(|p| !p.indicators.is_empty()) {
            let reference = Ref::element(f.id.clone(), crate::ElementCode::from(&p.id));
            let Some(node) = cx.graph.index_of(&reference) else {
                continue;
            };
            let doubled = |feed: &crate::graph::Feed| feed.paths > 1 && feed.shares > 1.0 + 1e-9;
            for feed in walker.feeds(Some(node)).iter().filter(|feed| doubled(feed)) {
                let Some(reached) = cx.graph.key_at(feed.node).reference() else {
                    continue;
                };
                sink.report(
                    Rule::DoubleCount,
                    Location::Field(reference.clone(), "contributes_to".to_owned()),
                    vec![reference.clone(), reached.clone()],
                    format!(
                        "the indicator values of {reference} reach {reached} along {} paths whose shares add up to {}; roll-ups count them once",
                        feed.paths, feed.shares
                    ),
                    "link to the outputs alone, not also to their outcome; where it serves two outputs of one outcome, give the links shares",
                );
            }
        }
    }
}

/// The elements of a set by framework id and code, for look-ups of the
/// elements reports observe (one pass over the set, not one per observation).
struct Elements<'s> {
    by_code: HashMap<&'s str, HashMap<String, Element<'s>>>,
}

impl<'s> Elements<'s> {
    fn of(set: &'s FrameworkSet) -> Self {
        let mut by_code: HashMap<&str, HashMap<String, Element<'s>>> = HashMap::default();
        for f in set {
            let elements = by_code.entry(f.id.as_str()).or_default();
            for o in &f.outcomes {
                elements.entry(o.code.to_string()).or_insert(Element::Outcome(o));
                for p in &o.outputs {
                    elements.entry(p.code.to_string()).or_insert(Element::Output(p));
                }
            }
            for p in &f.programmes {
                elements
                    .entry(p.id.as_str().to_owned())
                    .or_insert(Element::Programme(p));
            }
            for d in &f.deliverables {
                elements.entry(d.code.to_string()).or_insert(Element::Deliverable(d));
            }
        }
        Elements { by_code }
    }

    fn get(&self, reference: &Ref) -> Option<Element<'s>> {
        match reference {
            Ref::Element { framework, code } => self.by_code.get(framework.as_str())?.get(code.as_str()).copied(),
            _ => None,
        }
    }

    /// Why `reference` does not name an element of the kind wanted.
    fn problem(&self, reference: &Ref, wanted: &str) -> String {
        match (reference, self.get(reference)) {
            (_, Some(e)) => format!("which is {} {}, not {wanted}", article(e.kind_name()), e.kind_name()),
            (Ref::Framework(id), None) if self.by_code.contains_key(id.as_str()) => {
                format!("which is a framework, not {wanted}")
            }
            _ => "which no loaded framework holds".to_owned(),
        }
    }
}

/// `1 target`, `2 targets`.
fn count(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn observations(report: &ProgressReport, elements: &Elements<'_>, sink: &mut Sink<'_>) {
    let owner = Ref::Framework(report.id.clone());
    let item = |list: &str, i: usize| Location::Item(owner.clone(), list.to_owned(), i);
    let unknown = |sink: &mut Sink<'_>, location: Location, element: &Ref, problem: String, help: &str| {
        sink.report(
            Rule::UnknownObservedElement,
            location,
            vec![owner.clone(), element.clone()],
            format!("{owner} reports on {element}, {problem}"),
            help,
        );
    };
    let no_element = "name an element of a loaded framework, with its framework id: gsc-2017-21:2.1";
    let subjects = |element: &Ref| vec![owner.clone(), element.clone()];
    let known_from = report.date.period().end();
    for (i, o) in report.deliverables.iter().enumerate() {
        let Some(Element::Deliverable(d)) = elements.get(&o.element) else {
            let problem = elements.problem(&o.element, "a deliverable");
            unknown(sink, item("deliverables", i), &o.element, problem, no_element);
            continue;
        };
        if o.status == DeliverableStatus::Done && o.completed.is_none() {
            sink.report(
                Rule::DoneWithoutCompletion,
                item("deliverables", i),
                subjects(&o.element),
                format!("{owner} reports {} done but gives no completion quarter", o.element),
                "add the quarter it was completed in: completed = \"2019Q2\"",
            );
        }
        let Some(completed) = o.completed else { continue };
        if o.status == DeliverableStatus::Done
            && let Some(due) = d.timeframe.last()
            && completed > due
        {
            sink.report(
                Rule::CompletedAfterSchedule,
                item("deliverables", i),
                subjects(&o.element),
                format!(
                    "{} was completed in {completed}, after its last scheduled quarter {due}",
                    o.element
                ),
                "nothing to correct if it was late; otherwise check the completion quarter",
            );
        }
        if completed.first_day() > known_from {
            sink.report(
                Rule::CompletedAfterReport,
                item("deliverables", i),
                subjects(&o.element),
                format!(
                    "{owner}, dated {}, reports {} completed in {completed}, which had not begun by then",
                    report.date, o.element
                ),
                "correct the completion quarter or the report's date",
            );
        }
    }
    for (i, o) in report.targets.iter().enumerate() {
        let programme = match elements.get(&o.element) {
            Some(Element::Programme(p)) => p,
            _ => {
                let problem = elements.problem(&o.element, "a programme");
                unknown(sink, item("targets", i), &o.element, problem, no_element);
                continue;
            }
        };
        let Some(target) = programme.targets.get((o.target as usize).wrapping_sub(1)) else {
            let problem = format!(
                "target {}, but it has {}",
                o.target,
                count(programme.targets.len(), "target")
            );
            let help = "count the programme's targets from 1, in the order it lists them";
            unknown(sink, item("targets", i), &o.element, problem, help);
            continue;
        };
        if target.quantity.is_some() && matches!(o.value, Value::Text(_)) {
            sink.report(
                Rule::ValueKindMismatch,
                item("targets", i),
                subjects(&o.element),
                format!(
                    "{} of target {} (\"{}\") of {} does not fit its quantity, which is a number",
                    describe("the value", &o.value),
                    o.target,
                    target.label,
                    o.element
                ),
                "write the value reached as a number of the target's unit",
            );
        }
    }
    // The span of each indicator with many periods, worked out once however
    // many actuals a report gives it (by the indicator's address).
    let mut spans: HashMap<usize, Option<crate::Period>> = HashMap::default();
    for (i, o) in report.indicators.iter().enumerate() {
        let list = match elements.get(&o.element) {
            Some(Element::Outcome(x)) => &x.indicators,
            Some(Element::Output(x)) => &x.indicators,
            Some(Element::Programme(x)) => &x.indicators,
            _ => {
                let problem = elements.problem(&o.element, "an outcome, output or programme");
                unknown(sink, item("indicators", i), &o.element, problem, no_element);
                continue;
            }
        };
        let Some(indicator) = list.get((o.indicator as usize).wrapping_sub(1)) else {
            let problem = format!(
                "indicator {}, but it has {}",
                o.indicator,
                count(list.len(), "indicator")
            );
            let help = "count the element's indicators from 1, in the order it lists them";
            unknown(sink, item("indicators", i), &o.element, problem, help);
            continue;
        };
        let whose = || whose(indicator, o.indicator as usize, &o.element);
        let at = || (subjects(&o.element), item("indicators", i));
        value_fits(indicator.measure, "the actual", &o.value, &whose, &at, sink);
        let span = if indicator.periods.len() <= 16 {
            indicator.span()
        } else {
            *spans
                .entry(std::ptr::from_ref(indicator) as usize)
                .or_insert_with(|| indicator.span())
        };
        if let Some(span) = span.filter(|s| !s.is_reversed())
            && !o.period.is_reversed()
            && !span.encloses(o.period)
        {
            sink.report(
                Rule::ActualOutsidePeriod,
                item("indicators", i),
                vec![owner.clone(), o.element.clone()],
                format!(
                    "the actual for {} of {} lies outside the indicator's period {span}",
                    o.period,
                    whose()
                ),
                "correct the period of the actual, or widen the indicator's period",
            );
        }
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// A report dated before a framework it reports on was issued.
fn dated_before(set: &FrameworkSet, report: &ProgressReport, sink: &mut Sink<'_>) {
    let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
    for (_, _, element) in report.observed() {
        let Some(f) = element.framework().and_then(|id| set.get(id)) else {
            continue;
        };
        if !seen.insert(f.id.as_str()) {
            continue;
        }
        let Some(issued) = f.date else { continue };
        if report.date.period().end() < issued.period().start() {
            let owner = Ref::Framework(report.id.clone());
            sink.report(
                Rule::ReportBeforeFramework,
                Location::Field(owner.clone(), "date".to_owned()),
                vec![owner.clone(), Ref::Framework(f.id.clone())],
                format!(
                    "{owner} is dated {}, before {} was issued ({issued})",
                    report.date, f.id
                ),
                "correct the report's date, or check which framework it reports on",
            );
        }
    }
}
