//! The error returned when a code, identifier or period does not parse.

use std::fmt;

/// What kind of value a [`ParseError`] was about.
///
/// Every identifier and time type of the crate has one; the name is what the
/// error message calls it ("output code", "quarter", ...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Expected {
    /// An [`OutcomeCode`](crate::OutcomeCode): `1`, `8`, `A`, `C`.
    OutcomeCode,
    /// An [`OutputCode`](crate::OutputCode): `7.1`, `C.4`.
    OutputCode,
    /// A [`DeliverableCode`](crate::DeliverableCode): `2.1`.
    DeliverableCode,
    /// A [`ProgrammeId`](crate::ProgrammeId): `IPEC+`, `OSH-GAP`.
    ProgrammeId,
    /// A [`FrameworkId`](crate::FrameworkId): `pb-2022-23`.
    FrameworkId,
    /// An [`ElementCode`](crate::ElementCode): the local part of a [`Ref`](crate::Ref).
    ElementCode,
    /// An [`SdgGoal`](crate::SdgGoal): `1` to `17`.
    SdgGoal,
    /// An [`SdgTarget`](crate::SdgTarget): `8.7`, `8.b`.
    SdgTarget,
    /// An [`SdgIndicator`](crate::SdgIndicator): `8.8.2`, `8.b.1`.
    SdgIndicator,
    /// An [`SdgCode`](crate::SdgCode): a goal, target or indicator.
    SdgCode,
    /// A [`StandardRef`](crate::StandardRef): `C087`, `R204`, `P029`.
    StandardRef,
    /// A [`Ref`](crate::Ref): `pb-2022-23:7.1`, `sdg:8.7`, `ils:C182`.
    Ref,
    /// A [`Quarter`](crate::Quarter): `2019Q3`.
    Quarter,
    /// A [`Biennium`](crate::Biennium): `2022-23`.
    Biennium,
    /// A [`Period`](crate::Period): `2022-01-01/2025-12-31`.
    Period,
    /// A [`PartialDate`](crate::PartialDate): `2015`, `2015-10`, `2015-10-01`.
    PartialDate,
    /// A [`QuarterRange`](crate::QuarterRange): `2017Q1..2018Q4`.
    QuarterRange,
    /// A [`Share`](crate::Share): a fraction from 0 to 1.
    Share,
    /// An [`Aggregation`](crate::Aggregation): `sum`, `distinct-count(country)`.
    Aggregation,
    /// An [`AsOf`](crate::progress::AsOf) date: `2019Q4` or `2019-12-31`.
    AsOf,
    /// A [`LinkKind`](crate::LinkKind): `contributes_to`, `part_of`.
    LinkKind,
    /// A [`NodeKind`](crate::graph::NodeKind): `output`, `sdg-target`.
    NodeKind,
    /// A [`NodeKey`](crate::graph::NodeKey): `pb-2022-23:7.1`,
    /// `pb-2022-23:7.1#indicator-1`, `partner:European Union`.
    NodeKey,
    /// A [`FrameworkKind`](crate::FrameworkKind): `programme-and-budget`.
    FrameworkKind,
    /// A [`ProgrammeKind`](crate::ProgrammeKind): `flagship`.
    ProgrammeKind,
    /// A [`Severity`](crate::validate::Severity): `error`, `warning`.
    Severity,
    /// A rule [`Level`](crate::validate::Level): `allow`, `warn`, `deny`.
    Level,
    /// A [`Rule`](crate::validate::Rule), by its code: `links/unknown-sdg-code`.
    Rule,
    /// A rule [`Family`](crate::validate::Family): `links`.
    Family,
    /// A file [`Format`](crate::Format): `toml`, `json`.
    Format,
    /// A [`Measure`](crate::Measure): `unit`, `percentage`.
    Measure,
    /// A [`Direction`](crate::Direction): `ascending`, `descending`.
    Direction,
    /// A [`DeliverableStatus`](crate::DeliverableStatus): `in-progress`.
    DeliverableStatus,
    /// A [`Region`](crate::Region): `arab_states`.
    Region,
}

impl Expected {
    /// Every kind of value, so that a message can be traced back to its kind
    /// (`Expected::index` fails to compile when a kind is missing here).
    pub(crate) const ALL: [Expected; 34] = [
        Expected::OutcomeCode,
        Expected::OutputCode,
        Expected::DeliverableCode,
        Expected::ProgrammeId,
        Expected::FrameworkId,
        Expected::ElementCode,
        Expected::SdgGoal,
        Expected::SdgTarget,
        Expected::SdgIndicator,
        Expected::SdgCode,
        Expected::StandardRef,
        Expected::Ref,
        Expected::Quarter,
        Expected::Biennium,
        Expected::Period,
        Expected::PartialDate,
        Expected::QuarterRange,
        Expected::Share,
        Expected::Aggregation,
        Expected::AsOf,
        Expected::LinkKind,
        Expected::NodeKind,
        Expected::NodeKey,
        Expected::FrameworkKind,
        Expected::ProgrammeKind,
        Expected::Severity,
        Expected::Level,
        Expected::Rule,
        Expected::Family,
        Expected::Format,
        Expected::Measure,
        Expected::Direction,
        Expected::DeliverableStatus,
        Expected::Region,
    ];

    /// The place of the kind in [`Expected::ALL`].
    #[cfg(test)]
    const fn index(self) -> usize {
        match self {
            Expected::OutcomeCode => 0,
            Expected::OutputCode => 1,
            Expected::DeliverableCode => 2,
            Expected::ProgrammeId => 3,
            Expected::FrameworkId => 4,
            Expected::ElementCode => 5,
            Expected::SdgGoal => 6,
            Expected::SdgTarget => 7,
            Expected::SdgIndicator => 8,
            Expected::SdgCode => 9,
            Expected::StandardRef => 10,
            Expected::Ref => 11,
            Expected::Quarter => 12,
            Expected::Biennium => 13,
            Expected::Period => 14,
            Expected::PartialDate => 15,
            Expected::QuarterRange => 16,
            Expected::Share => 17,
            Expected::Aggregation => 18,
            Expected::AsOf => 19,
            Expected::LinkKind => 20,
            Expected::NodeKind => 21,
            Expected::NodeKey => 22,
            Expected::FrameworkKind => 23,
            Expected::ProgrammeKind => 24,
            Expected::Severity => 25,
            Expected::Level => 26,
            Expected::Rule => 27,
            Expected::Family => 28,
            Expected::Format => 29,
            Expected::Measure => 30,
            Expected::Direction => 31,
            Expected::DeliverableStatus => 32,
            Expected::Region => 33,
        }
    }

    /// The name used in messages, such as `"output code"`.
    pub fn name(self) -> &'static str {
        match self {
            Expected::OutcomeCode => "outcome code",
            Expected::OutputCode => "output code",
            Expected::DeliverableCode => "deliverable code",
            Expected::ProgrammeId => "programme id",
            Expected::FrameworkId => "framework id",
            Expected::ElementCode => "element code",
            Expected::SdgGoal => "SDG goal",
            Expected::SdgTarget => "SDG target",
            Expected::SdgIndicator => "SDG indicator",
            Expected::SdgCode => "SDG code",
            Expected::StandardRef => "labour standard reference",
            Expected::Ref => "reference",
            Expected::Quarter => "quarter",
            Expected::Biennium => "biennium",
            Expected::Period => "period",
            Expected::PartialDate => "date",
            Expected::QuarterRange => "quarter range",
            Expected::Share => "share",
            Expected::Aggregation => "aggregation rule",
            Expected::AsOf => "date or quarter",
            Expected::LinkKind => "link kind",
            Expected::NodeKind => "node kind",
            Expected::NodeKey => "node key",
            Expected::FrameworkKind => "framework kind",
            Expected::ProgrammeKind => "programme kind",
            Expected::Severity => "severity",
            Expected::Level => "rule level",
            Expected::Rule => "rule code",
            Expected::Family => "rule family",
            Expected::Format => "file format",
            Expected::Measure => "measure",
            Expected::Direction => "direction",
            Expected::DeliverableStatus => "deliverable status",
            Expected::Region => "region",
        }
    }
}

impl Expected {
    /// The kind of value a [`ParseError`]'s message is about, read from its
    /// opening `invalid <name> "`; the longest name wins, so that a quarter
    /// range is not taken for a quarter.
    pub(crate) fn of_message(message: &str) -> Option<Expected> {
        let rest = message.strip_prefix("invalid ")?;
        Expected::ALL
            .into_iter()
            .filter(|e| {
                rest.strip_prefix(e.name())
                    .is_some_and(|after| after.starts_with(" \""))
            })
            .max_by_key(|e| e.name().len())
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A code, identifier or period that could not be parsed or built.
///
/// The message names the kind of value, quotes the input and says what was
/// wrong and what shape was expected:
///
/// ```
/// use ilo_frameworks::OutputCode;
///
/// let err = "7.x".parse::<OutputCode>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     r#"invalid output code "7.x": "x" is not an output number (expected an outcome code, a dot and a number from 1, such as "7.1" or "C.4")"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid {expected} {input:?}: {problem}")]
pub struct ParseError {
    expected: Expected,
    input: String,
    problem: String,
}

impl ParseError {
    /// Builds an error about `input`, which was meant to be an `expected`.
    pub(crate) fn new(expected: Expected, input: &str, problem: impl Into<String>) -> Self {
        ParseError {
            expected,
            input: input.to_owned(),
            problem: problem.into(),
        }
    }

    /// An error about `input`, which is none of the `names` an `expected`
    /// may have: `expected one of a, b, c`.
    pub(crate) fn one_of<N: fmt::Display>(expected: Expected, input: &str, names: impl IntoIterator<Item = N>) -> Self {
        let names: Vec<String> = names.into_iter().map(|n| n.to_string()).collect();
        ParseError::new(expected, input, format!("expected one of {}", names.join(", ")))
    }

    /// The value of `all` whose `name` is exactly `input`, or an error that
    /// lists every name: the `FromStr` of the crate's named enums.
    pub(crate) fn named<T: Copy>(
        expected: Expected,
        input: &str,
        all: &[T],
        name: impl Fn(T) -> &'static str,
    ) -> Result<T, Self> {
        all.iter()
            .copied()
            .find(|&value| name(value) == input)
            .ok_or_else(|| ParseError::one_of(expected, input, all.iter().map(|&value| name(value))))
    }

    /// What kind of value was being parsed.
    pub fn expected(&self) -> Expected {
        self.expected
    }

    /// The text that failed to parse.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// What was wrong with it, in a phrase.
    pub fn problem(&self) -> &str {
        &self.problem
    }
}

#[cfg(test)]
mod tests {
    use super::Expected;

    #[test]
    fn every_kind_is_listed_once_in_order() {
        for (i, expected) in Expected::ALL.into_iter().enumerate() {
            assert_eq!(expected.index(), i, "{expected}");
        }
    }

    #[test]
    fn a_message_names_its_kind() {
        for expected in Expected::ALL {
            let message = format!("invalid {} \"x\": wrong", expected.name());
            assert_eq!(Expected::of_message(&message), Some(expected), "{message}");
        }
        assert_eq!(Expected::of_message("invalid type: map"), None);
    }
}
