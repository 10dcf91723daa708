//! One mistake in the table, located by byte offsets, and its rendering as a
//! message that points into the file the way rustc points into code: rustc
//! cannot place a span inside a TOML file, so the text has to.

use std::fmt::Write as _;
use std::ops::Range;

/// A mistake found in the table text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Byte range of the offending text.
    pub span: Range<usize>,
    /// What is wrong, in plain words.
    pub message: String,
    /// Shown under the caret.
    pub label: String,
    /// Another place that explains this one (the first row of a duplicate).
    pub related: Option<(Range<usize>, String)>,
    /// What to do about it: allowed values, a near match.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A mistake at `span`, with no label, related place or help yet.
    pub fn new(span: Range<usize>, message: impl Into<String>) -> Self {
        Self {
            span,
            message: message.into(),
            label: String::new(),
            related: None,
            help: None,
        }
    }

    /// The words under the caret.
    #[must_use]
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Another place to show, with its own words.
    #[must_use]
    pub fn related(mut self, span: Range<usize>, label: impl Into<String>) -> Self {
        self.related = Some((span, label.into()));
        self
    }

    /// What to do about the mistake.
    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// `file:line:column: message`, then the line with a caret under the
    /// offending text, then any related line and the help.
    #[must_use]
    pub fn render(&self, file: &str, text: &str) -> String {
        let at = Position::of(text, self.span.start);
        let mut lines = vec![(at, self.span.clone(), '^', self.label.as_str())];
        if let Some((span, label)) = &self.related {
            lines.push((
                Position::of(text, span.start),
                span.clone(),
                '-',
                label.as_str(),
            ));
        }
        let gutter = lines
            .iter()
            .map(|(p, ..)| p.line.to_string().len())
            .max()
            .unwrap_or(1);
        let mut out = format!("{file}:{}:{}: {}\n", at.line, at.column, self.message);
        let _ = writeln!(out, "{:gutter$} |", "");
        for (index, (position, span, mark, label)) in lines.into_iter().enumerate() {
            if index > 0 {
                let _ = writeln!(out, "{:gutter$} |", "");
            }
            let (source_line, column) =
                shown_part(line_text(text, position.line_start), position.column);
            let width = underline_width(&source_line, column, &span);
            let _ = writeln!(out, "{:>gutter$} | {source_line}", position.line);
            let indent = " ".repeat(column - 1);
            let marks = mark.to_string().repeat(width);
            let _ = writeln!(out, "{:gutter$} | {indent}{marks} {label}", "");
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "{:gutter$} = help: {help}", "");
        }
        out.trim_end().to_owned()
    }
}

/// A 1-based line and character column, and where that line starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Position {
    pub(crate) line: usize,
    pub(crate) column: usize,
    line_start: usize,
}

impl Position {
    /// The position of byte `offset`, clamped to the text and to a
    /// character boundary so a bad span can never panic.
    pub(crate) fn of(text: &str, offset: usize) -> Self {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        Self {
            line: before.matches('\n').count() + 1,
            column: text[line_start..offset].chars().count() + 1,
            line_start,
        }
    }
}

fn line_text(text: &str, line_start: usize) -> &str {
    let rest = &text[line_start..];
    rest.split('\n').next().unwrap_or("").trim_end_matches('\r')
}

/// How many characters to underline: the span's part on its first line,
/// at least one so an empty span (end of file) still gets a caret.
/// Lines longer than this are shown as a window around the caret, so a
/// mistake on a line of megabytes does not quote megabytes.
const SHOWN_CHARS: usize = 160;

/// The part of `line` to show, with `…` where it was cut, and the caret's
/// column within that part.
fn shown_part(line: &str, column: usize) -> (String, usize) {
    let length = line.chars().count();
    if length <= SHOWN_CHARS {
        return (line.to_owned(), column);
    }
    let start = (column - 1)
        .saturating_sub(SHOWN_CHARS / 4)
        .min(length - SHOWN_CHARS);
    let mut shown = String::from(if start > 0 { "…" } else { "" });
    shown.extend(line.chars().skip(start).take(SHOWN_CHARS));
    if start + SHOWN_CHARS < length {
        shown.push('…');
    }
    (shown, column - start + usize::from(start > 0))
}

fn underline_width(line: &str, column: usize, span: &Range<usize>) -> usize {
    let available = line.chars().count().saturating_sub(column - 1);
    let wanted = span.len().min(available);
    line.chars().skip(column - 1).take(wanted).count().max(1)
}

#[cfg(test)]
mod tests {
    use super::{Diagnostic, Position};

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "a = 1\nnamé = \"x\"\n";
        assert_eq!(Position::of(text, 0).line, 1);
        let at = Position::of(text, text.rfind('=').unwrap());
        assert_eq!((at.line, at.column), (2, 6), "é is one column, two bytes");
        // Past the end, and inside the é: clamped back, no panic.
        assert_eq!(Position::of(text, 10_000).line, 3);
        assert_eq!(Position::of(text, text.find('é').unwrap() + 1).column, 4);
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_with_the_caret_in_place() {
        let text = format!(
            "definition = \"{}\"\nstage = \"{}x\"\n",
            "a".repeat(5_000),
            "b".repeat(5_000)
        );
        let start = text.find('x').unwrap();
        let rendered = Diagnostic::new(start..start + 1, "here").render("t.toml", &text);
        assert!(rendered.starts_with("t.toml:2:5010: here"), "{rendered}");
        let lines: Vec<&str> = rendered.lines().collect();
        assert!(
            lines.iter().all(|line| line.chars().count() < 200),
            "{rendered}"
        );
        let (source, caret) = (lines[2], lines[3]);
        assert!(
            source.contains("…b") && source.contains("x\"…") || source.ends_with("x\""),
            "{source}"
        );
        let caret_at = caret.chars().position(|c| c == '^').unwrap();
        assert_eq!(source.chars().nth(caret_at), Some('x'), "{rendered}");
    }

    #[test]
    fn renders_location_snippet_caret_and_help() {
        let text = "[[status]]\ncode = 4503\n";
        let start = text.find("4503").unwrap();
        let rendered = Diagnostic::new(start..start + 4, "duplicate code 4503")
            .label("used again here")
            .help("each code may appear once")
            .render("status-codes.toml", text);
        assert_eq!(
            rendered,
            "status-codes.toml:2:8: duplicate code 4503\n  |\n2 | code = 4503\n  |        ^^^^ used again here\n  = help: each code may appear once"
        );
    }
}
