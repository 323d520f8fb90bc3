//! Rendering reports for people (plain text with source lines) and for
//! tools (JSON).

use std::fmt::Write as _;

use super::{Report, Severity};
use crate::format::{SourceLines, SourceMap, Span, masked, printable};

impl Report {
    /// The counts by severity: `2 errors, 1 warning, 0 notes, 0 help`.
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| {
            if n == 1 {
                format!("{n} {word}")
            } else {
                format!("{n} {word}s")
            }
        };
        format!(
            "{}, {}, {}, {} help",
            plural(self.count(Severity::Error), "error"),
            plural(self.count(Severity::Warning), "warning"),
            plural(self.count(Severity::Note), "note"),
            self.count(Severity::Help)
        )
    }

    /// The report as pretty-printed JSON ending with a newline: its serde
    /// form, `{"diagnostics": [{"code", "severity", "message", "subjects",
    /// "location", "span", "help", "notes"}], "summary": {…}}`, documented
    /// in `docs/rules.md`. [`Report`]'s `Deserialize` reads it back.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// The report for people: each finding with its place, the source line
    /// underlined where the file is in `sources`, its notes and help, then
    /// the summary. Control characters from the files are escaped (see
    /// [`printable`]) or, in source lines, shown as `?`.
    ///
    /// ```
    /// use ilo_frameworks::format::SourceMap;
    /// use ilo_frameworks::validate::{self, Config};
    /// use ilo_frameworks::FrameworkSet;
    ///
    /// let text = "id = \"mine\"\nkind = \"other\"\ntitle = \"Mine\"\n\n[[outcomes]]\ncode = \"1\"\ntitle = \"One\"\nsdg = [\"8.99\"]\nsource = { line = 3 }\n";
    /// let mut sources = SourceMap::new();
    /// let mut set = FrameworkSet::new();
    /// set.insert(sources.add_toml(text, "mine.toml")?)?;
    /// let report = validate::validate_with_sources(&set, &sources, &Config::default())?;
    /// let text = report.render(Some(&sources));
    /// assert!(text.starts_with("error[links/unknown-sdg-code]: mine:1 names SDG 8.99, which is not in the UN catalogue\n  --> mine.toml:8:8\n"));
    /// assert!(text.contains("8 | sdg = [\"8.99\"]\n  |        ^^^^^^\n"));
    /// assert!(text.ends_with("1 error, 0 warnings, 0 notes, 0 help\n"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render(&self, sources: Option<&SourceMap>) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            let _ = writeln!(out, "{}[{}]: {}", d.severity, d.rule, printable(&d.message));
            if let Some(span) = &d.span {
                let _ = writeln!(out, "  --> {}:{}:{}", printable(&span.file), span.line, span.column);
                if let Some(lines) = sources.and_then(|s| s.lines_around(span, 0)) {
                    snippet(&mut out, &lines, span);
                }
            }
            for note in &d.notes {
                let _ = writeln!(out, "  = note: {}", printable(note));
            }
            if !d.help.is_empty() {
                let _ = writeln!(out, "  = help: {}", printable(&d.help));
            }
            out.push('\n');
        }
        let _ = writeln!(out, "{}", self.summary());
        out
    }
}

/// The source line a span starts on (`lines`, perhaps cut where it is
/// long), with a caret line under the span (the part of it on that line).
fn snippet(out: &mut String, lines: &SourceLines<'_>, span: &Span) {
    let source = masked(lines.text.strip_suffix('\r').unwrap_or(lines.text));
    let source = source.as_ref();
    let before = source.get(..span.offset.saturating_sub(lines.offset)).unwrap_or(source);
    let start = before.chars().count();
    let width = source.chars().count().saturating_sub(start);
    let underline = source
        .chars()
        .skip(start)
        .take(span.length.max(1))
        .count()
        .clamp(1, width.max(1));
    let number = span.line.to_string();
    let pad = " ".repeat(number.len());
    let _ = writeln!(out, "{pad} |");
    let _ = writeln!(out, "{number} | {source}");
    let _ = writeln!(out, "{pad} | {}{}", " ".repeat(start), "^".repeat(underline));
}
