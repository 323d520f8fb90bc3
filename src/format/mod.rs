//! Reading and writing frameworks: TOML is the authored format, JSON the
//! exchange format, and a JSON Schema describes both.
//!
//! Every reader names the origin of its text (a file name, or anything that
//! helps a person find it) so that an error says where it happened.

mod error;
mod schema;
mod sources;
mod tables;

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use error::LoadError;
pub(crate) use error::line_column;
pub use schema::{framework_schema, report_schema};
pub use sources::{Location, SourceFile, SourceMap, Span};
pub use tables::field as csv_field;
pub use tables::{Table, table};

use crate::{Error, Framework, FrameworkSet, ProgressReport, StandardCatalogue};

/// A file format the crate reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// TOML, the format for files written by hand.
    Toml,
    /// JSON, the format for exchange with other tools.
    Json,
}

impl Format {
    /// The format a file's extension names: `.toml` or `.json`.
    pub fn from_path(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()? {
            "toml" => Some(Format::Toml),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Format::Toml => "TOML",
            Format::Json => "JSON",
        }
    }
}

/// One document read from a file: a framework or a progress report.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Document {
    /// A framework.
    Framework(Framework),
    /// A progress report.
    Report(ProgressReport),
}

impl Document {
    /// Reads a framework or a progress report from `text` in `format`,
    /// telling them apart by `kind = "progress-report"`.
    ///
    /// ```
    /// use ilo_frameworks::format::{Document, Format};
    ///
    /// let text = "id = \"r\"\nkind = \"progress-report\"\ntitle = \"R\"\ndate = \"2020\"\n";
    /// assert!(matches!(Document::read(text, Format::Toml, "r.toml")?, Document::Report(_)));
    /// # Ok::<(), ilo_frameworks::LoadError>(())
    /// ```
    ///
    /// # Errors
    /// A [`LoadError`] with the line and column of the first problem.
    pub fn read(text: &str, format: Format, origin: &str) -> Result<Document, LoadError> {
        if is_report(text, format) {
            read(text, format, origin).map(Document::Report)
        } else {
            read(text, format, origin).map(Document::Framework)
        }
    }
}

/// Whether `text` holds a progress report: its top-level `kind` is
/// `progress-report`. Text that does not parse is not one (the framework
/// reader then says what is wrong).
pub(crate) fn is_report(text: &str, format: Format) -> bool {
    /// The top-level `kind` alone; every other key is skipped unread.
    #[derive(serde::Deserialize)]
    struct Kind {
        kind: Option<String>,
    }
    let kind = match format {
        Format::Toml => toml::from_str::<Kind>(text).ok().and_then(|k| k.kind),
        Format::Json => serde_json::from_str::<Kind>(text).ok().and_then(|k| k.kind),
    };
    kind.as_deref() == Some("progress-report")
}

/// Reads a value of the model from `text` in `format`; `origin` names the
/// text in errors.
pub(crate) fn read<T: DeserializeOwned>(text: &str, format: Format, origin: &str) -> Result<T, LoadError> {
    match format {
        Format::Toml => toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |span| span.start);
            LoadError::at_offset(origin, text, offset, e.message().trim_end())
        }),
        Format::Json => serde_json::from_str(text).map_err(|e| {
            let message = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            let message = message.strip_suffix(&suffix).unwrap_or(&message);
            LoadError::new(origin, e.line(), e.column(), message)
        }),
    }
}

/// Writes a value of the model in `format`.
pub(crate) fn write<T: Serialize>(value: &T, format: Format) -> Result<String, Error> {
    let error = |message: String| Error::Write {
        format: format.name(),
        message,
    };
    match format {
        Format::Toml => toml::to_string_pretty(value).map_err(|e| error(e.to_string())),
        Format::Json => serde_json::to_string_pretty(value)
            .map(|mut s| {
                s.push('\n');
                s
            })
            .map_err(|e| error(e.to_string())),
    }
}

/// A file's format (from its name), text and name for messages.
fn read_path(path: &Path) -> Result<(Format, String, String), Error> {
    let format = Format::from_path(path).ok_or_else(|| Error::UnknownFormat { path: path.to_owned() })?;
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    Ok((format, text, path.display().to_string()))
}

fn read_file<T: DeserializeOwned>(path: &Path) -> Result<T, Error> {
    let (format, text, origin) = read_path(path)?;
    Ok(read(&text, format, &origin)?)
}

macro_rules! document_io {
    ($ty:ty, $what:literal) => {
        impl $ty {
            #[doc = concat!("Reads ", $what, " from TOML text; `origin` names the text in errors.")]
            ///
            /// # Errors
            /// A [`LoadError`] with the line and column of the first problem.
            pub fn from_toml_str(text: &str, origin: &str) -> Result<Self, LoadError> {
                read(text, Format::Toml, origin)
            }

            #[doc = concat!("Reads ", $what, " from JSON text; `origin` names the text in errors.")]
            ///
            /// # Errors
            /// A [`LoadError`] with the line and column of the first problem.
            pub fn from_json_str(text: &str, origin: &str) -> Result<Self, LoadError> {
                read(text, Format::Json, origin)
            }

            #[doc = concat!("Reads ", $what, " from a `.toml` or `.json` file.")]
            ///
            /// # Errors
            /// [`Error::Io`] when the file cannot be read,
            /// [`Error::UnknownFormat`] when its extension is neither, and
            /// [`Error::Load`] when its content does not fit the model.
            pub fn load(path: impl AsRef<Path>) -> Result<Self, Error> {
                read_file(path.as_ref())
            }

            #[doc = concat!("Writes ", $what, " as TOML.")]
            ///
            /// # Errors
            /// [`Error::Write`] when the TOML writer refuses a value.
            pub fn to_toml_string(&self) -> Result<String, Error> {
                write(self, Format::Toml)
            }

            #[doc = concat!("Writes ", $what, " as pretty-printed JSON.")]
            ///
            /// # Errors
            /// [`Error::Write`] when the JSON writer refuses a value.
            pub fn to_json_string(&self) -> Result<String, Error> {
                write(self, Format::Json)
            }
        }
    };
}

document_io!(Framework, "a framework");
document_io!(FrameworkSet, "a set of frameworks");
document_io!(StandardCatalogue, "a catalogue of labour standards");
document_io!(ProgressReport, "a progress report");
