//! Exports: DOT and Mermaid for pictures, JSON for other tools.

use std::fmt::Write as _;

use serde::Serialize;

use super::{FrameworkGraph, NodeKey, NodeKind};
use crate::LinkKind;

/// The JSON form of a graph: its nodes and edges, in graph order, from
/// [`FrameworkGraph::to_graph_json`]. It borrows the graph and is only
/// written; fields may be added.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct GraphJson<'g> {
    /// The nodes.
    pub nodes: Vec<JsonNode<'g>>,
    /// The edges.
    pub edges: Vec<JsonEdge<'g>>,
}

/// A node in [`GraphJson`], and the node of a
/// [`Reach`](super::Reach) or [`Contributions`](super::Contributions) in
/// their serde form.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct JsonNode<'g> {
    /// The node's key, as text.
    pub id: &'g NodeKey,
    /// Its kind.
    pub kind: NodeKind,
    /// Its label.
    pub label: &'g str,
}

/// An edge in [`GraphJson`], and an edge of a [`Reach`](super::Reach)'s
/// path in its serde form.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct JsonEdge<'g> {
    /// The key of the node it starts from.
    pub from: &'g NodeKey,
    /// The key of the node it leads to.
    pub to: &'g NodeKey,
    /// The kind of link.
    pub kind: LinkKind,
    /// The share carried, where stated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
}

fn dot_quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// A label short enough for a picture: the key, and the first words of the
/// title.
fn picture_label(key: &NodeKey, label: &str) -> String {
    const MAX: usize = 48;
    let short: String = if label.chars().count() > MAX {
        let cut: String = label.chars().take(MAX).collect();
        format!("{}…", cut.trim_end())
    } else {
        label.to_owned()
    };
    format!("{key}\n{short}")
}

/// An edge's label in a picture: its kind, and the share where stated.
fn edge_label(edge: &super::Edge<'_>) -> String {
    match edge.share() {
        Some(share) => format!("{} {share}", edge.kind()),
        None => edge.kind().to_string(),
    }
}

fn dot_shape(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Framework => "folder",
        NodeKind::Outcome => "box3d",
        NodeKind::Output => "box",
        NodeKind::Indicator => "note",
        NodeKind::Programme => "component",
        NodeKind::Deliverable => "tab",
        NodeKind::SdgGoal => "doublecircle",
        NodeKind::SdgTarget => "ellipse",
        NodeKind::SdgIndicator => "oval",
        NodeKind::Standard => "cds",
        NodeKind::Partner | NodeKind::Initiative => "hexagon",
    }
}

impl FrameworkGraph {
    /// The graph in Graphviz DOT, one statement per line, in graph order.
    ///
    /// ```
    /// use ilo_frameworks::graph::FrameworkGraph;
    ///
    /// let graph = FrameworkGraph::builtin()?.neighbourhood(&"flagships:JPR".parse()?, 1)?;
    /// let dot = graph.to_dot();
    /// assert!(dot.starts_with("digraph frameworks {"));
    /// assert!(dot.contains(r#""flagships:JPR" -> "pb-2022-23:3.4" [label="contributes_to"]"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_dot(&self) -> String {
        let mut out = String::from(
            "digraph frameworks {\n  rankdir=LR;\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=9];\n",
        );
        for node in self.nodes() {
            let _ = writeln!(
                out,
                "  {} [label={}, shape={}];",
                dot_quote(&node.key().to_string()),
                dot_quote(&picture_label(node.key(), node.label())),
                dot_shape(node.kind())
            );
        }
        for edge in self.edges() {
            let label = edge_label(&edge);
            let _ = writeln!(
                out,
                "  {} -> {} [label={}];",
                dot_quote(&edge.from().key().to_string()),
                dot_quote(&edge.to().key().to_string()),
                dot_quote(&label)
            );
        }
        out.push_str("}\n");
        out
    }

    /// The graph as a Mermaid flowchart, nodes numbered in graph order.
    pub fn to_mermaid(&self) -> String {
        let mut out = String::from("flowchart LR\n");
        for node in self.nodes() {
            let text = picture_label(node.key(), node.label())
                .replace('\n', "<br/>")
                .replace('"', "#quot;");
            let _ = writeln!(out, "  n{}[\"{}\"]", node.index.index(), text);
        }
        for edge in self.edges() {
            let label = edge_label(&edge);
            let _ = writeln!(
                out,
                "  n{} -->|{}| n{}",
                edge.from().index.index(),
                label,
                edge.to().index.index()
            );
        }
        out
    }

    /// The nodes and edges as a [`GraphJson`], ready for serde (for
    /// instance `serde_json`): `{"nodes": [{"id", "kind", "label"}],
    /// "edges": [{"from", "to", "kind", "share"}]}`.
    ///
    /// ```
    /// use ilo_frameworks::graph::FrameworkGraph;
    ///
    /// let graph = FrameworkGraph::builtin()?.neighbourhood(&"flagships:JPR".parse()?, 1)?;
    /// let json = serde_json::to_value(graph.to_graph_json())?;
    /// assert_eq!(json["nodes"].as_array().map(Vec::len), Some(graph.node_count()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn to_graph_json(&self) -> GraphJson<'_> {
        GraphJson {
            nodes: self.nodes().map(JsonNode::of).collect(),
            edges: self.edges().map(JsonEdge::of).collect(),
        }
    }
}

impl<'g> JsonNode<'g> {
    pub(super) fn of(node: super::Node<'g>) -> Self {
        JsonNode {
            id: node.key(),
            kind: node.kind(),
            label: node.label(),
        }
    }
}

impl<'g> JsonEdge<'g> {
    pub(super) fn of(edge: super::Edge<'g>) -> Self {
        JsonEdge {
            from: edge.from().key(),
            to: edge.to().key(),
            kind: edge.kind(),
            share: edge.share().map(|s| s.value()),
        }
    }
}
