//! The integration tests of `ilo-frameworks`, one binary with a module per
//! area.

mod builtin;
mod dashboard;
mod formats;
mod graph;
mod graph_props;
mod hostile;
#[cfg(feature = "iati")]
mod iati;
#[cfg(feature = "iati")]
mod iati_roundtrip;
#[cfg(feature = "iati")]
mod iati_rules;
mod identifiers;
mod invariants;
mod mutation;
mod progress;
mod results_rules;
mod roundtrip;
mod rules;
mod schema;
mod sdg;
mod sdg_seed;
mod send_sync;
mod synthetic;
mod time;
mod travel;
