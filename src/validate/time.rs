//! Time rules: reversed periods, schedules outside their plan, empty or
//! broken timeframes, targets due out of time, bienniums outside their plan.

use chrono::Datelike as _;

use super::structure::element_ref;
use super::{Context, Rule, Sink};
use crate::format::Location;
use crate::{Framework, FrameworkKind, Period, ProgressReport, Ref};

/// The time rules on `f` and its elements, in the set's one walk.
pub(super) fn framework(f: &Framework, sink: &mut Sink<'_>) {
    reversed_periods(f, sink);
    schedules(f, sink);
    targets(f, sink);
    plan(f, sink);
}

/// The time rules on the set's progress reports.
pub(super) fn reports(cx: &Context<'_>, sink: &mut Sink<'_>) {
    for r in cx.set.reports() {
        reversed_report_periods(r, sink);
    }
}

/// The periods of a progress report: the one it covers and those of its
/// indicator actuals.
fn reversed_report_periods(r: &ProgressReport, sink: &mut Sink<'_>) {
    let report = Ref::Framework(r.id.clone());
    let covers = r
        .covers
        .filter(|p| p.is_reversed())
        .map(|p| (p, Location::Field(report.clone(), "covers".to_owned())));
    let actuals = r
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, o)| o.period.is_reversed())
        .map(|(i, o)| (o.period, Location::Item(report.clone(), "indicators".to_owned(), i)));
    for (period, location) in covers.into_iter().chain(actuals) {
        sink.report(
            Rule::ReversedPeriod,
            location,
            vec![report.clone()],
            format!(
                "a period of {report} starts on {} but ends on {}",
                period.start(),
                period.end()
            ),
            swap(period),
        );
    }
}

fn reversed_periods(f: &Framework, sink: &mut Sink<'_>) {
    let mut report = |owner: Ref, location: Location, period: Period| {
        sink.report(
            Rule::ReversedPeriod,
            location,
            vec![owner.clone()],
            format!(
                "a period of {owner} starts on {} but ends on {}",
                period.start(),
                period.end()
            ),
            swap(period),
        );
    };
    let framework = || Ref::Framework(f.id.clone());
    let reversed = |period: Option<Period>| period.filter(|p| p.is_reversed());
    if let Some(p) = reversed(f.period) {
        report(framework(), Location::Field(framework(), "period".to_owned()), p);
    }
    if let Some(p) = reversed(f.plan.as_ref().map(|plan| plan.period)) {
        report(framework(), Location::Field(framework(), "plan".to_owned()), p);
    }
    for p in &f.programmes {
        if let Some(period) = reversed(p.period) {
            let r = element_ref(f, &p.id);
            report(r.clone(), Location::Field(r, "period".to_owned()), period);
        }
        for (i, funding) in p.funding.iter().enumerate() {
            if let Some(period) = reversed(funding.period) {
                let r = element_ref(f, &p.id);
                report(r.clone(), Location::Item(r, "funding".to_owned(), i), period);
            }
        }
    }
    for (code, indicators) in f.indicator_lists() {
        for (i, indicator) in indicators.iter().enumerate() {
            let periods = indicator
                .period
                .into_iter()
                .chain(indicator.periods.iter().map(|p| p.period));
            for period in periods.filter(|p| p.is_reversed()) {
                let r = Ref::element(f.id.clone(), code.clone());
                report(r.clone(), Location::Item(r, "indicators".to_owned(), i), period);
            }
        }
    }
}

/// How to turn a reversed period round. Whole years (`2025/2024`, read as
/// 2025-01-01 to 2024-12-31) are turned round by their years; swapping
/// their dates would give the two days 2024-12-31/2025-01-01.
fn swap(period: Period) -> String {
    let (start, end) = (period.start(), period.end());
    if (start.month(), start.day(), end.month(), end.day()) == (1, 1, 12, 31) {
        format!("write the years the other way round: {}/{}", end.year(), start.year())
    } else {
        format!("swap the dates: {end}/{start}")
    }
}

fn schedules(f: &Framework, sink: &mut Sink<'_>) {
    let quarters_used = f.deliverables.iter().any(|d| !d.timeframe.is_empty());
    let period = f.effective_period().filter(|p| !p.is_reversed());
    for d in &f.deliverables {
        let r = || element_ref(f, &d.code);
        if d.timeframe.is_empty() {
            if quarters_used && f.kind == FrameworkKind::PlanOfAction {
                let r = r();
                sink.report(
                    Rule::EmptyTimeframe,
                    Location::Element(r.clone()),
                    vec![r.clone()],
                    format!("deliverable {r} is scheduled in no quarter, unlike others of {}", f.id),
                    "give its quarters as the work-plan marks them; if the source marks none, it is incomplete there",
                );
            }
            continue;
        }
        // A period is unbroken: when the first quarter starts in it and the
        // last ends in it, so does every quarter between.
        let within = |p: &Period| {
            d.timeframe.first().is_some_and(|q| p.contains(q.first_day()))
                && d.timeframe.last().is_some_and(|q| p.contains(q.last_day()))
        };
        if let Some(period) = period.filter(|p| !within(p)) {
            let outside: Vec<String> = d
                .timeframe
                .iter()
                .filter(|q| !period.contains(q.first_day()) || !period.contains(q.last_day()))
                .map(|q| q.to_string())
                .collect();
            if !outside.is_empty() {
                let r = r();
                sink.report(
                    Rule::QuarterOutsidePlan,
                    Location::Field(r.clone(), "timeframe".to_owned()),
                    vec![r.clone(), Ref::Framework(f.id.clone())],
                    format!(
                        "deliverable {r} is scheduled in {} outside {}'s period {period}",
                        outside.join(", "),
                        f.id
                    ),
                    "move the quarters within the plan's period, or correct the period",
                );
            }
        }
        if d.timeframe.has_holes() {
            let r = r();
            sink.report(
                Rule::TimeframeWithHoles,
                Location::Field(r.clone(), "timeframe".to_owned()),
                vec![r.clone()],
                format!(
                    "the quarters of deliverable {r} are not one unbroken run: {}",
                    d.timeframe
                ),
                "check the schedule; if the work really pauses, nothing needs doing",
            );
        }
    }
}

fn targets(f: &Framework, sink: &mut Sink<'_>) {
    for p in &f.programmes {
        let Some(period) = p.period.filter(|p| !p.is_reversed()) else {
            continue;
        };
        for (i, target) in p.targets.iter().enumerate() {
            let Some(due) = target.due else { continue };
            if !period.overlaps(due.period()) {
                let r = element_ref(f, &p.id);
                sink.report(
                    Rule::TargetDueOutsidePeriod,
                    Location::Item(r.clone(), "targets".to_owned(), i),
                    vec![r.clone()],
                    format!(
                        "target \"{}\" of {r} is due in {due}, outside the programme's period {period}",
                        target.label
                    ),
                    "correct the due date or the programme's period",
                );
            }
        }
    }
}

fn plan(f: &Framework, sink: &mut Sink<'_>) {
    let framework = Ref::Framework(f.id.clone());
    // A reversed period is reported as such, not again as a mismatch.
    if let (Some(period), Some(biennium)) = (f.period, f.biennium)
        && !period.is_reversed()
        && period != biennium.period()
    {
        sink.report(
            Rule::PeriodBienniumMismatch,
            Location::Field(framework.clone(), "period".to_owned()),
            vec![framework.clone()],
            format!(
                "{} covers {period} but its biennium {biennium} is {}",
                f.id,
                biennium.period()
            ),
            "make the period the two years of the biennium",
        );
    }
    let Some(plan) = &f.plan else { return };
    if plan.period.is_reversed() {
        return;
    }
    // The biennium and the period are checked each; a period that is the
    // biennium's two years is checked once, as the biennium.
    let mut checked: Vec<(&str, String, Period)> = Vec::new();
    if let Some(b) = f.biennium {
        checked.push(("biennium", b.to_string(), b.period()));
    }
    if let Some(p) = f.period.filter(|p| !p.is_reversed())
        && f.biennium.is_none_or(|b| b.period() != p)
    {
        checked.push(("period", p.to_string(), p));
    }
    for (what, value, own) in checked {
        if !plan.period.encloses(own) {
            sink.report(
                Rule::BienniumOutsidePlan,
                Location::Field(framework.clone(), "plan".to_owned()),
                vec![framework.clone()],
                format!(
                    "the {what} {value} of {} is not within {} ({})",
                    f.id, plan.title, plan.period
                ),
                format!("correct the {what} or the plan it belongs to"),
            );
        }
    }
}
