//! Claims: a fact as one place of a document states it.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Provenance;
use crate::Ref;

/// The value a claim states: a whole number or a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ClaimValue {
    /// A count or amount.
    Number(i64),
    /// A name, spelling or other text.
    Text(String),
}

impl fmt::Display for ClaimValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClaimValue::Number(n) => write!(f, "{n}"),
            ClaimValue::Text(t) => write!(f, "{t:?}"),
        }
    }
}

impl From<i64> for ClaimValue {
    fn from(n: i64) -> Self {
        ClaimValue::Number(n)
    }
}

impl From<&str> for ClaimValue {
    fn from(t: &str) -> Self {
        ClaimValue::Text(t.to_owned())
    }
}

/// One statement of a fact, with the place that states it.
///
/// Where a document states the same fact twice with two values (a count in
/// the prose and another in a table, two spellings of a name), the
/// framework holds one claim for each place. The model does not pick a
/// winner; the validation layer reports claims about the same `subject` and
/// `property` whose values differ.
///
/// ```
/// use ilo_frameworks::{Claim, Provenance};
///
/// let prose = Claim::new("flagships:JPR".parse()?, "countries.total", 10, Provenance::line(181));
/// let table = Claim::new("flagships:JPR".parse()?, "countries.total", 21, Provenance::line(163));
/// assert!(prose.is_about_same_fact(&table));
/// assert_ne!(prose.value, table.value);
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(description = "One statement of a fact, with the place that states it.")]
pub struct Claim {
    /// The element the fact is about.
    pub subject: Ref,
    /// Which fact: a short dotted name such as `countries.total`,
    /// `name` or `outputs.count`.
    pub property: String,
    /// What this place says.
    pub value: ClaimValue,
    /// The place that says it.
    pub source: Provenance,
}

impl Claim {
    /// A claim that `source` states `value` for `property` of `subject`.
    pub fn new(subject: Ref, property: impl Into<String>, value: impl Into<ClaimValue>, source: Provenance) -> Self {
        Claim {
            subject,
            property: property.into(),
            value: value.into(),
            source,
        }
    }

    /// Whether both claims speak of the same property of the same element.
    pub fn is_about_same_fact(&self, other: &Claim) -> bool {
        self.subject == other.subject && self.property == other.property
    }
}
