//! The catalogue of rules: `docs/rules.md`, published with the API
//! documentation so that a finding's code can be looked up wherever the
//! crate is installed.
#![doc = include_str!("../../docs/rules.md")]
