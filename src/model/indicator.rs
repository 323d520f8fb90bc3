//! Indicators that measure an output or outcome.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Provenance;
use crate::{Period, SdgCode};

/// A measure of progress on an output or outcome: what is counted, from
/// which baseline, to which target, over which period.
///
/// The preview of a Programme and Budget names no indicators, so its
/// outputs have none; full results frameworks and users' own files do.
///
/// ```
/// use ilo_frameworks::Indicator;
///
/// let mut i = Indicator::new("Member States with a national employment policy");
/// i.unit = Some("member States".into());
/// i.target = Some(20.0);
/// assert_eq!(i.target, Some(20.0));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "A measure of progress on an output or outcome: what is counted, from which baseline, to which target, over which period."
)]
pub struct Indicator {
    /// What is measured, in a short phrase.
    pub label: String,
    /// The unit counted: `member States`, `%`, `workers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The value at the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// The value aimed for by the end of `period`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// The period the target is set for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// SDG indicators this indicator reports on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sdg: Vec<SdgCode>,
    /// Where the indicator is stated.
    #[serde(default, skip_serializing_if = "Provenance::is_unknown")]
    pub source: Provenance,
}

impl Indicator {
    /// An indicator measuring `label`, with nothing else known yet.
    pub fn new(label: impl Into<String>) -> Self {
        Indicator {
            label: label.into(),
            ..Indicator::default()
        }
    }
}
