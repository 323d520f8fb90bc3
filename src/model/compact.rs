//! Lists read from files without spare room. A reader that does not know
//! a list's length ahead (serde_json's never does) grows it by doubling, so
//! a list keeps up to half its capacity unused: over a million elements,
//! hundreds of megabytes. The lists of the model are shrunk to their
//! length as they are read.

use serde::{Deserialize, Deserializer};

/// Reads a list and gives back its spare capacity.
pub(crate) fn vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    let mut items = Vec::<T>::deserialize(deserializer)?;
    items.shrink_to_fit();
    Ok(items)
}
