//! Where a fact was read: document, section, line.

use std::fmt;
use std::num::NonZeroU32;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

/// Where in a source document an element or fact was read.
///
/// `document` may be left out inside a framework file: it then means the
/// framework's own document. `line` counts from 1 in the plain-text source,
/// so a line 0 cannot be held, and is refused when reading.
///
/// ```
/// use ilo_frameworks::{Framework, Provenance};
///
/// let p = Provenance::line(1234).in_section("Outcome 7");
/// assert_eq!(p.to_string(), "section \"Outcome 7\", line 1234");
/// assert!(Provenance::line(0).line.is_none());
///
/// let text = "id = \"x\"\nkind = \"other\"\ntitle = \"T\"\nsource = { line = 0 }\n";
/// let err = Framework::from_toml_str(text, "x.toml").unwrap_err();
/// assert_eq!(err.to_string(), "x.toml:4:19: there is no line 0: lines count from 1");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Where in a source document an element or fact was read.")]
pub struct Provenance {
    /// The document: its symbol (`GB.340/PFA/2`) or short title. Absent:
    /// the document of the framework that holds the element.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// The section, heading or table the fact sits under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The line in the plain-text source, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "line_from_1")]
    pub line: Option<NonZeroU32>,
}

/// A source line, refusing 0 with a message that says why.
fn line_from_1<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NonZeroU32>, D::Error> {
    match Option::<u32>::deserialize(deserializer)? {
        None => Ok(None),
        Some(line) => NonZeroU32::new(line)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom("there is no line 0: lines count from 1")),
    }
}

impl Provenance {
    /// A fact read at `line` of the framework's own document; lines count
    /// from 1, and `Provenance::line(0)` leaves the line unknown.
    pub fn line(line: u32) -> Self {
        Provenance {
            line: NonZeroU32::new(line),
            ..Provenance::default()
        }
    }

    /// A fact read in `section` of the framework's own document.
    pub fn section(section: impl Into<String>) -> Self {
        Provenance {
            section: Some(section.into()),
            ..Provenance::default()
        }
    }

    /// The same place, with the section named.
    pub fn in_section(mut self, section: impl Into<String>) -> Self {
        self.section = Some(section.into());
        self
    }

    /// The same place, in another document.
    pub fn in_document(mut self, document: impl Into<String>) -> Self {
        self.document = Some(document.into());
        self
    }

    /// Whether nothing is known of the place.
    pub fn is_unknown(&self) -> bool {
        self.document.is_none() && self.section.is_none() && self.line.is_none()
    }
}

impl fmt::Display for Provenance {
    /// `document, section "…", line N`, leaving out what is unknown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(d) = &self.document {
            parts.push(d.clone());
        }
        if let Some(s) = &self.section {
            parts.push(format!("section {s:?}"));
        }
        if let Some(l) = self.line {
            parts.push(format!("line {l}"));
        }
        if parts.is_empty() {
            f.write_str("unknown place")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}
