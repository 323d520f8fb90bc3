//! Programmes: flagships, global programmes and projects.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Activity, Indicator, Label, Link, Provenance};
use crate::id::{Expected, ParseError};
use crate::{Code, PartialDate, Period, ProgrammeId, Ref, SdgCode, StandardRef};

/// What kind of development-cooperation programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ProgrammeKind {
    /// One of the flagship programmes endorsed in 2015.
    Flagship,
    /// A global programme, such as those of 1998.
    GlobalProgramme,
    /// A single project.
    Project,
}

impl ProgrammeKind {
    /// Every kind, in order.
    pub const ALL: &'static [ProgrammeKind] = &[
        ProgrammeKind::Flagship,
        ProgrammeKind::GlobalProgramme,
        ProgrammeKind::Project,
    ];

    /// The name used in files: `flagship`, `global-programme`, `project`.
    pub fn as_str(self) -> &'static str {
        match self {
            ProgrammeKind::Flagship => "flagship",
            ProgrammeKind::GlobalProgramme => "global-programme",
            ProgrammeKind::Project => "project",
        }
    }
}

impl fmt::Display for ProgrammeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ProgrammeKind {
    type Err = ParseError;

    /// Reads what [`ProgrammeKind::as_str`] writes.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        ParseError::named(Expected::ProgrammeKind, text, ProgrammeKind::ALL, ProgrammeKind::as_str)
    }
}

/// The five ILO regions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Region {
    /// Africa.
    Africa,
    /// Arab States.
    ArabStates,
    /// Asia and the Pacific.
    AsiaPacific,
    /// Europe and Central Asia.
    EuropeCentralAsia,
    /// Latin America and the Caribbean.
    Americas,
}

impl Region {
    /// The five regions in the order of the documents' tables.
    pub const ALL: [Region; 5] = [
        Region::Africa,
        Region::ArabStates,
        Region::AsiaPacific,
        Region::EuropeCentralAsia,
        Region::Americas,
    ];

    /// The name used in files and table columns: `africa`, `arab_states`, …
    pub fn key(self) -> &'static str {
        match self {
            Region::Africa => "africa",
            Region::ArabStates => "arab_states",
            Region::AsiaPacific => "asia_pacific",
            Region::EuropeCentralAsia => "europe_central_asia",
            Region::Americas => "americas",
        }
    }

    /// The region's full name.
    pub fn name(self) -> &'static str {
        match self {
            Region::Africa => "Africa",
            Region::ArabStates => "Arab States",
            Region::AsiaPacific => "Asia and the Pacific",
            Region::EuropeCentralAsia => "Europe and Central Asia",
            Region::Americas => "Latin America and the Caribbean",
        }
    }
}

impl fmt::Display for Region {
    /// The key: `arab_states`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Region {
    type Err = ParseError;

    /// Reads what [`Region::key`] writes.
    fn from_str(text: &str) -> Result<Self, ParseError> {
        ParseError::named(Expected::Region, text, &Region::ALL, Region::key)
    }
}

/// How many countries a programme is active in, by ILO region and in total,
/// as a document states them (the total is stated, not computed, so that a
/// total which does not add up can be reported).
///
/// ```
/// use ilo_frameworks::{Coverage, Region};
///
/// let mut c = Coverage::new();
/// for (region, count) in Region::ALL.into_iter().zip([11, 3, 8, 4, 6]) {
///     c.set(region, Some(count));
/// }
/// c.total = Some(32);
/// assert_eq!(c.regional_sum(), Some(32));
/// assert_eq!(c.get(Region::Africa), Some(11));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(
    description = "How many countries a programme is active in, by ILO region and in total, as a document states them (the total is stated, not computed, so that a total which does not add up can be reported)."
)]
pub struct Coverage {
    /// Countries in Africa.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub africa: Option<u32>,
    /// Countries in the Arab States.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arab_states: Option<u32>,
    /// Countries in Asia and the Pacific.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asia_pacific: Option<u32>,
    /// Countries in Europe and Central Asia.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub europe_central_asia: Option<u32>,
    /// Countries in Latin America and the Caribbean.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub americas: Option<u32>,
    /// The total the document states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
    /// Where the figures are stated.
    #[serde(default, skip_serializing_if = "Provenance::is_unknown")]
    pub source: Provenance,
}

impl Coverage {
    /// No count stated yet.
    pub fn new() -> Self {
        Coverage::default()
    }

    /// States the count for `region`.
    pub fn set(&mut self, region: Region, count: Option<u32>) {
        let slot = match region {
            Region::Africa => &mut self.africa,
            Region::ArabStates => &mut self.arab_states,
            Region::AsiaPacific => &mut self.asia_pacific,
            Region::EuropeCentralAsia => &mut self.europe_central_asia,
            Region::Americas => &mut self.americas,
        };
        *slot = count;
    }

    /// The count stated for `region`.
    pub fn get(&self, region: Region) -> Option<u32> {
        match region {
            Region::Africa => self.africa,
            Region::ArabStates => self.arab_states,
            Region::AsiaPacific => self.asia_pacific,
            Region::EuropeCentralAsia => self.europe_central_asia,
            Region::Americas => self.americas,
        }
    }

    /// The sum of the regional counts, when all five are stated.
    pub fn regional_sum(&self) -> Option<u32> {
        Region::ALL
            .iter()
            .map(|r| self.get(*r))
            .try_fold(0u32, |sum, n| n.and_then(|n| sum.checked_add(n)))
    }
}

/// Who endorsed a programme, and when.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Endorsement {
    /// The body that endorsed it: `Governing Body`.
    pub by: String,
    /// When.
    pub date: PartialDate,
    /// Where this is stated.
    #[serde(default, skip_serializing_if = "Provenance::is_unknown")]
    pub source: Provenance,
}

impl Endorsement {
    /// An endorsement by `by` on `date`, its place in the source unknown.
    pub fn new(by: impl Into<String>, date: PartialDate) -> Self {
        Endorsement {
            by: by.into(),
            date,
            source: Provenance::default(),
        }
    }
}

/// A target a programme sets itself: a short label and, where stated, a
/// quantity, its unit and the date it is due.
///
/// ```
/// use ilo_frameworks::ProgrammeTarget;
///
/// let mut t = ProgrammeTarget::new("workers reached");
/// t.quantity = Some(8_000_000.0);
/// t.unit = Some("workers".into());
/// t.due = Some("2022".parse()?);
/// assert_eq!(t.due.map(|d| d.year()), Some(2022));
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(
    description = "A target a programme sets itself: a short label and, where stated, a quantity, its unit and the date it is due."
)]
pub struct ProgrammeTarget {
    /// What is aimed at, in a short phrase.
    pub label: Label,
    /// How many: a finite number (files cannot hold `nan` or infinities).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::finite::deserialize",
        serialize_with = "super::finite::serialize"
    )]
    pub quantity: Option<f64>,
    /// Of what: `workers`, `countries`, `%`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Label>,
    /// By when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<PartialDate>,
    /// Where it is stated.
    #[serde(default, skip_serializing_if = "Provenance::is_unknown")]
    pub source: Provenance,
}

impl ProgrammeTarget {
    /// A target described by `label`, with nothing else known yet.
    pub fn new(label: impl Into<Label>) -> Self {
        ProgrammeTarget {
            label: label.into(),
            ..ProgrammeTarget::default()
        }
    }
}

/// Money given to a programme: who gave it, how much, in what currency,
/// for which period.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Funding {
    /// The donor: a country, organization or company.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub donor: Option<Label>,
    /// The amount, in units of `currency`: a finite number.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "super::finite::deserialize",
        serialize_with = "super::finite::serialize"
    )]
    pub amount: Option<f64>,
    /// The ISO 4217 currency code: `USD`, `CHF`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<Code>,
    /// The period the funding covers, when given as dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The length of the funding in years, when given only as a duration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<u32>,
    /// What the money is for, in a short phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    /// Whether the money is a budget or which kind of transaction it is;
    /// absent for funding a document states in prose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<FundingKind>,
    /// The date at which the amount is valued in its currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_date: Option<PartialDate>,
    /// Where it is stated.
    #[serde(default, skip_serializing_if = "Provenance::is_unknown")]
    pub source: Provenance,
}

/// What a funding entry records: a budget, or a transaction of one of
/// IATI's transaction types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FundingKind {
    /// Money planned for a period.
    Budget,
    /// Transaction type 1: funds received.
    IncomingFunds,
    /// 2: a firm commitment to spend.
    OutgoingCommitment,
    /// 3: money passed to another organisation.
    Disbursement,
    /// 4: money spent directly.
    Expenditure,
    /// 5: interest paid on a loan.
    InterestPayment,
    /// 6: a loan repaid.
    LoanRepayment,
    /// 7: a reimbursement.
    Reimbursement,
    /// 8: equity bought.
    PurchaseOfEquity,
    /// 9: equity sold.
    SaleOfEquity,
    /// 10: a credit guarantee.
    CreditGuarantee,
    /// 11: a commitment received.
    IncomingCommitment,
    /// 12: a pledge made.
    OutgoingPledge,
    /// 13: a pledge received.
    IncomingPledge,
}

impl FundingKind {
    /// The transaction kind of IATI's TransactionType code `1` to `13`.
    ///
    /// ```
    /// use ilo_frameworks::FundingKind;
    ///
    /// assert_eq!(FundingKind::from_transaction_code("3"), Some(FundingKind::Disbursement));
    /// assert_eq!(FundingKind::from_transaction_code("14"), None);
    /// ```
    pub fn from_transaction_code(code: &str) -> Option<Self> {
        use FundingKind as K;
        Some(match code.trim() {
            "1" => K::IncomingFunds,
            "2" => K::OutgoingCommitment,
            "3" => K::Disbursement,
            "4" => K::Expenditure,
            "5" => K::InterestPayment,
            "6" => K::LoanRepayment,
            "7" => K::Reimbursement,
            "8" => K::PurchaseOfEquity,
            "9" => K::SaleOfEquity,
            "10" => K::CreditGuarantee,
            "11" => K::IncomingCommitment,
            "12" => K::OutgoingPledge,
            "13" => K::IncomingPledge,
            _ => return None,
        })
    }
}

/// A development-cooperation programme or project and what it is linked to.
///
/// ```
/// use ilo_frameworks::{Programme, ProgrammeKind};
///
/// let mut p = Programme::new("IPEC+".parse()?, ProgrammeKind::Flagship,
///     "International Programme on the Elimination of Child Labour and Forced Labour");
/// p.sdg.push("8.7".parse()?);
/// p.contributes_to.push("pb-2022-23:7.1".parse()?);
/// assert_eq!(p.contributes_to[0].target().to_string(), "pb-2022-23:7.1");
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(description = "A development-cooperation programme or project and what it is linked to.")]
pub struct Programme {
    /// The programme's identifier.
    pub id: ProgrammeId,
    /// Flagship, global programme or project.
    pub kind: ProgrammeKind,
    /// The acronym as the document prints it, where it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
    /// The full name, exactly as the document gives it.
    pub name: Label,
    /// Its state when the document was written, in a short phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// When it started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub launched: Option<PartialDate>,
    /// When it is planned to start, where it had not yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_launch: Option<PartialDate>,
    /// The period it runs over.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Who endorsed it.
    // Boxed, as `succeeds` is: few programmes have either, and a set may
    // hold a million programmes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endorsement: Option<Box<Endorsement>>,
    /// The unit or department that hosts it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host: Option<String>,
    /// Whether the document holds it up as the model for the others (as the
    /// 1998 paper does IPEC).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reference_model: bool,
    /// Countries by region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<Coverage>,
    /// Its targets.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub targets: Vec<ProgrammeTarget>,
    /// Indicators of its results, as IATI activities report them.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub indicators: Vec<Indicator>,
    /// Development partners named as examples.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub partners: Vec<Label>,
    /// Multi-stakeholder initiatives it supports or belongs to.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub initiatives: Vec<Label>,
    /// Ways partners can engage with it.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub modalities: Vec<String>,
    /// Money given to it.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub funding: Vec<Funding>,
    /// SDG goals, targets and indicators the document names for it.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub sdg: Vec<SdgCode>,
    /// Labour standards it promotes.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub standards: Vec<StandardRef>,
    /// Outputs or outcomes it contributes to.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub contributes_to: Vec<Link>,
    /// The programme it follows on from, where the documents say so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub succeeds: Option<Box<Ref>>,
    /// What an IATI activity record says beyond the fields above.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<Box<Activity>>,
    /// Where it is stated.
    #[serde(default, skip_serializing_if = "Provenance::is_unknown")]
    pub source: Provenance,
}

impl Programme {
    /// A programme with an id, a kind and a name and nothing else yet.
    pub fn new(id: ProgrammeId, kind: ProgrammeKind, name: impl Into<Label>) -> Self {
        Programme {
            id,
            kind,
            acronym: None,
            name: name.into(),
            status: None,
            launched: None,
            planned_launch: None,
            period: None,
            endorsement: None,
            host: None,
            reference_model: false,
            coverage: None,
            targets: Vec::new(),
            indicators: Vec::new(),
            partners: Vec::new(),
            initiatives: Vec::new(),
            modalities: Vec::new(),
            funding: Vec::new(),
            sdg: Vec::new(),
            standards: Vec::new(),
            contributes_to: Vec::new(),
            succeeds: None,
            activity: None,
            source: Provenance::default(),
        }
    }
}

impl<'a> From<&'a Programme> for super::Element<'a> {
    fn from(programme: &'a Programme) -> Self {
        super::Element::Programme(programme)
    }
}
