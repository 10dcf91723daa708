//! One mistake in the table, located by byte offsets, and its rendering as a
//! message that points into the file the way rustc points into code: rustc
//! cannot place a span inside a TOML file, so the text has to. Also the
//! collector every check reports into, which keeps the list short.

use std::fmt::Write as _;
use std::ops::Range;

/// At most this many mistakes are listed, then one message saying the
/// rest are not. A file with more is not the table with a few typos but the
/// wrong file or a paste gone wrong, and the first ones show that. Listing
/// every one is what made megabytes of junk take minutes and gigabytes
/// (hundreds of thousands of messages, each quoting its line from a large
/// file; `tests/tests/hostile_tables.rs` feeds such files), and rustc would
/// print them all.
pub const MAX_REPORTED: usize = 100;

/// Every mistake found in one table, in the spirit of serde's `Ctxt`:
/// checks [`push`](Self::push) what they find and may stop looking once
/// the list [`is_full`](Self::is_full); [`finish`](Self::finish) sorts and
/// cuts it. The one place the limit is applied.
#[derive(Debug, Default)]
pub(crate) struct Diagnostics {
    found: Vec<Diagnostic>,
}

impl Diagnostics {
    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.found.push(diagnostic);
    }

    /// Whether the list will be cut whatever else is found: a check can
    /// stop, and a file of millions of broken lines takes no longer than
    /// one with a hundred.
    pub(crate) fn is_full(&self) -> bool {
        self.found.len() > MAX_REPORTED
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// `Ok` when nothing was found; else the mistakes in file order, at most
    /// [`MAX_REPORTED`] of them, and in place of the rest one message,
    /// located where the first unlisted one is, saying so.
    pub(crate) fn finish(self) -> Result<(), Vec<Diagnostic>> {
        let mut found = self.found;
        if found.is_empty() {
            return Ok(());
        }
        found.sort_by_key(|d| (d.span.start, d.span.end));
        if let Some(first_unlisted) = found.get(MAX_REPORTED).map(|d| d.span.clone()) {
            found.truncate(MAX_REPORTED);
            found.push(too_many(first_unlisted));
        }
        Err(found)
    }
}

/// `text` with its control characters written as TOML writes them (`\t`,
/// `\u001B`), for a message that quotes a value, key or name from the
/// file: a terminal would act on them rather than show them. Quotes and
/// every other character stay as written.
pub(crate) fn visible(text: &str) -> String {
    let mut shown = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => shown.push_str("\\t"),
            '\n' => shown.push_str("\\n"),
            '\r' => shown.push_str("\\r"),
            // Every control character is at most U+009F: four digits.
            c if c.is_control() => {
                let _ = write!(shown, "\\u{:04X}", u32::from(c));
            }
            c => shown.push(c),
        }
    }
    shown
}

fn too_many(first_unlisted: Range<usize>) -> Diagnostic {
    Diagnostic::new(
        first_unlisted,
        format!("too many mistakes: the first {MAX_REPORTED} are listed, the rest are not listed"),
    )
    .label("mistakes from here on are not listed")
    .help("fix the mistakes above and try again; this many usually means the file is not the status table, or was pasted or saved wrongly")
}

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

/// The 1-based line and character column of byte `offset` in `text`, as
/// [`Diagnostic::render`] names them: for tools that place a mistake
/// themselves, such as a CI system's annotation of a line. Not in the
/// macro's build, where `proc_macro` is set: it renders every mistake.
#[cfg(not(proc_macro))]
#[must_use]
pub fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let at = Position::of(text, offset);
    (at.line, at.column)
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
/// column within that part. A control character other than a tab (never
/// valid TOML there) is shown as `�`, one character for one, so that the
/// caret stays under its place and the terminal shows the line as it is.
fn shown_part(line: &str, column: usize) -> (String, usize) {
    let (part, column) = window(line, column);
    let mut shown = String::with_capacity(part.len());
    for c in part.chars() {
        shown.push(if c.is_control() && c != '\t' {
            '\u{FFFD}'
        } else {
            c
        });
    }
    (shown, column)
}

/// The part of `line` around `column` that fits the message, and the
/// caret's column within it.
fn window(line: &str, column: usize) -> (String, usize) {
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
    use super::{Diagnostic, Diagnostics, MAX_REPORTED, Position};

    #[test]
    fn nothing_found_is_ok_and_a_few_are_sorted_by_place() {
        assert_eq!(Diagnostics::default().finish(), Ok(()));
        let mut errors = Diagnostics::default();
        for start in [30, 10, 20, 10] {
            errors.push(Diagnostic::new(start..start + 2, format!("at {start}")));
        }
        assert!(!errors.is_full());
        let listed = errors.finish().expect_err("four mistakes");
        let messages: Vec<&str> = listed.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["at 10", "at 10", "at 20", "at 30"]);
    }

    #[test]
    fn a_full_list_is_cut_where_the_first_unlisted_mistake_is() {
        let mut errors = Diagnostics::default();
        let mut pushed = 0;
        // Pushed last to first: the list keeps the first ones in the file.
        while !errors.is_full() {
            let start = 1_000 - pushed;
            errors.push(Diagnostic::new(start..start + 1, format!("at {start}")));
            pushed += 1;
        }
        assert_eq!(pushed, MAX_REPORTED + 1);
        let listed = errors.finish().expect_err("a full list");
        assert_eq!(listed.len(), MAX_REPORTED + 1);
        assert_eq!(listed[0].message, "at 900");
        assert_eq!(listed[MAX_REPORTED - 1].message, "at 999");
        let last = &listed[MAX_REPORTED];
        assert!(last.message.starts_with("too many mistakes"), "{last:?}");
        assert_eq!(last.span, 1_000..1_001);
    }

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
    fn a_control_character_in_the_quoted_line_is_shown_as_a_replacement() {
        let text = "name = \"\u{1b}[31mRed\"\tx\n";
        let start = text.find('x').unwrap();
        let rendered = Diagnostic::new(start..start + 1, "here").render("t.toml", text);
        assert!(!rendered.contains('\u{1b}'), "{rendered:?}");
        let lines: Vec<&str> = rendered.lines().collect();
        let (source, caret) = (lines[2], lines[3]);
        assert_eq!(source, "1 | name = \"\u{FFFD}[31mRed\"\tx");
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
