//! SDG codes: goals (`8`), targets (`8.7`, `8.b`) and indicators (`8.8.2`,
//! `8.b.1`), in the canonical form of the UN global indicator framework.

use std::fmt;
use std::str::FromStr;

use super::text::{serde_via_str, split_once_byte};
use super::{Expected, ParseError};

/// The number of Sustainable Development Goals.
pub const SDG_GOAL_COUNT: u8 = 17;

/// A Sustainable Development Goal, `1` to `17`.
///
/// ```
/// use ilo_frameworks::SdgGoal;
///
/// assert_eq!(SdgGoal::new(8)?.number(), 8);
/// assert!("18".parse::<SdgGoal>().is_err());
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SdgGoal(u8);

impl SdgGoal {
    /// Goal `number`.
    ///
    /// # Errors
    /// When `number` is not from 1 to 17.
    pub fn new(number: u8) -> Result<Self, ParseError> {
        if (1..=SDG_GOAL_COUNT).contains(&number) {
            Ok(SdgGoal(number))
        } else {
            Err(ParseError::new(
                Expected::SdgGoal,
                &number.to_string(),
                "there are 17 goals, numbered 1 to 17",
            ))
        }
    }

    /// The goal's number.
    pub fn number(self) -> u8 {
        self.0
    }

    /// All 17 goals in order.
    pub fn all() -> impl ExactSizeIterator<Item = SdgGoal> {
        (1..=SDG_GOAL_COUNT).map(SdgGoal)
    }
}

/// The second part of a target code: a number (`8.7`) for an outcome target
/// or a lower-case letter (`8.b`) for a means-of-implementation target.
///
/// Numbers order before letters, as in the UN list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TargetPart {
    /// An outcome target, `8.1` … `8.10`.
    Number(u8),
    /// A means-of-implementation target, `8.a`, `8.b`.
    Letter(char),
}

/// An SDG target: a goal, a dot, and a number or lower-case letter.
///
/// ```
/// use ilo_frameworks::{SdgTarget, TargetPart};
///
/// let t: SdgTarget = "8.b".parse()?;
/// assert_eq!(t.goal().number(), 8);
/// assert_eq!(t.part(), TargetPart::Letter('b'));
/// assert!("8.7".parse::<SdgTarget>()? < t);
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SdgTarget {
    goal: SdgGoal,
    part: TargetPart,
}

impl SdgTarget {
    /// The target `goal.part`.
    ///
    /// # Errors
    /// When a number part is 0 or above 99, or a letter is not `a` to `z`.
    pub fn new(goal: SdgGoal, part: TargetPart) -> Result<Self, ParseError> {
        let ok = match part {
            TargetPart::Number(n) => (1..=99).contains(&n),
            TargetPart::Letter(c) => c.is_ascii_lowercase(),
        };
        if ok {
            Ok(SdgTarget { goal, part })
        } else {
            let text = match part {
                TargetPart::Number(n) => format!("{goal}.{n}"),
                TargetPart::Letter(c) => format!("{goal}.{c}"),
            };
            Err(ParseError::new(
                Expected::SdgTarget,
                &text,
                "a target is numbered 1 to 99 or lettered a to z",
            ))
        }
    }

    /// The goal the target belongs to.
    pub fn goal(self) -> SdgGoal {
        self.goal
    }

    /// The number or letter after the dot.
    pub fn part(self) -> TargetPart {
        self.part
    }
}

/// An SDG indicator: a target, a dot and a number (`8.8.2`, `8.b.1`).
///
/// ```
/// use ilo_frameworks::SdgIndicator;
///
/// let i: SdgIndicator = "8.b.1".parse()?;
/// assert_eq!(i.target().to_string(), "8.b");
/// assert_eq!(i.number(), 1);
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SdgIndicator {
    target: SdgTarget,
    number: u8,
}

impl SdgIndicator {
    /// The indicator `target.number`.
    ///
    /// # Errors
    /// When `number` is 0 or above 99.
    pub fn new(target: SdgTarget, number: u8) -> Result<Self, ParseError> {
        if (1..=99).contains(&number) {
            Ok(SdgIndicator { target, number })
        } else {
            Err(ParseError::new(
                Expected::SdgIndicator,
                &format!("{target}.{number}"),
                "an indicator is numbered 1 to 99 within its target",
            ))
        }
    }

    /// The target the indicator measures.
    pub fn target(self) -> SdgTarget {
        self.target
    }

    /// The goal of the indicator's target.
    pub fn goal(self) -> SdgGoal {
        self.target.goal
    }

    /// The indicator's number within its target.
    pub fn number(self) -> u8 {
        self.number
    }
}

/// Any SDG code: a goal, a target or an indicator, told apart by the number
/// of dot-separated parts.
///
/// Goals order before their targets, and targets before their indicators.
///
/// ```
/// use ilo_frameworks::SdgCode;
///
/// let codes: Vec<SdgCode> = ["8", "8.7", "8.8.2"].iter().map(|s| s.parse()).collect::<Result<_, _>>()?;
/// assert!(matches!(codes[0], SdgCode::Goal(_)));
/// assert!(matches!(codes[1], SdgCode::Target(_)));
/// assert!(matches!(codes[2], SdgCode::Indicator(_)));
/// assert_eq!("1.A".parse::<SdgCode>().unwrap_err().problem(),
///            "the target letter must be lower case: write \"1.a\"");
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SdgCode {
    /// A goal, `8`.
    Goal(SdgGoal),
    /// A target, `8.7`.
    Target(SdgTarget),
    /// An indicator, `8.8.2`.
    Indicator(SdgIndicator),
}

impl SdgCode {
    /// The goal this code belongs to (itself, for a goal).
    pub fn goal(self) -> SdgGoal {
        match self {
            SdgCode::Goal(g) => g,
            SdgCode::Target(t) => t.goal(),
            SdgCode::Indicator(i) => i.goal(),
        }
    }

    /// The target this code belongs to, `None` for a goal.
    pub fn target(self) -> Option<SdgTarget> {
        match self {
            SdgCode::Goal(_) => None,
            SdgCode::Target(t) => Some(t),
            SdgCode::Indicator(i) => Some(i.target()),
        }
    }

    fn sort_key(self) -> (SdgGoal, Option<TargetPart>, u8) {
        match self {
            SdgCode::Goal(g) => (g, None, 0),
            SdgCode::Target(t) => (t.goal, Some(t.part), 0),
            SdgCode::Indicator(i) => (i.target.goal, Some(i.target.part), i.number),
        }
    }
}

impl PartialOrd for SdgCode {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SdgCode {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.sort_key().cmp(&other.sort_key())
    }
}

impl From<SdgGoal> for SdgCode {
    fn from(g: SdgGoal) -> Self {
        SdgCode::Goal(g)
    }
}

impl From<SdgTarget> for SdgCode {
    fn from(t: SdgTarget) -> Self {
        SdgCode::Target(t)
    }
}

impl From<SdgIndicator> for SdgCode {
    fn from(i: SdgIndicator) -> Self {
        SdgCode::Indicator(i)
    }
}

fn sdg_number(text: &str, max: u8) -> Option<u8> {
    if text.is_empty() || text.len() > 2 || text.starts_with('0') || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|n| (1..=max).contains(n))
}

fn parse_goal(s: &str, part: &str, expected: Expected) -> Result<SdgGoal, ParseError> {
    sdg_number(part, SDG_GOAL_COUNT).map(SdgGoal).ok_or_else(|| {
        ParseError::new(
            expected,
            s,
            format!("{part:?} is not a goal number (expected 1 to 17, without leading zero)"),
        )
    })
}

fn parse_target_part(s: &str, part: &str, expected: Expected) -> Result<TargetPart, ParseError> {
    if let Some(n) = sdg_number(part, 99) {
        return Ok(TargetPart::Number(n));
    }
    let mut chars = part.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_lowercase() => Ok(TargetPart::Letter(c)),
        (Some(c), None) if c.is_ascii_uppercase() => {
            let canonical = s.replacen(&format!(".{c}"), &format!(".{}", c.to_ascii_lowercase()), 1);
            Err(ParseError::new(
                expected,
                s,
                format!("the target letter must be lower case: write {canonical:?}"),
            ))
        }
        _ => Err(ParseError::new(
            expected,
            s,
            format!("{part:?} is not a target number or letter (expected 1 to 99 or a to z)"),
        )),
    }
}

fn parse_code(s: &str, expected: Expected) -> Result<SdgCode, ParseError> {
    if s.is_empty() {
        return Err(ParseError::new(expected, s, "it is empty"));
    }
    let (goal, rest) = split_once_byte(s, b'.').map_or((s, None), |(goal, rest)| (goal, Some(rest)));
    let goal = parse_goal(s, goal, expected)?;
    let Some(rest) = rest else {
        return Ok(SdgCode::Goal(goal));
    };
    let (part, indicator) = split_once_byte(rest, b'.').map_or((rest, None), |(part, rest)| (part, Some(rest)));
    if indicator.is_some_and(|indicator| indicator.contains('.')) {
        return Err(ParseError::new(
            expected,
            s,
            "it has more than three dot-separated parts (expected a goal \"8\", a target \"8.7\" or an indicator \"8.8.2\")",
        ));
    }
    let target = SdgTarget {
        goal,
        part: parse_target_part(s, part, expected)?,
    };
    let Some(indicator) = indicator else {
        return Ok(SdgCode::Target(target));
    };
    let number = sdg_number(indicator, 99).ok_or_else(|| {
        ParseError::new(
            expected,
            s,
            format!("{indicator:?} is not an indicator number (expected 1 to 99)"),
        )
    })?;
    Ok(SdgCode::Indicator(SdgIndicator { target, number }))
}

fn wrong_level(s: &str, expected: Expected, found: &str, example: &str) -> ParseError {
    ParseError::new(expected, s, format!("it is {found} code (expected {example})"))
}

impl FromStr for SdgCode {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        parse_code(s, Expected::SdgCode)
    }
}

impl FromStr for SdgGoal {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        match parse_code(s, Expected::SdgGoal)? {
            SdgCode::Goal(g) => Ok(g),
            SdgCode::Target(_) => Err(wrong_level(
                s,
                Expected::SdgGoal,
                "a target",
                "a number 1 to 17, such as \"8\"",
            )),
            SdgCode::Indicator(_) => Err(wrong_level(
                s,
                Expected::SdgGoal,
                "an indicator",
                "a number 1 to 17, such as \"8\"",
            )),
        }
    }
}

impl FromStr for SdgTarget {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        const EXAMPLE: &str = "a goal, a dot and a number or lower-case letter, such as \"8.7\" or \"8.b\"";
        match parse_code(s, Expected::SdgTarget)? {
            SdgCode::Target(t) => Ok(t),
            SdgCode::Goal(_) => Err(wrong_level(s, Expected::SdgTarget, "a goal", EXAMPLE)),
            SdgCode::Indicator(_) => Err(wrong_level(s, Expected::SdgTarget, "an indicator", EXAMPLE)),
        }
    }
}

impl FromStr for SdgIndicator {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        const EXAMPLE: &str = "a target, a dot and a number, such as \"8.8.2\"";
        match parse_code(s, Expected::SdgIndicator)? {
            SdgCode::Indicator(i) => Ok(i),
            SdgCode::Goal(_) => Err(wrong_level(s, Expected::SdgIndicator, "a goal", EXAMPLE)),
            SdgCode::Target(_) => Err(wrong_level(s, Expected::SdgIndicator, "a target", EXAMPLE)),
        }
    }
}

impl fmt::Display for SdgGoal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl fmt::Display for TargetPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetPart::Number(n) => write!(f, "{n}"),
            TargetPart::Letter(c) => write!(f, "{c}"),
        }
    }
}

impl fmt::Display for SdgTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.goal, self.part)
    }
}

impl fmt::Display for SdgIndicator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.target, self.number)
    }
}

impl fmt::Display for SdgCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SdgCode::Goal(g) => g.fmt(f),
            SdgCode::Target(t) => t.fmt(f),
            SdgCode::Indicator(i) => i.fmt(f),
        }
    }
}

serde_via_str!(SdgGoal, "SdgGoal", "An SDG goal, \"1\" to \"17\".", "^([1-9]|1[0-7])$");
serde_via_str!(
    SdgTarget,
    "SdgTarget",
    "An SDG target: a goal, a dot and a number or lower-case letter, such as \"8.7\" or \"8.b\".",
    "^([1-9]|1[0-7])\\.([1-9][0-9]?|[a-z])$"
);
serde_via_str!(
    SdgIndicator,
    "SdgIndicator",
    "An SDG indicator: a target, a dot and a number, such as \"8.8.2\" or \"8.b.1\".",
    "^([1-9]|1[0-7])\\.([1-9][0-9]?|[a-z])\\.[1-9][0-9]?$"
);
serde_via_str!(
    SdgCode,
    "SdgCode",
    "An SDG goal (\"8\"), target (\"8.7\", \"8.b\") or indicator (\"8.8.2\").",
    "^([1-9]|1[0-7])(\\.([1-9][0-9]?|[a-z])(\\.[1-9][0-9]?)?)?$"
);
