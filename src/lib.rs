//! Typed models of ILO strategic results frameworks.
//!
//! ILO frameworks are layered. A Strategic Plan (2022–25) is carried out
//! through biennial Programmes and Budget (2022–23) whose policy and
//! enabling **outcomes** are reached through **outputs**. Development
//! cooperation **programmes** (the flagships, earlier global programmes,
//! projects) and the **deliverables** of plans of action contribute to those
//! outputs, and all of it serves the **Sustainable Development Goals** and
//! applies **international labour standards**.
//!
//! This crate holds such frameworks as typed data, reads and writes them as
//! files (TOML written by hand, JSON for exchange), and reports bad input
//! with the file, line and column.
//!
//! # Example
//!
//! ```
//! use ilo_frameworks::{Framework, OutcomeKind};
//!
//! let text = r#"
//! id = "pb-2022-23"
//! kind = "programme-and-budget"
//! title = "Preview of the Programme and Budget proposals for 2022–23"
//! biennium = "2022-23"
//!
//! [[outcomes]]
//! code = "7"
//! title = "Adequate and effective protection at work for all"
//! sdg = ["8.8"]
//!
//! [[outcomes.outputs]]
//! code = "7.1"
//! title = "Increased capacity of member States to ensure respect for, promote and realize fundamental principles and rights at work"
//! standards = ["C182", "P029"]
//! "#;
//! let pb = Framework::from_toml_str(text, "pb.toml")?;
//! let outcome = pb.outcome("7".parse()?).expect("outcome 7");
//! assert_eq!(outcome.kind(), OutcomeKind::Policy);
//! assert_eq!(pb.output("7.1".parse()?).map(|o| o.standards.len()), Some(2));
//!
//! // Writing and reading again gives the same framework.
//! assert_eq!(Framework::from_json_str(&pb.to_json_string()?, "pb.json")?, pb);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Map of the crate
//!
//! - Identifiers ([`OutcomeCode`], [`OutputCode`], [`DeliverableCode`],
//!   [`ProgrammeId`], [`FrameworkId`], [`SdgGoal`], [`SdgTarget`],
//!   [`SdgIndicator`], [`StandardRef`], [`Ref`]): every code is a type with a
//!   validating `FromStr` and an exact `Display`; serde goes through them.
//! - Time ([`Quarter`], [`Biennium`], [`Period`], [`PartialDate`],
//!   [`Timeframe`]), on chrono's dates.
//! - The model ([`Framework`], [`FrameworkSet`], [`Outcome`], [`Output`],
//!   [`Indicator`], [`Programme`], [`Deliverable`], [`Link`], [`Claim`],
//!   [`Provenance`], [`StandardCatalogue`]), its short texts held in
//!   place ([`Label`], [`Code`]).
//! - Results ([`Indicator`] with [`IndicatorPeriod`]s of targets and
//!   actuals as [`DataPoints`], after IATI's result model) and
//!   [`ProgressReport`]s, dated documents of record whose observations say
//!   how deliverables, targets and indicators stand.
//! - Built-in data ([`builtin`]): the five source documents and the labour
//!   standards they cite, embedded in the crate.
//! - The SDG catalogue ([`sdg`]): the UN goals, targets and indicators,
//!   and SDG codes as people write them.
//! - The graph ([`graph`]): frameworks, elements and catalogues in one
//!   petgraph graph, with contributions, reverse look-ups, coverage, gaps,
//!   cycles and exports.
//! - Validation ([`validate`]): consistency rules with stable codes,
//!   severities, places in files and help, configurable per code.
//! - Progress ([`progress`]): where every deliverable, target and indicator
//!   stands as of a day, and roll-ups of indicator values to outputs and
//!   outcomes that count each source once.
//! - IATI (`iati`, feature `iati`): activity files read as they stream into
//!   a framework of projects ([`Programme::activity`] holds what IATI adds,
//!   [`Indicator::result`] the result an indicator was read under), with
//!   IATI's own rules as findings and crosswalks to your frameworks.
//! - Formats: `from_toml_str`, `from_json_str`, `load`, `to_toml_string`,
//!   `to_json_string` on the model's documents, [`LoadError`],
//!   [`framework_schema`], [`report_schema`] and [`set_schema`].
//!
//! Every public type is `Send + Sync`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod builtin;
mod error;
pub mod format;
pub mod graph;
#[cfg(feature = "iati")]
pub mod iati;
mod id;
mod model;
mod period;
pub mod progress;
pub mod sdg;
#[cfg(feature = "synthetic")]
pub mod synthetic;
pub mod validate;

pub use error::Error;
pub use format::{Format, LoadError, LoadErrorKind, framework_schema, report_schema, set_schema};
pub use id::{
    DeliverableCode, ElementCode, Expected, FrameworkId, MAX_CODE_LEN, MAX_ID_LEN, MAX_STANDARD_NUMBER, OutcomeCode,
    OutcomeKind, OutputCode, ParseError, ProgrammeId, Ref, SDG_GOAL_COUNT, SdgCode, SdgGoal, SdgIndicator, SdgTarget,
    StandardKind, StandardRef, TargetPart,
};
pub use model::{
    ActionLevel, Activity, ActivityDate, Aggregation, Claim, ClaimValue, Classification, Code, Coverage, DataPoint,
    DataPoints, DateKind, Deliverable, DeliverableObservation, DeliverableStatus, Direction, DocumentLink, Element,
    Endorsement, Framework, FrameworkKind, FrameworkSet, Funding, FundingKind, Indicator, IndicatorObservation,
    IndicatorPeriod, Label, Link, LinkDetail, LinkKind, Measure, Organisation, OrganisationRole, Outcome, Output,
    Participant, Plan, PolicyMarker, Programme, ProgrammeKind, ProgrammeTarget, ProgressReport, Provenance, Region,
    Related, Relation, ReportKind, ResultKind, ResultOf, Share, Standard, StandardCatalogue, StatedLink,
    TargetObservation, Value,
};
pub use period::{Biennium, MAX_YEAR, MIN_YEAR, PartialDate, Period, Quarter, QuarterRange, Timeframe};

/// The README's code examples, compiled and run as documentation tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
