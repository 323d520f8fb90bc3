//! Text from files made safe to show on a terminal.
//!
//! A title or key read from a file may hold control characters: `ESC ]0;…`
//! retitles a terminal window, `ESC [2J` clears it, and the bidirectional
//! formatting characters (U+202A–U+202E, U+2066–U+2069) reorder what is
//! shown. Everything the crate writes for a person passes through
//! [`printable`], which writes such characters as escapes (`\u{1b}`);
//! data formats (JSON, TOML) escape them by their own rules.

use std::borrow::Cow;

/// Whether a character must not reach a terminal as it is: a control
/// character other than a line break or tab, or a bidirectional
/// formatting character.
pub(crate) fn is_unprintable(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every control character (but line breaks and tabs) and
/// every bidirectional formatting character written as a Rust escape, so
/// that printing it cannot move the cursor, clear or retitle a terminal,
/// or reorder the line. Text without such characters is returned as it is.
///
/// ```
/// use ilo_frameworks::format::printable;
///
/// assert_eq!(printable("Decent work"), "Decent work");
/// assert_eq!(printable("A\u{1b}]0;pwned\u{7}B"), "A\\u{1b}]0;pwned\\u{7}B");
/// assert_eq!(printable("two\nlines\u{202e}"), "two\nlines\\u{202e}");
/// ```
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unprintable) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unprintable(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` with every character [`printable`] would escape replaced by as
/// many `?` as it has bytes, so that byte offsets into the text still fall
/// where they did: for showing a file's lines under a finding.
///
/// ```
/// use ilo_frameworks::format::masked;
///
/// assert_eq!(masked("title = \"A\u{1b}[2J\""), "title = \"A?[2J\"");
/// assert_eq!(masked("\u{85}é").len(), "\u{85}é".len());
/// ```
pub fn masked(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unprintable) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unprintable(c) {
            out.extend(std::iter::repeat_n('?', c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}
