//! REST deliveries, event notifications and Transactional Messaging API
//! responses as JSON, in the two layouts they are stored in:
//!
//! - JSON Lines, as webhook receivers write events: one value per line. A
//!   broken line is a bad row at its line, and the other lines still
//!   count. A file that is one line long (a response saved by `curl`) is
//!   read the same way, streamed.
//! - Documents, pretty-printed over many lines, one after another (several
//!   arrays in one file). A document that breaks off is a bad row at the
//!   line where it broke; what came before counts, and the rest of the
//!   file, which can no longer be trusted, does not.
//!
//! The layout is told from the first line that is not blank: a line that
//! only opens an array or an object (`[`, `{`, `[{`) starts a document, as
//! every pretty-printer writes one; a line of whole values (or a broken
//! one) starts JSON Lines. A value begun on the first line and not ended
//! there is a document laid out by hand, unless the next line is a whole
//! value of its own: then the first line was cut short in a file of lines.

mod document;
mod items;

use std::cell::Cell;
use std::io::{self, BufRead, BufReader, Cursor, Read};
use std::ops::Range;

use serde_core::de::{DeserializeSeed, IgnoredAny};

use super::source::Source;
use super::tally::Tally;
use document::{Context, Document, LineCounter};
use items::Items;

/// How much of the first line is kept to tell the layout. A longer first
/// line is read as JSON Lines, which streams it.
const FIRST_LINE_LIMIT: usize = 1 << 20;

/// Reads one input into `tally`. An error means a read failed; broken
/// JSON is a bad row.
pub(crate) fn read(source: Source, tally: &mut Tally) -> Result<(), String> {
    let Source {
        name, mut reader, ..
    } = source;
    let cannot_read = |error: io::Error| format!("cannot read {name}: {error}");
    let (start, lines) = first_line(&mut reader).map_err(cannot_read)?;
    let mut text = BufReader::new(Cursor::new(start).chain(reader));
    let mut items = Items { file: &name, tally };
    let read = if lines {
        read_lines(&mut text, &mut items)
    } else {
        read_documents(&mut text, &mut items)
    };
    read.map_err(cannot_read)
}

/// Reads the start of the input, up to its first lines that are not
/// blank, and tells whether it is JSON Lines. The bytes read are returned,
/// to be read again.
fn first_line(reader: &mut impl BufRead) -> io::Result<(Vec<u8>, bool)> {
    let mut start = Vec::new();
    let Some(first) = next_line(reader, &mut start)? else {
        // The input ends on its first line, or the line is longer than
        // the limit: JSON Lines either way, which streams.
        return Ok((start, true));
    };
    let opens_document = start[first.clone()]
        .iter()
        .all(|byte| matches!(byte, b'[' | b'{') || byte.is_ascii_whitespace());
    if opens_document {
        return Ok((start, false));
    }
    if holds_whole_values(&start[first]) {
        return Ok((start, true));
    }
    // A value begun on the first line and not ended there: a document laid
    // out by hand, or a first line cut short in a file of lines. A second
    // line that is a whole value of its own says which.
    let lines = match next_line(reader, &mut start)? {
        Some(second) => is_whole_values(&start[second]),
        None => true,
    };
    Ok((start, lines))
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
    serde_json::Deserializer::from_slice(line)
        .into_iter::<IgnoredAny>()
        .all(|value| value.is_ok())
}

/// JSON Lines: each line's values are read on their own, so a broken line
/// costs only itself.
fn read_lines(text: &mut impl BufRead, items: &mut Items) -> io::Result<()> {
    let mut line = 0;
    loop {
        line += 1;
        let mut this_line = OneLine {
            inner: &mut *text,
            read: 0,
            ended: false,
        };
        let newlines = Cell::new(0);
        let mut context = Context {
            items: &mut *items,
            first_line: line,
            newlines: &newlines,
        };
        let read = read_values(&mut this_line, &mut context);
        let (read_any, ended) = (this_line.read > 0, this_line.ended);
        match read {
            Ok(()) => {}
            Err(error) if error.is_io() => return Err(io::Error::from(error)),
            Err(error) => {
                items.bad(
                    line,
                    format_args!("broken JSON: {}", without_position(&error)),
                );
                if !ended {
                    text.skip_until(b'\n')?;
                }
            }
        }
        if !read_any {
            return Ok(());
        }
    }
}

/// Documents, one after another, over the whole input.
fn read_documents(text: &mut impl Read, items: &mut Items) -> io::Result<()> {
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
    match read_values(counted, &mut context) {
        Ok(()) => Ok(()),
        Err(error) if error.is_io() => Err(io::Error::from(error)),
        // The rest of a broken document cannot be trusted: stop here,
        // having reported where it broke.
        Err(error) => {
            let line = u64::try_from(error.line()).unwrap_or(u64::MAX);
            context.items.bad(
                line,
                format_args!("broken JSON: {}", without_position(&error)),
            );
            Ok(())
        }
    }
}

/// Every value in `reader`, one after another, until only whitespace is
/// left.
fn read_values(reader: impl Read, context: &mut Context) -> serde_json::Result<()> {
    let mut json = serde_json::Deserializer::from_reader(reader);
    loop {
        match json.end() {
            Ok(()) => return Ok(()),
            Err(error) if error.is_io() => return Err(error),
            // Not the end: another value follows.
            Err(_) => Document(&mut *context).deserialize(&mut json)?,
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

/// One line of the input as a reader of its own: it ends after the
/// line's newline.
struct OneLine<'a, R> {
    inner: &'a mut R,
    read: usize,
    ended: bool,
}

impl<R: BufRead> Read for OneLine<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.ended || buf.is_empty() {
            return Ok(0);
        }
        let available = self.inner.fill_buf()?;
        let count = match available.iter().position(|&byte| byte == b'\n') {
            Some(newline) => {
                self.ended = newline < buf.len();
                (newline + 1).min(buf.len())
            }
            None => available.len().min(buf.len()),
        };
        buf[..count].copy_from_slice(&available[..count]);
        self.inner.consume(count);
        self.read += count;
        Ok(count)
    }
}
