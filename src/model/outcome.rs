//! Outcomes: the results a Programme and Budget commits to.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Indicator, Output, Provenance};
use crate::{OutcomeCode, OutcomeKind, OutputCode, SdgCode, StandardRef};

/// A policy or enabling outcome, with its outputs.
///
/// Whether the outcome is a policy or an enabling one follows from its code
/// ([`OutcomeCode::kind`]).
///
/// ```
/// use ilo_frameworks::{OutcomeKind, Outcome, Output};
///
/// let mut outcome = Outcome::new("B".parse()?, "Improved leadership and governance");
/// outcome.outputs.push(Output::new("B.1".parse()?, "..."));
/// assert_eq!(outcome.kind(), OutcomeKind::Enabling);
/// assert!(outcome.output("B.1".parse()?).is_some());
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(description = "A policy or enabling outcome, with its outputs.")]
pub struct Outcome {
    /// The outcome's code.
    pub code: OutcomeCode,
    /// The title, exactly as the document gives it.
    pub title: String,
    /// SDG goals, targets and indicators the document names for the outcome.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub sdg: Vec<SdgCode>,
    /// Labour standards the document cites for the outcome.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub standards: Vec<StandardRef>,
    /// Indicators of the outcome.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub indicators: Vec<Indicator>,
    /// Where the outcome is stated.
    #[serde(default, skip_serializing_if = "Provenance::is_unknown")]
    pub source: Provenance,
    /// The outputs, in the document's order.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub outputs: Vec<Output>,
}

impl Outcome {
    /// An outcome with a code and a title and nothing else yet.
    pub fn new(code: OutcomeCode, title: impl Into<String>) -> Self {
        Outcome {
            code,
            title: title.into(),
            sdg: Vec::new(),
            standards: Vec::new(),
            indicators: Vec::new(),
            source: Provenance::default(),
            outputs: Vec::new(),
        }
    }

    /// Policy or enabling.
    pub fn kind(&self) -> OutcomeKind {
        self.code.kind()
    }

    /// The output with this code, if the outcome holds it.
    pub fn output(&self, code: OutputCode) -> Option<&Output> {
        self.outputs.iter().find(|o| o.code == code)
    }
}

impl<'a> From<&'a Outcome> for super::Element<'a> {
    fn from(outcome: &'a Outcome) -> Self {
        super::Element::Outcome(outcome)
    }
}
