//! Periods of days: `2022-01-01/2025-12-31`.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike as _, NaiveDate};

use super::quarter::{check_year, parse_year, strict_date};
use crate::id::{Expected, ParseError, serde_via_str, split_once_byte};

/// A span of calendar days, both ends included.
///
/// A period whose start is after its end can be built and loaded from a file
/// (the validation layer reports it); such a period contains no day.
///
/// ```
/// use chrono::NaiveDate;
/// use ilo_frameworks::Period;
///
/// let plan = Period::years(2022, 2025);
/// assert_eq!(plan.to_string(), "2022-01-01/2025-12-31");
/// assert_eq!("2022/2025".parse::<Period>()?, plan);
/// assert!(plan.contains(NaiveDate::from_ymd_opt(2023, 6, 30).unwrap()));
/// assert!(plan.overlaps(Period::years(2025, 2027)));
/// assert!(!plan.overlaps(Period::years(2026, 2027)));
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Period {
    start: NaiveDate,
    end: NaiveDate,
}

impl Period {
    /// The days from `start` to `end`, both included.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Self {
        Period { start, end }
    }

    /// The whole calendar years from `first` to `last`, such as the Strategic
    /// Plan 2022–25 (`Period::years(2022, 2025)`).
    ///
    /// Years beyond what chrono represents are clamped to its limits.
    pub fn years(first: i32, last: i32) -> Self {
        Period {
            start: NaiveDate::from_ymd_opt(first, 1, 1).unwrap_or(NaiveDate::MIN),
            end: NaiveDate::from_ymd_opt(last, 12, 31).unwrap_or(NaiveDate::MAX),
        }
    }

    /// The first day.
    pub fn start(self) -> NaiveDate {
        self.start
    }

    /// The last day.
    pub fn end(self) -> NaiveDate {
        self.end
    }

    /// Whether the start comes after the end.
    pub fn is_reversed(self) -> bool {
        self.start > self.end
    }

    /// Whether `date` falls within the period.
    pub fn contains(self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// Whether every day of `other` falls within this period.
    pub fn encloses(self, other: Period) -> bool {
        !other.is_reversed() && self.start <= other.start && other.end <= self.end
    }

    /// Whether the two periods share at least one day.
    pub fn overlaps(self, other: Period) -> bool {
        !self.is_reversed() && !other.is_reversed() && self.start <= other.end && other.start <= self.end
    }
}

const SHAPE: &str =
    "expected two dates joined by '/', such as \"2022-01-01/2025-12-31\", or two years, such as \"2022/2025\"";

impl FromStr for Period {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, ParseError> {
        let error = |problem: String| ParseError::new(Expected::Period, s, format!("{problem} ({SHAPE})"));
        let Some((start, end)) = split_once_byte(s, b'/') else {
            return Err(error("there is no '/'".to_owned()));
        };
        if start.len() == 4 && end.len() == 4 {
            let first = parse_year(start, Expected::Period, s)?;
            let last = parse_year(end, Expected::Period, s)?;
            return Ok(Period::years(first, last));
        }
        let date = |text: &str| {
            let date = strict_date(text).ok_or_else(|| error(format!("{text:?} is not a date written YYYY-MM-DD")))?;
            check_year(date.year(), Expected::Period, s)?;
            Ok(date)
        };
        Ok(Period {
            start: date(start)?,
            end: date(end)?,
        })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.start.format("%Y-%m-%d"), self.end.format("%Y-%m-%d"))
    }
}

serde_via_str!(
    Period,
    "Period",
    "A period: two dates joined by '/', such as \"2022-01-01/2025-12-31\", or two years, such as \"2022/2025\".",
    "^((19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])/(19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])|(19[0-9]{2}|2[01][0-9]{2})/(19[0-9]{2}|2[01][0-9]{2}))$"
);
