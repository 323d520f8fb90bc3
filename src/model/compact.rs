//! Lists read from files without spare room. A reader that does not know
//! a list's length ahead (serde_json's never does) grows it by doubling, so
//! a list keeps up to half its capacity unused: over a million elements,
//! hundreds of megabytes. The lists of the model are read to their length.
//!
//! Most lists of a framework hold one to four items (a programme's links,
//! SDG codes, partners). Those are held on the stack until the list's end
//! is seen and then moved into a list of exactly their number: one
//! allocation, where growing and shrinking took three.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// Reads a list to its length.
pub(crate) fn vec<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    deserializer.deserialize_seq(ToLength(PhantomData))
}

struct ToLength<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ToLength<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // serde's own words for a list, which the load errors put in the
        // words of the file's format.
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let Some(a) = seq.next_element()? else {
            return Ok(Vec::new());
        };
        let Some(b) = seq.next_element()? else {
            return Ok(vec![a]);
        };
        let Some(c) = seq.next_element()? else {
            return Ok(vec![a, b]);
        };
        let Some(d) = seq.next_element()? else {
            return Ok(vec![a, b, c]);
        };
        let mut items = vec![a, b, c, d];
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        items.shrink_to_fit();
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Lists {
        #[serde(deserialize_with = "super::vec")]
        items: Vec<u32>,
    }

    #[test]
    fn every_length_reads_to_its_length() {
        for n in 0..12u32 {
            let items: Vec<String> = (0..n).map(|i| i.to_string()).collect();
            let text = format!("{{\"items\": [{}]}}", items.join(", "));
            let lists: Lists = serde_json::from_str(&text).unwrap();
            assert_eq!(lists.items, (0..n).collect::<Vec<_>>());
            assert_eq!(lists.items.capacity(), lists.items.len(), "{n} items");
        }
        let error = serde_json::from_str::<Lists>("{\"items\": 3}").err().unwrap();
        assert_eq!(
            error.to_string(),
            "invalid type: integer `3`, expected a sequence at line 1 column 11"
        );
    }
}
