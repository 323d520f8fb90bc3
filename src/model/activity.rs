//! What an activity record of the IATI standard says about a project beyond
//! the fields every programme has: who reports it, where it happens, how it
//! is classified, how it relates to other activities.
//!
//! Codes from IATI's codelists (sector vocabularies, region codes, policy
//! markers) are kept as the publisher wrote them, as text: the crate reads
//! them, it does not second-guess a publisher's codelist version.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Code, Label, PartialDate};

/// The IATI details of a project read from an activity file.
///
/// ```
/// use ilo_frameworks::{Activity, Classification};
///
/// let mut activity = Activity::default();
/// activity.sectors.push(Classification::new("99", "IA1").with_percentage(40.0));
/// assert_eq!(activity.sectors[0].share(), Some(0.4));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(
    description = "What an IATI activity record says about a project beyond the fields every programme has: who reports it, where it happens, how it is classified, how it relates to other activities."
)]
pub struct Activity {
    /// The organisation that publishes the record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reporting_org: Option<Organisation>,
    /// The organisations taking part, with their roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organisations: Vec<Participant>,
    /// The planned and actual start and end dates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<ActivityDate>,
    /// Recipient countries: ISO 3166-1 alpha-2 codes, with percentages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<Classification>,
    /// Recipient regions, in their vocabularies, with percentages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<Classification>,
    /// Sectors, in their vocabularies, with percentages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sectors: Vec<Classification>,
    /// Tags, in their vocabularies.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Classification>,
    /// Policy markers, with their significance.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub policy_markers: Vec<PolicyMarker>,
    /// Whether the publisher marks the activity humanitarian.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub humanitarian: bool,
    /// The emergencies or appeals the activity responds to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub humanitarian_scopes: Vec<Classification>,
    /// Documents the record links to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentLink>,
    /// Related activities that are not links of the graph: siblings,
    /// co-funded and third-party activities, and parents or children that
    /// are not in the same file.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
    /// When the publisher last changed the record, as written
    /// (`2023-12-31T10:00:00`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_updated: Option<String>,
}

/// An organisation as a record names it: an identifier, a name, or both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Organisation {
    /// The organisation identifier (`XM-DAC-41121`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Code>,
    /// Its name, in the record's first language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Label>,
}

impl Organisation {
    /// The name, else the identifier, else `None`.
    pub fn label(&self) -> Option<&str> {
        self.name.as_deref().or(self.id.as_deref())
    }
}

/// An organisation taking part in an activity, in one role.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Participant {
    /// What it does in the activity.
    pub role: OrganisationRole,
    /// Who it is.
    #[serde(flatten)]
    pub organisation: Organisation,
}

/// The role of an organisation in an activity (IATI's OrganisationRole
/// codelist).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum OrganisationRole {
    /// 1: provides the money.
    Funding,
    /// 2: accountable for the use of the money.
    Accountable,
    /// 3: manages the money on behalf of the funder.
    Extending,
    /// 4: carries the activity out.
    Implementing,
}

impl OrganisationRole {
    /// Every role, in the codelist's order.
    pub const ALL: &'static [OrganisationRole] = &[
        OrganisationRole::Funding,
        OrganisationRole::Accountable,
        OrganisationRole::Extending,
        OrganisationRole::Implementing,
    ];

    /// The role of IATI code `1` to `4`.
    pub fn from_code(code: &str) -> Option<Self> {
        Some(match code.trim() {
            "1" => OrganisationRole::Funding,
            "2" => OrganisationRole::Accountable,
            "3" => OrganisationRole::Extending,
            "4" => OrganisationRole::Implementing,
            _ => return None,
        })
    }

    /// The name used in files: `funding`, `accountable`, `extending`,
    /// `implementing`.
    pub fn as_str(self) -> &'static str {
        match self {
            OrganisationRole::Funding => "funding",
            OrganisationRole::Accountable => "accountable",
            OrganisationRole::Extending => "extending",
            OrganisationRole::Implementing => "implementing",
        }
    }
}

impl fmt::Display for OrganisationRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which of an activity's four dates (IATI's ActivityDateType codelist).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DateKind {
    /// 1: when it is planned to start.
    PlannedStart,
    /// 2: when it started.
    ActualStart,
    /// 3: when it is planned to end.
    PlannedEnd,
    /// 4: when it ended.
    ActualEnd,
}

impl DateKind {
    /// The kind of IATI code `1` to `4`.
    pub fn from_code(code: &str) -> Option<Self> {
        Some(match code.trim() {
            "1" => DateKind::PlannedStart,
            "2" => DateKind::ActualStart,
            "3" => DateKind::PlannedEnd,
            "4" => DateKind::ActualEnd,
            _ => return None,
        })
    }

    /// Whether the date is an end.
    pub fn is_end(self) -> bool {
        matches!(self, DateKind::PlannedEnd | DateKind::ActualEnd)
    }

    /// Whether the date is an actual, not a planned, one.
    pub fn is_actual(self) -> bool {
        matches!(self, DateKind::ActualStart | DateKind::ActualEnd)
    }

    /// The name used in files: `planned-start`, `actual-end`, …
    pub fn as_str(self) -> &'static str {
        match self {
            DateKind::PlannedStart => "planned-start",
            DateKind::ActualStart => "actual-start",
            DateKind::PlannedEnd => "planned-end",
            DateKind::ActualEnd => "actual-end",
        }
    }
}

impl fmt::Display for DateKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One of an activity's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ActivityDate {
    /// Which date.
    pub kind: DateKind,
    /// The date.
    pub date: PartialDate,
}

impl ActivityDate {
    /// The date of `kind`.
    pub fn new(kind: DateKind, date: PartialDate) -> Self {
        ActivityDate { kind, date }
    }
}

/// A code in a vocabulary, with the percentage of the activity it covers
/// where one is given: a sector, a tag, a recipient country or region, a
/// humanitarian scope.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Classification {
    /// The vocabulary (`1` for DAC sectors, `2` for SDG goals, `99` for the
    /// publisher's own); absent for a recipient country, whose codes are
    /// ISO 3166-1 alpha-2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vocabulary: Option<Code>,
    /// The code within the vocabulary.
    pub code: Code,
    /// The name the record gives the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Label>,
    /// The percentage of the activity, from 0 to 100.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::finite::deserialize",
        serialize_with = "super::finite::serialize"
    )]
    pub percentage: Option<f64>,
}

impl Classification {
    /// `code` in `vocabulary`, with no name or percentage yet.
    pub fn new(vocabulary: impl Into<Code>, code: impl Into<Code>) -> Self {
        Classification {
            vocabulary: Some(vocabulary.into()),
            code: code.into(),
            name: None,
            percentage: None,
        }
    }

    /// A recipient country by its ISO 3166-1 alpha-2 code.
    pub fn country(code: impl Into<Code>) -> Self {
        Classification {
            vocabulary: None,
            code: code.into(),
            name: None,
            percentage: None,
        }
    }

    /// The same, covering `percentage` of the activity.
    #[must_use]
    pub fn with_percentage(mut self, percentage: f64) -> Self {
        self.percentage = Some(percentage);
        self
    }

    /// The percentage as a fraction from 0 to 1: the number nearest the
    /// percentage's decimal digits moved two places, so that `41.1` gives
    /// `0.411` and not `41.1 / 100` (`0.41100000000000003`).
    ///
    /// ```
    /// use ilo_frameworks::Classification;
    ///
    /// assert_eq!(Classification::new("99", "IA2").with_percentage(41.1).share(), Some(0.411));
    /// ```
    pub fn share(&self) -> Option<f64> {
        self.percentage.map(|p| format!("{p}e-2").parse().unwrap_or(p / 100.0))
    }

    /// The English short name of a recipient country's code, from the ISO
    /// 3166-1 list (`AR` → `Argentina`); `None` for any other code.
    ///
    /// ```
    /// use ilo_frameworks::Classification;
    ///
    /// assert_eq!(Classification::country("AR").country_name(), Some("Argentina"));
    /// assert_eq!(Classification::country("XX").country_name(), None);
    /// ```
    pub fn country_name(&self) -> Option<&'static str> {
        if self.vocabulary.is_some() || self.code.len() != 2 {
            return None;
        }
        celes::Country::from_alpha2(&self.code).ok().map(|c| c.long_name)
    }
}

/// A policy marker: a policy objective and how much the activity serves it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PolicyMarker {
    /// The vocabulary (`1` for the OECD DAC markers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vocabulary: Option<Code>,
    /// The marker (`1` gender equality, …).
    pub code: Code,
    /// The significance (`0` not targeted to `4` explicit primary objective).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub significance: Option<Code>,
}

/// A document a record links to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DocumentLink {
    /// Where it is.
    pub url: String,
    /// Its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its media type (`application/pdf`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Code>,
}

/// How another activity relates to this one (IATI's RelatedActivityType
/// codelist).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Relation {
    /// 1: the other activity is this one's parent.
    Parent,
    /// 2: the other activity is this one's child.
    Child,
    /// 3: the other activity shares a parent with this one.
    Sibling,
    /// 4: the other activity funds this one alongside.
    CoFunded,
    /// 5: the other activity is reported by a third party.
    ThirdParty,
}

impl Relation {
    /// Every relation, in the codelist's order.
    pub const ALL: &'static [Relation] = &[
        Relation::Parent,
        Relation::Child,
        Relation::Sibling,
        Relation::CoFunded,
        Relation::ThirdParty,
    ];

    /// The relation of IATI code `1` to `5`.
    pub fn from_code(code: &str) -> Option<Self> {
        Some(match code.trim() {
            "1" => Relation::Parent,
            "2" => Relation::Child,
            "3" => Relation::Sibling,
            "4" => Relation::CoFunded,
            "5" => Relation::ThirdParty,
            _ => return None,
        })
    }

    /// The name used in files: `parent`, `child`, `sibling`, `co-funded`,
    /// `third-party`.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Parent => "parent",
            Relation::Child => "child",
            Relation::Sibling => "sibling",
            Relation::CoFunded => "co-funded",
            Relation::ThirdParty => "third-party",
        }
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Another activity and how it relates to this one.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Related {
    /// How it relates.
    pub relation: Relation,
    /// Its IATI identifier, as published.
    pub id: String,
}

impl Related {
    /// The activity `id`, related by `relation`.
    pub fn new(relation: Relation, id: impl Into<String>) -> Self {
        Related {
            relation,
            id: id.into(),
        }
    }
}

/// The level of result an IATI result states (IATI's ResultType codelist).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ResultKind {
    /// 1: what the activity produces.
    Output,
    /// 2: the change it brings about.
    Outcome,
    /// 3: the longer-term change it contributes to.
    Impact,
    /// 9: any other result.
    Other,
}

impl ResultKind {
    /// The kind of IATI code `1`, `2`, `3` or `9`.
    pub fn from_code(code: &str) -> Option<Self> {
        Some(match code.trim() {
            "1" => ResultKind::Output,
            "2" => ResultKind::Outcome,
            "3" => ResultKind::Impact,
            "9" => ResultKind::Other,
            _ => return None,
        })
    }

    /// The name used in files: `output`, `outcome`, `impact`, `other`.
    pub fn as_str(self) -> &'static str {
        match self {
            ResultKind::Output => "output",
            ResultKind::Outcome => "outcome",
            ResultKind::Impact => "impact",
            ResultKind::Other => "other",
        }
    }
}

impl fmt::Display for ResultKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The IATI result an indicator was read under, and the references (to
/// other indicator lists) the result and the indicator give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ResultOf {
    /// Its level.
    pub kind: ResultKind,
    /// Its place among the activity's results, from 1.
    pub number: u32,
    /// Its title.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// References the result gives: a vocabulary and a code.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Classification>,
    /// References the indicator itself gives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicator_references: Vec<Classification>,
}

impl ResultOf {
    /// The `number`th result of an activity, of `kind`, titled `title`.
    pub fn new(kind: ResultKind, number: u32, title: impl Into<String>) -> Self {
        ResultOf {
            kind,
            number,
            title: title.into(),
            references: Vec::new(),
            indicator_references: Vec::new(),
        }
    }
}
