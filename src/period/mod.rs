//! Time: quarters, bienniums, periods of days, partial dates and
//! timeframes, on top of chrono's `NaiveDate`.

mod biennium;
mod partial_date;
mod quarter;
mod span;
mod timeframe;

pub use biennium::Biennium;
pub use partial_date::PartialDate;
pub use quarter::{MAX_YEAR, MIN_YEAR, Quarter};
pub use span::Period;
pub use timeframe::{QuarterRange, Timeframe};
