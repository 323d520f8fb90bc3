//! Coverage matrices: which rows (outcomes, programmes, …) reach which
//! columns (SDG goals, outputs, …).

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::Direction;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;
use serde::Serialize;

use super::query::is_reach;
use super::{FrameworkGraph, NodeKey, NodeKind};
use crate::LinkKind;

/// A matrix of counts: for each row element, how many of its members reach
/// each column element.
///
/// The members of a row are the row itself and everything that is part of
/// it (an outcome's outputs, a framework's elements). A member reaches a
/// column when a chain of `contributes_to`, `part_of` and `measures` links
/// leads from it to the column without passing through the row or what the
/// row is part of, so that an output does not borrow its outcome's links.
///
/// ```
/// use ilo_frameworks::graph::{FrameworkGraph, NodeKind};
///
/// let graph = FrameworkGraph::builtin()?;
/// let matrix = graph.coverage(NodeKind::Outcome, NodeKind::SdgGoal);
/// assert_eq!(matrix.columns().len(), 17);
/// // Outcome 8 (social protection) and its outputs name targets of goal 1.
/// assert!(matrix.get(&"pb-2022-23:8".parse()?, &"sdg:1".parse()?).unwrap_or(0) > 0);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Its serde form is `{"rows": [key, …], "columns": [key, …], "cells":
/// [[count, …], …]}`, one list of counts per row in column order;
/// [`format::coverage_csv`](crate::format::coverage_csv) writes it as CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoverageMatrix {
    rows: Vec<NodeKey>,
    columns: Vec<NodeKey>,
    cells: Vec<u32>,
}

impl CoverageMatrix {
    /// The row elements, in graph order.
    pub fn rows(&self) -> &[NodeKey] {
        &self.rows
    }

    /// The column elements, in graph order.
    pub fn columns(&self) -> &[NodeKey] {
        &self.columns
    }

    /// The count at row `row` and column `column` (positions from 0).
    pub fn at(&self, row: usize, column: usize) -> Option<u32> {
        (row < self.rows.len() && column < self.columns.len()).then(|| self.cells[row * self.columns.len() + column])
    }

    /// The count for a row and a column named by reference.
    pub fn get(&self, row: &crate::Ref, column: &crate::Ref) -> Option<u32> {
        let r = self.rows.iter().position(|k| k.reference() == Some(row))?;
        let c = self.columns.iter().position(|k| k.reference() == Some(column))?;
        self.at(r, c)
    }

    /// One row's counts, in column order.
    pub fn row(&self, row: usize) -> Option<&[u32]> {
        let width = self.columns.len();
        (row < self.rows.len()).then(|| &self.cells[row * width..(row + 1) * width])
    }
}

impl Serialize for CoverageMatrix {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Form<'m> {
            rows: &'m [NodeKey],
            columns: &'m [NodeKey],
            cells: Vec<&'m [u32]>,
        }
        Form {
            rows: &self.rows,
            columns: &self.columns,
            cells: (0..self.rows.len()).filter_map(|r| self.row(r)).collect(),
        }
        .serialize(serializer)
    }
}

impl FrameworkGraph {
    /// The coverage of `columns` elements by `rows` elements; see
    /// [`CoverageMatrix`] for what a count means.
    ///
    /// The cost is one search from each row member over what it reaches:
    /// for a framework's usual shape (rows whose members reach a few
    /// outputs, outcomes and goals) it grows with the graph, not with rows
    /// × columns; where every row reaches most of the graph (a chain of
    /// programmes each part of the next, one programme with thousands of
    /// indicators as rows) it grows with rows × the nodes each reaches.
    pub fn coverage(&self, rows: NodeKind, columns: NodeKind) -> CoverageMatrix {
        let row_nodes: Vec<NodeIndex> = self.graph.node_indices().filter(|&n| self.kind_of(n) == rows).collect();
        let column_nodes: Vec<NodeIndex> = self
            .graph
            .node_indices()
            .filter(|&n| self.kind_of(n) == columns)
            .collect();
        let column_of: HashMap<NodeIndex, usize> = column_nodes.iter().enumerate().map(|(i, &n)| (n, i)).collect();
        let width = column_nodes.len();
        let mut cells = vec![0u32; row_nodes.len() * width];
        let mut reached = HashSet::new();
        let mut queue = VecDeque::new();
        for (r, &row) in row_nodes.iter().enumerate() {
            let members = self.members(row);
            let mut closed: HashSet<NodeIndex> = members.iter().copied().collect();
            closed.extend(self.ancestors(row));
            for &member in &members {
                reached.clear();
                queue.clear();
                queue.push_back(member);
                while let Some(node) = queue.pop_front() {
                    for edge in self.graph.edges(node) {
                        let next = edge.target();
                        if is_reach(edge.weight().kind) && !closed.contains(&next) && reached.insert(next) {
                            queue.push_back(next);
                        }
                    }
                }
                for node in &reached {
                    if let Some(&c) = column_of.get(node) {
                        cells[r * width + c] += 1;
                    }
                }
            }
        }
        CoverageMatrix {
            rows: row_nodes.iter().map(|&n| self.graph[n].key.clone()).collect(),
            columns: column_nodes.iter().map(|&n| self.graph[n].key.clone()).collect(),
            cells,
        }
    }

    /// `node` and everything that is part of it, directly or not.
    pub(super) fn members(&self, node: NodeIndex) -> Vec<NodeIndex> {
        let mut members = vec![node];
        let mut seen = HashSet::from([node]);
        let mut i = 0;
        while let Some(&at) = members.get(i) {
            i += 1;
            // Only frameworks, outcomes and SDG goals and targets have parts;
            // other nodes' incoming links (contributions) are not walked.
            if !matches!(
                self.kind_of(at),
                NodeKind::Framework | NodeKind::Outcome | NodeKind::SdgGoal | NodeKind::SdgTarget
            ) {
                continue;
            }
            for edge in self.graph.edges_directed(at, Direction::Incoming) {
                if edge.weight().kind == LinkKind::PartOf && seen.insert(edge.source()) {
                    members.push(edge.source());
                }
            }
        }
        members
    }

    /// Everything `node` is part of, directly or not.
    pub(super) fn ancestors(&self, node: NodeIndex) -> HashSet<NodeIndex> {
        let mut ancestors: HashSet<NodeIndex> = HashSet::new();
        let mut frontier = vec![node];
        while let Some(at) = frontier.pop() {
            for edge in self.graph.edges(at) {
                // A programme may now be part of another, in chains of any
                // length: a set, not a list, keeps this linear in them.
                if edge.weight().kind == LinkKind::PartOf && edge.target() != node && ancestors.insert(edge.target()) {
                    frontier.push(edge.target());
                }
            }
        }
        ancestors
    }
}
