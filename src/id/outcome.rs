//! Outcome codes: `1`…`8` for policy outcomes, `A`…`C` for enabling
//! outcomes, and the codes other frameworks give their outcomes (`IA1`,
//! `ARG155`).

use std::fmt;
use std::str::FromStr;

use super::text::{positive_number, serde_via_str};
use super::{Expected, ParseError};

/// Whether an outcome states a result for constituents or an internal enabler.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum OutcomeKind {
    /// A policy outcome, numbered `1`, `2`, …
    Policy,
    /// An enabling outcome, lettered `A`, `B`, …
    Enabling,
    /// An outcome coded by its framework's own scheme: an impact area
    /// `IA1`, a country programme outcome `ARG155`.
    Other,
}

impl OutcomeKind {
    /// `"policy"` or `"enabling"`.
    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeKind::Policy => "policy",
            OutcomeKind::Enabling => "enabling",
            OutcomeKind::Other => "other",
        }
    }
}

impl fmt::Display for OutcomeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The code of an outcome: in a Programme and Budget a number for a policy
/// outcome (`7`) or a capital letter for an enabling outcome (`B`); in
/// other frameworks a code of their own, of ASCII letters and digits
/// starting with a letter (`IA1`, `OA3`, `EA17`, `ARG155`), at most
/// [`OutcomeCode::MAX_OTHER_LEN`] bytes.
///
/// The kind of outcome follows from the code, so it is not stored twice.
/// Policy outcomes order before enabling outcomes, as in the documents,
/// and both before other codes, which order as text. A Programme and
/// Budget that codes an outcome otherwise is reported by the rule
/// `structure/outcome-code-scheme`, not refused on reading.
///
/// ```
/// use ilo_frameworks::{OutcomeCode, OutcomeKind};
///
/// let seven: OutcomeCode = "7".parse()?;
/// assert_eq!(seven.kind(), OutcomeKind::Policy);
/// let b: OutcomeCode = "B".parse()?;
/// assert_eq!(b.kind(), OutcomeKind::Enabling);
/// let ia1: OutcomeCode = "IA1".parse()?;
/// assert_eq!(ia1.kind(), OutcomeKind::Other);
/// assert!(seven < b && b < ia1);
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OutcomeCode(Repr);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Repr {
    Policy(u16),
    Enabling(u8),
    /// The code's bytes, padded with zeros: zeros order first, so the
    /// padded arrays order as the texts do.
    Other([u8; OutcomeCode::MAX_OTHER_LEN]),
}

impl OutcomeCode {
    /// The longest code of [`OutcomeKind::Other`], in bytes: kept inline,
    /// so that an outcome code stays `Copy`.
    pub const MAX_OTHER_LEN: usize = 15;

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

    /// Policy, enabling or other.
    pub fn kind(self) -> OutcomeKind {
        match self.0 {
            Repr::Policy(_) => OutcomeKind::Policy,
            Repr::Enabling(_) => OutcomeKind::Enabling,
            Repr::Other(_) => OutcomeKind::Other,
        }
    }

    /// The number of a policy outcome, `None` for any other.
    pub fn number(self) -> Option<u16> {
        match self.0 {
            Repr::Policy(n) => Some(n),
            Repr::Enabling(_) | Repr::Other(_) => None,
        }
    }

    /// The letter of an enabling outcome, `None` for any other.
    pub fn letter(self) -> Option<char> {
        match self.0 {
            Repr::Enabling(l) => Some(l as char),
            Repr::Policy(_) | Repr::Other(_) => None,
        }
    }
}

/// The text of a code kept inline: the bytes before the first zero.
fn other_text(bytes: &[u8; OutcomeCode::MAX_OTHER_LEN]) -> &str {
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    // Only ASCII letters and digits are ever stored.
    std::str::from_utf8(&bytes[..end]).unwrap_or_default()
}

const SHAPE: &str = "expected a number from 1 for a policy outcome, a capital letter for an enabling outcome, or ASCII letters and digits starting with a letter, such as \"7\", \"B\" or \"IA1\"";

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
            _ if s.bytes().all(|b| b.is_ascii_digit()) => {
                Err(error("a number must be from 1 to 65535, written without a leading 0"))
            }
            _ if !s.starts_with(|c: char| c.is_ascii_alphabetic()) => {
                Err(error("it is neither a number nor starts with a letter"))
            }
            _ if s.len() > OutcomeCode::MAX_OTHER_LEN => Err(error(&format!(
                "it is longer than {} bytes",
                OutcomeCode::MAX_OTHER_LEN
            ))),
            _ => match s.chars().find(|c| !c.is_ascii_alphanumeric()) {
                Some(c) => Err(error(&format!("it contains {c:?}"))),
                None => {
                    let mut bytes = [0; OutcomeCode::MAX_OTHER_LEN];
                    bytes[..s.len()].copy_from_slice(s.as_bytes());
                    Ok(OutcomeCode(Repr::Other(bytes)))
                }
            },
        }
    }
}

impl OutcomeCode {
    /// The code's text, written out on the stack.
    pub(crate) fn written(self) -> super::written::Written {
        let mut text = super::written::Written::new();
        match self.0 {
            Repr::Policy(n) => text.push_number(n),
            Repr::Enabling(l) => text.push_byte(l),
            Repr::Other(bytes) => text.push_str(other_text(&bytes)),
        }
        text
    }
}

impl fmt::Display for OutcomeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.written().as_str())
    }
}

serde_via_str!(
    OutcomeCode,
    "OutcomeCode",
    "An outcome code: a number from 1 for a policy outcome, a capital letter for an enabling outcome, or up to 15 ASCII letters and digits starting with a letter for an outcome of another framework, such as \"7\", \"B\" or \"IA1\".",
    "^([1-9][0-9]*|[A-Za-z][A-Za-z0-9]{0,14})$"
);
