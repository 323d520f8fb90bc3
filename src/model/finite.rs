//! Quantities that must be finite numbers: a programme target's quantity, a
//! funding amount. TOML can write `nan` and `inf`, and JSON cannot hold
//! them (serde_json writes `null`, so the value would be lost on the way
//! out), so both reading and writing refuse them.

use serde::de::Error as _;
use serde::ser::Error as _;
use serde::{Deserialize, Deserializer, Serializer};

/// Reads an optional number, refusing `nan` and infinities.
pub(crate) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    match Option::<f64>::deserialize(deserializer)? {
        Some(value) if !value.is_finite() => Err(D::Error::custom(format!(
            "{value} is not a finite number; write the quantity itself"
        ))),
        value => Ok(value),
    }
}

/// Writes an optional number, refusing `nan` and infinities (set in code),
/// which no format could read back.
#[allow(clippy::ref_option, reason = "the signature serde's serialize_with asks for")]
pub(crate) fn serialize<S: Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) if !value.is_finite() => Err(S::Error::custom(format!(
            "{value} is not a finite number, and no file can hold it"
        ))),
        Some(value) => serializer.serialize_some(value),
        None => serializer.serialize_none(),
    }
}
