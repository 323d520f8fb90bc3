//! Dates known to the year, the month or the day: `2015`, `2015-10`,
//! `2015-10-01`.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use super::Period;
use super::quarter::{MAX_YEAR, MIN_YEAR, check_year, parse_year, strict_date};
use crate::id::{Expected, ParseError, serde_via_str};

/// A date as precisely as a document gives it: a year ("by 2025"), a month
/// ("October 2015") or a day.
///
/// ```
/// use ilo_frameworks::PartialDate;
///
/// let endorsed: PartialDate = "2015-10".parse()?;
/// assert_eq!(endorsed.period().to_string(), "2015-10-01/2015-10-31");
/// assert_eq!(endorsed, PartialDate::from_year_month(2015, 10)?);
/// assert_eq!((endorsed.year(), endorsed.month(), endorsed.day()), (2015, Some(10), None));
/// assert_eq!("2025".parse::<PartialDate>()?, PartialDate::from_year(2025)?);
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate(Precision);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Precision {
    Year(i32),
    Month(i32, u8),
    Day(NaiveDate),
}

impl PartialDate {
    /// A whole year.
    ///
    /// # Errors
    /// When the year is outside the accepted range.
    pub fn from_year(year: i32) -> Result<Self, ParseError> {
        check_year(year, Expected::PartialDate, &year.to_string())?;
        Ok(PartialDate(Precision::Year(year)))
    }

    /// A month of a year, `month` from 1 to 12.
    ///
    /// # Errors
    /// When the year is outside the accepted range or the month is not 1 to 12.
    pub fn from_year_month(year: i32, month: u8) -> Result<Self, ParseError> {
        if (MIN_YEAR..=MAX_YEAR).contains(&year) && (1..=12).contains(&month) {
            return Ok(PartialDate(Precision::Month(year, month)));
        }
        let text = format!("{year}-{month:02}");
        check_year(year, Expected::PartialDate, &text)?;
        if !(1..=12).contains(&month) {
            return Err(ParseError::new(
                Expected::PartialDate,
                &text,
                "a month is numbered 1 to 12",
            ));
        }
        Ok(PartialDate(Precision::Month(year, month)))
    }

    /// One day.
    ///
    /// # Errors
    /// When the year is outside the accepted range.
    pub fn from_day(date: NaiveDate) -> Result<Self, ParseError> {
        // The date is written out for the message only.
        if !(MIN_YEAR..=MAX_YEAR).contains(&date.year()) {
            check_year(date.year(), Expected::PartialDate, &date.to_string())?;
        }
        Ok(PartialDate(Precision::Day(date)))
    }

    /// The month number (1 to 12), when the date is known to the month or day.
    pub fn month(self) -> Option<u8> {
        match self.0 {
            Precision::Year(_) => None,
            Precision::Month(_, m) => Some(m),
            Precision::Day(d) => Some(d.month() as u8),
        }
    }

    /// The day, when the date is known to the day.
    pub fn day(self) -> Option<NaiveDate> {
        match self.0 {
            Precision::Day(d) => Some(d),
            _ => None,
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        match self.0 {
            Precision::Year(y) | Precision::Month(y, _) => y,
            Precision::Day(d) => d.year(),
        }
    }

    /// The days the date may stand for.
    pub fn period(self) -> Period {
        match self.0 {
            Precision::Year(y) => Period::years(y, y),
            Precision::Month(y, m) => {
                let start = NaiveDate::from_ymd_opt(y, u32::from(m), 1).unwrap_or(NaiveDate::MIN);
                let next = if m == 12 {
                    NaiveDate::from_ymd_opt(y + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(y, u32::from(m) + 1, 1)
                };
                let end = next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX);
                Period::new(start, end)
            }
            Precision::Day(d) => Period::new(d, d),
        }
    }
}

const SHAPE: &str = "expected a year \"2015\", a month \"2015-10\" or a day \"2015-10-01\"";

impl FromStr for PartialDate {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, ParseError> {
        let error = |problem: String| ParseError::new(Expected::PartialDate, s, format!("{problem} ({SHAPE})"));
        // Up to a fourth part, which holds whatever follows a third `-`.
        let mut parts = s.splitn(4, '-');
        let year = parse_year(parts.next().unwrap_or_default(), Expected::PartialDate, s)?;
        match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) => Ok(PartialDate(Precision::Year(year))),
            (Some(month), None, _) => match month.parse::<u8>() {
                Ok(m) if month.len() == 2 && (1..=12).contains(&m) => Ok(PartialDate(Precision::Month(year, m))),
                _ => Err(error(format!("{month:?} is not a month 01 to 12"))),
            },
            (Some(_), Some(_), None) => strict_date(s)
                .map(|d| PartialDate(Precision::Day(d)))
                .ok_or_else(|| error("it is not a calendar day".to_owned())),
            (Some(_), Some(_), Some(_)) => Err(error("it has too many parts".to_owned())),
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Precision::Year(y) => write!(f, "{y:04}"),
            Precision::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Precision::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

serde_via_str!(
    PartialDate,
    "PartialDate",
    "A date known to the year, month or day: \"2015\", \"2015-10\" or \"2015-10-01\".",
    "^(19[0-9]{2}|2[01][0-9]{2})(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
);
