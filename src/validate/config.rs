//! Configuration: the level of each rule, from code or from a TOML file.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{Rule, Severity};
use crate::Error;
use crate::id::{Expected, ParseError};

/// What to do with a rule's findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Level {
    /// Drop them.
    Allow,
    /// Report them as warnings.
    Warn,
    /// Report them as errors.
    Deny,
}

impl Level {
    /// Every level, in order.
    pub const ALL: &'static [Level] = &[Level::Allow, Level::Warn, Level::Deny];

    /// The name used in files and on the command line: `allow`, `warn`, `deny`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = ParseError;

    /// Reads what [`Level::as_str`] writes.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        ParseError::named(Expected::Level, text, Level::ALL, Level::as_str)
    }
}

/// How validation runs: the level of each rule whose default is overridden.
///
/// In a file:
///
/// ```toml
/// [rules]
/// "links/output-without-contributor" = "allow"
/// "time/empty-timeframe" = "deny"
/// ```
///
/// ```
/// use ilo_frameworks::validate::{Config, Level, Rule, Severity};
///
/// let config = Config::from_toml_str("[rules]\n\"time/empty-timeframe\" = \"deny\"\n", "lints.toml")?;
/// assert_eq!(config.severity(Rule::EmptyTimeframe), Some(Severity::Error));
/// let config = Config::default().with(Rule::OutputWithoutContributor, Level::Allow);
/// assert_eq!(config.severity(Rule::OutputWithoutContributor), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Its serde form is the file's: `{"rules": {"time/empty-timeframe": "deny"}}`,
/// codes in rule order; reading refuses a code no rule has.
///
/// ```
/// use ilo_frameworks::validate::{Config, Level, Rule};
///
/// let config = Config::default().with(Rule::EmptyTimeframe, Level::Deny);
/// assert_eq!(serde_json::to_string(&config)?, r#"{"rules":{"time/empty-timeframe":"deny"}}"#);
/// assert_eq!(serde_json::from_str::<Config>(r#"{"rules":{"time/empty-timeframe":"deny"}}"#)?, config);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    levels: BTreeMap<Rule, Level>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    rules: BTreeMap<String, Level>,
}

impl Serialize for Config {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Form<'c> {
            rules: &'c BTreeMap<Rule, Level>,
        }
        Form { rules: &self.levels }.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Config {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let file = ConfigFile::deserialize(deserializer)?;
        let mut config = Config::default();
        for (code, level) in file.rules {
            config.set_code(&code, level).map_err(serde::de::Error::custom)?;
        }
        Ok(config)
    }
}

impl Config {
    /// The same configuration, with `rule` set to `level`.
    pub fn with(mut self, rule: Rule, level: Level) -> Self {
        self.levels.insert(rule, level);
        self
    }

    /// The rules whose level is set, in rule order, with their levels.
    pub fn levels(&self) -> impl ExactSizeIterator<Item = (Rule, Level)> + '_ {
        self.levels.iter().map(|(&rule, &level)| (rule, level))
    }

    /// Sets `rule` to `level`.
    pub fn set(&mut self, rule: Rule, level: Level) {
        self.levels.insert(rule, level);
    }

    /// Sets the rule with this code to `level`.
    ///
    /// # Errors
    /// [`Error::UnknownRule`] when no rule has the code.
    pub fn set_code(&mut self, code: &str, level: Level) -> Result<(), Error> {
        let rule = Rule::from_code(code).ok_or_else(|| Error::UnknownRule(code.to_owned()))?;
        self.set(rule, level);
        Ok(())
    }

    /// The severity a rule's findings get, or `None` when they are dropped.
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        match self.levels.get(&rule) {
            None => Some(rule.default_severity()),
            Some(Level::Allow) => None,
            Some(Level::Warn) => Some(Severity::Warning),
            Some(Level::Deny) => Some(Severity::Error),
        }
    }

    /// Reads a configuration file's text; `origin` names it in errors.
    ///
    /// # Errors
    /// [`Error::Load`] when the text is not a configuration (with line and
    /// column), [`Error::UnknownRule`] when it names a code no rule has.
    pub fn from_toml_str(text: &str, origin: &str) -> Result<Config, Error> {
        let file: ConfigFile = crate::format::read(text, crate::Format::Toml, origin)?;
        let mut config = Config::default();
        for (code, level) in file.rules {
            config.set_code(&code, level)?;
        }
        Ok(config)
    }
}
