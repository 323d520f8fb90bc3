//! Outcome codes: `1`…`8` for policy outcomes, `A`…`C` for enabling outcomes.

use std::fmt;
use std::str::FromStr;

use super::text::{positive_number, serde_via_str};
use super::{Expected, ParseError};

/// Whether an outcome states a result for constituents or an internal enabler.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OutcomeKind {
    /// A policy outcome, numbered `1`, `2`, …
    Policy,
    /// An enabling outcome, lettered `A`, `B`, …
    Enabling,
}

impl OutcomeKind {
    /// `"policy"` or `"enabling"`.
    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeKind::Policy => "policy",
            OutcomeKind::Enabling => "enabling",
        }
    }
}

impl fmt::Display for OutcomeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The code of an outcome in a Programme and Budget: a number for a policy
/// outcome (`7`), a capital letter for an enabling outcome (`B`).
///
/// The kind of outcome follows from the code, so it is not stored twice.
/// Policy outcomes order before enabling outcomes, as in the documents.
///
/// ```
/// use ilo_frameworks::{OutcomeCode, OutcomeKind};
///
/// let seven: OutcomeCode = "7".parse()?;
/// assert_eq!(seven.kind(), OutcomeKind::Policy);
/// let b: OutcomeCode = "B".parse()?;
/// assert_eq!(b.kind(), OutcomeKind::Enabling);
/// assert!(seven < b);
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OutcomeCode(Repr);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Repr {
    Policy(u16),
    Enabling(u8),
}

impl OutcomeCode {
    /// The policy outcome with this number.
    ///
    /// # Errors
    /// When `number` is 0.
    pub fn policy(number: u16) -> Result<Self, ParseError> {
        if number == 0 {
            return Err(ParseError::new(
                Expected::OutcomeCode,
                "0",
                "policy outcomes are numbered from 1",
            ));
        }
        Ok(OutcomeCode(Repr::Policy(number)))
    }

    /// The enabling outcome with this letter.
    ///
    /// # Errors
    /// When `letter` is not a capital letter `A` to `Z`.
    pub fn enabling(letter: char) -> Result<Self, ParseError> {
        if letter.is_ascii_uppercase() {
            Ok(OutcomeCode(Repr::Enabling(letter as u8)))
        } else {
            Err(ParseError::new(
                Expected::OutcomeCode,
                &letter.to_string(),
                "enabling outcomes are lettered with a capital A to Z",
            ))
        }
    }

    /// Policy or enabling.
    pub fn kind(self) -> OutcomeKind {
        match self.0 {
            Repr::Policy(_) => OutcomeKind::Policy,
            Repr::Enabling(_) => OutcomeKind::Enabling,
        }
    }

    /// The number of a policy outcome, `None` for an enabling one.
    pub fn number(self) -> Option<u16> {
        match self.0 {
            Repr::Policy(n) => Some(n),
            Repr::Enabling(_) => None,
        }
    }

    /// The letter of an enabling outcome, `None` for a policy one.
    pub fn letter(self) -> Option<char> {
        match self.0 {
            Repr::Policy(_) => None,
            Repr::Enabling(l) => Some(l as char),
        }
    }
}

const SHAPE: &str =
    "expected a number from 1 for a policy outcome or a capital letter for an enabling outcome, such as \"7\" or \"B\"";

impl FromStr for OutcomeCode {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, ParseError> {
        let error = |problem: &str| ParseError::new(Expected::OutcomeCode, s, format!("{problem} ({SHAPE})"));
        if s.is_empty() {
            return Err(error("it is empty"));
        }
        if let Some(n) = positive_number(s) {
            return Ok(OutcomeCode(Repr::Policy(n)));
        }
        let mut chars = s.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_uppercase() => Ok(OutcomeCode(Repr::Enabling(c as u8))),
            (Some(c), None) if c.is_ascii_lowercase() => Err(error(&format!(
                "enabling outcomes use a capital letter: write \"{}\"",
                c.to_ascii_uppercase()
            ))),
            _ if s.starts_with('0') && s.bytes().all(|b| b.is_ascii_digit()) => {
                Err(error("a number must not be 0 or start with 0"))
            }
            _ => Err(error("it is neither a number nor a single letter")),
        }
    }
}

impl fmt::Display for OutcomeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Repr::Policy(n) => write!(f, "{n}"),
            Repr::Enabling(l) => write!(f, "{}", l as char),
        }
    }
}

serde_via_str!(
    OutcomeCode,
    "OutcomeCode",
    "An outcome code: a number from 1 for a policy outcome or a capital letter for an enabling outcome, such as \"7\" or \"B\".",
    "^([1-9][0-9]*|[A-Z])$"
);
