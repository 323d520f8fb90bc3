//! What the short texts of the model share: a code as written ([`Code`]),
//! a label a person reads ([`Label`]). Each is held in place up to 23
//! bytes and shared by its clones past that, reads as a `&str`, and goes
//! through serde and the JSON Schema as a plain string.
//!
//! [`Code`]: super::Code
//! [`Label`]: super::Label

/// Gives the newtype `$name` over a `SmolStr` its constructors, its reading
/// as a `&str`, its comparisons with `str`, and its serde and JSON Schema
/// forms, under the schema name `$schema`.
macro_rules! short_text {
    ($name:ident, $schema:literal) => {
        impl $name {
            /// `text`, exactly as given.
            pub fn new(text: &str) -> Self {
                $name(smol_str::SmolStr::new(text))
            }

            /// The text as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl ::std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Debug::fmt(self.as_str(), f)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                $name::new(text)
            }
        }

        impl From<String> for $name {
            fn from(text: String) -> Self {
                $name(smol_str::SmolStr::from(text))
            }
        }

        impl From<&String> for $name {
            fn from(text: &String) -> Self {
                $name::new(text)
            }
        }

        impl From<$name> for String {
            fn from(text: $name) -> Self {
                text.as_str().to_owned()
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.as_str()
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.as_str()
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Visitor;
                impl serde::de::Visitor<'_> for Visitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str("a string")
                    }
                    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<$name, E> {
                        Ok($name::new(text))
                    }
                    fn visit_string<E: serde::de::Error>(self, text: String) -> Result<$name, E> {
                        Ok($name::from(text))
                    }
                }
                deserializer.deserialize_str(Visitor)
            }
        }

        impl schemars::JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> std::borrow::Cow<'static, str> {
                $schema.into()
            }
            fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
                String::json_schema(generator)
            }
        }
    };
}

pub(super) use short_text;

#[cfg(test)]
mod tests {
    use std::fmt::Debug;
    use std::ops::Deref;

    use serde::Serialize;
    use serde::de::DeserializeOwned;

    use super::super::{Code, Label};

    /// What every short text does, shown with `text`.
    fn behaves_as_its_text<T>(text: &str)
    where
        T: DeserializeOwned
            + Serialize
            + Debug
            + Deref<Target = str>
            + PartialEq<str>
            + From<String>
            + for<'a> From<&'a str>,
    {
        // In files, a plain string; nothing else is one.
        let read: T = serde_json::from_str(&format!("\"{text}\"")).expect("a string");
        assert!(read == *text, "{read:?}");
        assert_eq!(serde_json::to_string(&read).expect("writes"), format!("\"{text}\""));
        assert!(serde_json::from_str::<T>("7").is_err());
        // No more room than a `String`, with or without an `Option`.
        assert_eq!(std::mem::size_of::<T>(), std::mem::size_of::<String>());
        assert_eq!(std::mem::size_of::<Option<T>>(), std::mem::size_of::<String>());
        // A text past what is held in place is kept whole.
        let long = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        assert_eq!(&*T::from(long.to_owned()), long);
        assert_eq!(format!("{:?}", T::from("a\"b")), "\"a\\\"b\"");
    }

    #[test]
    fn codes_and_labels_are_their_text() {
        behaves_as_its_text::<Code>("1.A");
        behaves_as_its_text::<Label>("Area 1");
    }
}
