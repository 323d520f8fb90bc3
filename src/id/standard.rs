//! References to international labour standards: `C087`, `R204`, `P029`.

use std::fmt;
use std::str::FromStr;

use super::text::serde_via_str;
use super::{Expected, ParseError};

/// The kind of an international labour standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StandardKind {
    /// A Convention, open to ratification: `C087`.
    Convention,
    /// A Recommendation, non-binding guidance: `R204`.
    Recommendation,
    /// A Protocol, amending a Convention and numbered after it: `P029`.
    Protocol,
}

impl StandardKind {
    /// The letter of the canonical form: `C`, `R` or `P`.
    pub fn letter(self) -> char {
        match self {
            StandardKind::Convention => 'C',
            StandardKind::Recommendation => 'R',
            StandardKind::Protocol => 'P',
        }
    }

    /// The English word: `Convention`, `Recommendation` or `Protocol`.
    pub fn word(self) -> &'static str {
        match self {
            StandardKind::Convention => "Convention",
            StandardKind::Recommendation => "Recommendation",
            StandardKind::Protocol => "Protocol",
        }
    }
}

impl fmt::Display for StandardKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// The highest instrument number accepted.
pub const MAX_STANDARD_NUMBER: u16 = 999;

/// A reference to one international labour standard: its kind and number.
///
/// The canonical text is the kind's letter and the number in three digits
/// (`C087`). Parsing also accepts the forms the source documents use:
/// `C87`, `C 87`, `Convention No. 87`, `Recommendation No. 204`,
/// `Protocol No. 29`.
///
/// ```
/// use ilo_frameworks::{StandardKind, StandardRef};
///
/// let c87: StandardRef = "Convention No. 87".parse()?;
/// assert_eq!(c87.to_string(), "C087");
/// assert_eq!(c87, "C87".parse()?);
/// assert_eq!(c87.kind(), StandardKind::Convention);
/// assert_eq!(c87.number(), 87);
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StandardRef {
    kind: StandardKind,
    number: u16,
}

impl StandardRef {
    /// The instrument of `kind` numbered `number`.
    ///
    /// # Errors
    /// When `number` is 0 or above 999.
    pub fn new(kind: StandardKind, number: u16) -> Result<Self, ParseError> {
        if (1..=MAX_STANDARD_NUMBER).contains(&number) {
            Ok(StandardRef { kind, number })
        } else {
            Err(ParseError::new(
                Expected::StandardRef,
                &format!("{}{number}", kind.letter()),
                "instruments are numbered 1 to 999",
            ))
        }
    }

    /// Convention, Recommendation or Protocol.
    pub fn kind(self) -> StandardKind {
        self.kind
    }

    /// The instrument's number.
    pub fn number(self) -> u16 {
        self.number
    }
}

const SHAPE: &str = "expected C, R or P and a number from 1 to 999, such as \"C087\" or \"Convention No. 87\"";

impl FromStr for StandardRef {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, ParseError> {
        let error = |problem: String| ParseError::new(Expected::StandardRef, s, format!("{problem} ({SHAPE})"));
        if s.is_empty() {
            return Err(error("it is empty".to_owned()));
        }
        // The words and the letters, each followed by at most one space (the
        // schema's pattern): text that reads as something else, or with
        // other spaces, is refused rather than guessed at.
        fn one_space(rest: &str) -> &str {
            rest.strip_prefix(' ').unwrap_or(rest)
        }
        let (kind, rest) = [
            StandardKind::Convention,
            StandardKind::Recommendation,
            StandardKind::Protocol,
        ]
        .into_iter()
        .find_map(|kind| {
            s.strip_prefix(kind.word())
                .or_else(|| s.strip_prefix(kind.letter()))
                .map(|rest| {
                    let rest = one_space(rest);
                    let rest = rest.strip_prefix("No.").map_or(rest, one_space);
                    (kind, rest)
                })
        })
        .ok_or_else(|| error("it does not start with a kind".to_owned()))?;
        if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_digit()) {
            return Err(error(format!("{rest:?} is not a number")));
        }
        let number = rest
            .parse::<u16>()
            .ok()
            .filter(|n| (1..=MAX_STANDARD_NUMBER).contains(n))
            .ok_or_else(|| error(format!("{rest} is out of range")))?;
        if rest.len() > 3 {
            return Err(error(format!("{rest:?} has more than three digits: write {number:03}")));
        }
        Ok(StandardRef { kind, number })
    }
}

impl fmt::Display for StandardRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{:03}", self.kind.letter(), self.number)
    }
}

serde_via_str!(
    StandardRef,
    "StandardRef",
    "A labour standard: C, R or P and a number, canonically in three digits, such as \"C087\", \"R204\" or \"P029\".",
    "^(C|R|P|Convention|Recommendation|Protocol) ?(No\\. ?)?[0-9]{1,3}$"
);
