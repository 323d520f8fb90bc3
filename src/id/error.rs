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
}

impl Expected {
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
        }
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
