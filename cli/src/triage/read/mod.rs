//! Reading triage's inputs into a [`Sink`]: the first of triage's three
//! layers (read, resolve, report). A reader knows how its data is written
//! and nothing of what becomes of it.
//!
//! ```text
//! Input ─ source ─▶ bytes: a file or standard input, inflated if gzip, or
//!                   each file of a zip archive (compressed)
//!                ─▶ text: UTF-8, or UTF-16 decoded (utf16); its kind told
//!                   by its first character
//!   CSV  ─ csv/  ─▶ dialect and header, records (scan), the slash dates'
//!                   order, each row's fields read as values ─┐
//!   JSON ─ json/ ─▶ layout (documents or lines), each item ──┼─▶ Sink
//!                   read by core's payload types             │
//!   values/: times, mobile numbers, country codes ───────────┘
//! ```
//!
//! The sink hears of every row (good or bad), every message of a number,
//! every event of a message and every bad row with its file and line. A
//! large extract is read on several threads, each into a part of the sink
//! that the sink absorbs in file order (see `csv/parallel.rs`).

mod compressed;
mod csv;
mod json;
mod source;
mod utf16;
pub(crate) mod values;

use std::fmt::Display;
use std::path::PathBuf;

use mobileconnect_status::SmsStatus;
use mobileconnect_status::payload::EventStatus;

pub(crate) use csv::ColumnNames;
pub(crate) use csv::parse_delimiter;
use source::{Kind, Source};
use values::country_codes::CountryCode;
use values::date_order::DateOrder;
use values::instant::Instant;
use values::message_id::MessageId;
use values::mobile_number::MobileNumber;

/// A file to read, or standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    Stdin,
    File(PathBuf),
}

/// How to read the inputs: what was given rather than found in them.
#[derive(Debug, Clone)]
pub(crate) struct ReadOptions {
    /// The CSV columns asked for; `None` finds the usual ones.
    pub(crate) columns: ColumnNames,
    /// The CSV delimiter, when given rather than sniffed.
    pub(crate) delimiter: Option<u8>,
    /// Which number of a slash date is the month, when given rather than
    /// decided by each file.
    pub(crate) date_order: Option<DateOrder>,
    /// The country of numbers written nationally (`--country-code`).
    pub(crate) country: Option<CountryCode>,
    /// Threads that may read one large extract.
    pub(crate) threads: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            columns: ColumnNames::default(),
            delimiter: None,
            date_order: None,
            country: None,
            threads: std::thread::available_parallelism().map_or(1, usize::from),
        }
    }
}

/// A message of a number, or a copy of one, as a tracking row or a
/// deliveries response reports it: its status code is all it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Message {
    pub(crate) number: MobileNumber,
    /// When it was sent, if the input says.
    pub(crate) time: Option<Instant>,
    /// Which message it is, if the input says: copies of one message share
    /// it. A message without one is a message of its own.
    pub(crate) id: Option<MessageId>,
    pub(crate) status: SmsStatus,
}

/// One event of the message with the key `key`: an event notification or a
/// Transactional Messaging API answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Event<'a> {
    pub(crate) key: &'a str,
    /// The recipient, if the event names one.
    pub(crate) number: Option<MobileNumber>,
    /// When it happened, if the event says.
    pub(crate) time: Option<Instant>,
    /// What it says about its message, read by its kind.
    pub(crate) status: EventStatus,
    /// For a message not sent: the reason's code as sent (`"47"`, `16`)
    /// and its words, if any.
    pub(crate) reason: Option<(&'a str, Option<&'a str>)>,
}

/// What an input's reading left in the sink, for the report and for
/// telling whether the input could be counted at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InputRead {
    pub(crate) name: String,
    /// Rows read, bad ones included.
    pub(crate) rows: u64,
    pub(crate) bad_rows: u64,
    /// The first bad rows' messages.
    pub(crate) examples: Vec<String>,
}

/// Where readers put what they read. Readers call only this: how rows
/// become statuses, and how they are counted, is the sink's.
pub(crate) trait Sink {
    /// An empty sink of the same kind for a thread that reads part of an
    /// input, to be [absorbed](Self::absorb) once all parts are read.
    type Part: Sink + Send;

    /// A part for one thread; it keeps its bad rows' messages to be said
    /// when it is absorbed, in file order.
    fn part(&self) -> Self::Part;

    /// Adds a part's findings, parts in the order of the file.
    fn absorb(&mut self, part: Self::Part);

    /// Whether every bad row's message is to be shown, whatever their
    /// number: then an input is read in order, each said as it is found.
    fn shows_every_bad_row(&self) -> bool;

    /// A row read; `status` is the status code it carried, if any. Bad
    /// rows are counted by [`bad_row`](Self::bad_row) instead.
    fn row(&mut self, status: Option<SmsStatus>);

    /// A message, or a copy of one.
    fn message(&mut self, message: Message);

    /// An event of a message.
    fn event(&mut self, event: &Event);

    /// A row that cannot be counted, at `line` of `file`.
    fn bad_row(&mut self, file: &str, line: u64, problem: impl Display);

    /// A line equal to the header met again inside an extract.
    fn repeated_header(&mut self);

    /// The input `name` is read: what it left.
    fn end_input(&mut self, name: &str) -> InputRead;
}

/// Reads `events`, JSON text such as a receiver stores, into `sink` as an
/// input named `name`: what the text held, and the text's own reading
/// failure, if any, as a bad row at its end.
#[cfg(feature = "serve")]
pub(crate) fn read_json<S: Sink>(
    events: impl std::io::Read + Send + 'static,
    name: &str,
    sink: &mut S,
) -> InputRead {
    let source = Source::of_text(name, Box::new(events));
    if let Err(failure) = json::read(source, None, sink) {
        sink.bad_row(name, 0, failure);
    }
    sink.end_input(name)
}

/// Reads every input into `sink`, each file of an archive as an input of
/// its own; the first input that fails stops the reading. An input fails
/// when it cannot be read as an input at all (it is empty or not text, its
/// header lacks a column), when reading it fails part way, or when it has
/// rows and not one of them could be counted: a list made without it would
/// silently miss its people.
pub(crate) fn read_all<S: Sink>(
    inputs: &[Input],
    options: &ReadOptions,
    sink: &mut S,
) -> Result<Vec<InputRead>, String> {
    let mut read = Vec::with_capacity(inputs.len());
    for input in inputs {
        for (kind, source) in Source::open(input)? {
            let name = source.name.clone();
            let result = match kind {
                Kind::Csv => csv::read(source, options, sink),
                Kind::Json => json::read(source, options.country, sink),
            };
            let input = sink.end_input(&name);
            result?;
            if input.rows > 0 && input.bad_rows == input.rows {
                return Err(format!(
                    "{name}: not one of its {} could be counted (each is a bad row, named above)",
                    if input.rows == 1 {
                        "1 row".to_owned()
                    } else {
                        format!("{} rows", input.rows)
                    }
                ));
            }
            read.push(input);
        }
    }
    Ok(read)
}
