//! Errors in reading a file, with the place they occurred and their kind.

use std::fmt;

use super::Format;
use crate::error::DUPLICATE_ID;
use crate::id::Expected;

/// What kind of problem stopped a file from loading, for a program to match
/// on; [`LoadError::message`] says the same in words.
///
/// ```
/// use ilo_frameworks::Framework;
/// use ilo_frameworks::format::LoadErrorKind;
///
/// let head = "id = \"x\"\nkind = \"other\"\ntitle = \"T\"\n";
/// let err = Framework::from_toml_str(&format!("{head}titel = \"typo\"\n"), "x.toml").unwrap_err();
/// assert_eq!(err.kind(), LoadErrorKind::UnknownKey);
/// assert_eq!((err.line(), err.column()), (4, 1));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum LoadErrorKind {
    /// The text is not TOML or JSON: an unclosed string or bracket, a
    /// trailing comma, an empty JSON file.
    Syntax,
    /// A key the format does not have here (a typo, or a key in the wrong table).
    UnknownKey,
    /// A required key is missing.
    MissingKey,
    /// A key given twice in one table.
    DuplicateKey,
    /// A value of the wrong type: a number where a text is expected, a table
    /// where a list is.
    WrongType,
    /// A name outside the closed list of names a key accepts, such as
    /// `kind = "flagshp"`.
    UnknownName,
    /// A code, identifier, date or period that does not parse, such as
    /// `code = "7.x"`; which kind of value it was meant to be.
    BadCode(Expected),
    /// A value of the right type out of its range: a negative count, a
    /// share above 1, a source line 0, a number that is not finite.
    BadValue,
    /// Two documents of a set with the same id; the place is the second one's.
    DuplicateId,
    /// Values that are each well formed but do not hold together, such as a
    /// catalogue listing a code twice.
    Inconsistent,
}

impl LoadErrorKind {
    /// A short name for tools: `syntax`, `unknown-key`, `missing-key`,
    /// `duplicate-key`, `wrong-type`, `unknown-name`, `bad-code`,
    /// `bad-value`, `duplicate-id` or `inconsistent`.
    pub fn name(self) -> &'static str {
        match self {
            LoadErrorKind::Syntax => "syntax",
            LoadErrorKind::UnknownKey => "unknown-key",
            LoadErrorKind::MissingKey => "missing-key",
            LoadErrorKind::DuplicateKey => "duplicate-key",
            LoadErrorKind::WrongType => "wrong-type",
            LoadErrorKind::UnknownName => "unknown-name",
            LoadErrorKind::BadCode(_) => "bad-code",
            LoadErrorKind::BadValue => "bad-value",
            LoadErrorKind::DuplicateId => "duplicate-id",
            LoadErrorKind::Inconsistent => "inconsistent",
        }
    }
}

impl fmt::Display for LoadErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A file that could not be read into the model: which file, where in it
/// (line and column, both from 1, the column in characters), what kind of
/// problem and what was wrong, in the words of someone writing the file.
///
/// ```
/// use ilo_frameworks::Framework;
/// use ilo_frameworks::format::LoadErrorKind;
///
/// let text = "id = \"pb-2022-23\"\nkind = \"programme-and-budget\"\ntitle = \"P&B\"\n\n[[outcomes]]\ncode = \"7.x\"\ntitle = \"t\"\n";
/// let err = Framework::from_toml_str(text, "pb.toml").unwrap_err();
/// assert_eq!((err.line(), err.column()), (6, 8));
/// assert!(matches!(err.kind(), LoadErrorKind::BadCode(_)));
/// assert!(err.to_string().starts_with("pb.toml:6:8: invalid outcome code \"7.x\""));
///
/// let err = Framework::from_toml_str("id = \"x\"\nkind = \"other\"\ntitle = 5\n", "x.toml").unwrap_err();
/// assert_eq!(err.kind(), LoadErrorKind::WrongType);
/// assert_eq!(err.message(), "expected a text, found the number 5");
/// ```
///
/// Its `Debug` form is its `Display` form.
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    origin: String,
    line: usize,
    column: usize,
    kind: LoadErrorKind,
    message: String,
}

impl LoadError {
    /// An error of `kind` at `line` and `column` (each at least 1), with
    /// `message` as it stands.
    pub(crate) fn of_kind(
        origin: &str,
        line: usize,
        column: usize,
        kind: LoadErrorKind,
        message: impl Into<String>,
    ) -> Self {
        LoadError {
            origin: origin.to_owned(),
            line: line.max(1),
            column: column.max(1),
            kind,
            message: message.into(),
        }
    }

    /// An error at `line` and `column`: its kind is read from `message`,
    /// whose serde and Rust words are put in the words of a TOML file.
    pub(crate) fn new(origin: &str, line: usize, column: usize, message: impl Into<String>) -> Self {
        let (kind, message) = describe(&message.into(), Words::of(Format::Toml), None);
        LoadError::of_kind(origin, line, column, kind, message)
    }

    /// The error at byte `offset` of `text`, as [`LoadError::new`].
    pub(crate) fn at_offset(origin: &str, text: &str, offset: usize, message: impl Into<String>) -> Self {
        let (line, column) = line_column(text, offset);
        LoadError::new(origin, line, column, message)
    }

    /// The same error, of another kind.
    #[allow(dead_code, reason = "for readers that know the kind better than the message says")]
    pub(crate) fn with_kind(mut self, kind: LoadErrorKind) -> Self {
        self.kind = kind;
        self
    }

    /// What kind of problem it is.
    pub fn kind(&self) -> LoadErrorKind {
        self.kind
    }

    /// The file (or other origin) the text came from, as the caller named it.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The line, from 1.
    pub fn line(&self) -> usize {
        self.line
    }

    /// The column in characters, from 1.
    pub fn column(&self) -> usize {
        self.column
    }

    /// What was wrong, without the place.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for LoadError {
    /// `origin:line:column: message`, control characters escaped (a key or
    /// value quoted from the file may hold them; see [`printable`](super::printable)).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            super::printable(&self.origin),
            self.line,
            self.column,
            super::printable(&self.message)
        )
    }
}

impl fmt::Debug for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// The line and column (both from 1, column in characters) of byte
/// `offset`, for the one place of a load error.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    super::LineIndex::new(text).line_column(text, offset)
}

/// How a format names the kinds of values, for messages: TOML has texts,
/// lists and tables, JSON strings, arrays and objects.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Words {
    text: &'static str,
    the_text: &'static str,
    list: &'static str,
    table: &'static str,
    format: Format,
}

impl Words {
    pub(crate) fn of(format: Format) -> Words {
        match format {
            Format::Toml => Words {
                text: "a text",
                the_text: "the text",
                list: "a list",
                table: "a table",
                format,
            },
            Format::Json => Words {
                text: "a string",
                the_text: "the string",
                list: "an array",
                table: "an object",
                format,
            },
        }
    }
}

/// The kind of a reader's error `raw` (a serde, toml or serde_json message,
/// or one of the crate's own) and the message in the words of someone
/// writing the file: "a number", not `f64`; "a table", not `struct Outcome`.
/// `source` is the text the error points at, when known.
pub(crate) fn describe(raw: &str, w: Words, source: Option<&str>) -> (LoadErrorKind, String) {
    use LoadErrorKind as K;
    let raw = raw.trim_end();
    if let Some(expected) = Expected::of_message(raw) {
        let kind = if expected == Expected::Share {
            K::BadValue
        } else {
            K::BadCode(expected)
        };
        return (kind, raw.to_owned());
    }
    if raw.starts_with(DUPLICATE_ID) {
        return (K::DuplicateId, raw.to_owned());
    }
    if let Some((found, expected)) = raw.strip_prefix("invalid type: ").and_then(split_found) {
        let integer = found.starts_with("integer ");
        let (found, expected) = (found_words(found, w, source), expected_words(expected, w));
        // A whole number too large for serde's usual integers is of the
        // right type, out of range.
        if integer && expected.starts_with("a whole number") {
            return (K::BadValue, format!("{found} is not {expected}"));
        }
        return (K::WrongType, format!("expected {expected}, found {found}"));
    }
    if let Some((found, expected)) = raw.strip_prefix("invalid value: ").and_then(split_found) {
        let message = format!(
            "{} is not {}",
            found_words(found, w, source),
            expected_words(expected, w)
        );
        return (K::BadValue, message);
    }
    if let Some((length, expected)) = raw
        .strip_prefix("invalid length ")
        .and_then(|r| r.split_once(", expected "))
    {
        let expected = expected_words(expected, w);
        return if expected == w.table {
            (K::WrongType, format!("expected {expected}, found {}", w.list))
        } else {
            (
                K::BadValue,
                format!("expected {expected}, found {} of {length} values", w.list),
            )
        };
    }
    if let Some((name, rest)) = raw.strip_prefix("unknown field ").and_then(backticked) {
        let message = match rest.strip_prefix(", expected ") {
            Some(keys) => format!("unknown key `{name}`, expected {keys}"),
            None => format!("unknown key `{name}`: no key is expected here"),
        };
        return (K::UnknownKey, message);
    }
    if let Some((name, _)) = raw.strip_prefix("missing field ").and_then(backticked) {
        return (K::MissingKey, format!("missing key `{name}`"));
    }
    if let Some((name, _)) = raw.strip_prefix("duplicate field ").and_then(backticked) {
        return (K::DuplicateKey, format!("duplicate key `{name}`"));
    }
    if let Some((name, rest)) = raw.strip_prefix("unknown variant ").and_then(backticked) {
        let message = match rest.strip_prefix(", expected ") {
            Some(names) => format!("unknown name `{name}`, expected {names}"),
            None => format!("unknown name `{name}`"),
        };
        return (K::UnknownName, message);
    }
    if let Some(name) = raw.strip_prefix("data did not match any variant of untagged enum ") {
        let message = match name {
            "ClaimValue" => format!("expected a whole number or {}", w.text),
            _ => "this value has none of the accepted forms".to_owned(),
        };
        return (K::WrongType, message);
    }
    if raw == "wanted string or table" {
        return (K::WrongType, format!("expected {} or {}", w.text, w.table));
    }
    if let Some(found) = raw.strip_prefix("expected table, found ") {
        let found = match found {
            "string" => w.text,
            "integer" | "float" => "a number",
            "boolean" => "true or false",
            "datetime" => "a date",
            "array" => w.list,
            _ => w.table,
        };
        return (K::WrongType, format!("expected {}, found {found}", w.table));
    }
    if raw.starts_with("wanted exactly 1 element") || raw.starts_with("expected table with exactly 1 entry") {
        return (K::BadValue, format!("expected {} with exactly one key", w.table));
    }
    if let Some(what) = raw.strip_prefix("expected empty ") {
        let what = if what == "array" { w.list } else { w.table };
        return (K::BadValue, format!("expected {what} with nothing in it"));
    }
    if matches!(
        raw,
        "integer number overflowed" | "floating-point number overflowed" | "number out of range"
    ) {
        return (K::BadValue, "the number is too large".to_owned());
    }
    if let Some(length) = raw.strip_prefix("expected tuple with length ") {
        return (K::BadValue, format!("expected {} of {length} values", w.list));
    }
    (K::BadValue, raw.to_owned())
}

/// The message of a JSON syntax error in plain words.
pub(crate) fn json_syntax_words(raw: &str) -> String {
    match raw {
        "EOF while parsing a value" => "the text ends where a value should be".to_owned(),
        "EOF while parsing an object" => "the text ends inside an object: a `}` is missing".to_owned(),
        "EOF while parsing a list" => "the text ends inside an array: a `]` is missing".to_owned(),
        "EOF while parsing a string" => "the text ends inside a string: a `\"` is missing".to_owned(),
        "expected ident" => "expected `true`, `false` or `null`".to_owned(),
        "expected value" => "expected a value".to_owned(),
        "trailing characters" => "unexpected text after the end of the document".to_owned(),
        other => other.to_owned(),
    }
}

/// `found, expected X` split after serde's description of what was found,
/// which may itself hold `, expected ` inside a quoted string.
fn split_found(rest: &str) -> Option<(&str, &str)> {
    let end = if let Some(quoted) = rest.strip_prefix("string \"") {
        let mut escaped = false;
        let close = quoted.char_indices().find_map(|(i, c)| {
            let closes = c == '"' && !escaped;
            escaped = c == '\\' && !escaped;
            closes.then_some(i)
        })?;
        "string \"".len() + close + 1
    } else if let Some(tick) = rest.find('`').filter(|&i| !rest[..i].contains(',')) {
        let close = rest[tick + 1..].find('`')? + tick + 1;
        let after = &rest[close + 1..];
        close + 1 + after.find(", expected ").unwrap_or(after.len())
    } else {
        rest.find(", expected ")?
    };
    let expected = rest[end..].strip_prefix(", expected ")?;
    Some((&rest[..end], expected))
}

/// The name between the first pair of backticks, and what follows it.
fn backticked(rest: &str) -> Option<(&str, &str)> {
    let inner = rest.strip_prefix('`')?;
    let close = inner.find('`')?;
    Some((&inner[..close], &inner[close + 1..]))
}

/// What serde says was found, in plain words.
fn found_words(found: &str, w: Words, source: Option<&str>) -> String {
    let ticked = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_prefix('`'))
            .and_then(|rest| rest.split_once('`'))
            .map(|(value, _)| value.to_owned())
    };
    if let Some(number) = ticked("integer ").or_else(|| ticked("floating point ")) {
        return format!("the number {number}");
    }
    if let Some(value) = ticked("boolean ") {
        return value;
    }
    if let Some(c) = ticked("character ") {
        return format!("{} {c:?}", w.the_text);
    }
    if let Some(quoted) = found.strip_prefix("string ") {
        return format!("{} {quoted}", w.the_text);
    }
    match found {
        "map" => {
            let unquoted_date = w.format == Format::Toml
                && source.is_some_and(|s| s.trim_start().starts_with(|c: char| c.is_ascii_digit()));
            if unquoted_date {
                let date = source.unwrap_or_default().trim();
                format!("the date {date} without quotes (write it as a text: \"{date}\")")
            } else {
                w.table.to_owned()
            }
        }
        "sequence" => w.list.to_owned(),
        "null" | "unit value" => "null".to_owned(),
        "Option value" | "newtype struct" => "a value".to_owned(),
        "unit variant" | "enum" => "a name alone".to_owned(),
        "newtype variant" | "tuple variant" | "struct variant" => "a name with a value".to_owned(),
        "byte array" => "bytes".to_owned(),
        other => other.to_owned(),
    }
}

/// What serde says was expected, in plain words.
fn expected_words(expected: &str, w: Words) -> String {
    let expected = expected.trim_end_matches('.');
    let whole = |range: &str| format!("a whole number{range}");
    match expected {
        "u8" => return whole(" from 0 to 255"),
        "u16" => return whole(" from 0 to 65535"),
        "u32" => return whole(" from 0 to 4294967295"),
        "u64" | "u128" | "usize" => return whole(" from 0"),
        "i8" => return whole(" from -128 to 127"),
        "i16" => return whole(" from -32768 to 32767"),
        "i32" => return whole(" from -2147483648 to 2147483647"),
        "i64" | "i128" | "isize" => return whole(""),
        "a nonzero u8" => return whole(" from 1 to 255"),
        "a nonzero u16" => return whole(" from 1 to 65535"),
        "a nonzero u32" => return whole(" from 1 to 4294967295"),
        "a nonzero u64" | "a nonzero u128" | "a nonzero usize" => return whole(" from 1"),
        "f32" | "f64" => return "a number".to_owned(),
        "a string" | "a borrowed string" | "string" | "str" => return w.text.to_owned(),
        "a boolean" | "bool" => return "true or false".to_owned(),
        "a sequence" | "seq" => return w.list.to_owned(),
        "a map" | "map" => return w.table.to_owned(),
        "a character" | "char" => return "a single character".to_owned(),
        "unit" => return "null".to_owned(),
        "option" => return "a value".to_owned(),
        "variant identifier" | "unit variant" => return "a name".to_owned(),
        "field identifier" => return "a key".to_owned(),
        "newtype variant" | "struct variant" => return format!("{} with one key", w.table),
        "tuple variant" => return w.list.to_owned(),
        _ => {}
    }
    if expected.starts_with("a nonzero ") {
        return whole(" other than 0");
    }
    if expected.starts_with("struct ") {
        return w.table.to_owned();
    }
    if expected.starts_with("tuple struct ") {
        return w.list.to_owned();
    }
    if expected.starts_with("enum ") {
        return "a name".to_owned();
    }
    if let Some(size) = expected.strip_prefix("a tuple of size ") {
        return format!("{} of {size} values", w.list);
    }
    // The crate's own descriptions, which may open with a capital.
    let mut words = String::with_capacity(expected.len());
    let mut chars = expected.chars();
    if let Some(first) = chars.next() {
        let second = chars.clone().next();
        if first.is_uppercase() && second.is_some_and(|c| c.is_lowercase() || c == ' ') {
            words.extend(first.to_lowercase());
        } else {
            words.push(first);
        }
        words.extend(chars);
    }
    if w.format == Format::Json {
        words = words
            .replace("a text", "a string")
            .replace("a list", "an array")
            .replace("a table", "an object");
    }
    words
}

/// The error of the TOML parser (the text is not TOML at all).
pub(crate) fn toml_syntax(origin: &str, text: &str, error: &toml::de::Error) -> LoadError {
    let span = error.span();
    let offset = span.as_ref().map_or(text.len(), |s| s.start);
    let (line, column) = line_column(text, offset);
    let message = error.message().trim_end();
    if message.starts_with("duplicate key") {
        let key = span.and_then(|s| text.get(s)).map(str::trim).filter(|k| !k.is_empty());
        let message = match key {
            Some(key) => format!("duplicate key `{key}`"),
            None => "duplicate key".to_owned(),
        };
        return LoadError::of_kind(origin, line, column, LoadErrorKind::DuplicateKey, message);
    }
    LoadError::of_kind(origin, line, column, LoadErrorKind::Syntax, message)
}

/// The error of reading TOML text into the model.
pub(crate) fn toml_data(origin: &str, text: &str, error: &toml::de::Error) -> LoadError {
    let span = error.span();
    let source = span.clone().and_then(|s| text.get(s));
    let (kind, message) = describe(error.message(), Words::of(Format::Toml), source);
    let offset = if kind == LoadErrorKind::DuplicateId {
        duplicate_id(&message).and_then(|id| toml_second_document(text, id))
    } else {
        None
    }
    .or(span.map(|s| s.start))
    .or_else(|| key_path(&error.to_string()).and_then(|keys| toml_table_of(text, &keys)))
    .unwrap_or(0);
    let (line, column) = line_column(text, offset);
    LoadError::of_kind(origin, line, column, kind, message)
}

/// The error of reading JSON text, at serde_json's place counted again in
/// characters, never at column 0.
pub(crate) fn json(origin: &str, text: &str, error: &serde_json::Error) -> LoadError {
    use serde_json::error::Category;
    let full = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let raw = full.strip_suffix(&suffix).unwrap_or(&full);
    let words = Words::of(Format::Json);
    let data = error.classify() == Category::Data;
    let (kind, message) = match error.classify() {
        Category::Data => describe(raw, words, None),
        Category::Syntax if raw == "number out of range" => describe(raw, words, None),
        // serde_json says "expected value" when a value of the wrong type
        // stands where an enum's name should be.
        Category::Syntax if raw == "expected value" && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() => (
            LoadErrorKind::WrongType,
            format!("expected {} naming one of the accepted values", words.text),
        ),
        Category::Syntax | Category::Eof | Category::Io => (LoadErrorKind::Syntax, json_syntax_words(raw)),
    };
    let offset = if kind == LoadErrorKind::DuplicateId {
        duplicate_id(&message).and_then(|id| json_second_document(text, id))
    } else {
        None
    }
    .unwrap_or_else(|| {
        let offset = json_offset(text, error.line(), error.column());
        if data { json_peeked_value(text, offset) } else { offset }
    });
    let (line, column) = line_column(text, offset);
    LoadError::of_kind(origin, line, column, kind, message)
}

/// The object or array serde_json looked at without reading it, when its
/// place is the separator or blank before it: a wrong value is placed at
/// the value.
fn json_peeked_value(text: &str, offset: usize) -> usize {
    let Some(rest) = text.get(offset..) else {
        return offset;
    };
    let mut chars = rest.char_indices();
    if !chars
        .next()
        .is_some_and(|(_, c)| c.is_whitespace() || matches!(c, ':' | ',' | '['))
    {
        return offset;
    }
    match chars.find(|(_, c)| !c.is_whitespace()) {
        Some((i, '{' | '[')) => offset + i,
        _ => offset,
    }
}

/// The byte offset of serde_json's line and column (the column counts
/// bytes, and is 0 at the start of a line or of an empty text): the byte
/// last read, or the newline before a line it had not started.
fn json_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
    let offset = match column {
        0 => line_start.saturating_sub(1),
        c => line_start + c - 1,
    };
    offset.min(text.len().saturating_sub(1))
}

/// The id named by a duplicate-id message.
fn duplicate_id(message: &str) -> Option<&str> {
    message.strip_prefix(DUPLICATE_ID)?.split(';').next()
}

/// The byte offset of the second `id = "…"` of `id` among the set's
/// `[[frameworks]]` and then its `[[reports]]`, the order they are added in.
fn toml_second_document(text: &str, id: &str) -> Option<usize> {
    use toml::de::{DeTable, DeValue};
    let document = DeTable::parse(text).ok()?;
    let mut places = ["frameworks", "reports"].into_iter().flat_map(|list| {
        let items = match document.get_ref().get(list).map(|v| v.get_ref()) {
            Some(DeValue::Array(items)) => items.iter().collect(),
            _ => Vec::new(),
        };
        items.into_iter().filter_map(|item| match item.get_ref() {
            DeValue::Table(table) => table
                .get("id")
                .filter(|v| v.get_ref().as_str() == Some(id))
                .map(|v| v.span().start),
            _ => None,
        })
    });
    places.nth(1)
}

/// The byte offset of the second `"id": "…"` of `id` among the set's
/// `frameworks` and then its `reports`.
fn json_second_document(text: &str, id: &str) -> Option<usize> {
    let mut places = JsonIds::scan(text)?;
    places.sort_by_key(|(list, offset, _)| (*list != "frameworks", *offset));
    places
        .into_iter()
        .filter(|(_, _, found)| found == id)
        .map(|(_, offset, _)| offset)
        .nth(1)
}

/// A scanner of well-formed JSON that finds the `id` of each object in the
/// top-level arrays `frameworks` and `reports`.
struct JsonIds<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> JsonIds<'a> {
    /// Each id as (array, byte offset of its value, id).
    fn scan(text: &'a str) -> Option<Vec<(&'static str, usize, String)>> {
        let mut scan = JsonIds { text, at: 0 };
        let mut found = Vec::new();
        scan.object(|scan, key| {
            let list = ["frameworks", "reports"].into_iter().find(|l| *l == key);
            match list {
                Some(list) if scan.peek() == Some(b'[') => scan.array(|scan| {
                    if scan.peek() != Some(b'{') {
                        return scan.value();
                    }
                    scan.object(|scan, key| {
                        if key == "id" && scan.peek() == Some(b'"') {
                            let start = scan.at;
                            let id = scan.string()?;
                            found.push((list, start, id));
                            Some(())
                        } else {
                            scan.value()
                        }
                    })
                }),
                _ => scan.value(),
            }
        })?;
        Some(found)
    }

    fn peek(&mut self) -> Option<u8> {
        let rest = &self.text.as_bytes()[self.at..];
        let blank = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
        self.at += blank;
        rest.get(blank).copied()
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// A string, decoded.
    fn string(&mut self) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        let start = self.at;
        let bytes = self.text.as_bytes();
        let mut i = start + 1;
        while *bytes.get(i)? != b'"' {
            i += if bytes[i] == b'\\' { 2 } else { 1 };
        }
        self.at = i + 1;
        serde_json::from_str(&self.text[start..self.at]).ok()
    }

    /// An object, calling `member` with each key before its value.
    fn object(&mut self, mut member: impl FnMut(&mut Self, String) -> Option<()>) -> Option<()> {
        self.expect(b'{')?;
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.expect(b':')?;
            member(self, key)?;
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// An array, calling `item` at each item.
    fn array(&mut self, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.expect(b'[')?;
        if self.peek()? == b']' {
            self.at += 1;
            return Some(());
        }
        loop {
            item(self)?;
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// Any value, skipped.
    fn value(&mut self) -> Option<()> {
        match self.peek()? {
            b'{' => self.object(|scan, _| scan.value()),
            b'[' => self.array(Self::value),
            b'"' => self.string().map(|_| ()),
            _ => {
                let rest = &self.text.as_bytes()[self.at..];
                let length = rest
                    .iter()
                    .take_while(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
                    .count();
                (length > 0).then(|| self.at += length)
            }
        }
    }
}

/// The key path a toml error names when it has no span: its `in `a.b`` line.
fn key_path(display: &str) -> Option<Vec<String>> {
    let path = display
        .lines()
        .find_map(|line| line.strip_prefix("in `")?.strip_suffix('`'))?;
    Some(path.split('.').map(str::to_owned).collect())
}

/// The byte offset of the table `keys` names: its `[header]` or
/// `[[header]]` (the first, when an array of tables repeats it), or the
/// line where its last key is written inline; failing that, the header of
/// the deepest table on the path that is written as one.
fn toml_table_of(text: &str, keys: &[String]) -> Option<usize> {
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .scan(0, |offset, line| {
            let start = *offset;
            *offset += line.len();
            Some((start, line))
        })
        .collect();
    fn header(line: &str) -> Option<Vec<&str>> {
        let line = line.trim();
        let inner = match line.strip_prefix("[[") {
            Some(rest) => rest.split_once("]]")?.0,
            None => line.strip_prefix('[')?.split_once(']')?.0,
        };
        Some(inner.split('.').map(|k| k.trim().trim_matches(['"', '\''])).collect())
    }
    let indent = |line: &str| line.len() - line.trim_start().len();
    for depth in (1..=keys.len()).rev() {
        let path = &keys[..depth];
        let Some(at) = lines
            .iter()
            .position(|(_, line)| header(line).is_some_and(|h| h == path))
        else {
            continue;
        };
        if depth < keys.len() {
            // The next key written inline within that table, before the next header.
            let next = &keys[depth];
            let inline = lines[at + 1..]
                .iter()
                .take_while(|(_, line)| header(line).is_none())
                .find(|(_, line)| {
                    let rest = line.trim_start().strip_prefix(next.as_str());
                    rest.is_some_and(|r| r.trim_start().starts_with(['=', '.']))
                });
            if let Some((start, line)) = inline {
                return Some(start + indent(line));
            }
        }
        let (start, line) = lines[at];
        return Some(start + indent(line));
    }
    // A table written inline at the top level: `plan = { … }` or `plan.title = …`.
    let first = keys.first()?;
    lines
        .iter()
        .take_while(|(_, line)| header(line).is_none())
        .find_map(|(start, line)| {
            let rest = line.trim_start().strip_prefix(first.as_str())?;
            rest.trim_start().starts_with(['=', '.']).then(|| start + indent(line))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_serde_found_is_split_from_what_it_expected() {
        assert_eq!(
            split_found("string \"a, expected b\\\"\", expected u32"),
            Some(("string \"a, expected b\\\"\"", "u32"))
        );
        assert_eq!(
            split_found("integer `99999999999999999999` as i128, expected u32"),
            Some(("integer `99999999999999999999` as i128", "u32"))
        );
        assert_eq!(
            split_found("map, expected one of `a`, `b`"),
            Some(("map", "one of `a`, `b`"))
        );
        assert_eq!(split_found("map"), None);
    }

    #[test]
    fn a_table_without_a_span_is_found_by_its_key_path() {
        let text = "id = \"x\"\n\n[[outcomes]]\ncode = \"7\"\n\n  [[outcomes.outputs]]\ncode = \"7.1\"\nsource = { line = 3 }\n\n[[outcomes.outputs.indicators]]\nlabel = \"l\"\n";
        let keys = |path: &str| path.split('.').map(str::to_owned).collect::<Vec<_>>();
        let place = |path: &str| toml_table_of(text, &keys(path)).map(|offset| line_column(text, offset));
        assert_eq!(place("outcomes.outputs.indicators"), Some((10, 1)));
        assert_eq!(place("outcomes.outputs"), Some((6, 3)));
        assert_eq!(place("outcomes.outputs.source"), Some((8, 1)));
        assert_eq!(place("outcomes.outputs.indicators.periods"), Some((10, 1)));
        assert_eq!(place("id"), Some((1, 1)));
        assert_eq!(place("nowhere"), None);
        let display = "missing field `label`\nin `outcomes.outputs.indicators`\n";
        assert_eq!(key_path(display), Some(keys("outcomes.outputs.indicators")));
    }

    #[test]
    fn json_places_are_never_column_0() {
        assert_eq!(line_column("", json_offset("", 1, 0)), (1, 1));
        assert_eq!(line_column("\n", json_offset("\n", 2, 0)), (1, 1));
        assert_eq!(line_column("{", json_offset("{", 1, 1)), (1, 1));
        assert_eq!(
            line_column("{\n\"a\": 1,\n", json_offset("{\n\"a\": 1,\n", 3, 0)),
            (2, 8)
        );
        // serde_json counts bytes; the place counts characters.
        assert_eq!(line_column("{\"é\": x}", json_offset("{\"é\": x}", 1, 8)), (1, 7));
    }

    #[test]
    fn the_second_document_with_an_id_is_found_in_json() {
        let text = r#"{"reports": [{"id": "a", "x": [1, {"id": "a"}]}], "frameworks": [{"title": "{\"id\"", "id": "a"}, {"id": "b"}]}"#;
        // The framework is added first, so the report's id is the second;
        // the nested `id` and the one inside a string are not documents'.
        let report = text.find(r#""id": "a""#).map(|i| i + 6);
        assert_eq!(json_second_document(text, "a"), report);
        assert_eq!(json_second_document(text, "b"), None);
    }
}
