//! The crate's error type.

use std::fmt;
use std::path::PathBuf;

use crate::format::printable;
use crate::graph::NodeKey;
use crate::{FrameworkId, LoadError, ParseError};

/// The opening of [`Error::DuplicateFramework`]'s message, which the readers
/// recognise to point at the second document.
pub(crate) const DUPLICATE_ID: &str = "the set already holds a framework or report with id ";

/// Everything that can go wrong in the crate's operations.
///
/// Findings about a framework's consistency are not errors: the validation
/// layer reports them. An `Error` means an operation could not be done.
///
/// Its `Debug` form is its message (followed by the underlying error, for
/// [`Error::Io`]), so that a `main` returning `Result<_, Error>` prints ids as
/// they are written:
///
/// ```
/// use ilo_frameworks::{Error, Framework, FrameworkKind, FrameworkSet};
///
/// let f = Framework::new("youth-jobs".parse()?, FrameworkKind::Other, "Youth jobs");
/// let mut set = FrameworkSet::new();
/// set.insert(f.clone())?;
/// let e = set.insert(f).unwrap_err();
/// assert!(format!("{e:?}").contains("with id youth-jobs;"));
/// # Ok::<(), Error>(())
/// ```
#[derive(thiserror::Error)]
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
    #[error("{}{}; give each document its own id", DUPLICATE_ID, .0)]
    DuplicateFramework(FrameworkId),
    /// A graph query named a node the graph does not have.
    #[error("the graph has no node {}", printable(&.0.to_string()))]
    UnknownNode(NodeKey),
    /// An order was asked of a graph with a cycle.
    #[error("the graph has a cycle through {}", printable(&.0.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")))]
    Cycle(Vec<NodeKey>),
    /// A configuration names a rule code that no rule has.
    #[error(
        "no rule has the code \"{}\"; the codes are listed at https://docs.rs/ilo-frameworks/latest/ilo_frameworks/validate/rules/", printable(.0)
    )]
    UnknownRule(String),
    /// A file could not be read.
    #[error("cannot read {}", printable(&path.display().to_string()))]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system reported.
        #[source]
        source: std::io::Error,
    },
    /// A file's name does not say which format it is in.
    #[error("cannot tell the format of {}: name it *.toml or *.json", printable(&path.display().to_string()))]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
}

impl fmt::Debug for Error {
    /// The message, then each underlying error after a colon.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self}")?;
        let mut source = std::error::Error::source(self);
        while let Some(inner) = source {
            write!(f, ": {inner}")?;
            source = inner.source();
        }
        Ok(())
    }
}
