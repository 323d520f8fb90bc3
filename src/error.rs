//! The crate's error type.

use std::path::PathBuf;

use crate::graph::NodeKey;
use crate::{FrameworkId, LoadError, ParseError};

/// Everything that can go wrong in the crate's operations.
///
/// Findings about a framework's consistency are not errors: the validation
/// layer reports them. An `Error` means an operation could not be done.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A code or identifier did not parse.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// A framework file could not be read into the model.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// A framework could not be written out.
    #[error("cannot write {format}: {message}")]
    Write {
        /// The format being written: `TOML` or `JSON`.
        format: &'static str,
        /// What the writer reported.
        message: String,
    },
    /// Two documents (frameworks or progress reports) of one set have the same id.
    #[error("the set already holds a framework or report with id {0}; give each document its own id")]
    DuplicateFramework(FrameworkId),
    /// A graph query named a node the graph does not have.
    #[error("the graph has no node {0}")]
    UnknownNode(NodeKey),
    /// An order was asked of a graph with a cycle.
    #[error("the graph has a cycle through {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))]
    Cycle(Vec<NodeKey>),
    /// A configuration names a rule code that no rule has.
    #[error("no rule has the code {0:?}; the codes are listed in docs/rules.md")]
    UnknownRule(String),
    /// A file could not be read.
    #[error("cannot read {}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system reported.
        #[source]
        source: std::io::Error,
    },
    /// A file's name does not say which format it is in.
    #[error("cannot tell the format of {}: name it *.toml or *.json", path.display())]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
}
