//! IATI's own rules that apply to one activity, as findings of the `iati/`
//! family: identifiers, dates, percentages.

use chrono::NaiveDate;

use super::name::Name;
use super::xml::{Node, Place};
use crate::format::Span;
use crate::validate::{Config, Diagnostic, Rule};
use crate::{Code, PartialDate, Ref};

/// The findings of an import, placed in the file being read.
pub(crate) struct Findings<'c> {
    config: &'c Config,
    file: String,
    pub(crate) out: Vec<Diagnostic>,
}

impl<'c> Findings<'c> {
    pub(crate) fn new(config: &'c Config) -> Self {
        Findings {
            config,
            file: String::new(),
            out: Vec::new(),
        }
    }

    pub(crate) fn start_file(&mut self, file: &str) {
        if self.file != file {
            file.clone_into(&mut self.file);
        }
    }

    /// Reports `message` of `rule` at the place `at` (an element or a place
    /// kept from one), about `subject`, with `help`.
    pub(crate) fn report(
        &mut self,
        rule: Rule,
        at: impl Into<Place>,
        subject: Option<&Ref>,
        message: String,
        help: impl Into<String>,
    ) {
        let Some(severity) = self.config.severity(rule) else {
            return;
        };
        let at = at.into();
        let mut diagnostic = Diagnostic::new(rule, severity, message)
            .with_help(help)
            .with_span(Span {
                file: self.file.clone(),
                line: at.line,
                column: at.column,
                offset: at.offset,
                length: 0,
            });
        if let Some(subject) = subject {
            diagnostic = diagnostic.with_subject(subject.clone());
        }
        self.out.push(diagnostic);
    }
}

/// A date written `YYYY-MM-DD` in `attribute` of `node`; a finding when it
/// is missing or written otherwise.
pub(crate) fn date(
    node: Node<'_>,
    attribute: &str,
    subject: Option<&Ref>,
    findings: &mut Findings<'_>,
) -> Option<NaiveDate> {
    let Some(text) = node.attribute(attribute) else {
        findings.report(
            Rule::IatiInvalidDate,
            node,
            subject,
            format!("<{}> has no {attribute}", node.name()),
            format!("give the date as {attribute}=\"YYYY-MM-DD\""),
        );
        return None;
    };
    let parsed = crate::period::strict_day(text);
    if parsed.is_none() {
        findings.report(
            Rule::IatiInvalidDate,
            node,
            subject,
            format!(
                "<{}> has {attribute}=\"{text}\", which is not a date YYYY-MM-DD",
                node.name()
            ),
            "write the date as YYYY-MM-DD, with a year from 1900 to 2199",
        );
    }
    parsed
}

/// A finite number written as `text` in `node`; a finding otherwise.
pub(crate) fn number(
    node: Node<'_>,
    what: &str,
    text: &str,
    subject: Option<&Ref>,
    findings: &mut Findings<'_>,
) -> Option<f64> {
    match text.trim().parse::<f64>() {
        Ok(value) if value.is_finite() => Some(value),
        _ => {
            findings.report(
                Rule::IatiInvalidValue,
                node,
                subject,
                format!(
                    "<{}> has the {what} \"{text}\", which is not a finite number",
                    node.name()
                ),
                format!("write the {what} as a number such as 1500.50"),
            );
            None
        }
    }
}

/// The identifier rules: prefix and characters (IATI rules 1.1.21, 1.1.3,
/// 1.3.13).
pub(crate) fn identifier(
    activity: Node<'_>,
    id: &str,
    reporting_org: Option<&str>,
    subject: &Ref,
    findings: &mut Findings<'_>,
) {
    let at = activity.child(Name::IatiIdentifier).unwrap_or(activity);
    if let Some(org) = reporting_org.map(str::trim).filter(|o| !o.is_empty()) {
        if id == org {
            findings.report(
                Rule::IatiIdentifierPrefix,
                at,
                Some(subject),
                format!("the activity identifier {id} is its reporting organisation's own identifier"),
                format!("give the activity an identifier of its own after {org}-"),
            );
        } else if !id.strip_prefix(org).is_some_and(|rest| rest.starts_with('-')) {
            findings.report(
                Rule::IatiIdentifierPrefix,
                at,
                Some(subject),
                format!("the activity identifier {id} does not start with its reporting organisation's identifier {org} and a hyphen"),
                format!("start the identifier with {org}-, or report the organisation whose identifier it carries"),
            );
        }
    }
    if let Some(c) = id.chars().find(|c| matches!(c, '/' | '&' | '|' | '?')) {
        findings.report(
            Rule::IatiIdentifierCharacters,
            at,
            Some(subject),
            format!("the activity identifier {id} holds {c:?}"),
            "keep /, &, | and ? out of identifiers: they break the addresses tools build from them",
        );
    }
}

/// Start before end, for each pair of planned and actual dates, and no
/// actual date after `today` (IATI rules 11.1.2–11.1.5).
pub(crate) fn activity_dates(
    dates: &[(crate::DateKind, NaiveDate, Place)],
    today: Option<NaiveDate>,
    subject: &Ref,
    findings: &mut Findings<'_>,
) {
    use crate::DateKind as K;
    for (start_kind, end_kind, what) in [
        (K::PlannedStart, K::PlannedEnd, "planned"),
        (K::ActualStart, K::ActualEnd, "actual"),
    ] {
        let start = dates.iter().find(|(k, _, _)| *k == start_kind);
        let end = dates.iter().find(|(k, _, _)| *k == end_kind);
        if let (Some((_, start, place)), Some((_, end, _))) = (start, end)
            && start > end
        {
            findings.report(
                Rule::IatiDateOrder,
                *place,
                Some(subject),
                format!("the {what} start {start} of {subject} comes after its {what} end {end}"),
                format!("correct the {what} start or end date"),
            );
        }
    }
    if let Some(today) = today {
        for (kind, date, place) in dates.iter().filter(|(k, _, _)| k.is_actual()) {
            if *date > today {
                findings.report(
                    Rule::IatiDateInFuture,
                    *place,
                    Some(subject),
                    format!("the {kind} date {date} of {subject} is after today, {today}"),
                    "an actual date is one that has passed: give it as planned, or correct it",
                );
            }
        }
    }
}

/// A date of a transaction or the record's last update after `today`.
pub(crate) fn not_in_future(
    node: Node<'_>,
    what: &str,
    date: NaiveDate,
    today: Option<NaiveDate>,
    subject: &Ref,
    findings: &mut Findings<'_>,
) {
    if let Some(today) = today
        && date > today
    {
        findings.report(
            Rule::IatiDateInFuture,
            node,
            Some(subject),
            format!("the {what} {date} of {subject} is after today, {today}"),
            "a transaction or update is dated when it happened: correct the date",
        );
    }
}

/// A period whose start comes after its end (IATI rule 8.6.3).
pub(crate) fn period_order(
    node: Node<'_>,
    what: &str,
    start: NaiveDate,
    end: NaiveDate,
    subject: &Ref,
    findings: &mut Findings<'_>,
) {
    if start > end {
        findings.report(
            Rule::IatiDateOrder,
            node,
            Some(subject),
            format!("the {what} of {subject} starts on {start}, after it ends on {end}"),
            "correct the period's start or end",
        );
    }
}

/// How far a sum of percentages may stray from 100 and still add up: two
/// decimals rounded on each of a few hundred items.
const SUM_TOLERANCE: f64 = 1e-6;

/// Percentages within 0–100, and adding up to 100 per group of more than
/// one (IATI rules 12.x and 2.1.2, 3.1.2). `groups` gives, for each
/// percentage, its group (the vocabulary) and the place that states it.
pub(crate) fn percentages(
    what: &str,
    groups: &mut [(Code, Option<f64>, Place)],
    subject: &Ref,
    findings: &mut Findings<'_>,
) {
    for (_, percentage, place) in groups.iter() {
        if let Some(percentage) = percentage
            && !(0.0..=100.0).contains(percentage)
        {
            findings.report(
                Rule::IatiPercentageRange,
                *place,
                Some(subject),
                format!("the {what} percentage {percentage} of {subject} is outside 0 to 100"),
                "give a percentage from 0 to 100",
            );
        }
    }
    // Group by group in order, each in the order stated (a stable sort).
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    for group in groups.chunk_by(|a, b| a.0 == b.0) {
        let mut stated = group
            .iter()
            .filter_map(|(_, percentage, place)| percentage.map(|p| (p, *place)));
        let Some((first, place)) = stated.next() else { continue };
        let (sum, count) = stated.fold((first, 1), |(sum, count), (p, _)| (sum + p, count + 1));
        // One alone may leave out its percentage or give any (IATI rules
        // 2.1.4 and 3.1.4 ask for 100 or none, which the range covers).
        if count > 1 && (sum - 100.0).abs() > SUM_TOLERANCE {
            let name = group[0].0.as_str();
            let within = if name.is_empty() {
                String::new()
            } else {
                format!(" of vocabulary {name}")
            };
            findings.report(
                Rule::IatiPercentageSum,
                place,
                Some(subject),
                format!(
                    "the {count} {what} percentages{within} of {subject} add up to {}, not 100",
                    round(sum)
                ),
                format!("make the {what} percentages{within} add up to 100"),
            );
        }
    }
}

/// `value` to at most six decimals, for messages.
fn round(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

/// The partial date of a day, which every day from 1900 to 2199 has.
pub(crate) fn day(date: NaiveDate) -> Option<PartialDate> {
    PartialDate::from_day(date).ok()
}
