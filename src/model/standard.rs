//! The catalogue of international labour standards the sources cite.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Provenance;
use crate::{StandardKind, StandardRef};

/// One international labour standard: its reference, short title and year,
/// as the sources give them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Standard {
    /// Kind and number: `C087`.
    #[serde(rename = "ref")]
    pub reference: StandardRef,
    /// The short title, as a source prints it: `Freedom of Association and
    /// Protection of the Right to Organise Convention`. Absent where the
    /// sources cite the instrument by number only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The year of adoption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The places the sources cite it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Provenance>,
}

impl Standard {
    /// The standard `reference`, with no title, year or place known yet.
    pub fn new(reference: StandardRef) -> Self {
        Standard {
            reference,
            title: None,
            year: None,
            sources: Vec::new(),
        }
    }

    /// Convention, Recommendation or Protocol.
    pub fn kind(&self) -> StandardKind {
        self.reference.kind()
    }
}

/// A list of labour standards, looked up by reference.
///
/// ```
/// use ilo_frameworks::{Standard, StandardCatalogue};
///
/// let mut c182 = Standard::new("C182".parse()?);
/// c182.title = Some("Worst Forms of Child Labour Convention".into());
/// c182.year = Some(1999);
/// let catalogue = StandardCatalogue::new(vec![c182]);
/// assert_eq!(catalogue.get("C182".parse()?).map(|s| s.year), Some(Some(1999)));
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(description = "A list of labour standards, looked up by reference.")]
pub struct StandardCatalogue {
    /// The standards, in order of reference.
    pub standards: Vec<Standard>,
}

impl StandardCatalogue {
    /// A catalogue of `standards`, sorted by reference.
    pub fn new(mut standards: Vec<Standard>) -> Self {
        standards.sort_by_key(|s| s.reference);
        StandardCatalogue { standards }
    }

    /// The standard with this reference.
    pub fn get(&self, reference: StandardRef) -> Option<&Standard> {
        self.standards.iter().find(|s| s.reference == reference)
    }

    /// How many standards.
    pub fn len(&self) -> usize {
        self.standards.len()
    }

    /// Whether the catalogue is empty.
    pub fn is_empty(&self) -> bool {
        self.standards.is_empty()
    }
}
