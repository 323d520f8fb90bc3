//! The integration tests of `ilo-frameworks`, one binary with a module per
//! area.

mod formats;
mod identifiers;
mod roundtrip;
mod send_sync;
mod time;
