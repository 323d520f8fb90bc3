//! Shared plumbing for the text forms of identifiers and periods: serde
//! through `Display`/`FromStr`, a JSON Schema of type string, and the
//! splitting of a short text at a separator.

/// `text` split around the first `separator`, an ASCII byte, without it.
///
/// Codes, references and periods are short: a byte loop finds the
/// separator before a character search (`str::split_once`) has set itself
/// up, and a file of a million elements parses millions of them.
pub(crate) fn split_once_byte(text: &str, separator: u8) -> Option<(&str, &str)> {
    debug_assert!(separator.is_ascii());
    let at = text.as_bytes().iter().position(|&b| b == separator)?;
    // An ASCII byte is a whole character: both sides are on boundaries.
    Some((text.get(..at)?, text.get(at + 1..)?))
}

/// Implements `Serialize`, `Deserialize` and `JsonSchema` for a type through
/// its `Display` and `FromStr`, so that a file can never hold a value that the
/// validating constructor would refuse.
macro_rules! serde_via_str {
    ($ty:ty, $name:expr, $description:expr, $pattern:literal) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str($description)
                    }
                    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<$ty, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }

        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "description": $description,
                    "pattern": $pattern,
                })
            }
        }
    };
}

pub(crate) use serde_via_str;

/// Parses a positive decimal number written without sign or leading zero.
pub(crate) fn positive_number(text: &str) -> Option<u16> {
    if text.is_empty() || text.starts_with('0') || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|n| *n > 0)
}

#[cfg(test)]
mod tests {
    use super::split_once_byte;

    #[test]
    fn a_text_splits_at_its_first_separator_as_split_once_does() {
        for text in [
            "",
            "/",
            "a/b",
            "a/b/c",
            "2022/2025",
            "é/ü",
            "no separator",
            "/end",
            "start/",
        ] {
            assert_eq!(split_once_byte(text, b'/'), text.split_once('/'), "{text:?}");
        }
    }
}
