//! The text of the numbered codes (outcomes, outputs, deliverables) written
//! out without the formatting machinery: a graph or an evaluation writes a
//! code for each of a million elements, and `write!` of two numbers cost
//! more than the look-up the text is for.

/// A short code's text, on the stack.
#[derive(Clone, Copy)]
pub(crate) struct Written {
    bytes: [u8; Written::CAPACITY],
    len: usize,
}

impl Written {
    /// Room for the longest code: 15 letters and digits, a dot and a
    /// `u16`, with some to spare.
    const CAPACITY: usize = 32;

    pub(crate) fn new() -> Self {
        Written {
            bytes: [0; Written::CAPACITY],
            len: 0,
        }
    }

    /// Adds ASCII text (what does not fit is left out; no code is so long).
    pub(crate) fn push_str(&mut self, text: &str) {
        let room = Written::CAPACITY - self.len;
        let text = &text.as_bytes()[..text.len().min(room)];
        self.bytes[self.len..self.len + text.len()].copy_from_slice(text);
        self.len += text.len();
    }

    pub(crate) fn push_byte(&mut self, byte: u8) {
        if self.len < Written::CAPACITY {
            self.bytes[self.len] = byte;
            self.len += 1;
        }
    }

    /// Adds `n` in decimal.
    pub(crate) fn push_number(&mut self, n: u16) {
        let mut digits = [0u8; 5];
        let mut at = digits.len();
        let mut rest = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        for &d in &digits[at..] {
            self.push_byte(d);
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII is ever pushed.
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::Written;

    #[test]
    fn numbers_and_text_are_written_as_format_writes_them() {
        for n in [0u16, 1, 9, 10, 99, 100, 4_321, 9_999, 10_000, u16::MAX] {
            let mut w = Written::new();
            w.push_str("IA");
            w.push_number(n);
            w.push_byte(b'.');
            w.push_number(n);
            assert_eq!(w.as_str(), format!("IA{n}.{n}"));
        }
    }
}
