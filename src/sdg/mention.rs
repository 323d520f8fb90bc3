//! SDG codes as people write them: `SDG 8`, `Goal 8`, `target 8.7`,
//! `SDG indicator 8.b.1`, `8-7`, `1.A`.

use std::fmt;

use crate::id::{Expected, ParseError};
use crate::{SdgCode, SdgGoal, SdgIndicator, SdgTarget};

/// How a written mention departs from the canonical code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Deviation {
    /// The parts are joined by dashes (`8-7`, as in Open SDG keys).
    Dashes,
    /// A target letter is upper case (`1.A`, common in IATI files).
    UpperCaseLetter,
}

impl fmt::Display for Deviation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Deviation::Dashes => "parts joined by dashes",
            Deviation::UpperCaseLetter => "an upper-case target letter",
        })
    }
}

/// The level a prefix word names: `Goal`, `target`, `indicator`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Goal,
    Target,
    Indicator,
}

/// An SDG code read from the way people write it, with how the writing
/// departs from the canonical form.
///
/// ```
/// use ilo_frameworks::sdg::{Deviation, SdgMention};
///
/// let m = SdgMention::parse("SDG indicator 8.b.1")?;
/// assert_eq!(m.code.to_string(), "8.b.1");
/// assert!(m.is_canonical());
///
/// let m = SdgMention::parse("1.A")?;
/// assert_eq!(m.deviations, [Deviation::UpperCaseLetter]);
/// assert_eq!(m.hint().as_deref(), Some(r#"write "1.a""#));
///
/// assert_eq!(SdgMention::parse("Goal 8.7").unwrap_err().to_string(),
///            r#"invalid SDG code "Goal 8.7": "Goal" names a goal but "8.7" is a target (write "Goal 8" or "target 8.7")"#);
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct SdgMention {
    /// The code meant.
    pub code: SdgCode,
    /// How the text departs from the canonical code; empty when it does not.
    /// A prefix word (`SDG`, `Goal`, `target`) is not a departure.
    pub deviations: Vec<Deviation>,
}

impl SdgMention {
    /// Reads `text`: an optional `SDG`, then an optional level word (`Goal`,
    /// `target`, `indicator`, in any case), then the code with dots or dashes.
    ///
    /// # Errors
    /// When no SDG code can be read, or the level word does not match the
    /// code's level.
    pub fn parse(text: &str) -> Result<SdgMention, ParseError> {
        let error = |problem: String| ParseError::new(Expected::SdgCode, text, problem);
        let mut words = text.split_whitespace().peekable();
        if words
            .peek()
            .is_some_and(|w| w.eq_ignore_ascii_case("sdg") || w.eq_ignore_ascii_case("sdgs"))
        {
            words.next();
        }
        let mut level = None;
        let mut level_word = "";
        if let Some(&first) = words.peek() {
            level = [
                ("goal", Level::Goal),
                ("target", Level::Target),
                ("indicator", Level::Indicator),
            ]
            .into_iter()
            .find(|(word, _)| first.eq_ignore_ascii_case(word))
            .map(|(_, level)| level);
            if level.is_some() {
                level_word = first;
                words.next();
            }
        }
        let (Some(code), None) = (words.next(), words.next()) else {
            return Err(error(
                "expected a code such as \"8.7\", optionally after \"SDG\" and \"Goal\", \"target\" or \"indicator\""
                    .to_owned(),
            ));
        };
        // The code as written, copied only when it has to be mended.
        let mut deviations = Vec::new();
        let mut canonical = std::borrow::Cow::Borrowed(code);
        if code.contains('-') {
            if code.contains('.') {
                return Err(error(format!("{code:?} mixes dots and dashes")));
            }
            canonical = code.replace('-', ".").into();
            deviations.push(Deviation::Dashes);
        }
        let mut parts = canonical.split('.');
        let goal_len = parts.next().map_or(0, str::len);
        if let Some(letter) = parts
            .next()
            .filter(|p| p.len() == 1 && p.as_bytes()[0].is_ascii_uppercase())
        {
            let lower = letter.to_ascii_lowercase();
            let rest = canonical.get(goal_len + 2..).unwrap_or_default();
            canonical = format!("{}.{lower}{rest}", canonical.get(..goal_len).unwrap_or_default()).into();
            deviations.push(Deviation::UpperCaseLetter);
        }
        let parsed: SdgCode = canonical
            .parse()
            .map_err(|e: ParseError| error(e.problem().to_owned()))?;
        let matches = matches!(
            (level, parsed),
            (None, _)
                | (Some(Level::Goal), SdgCode::Goal(_))
                | (Some(Level::Target), SdgCode::Target(_))
                | (Some(Level::Indicator), SdgCode::Indicator(_))
        );
        if !matches {
            let (noun, suggestion) = match parsed {
                SdgCode::Goal(g) => ("a goal", format!("Goal {g}")),
                SdgCode::Target(t) => ("a target", format!("target {t}")),
                SdgCode::Indicator(i) => ("an indicator", format!("indicator {i}")),
            };
            let named = match level {
                Some(Level::Goal) => "a goal",
                Some(Level::Target) => "a target",
                _ => "an indicator",
            };
            let ancestor = match level {
                Some(Level::Goal) => Some(format!("Goal {}", parsed.goal())),
                Some(Level::Target) => parsed.target().map(|t| format!("target {t}")),
                _ => None,
            };
            let fix = match ancestor {
                Some(a) => format!("write {a:?} or {suggestion:?}"),
                None => format!("write {suggestion:?}"),
            };
            return Err(error(format!(
                "{level_word:?} names {named} but {canonical:?} is {noun} ({fix})"
            )));
        }
        Ok(SdgMention {
            code: parsed,
            deviations,
        })
    }

    /// Whether the code was written in its canonical form.
    pub fn is_canonical(&self) -> bool {
        self.deviations.is_empty()
    }

    /// How to write the code canonically, when it was not.
    pub fn hint(&self) -> Option<String> {
        (!self.is_canonical()).then(|| format!("write \"{}\"", self.code))
    }
}

/// Shortcuts for code types that are known to be one level.
impl SdgMention {
    /// The goal, when the mention is of a goal.
    pub fn goal(&self) -> Option<SdgGoal> {
        match self.code {
            SdgCode::Goal(g) => Some(g),
            _ => None,
        }
    }

    /// The target, when the mention is of a target.
    pub fn target(&self) -> Option<SdgTarget> {
        match self.code {
            SdgCode::Target(t) => Some(t),
            _ => None,
        }
    }

    /// The indicator, when the mention is of an indicator.
    pub fn indicator(&self) -> Option<SdgIndicator> {
        match self.code {
            SdgCode::Indicator(i) => Some(i),
            _ => None,
        }
    }
}
