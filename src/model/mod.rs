//! The typed domain: frameworks and their elements, one file per concept.

mod activity;
mod claim;
mod code;
mod compact;
mod deliverable;
mod finite;
mod framework;
mod indicator;
mod label;
mod link;
mod outcome;
mod output;
mod programme;
mod provenance;
mod report;
mod set;
mod short_text;
mod standard;
mod value;

pub use activity::{
    Activity, ActivityDate, Classification, DateKind, DocumentLink, Organisation, OrganisationRole, Participant,
    PolicyMarker, Related, Relation, ResultKind, ResultOf,
};
pub use claim::{Claim, ClaimValue};
pub use code::Code;
pub use deliverable::Deliverable;
pub use framework::{Framework, FrameworkKind, Plan};
pub use indicator::{Aggregation, Direction, Indicator, IndicatorPeriod, Measure};
pub use label::Label;
pub use link::{Link, LinkDetail, LinkKind, Share, StatedLink};
pub use outcome::Outcome;
pub use output::{ActionLevel, Output};
pub use programme::{Coverage, Endorsement, Funding, FundingKind, Programme, ProgrammeKind, ProgrammeTarget, Region};
pub use provenance::Provenance;
pub use report::{
    DeliverableObservation, DeliverableStatus, IndicatorObservation, ProgressReport, ReportKind, TargetObservation,
};
pub use set::{Element, FrameworkSet};
pub use standard::{Standard, StandardCatalogue};
pub use value::{DataPoint, DataPoints, Value};
pub(crate) use value::{total_number, total_text};
