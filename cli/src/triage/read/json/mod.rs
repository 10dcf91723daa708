//! REST deliveries, event notifications and Transactional Messaging API
//! responses as JSON, in the two layouts they are stored in:
//!
//! - JSON Lines, as webhook receivers write events: one value per line. A
//!   broken line is a bad row at its line, saying whether it is cut short
//!   or not JSON, and none of its values count; the other lines still do.
//!   Each line is read whole and parsed where it lies, in time
//!   proportional to its length. A file of one line (a response saved by
//!   `curl`) is read the same way, but if that line is broken the file is
//!   a document that broke off, and fails the input as one does.
//! - Documents, pretty-printed over many lines, one after another (several
//!   arrays in one file). A document that breaks off fails the input, at
//!   the line where it broke: what follows cannot be read, so how many
//!   people the file held is unknown, and lists made without them would
//!   silently miss them (a download cut short is the usual cause).
//!
//! The layout is told from the start of the input. A file is JSON Lines
//! only when its lines are whole values: its first line that is not blank
//! holds whole values, or is broken (a text running past its end) and the
//! next line is a whole value of its own, as when a file of lines lost the
//! end of its first. A first value that goes on over several lines and
//! ends is a document, however it is laid out (a deliveries response whose
//! one `tracking` item sits on a line of its own is still one document).

mod document;
mod items;
mod written;

use std::cell::Cell;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::ops::Range;

use serde_core::de::{DeserializeSeed, IgnoredAny};

use super::sink::Sink;
use super::source::Source;
use super::values::country_codes::CountryCode;
use crate::status_table::StatusTable;
use document::{Context, Document, LineCounter};
use items::Items;

/// How much of the start is kept to tell the layout. A longer first line
/// is read as JSON Lines; a first value longer than this that starts a
/// document is told by its second line.
const FIRST_LINE_LIMIT: usize = 1 << 20;

/// Reads one input into `sink`, statuses' names as `statuses` names them.
/// An error means a read failed; broken JSON is a bad row.
pub(crate) fn read<S: Sink>(
    source: Source,
    country: Option<CountryCode>,
    statuses: &StatusTable,
    sink: &mut S,
) -> Result<(), String> {
    let Source {
        name, mut reader, ..
    } = source;
    let cannot_read = |error: io::Error| format!("cannot read {name}: {error}");
    let (start, lines) = first_line(&mut reader).map_err(cannot_read)?;
    let mut text = BufReader::new(Cursor::new(start).chain(reader));
    let mut items = Items {
        file: &name,
        sink,
        country,
        statuses,
    };
    let read = if lines {
        read_lines(&mut text, &mut items)
    } else {
        read_documents(&mut text, &mut items)
    };
    read.map_err(|failure| match failure {
        DocumentFailure::Read(error) => cannot_read(error),
        DocumentFailure::CutShort { line } => format!(
            "{name}:{line}: broken JSON: the file ends inside a document, cut short (a \
                 download that did not finish?), so the people it held past there are unknown"
        ),
        DocumentFailure::Broken { line, problem } => format!(
            "{name}:{line}: broken JSON: {problem}; the rest of the file cannot be read, \
                 so the people it held past there are unknown"
        ),
    })
}

/// Why documents could not be read to their end.
enum DocumentFailure {
    Read(io::Error),
    /// The input ends inside a document, on `line`.
    CutShort {
        line: u64,
    },
    /// Not JSON from `line` on.
    Broken {
        line: u64,
        problem: String,
    },
}

/// Reads the start of the input, as far as telling its layout needs, and
/// tells whether it is JSON Lines. The bytes read are returned, to be read
/// again.
fn first_line(reader: &mut impl BufRead) -> io::Result<(Vec<u8>, bool)> {
    let mut start = Vec::new();
    let Some(first) = next_line(reader, &mut start)? else {
        // The input ends on its first line, or the line is longer than
        // the limit: JSON Lines either way, which streams.
        return Ok((start, true));
    };
    if holds_whole_values(&start[first.clone()]) {
        return Ok((start, true));
    }
    let value_start = first.start;
    let mut value = FirstValue::default();
    let (mut scanned, mut second) = (value_start, None);
    loop {
        // Each line is scanned once: the scan goes on where it stopped.
        match value.scan(&start[scanned..]) {
            ValueEnd::Closes => return Ok((start, false)),
            ValueEnd::BrokenText => break,
            ValueEnd::Open => scanned = start.len(),
        }
        if start.len() - value_start >= FIRST_LINE_LIMIT {
            break;
        }
        match next_line(reader, &mut start)? {
            Some(line) => {
                second.get_or_insert(line);
            }
            None => break,
        }
    }
    // A first value that is broken, or still open this far: a file of
    // lines that lost the end of its first, when its second line is a
    // whole value of its own; else a document, broken or long.
    let second = match second {
        Some(line) => Some(line),
        None => next_line(reader, &mut start)?,
    };
    let lines = second.is_none_or(|line| is_whole_values(&start[line]));
    Ok((start, lines))
}

/// How the first value of some text ends, as far as the text goes.
#[derive(Debug, PartialEq, Eq)]
enum ValueEnd {
    /// Its brackets and braces close.
    Closes,
    /// A text in it runs past the end of a line, which no JSON text does.
    BrokenText,
    /// It is still open where the text ends.
    Open,
}

/// How far the scan of a first value has got: by its brackets, braces
/// and texts alone, enough to tell a document from a broken line, and fed
/// the text a piece at a time, so that it reads each byte once.
#[derive(Debug, Default)]
struct FirstValue {
    depth: usize,
    in_text: bool,
    escaped: bool,
}

impl FirstValue {
    /// Reads on through `text`, the value's next bytes.
    fn scan(&mut self, text: &[u8]) -> ValueEnd {
        for &byte in text {
            if self.in_text {
                match byte {
                    _ if self.escaped => self.escaped = false,
                    b'\\' => self.escaped = true,
                    b'"' => self.in_text = false,
                    b'\n' => return ValueEnd::BrokenText,
                    _ => {}
                }
                continue;
            }
            match byte {
                b'"' => self.in_text = true,
                b'[' | b'{' => self.depth += 1,
                b']' | b'}' => {
                    self.depth = self.depth.saturating_sub(1);
                    if self.depth == 0 {
                        return ValueEnd::Closes;
                    }
                }
                _ => {}
            }
        }
        ValueEnd::Open
    }
}

/// Reads on to the end of the next line that is not blank (the last may
/// end without a line break) and returns where it is in `start`; `None`
/// when the input ends first, or the line is longer than the limit.
fn next_line(reader: &mut impl BufRead, start: &mut Vec<u8>) -> io::Result<Option<Range<usize>>> {
    loop {
        let line_start = start.len();
        let room = FIRST_LINE_LIMIT.saturating_sub(line_start) as u64;
        let read = (&mut *reader).take(room).read_until(b'\n', start)?;
        let cut_short = read as u64 == room && !start.ends_with(b"\n");
        if read == 0 || cut_short {
            return Ok(None);
        }
        if !start[line_start..].trim_ascii().is_empty() {
            return Ok(Some(line_start..start.len()));
        }
    }
}

/// Whether the values that start on `line` all end on it, with nothing
/// but whitespace between and after them. A syntax error counts as a
/// whole line, a broken one; only running out of text mid-value does not.
fn holds_whole_values(line: &[u8]) -> bool {
    for value in serde_json::Deserializer::from_slice(line).into_iter::<IgnoredAny>() {
        if let Err(error) = value {
            return !error.is_eof();
        }
    }
    true
}

/// Whether `line` is one or more whole JSON values and nothing else.
fn is_whole_values(line: &[u8]) -> bool {
    first_error(line).is_none()
}

/// What breaks the JSON values of `line`, if anything does.
fn first_error(line: &[u8]) -> Option<serde_json::Error> {
    serde_json::Deserializer::from_slice(line)
        .into_iter::<IgnoredAny>()
        .find_map(Result::err)
}

/// JSON Lines: each line's values are read on their own, so a broken line
/// costs only itself. A line is read whole, then parsed where it lies: the
/// time is the line's length, however long.
fn read_lines<S: Sink>(
    text: &mut impl BufRead,
    items: &mut Items<S>,
) -> Result<(), DocumentFailure> {
    let mut buffer = Vec::new();
    let mut line = 0;
    // The first line that holds anything, when it is broken: a bad row
    // once another line shows the file is lines, else a whole file that
    // broke off.
    let mut pending: Option<(u64, serde_json::Error)> = None;
    let mut first = true;
    loop {
        buffer.clear();
        if text
            .read_until(b'\n', &mut buffer)
            .map_err(DocumentFailure::Read)?
            == 0
        {
            return pending.map_or(Ok(()), |(line, error)| Err(broken_off(&error, line)));
        }
        line += 1;
        let mut values = buffer.as_slice();
        values = values.strip_suffix(b"\n").unwrap_or(values);
        values = values.strip_suffix(b"\r").unwrap_or(values);
        if values.trim_ascii().is_empty() {
            continue;
        }
        if let Some((pending_line, error)) = pending.take() {
            items.bad(pending_line, broken_line(&error));
        }
        // Checked whole before any of its values is read: a line broken
        // part way must not count the values before the break.
        if let Some(error) = first_error(values) {
            if first {
                pending = Some((line, error));
            } else {
                items.bad(line, broken_line(&error));
            }
            first = false;
            continue;
        }
        first = false;
        let newlines = Cell::new(0);
        let mut context = Context {
            items: &mut *items,
            first_line: line,
            newlines: &newlines,
        };
        let mut json = serde_json::Deserializer::from_slice(values);
        if let Err(error) = read_values(&mut json, &mut context) {
            items.bad(line, broken_line(&error));
        }
    }
}

/// A document that broke off on `line`: cut short, or not JSON there.
fn broken_off(error: &serde_json::Error, line: u64) -> DocumentFailure {
    if error.is_eof() {
        DocumentFailure::CutShort { line }
    } else {
        DocumentFailure::Broken {
            line,
            problem: without_position(error),
        }
    }
}

/// What is wrong with a line of JSON Lines, in words that do not need the
/// parser's: it ends inside a value, or it is not JSON from some column.
fn broken_line(error: &serde_json::Error) -> String {
    if error.is_eof() {
        "broken JSON line: it is cut short, ending inside a value".to_owned()
    } else {
        format!(
            "broken JSON line: not JSON from column {}",
            error.column().max(1)
        )
    }
}

/// Documents, one after another, over the whole input.
fn read_documents<S: Sink>(
    text: &mut impl Read,
    items: &mut Items<S>,
) -> Result<(), DocumentFailure> {
    let newlines = Cell::new(0);
    let counted = LineCounter {
        inner: text,
        newlines: &newlines,
    };
    let mut context = Context {
        items,
        first_line: 1,
        newlines: &newlines,
    };
    let mut json = serde_json::Deserializer::from_reader(counted);
    match read_values(&mut json, &mut context) {
        Ok(()) => Ok(()),
        Err(error) if error.is_io() => Err(DocumentFailure::Read(io::Error::from(error))),
        Err(error) => Err(broken_off(
            &error,
            u64::try_from(error.line()).unwrap_or(u64::MAX),
        )),
    }
}

/// Every value `json` holds, one after another, until only whitespace is
/// left.
fn read_values<'de, R: serde_json::de::Read<'de>, S: Sink>(
    json: &mut serde_json::Deserializer<R>,
    context: &mut Context<S>,
) -> serde_json::Result<()> {
    loop {
        match json.end() {
            Ok(()) => return Ok(()),
            Err(error) if error.is_io() => return Err(error),
            // Not the end: another value follows.
            Err(_) => Document(&mut *context).deserialize(&mut *json)?,
        }
    }
}

/// `serde_json`'s message without its " at line L column C": the line is
/// given first, as for every bad row.
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::{FirstValue, ValueEnd};

    fn first_value_end(text: &[u8]) -> ValueEnd {
        FirstValue::default().scan(text)
    }

    #[test]
    fn a_first_value_closes_is_broken_or_stays_open() {
        assert_eq!(
            first_value_end(b"{\"a\": [\n{\"b\": \"]}\"}\n] }\n"),
            ValueEnd::Closes
        );
        assert_eq!(
            first_value_end(b"[\n  {\"a\": \"\\\"\"}\n]"),
            ValueEnd::Closes
        );
        assert_eq!(
            first_value_end(b"{\"a\": \"cut\n{\"b\": 1}\n"),
            ValueEnd::BrokenText
        );
        assert_eq!(first_value_end(b"{\"a\": 1,\n{\"b\": 1}\n"), ValueEnd::Open);
        // Fed a piece at a time, the scan goes on where it stopped.
        let mut value = FirstValue::default();
        assert_eq!(value.scan(b"{\"a\": \"x\\"), ValueEnd::Open);
        assert_eq!(value.scan(b"\"}"), ValueEnd::Open);
        assert_eq!(value.scan(b"\"}"), ValueEnd::Closes);
    }
}
