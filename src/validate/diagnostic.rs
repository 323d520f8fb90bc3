//! Findings: severity, code, message, subjects, place and help.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::Rule;
use crate::format::{Location, Span, printable};
use crate::id::{Expected, ParseError};
use crate::{FrameworkId, Ref};

/// How much a finding matters. Ordered: help < note < warning < error.
///
/// ```
/// use ilo_frameworks::validate::Severity;
///
/// assert_eq!("warning".parse::<Severity>()?, Severity::Warning);
/// assert!(Severity::Error > Severity::Warning);
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// A suggestion.
    Help,
    /// Worth knowing; nothing is wrong.
    Note,
    /// Probably wrong, or incomplete in the source.
    Warning,
    /// Wrong: the framework does not hold together.
    Error,
}

impl Severity {
    /// Every severity, from the least to the most.
    pub const ALL: &'static [Severity] = &[Severity::Help, Severity::Note, Severity::Warning, Severity::Error];

    /// `help`, `note`, `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Help => "help",
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = ParseError;

    /// Reads what [`Severity::as_str`] writes.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        ParseError::named(Expected::Severity, text, Severity::ALL, Severity::as_str)
    }
}

/// One finding of the validation layer.
///
/// The message is one line that makes sense on its own; `help` says how to
/// fix it; `notes` add what the sources say where a finding rests on them.
///
/// Its serde form is one object of a report's `diagnostics` in
/// [`Report::to_json`](super::Report::to_json): `code`, `severity`,
/// `message`, `subjects`, `location`, `span`, `help`, `notes`. Reading it
/// back gives the same finding; keys it does not know are ignored, and
/// `subjects`, `location`, `span`, `help` and `notes` may be left out.
///
/// New fields may be added: build one with [`Diagnostic::new`] and the
/// `with_…` and `at` methods, or by assigning its fields.
///
/// ```
/// use ilo_frameworks::validate::{Diagnostic, Rule, Severity};
///
/// let d = Diagnostic::new(Rule::UnknownSdgCode, Severity::Error, "mine:1 names SDG 8.99, which is not in the UN catalogue")
///     .with_subject("mine:1".parse()?)
///     .with_help("use a code of the UN list");
/// let json = serde_json::to_string(&d)?;
/// assert_eq!(serde_json::from_str::<Diagnostic>(&json)?, d);
/// assert_eq!(d.to_string(), "error[links/unknown-sdg-code]: mine:1 names SDG 8.99, which is not in the UN catalogue");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The rule that found it; its code is stable.
    #[serde(rename = "code")]
    pub rule: Rule,
    /// Its severity, after configuration.
    pub severity: Severity,
    /// What is wrong, in one line.
    pub message: String,
    /// The elements concerned.
    #[serde(default)]
    pub subjects: Vec<Ref>,
    /// Where in the model the finding is.
    #[serde(default, with = "location_form")]
    pub location: Option<Location>,
    /// Where in a file, when the element was read from one.
    #[serde(default)]
    pub span: Option<Span>,
    /// How to fix it.
    #[serde(default)]
    pub help: String,
    /// Further facts, such as each source's value for a conflicting claim.
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Diagnostic {
    /// A finding of `rule` with `severity` and `message`, about nothing in
    /// particular yet and with no help.
    pub fn new(rule: Rule, severity: Severity, message: impl Into<String>) -> Self {
        Diagnostic {
            rule,
            severity,
            message: message.into(),
            subjects: Vec::new(),
            location: None,
            span: None,
            help: String::new(),
            notes: Vec::new(),
        }
    }

    /// The same finding, about one more element.
    #[must_use]
    pub fn with_subject(mut self, subject: Ref) -> Self {
        self.subjects.push(subject);
        self
    }

    /// The same finding, with this help.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = help.into();
        self
    }

    /// The same finding, with one more note.
    #[must_use]
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// The same finding, at this place in the model.
    #[must_use]
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// The same finding, at this place in a file.
    #[must_use]
    pub fn with_span(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// The stable code of the rule: `links/unknown-sdg-code`.
    pub fn code(&self) -> String {
        self.rule.code()
    }
}

impl fmt::Display for Diagnostic {
    /// `error[links/unknown-sdg-code]: message` with ` at file:line:column`
    /// when the place is known; control characters from the files are
    /// escaped (see [`printable`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]: {}", self.severity, self.rule, printable(&self.message))?;
        if let Some(span) = &self.span {
            write!(f, " (at {}:{}:{})", printable(&span.file), span.line, span.column)?;
        }
        Ok(())
    }
}

/// The serde form of a [`Location`]: an object with one key naming the
/// kind of place, `{"element": "pb-2022-23:7.1"}`,
/// `{"item": {"of": "pb-2022-23:7.1", "field": "sdg", "index": 0}}`.
mod location_form {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use super::{FrameworkId, Location, Ref};

    #[derive(Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Form {
        Framework(FrameworkId),
        Element(Ref),
        Field { of: Ref, field: String },
        Item { of: Ref, field: String, index: usize },
        Link { framework: FrameworkId, index: usize },
        Claim { framework: FrameworkId, index: usize },
        Repeat { of: Ref, index: usize },
    }

    impl From<&Location> for Form {
        fn from(location: &Location) -> Self {
            match location.clone() {
                Location::Framework(id) => Form::Framework(id),
                Location::Element(of) => Form::Element(of),
                Location::Field(of, field) => Form::Field { of, field },
                Location::Item(of, field, index) => Form::Item { of, field, index },
                Location::Link(framework, index) => Form::Link { framework, index },
                Location::Claim(framework, index) => Form::Claim { framework, index },
                Location::Repeat(of, index) => Form::Repeat { of, index },
            }
        }
    }

    impl From<Form> for Location {
        fn from(form: Form) -> Self {
            match form {
                Form::Framework(id) => Location::Framework(id),
                Form::Element(of) => Location::Element(of),
                Form::Field { of, field } => Location::Field(of, field),
                Form::Item { of, field, index } => Location::Item(of, field, index),
                Form::Link { framework, index } => Location::Link(framework, index),
                Form::Claim { framework, index } => Location::Claim(framework, index),
                Form::Repeat { of, index } => Location::Repeat(of, index),
            }
        }
    }

    pub(super) fn serialize<S: Serializer>(location: &Option<Location>, serializer: S) -> Result<S::Ok, S::Error> {
        location.as_ref().map(Form::from).serialize(serializer)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Location>, D::Error> {
        Ok(Option::<Form>::deserialize(deserializer)?.map(Location::from))
    }
}
