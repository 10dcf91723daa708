//! Tracking extracts (`_SMSMessageTracking` and the like) as delimited text:
//! one message per row, resolved per mobile number by recency.
//!
//! This is the hot path for multi-gigabyte extracts. Records are read as
//! bytes into one reused buffer and only the columns used are looked at.
//! Splitting records into fields takes about half the time, and reading
//! the fields used and resolving them per number the other half, so they
//! run on two threads: one splits records and sends the used fields' bytes
//! in batches, the caller's thread reads and resolves them, in order, so
//! bad rows are told in the order of their lines.

use std::io::BufRead;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread;

use csv::{ByteRecord, ErrorKind, Reader, ReaderBuilder};
use mobileconnect_status::SmsStatus;

use super::csv_header::{ColumnNames, Columns, sniff_delimiter};
use super::decimal::{Decimal, decimal};
use super::fate::Fate;
use super::instant::{Instant, TimeReader};
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

/// The fields of some records that triage uses, copied out of them.
struct Batch {
    /// The used fields' bytes, one after another.
    bytes: Vec<u8>,
    records: Vec<Record>,
}

/// A record of a batch: where its fields are in the batch's bytes, or why
/// it could not be split into fields.
enum Record {
    Fields { line: u64, ends: [usize; FIELDS] },
    Broken { line: u64, problem: String },
}

/// The fields copied per record: code, number, message, time.
const FIELDS: usize = 4;

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
    // Emptied batches go back to be filled again: a batch is a few hundred
    // kilobytes, and fresh ones would cost the kernel a page fault a page.
    let (emptied, reusable) = sync_channel(BATCHES_IN_FLIGHT + 1);
    let indexes = columns.indexes();
    let parsed = thread::scope(|scope| {
        let file = name.as_str();
        let splitter = scope.spawn(move || split(csv, file, indexes, &batches, &reusable));
        let mut times = TimeReader::default();
        for mut batch in &received {
            resolve(&batch, &columns, &name, &mut times, tally);
            batch.bytes.clear();
            batch.records.clear();
            // The splitter may have finished and gone: nothing to return.
            let _ = emptied.try_send(batch);
        }
        splitter.join()
    });
    parsed.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// Reads each record of a batch and resolves the good ones.
fn resolve(
    batch: &Batch,
    columns: &Columns,
    file: &str,
    times: &mut TimeReader,
    tally: &mut Tally,
) {
    let mut start = 0;
    for record in &batch.records {
        match record {
            Record::Fields { line, ends } => {
                let mut fields = [&[][..]; FIELDS];
                for (field, &end) in fields.iter_mut().zip(ends) {
                    *field = &batch.bytes[start..end];
                    start = end;
                }
                match row(fields, columns, times) {
                    Ok(row) => {
                        tally.count_row(Some(row.status));
                        let fate = Fate::status(row.status);
                        tally.record_message(row.number, row.time, row.message, fate);
                    }
                    Err(problem) => tally.bad_row(file, *line, problem),
                }
            }
            Record::Broken { line, problem } => tally.bad_row(file, *line, problem),
        }
    }
}

/// Splits every record into fields and sends the used ones in batches,
/// filling the emptied batches that come back; a read that fails ends the
/// file, its rows so far still counted. The sender is dropped when this
/// returns, which tells the receiver it has all rows.
fn split(
    mut csv: Reader<SourceReader>,
    file: &str,
    indexes: [Option<usize>; FIELDS],
    batches: &SyncSender<Batch>,
    reusable: &Receiver<Batch>,
) -> Result<(), String> {
    let new_batch = || {
        reusable.try_recv().unwrap_or_else(|_| Batch {
            bytes: Vec::with_capacity(BATCH_ROWS * 64),
            records: Vec::with_capacity(BATCH_ROWS),
        })
    };
    let mut batch = new_batch();
    let mut record = ByteRecord::new();
    loop {
        let line = match csv.read_byte_record(&mut record) {
            Ok(true) => line_of(&record),
            Ok(false) => break,
            Err(error) => {
                let line = error.position().map_or(0, csv::Position::line);
                let problem = match error.kind() {
                    ErrorKind::Io(io) => {
                        // Rows read so far are counted; the rest is lost.
                        let _ = batches.send(batch);
                        return Err(format!("cannot read {file} past line {line}: {io}"));
                    }
                    &ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!(
                        "broken CSV row: {len} fields, expected {expected_len} as in the header"
                    ),
                    // The file and line come first, as for every bad row.
                    _ => format!("broken CSV row: {error}"),
                };
                batch.records.push(Record::Broken { line, problem });
                continue;
            }
        };
        let mut ends = [0; FIELDS];
        for (end, index) in ends.iter_mut().zip(indexes) {
            if let Some(field) = index.and_then(|index| record.get(index)) {
                batch.bytes.extend_from_slice(field);
            }
            *end = batch.bytes.len();
        }
        batch.records.push(Record::Fields { line, ends });
        if batch.records.len() == BATCH_ROWS
            && batches
                .send(std::mem::replace(&mut batch, new_batch()))
                .is_err()
        {
            return Ok(());
        }
    }
    // A closed channel means the receiver is gone; nothing is left to do.
    let _ = batches.send(batch);
    Ok(())
}

/// The message a good row holds, or what is wrong with it. `fields` are
/// the code, number, message and time, in [`Columns::indexes`]' order.
fn row(
    [code, number, message, time_field]: [&[u8]; FIELDS],
    columns: &Columns,
    times: &mut TimeReader,
) -> Result<Row, String> {
    let status = status(code).map_err(|problem| format!("{}: {problem}", columns.code.1))?;
    let number = match MobileNumber::parse(number) {
        Ok(number) => number,
        Err(NotANumber::Empty) => {
            return Err(format!(
                "{}: empty mobile number, so status {status} has no recipient",
                columns.number.1
            ));
        }
        Err(problem) => return Err(format!("{}: {problem}", columns.number.1)),
    };
    let time = match &columns.time {
        Some((_, name)) => {
            time(time_field, times).map_err(|problem| format!("{name}: {problem}"))?
        }
        None => None,
    };
    Ok(Row {
        number,
        time,
        message: message_id(message),
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
fn time(field: &[u8], times: &mut TimeReader) -> Result<Option<Instant>, String> {
    let trimmed = field.trim_ascii();
    if trimmed.is_empty() {
        return Ok(None);
    }
    times.read(trimmed).map(Some).map_err(|_| {
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
