//! Identifiers that are names rather than numbers: programme ids, framework
//! ids and the element codes used inside references.

use std::fmt;
use std::str::FromStr;

use super::text::serde_via_str;
use super::{Expected, ParseError};

/// The longest framework id accepted, in bytes.
pub const MAX_ID_LEN: usize = 64;

/// The longest programme id or element code accepted, in bytes: room for
/// the identifiers IATI publishers write (the longest in the reference
/// files is 64 bytes), with a bound that keeps a hostile file from
/// making one reference megabytes long.
pub const MAX_CODE_LEN: usize = 255;

/// Whether `c` is a bidirectional formatting character, which can make a
/// code display as another.
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Checks the text of a programme id or element code.
///
/// Codes are written exactly as their publisher wrote them, so spaces
/// inside, `:` and `/` are allowed (`NL-KVK-27108436-A-05001-22:VN`); what
/// is refused is what cannot be told apart on a page or in a table: white
/// space at either end or doubled, white space other than a plain space, control and
/// bidirectional formatting characters, and `;`, which separates codes in
/// a table's list cells.
fn check_symbol_chars(s: &str, expected: Expected, shape: &str) -> Result<(), ParseError> {
    // Most codes are short ASCII words: letters, digits and a few marks,
    // which none of the checks below can refuse once the first is a letter
    // or digit.
    if let [first, rest @ ..] = s.as_bytes()
        && s.len() <= MAX_CODE_LEN
        && first.is_ascii_alphanumeric()
        && rest
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'+' | b'/' | b':'))
    {
        return Ok(());
    }
    let error = |problem: String| ParseError::new(expected, s, format!("{problem} ({shape})"));
    if s.is_empty() {
        return Err(error("it is empty".to_owned()));
    }
    if s.len() > MAX_CODE_LEN {
        return Err(error(format!("it is longer than {MAX_CODE_LEN} bytes")));
    }
    if let Some(c) = s
        .chars()
        .find(|&c| c.is_control() || is_bidi_control(c) || (c.is_whitespace() && c != ' ') || c == ';')
    {
        let what = match c {
            ';' => "';', which separates codes in tables".to_owned(),
            c if c.is_whitespace() => format!("the white space {}", c.escape_unicode()),
            c => format!("the control character {}", c.escape_unicode()),
        };
        return Err(error(format!("it contains {what}")));
    }
    if s.starts_with(' ') || s.ends_with(' ') {
        return Err(error("it has a space at either end".to_owned()));
    }
    if s.contains("  ") {
        return Err(error("it has two spaces in a row".to_owned()));
    }
    if !s.starts_with(char::is_alphanumeric) {
        return Err(error("it does not start with a letter or digit".to_owned()));
    }
    Ok(())
}

macro_rules! symbol_id {
    ($(#[$doc:meta])* $ty:ident, $expected:expr, $shape:literal, $description:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $ty(smol_str::SmolStr);

        impl $ty {
            /// Checks `text` and wraps it.
            ///
            /// # Errors
            /// When `text` is empty, longer than [`MAX_CODE_LEN`] bytes,
            /// does not start with a letter or digit, has a space at either
            /// end, or holds other white space, a control or bidirectional
            /// formatting character, or `;`.
            pub fn new(text: &str) -> Result<Self, ParseError> {
                check_symbol_chars(text, $expected, $shape)?;
                Ok($ty(smol_str::SmolStr::new(text)))
            }

            /// The identifier as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $ty {
            type Err = ParseError;
            fn from_str(s: &str) -> Result<Self, ParseError> {
                $ty::new(s)
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $ty {
            /// Hashes and compares as its text, so that maps keyed by it
            /// can be searched with a `&str`.
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        serde_via_str!(
            $ty,
            stringify!($ty),
            $description,
            r"^[\p{L}\p{N}]([ ]?[^;\p{Cc}\s\u200E\u200F\u202A-\u202E\u2066-\u2069])*$"
        );
    };
}

symbol_id!(
    /// The identifier of a programme or project, as its documents abbreviate
    /// it (`IPEC+`, `OSH-GAP`, `BetterWork`) or as its publisher wrote it
    /// (the IATI identifier `XI-IATI-EC_INTPA-2021/429-054`).
    ///
    /// Case, inner spaces, `:` and `/` are kept and compared exactly; see
    /// [`ElementCode`] for what is refused.
    ///
    /// ```
    /// use ilo_frameworks::ProgrammeId;
    ///
    /// assert_eq!(ProgrammeId::new("IPEC+")?.as_str(), "IPEC+");
    /// assert!(ProgrammeId::new("NL-KVK-27108436-A-05001-22:VN").is_ok());
    /// assert!(ProgrammeId::new("IPEC+ ").is_err());
    /// assert!(ProgrammeId::new("IPEC\tplus").is_err());
    /// # Ok::<(), ilo_frameworks::ParseError>(())
    /// ```
    ProgrammeId,
    Expected::ProgrammeId,
    "expected a letter or digit, then any characters but ';', controls and white space other than inner single spaces, such as \"IPEC+\"",
    "A programme id: a letter or digit, then any characters but ';', control or bidirectional formatting characters and white space other than inner spaces, at most 255 bytes, such as \"IPEC+\" or \"XM-DAC-41121-2023-ARG\"."
);

symbol_id!(
    /// The code of one element within a framework, as used in a [`Ref`]:
    /// an outcome (`7`, `IA1`), an output (`7.1`), a deliverable (`2.1`) or
    /// a programme (`IPEC+`, `NL-KVK-27108436-A-05001-22:VN`).
    ///
    /// A code starts with a letter or digit and is at most
    /// [`MAX_CODE_LEN`] bytes. Spaces inside, `:` and `/` are allowed, as
    /// identifiers are published with them; refused are white space at
    /// either end or doubled, white space other than a plain space, control and
    /// bidirectional formatting characters, and `;`, which separates codes
    /// in a table's list cells.
    ///
    /// ```
    /// use ilo_frameworks::ElementCode;
    ///
    /// assert!(ElementCode::new("CH-FDJP-7df1101d7983-FH-projet Covid H2H").is_ok());
    /// let err = ElementCode::new("A;B").unwrap_err();
    /// assert!(err.to_string().contains("';', which separates codes in tables"));
    /// # Ok::<(), ilo_frameworks::ParseError>(())
    /// ```
    ///
    /// [`Ref`]: crate::Ref
    ElementCode,
    Expected::ElementCode,
    "expected a letter or digit, then any characters but ';', controls and white space other than inner single spaces, such as \"7.1\" or \"IPEC+\"",
    "An element code: a letter or digit, then any characters but ';', control or bidirectional formatting characters and white space other than inner spaces, at most 255 bytes, such as \"7.1\" or \"IPEC+\"."
);

/// Texts a thread read last and the ids or codes made of them, so that the
/// thousands of references naming one framework or one output share one
/// copy of its text. Bounded: a cache that reaches its size starts over.
type Recent<T> = std::cell::RefCell<foldhash::HashMap<Box<str>, T>>;

/// The value made of `text` by `make` (which checks it), or the one made
/// of the same text before in this thread.
fn shared<T: Clone>(
    cache: &'static std::thread::LocalKey<Recent<T>>,
    bound: usize,
    text: &str,
    make: impl FnOnce(&str) -> Result<T, ParseError>,
) -> Result<T, ParseError> {
    cache.with(|recent| {
        if let Some(value) = recent.borrow().get(text) {
            return Ok(value.clone());
        }
        let value = make(text)?;
        let mut recent = recent.borrow_mut();
        if recent.len() >= bound {
            recent.clear();
        }
        recent.insert(text.into(), value.clone());
        Ok(value)
    })
}

/// The longest code or label held in place, without a heap allocation (a
/// `SmolStr`'s inline capacity): nearly every code (`7.1`, `IPEC+`,
/// `XM-DAC-41114-PROJECT-123`) fits.
pub(crate) const INLINE_LEN: usize = 23;

/// How many element codes read in references a thread keeps.
const SHARED_CODES: usize = 65_536;

/// How many framework ids a thread keeps.
const SHARED_IDS: usize = 4096;

thread_local! {
    /// The element codes this thread read last in references.
    static RECENT_CODES: Recent<ElementCode> = Recent::default();
    /// The framework ids this thread read last.
    static RECENT_IDS: Recent<FrameworkId> = Recent::default();
}

impl ElementCode {
    /// The code `text`, checked as [`ElementCode::new`] does. A code too
    /// long to be held in place shares the text of the same code read
    /// before in this thread.
    pub(crate) fn shared(text: &str) -> Result<Self, ParseError> {
        if text.len() <= INLINE_LEN {
            return ElementCode::new(text);
        }
        shared(&RECENT_CODES, SHARED_CODES, text, ElementCode::new)
    }

    /// The element code of text already written out, unchecked: a valid
    /// code, or the code under which a file's places are recorded (the
    /// file's reading checks it).
    pub(crate) fn from_valid(code: &str) -> Self {
        ElementCode(smol_str::SmolStr::new(code))
    }
}

macro_rules! element_code_from_code {
    ($($ty:ty),*) => {
        $(impl From<$ty> for ElementCode {
            /// The code's text as an element code.
            fn from(code: $ty) -> Self {
                ElementCode(smol_str::SmolStr::new(code.written().as_str()))
            }
        })*
    };
}

element_code_from_code!(crate::OutcomeCode, crate::OutputCode, crate::DeliverableCode);

impl From<&ProgrammeId> for ElementCode {
    /// A programme's id as an element code, sharing its text.
    fn from(id: &ProgrammeId) -> Self {
        ElementCode(id.0.clone())
    }
}

/// The identifier of a framework (one document of record): lower-case ASCII
/// words joined by single hyphens, such as `pb-2022-23` or `flagships`.
///
/// The names `sdg` and `ils` are reserved for the built-in catalogues, and
/// `partner` and `initiative` for the graph's nodes of those kinds.
///
/// ```
/// use ilo_frameworks::FrameworkId;
///
/// let id = FrameworkId::new("pb-2022-23")?;
/// assert_eq!(id.to_string(), "pb-2022-23");
/// assert!(FrameworkId::new("PB 2022").is_err());
/// assert!(FrameworkId::new("sdg").is_err());
/// # Ok::<(), ilo_frameworks::ParseError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FrameworkId(std::sync::Arc<str>);

/// The reference namespace of the SDG catalogue.
pub(crate) const SDG_NAMESPACE: &str = "sdg";
/// The reference namespace of the labour standards catalogue.
pub(crate) const ILS_NAMESPACE: &str = "ils";

impl FrameworkId {
    /// Checks `text` and wraps it. The ids a thread read last share their
    /// text: a file names a few frameworks in thousands of references.
    ///
    /// # Errors
    /// When `text` is not lower-case words of ASCII letters and digits joined
    /// by single hyphens, starts with a digit, is too long, or is reserved.
    pub fn new(text: &str) -> Result<Self, ParseError> {
        shared(&RECENT_IDS, SHARED_IDS, text, FrameworkId::checked)
    }

    /// Checks `text` and wraps it in a new id.
    fn checked(text: &str) -> Result<Self, ParseError> {
        const SHAPE: &str = "expected lower-case ASCII letters and digits in words joined by single hyphens, starting with a letter, such as \"pb-2022-23\"";
        let error = |problem: String| ParseError::new(Expected::FrameworkId, text, format!("{problem} ({SHAPE})"));
        if text.is_empty() {
            return Err(error("it is empty".to_owned()));
        }
        if text.len() > MAX_ID_LEN {
            return Err(error(format!("it is longer than {MAX_ID_LEN} characters")));
        }
        if let Some(c) = text
            .chars()
            .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
        {
            let what = if c.is_whitespace() {
                "white space".to_owned()
            } else if c.is_ascii_uppercase() {
                format!("the capital {c:?}")
            } else {
                format!("{c:?}")
            };
            return Err(error(format!("it contains {what}")));
        }
        if !text.starts_with(|c: char| c.is_ascii_lowercase()) {
            return Err(error("it does not start with a letter".to_owned()));
        }
        if text.ends_with('-') || text.contains("--") {
            return Err(error("it has an empty word between hyphens".to_owned()));
        }
        if text == SDG_NAMESPACE || text == ILS_NAMESPACE {
            return Err(ParseError::new(
                Expected::FrameworkId,
                text,
                format!("{text:?} is reserved for the built-in catalogue"),
            ));
        }
        // The graph names partners and initiatives `partner:…` and
        // `initiative:…`; a framework of that name would read the same.
        if text == "partner" || text == "initiative" {
            return Err(ParseError::new(
                Expected::FrameworkId,
                text,
                format!("{text:?} is reserved for the graph's {text} nodes"),
            ));
        }
        Ok(FrameworkId(text.into()))
    }

    /// The identifier as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for FrameworkId {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, ParseError> {
        FrameworkId::new(s)
    }
}

impl std::borrow::Borrow<str> for FrameworkId {
    /// A framework id hashes and compares as its text, so maps keyed by
    /// id can be searched with a `&str`.
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FrameworkId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for FrameworkId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

serde_via_str!(
    FrameworkId,
    "FrameworkId",
    "A framework id: lower-case ASCII words joined by single hyphens, such as \"pb-2022-23\".",
    "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
);

#[cfg(test)]
mod interning {
    use super::*;

    #[test]
    fn ids_read_again_share_their_text_and_keep_their_value() {
        let first = FrameworkId::new("pb-2022-23").unwrap();
        let again: FrameworkId = "pb-2022-23".parse().unwrap();
        assert!(std::sync::Arc::ptr_eq(&first.0, &again.0));
        // Past the bound the cache starts over; every id keeps its text.
        let many: Vec<FrameworkId> = (0..SHARED_IDS + 10)
            .map(|i| FrameworkId::new(&format!("f-{i}")).unwrap())
            .collect();
        assert!(many.iter().enumerate().all(|(i, id)| id.as_str() == format!("f-{i}")));
        assert_eq!(FrameworkId::new("pb-2022-23").unwrap(), first);
    }

    #[test]
    fn codes_read_in_references_share_their_text_and_are_checked() {
        // A short code is held in place; a long one shares its text.
        let long = "XM-DAC-41114-PROJECT-00042-KEN";
        assert!(long.len() > INLINE_LEN);
        let first = ElementCode::shared(long).unwrap();
        let again = ElementCode::shared(long).unwrap();
        assert_eq!(first.as_str().as_ptr(), again.as_str().as_ptr());
        assert_eq!(ElementCode::shared("7.1").unwrap().as_str(), "7.1");
        assert!(ElementCode::shared("7\t1").is_err());
        assert!(ElementCode::shared(&format!("{long}\t1")).is_err());
        let many: Vec<ElementCode> = (0..SHARED_CODES + 10)
            .map(|i| ElementCode::shared(&format!("{long}-{i}")).unwrap())
            .collect();
        assert!(
            many.iter()
                .enumerate()
                .all(|(i, code)| code.as_str() == format!("{long}-{i}"))
        );
    }

    #[test]
    fn codes_compare_order_and_hash_as_their_text() {
        use std::hash::BuildHasher as _;
        let hasher = foldhash::fast::FixedState::default();
        for (a, b) in [("7.1", "7.10"), ("IPEC+", "XM-DAC-41114-PROJECT-00042-KEN"), ("a", "a")] {
            let (x, y) = (ElementCode::new(a).unwrap(), ElementCode::new(b).unwrap());
            assert_eq!(x.cmp(&y), a.cmp(b));
            assert_eq!(x == y, a == b);
            assert_eq!(hasher.hash_one(&x) == hasher.hash_one(&y), a == b);
        }
    }
}
