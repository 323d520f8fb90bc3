//! The catalogue of rules: stable codes, families, default severities.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::Severity;
use crate::id::{Expected, ParseError};

/// The family a rule belongs to, the part of its code before the slash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Family {
    /// Files that cannot be read into the model.
    Format,
    /// Identifiers, nesting, titles and provenance.
    Structure,
    /// References between elements and to the catalogues.
    Links,
    /// Periods, quarters and dates.
    Time,
    /// Counts, totals, shares and the claims of the sources.
    Numbers,
    /// Indicators' values and periods, and what progress reports say.
    Results,
    /// IATI activity files, as the importer reads them (feature `iati`).
    Iati,
}

impl Family {
    /// Every family, in the order of `docs/rules.md`.
    pub const ALL: &'static [Family] = &[
        Family::Format,
        Family::Structure,
        Family::Links,
        Family::Time,
        Family::Numbers,
        Family::Results,
        Family::Iati,
    ];

    /// `format`, `structure`, `links`, `time`, `numbers` or `results`.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Format => "format",
            Family::Structure => "structure",
            Family::Links => "links",
            Family::Time => "time",
            Family::Numbers => "numbers",
            Family::Results => "results",
            Family::Iati => "iati",
        }
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Family {
    type Err = ParseError;

    /// Reads what [`Family::as_str`] writes.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        ParseError::named(Expected::Family, text, Family::ALL, Family::as_str)
    }
}

macro_rules! rules {
    ($($variant:ident => ($family:ident, $name:literal, $severity:ident, $summary:literal),)*) => {
        /// One consistency rule. Its [`code`](Rule::code) is stable and
        /// documented in `docs/rules.md`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Rule {
            $(
                #[doc = $summary]
                $variant,
            )*
        }

        impl Rule {
            /// Every rule, family by family.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant,)*];

            /// The family of the rule.
            pub fn family(self) -> Family {
                match self {
                    $(Rule::$variant => Family::$family,)*
                }
            }

            /// The name within the family: `unknown-sdg-code`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Rule::$variant => $name,)*
                }
            }

            /// The severity when no configuration overrides it.
            pub fn default_severity(self) -> Severity {
                match self {
                    $(Rule::$variant => Severity::$severity,)*
                }
            }

            /// What the rule checks, in a sentence.
            pub fn summary(self) -> &'static str {
                match self {
                    $(Rule::$variant => $summary,)*
                }
            }
        }
    };
}

rules! {
    InvalidFile => (Format, "invalid-file", Error, "A file cannot be read into the model: bad syntax, an unknown key, a value of the wrong type or shape."),
    SdgCodeCase => (Format, "sdg-code-case", Error, "An SDG code in a file writes its target letter in upper case (`1.A`)."),
    DuplicateId => (Structure, "duplicate-id", Error, "Two elements of one framework have the same code, or two frameworks the same id."),
    DanglingReference => (Structure, "dangling-reference", Error, "A reference names a framework or element that does not exist."),
    OutputUnderWrongOutcome => (Structure, "output-under-wrong-outcome", Error, "An output's code names another outcome than the one it is listed under."),
    EnablingOutputUnderPolicyOutcome => (Structure, "enabling-output-under-policy-outcome", Error, "An enabling output is listed under a policy outcome, or a policy output under an enabling one."),
    OutcomeCodeScheme => (Structure, "outcome-code-scheme", Error, "An outcome of a Programme and Budget is coded neither by a number (policy) nor by a capital letter (enabling), as other frameworks may code theirs (`IA1`, `ARG155`)."),
    OutcomeWithoutOutputs => (Structure, "outcome-without-outputs", Warning, "An outcome of a Programme and Budget has no outputs."),
    CodeSequenceGap => (Structure, "code-sequence-gap", Warning, "Outcome or output numbers skip a number (1, 2, 4) or do not start at 1."),
    EmptyTitle => (Structure, "empty-title", Error, "A title, name or label is empty."),
    UntrimmedText => (Structure, "untrimmed-text", Warning, "A title, name or label has white space at either end or doubled inside."),
    ControlCharacter => (Structure, "control-character", Warning, "A title, name or label holds a control character or a bidirectional formatting character."),
    MissingProvenance => (Structure, "missing-provenance", Note, "An element does not say where in its source document it was read."),
    ActionLevelMismatch => (Structure, "action-level-mismatch", Warning, "A policy output lists biennium deliverables, or an enabling output lists country- or global-level actions."),
    DuplicateLink => (Structure, "duplicate-link", Warning, "An element lists the same SDG code, standard or contribution twice."),
    UnknownSdgCode => (Links, "unknown-sdg-code", Error, "An SDG code is not in the UN catalogue."),
    RetiredSdgIndicator => (Links, "retired-sdg-indicator", Warning, "An SDG indicator code was retired from the UN list."),
    UncataloguedStandard => (Links, "uncatalogued-standard", Note, "A labour standard is not in the built-in catalogue of the standards the sources cite."),
    Cycle => (Links, "cycle", Error, "Links lead from an element back to itself through other elements (a cycle of any kind of link)."),
    ProgrammeLinkedToNothing => (Links, "programme-linked-to-nothing", Warning, "A programme contributes to nothing, names no SDG code and cites no standard."),
    OutputWithoutContributor => (Links, "output-without-contributor", Note, "No programme or deliverable contributes to an output."),
    RedundantOutcomeLink => (Links, "redundant-outcome-link", Warning, "An element links both to an output and to that output's own outcome."),
    SelfLink => (Links, "self-link", Error, "An element links to itself."),
    LinkKindMismatch => (Links, "link-kind-mismatch", Error, "A link joins elements of kinds it cannot join (a programme contributing to a framework, a succession between a programme and an output)."),
    ReversedPeriod => (Time, "reversed-period", Error, "A period starts after it ends."),
    QuarterOutsidePlan => (Time, "quarter-outside-plan", Error, "A deliverable is scheduled in a quarter outside its plan's period."),
    EmptyTimeframe => (Time, "empty-timeframe", Warning, "A deliverable of a plan of action is scheduled in no quarter."),
    TimeframeWithHoles => (Time, "timeframe-with-holes", Warning, "A deliverable's quarters are not one unbroken run."),
    TargetDueOutsidePeriod => (Time, "target-due-outside-period", Warning, "A programme target is due outside the programme's period."),
    BienniumOutsidePlan => (Time, "biennium-outside-plan", Error, "A framework's biennium or period does not fall within the plan it carries out."),
    PeriodBienniumMismatch => (Time, "period-biennium-mismatch", Warning, "A framework's period and its biennium are not the same two years."),
    RegionalSumMismatch => (Numbers, "regional-sum-mismatch", Error, "The countries by region do not add up to the stated total."),
    ConflictingClaims => (Numbers, "conflicting-claims", Warning, "A source states one fact in two places with two values."),
    ClaimContradictsModel => (Numbers, "claim-contradicts-model", Warning, "A count or name the source states disagrees with what the framework holds."),
    SharesExceedWhole => (Numbers, "shares-exceed-whole", Error, "The shares of one element's links add up to more than 1."),
    NegativeQuantity => (Numbers, "negative-quantity", Error, "A target, baseline, quantity or amount is negative."),
    ActualOutsidePeriod => (Results, "actual-outside-period", Warning, "An actual is given for a period outside its indicator's period."),
    ValueKindMismatch => (Results, "value-kind-mismatch", Error, "A qualitative indicator has a number, or a quantitative indicator or target a text."),
    PercentageOutOfRange => (Results, "percentage-out-of-range", Error, "A value of a percentage indicator is outside 0 to 100."),
    TargetWrongSide => (Results, "target-wrong-side", Warning, "A target lies on the wrong side of the baseline for the indicator's direction."),
    UnknownObservedElement => (Results, "unknown-observed-element", Error, "A progress report observes an element, target or indicator that no loaded framework holds, or an element of the wrong kind."),
    ReportBeforeFramework => (Results, "report-before-framework", Warning, "A progress report is dated before a framework it reports on was issued."),
    DoneWithoutCompletion => (Results, "done-without-completion", Warning, "A report says a deliverable is done but gives no completion quarter."),
    CompletedAfterSchedule => (Results, "completed-after-schedule", Note, "A deliverable was completed after its last scheduled quarter."),
    CompletedAfterReport => (Results, "completed-after-report", Error, "A report gives a completion quarter that begins after the report's own date."),
    DoubleCount => (Results, "double-count", Note, "An element's indicator values reach one output or outcome along two or more paths whose shares add up to more than the whole (a diamond); roll-ups count them once."),
    IatiBadIdentifier => (Iati, "bad-identifier", Error, "An activity's `iati-identifier` is missing or cannot name a programme (it holds `;`, a control character or white space other than single inner spaces); the activity is left out."),
    IatiIdentifierSpaces => (Iati, "identifier-spaces", Warning, "An activity's `iati-identifier` starts or ends with white space (IATI rule 1.3.1); the identifier is read without it."),
    IatiIdentifierPrefix => (Iati, "identifier-prefix", Warning, "An activity's identifier does not start with its reporting organisation's identifier and a hyphen, or equals it (IATI rules 1.1.21 and 1.1.3)."),
    IatiIdentifierCharacters => (Iati, "identifier-characters", Warning, "An activity's identifier holds `/`, `&`, `|` or `?` (IATI rule 1.3.13)."),
    IatiDuplicateIdentifier => (Iati, "duplicate-identifier", Error, "Two activities have the same identifier, in one file or across the files read together; the later is left out."),
    IatiInvalidDate => (Iati, "invalid-date", Error, "A date is not written `YYYY-MM-DD` (or its year is outside 1900 to 2199); the date is left out."),
    IatiInvalidValue => (Iati, "invalid-value", Error, "A value is missing or unreadable: a percentage or amount that is not a finite number, or an indicator's baseline, target or actual without a value (a qualitative one without a value or comment); it is left out."),
    IatiUnknownCode => (Iati, "unknown-code", Warning, "A code is outside its IATI codelist (an organisation role, a date type, a relation, a transaction type); the element is left out."),
    IatiIncompleteElement => (Iati, "incomplete-element", Error, "An element lacks an attribute or part the standard requires (a code, type, role, ref, url or vocabulary; a period's start or end); it is left out (an indicator without a measure is read as a count)."),
    IatiDateOrder => (Iati, "date-order", Error, "A start date comes after its end date: the planned or actual dates of an activity, or a budget's or indicator's period (IATI rules 11.1.2, 11.1.3, 8.6.3)."),
    IatiDateInFuture => (Iati, "date-in-future", Error, "An actual date, a transaction date or the last-updated date lies after the day the import is told is today (IATI rules 11.1.1, 11.1.4, 11.1.5, 11.2.1, 11.2.2)."),
    IatiPercentageRange => (Iati, "percentage-range", Error, "A percentage of a sector, country or region is outside 0 to 100 (IATI rules 12.1.1, 12.3.1)."),
    IatiPercentageSum => (Iati, "percentage-sum", Error, "The percentages of an activity's sectors within one vocabulary, or of its recipient countries and regions, do not add up to 100 (IATI rules 2.1.2, 3.1.2)."),
    IatiOutsideActivity => (Iati, "outside-activity", Note, "A related activity is not among the activities read; the relation is kept as data, not as a link."),
    IatiReferenceLevel => (Iati, "reference-level", Warning, "A result gives a reference and so does one of its indicators: IATI asks for references at one level or the other."),
    IatiSeveralBaselines => (Iati, "several-baselines", Warning, "An indicator gives several baselines (by year, dimension or location); the first is its baseline and the others are left out."),
    IatiUnknownSdgCode => (Iati, "unknown-sdg-code", Error, "An SDG tag or sector code is no goal, target or indicator of the UN catalogue; it is left out."),
}

impl Rule {
    /// The stable code: `family/name`, such as `links/unknown-sdg-code`.
    pub fn code(self) -> String {
        format!("{}/{}", self.family().as_str(), self.name())
    }

    /// The rule with this code.
    pub fn from_code(code: &str) -> Option<Rule> {
        let (family, name) = code.split_once('/')?;
        Rule::ALL
            .iter()
            .copied()
            .find(|r| r.family().as_str() == family && r.name() == name)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.family().as_str(), self.name())
    }
}

impl FromStr for Rule {
    type Err = ParseError;

    /// Reads a rule's [`code`](Rule::code), as `Display` writes it.
    ///
    /// ```
    /// use ilo_frameworks::validate::Rule;
    ///
    /// assert_eq!("time/empty-timeframe".parse::<Rule>()?, Rule::EmptyTimeframe);
    /// let err = "links/no-such-rule".parse::<Rule>().unwrap_err().to_string();
    /// assert!(err.starts_with(r#"invalid rule code "links/no-such-rule": expected one of format/invalid-file, "#));
    /// # Ok::<(), ilo_frameworks::ParseError>(())
    /// ```
    fn from_str(text: &str) -> Result<Self, ParseError> {
        Rule::from_code(text).ok_or_else(|| ParseError::one_of(Expected::Rule, text, Rule::ALL))
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = std::borrow::Cow::<str>::deserialize(deserializer)?;
        code.parse().map_err(serde::de::Error::custom)
    }
}
