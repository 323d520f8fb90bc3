//! The Sustainable Development Goals: the UN catalogue of goals, targets
//! and indicators, and SDG codes as people write them.
//!
//! The codes themselves ([`SdgGoal`](crate::SdgGoal),
//! [`SdgTarget`](crate::SdgTarget), [`SdgIndicator`](crate::SdgIndicator),
//! [`SdgCode`](crate::SdgCode)) live with the other identifiers.

mod catalogue;
mod mention;

pub use catalogue::{GoalInfo, IndicatorInfo, RetiredIndicator, SdgCatalogue, SdgEntry, TargetInfo};
pub use mention::{Deviation, SdgMention};
