//! Deliverables of a plan or programme of action.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Label, Link, Provenance};
use crate::{DeliverableCode, SdgCode, StandardRef, Timeframe};

/// A deliverable of a plan of action: what is to be produced, under which
/// area, in response to what, through which activities, and when.
///
/// ```
/// use ilo_frameworks::Deliverable;
///
/// let mut d = Deliverable::new("2.1".parse()?, "Knowledge generation and dissemination", "labour inspection knowledge base");
/// d.responds_to = Some("ILC 2016 Conclusion 23 (b)".into());
/// d.timeframe.insert_range("2017Q1..2021Q4".parse()?);
/// assert_eq!(d.timeframe.len(), 20);
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(
    description = "A deliverable of a plan of action: what is to be produced, under which area, in response to what, through which activities, and when."
)]
pub struct Deliverable {
    /// The deliverable's code.
    pub code: DeliverableCode,
    /// The area of action or focus it falls under.
    pub area: Label,
    /// A short label of what is delivered.
    pub title: Label,
    /// What it responds to, such as `ILC 2016 Conclusion 23 (b)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub responds_to: Option<Label>,
    /// Its key activities, each a short label.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub activities: Vec<Label>,
    /// The quarters it is scheduled in; empty where the document marks none.
    #[serde(default, skip_serializing_if = "Timeframe::is_empty")]
    pub timeframe: Timeframe,
    /// Elements it contributes to.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub contributes_to: Vec<Link>,
    /// SDG codes the document names for it.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub sdg: Vec<SdgCode>,
    /// Labour standards the document cites for it.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub standards: Vec<StandardRef>,
    /// Where it is stated.
    #[serde(default, skip_serializing_if = "Provenance::is_unknown")]
    pub source: Provenance,
}

impl Deliverable {
    /// A deliverable with a code, an area and a title and nothing else yet.
    pub fn new(code: DeliverableCode, area: impl Into<Label>, title: impl Into<Label>) -> Self {
        Deliverable {
            code,
            area: area.into(),
            title: title.into(),
            responds_to: None,
            activities: Vec::new(),
            timeframe: Timeframe::new(),
            contributes_to: Vec::new(),
            sdg: Vec::new(),
            standards: Vec::new(),
            source: Provenance::default(),
        }
    }
}

impl<'a> From<&'a Deliverable> for super::Element<'a> {
    fn from(deliverable: &'a Deliverable) -> Self {
        super::Element::Deliverable(deliverable)
    }
}
