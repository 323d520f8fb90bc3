//! The part of a file miette draws for a finding: the lines around it
//! only (at most a few kilobytes), so that drawing every finding of a large
//! file does not copy or scan the whole file each time.

use ilo_frameworks::format::{SourceLines, masked, printable};
use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

/// Lines of a named file, placed at their line, column and byte offset in
/// it.
pub(crate) struct Excerpt {
    name: String,
    text: String,
    line: usize,
    column: usize,
    offset: usize,
}

impl Excerpt {
    pub(crate) fn new(name: &str, lines: &SourceLines<'_>) -> Self {
        Excerpt {
            name: printable(name).into_owned(),
            // Same length, so that the finding's offsets still fall right.
            text: masked(lines.text).into_owned(),
            line: lines.line,
            column: lines.column,
            offset: lines.offset,
        }
    }

    /// The length of a label at `offset` (in the file) of `length` bytes,
    /// cut at the end of its first line and at the end of the excerpt.
    pub(crate) fn label_length(&self, offset: usize, length: usize) -> usize {
        let rest = self.text.get(offset.saturating_sub(self.offset)..).unwrap_or("");
        let line = rest.find(['\r', '\n']).unwrap_or(rest.len());
        length.min(line).max(1)
    }
}

impl SourceCode for Excerpt {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let start = self.offset;
        let within = SourceSpan::new(span.offset().saturating_sub(start).into(), span.len());
        let contents = self
            .text
            .as_str()
            .read_span(&within, context_lines_before, context_lines_after)?;
        // miette counts lines and columns from 0; the excerpt's first line
        // may start inside its line.
        let first = contents.line();
        let column = if first == 0 {
            contents.column() + self.column - 1
        } else {
            contents.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            SourceSpan::new((contents.span().offset() + start).into(), contents.span().len()),
            first + self.line - 1,
            column,
            contents.line_count(),
        )))
    }
}
