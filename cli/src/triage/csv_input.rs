//! Tracking extracts (`_SMSMessageTracking` and the like) as delimited text:
//! one message per row, resolved per mobile number by recency.
//!
//! This is the hot path for multi-gigabyte extracts. Records are read as
//! bytes into one reused buffer and only the columns used are looked at.
//! Parsing and the per-number map each take about half the time, so they
//! run on two threads: this one parses and sends batches of rows, the
//! caller's thread resolves them.

use std::io::BufRead;
use std::sync::mpsc::{SyncSender, sync_channel};
use std::thread;

use csv::{ByteRecord, ErrorKind, Reader, ReaderBuilder};
use mobileconnect_status::SmsStatus;

use super::bad_rows::BadRows;
use super::csv_header::{ColumnNames, Columns, sniff_delimiter};
use super::decimal::{Decimal, decimal};
use super::fate::Fate;
use super::instant::Instant;
use super::mobile_number::{MobileNumber, NotANumber};
use super::source::{Source, SourceReader};
use super::tally::{Tally, message_id};
use crate::quoted::Quoted;

/// Rows per batch, and batches in flight: enough to keep both threads busy
/// without holding more than a few hundred kilobytes.
const BATCH_ROWS: usize = 4096;
const BATCHES_IN_FLIGHT: usize = 4;

/// How to read the extracts: the columns asked for, and the delimiter
/// when it was given rather than sniffed.
#[derive(Debug, Default, Clone)]
pub(crate) struct CsvOptions {
    pub(crate) columns: ColumnNames,
    pub(crate) delimiter: Option<u8>,
}

/// One good row: a message of a number.
struct Row {
    number: MobileNumber,
    time: Option<Instant>,
    message: u64,
    status: SmsStatus,
}

/// Reads one extract into `tally`. An error means the file could not be
/// read (on) at all: its header, or a read failing part way.
pub(crate) fn read(source: Source, options: &CsvOptions, tally: &mut Tally) -> Result<(), String> {
    let Source { name, mut reader } = source;
    let delimiter = match options.delimiter {
        Some(delimiter) => delimiter,
        None => sniff_delimiter(
            reader
                .fill_buf()
                .map_err(|error| format!("cannot read {name}: {error}"))?,
        ),
    };
    let mut csv = ReaderBuilder::new()
        .delimiter(delimiter)
        .buffer_capacity(1 << 16)
        .from_reader(reader);
    let header = csv
        .headers()
        .map_err(|error| format!("{name}: cannot read the CSV header row: {error}"))?
        .clone();
    let columns =
        Columns::find(&header, &options.columns).map_err(|problem| format!("{name}: {problem}"))?;

    let (batches, received) = sync_channel(BATCHES_IN_FLIGHT);
    let bad = tally.bad_rows_mut().fresh();
    let parsed = thread::scope(|scope| {
        let (file, columns) = (name.as_str(), &columns);
        let parser = scope.spawn(move || parse(csv, file, columns, bad, batches));
        for batch in &received {
            for row in batch {
                tally.count_row(Some(row.status));
                tally.record_message(row.number, row.time, row.message, Fate::status(row.status));
            }
        }
        parser.join()
    });
    let (bad, read) = parsed.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    tally.add_bad_rows(bad);
    read
}

/// Reads every record, sends the good rows in batches and reports the bad
/// ones; a read that fails ends the file, its rows so far still counted.
/// Dropping `batches` on return tells the receiver it has all rows.
#[expect(
    clippy::needless_pass_by_value,
    reason = "owning the sender is what closes the channel on return"
)]
fn parse(
    mut csv: Reader<SourceReader>,
    file: &str,
    columns: &Columns,
    mut bad: BadRows,
    batches: SyncSender<Vec<Row>>,
) -> (BadRows, Result<(), String>) {
    let mut batch = Vec::with_capacity(BATCH_ROWS);
    let mut record = ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(error) => {
                let line = error.position().map_or(0, csv::Position::line);
                match error.kind() {
                    ErrorKind::Io(io) => {
                        // Rows read so far are counted; the rest is lost.
                        let _ = batches.send(batch);
                        return (
                            bad,
                            Err(format!("cannot read {file} past line {line}: {io}")),
                        );
                    }
                    &ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => bad.report(
                        file,
                        line,
                        format_args!(
                            "broken CSV row: {len} fields, expected {expected_len} as in the header"
                        ),
                    ),
                    // The file and line come first, as for every bad row.
                    _ => bad.report(file, line, format_args!("broken CSV row: {error}")),
                }
                continue;
            }
        }
        match row(&record, columns) {
            Ok(row) => batch.push(row),
            Err(problem) => bad.report(file, line_of(&record), problem),
        }
        if batch.len() == BATCH_ROWS {
            let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH_ROWS));
            if batches.send(full).is_err() {
                break;
            }
        }
    }
    // A closed channel means the receiver is gone; nothing is left to do.
    let _ = batches.send(batch);
    (bad, Ok(()))
}

/// The message a good row holds, or what is wrong with it.
fn row(record: &ByteRecord, columns: &Columns) -> Result<Row, String> {
    let field = |(index, _): &(usize, String)| &record[*index];
    let status =
        status(field(&columns.code)).map_err(|problem| format!("{}: {problem}", columns.code.1))?;
    let number = match MobileNumber::parse(field(&columns.number)) {
        Ok(number) => number,
        Err(NotANumber::Empty) => {
            return Err(format!(
                "{}: empty mobile number, so status {status} has no recipient",
                columns.number.1
            ));
        }
        Err(problem) => return Err(format!("{}: {problem}", columns.number.1)),
    };
    let message = columns
        .message
        .as_ref()
        .map_or(0, |column| message_id(field(column)));
    let time = match &columns.time {
        Some(column) => {
            time(field(column)).map_err(|problem| format!("{}: {problem}", column.1))?
        }
        None => None,
    };
    Ok(Row {
        number,
        time,
        message,
        status,
    })
}

/// A status code as extracts write it: an integer, stray whitespace
/// allowed, or the float form pandas gives an integer column with blanks
/// (`4000.0`).
fn status(field: &[u8]) -> Result<SmsStatus, String> {
    let trimmed = field.trim_ascii();
    let code = match decimal(trimmed) {
        Some(Decimal::Integral(whole)) => whole,
        Some(Decimal::Fractional) => {
            return Err(format!(
                "{} is not a status code: a code is a whole number",
                Quoted::bytes(trimmed)
            ));
        }
        None => field,
    };
    match std::str::from_utf8(code) {
        Ok(text) => text.parse().map_err(|error| format!("{error}")),
        Err(_) => Err(format!("{} is not UTF-8 text", Quoted::bytes(code))),
    }
}

/// When the message was sent; `None` for an empty field.
fn time(field: &[u8]) -> Result<Option<Instant>, String> {
    let trimmed = field.trim_ascii();
    if trimmed.is_empty() {
        return Ok(None);
    }
    std::str::from_utf8(trimmed)
        .ok()
        .and_then(|text| Instant::parse(text).ok())
        .map(Some)
        .ok_or_else(|| {
            format!(
                "cannot read {} as a time: {}",
                Quoted::bytes(trimmed),
                super::instant::NotATime
            )
        })
}

fn line_of(record: &ByteRecord) -> u64 {
    record.position().map_or(0, csv::Position::line)
}
