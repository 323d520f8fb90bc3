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

/// A day written exactly `YYYY-MM-DD`, with a year from [`MIN_YEAR`] to
/// [`MAX_YEAR`].
#[cfg_attr(not(feature = "iati"), allow(dead_code))]
pub(crate) fn strict_day(text: &str) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    quarter::strict_date(text).filter(|d| (MIN_YEAR..=MAX_YEAR).contains(&d.year()))
}
