//! Short codes kept as written: a vocabulary, a codelist code, an
//! organisation identifier, a currency, a media type.

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

super::short_text::short_text!(Code, "Code");
