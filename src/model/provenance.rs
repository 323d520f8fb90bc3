//! Where a fact was read: document, section, line.

use std::fmt;
use std::num::NonZeroU32;
use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
/// assert_eq!((p.document(), p.section()), (None, Some("Outcome 7")));
/// // The same section further on, sharing its text.
/// assert_eq!(p.clone().at_line(1240).to_string(), "section \"Outcome 7\", line 1240");
/// assert!(Provenance::line(0).line.is_none());
///
/// let text = "id = \"x\"\nkind = \"other\"\ntitle = \"T\"\nsource = { line = 0 }\n";
/// let err = Framework::from_toml_str(text, "x.toml").unwrap_err();
/// assert_eq!(err.to_string(), "x.toml:4:19: there is no line 0: lines count from 1");
/// ```
///
/// Most facts carry a line alone, so the document and section are kept
/// aside, shared by reference count: a provenance takes 16 bytes, and the
/// provenances cloned from one another (an import's, every activity of a
/// file) share one copy of the text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Provenance {
    /// The document and the section, where either is known.
    named: Option<Arc<Named>>,
    /// The line in the plain-text source, from 1.
    pub line: Option<NonZeroU32>,
}

/// The document and section of a [`Provenance`]; never both absent.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Named {
    document: Option<String>,
    section: Option<String>,
}

/// A provenance as files write it.
#[derive(Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Where in a source document an element or fact was read.")]
struct ProvenanceFile<D = String> {
    /// The document: its symbol (`GB.340/PFA/2`) or short title. Absent:
    /// the document of the framework that holds the element.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    document: Option<D>,
    /// The section, heading or table the fact sits under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    section: Option<D>,
    /// The line in the plain-text source, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "line_from_1")]
    line: Option<NonZeroU32>,
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

impl Serialize for Provenance {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ProvenanceFile {
            document: self.document(),
            section: self.section(),
            line: self.line,
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Provenance {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let written = ProvenanceFile::<String>::deserialize(deserializer)?;
        Ok(Provenance::named(written.document, written.section, written.line))
    }
}

impl JsonSchema for Provenance {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Provenance".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        ProvenanceFile::<String>::json_schema(generator)
    }
}

impl Provenance {
    /// A fact read at `line` of the framework's own document; lines count
    /// from 1, and `Provenance::line(0)` leaves the line unknown.
    pub fn line(line: u32) -> Self {
        Provenance {
            line: NonZeroU32::new(line),
            named: None,
        }
    }

    fn named(document: Option<String>, section: Option<String>, line: Option<NonZeroU32>) -> Self {
        let named = (document.is_some() || section.is_some()).then(|| Arc::new(Named { document, section }));
        Provenance { named, line }
    }

    /// The document: its symbol (`GB.340/PFA/2`) or short title. `None`:
    /// the document of the framework that holds the element.
    pub fn document(&self) -> Option<&str> {
        self.named.as_ref()?.document.as_deref()
    }

    /// The section, heading or table the fact sits under.
    pub fn section(&self) -> Option<&str> {
        self.named.as_ref()?.section.as_deref()
    }

    /// The same document and section, at `line` (0: an unknown line).
    /// Provenances made this way from one another share their text.
    pub fn at_line(mut self, line: u32) -> Self {
        self.line = NonZeroU32::new(line);
        self
    }

    /// The same place, with the section named.
    pub fn in_section(self, section: impl Into<String>) -> Self {
        let document = self.document().map(str::to_owned);
        Provenance::named(document, Some(section.into()), self.line)
    }

    /// The same place, in another document.
    pub fn in_document(self, document: impl Into<String>) -> Self {
        let section = self.section().map(str::to_owned);
        Provenance::named(Some(document.into()), section, self.line)
    }

    /// Whether nothing is known of the place.
    pub fn is_unknown(&self) -> bool {
        self.named.is_none() && self.line.is_none()
    }
}

impl fmt::Display for Provenance {
    /// `document, section "…", line N`, leaving out what is unknown.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(d) = self.document() {
            parts.push(d.to_owned());
        }
        if let Some(s) = self.section() {
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
