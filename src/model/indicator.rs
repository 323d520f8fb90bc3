//! Indicators that measure an outcome, output or programme, after the IATI
//! result model: measure, direction, how values combine, a baseline, and
//! periods holding targets and actuals.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{DataPoints, Provenance, Value};
use crate::id::{Expected, ParseError};
use crate::{PartialDate, Period, SdgCode};

/// What kind of quantity an indicator measures (IATI's indicator measures).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Measure {
    /// A count or amount of something (`member States`, `workers`).
    #[default]
    Unit,
    /// A percentage, from 0 to 100.
    Percentage,
    /// A number standing for a category.
    Nominal,
    /// A rank on a scale.
    Ordinal,
    /// A state described in words ("policy adopted"): values are texts.
    Qualitative,
}

impl Measure {
    /// Every measure, in order.
    pub const ALL: &'static [Measure] = &[
        Measure::Unit,
        Measure::Percentage,
        Measure::Nominal,
        Measure::Ordinal,
        Measure::Qualitative,
    ];

    /// The name used in files: `unit`, `percentage`, …
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Unit => "unit",
            Measure::Percentage => "percentage",
            Measure::Nominal => "nominal",
            Measure::Ordinal => "ordinal",
            Measure::Qualitative => "qualitative",
        }
    }

    /// Whether values are numbers (every measure but qualitative).
    pub fn is_quantitative(self) -> bool {
        self != Measure::Qualitative
    }

    fn is_default(&self) -> bool {
        *self == Measure::Unit
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Measure {
    type Err = ParseError;

    /// Reads what [`Measure::as_str`] writes.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        ParseError::named(Expected::Measure, text, Measure::ALL, Measure::as_str)
    }
}

/// Whether an indicator improves by going up or down.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Higher is better: member States with a policy.
    #[default]
    Ascending,
    /// Lower is better: children in child labour.
    Descending,
}

impl Direction {
    /// Both directions.
    pub const ALL: &'static [Direction] = &[Direction::Ascending, Direction::Descending];

    /// The name used in files: `ascending`, `descending`.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }

    fn is_default(&self) -> bool {
        *self == Direction::Ascending
    }
}

impl fmt::Display for Direction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Direction {
    type Err = ParseError;

    /// Reads what [`Direction::as_str`] writes.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        ParseError::named(Expected::Direction, text, Direction::ALL, Direction::as_str)
    }
}

/// How the values of one indicator combine with those of others when they
/// roll up to an output or outcome.
///
/// In files: `"sum"`, `"mean"`, `"latest"`, `"none"`, or
/// `{ distinct-count = "country" }` to count each value of a dimension once.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Aggregation {
    /// Add the values (weighted by the links' shares).
    Sum,
    /// Count the distinct values of a dimension (such as `country`) among
    /// the data points with a value above zero: a member State reported by
    /// two programmes counts once.
    DistinctCount(String),
    /// The mean of the values (weighted by the links' shares).
    Mean,
    /// The value of the latest period.
    Latest,
    /// The values do not combine; each is reported on its own.
    None,
}

impl Aggregation {
    /// The name of the rule: `sum`, `distinct-count`, `mean`, `latest`, `none`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Aggregation::Sum => "sum",
            Aggregation::DistinctCount(_) => "distinct-count",
            Aggregation::Mean => "mean",
            Aggregation::Latest => "latest",
            Aggregation::None => "none",
        }
    }
}

impl fmt::Display for Aggregation {
    /// `sum`, `mean`, `latest`, `none`, or `distinct-count(country)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Aggregation::DistinctCount(dimension) => write!(f, "distinct-count({dimension})"),
            other => f.write_str(other.as_str()),
        }
    }
}

impl FromStr for Aggregation {
    type Err = ParseError;

    /// Reads what [`Display`](fmt::Display) writes.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        Ok(match text {
            "sum" => Aggregation::Sum,
            "mean" => Aggregation::Mean,
            "latest" => Aggregation::Latest,
            "none" => Aggregation::None,
            _ => match text
                .strip_prefix("distinct-count(")
                .and_then(|rest| rest.strip_suffix(')'))
            {
                Some(dimension) if !dimension.trim().is_empty() => Aggregation::DistinctCount(dimension.to_owned()),
                _ => {
                    return Err(ParseError::new(
                        Expected::Aggregation,
                        text,
                        "write sum, mean, latest, none or distinct-count(DIMENSION)",
                    ));
                }
            },
        })
    }
}

/// One reporting period of an indicator, with its targets and actuals.
///
/// ```
/// use ilo_frameworks::{DataPoints, IndicatorPeriod, Value};
///
/// let mut year = IndicatorPeriod::new("2022/2022".parse()?);
/// year.target = DataPoints::total(Value::Number(10.0));
/// year.actual = DataPoints::total(Value::Number(7.0));
/// assert_eq!(year.actual.total_number(), Some(7.0));
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(description = "One reporting period of an indicator, with its targets and actuals.")]
pub struct IndicatorPeriod {
    /// The period's first and last days.
    pub period: Period,
    /// What is aimed for by the end of the period.
    #[serde(default, skip_serializing_if = "DataPoints::is_empty")]
    pub target: DataPoints,
    /// What was reached in the period (a level at its end, not an increment).
    #[serde(default, skip_serializing_if = "DataPoints::is_empty")]
    pub actual: DataPoints,
}

impl IndicatorPeriod {
    /// A period with no target or actual yet.
    pub fn new(period: Period) -> Self {
        IndicatorPeriod {
            period,
            target: DataPoints::new(),
            actual: DataPoints::new(),
        }
    }
}

/// A measure of progress on an outcome, output or programme: what is
/// counted, how, from which baseline, with the targets and actuals of each
/// period.
///
/// The shape follows IATI's result indicators. An indicator written with a
/// single `target` over one `period` (and no `periods`) is the short form;
/// both forms load.
///
/// ```
/// use ilo_frameworks::{Aggregation, Indicator, Measure, Value};
///
/// let mut i = Indicator::new("Member States with a national employment policy");
/// i.unit = Some("member States".into());
/// i.aggregation = Some(Aggregation::DistinctCount("country".into()));
/// i.target = Some(Value::Number(20.0));
/// assert_eq!(i.measure, Measure::Unit);
/// assert_eq!(i.rule(), Aggregation::DistinctCount("country".into()));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(
    description = "A measure of progress: what is counted, how, from which baseline, with the targets and actuals of each period."
)]
pub struct Indicator {
    /// What is measured, in a short phrase.
    pub label: String,
    /// The kind of quantity; `unit` when absent.
    #[serde(default, skip_serializing_if = "Measure::is_default")]
    pub measure: Measure,
    /// Whether higher or lower is better; `ascending` when absent.
    #[serde(default, skip_serializing_if = "Direction::is_default")]
    pub direction: Direction,
    /// How values combine upward; absent, it follows the measure (see
    /// [`Indicator::rule`]).
    #[serde(default, rename = "aggregate", skip_serializing_if = "Option::is_none")]
    pub aggregation: Option<Aggregation>,
    /// The unit counted: `member States`, `%`, `workers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The value at the start: a number, or a text for qualitative measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Value>,
    /// When the baseline was measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_date: Option<PartialDate>,
    /// The value aimed for by the end of `period` (the short form).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Value>,
    /// The period the indicator runs over; its end is when `target` is due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The reporting periods, each with targets and actuals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub periods: Vec<IndicatorPeriod>,
    /// SDG indicators this indicator reports on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sdg: Vec<SdgCode>,
    /// The IATI result the indicator belongs to, for an indicator read from
    /// an activity file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Box<super::ResultOf>>,
    /// Where the indicator is stated.
    #[serde(default, skip_serializing_if = "Provenance::is_unknown")]
    pub source: Provenance,
}

impl Indicator {
    /// An indicator measuring `label`, with nothing else known yet.
    pub fn new(label: impl Into<String>) -> Self {
        Indicator {
            label: label.into(),
            ..Indicator::default()
        }
    }

    /// How the indicator's values combine: the declared rule, or else the
    /// measure's usual one (`sum` for units, `mean` for percentages,
    /// `latest` for nominal and ordinal measures, `none` for qualitative
    /// ones).
    pub fn rule(&self) -> Aggregation {
        if let Some(rule) = &self.aggregation {
            return rule.clone();
        }
        match self.measure {
            Measure::Unit => Aggregation::Sum,
            Measure::Percentage => Aggregation::Mean,
            Measure::Nominal | Measure::Ordinal => Aggregation::Latest,
            Measure::Qualitative => Aggregation::None,
        }
    }

    /// The final target and when it is due: the short-form `target` at the
    /// end of `period` (or of the last period) when given, or else the
    /// total target of the last period (by end date) that has one.
    pub fn final_target(&self) -> Option<(&Value, Option<NaiveDate>)> {
        if let Some(target) = &self.target {
            let due = self
                .period
                .map(Period::end)
                .or_else(|| self.periods.iter().map(|p| p.period.end()).max());
            return Some((target, due));
        }
        self.periods
            .iter()
            .filter_map(|p| {
                let total = p.target.iter().find(|d| d.is_total())?;
                Some((p.period.end(), &total.value))
            })
            .max_by_key(|(end, _)| *end)
            .map(|(end, value)| (value, Some(end)))
    }

    /// The first and last days the indicator covers: its `period`, or else
    /// from the first period's start to the last period's end.
    pub fn span(&self) -> Option<Period> {
        if let Some(period) = self.period {
            return Some(period);
        }
        let start = self.periods.iter().map(|p| p.period.start()).min()?;
        let end = self.periods.iter().map(|p| p.period.end()).max()?;
        Some(Period::new(start, end))
    }

    /// Every value the indicator states, with what it is: the baseline,
    /// the short-form target, and the targets and actuals of each period.
    pub fn values(&self) -> impl Iterator<Item = (&'static str, &Value)> {
        let single = [("baseline", self.baseline.as_ref()), ("target", self.target.as_ref())]
            .into_iter()
            .filter_map(|(what, v)| v.map(|v| (what, v)));
        let periods = self.periods.iter().flat_map(|p| {
            p.target
                .values()
                .map(|v| ("target", v))
                .chain(p.actual.values().map(|v| ("actual", v)))
        });
        single.chain(periods)
    }
}
