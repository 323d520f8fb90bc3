//! Short codes kept as written: a vocabulary, a codelist code, an
//! organisation identifier, a currency, a media type.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

/// A short code as its publisher wrote it: a vocabulary (`99`), a code of
/// a codelist (`15110`, `1.A`), an organisation identifier
/// (`XM-DAC-41121`), a currency (`USD`), a media type (`application/pdf`).
///
/// The text is taken as it is, unchecked, like a `String`; what sets a
/// `Code` apart is where it lives: up to 23 bytes are held in place, so
/// the thousands of short codes of an IATI file cost no allocation each,
/// and a longer one is shared by its clones. It reads as a `&str` through
/// `Deref`, compares with `str`, and goes through serde and the JSON
/// Schema as a plain string.
///
/// ```
/// use ilo_frameworks::Code;
///
/// let code = Code::new("XM-DAC-41121");
/// assert_eq!(code, "XM-DAC-41121");
/// assert!(code.starts_with("XM-DAC"));
/// assert_eq!(Code::from(String::from("USD")).as_str(), "USD");
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(smol_str::SmolStr);

impl Code {
    /// `text` as a code, exactly as given.
    pub fn new(text: &str) -> Self {
        Code(smol_str::SmolStr::new(text))
    }

    /// The code as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Code {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Code {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Code {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Code {
    fn from(text: &str) -> Self {
        Code::new(text)
    }
}

impl From<String> for Code {
    fn from(text: String) -> Self {
        Code(smol_str::SmolStr::from(text))
    }
}

impl From<&String> for Code {
    fn from(text: &String) -> Self {
        Code::new(text)
    }
}

impl From<Code> for String {
    fn from(code: Code) -> Self {
        code.as_str().to_owned()
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Code> for str {
    fn eq(&self, other: &Code) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<Code> for &str {
    fn eq(&self, other: &Code) -> bool {
        *self == other.as_str()
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Code;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Code, E> {
                Ok(Code::new(text))
            }
            fn visit_string<E: serde::de::Error>(self, text: String) -> Result<Code, E> {
                Ok(Code::from(text))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl schemars::JsonSchema for Code {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Code".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_its_text_in_files() {
        let code: Code = serde_json::from_str("\"1.A\"").expect("a string");
        assert_eq!(code, "1.A");
        assert_eq!(serde_json::to_string(&code).expect("writes"), "\"1.A\"");
        assert!(serde_json::from_str::<Code>("7").is_err());
    }

    #[test]
    fn a_code_takes_no_more_room_than_a_string() {
        assert_eq!(std::mem::size_of::<Code>(), std::mem::size_of::<String>());
        assert_eq!(std::mem::size_of::<Option<Code>>(), std::mem::size_of::<String>());
    }

    #[test]
    fn long_codes_are_kept_whole() {
        let long = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        assert_eq!(Code::new(long).as_str(), long);
        assert_eq!(format!("{:?}", Code::new("a\"b")), "\"a\\\"b\"");
    }
}
