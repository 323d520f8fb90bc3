//! Outputs: what the Office delivers under an outcome.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Indicator, Label, Provenance};
use crate::{OutputCode, SdgCode, StandardRef};

/// The level an action of an output is taken at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActionLevel {
    /// "At the country level", under a policy output.
    Country,
    /// "At the global level", under a policy output.
    Global,
    /// "Specific deliverables during the biennium", under an enabling output.
    Biennium,
}

/// One output of an outcome, with the actions the document lists for it.
///
/// A policy output lists what the ILO will do at the country level and at
/// the global level; an enabling output lists deliverables for the
/// biennium. Each action is a short label, not the document's own words.
///
/// ```
/// use ilo_frameworks::{ActionLevel, Output};
///
/// let mut output = Output::new("7.1".parse()?, "Increased capacity of member States to ...");
/// output.country_level.push("ratification support".into());
/// output.global_level.push("guidance tools".into());
/// let counts: Vec<_> = output.actions().map(|(level, _)| level).collect();
/// assert_eq!(counts, [ActionLevel::Country, ActionLevel::Global]);
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(description = "One output of an outcome, with the actions the document lists for it.")]
pub struct Output {
    /// The output's code; its outcome part names the outcome it belongs to.
    pub code: OutputCode,
    /// The title, exactly as the document gives it.
    pub title: String,
    /// Actions at the country level (policy outputs).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub country_level: Vec<Label>,
    /// Actions at the global level (policy outputs).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub global_level: Vec<Label>,
    /// Specific deliverables during the biennium (enabling outputs).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub biennium_deliverables: Vec<Label>,
    /// Indicators of the output.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub indicators: Vec<Indicator>,
    /// SDG goals, targets and indicators the document names for the output.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub sdg: Vec<SdgCode>,
    /// Labour standards the document cites for the output.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub standards: Vec<StandardRef>,
    /// Where the output is stated.
    #[serde(default, skip_serializing_if = "Provenance::is_unknown")]
    pub source: Provenance,
}

impl Output {
    /// An output with a code and a title and nothing else yet.
    pub fn new(code: OutputCode, title: impl Into<String>) -> Self {
        Output {
            code,
            title: title.into(),
            country_level: Vec::new(),
            global_level: Vec::new(),
            biennium_deliverables: Vec::new(),
            indicators: Vec::new(),
            sdg: Vec::new(),
            standards: Vec::new(),
            source: Provenance::default(),
        }
    }

    /// Every action with its level: country, then global, then biennium.
    pub fn actions(&self) -> impl Iterator<Item = (ActionLevel, &str)> {
        fn tag(level: ActionLevel, list: &[Label]) -> impl Iterator<Item = (ActionLevel, &str)> {
            list.iter().map(move |a| (level, a.as_str()))
        }
        tag(ActionLevel::Country, &self.country_level)
            .chain(tag(ActionLevel::Global, &self.global_level))
            .chain(tag(ActionLevel::Biennium, &self.biennium_deliverables))
    }
}

impl<'a> From<&'a Output> for super::Element<'a> {
    fn from(output: &'a Output) -> Self {
        super::Element::Output(output)
    }
}
