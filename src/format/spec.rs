//! The file formats, key by key: `docs/format.md`, published with the API
//! documentation so that whoever installed the crate can read it.
#![doc = include_str!("../../docs/format.md")]
