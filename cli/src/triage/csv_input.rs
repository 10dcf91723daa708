//! Tracking extracts (`_SMSMessageTracking` and the like) as CSV: one status
//! per row, resolved per mobile number.
//!
//! This is the hot path for multi-gigabyte extracts. Records are read as
//! bytes into one reused buffer and only the two columns used are looked
//! at. Parsing and the per-number map each take about half the time, so
//! they run on two threads: this one parses and sends batches of rows, the
//! caller's thread resolves them.

use std::sync::mpsc::{SyncSender, sync_channel};
use std::thread;

use csv::{ByteRecord, ErrorKind, Reader, ReaderBuilder, StringRecord};
use mobileconnect_status::SmsStatus;

use super::bad_rows::BadRows;
use super::number_key::NumberKey;
use super::source::{Source, SourceReader};
use super::tally::Tally;

/// The code column's name in the data view and in extracts.
const CODE_COLUMN: &str = "SMSStandardStatusCodeId";
/// The mobile number column's names: the data view's, then the extract's.
const NUMBER_COLUMNS: [&str; 2] = ["MobileNumber", "Mobile"];
/// Rows per batch, and batches in flight: enough to keep both threads busy
/// without holding more than a few hundred kilobytes.
const BATCH_ROWS: usize = 4096;
const BATCHES_IN_FLIGHT: usize = 4;

/// Which columns to read; `None` finds them by their usual names.
pub(super) struct Columns<'a> {
    pub(super) code: Option<&'a str>,
    pub(super) number: Option<&'a str>,
}

/// The columns found in one file's header.
struct Found<'a> {
    file: &'a str,
    code: usize,
    code_name: &'a str,
    number: usize,
    number_name: &'a str,
}

/// Reads one extract into `tally`. An error means the file could not be
/// read (on) at all: its header, or a read failing part way.
pub(super) fn read(source: Source, columns: &Columns, tally: &mut Tally) -> Result<(), String> {
    let Source { name, reader } = source;
    let mut csv = ReaderBuilder::new()
        .buffer_capacity(1 << 16)
        .from_reader(reader);
    let header = csv
        .headers()
        .map_err(|error| format!("{name}: cannot read the CSV header row: {error}"))?
        .clone();
    let code_name = columns.code.unwrap_or(CODE_COLUMN);
    let code = find_column(&header, &[code_name], &name, "--column")?;
    let number = match columns.number {
        Some(number) => find_column(&header, &[number], &name, "--number-column")?,
        None => find_column(&header, &NUMBER_COLUMNS, &name, "--number-column")?,
    };
    let found = Found {
        file: &name,
        code,
        code_name,
        number,
        number_name: &header[number],
    };

    let (batches, received) = sync_channel(BATCHES_IN_FLIGHT);
    let parsed = thread::scope(|scope| {
        let found = &found;
        let parser = scope.spawn(move || parse(csv, found, batches));
        for batch in &received {
            for (number, status) in batch {
                tally.record_number(number, status);
            }
        }
        parser.join()
    });
    let (bad, read) = parsed.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    tally.add_bad_rows(&bad);
    read
}

/// Reads every record, sends the good rows in batches and reports the bad
/// ones; a read that fails ends the file, its rows so far still counted. Dropping `batches` on return tells the receiver it has all rows.
#[expect(
    clippy::needless_pass_by_value,
    reason = "owning the sender is what closes the channel on return"
)]
fn parse(
    mut csv: Reader<SourceReader>,
    found: &Found,
    batches: SyncSender<Vec<(NumberKey, SmsStatus)>>,
) -> (BadRows, Result<(), String>) {
    let file = found.file;
    let mut bad = BadRows::default();
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
        match row(&record, found) {
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

/// The number and status of a good row, or what is wrong with it.
fn row(record: &ByteRecord, found: &Found) -> Result<(NumberKey, SmsStatus), String> {
    let code = &record[found.code];
    let status = match std::str::from_utf8(code).map(str::parse::<SmsStatus>) {
        Ok(Ok(status)) => status,
        Ok(Err(error)) => return Err(format!("{}: {error}", found.code_name)),
        Err(_) => {
            let text = String::from_utf8_lossy(code);
            return Err(format!("{}: {text:?} is not UTF-8 text", found.code_name));
        }
    };
    match NumberKey::new(&record[found.number]) {
        Some(number) => Ok((number, status)),
        None => Err(format!(
            "{}: empty mobile number, so status {status} has no recipient",
            found.number_name
        )),
    }
}

fn line_of(record: &ByteRecord) -> u64 {
    record.position().map_or(0, csv::Position::line)
}

/// The index of the first of `names` in the header: an exact match, else
/// one that differs only in ASCII case.
fn find_column(
    header: &StringRecord,
    names: &[&str],
    file: &str,
    option: &str,
) -> Result<usize, String> {
    let exact = names
        .iter()
        .find_map(|name| header.iter().position(|column| column == *name));
    let relaxed = || {
        names.iter().find_map(|name| {
            header
                .iter()
                .position(|column| column.eq_ignore_ascii_case(name))
        })
    };
    exact.or_else(relaxed).ok_or_else(|| {
        let wanted = names.join(" or ");
        let present: Vec<&str> = header.iter().collect();
        format!(
            "{file}: no column {wanted} in the CSV header (it has: {}); name the column with {option} NAME",
            present.join(", ")
        )
    })
}
