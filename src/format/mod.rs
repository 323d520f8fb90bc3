//! Reading and writing frameworks: TOML is the authored format, JSON the
//! exchange format, and a JSON Schema describes both.
//!
//! Every reader names the origin of its text (a file name, or anything that
//! helps a person find it) so that an error says where it happened.

mod csv;
mod error;
mod lines;
mod printable;
mod schema;
mod sources;
pub mod spec;
mod tables;

use std::path::Path;

use serde::Serialize;
use serde::de::DeserializeOwned;

pub use csv::coverage_csv;
pub use error::{LoadError, LoadErrorKind};
pub(crate) use lines::LineIndex;
pub(crate) use printable::is_unprintable;
pub use printable::{masked, printable};
pub use schema::{framework_schema, report_schema, set_schema};
pub use sources::{Location, SourceFile, SourceLines, SourceMap, Span};
pub use tables::field as csv_field;
pub use tables::{Table, table};

use crate::{Error, Framework, FrameworkSet, ProgressReport, StandardCatalogue};

/// A file format the crate reads and writes.
///
/// Named by its usual extension, which [`FromStr`](std::str::FromStr)
/// reads back:
///
/// ```
/// use ilo_frameworks::Format;
///
/// assert_eq!("json".parse::<Format>()?, Format::Json);
/// assert_eq!(Format::Toml.as_str(), "toml");
/// assert_eq!("yaml".parse::<Format>().unwrap_err().to_string(), r#"invalid file format "yaml": expected one of toml, json"#);
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// TOML, the format for files written by hand.
    Toml,
    /// JSON, the format for exchange with other tools.
    Json,
}

impl Format {
    /// Every format, in order.
    pub const ALL: &'static [Format] = &[Format::Toml, Format::Json];

    /// The name used on the command line and as the extension: `toml`, `json`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Toml => "toml",
            Format::Json => "json",
        }
    }

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

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Format {
    type Err = crate::ParseError;

    /// Reads what [`Format::as_str`] writes.
    fn from_str(text: &str) -> Result<Self, crate::ParseError> {
        crate::ParseError::named(crate::Expected::Format, text, Format::ALL, Format::as_str)
    }
}

/// One document read from a file: a framework, a progress report, or a
/// set of several.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Document {
    /// A framework.
    Framework(Framework),
    /// A progress report.
    Report(ProgressReport),
    /// Frameworks and reports together (`frameworks = [...]`, as
    /// `ilofw export --format json` writes them).
    Set(FrameworkSet),
}

/// What a file holds, told from its top-level keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Holds {
    Framework,
    Report,
    Set,
}

impl Document {
    /// Reads a framework, a progress report or a set from `text` in
    /// `format`: a report says `kind = "progress-report"`, a set has a
    /// top-level `frameworks` list, anything else is read as a framework.
    ///
    /// ```
    /// use ilo_frameworks::format::{Document, Format};
    ///
    /// let text = "id = \"r\"\nkind = \"progress-report\"\ntitle = \"R\"\ndate = \"2020\"\n";
    /// assert!(matches!(Document::read(text, Format::Toml, "r.toml")?, Document::Report(_)));
    /// assert!(matches!(Document::read("{\"frameworks\": []}", Format::Json, "s.json")?, Document::Set(_)));
    /// # Ok::<(), ilo_frameworks::LoadError>(())
    /// ```
    ///
    /// # Errors
    /// A [`LoadError`] with the line and column of the first problem.
    pub fn read(text: &str, format: Format, origin: &str) -> Result<Document, LoadError> {
        match holds(text, format) {
            Holds::Report => read(text, format, origin).map(Document::Report),
            Holds::Set => read(text, format, origin).map(Document::Set),
            Holds::Framework => read(text, format, origin).map(Document::Framework),
        }
    }
}

/// What `text` holds, from its first telling top-level key: `kind` (a
/// progress report says `progress-report`, a framework its own kind), or
/// `frameworks` or `reports` (a set). The keys before it are skipped
/// unread and those after it are not read at all, so that a large JSON
/// file is not parsed twice. Text that does not parse is taken for a
/// framework (the framework reader then says what is wrong).
pub(crate) fn holds(text: &str, format: Format) -> Holds {
    use std::cell::Cell;

    use serde::Deserializer as _;
    use serde::de::{IgnoredAny, MapAccess, Visitor};

    /// Records what the document holds as soon as a key tells, then stops
    /// the reader (with an error that is not reported).
    struct Telling<'a>(&'a Cell<Option<Holds>>);

    impl<'de> Visitor<'de> for Telling<'_> {
        type Value = ();

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a table of keys")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
            while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                let holds = match key.as_ref() {
                    "frameworks" | "reports" => Holds::Set,
                    "kind" => match map.next_value::<std::borrow::Cow<'de, str>>() {
                        Ok(kind) if kind == "progress-report" => Holds::Report,
                        _ => Holds::Framework,
                    },
                    _ => {
                        map.next_value::<IgnoredAny>()?;
                        continue;
                    }
                };
                self.0.set(Some(holds));
                return Err(serde::de::Error::custom("told"));
            }
            Ok(())
        }
    }

    let told = Cell::new(None);
    match format {
        Format::Toml => {
            if let Ok(document) = toml::de::Deserializer::parse(text) {
                let _ = document.deserialize_map(Telling(&told));
            }
        }
        Format::Json => {
            let _ = serde_json::Deserializer::from_str(text).deserialize_map(Telling(&told));
        }
    }
    told.get().unwrap_or(Holds::Framework)
}

/// Reads a value of the model from `text` in `format`; `origin` names the
/// text in errors.
///
/// The error says what kind of problem it is and where (never at line or
/// column 0), in the words of someone writing the format.
pub(crate) fn read<T: DeserializeOwned>(text: &str, format: Format, origin: &str) -> Result<T, LoadError> {
    match format {
        Format::Toml => {
            let document = toml::de::Deserializer::parse(text).map_err(|e| error::toml_syntax(origin, text, &e))?;
            T::deserialize(document).map_err(|e| error::toml_data(origin, text, &e))
        }
        Format::Json => serde_json::from_str(text).map_err(|e| error::json(origin, text, &e)),
    }
}

/// Writes a value of the model in `format`.
pub(crate) fn write<T: Serialize>(value: &T, format: Format) -> Result<String, Error> {
    let error = |message: String| Error::Write {
        format: format.name(),
        message,
    };
    match format {
        Format::Toml => {
            // `toml::to_string_pretty` moves the text after every table it
            // heads late, which is quadratic in a document of many tables
            // (15,000 projects took 25 s); the buffer's `Display` writes the
            // same text in one pass.
            let mut buffer = toml::ser::Buffer::new();
            value
                .serialize(toml::Serializer::pretty(&mut buffer))
                .map_err(|e| error(e.to_string()))?;
            Ok(buffer.to_string())
        }
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
