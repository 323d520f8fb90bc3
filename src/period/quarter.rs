//! Calendar quarters: `2019Q3`.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use crate::id::{Expected, ParseError, serde_via_str, split_once_byte};

/// The earliest year the time types accept.
pub const MIN_YEAR: i32 = 1900;
/// The latest year the time types accept.
pub const MAX_YEAR: i32 = 2199;

pub(crate) fn check_year(year: i32, expected: Expected, input: &str) -> Result<i32, ParseError> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(year)
    } else {
        Err(ParseError::new(
            expected,
            input,
            format!("the year {year} is outside {MIN_YEAR} to {MAX_YEAR}"),
        ))
    }
}

pub(crate) fn parse_year(text: &str, expected: Expected, input: &str) -> Result<i32, ParseError> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ParseError::new(
            expected,
            input,
            format!("{text:?} is not a four-digit year"),
        ));
    }
    check_year(text.parse().unwrap_or_default(), expected, input)
}

/// A date written exactly `YYYY-MM-DD` (four-digit year, two-digit month
/// and day, no sign), read without a format string.
pub(crate) fn strict_date(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes[range]
            .iter()
            .try_fold(0u32, |n, b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')))
    };
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
}

/// A calendar quarter: a year and a number from 1 to 4.
///
/// ```
/// use chrono::NaiveDate;
/// use ilo_frameworks::Quarter;
///
/// let q: Quarter = "2019Q3".parse()?;
/// assert_eq!(q.first_day(), NaiveDate::from_ymd_opt(2019, 7, 1).unwrap());
/// assert_eq!(q.last_day(), NaiveDate::from_ymd_opt(2019, 9, 30).unwrap());
/// assert_eq!(q.next().map(|q| q.to_string()).as_deref(), Some("2019Q4"));
/// assert_eq!(q.next().and_then(Quarter::next), Some("2020Q1".parse()?));
/// let year: Vec<String> = Quarter::new(2017, 1)?.through(Quarter::new(2017, 4)?).map(|q| q.to_string()).collect();
/// assert_eq!(year, ["2017Q1", "2017Q2", "2017Q3", "2017Q4"]);
///
/// // The time types stop at the years 1900 and 2199: no quarter follows 2199Q4.
/// assert_eq!(Quarter::new(2199, 4)?.next(), None);
/// assert_eq!(Quarter::new(1900, 1)?.previous(), None);
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quarter {
    year: i32,
    number: u8,
}

impl Quarter {
    /// Quarter `number` (1 to 4) of `year`.
    ///
    /// # Errors
    /// When `number` is not 1 to 4, or the year is outside the accepted range.
    pub fn new(year: i32, number: u8) -> Result<Self, ParseError> {
        let text = format!("{year}Q{number}");
        check_year(year, Expected::Quarter, &text)?;
        if !(1..=4).contains(&number) {
            return Err(ParseError::new(Expected::Quarter, &text, "a year has quarters 1 to 4"));
        }
        Ok(Quarter { year, number })
    }

    /// The quarter that holds `date`.
    ///
    /// A date outside the years [`MIN_YEAR`] to [`MAX_YEAR`] gives a quarter
    /// outside them too, which prints but does not read back.
    pub fn containing(date: NaiveDate) -> Self {
        use chrono::Datelike;
        Quarter {
            year: date.year(),
            number: (date.month0() / 3 + 1) as u8,
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The quarter's number in its year, 1 to 4.
    pub fn number(self) -> u8 {
        self.number
    }

    /// The first day of the quarter.
    pub fn first_day(self) -> NaiveDate {
        let month = u32::from(self.number - 1) * 3 + 1;
        NaiveDate::from_ymd_opt(self.year, month, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the quarter.
    pub fn last_day(self) -> NaiveDate {
        self.next_unchecked().first_day().pred_opt().unwrap_or(NaiveDate::MAX)
    }

    fn next_unchecked(self) -> Quarter {
        if self.number == 4 {
            Quarter {
                year: self.year + 1,
                number: 1,
            }
        } else {
            Quarter {
                year: self.year,
                number: self.number + 1,
            }
        }
    }

    /// The following quarter; `None` after the last quarter of
    /// [`MAX_YEAR`], which no file could hold.
    pub fn next(self) -> Option<Quarter> {
        Some(self.next_unchecked()).filter(|q| q.year <= MAX_YEAR)
    }

    /// The preceding quarter; `None` before the first quarter of
    /// [`MIN_YEAR`], which no file could hold.
    pub fn previous(self) -> Option<Quarter> {
        let previous = if self.number == 1 {
            Quarter {
                year: self.year - 1,
                number: 4,
            }
        } else {
            Quarter {
                year: self.year,
                number: self.number - 1,
            }
        };
        Some(previous).filter(|q| q.year >= MIN_YEAR)
    }

    /// Every quarter from `self` to `last`, both included; empty when `last`
    /// comes before `self`.
    pub fn through(self, last: Quarter) -> impl Iterator<Item = Quarter> + Clone {
        std::iter::successors(Some(self), |q| q.next()).take_while(move |q| *q <= last)
    }

    /// How many quarters from `self` to `later` (0 when equal, negative when
    /// `later` is before `self`).
    pub fn quarters_until(self, later: Quarter) -> i64 {
        (i64::from(later.year) * 4 + i64::from(later.number)) - (i64::from(self.year) * 4 + i64::from(self.number))
    }
}

const SHAPE: &str = "expected a four-digit year, 'Q' and 1 to 4, such as \"2019Q3\"";

impl FromStr for Quarter {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, ParseError> {
        let error = |problem: String| ParseError::new(Expected::Quarter, s, format!("{problem} ({SHAPE})"));
        let Some((year, number)) = split_once_byte(s, b'Q') else {
            return Err(error("there is no 'Q'".to_owned()));
        };
        let year = parse_year(year, Expected::Quarter, s)?;
        match number {
            "1" | "2" | "3" | "4" => Ok(Quarter {
                year,
                number: number.as_bytes()[0] - b'0',
            }),
            _ => Err(error(format!("{number:?} is not a quarter number"))),
        }
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}Q{}", self.year, self.number)
    }
}

serde_via_str!(
    Quarter,
    "Quarter",
    "A calendar quarter: a four-digit year, 'Q' and 1 to 4, such as \"2019Q3\".",
    "^(19[0-9]{2}|2[01][0-9]{2})Q[1-4]$"
);
