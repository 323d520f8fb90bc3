//! The integration tests of `ilo-frameworks`, one binary with a module per
//! area.

mod builtin;
mod formats;
mod graph;
mod identifiers;
mod roundtrip;
mod sdg;
mod sdg_seed;
mod send_sync;
mod synthetic;
mod time;
