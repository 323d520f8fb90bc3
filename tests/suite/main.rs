//! The integration tests of `ilo-frameworks`, one binary with a module per
//! area.

mod builtin;
mod formats;
mod identifiers;
mod roundtrip;
mod sdg;
mod send_sync;
mod time;
