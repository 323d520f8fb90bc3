//! Lines and columns of byte offsets in a text, found in time that does not
//! grow with the text.
//!
//! A finding names the line and column (in characters) where its element
//! was written. Counting them from the start of the file for every finding
//! makes a file with many findings cost the square of its size, so a text
//! is indexed once: where each line starts, and how many characters come
//! before every [`STRIDE`]-th byte. A look-up is then a binary search for
//! the line and a count over at most [`STRIDE`] bytes, whatever the length
//! of the line (a TOML file can hold thousands of inline tables on one).

/// Bytes between two character checkpoints.
const STRIDE: usize = 256;

/// Where the lines of one text start and how many characters precede each
/// checkpoint.
#[derive(Debug, Clone, Default)]
pub(crate) struct LineIndex {
    /// The byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
    /// The characters in `text[..i * STRIDE]`, for each `i`.
    chars: Vec<usize>,
    /// The text's length in bytes.
    len: usize,
}

/// Whether a byte starts a character (is not a UTF-8 continuation byte).
fn starts_char(byte: u8) -> bool {
    byte & 0xC0 != 0x80
}

impl LineIndex {
    /// Indexes `text` in one pass.
    pub(crate) fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(newlines(bytes).map(|i| i + 1));
        let mut chars = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut count = 0;
        for block in bytes.chunks(STRIDE) {
            chars.push(count);
            count += block.iter().filter(|b| starts_char(**b)).count();
        }
        chars.push(count);
        LineIndex {
            starts,
            chars,
            len: bytes.len(),
        }
    }

    /// The line and column (both from 1, the column in characters) of byte
    /// `offset` of the indexed `text`; an offset past the end is the end,
    /// one inside a character is that character.
    pub(crate) fn line_column(&self, text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.len);
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|start| *start <= offset);
        let start = self.starts[line - 1];
        let column = self.chars_before(text, offset) - self.chars_before(text, start) + 1;
        (line, column)
    }

    /// The byte range of lines `first..=last` (from 1, clamped to the
    /// text), without the last line's end of line.
    pub(crate) fn lines(&self, first: usize, last: usize) -> std::ops::Range<usize> {
        let first = first.clamp(1, self.starts.len());
        let last = last.clamp(first, self.starts.len());
        let start = self.starts[first - 1];
        let end = self.starts.get(last).map_or(self.len, |next| next - 1);
        start..end.max(start)
    }

    /// The number of characters in `text[..offset]`, `offset` being on a
    /// character boundary.
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let block = offset / STRIDE;
        let from = block * STRIDE;
        self.chars[block]
            + text.as_bytes()[from..offset]
                .iter()
                .filter(|b| starts_char(**b))
                .count()
    }
}

/// The offsets of the `\n` bytes of `bytes`.
fn newlines(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    bytes.iter().enumerate().filter(|(_, b)| **b == b'\n').map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain count from the start, which the index must agree with.
    fn counted(text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        (line, before[start..].chars().count() + 1)
    }

    #[test]
    fn agrees_with_counting_from_the_start() {
        let long: String = "é".repeat(300) + "\n" + &"ab\u{a0}c".repeat(200) + "\n\n" + &"x".repeat(600);
        for text in ["", "\n", "a", "a\nb", "é\n", "\n\né", long.as_str()] {
            let index = LineIndex::new(text);
            for offset in 0..=text.len() + 2 {
                assert_eq!(
                    index.line_column(text, offset),
                    counted(text, offset),
                    "{text:?} at {offset}"
                );
            }
        }
    }

    #[test]
    fn lines_are_clamped_ranges() {
        let text = "one\ntwo\nthree";
        let index = LineIndex::new(text);
        assert_eq!(&text[index.lines(2, 2)], "two");
        assert_eq!(&text[index.lines(1, 2)], "one\ntwo");
        assert_eq!(&text[index.lines(3, 9)], "three");
        assert_eq!(&text[index.lines(0, 1)], "one");
        let ends = "a\n";
        let index = LineIndex::new(ends);
        assert_eq!(&ends[index.lines(2, 2)], "");
    }
}
