//! Links between elements: what contributes to what, cites what, follows
//! what.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Provenance;
use crate::Ref;
use crate::id::{Expected, ParseError};

/// The kind of a link, as in the framework graph.
///
/// More kinds may be added (importers bring links of their own), so a
/// `match` on it outside the crate needs a wildcard arm. It reads from text
/// exactly as [`LinkKind::as_str`] writes it:
///
/// ```
/// use ilo_frameworks::LinkKind;
///
/// assert_eq!("contributes_to".parse::<LinkKind>()?, LinkKind::ContributesTo);
/// assert!(LinkKind::ALL.iter().all(|k| k.as_str().parse() == Ok(*k)));
/// let err = "contributes-to".parse::<LinkKind>().unwrap_err();
/// assert!(err.to_string().contains("part_of, contributes_to, measures, cites, supported_by, succeeds"));
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
#[schemars(description = "The kind of a link, as in the framework graph.")]
pub enum LinkKind {
    /// An element belongs to another: output to outcome, target to goal.
    PartOf,
    /// A programme, deliverable or output works towards another element.
    ContributesTo,
    /// An indicator measures an output or outcome.
    Measures,
    /// An element applies or promotes a labour standard.
    Cites,
    /// A programme is supported by a partner or initiative.
    SupportedBy,
    /// An element follows on from an earlier one (IPEC+ from IPEC).
    Succeeds,
}

impl LinkKind {
    /// Every kind, in order.
    pub const ALL: [LinkKind; 6] = [
        LinkKind::PartOf,
        LinkKind::ContributesTo,
        LinkKind::Measures,
        LinkKind::Cites,
        LinkKind::SupportedBy,
        LinkKind::Succeeds,
    ];

    /// The name used in files: `part_of`, `contributes_to`, …
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::PartOf => "part_of",
            LinkKind::ContributesTo => "contributes_to",
            LinkKind::Measures => "measures",
            LinkKind::Cites => "cites",
            LinkKind::SupportedBy => "supported_by",
            LinkKind::Succeeds => "succeeds",
        }
    }
}

impl fmt::Display for LinkKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for LinkKind {
    type Err = ParseError;

    /// The kind [`LinkKind::as_str`] names; nothing else.
    fn from_str(s: &str) -> Result<Self, ParseError> {
        ParseError::named(Expected::LinkKind, s, &LinkKind::ALL, LinkKind::as_str)
    }
}

/// The part of a source's effort that a link carries: a fraction from 0 to
/// 1 (a file may write it as such, `0.25`).
///
/// A negative zero is taken as zero, so that equal shares hash alike.
///
/// ```
/// use ilo_frameworks::Share;
///
/// assert_eq!(Share::new(0.25)?.value(), 0.25);
/// assert!(Share::new(1.5).is_err());
/// assert!(Share::new(f64::NAN).is_err());
/// assert!(Share::new(-0.0)?.value().is_sign_positive());
/// assert_eq!(Share::new(-0.0)?, Share::new(0.0)?);
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, JsonSchema)]
#[schemars(transparent)]
#[schemars(
    description = "The part of a source's effort that a link carries: a fraction from 0 to 1 (a file may write it as such, `0.25`)."
)]
pub struct Share(#[schemars(range(min = 0.0, max = 1.0))] f64);

impl Share {
    /// A share of `value`, from 0 to 1 (`-0.0` gives the share 0).
    ///
    /// # Errors
    /// When `value` is not a number from 0 to 1.
    pub fn new(value: f64) -> Result<Self, ParseError> {
        if (0.0..=1.0).contains(&value) {
            // -0.0 == 0.0, and is stored as 0.0.
            Ok(Share(if value == 0.0 { 0.0 } else { value }))
        } else {
            Err(ParseError::new(
                Expected::Share,
                &value.to_string(),
                "a share is a fraction from 0 to 1",
            ))
        }
    }

    /// The fraction.
    pub fn value(self) -> f64 {
        self.0
    }
}

impl Eq for Share {}

impl std::hash::Hash for Share {
    /// By the bits of the fraction, which is never NaN nor `-0.0`, so that
    /// equal shares hash alike.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state);
    }
}

impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl<'de> Deserialize<'de> for Share {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        Share::new(value).map_err(serde::de::Error::custom)
    }
}

/// A link that an element states to another element: the target, and
/// optionally the share carried and where the link is stated.
///
/// In files a link without share or source is written as the bare
/// reference, `"pb-2022-23:7.1"`; otherwise as a table
/// `{ to = "pb-2022-23:7.1", share = 0.5, source = { line = 12 } }`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, JsonSchema)]
#[schemars(untagged)]
pub enum Link {
    /// A bare reference.
    To(Ref),
    /// A reference with details.
    // Boxed: most links are bare references, and a list of links then
    // takes the size of a reference per link (40 bytes), not that of the
    // details (112).
    Detailed(Box<LinkDetail>),
}

/// The table form of a [`Link`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkDetail {
    /// The element linked to.
    pub to: Ref,
    /// The share of the source's effort the link carries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Share>,
    /// Where the link is stated, when not where the element is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Provenance>,
}

impl Link {
    /// A link to `target`, without share or source (the bare form).
    ///
    /// ```
    /// use ilo_frameworks::Link;
    ///
    /// let link = Link::new("pb-2022-23:7.1".parse()?);
    /// assert_eq!(link.target().to_string(), "pb-2022-23:7.1");
    /// assert_eq!(link.share(), None);
    /// # Ok::<(), ilo_frameworks::ParseError>(())
    /// ```
    pub fn new(target: Ref) -> Self {
        Link::To(target)
    }

    /// The element linked to.
    pub fn target(&self) -> &Ref {
        match self {
            Link::To(r) => r,
            Link::Detailed(d) => &d.to,
        }
    }

    /// The share carried, if stated.
    pub fn share(&self) -> Option<Share> {
        match self {
            Link::To(_) => None,
            Link::Detailed(d) => d.share,
        }
    }

    /// Where the link is stated, if not where its element is.
    pub fn source(&self) -> Option<&Provenance> {
        match self {
            Link::To(_) => None,
            Link::Detailed(d) => d.source.as_ref(),
        }
    }

    /// The same link in its shortest form: a bare reference when it has no
    /// share and no source.
    pub fn normalized(self) -> Self {
        match self {
            Link::Detailed(detail) if detail.share.is_none() && detail.source.is_none() => Link::To(detail.to),
            other => other,
        }
    }
}

impl From<Ref> for Link {
    fn from(r: Ref) -> Self {
        Link::To(r)
    }
}

impl FromStr for Link {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        s.parse().map(Link::To)
    }
}

impl Serialize for Link {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Link::To(r) => r.serialize(serializer),
            Link::Detailed(d) => d.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Link {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Link;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a reference such as \"pb-2022-23:7.1\", or a table { to = \"…\", share = 0.5 }")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Link, E> {
                v.parse().map(Link::To).map_err(E::custom)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Link, A::Error> {
                LinkDetail::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(|detail| Link::Detailed(Box::new(detail)))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// A link a document states between two elements that need not be its
/// own, such as the Programme and Budget naming a flagship programme under
/// one of its outputs.
///
/// ```
/// use ilo_frameworks::{LinkKind, Provenance, StatedLink};
///
/// let link = StatedLink::new(
///     "flagships:IPEC+".parse()?,
///     LinkKind::ContributesTo,
///     "pb-2022-23:7.1".parse()?,
///     Provenance::line(1500),
/// );
/// assert_eq!(link.to.to_string(), "pb-2022-23:7.1");
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "A link a document states between two elements that need not be its own, such as the Programme and Budget naming a flagship programme under one of its outputs."
)]
pub struct StatedLink {
    /// The element the link starts from.
    pub from: Ref,
    /// The kind of link.
    pub kind: LinkKind,
    /// The element the link leads to.
    pub to: Ref,
    /// The share of `from`'s effort the link carries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Share>,
    /// Where the document states the link.
    pub source: Provenance,
}

impl StatedLink {
    /// A link of `kind` from `from` to `to`, stated at `source`.
    pub fn new(from: Ref, kind: LinkKind, to: Ref, source: Provenance) -> Self {
        StatedLink {
            from,
            kind,
            to,
            share: None,
            source,
        }
    }
}
