//! Bienniums: `2022-23`, the two-year span of a Programme and Budget.

use std::fmt;
use std::str::FromStr;

use super::Period;
use super::quarter::{MAX_YEAR, MIN_YEAR, check_year, parse_year};
use crate::id::{Expected, ParseError, serde_via_str};

/// Two consecutive calendar years, written `2022-23` (the documents also
/// write `2022–23` with an en dash, which parses too).
///
/// ```
/// use ilo_frameworks::Biennium;
///
/// let b: Biennium = "2022–23".parse()?;
/// assert_eq!(b.to_string(), "2022-23");
/// assert_eq!(b.first_year(), 2022);
/// assert_eq!(b.period().to_string(), "2022-01-01/2023-12-31");
/// assert!("2022-24".parse::<Biennium>().is_err());
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Biennium {
    first_year: i32,
}

impl Biennium {
    /// The biennium that starts in `first_year`.
    ///
    /// # Errors
    /// When the years are outside the accepted range.
    pub fn starting(first_year: i32) -> Result<Self, ParseError> {
        if (MIN_YEAR..MAX_YEAR).contains(&first_year) {
            return Ok(Biennium { first_year });
        }
        let text = format!("{first_year}");
        check_year(first_year, Expected::Biennium, &text)?;
        check_year(first_year.saturating_add(1), Expected::Biennium, &text)?;
        Ok(Biennium { first_year })
    }

    /// The first year.
    pub fn first_year(self) -> i32 {
        self.first_year
    }

    /// The second year.
    pub fn last_year(self) -> i32 {
        self.first_year + 1
    }

    /// The two years as a period of days.
    pub fn period(self) -> Period {
        Period::years(self.first_year, self.last_year())
    }
}

const SHAPE: &str =
    "expected a four-digit year, a hyphen and the last two digits of the next year, such as \"2022-23\"";

impl FromStr for Biennium {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, ParseError> {
        let error = |problem: String| ParseError::new(Expected::Biennium, s, format!("{problem} ({SHAPE})"));
        let Some((first, second)) = s.split_once(['-', '–']) else {
            return Err(error("there is no hyphen".to_owned()));
        };
        let first = parse_year(first, Expected::Biennium, s)?;
        if second.len() != 2 || !second.bytes().all(|b| b.is_ascii_digit()) {
            return Err(error(format!("{second:?} is not two digits")));
        }
        let expected = (first + 1).rem_euclid(100);
        if second.parse::<i32>().ok() != Some(expected) {
            return Err(error(format!(
                "{second} does not follow {first}: write \"{first}-{expected:02}\""
            )));
        }
        Biennium::starting(first).map_err(|_| error("the years are out of range".to_owned()))
    }
}

impl fmt::Display for Biennium {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.first_year, (self.first_year + 1).rem_euclid(100))
    }
}

serde_via_str!(
    Biennium,
    "Biennium",
    "A biennium: a four-digit year, a hyphen and the next year's last two digits, such as \"2022-23\".",
    "^(19[0-9]{2}|2[01][0-9]{2})[-–][0-9]{2}$"
);
