//! Frameworks: one document of record and its elements.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Claim, Deliverable, Element, Indicator, Outcome, Output, Programme, Provenance, StatedLink};
use crate::id::{Expected, ParseError};
use crate::{
    Biennium, DeliverableCode, ElementCode, FrameworkId, OutcomeCode, OutputCode, PartialDate, Period, ProgrammeId, Ref,
};

/// What kind of document a framework is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FrameworkKind {
    /// A strategic plan over several years.
    StrategicPlan,
    /// A biennial Programme and Budget (or its preview): outcomes and outputs.
    ProgrammeAndBudget,
    /// A set of programmes, such as the flagship programmes.
    ProgrammeSet,
    /// A plan or programme of action: deliverables with timeframes.
    PlanOfAction,
    /// Any other results framework.
    Other,
}

impl FrameworkKind {
    /// Every kind, in order.
    pub const ALL: &'static [FrameworkKind] = &[
        FrameworkKind::StrategicPlan,
        FrameworkKind::ProgrammeAndBudget,
        FrameworkKind::ProgrammeSet,
        FrameworkKind::PlanOfAction,
        FrameworkKind::Other,
    ];

    /// The name used in files: `programme-and-budget`, …
    pub fn as_str(self) -> &'static str {
        match self {
            FrameworkKind::StrategicPlan => "strategic-plan",
            FrameworkKind::ProgrammeAndBudget => "programme-and-budget",
            FrameworkKind::ProgrammeSet => "programme-set",
            FrameworkKind::PlanOfAction => "plan-of-action",
            FrameworkKind::Other => "other",
        }
    }
}

impl fmt::Display for FrameworkKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for FrameworkKind {
    type Err = ParseError;

    /// Reads what [`FrameworkKind::as_str`] writes.
    ///
    /// ```
    /// use ilo_frameworks::FrameworkKind;
    ///
    /// assert_eq!("plan-of-action".parse::<FrameworkKind>()?, FrameworkKind::PlanOfAction);
    /// assert_eq!(
    ///     "budget".parse::<FrameworkKind>().unwrap_err().to_string(),
    ///     r#"invalid framework kind "budget": expected one of strategic-plan, programme-and-budget, programme-set, plan-of-action, other"#
    /// );
    /// # Ok::<(), ilo_frameworks::ParseError>(())
    /// ```
    fn from_str(text: &str) -> Result<Self, ParseError> {
        ParseError::named(Expected::FrameworkKind, text, FrameworkKind::ALL, FrameworkKind::as_str)
    }
}

/// The larger plan a framework carries out, such as the Strategic Plan
/// 2022–25 for the Programme and Budget 2022–23.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Plan {
    /// The plan's title: `Strategic Plan 2022–25`.
    pub title: String,
    /// The years it covers.
    pub period: Period,
}

impl Plan {
    /// The plan titled `title`, over `period`.
    pub fn new(title: impl Into<String>, period: Period) -> Self {
        Plan {
            title: title.into(),
            period,
        }
    }
}

/// One document of record and its elements: outcomes with their outputs,
/// programmes, deliverables, the links it states between elements of
/// other documents, and the claims it makes twice.
///
/// ```
/// use ilo_frameworks::{Framework, FrameworkKind, Outcome};
///
/// let mut pb = Framework::new("pb-2022-23".parse()?, FrameworkKind::ProgrammeAndBudget,
///                             "Preview of the Programme and Budget proposals for 2022–23");
/// pb.symbol = Some("GB.340/PFA/2".into());
/// pb.biennium = Some("2022-23".parse()?);
/// pb.outcomes.push(Outcome::new("7".parse()?, "Adequate and effective protection at work for all"));
/// assert!(pb.outcome("7".parse()?).is_some());
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(
    description = "One document of record and its elements: outcomes with their outputs, programmes, deliverables, the links it states between elements of other documents, and the claims it makes twice."
)]
pub struct Framework {
    /// The framework's identifier, the namespace of references to its elements.
    pub id: FrameworkId,
    /// What kind of document it is.
    pub kind: FrameworkKind,
    /// The document's title.
    pub title: String,
    /// The document's symbol: `GB.340/PFA/2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// The document's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PartialDate>,
    /// The period the framework covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The biennium of a Programme and Budget.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub biennium: Option<Biennium>,
    /// The larger plan it carries out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<Plan>,
    /// The source document as a whole: where it was read from.
    #[serde(default, skip_serializing_if = "Provenance::is_unknown")]
    pub source: Provenance,
    /// Outcomes, each with its outputs.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub outcomes: Vec<Outcome>,
    /// Programmes and projects.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub programmes: Vec<Programme>,
    /// Deliverables of a plan of action.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub deliverables: Vec<Deliverable>,
    /// Links the document states between elements, its own or others'.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub links: Vec<StatedLink>,
    /// Facts the document states in more than one place.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::compact::vec"
    )]
    pub claims: Vec<Claim>,
}

impl Framework {
    /// An empty framework with an id, a kind and a title.
    pub fn new(id: FrameworkId, kind: FrameworkKind, title: impl Into<String>) -> Self {
        Framework {
            id,
            kind,
            title: title.into(),
            symbol: None,
            date: None,
            period: None,
            biennium: None,
            plan: None,
            source: Provenance::default(),
            outcomes: Vec::new(),
            programmes: Vec::new(),
            deliverables: Vec::new(),
            links: Vec::new(),
            claims: Vec::new(),
        }
    }

    /// The reference to the framework as a whole: its id, `pb-2022-23`.
    pub fn reference(&self) -> Ref {
        Ref::Framework(self.id.clone())
    }

    /// The reference to one of its elements: `pb-2022-23:7.1`. The element
    /// is named by its code under this framework's id, whether the
    /// framework holds it or not.
    ///
    /// ```
    /// use ilo_frameworks::builtin;
    ///
    /// let set = builtin::frameworks()?;
    /// let pb = set.get("pb-2022-23").expect("built in");
    /// let output = pb.element(&"7.1".parse()?).expect("output 7.1");
    /// assert_eq!(pb.reference_of(output).to_string(), "pb-2022-23:7.1");
    /// let refs: Vec<String> = pb.outcomes.iter().map(|o| pb.reference_of(o).to_string()).take(2).collect();
    /// assert_eq!(refs, ["pb-2022-23:1", "pb-2022-23:2"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reference_of<'a>(&self, element: impl Into<Element<'a>>) -> Ref {
        let code = match element.into() {
            Element::Outcome(o) => ElementCode::from(o.code),
            Element::Output(o) => ElementCode::from(o.code),
            Element::Programme(p) => ElementCode::from(&p.id),
            Element::Deliverable(d) => ElementCode::from(d.code),
        };
        Ref::element(self.id.clone(), code)
    }

    /// The outcome with this code.
    pub fn outcome(&self, code: OutcomeCode) -> Option<&Outcome> {
        self.outcomes.iter().find(|o| o.code == code)
    }

    /// The output with this code, under whichever outcome holds it.
    pub fn output(&self, code: OutputCode) -> Option<&Output> {
        self.outputs().find(|o| o.code == code)
    }

    /// Every output, outcome by outcome, in document order.
    pub fn outputs(&self) -> impl Iterator<Item = &Output> {
        self.outcomes.iter().flat_map(|o| o.outputs.iter())
    }

    /// How many elements it holds: outcomes, outputs, programmes and
    /// deliverables (not their indicators).
    ///
    /// ```
    /// use ilo_frameworks::builtin;
    ///
    /// let set = builtin::frameworks()?;
    /// let pb = set.get("pb-2022-23").expect("built in");
    /// assert_eq!(pb.element_count(), pb.outcomes.len() + pb.outputs().count() + pb.programmes.len() + pb.deliverables.len());
    /// assert!(pb.element_count() > pb.outcomes.len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn element_count(&self) -> usize {
        let outputs: usize = self.outcomes.iter().map(|o| o.outputs.len()).sum();
        self.outcomes.len() + outputs + self.programmes.len() + self.deliverables.len()
    }

    /// The programme with this id.
    pub fn programme(&self, id: &ProgrammeId) -> Option<&Programme> {
        self.programmes.iter().find(|p| &p.id == id)
    }

    /// The deliverable with this code.
    pub fn deliverable(&self, code: DeliverableCode) -> Option<&Deliverable> {
        self.deliverables.iter().find(|d| d.code == code)
    }

    /// Every element that has indicators, with its code and its
    /// indicators: outcomes, each followed by its outputs, then programmes.
    pub fn indicator_lists(&self) -> impl Iterator<Item = (ElementCode, &[Indicator])> {
        let outcomes = self.outcomes.iter().flat_map(|o| {
            std::iter::once((ElementCode::from(o.code), o.indicators.as_slice())).chain(
                o.outputs
                    .iter()
                    .map(|p| (ElementCode::from(p.code), p.indicators.as_slice())),
            )
        });
        let programmes = self
            .programmes
            .iter()
            .map(|p| (ElementCode::from(&p.id), p.indicators.as_slice()));
        outcomes.chain(programmes).filter(|(_, list)| !list.is_empty())
    }

    /// The period the framework covers: its own, or else its biennium's.
    pub fn effective_period(&self) -> Option<Period> {
        self.period.or_else(|| self.biennium.map(Biennium::period))
    }
}
