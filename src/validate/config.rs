//! Configuration: the level of each rule, from code or from a TOML file.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use super::{Rule, Severity};
use crate::{Error, LoadError};

/// What to do with a rule's findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Drop them.
    Allow,
    /// Report them as warnings.
    Warn,
    /// Report them as errors.
    Deny,
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        })
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

impl Config {
    /// The same configuration, with `rule` set to `level`.
    pub fn with(mut self, rule: Rule, level: Level) -> Self {
        self.levels.insert(rule, level);
        self
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
        let file: ConfigFile = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            LoadError::at_offset(origin, text, offset, e.message().trim_end())
        })?;
        let mut config = Config::default();
        for (code, level) in file.rules {
            config.set_code(&code, level)?;
        }
        Ok(config)
    }
}
