//! Output codes: `7.1`, `C.4`.

use std::fmt;
use std::str::FromStr;

use super::text::{positive_number, serde_via_str, split_once_byte};
use super::{Expected, OutcomeCode, ParseError};

/// The code of an output: the code of its outcome, a dot and a number
/// (`7.1` is the first output of policy outcome 7, `C.4` the fourth of
/// enabling outcome C, `IA1.2` the second of an outcome coded `IA1`).
///
/// ```
/// use ilo_frameworks::{OutcomeCode, OutputCode};
///
/// let code: OutputCode = "C.4".parse()?;
/// assert_eq!(code.outcome(), "C".parse::<OutcomeCode>()?);
/// assert_eq!(code.number(), 4);
/// assert_eq!(code.to_string(), "C.4");
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OutputCode {
    outcome: OutcomeCode,
    number: u16,
}

impl OutputCode {
    /// The output numbered `number` under `outcome`.
    ///
    /// # Errors
    /// When `number` is 0.
    pub fn new(outcome: OutcomeCode, number: u16) -> Result<Self, ParseError> {
        if number == 0 {
            return Err(ParseError::new(
                Expected::OutputCode,
                &format!("{outcome}.0"),
                "outputs are numbered from 1",
            ));
        }
        Ok(OutputCode { outcome, number })
    }

    /// The outcome the code places this output under.
    pub fn outcome(self) -> OutcomeCode {
        self.outcome
    }

    /// The number of the output within its outcome.
    pub fn number(self) -> u16 {
        self.number
    }
}

const SHAPE: &str = "expected an outcome code, a dot and a number from 1, such as \"7.1\" or \"C.4\"";

impl FromStr for OutputCode {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, ParseError> {
        let error = |problem: String| ParseError::new(Expected::OutputCode, s, format!("{problem} ({SHAPE})"));
        let Some((outcome, number)) = split_once_byte(s, b'.') else {
            return Err(error("there is no dot".to_owned()));
        };
        let outcome: OutcomeCode = outcome
            .parse()
            .map_err(|_| error(format!("{outcome:?} is not an outcome code")))?;
        let number = positive_number(number).ok_or_else(|| error(format!("{number:?} is not an output number")))?;
        Ok(OutputCode { outcome, number })
    }
}

impl OutputCode {
    /// The code's text, written out on the stack.
    pub(crate) fn written(self) -> super::written::Written {
        let mut text = self.outcome.written();
        text.push_byte(b'.');
        text.push_number(self.number);
        text
    }
}

impl fmt::Display for OutputCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.written().as_str())
    }
}

serde_via_str!(
    OutputCode,
    "OutputCode",
    "An output code: an outcome code, a dot and a number from 1, such as \"7.1\" or \"C.4\".",
    "^([1-9][0-9]*|[A-Za-z][A-Za-z0-9]{0,14})\\.[1-9][0-9]*$"
);
