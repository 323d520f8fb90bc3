//! Deliverable codes: `2.1`.

use std::fmt;
use std::str::FromStr;

use super::text::{positive_number, serde_via_str, split_once_byte};
use super::{Expected, ParseError};

/// The code of a deliverable in a plan of action: two numbers joined by a
/// dot, such as `2.1` (the codes of the GSC activity matrix, or an area of
/// focus and the deliverable's place in it).
///
/// ```
/// use ilo_frameworks::DeliverableCode;
///
/// let code: DeliverableCode = "2.1".parse()?;
/// assert_eq!((code.group(), code.number()), (2, 1));
/// assert!(code < "10.1".parse()?);
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DeliverableCode {
    group: u16,
    number: u16,
}

impl DeliverableCode {
    /// The deliverable `group.number`.
    ///
    /// # Errors
    /// When either number is 0.
    pub fn new(group: u16, number: u16) -> Result<Self, ParseError> {
        if group == 0 || number == 0 {
            return Err(ParseError::new(
                Expected::DeliverableCode,
                &format!("{group}.{number}"),
                "both numbers start from 1",
            ));
        }
        Ok(DeliverableCode { group, number })
    }

    /// The first number: the group (matrix heading or area) of the deliverable.
    pub fn group(self) -> u16 {
        self.group
    }

    /// The second number: the deliverable's place within its group.
    pub fn number(self) -> u16 {
        self.number
    }
}

const SHAPE: &str = "expected two numbers from 1 joined by a dot, such as \"2.1\"";

impl FromStr for DeliverableCode {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, ParseError> {
        let error = |problem: String| ParseError::new(Expected::DeliverableCode, s, format!("{problem} ({SHAPE})"));
        let Some((group, number)) = split_once_byte(s, b'.') else {
            return Err(error("there is no dot".to_owned()));
        };
        let group = positive_number(group).ok_or_else(|| error(format!("{group:?} is not a number from 1")))?;
        let number = positive_number(number).ok_or_else(|| error(format!("{number:?} is not a number from 1")))?;
        Ok(DeliverableCode { group, number })
    }
}

impl DeliverableCode {
    /// The code's text, written out on the stack.
    pub(crate) fn written(self) -> super::written::Written {
        let mut text = super::written::Written::new();
        text.push_number(self.group);
        text.push_byte(b'.');
        text.push_number(self.number);
        text
    }
}

impl fmt::Display for DeliverableCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.written().as_str())
    }
}

serde_via_str!(
    DeliverableCode,
    "DeliverableCode",
    "A deliverable code: two numbers from 1 joined by a dot, such as \"2.1\".",
    "^[1-9][0-9]*\\.[1-9][0-9]*$"
);
