//! Nodes of the framework graph: what they are and how they are named.

use std::fmt;

use serde::Serialize;

use crate::Ref;

/// What a node of the [`FrameworkGraph`](super::FrameworkGraph) stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
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
    pub const ALL: [NodeKind; 12] = [
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

    /// The kind named `name` (as [`NodeKind::as_str`] writes it).
    pub fn from_name(name: &str) -> Option<NodeKind> {
        NodeKind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

impl fmt::Display for NodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The name of a node, unique in its graph.
///
/// Elements, frameworks, SDG codes and standards are named by their
/// [`Ref`]; the other nodes have names of their own.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
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
    pub fn as_ref(&self) -> Option<&Ref> {
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

impl Serialize for NodeKey {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
