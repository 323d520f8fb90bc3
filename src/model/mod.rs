//! The typed domain: frameworks and their elements, one file per concept.

mod claim;
mod deliverable;
mod framework;
mod indicator;
mod link;
mod outcome;
mod output;
mod programme;
mod provenance;
mod set;
mod standard;

pub use claim::{Claim, ClaimValue};
pub use deliverable::Deliverable;
pub use framework::{Framework, FrameworkKind, Plan};
pub use indicator::Indicator;
pub use link::{Link, LinkDetail, LinkKind, Share, StatedLink};
pub use outcome::Outcome;
pub use output::{ActionLevel, Output};
pub use programme::{Coverage, Endorsement, Funding, Programme, ProgrammeKind, ProgrammeTarget, Region};
pub use provenance::Provenance;
pub use set::{Element, FrameworkSet};
pub use standard::{Standard, StandardCatalogue};
