//! Nodes of the framework graph: what they are and how they are named.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::Ref;
use crate::id::{Expected, ParseError};

/// What a node of the [`FrameworkGraph`](super::FrameworkGraph) stands for.
///
/// Named in exports and on the command line by [`NodeKind::as_str`], which
/// [`FromStr`] and serde read back:
///
/// ```
/// use ilo_frameworks::graph::NodeKind;
///
/// assert_eq!("sdg-target".parse::<NodeKind>()?, NodeKind::SdgTarget);
/// assert_eq!(NodeKind::SdgTarget.as_str(), "sdg-target");
/// assert!("country".parse::<NodeKind>().unwrap_err().to_string()
///     .starts_with(r#"invalid node kind "country": expected one of framework, outcome, output, "#));
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum NodeKind {
    /// A framework: one document of record.
    Framework,
    /// A policy or enabling outcome.
    Outcome,
    /// An output of an outcome.
    Output,
    /// An indicator of an output.
    Indicator,
    /// A programme or project.
    Programme,
    /// A deliverable of a plan of action.
    Deliverable,
    /// An SDG goal.
    SdgGoal,
    /// An SDG target.
    SdgTarget,
    /// An SDG indicator (one listing under one target).
    SdgIndicator,
    /// An international labour standard.
    Standard,
    /// A development partner.
    Partner,
    /// A multi-stakeholder initiative.
    Initiative,
}

impl NodeKind {
    /// Every kind, in order.
    pub const ALL: &'static [NodeKind] = &[
        NodeKind::Framework,
        NodeKind::Outcome,
        NodeKind::Output,
        NodeKind::Indicator,
        NodeKind::Programme,
        NodeKind::Deliverable,
        NodeKind::SdgGoal,
        NodeKind::SdgTarget,
        NodeKind::SdgIndicator,
        NodeKind::Standard,
        NodeKind::Partner,
        NodeKind::Initiative,
    ];

    /// The name used in exports and on the command line: `outcome`,
    /// `sdg-target`, …
    pub fn as_str(self) -> &'static str {
        match self {
            NodeKind::Framework => "framework",
            NodeKind::Outcome => "outcome",
            NodeKind::Output => "output",
            NodeKind::Indicator => "indicator",
            NodeKind::Programme => "programme",
            NodeKind::Deliverable => "deliverable",
            NodeKind::SdgGoal => "sdg-goal",
            NodeKind::SdgTarget => "sdg-target",
            NodeKind::SdgIndicator => "sdg-indicator",
            NodeKind::Standard => "standard",
            NodeKind::Partner => "partner",
            NodeKind::Initiative => "initiative",
        }
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for NodeKind {
    type Err = ParseError;

    /// Reads what [`NodeKind::as_str`] writes.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        ParseError::named(Expected::NodeKind, text, NodeKind::ALL, NodeKind::as_str)
    }
}

/// The name of a node, unique in its graph.
///
/// Elements, frameworks, SDG codes and standards are named by their
/// [`Ref`]; the other nodes have names of their own. The text form
/// ([`Display`](fmt::Display), which [`FromStr`] and serde read back) is
/// the reference, the reference and `#indicator-N`, `partner:NAME` or
/// `initiative:NAME`:
///
/// ```
/// use ilo_frameworks::graph::NodeKey;
///
/// let key: NodeKey = "pb-2022-23:7.1#indicator-2".parse()?;
/// assert_eq!(key, NodeKey::Indicator { of: "pb-2022-23:7.1".parse()?, number: 2 });
/// assert_eq!(key.to_string(), "pb-2022-23:7.1#indicator-2");
/// assert_eq!("sdg:8.7".parse::<NodeKey>()?.reference().map(|r| r.to_string()).as_deref(), Some("sdg:8.7"));
/// assert_eq!("partner:European Union".parse::<NodeKey>()?, NodeKey::Partner("European Union".into()));
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
///
/// The prefixes `partner:` and `initiative:` are read as partners and
/// initiatives, never as references to a framework of that id.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum NodeKey {
    /// A framework, element, SDG code or standard.
    Ref(Ref),
    /// The `number`-th indicator (from 1) of an output or outcome.
    Indicator {
        /// The element the indicator measures.
        of: Ref,
        /// Its place among the element's indicators, from 1.
        number: u32,
    },
    /// A development partner, by name.
    Partner(Box<str>),
    /// A multi-stakeholder initiative, by name.
    Initiative(Box<str>),
}

impl NodeKey {
    /// The reference, when the node is named by one.
    pub fn reference(&self) -> Option<&Ref> {
        match self {
            NodeKey::Ref(r) => Some(r),
            _ => None,
        }
    }
}

impl From<Ref> for NodeKey {
    fn from(r: Ref) -> Self {
        NodeKey::Ref(r)
    }
}

impl fmt::Display for NodeKey {
    /// `pb-2022-23:7.1`, `pb-2022-23:7.1#indicator-1`, `partner:European Union`,
    /// `initiative:Alliance 8.7`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NodeKey::Ref(r) => write!(f, "{r}"),
            NodeKey::Indicator { of, number } => write!(f, "{of}#indicator-{number}"),
            NodeKey::Partner(name) => write!(f, "partner:{name}"),
            NodeKey::Initiative(name) => write!(f, "initiative:{name}"),
        }
    }
}

impl FromStr for NodeKey {
    type Err = ParseError;

    /// Reads what [`Display`](fmt::Display) writes.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        const SHAPE: &str = "expected a reference such as \"pb-2022-23:7.1\", a reference and \"#indicator-N\", \"partner:NAME\" or \"initiative:NAME\"";
        let error = |problem: &str| ParseError::new(Expected::NodeKey, text, format!("{problem} ({SHAPE})"));
        let named = |name: &str| -> Result<Box<str>, ParseError> {
            if name.trim().is_empty() {
                Err(error("the name is empty"))
            } else {
                Ok(name.into())
            }
        };
        if let Some(name) = text.strip_prefix("partner:") {
            return named(name).map(NodeKey::Partner);
        }
        if let Some(name) = text.strip_prefix("initiative:") {
            return named(name).map(NodeKey::Initiative);
        }
        if let Some((of, number)) = text.split_once("#indicator-") {
            let number = Some(number)
                .filter(|n| !n.starts_with('0') && n.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|n| n.parse::<u32>().ok())
                .filter(|&n| n > 0)
                .ok_or_else(|| error(&format!("{number:?} is not an indicator number from 1")))?;
            let of = of
                .parse()
                .map_err(|e: ParseError| error(&format!("{of:?} is not a reference: {}", e.problem())))?;
            return Ok(NodeKey::Indicator { of, number });
        }
        text.parse()
            .map(NodeKey::Ref)
            .map_err(|e: ParseError| error(e.problem()))
    }
}

impl Serialize for NodeKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for NodeKey {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
