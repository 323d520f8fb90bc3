//! Typed identifiers: every code the documents use, checked on construction.
//!
//! Each type parses with `FromStr`, prints its canonical form with
//! `Display` (the two round-trip exactly), orders as the documents do, and
//! goes through serde as that text, so a file cannot hold an invalid code.

mod deliverable;
mod error;
mod name;
mod outcome;
mod output;
mod reference;
mod sdg;
mod standard;
mod text;
mod written;

pub use deliverable::DeliverableCode;
pub use error::{Expected, ParseError};
#[cfg(feature = "iati")]
pub(crate) use name::INLINE_LEN;
pub use name::{ElementCode, FrameworkId, MAX_CODE_LEN, MAX_ID_LEN, ProgrammeId};
pub use outcome::{OutcomeCode, OutcomeKind};
pub use output::OutputCode;
pub use reference::Ref;
pub use sdg::{SDG_GOAL_COUNT, SdgCode, SdgGoal, SdgIndicator, SdgTarget, TargetPart};
pub use standard::{MAX_STANDARD_NUMBER, StandardKind, StandardRef};

pub(crate) use text::{serde_via_str, split_once_byte};
