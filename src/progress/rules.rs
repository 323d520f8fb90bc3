//! How progress is evaluated, rule by rule: `docs/progress.md`, published
//! with the API documentation (its example runs as a documentation test).
#![doc = include_str!("../../docs/progress.md")]
