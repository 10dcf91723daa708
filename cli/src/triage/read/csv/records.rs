//! Reading an extract's records into a sink: the loop one thread runs over
//! a stream, or over its share of a large file. Each record becomes a row
//! of the sink: a message, or a bad row with its line, or a repeated
//! header; or it ends the reading, where another extract joined on has its
//! columns elsewhere.

use std::fmt::Display;
use std::io;

use mobileconnect_status::SmsStatus;

use super::extract::Extract;
use super::joined::{self, NotARow};
use super::row::{RowTime, row};
use super::scan::{Scanner, Step};
use crate::triage::read::sink::{Message, Sink};
use crate::triage::read::values::date_order::Decided;
use crate::triage::read::values::instant::{TimeReader, Undecided};
use crate::triage::read::values::message_id::MessageId;
use crate::triage::read::values::mobile_number::MobileNumber;

/// Bytes read at a time; a record longer than this grows the buffer.
pub(crate) const BLOCK: usize = 1 << 20;

/// One reader of an extract's records: where it is, and what it holds
/// back until the file says how to read it.
pub(crate) struct Worker<'a, S> {
    extract: Extract<'a>,
    scanner: Scanner,
    times: TimeReader,
    sink: &'a mut S,
    /// The line the next record starts on.
    pub(crate) line: u64,
    /// Records read whose quotes do not pair up (see
    /// `scan::quotes_pair_up`), and whether the last record read was one.
    pub(crate) irregular_records: u64,
    pub(crate) last_irregular: bool,
    /// Messages whose slash date waits for the file's date order, and the
    /// first such date with its line (see `date_order`).
    undecided: Vec<UndecidedMessage>,
    first_undecided: Option<(String, u64)>,
}

/// Why a reader stopped before the end of its text.
pub(crate) enum Stop {
    /// The text could not be read.
    Read(io::Error),
    /// A record past which the rows cannot be read (see [`joined`]): what
    /// to say, with the file and line.
    Unreadable(String),
}

impl From<io::Error> for Stop {
    fn from(error: io::Error) -> Self {
        Self::Read(error)
    }
}

/// The dates of a file (or of a share of it): what decided their order,
/// and the messages waiting for it.
pub(crate) struct Dates {
    pub(crate) decided: Option<Decided>,
    pub(crate) undecided: Vec<UndecidedMessage>,
    /// The first date that waited, and its line.
    pub(crate) first_undecided: Option<(String, u64)>,
    /// Dates that contradicted the decided order (each a bad row).
    pub(crate) contradictions: u64,
    /// Whether a slash date had an AM/PM marker (see `date_order`).
    pub(crate) marked: bool,
}

/// A message whose time waits for its file's date order.
#[derive(Clone, Copy)]
pub(crate) struct UndecidedMessage {
    pub(crate) number: MobileNumber,
    pub(crate) id: Option<MessageId>,
    pub(crate) time: Undecided,
    pub(crate) status: SmsStatus,
}

impl<'a, S: Sink> Worker<'a, S> {
    /// A reader of an extract's records (or of its share of them) from
    /// `line` on, into `sink`; `times` reads the file's times.
    pub(crate) fn new(
        extract: &Extract<'a>,
        times: TimeReader,
        sink: &'a mut S,
        line: u64,
    ) -> Self {
        Self {
            extract: *extract,
            scanner: Scanner::new(extract.delimiter, extract.columns.indexes()),
            times,
            sink,
            line,
            irregular_records: 0,
            last_irregular: false,
            undecided: Vec::new(),
            first_undecided: None,
        }
    }

    /// What decided the file's dates, and what waits for it.
    pub(crate) fn finish(self) -> Dates {
        Dates {
            decided: self.times.decided().cloned(),
            undecided: self.undecided,
            first_undecided: self.first_undecided,
            contradictions: self.times.contradictions(),
            marked: self.times.marked(),
        }
    }

    /// Reads every record `read` delivers, starting with `start`; `read`
    /// fills a buffer and returns 0 at the end. Returns the bytes read.
    pub(crate) fn read_all(
        &mut self,
        start: Vec<u8>,
        mut read: impl FnMut(&mut [u8]) -> io::Result<usize>,
    ) -> Result<u64, Stop> {
        let mut filled = start.len();
        let mut buffer = start;
        buffer.resize(filled.max(BLOCK), 0);
        // A record longer than one read is read again from its start only
        // once the buffer holds twice as much, so a 20 MB field costs a few
        // attempts, not one per read.
        let mut next_attempt = 0;
        let mut total = 0;
        loop {
            if filled == buffer.len() {
                buffer.resize(buffer.len() * 2, 0);
            }
            let count = loop {
                match read(&mut buffer[filled..]) {
                    Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                    read => break read?,
                }
            };
            filled += count;
            let at_end = count == 0;
            if filled < next_attempt && !at_end {
                continue;
            }
            let used = self.records(&buffer[..filled], at_end)?;
            next_attempt = if used == 0 { filled * 2 } else { 0 };
            total += used as u64;
            buffer.copy_within(used..filled, 0);
            filled -= used;
            if at_end {
                return Ok(total);
            }
        }
    }

    /// Reads the complete records at the start of `buffer` (all of them if
    /// `at_end`), and returns the bytes they took.
    fn records(&mut self, buffer: &[u8], at_end: bool) -> Result<usize, Stop> {
        let mut at = 0;
        let mut not_utf8 = NotUtf8::find(buffer, 0, at_end);
        while at < buffer.len() {
            let line = self.line;
            match self.scanner.next(&buffer[at..], at_end) {
                Step::Incomplete => break,
                Step::Blank { consumed, newlines } => {
                    at += consumed;
                    self.line += newlines;
                }
                Step::Record {
                    consumed,
                    newlines,
                    fields,
                    count,
                    regular,
                } => {
                    let record = at..at + consumed;
                    at += consumed;
                    self.line += newlines;
                    self.last_irregular = !regular;
                    self.irregular_records += u64::from(!regular);
                    if let Some(byte) = not_utf8.filter(|byte| record.contains(&byte.at)) {
                        let problem = byte.in_record(buffer, record.start);
                        self.sink.bad_row(self.extract.name, line, problem);
                        not_utf8 = NotUtf8::find(buffer, at, at_end);
                        continue;
                    }
                    if count != self.extract.expected_fields {
                        let expected = self.extract.expected_fields;
                        self.not_a_row(
                            &buffer[record],
                            line,
                            format_args!(
                                "broken CSV row: {count} {}, expected {expected} as in the header",
                                if count == 1 { "field" } else { "fields" },
                            ),
                        )?;
                        continue;
                    }
                    match row(fields, &self.extract, &mut self.times, line) {
                        Ok(row) => {
                            self.sink.row(Some(row.status));
                            let time = match row.time {
                                RowTime::None => None,
                                RowTime::At(time) => Some(time),
                                RowTime::Undecided(time) => {
                                    if self.first_undecided.is_none() {
                                        let text = String::from_utf8_lossy(fields[3].trim_ascii());
                                        self.first_undecided = Some((text.into_owned(), line));
                                    }
                                    self.undecided.push(UndecidedMessage {
                                        number: row.number,
                                        id: row.message,
                                        time,
                                        status: row.status,
                                    });
                                    continue;
                                }
                            };
                            self.sink.message(Message {
                                number: row.number,
                                time,
                                id: row.message,
                                status: row.status,
                            });
                        }
                        Err(problem) => self.not_a_row(&buffer[record], line, problem)?,
                    }
                }
            }
        }
        Ok(at)
    }

    /// A record on `line` that does not read as a row for `problem`: the
    /// start of another extract joined on, or a bad row.
    fn not_a_row(&mut self, record: &[u8], line: u64, problem: impl Display) -> Result<(), Stop> {
        match joined::classify(record, &self.extract, line) {
            NotARow::Bad => self.sink.bad_row(self.extract.name, line, problem),
            NotARow::Repeated => self.sink.repeated_header(),
            NotARow::Separator => {}
            NotARow::Changed(problem) => return Err(Stop::Unreadable(problem)),
        }
        Ok(())
    }
}

/// A byte that is not part of UTF-8 text, where a record holds one.
#[derive(Clone, Copy)]
struct NotUtf8 {
    at: usize,
}

impl NotUtf8 {
    /// The first such byte of `buffer` from `from` on. A character cut off
    /// at the buffer's end is no error unless the text ends there.
    fn find(buffer: &[u8], from: usize, at_end: bool) -> Option<Self> {
        let rest = &buffer[from..];
        if rest.is_ascii() {
            return None;
        }
        match std::str::from_utf8(rest) {
            Ok(_) => None,
            Err(error) if error.error_len().is_none() && !at_end => None,
            Err(error) => Some(Self {
                at: from + error.valid_up_to(),
            }),
        }
    }

    /// The problem, named by the byte and its column in the record that
    /// starts at `start`.
    fn in_record(self, buffer: &[u8], start: usize) -> String {
        let column = String::from_utf8_lossy(&buffer[start..self.at])
            .chars()
            .count()
            + 1;
        format!(
            "not UTF-8 text (byte 0x{:02X} at column {column}): re-save the file as UTF-8 \
             (in Excel: \"CSV UTF-8\") or as \"Unicode Text\"",
            buffer[self.at]
        )
    }
}
