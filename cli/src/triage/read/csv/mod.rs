//! Tracking extracts (`_SMSMessageTracking` and the like) as delimited text:
//! one message per row, each told to the sink with its number, id and time.
//!
//! This is the hot path for multi-gigabyte extracts:
//!
//! ```text
//! text ─▶ Excel's sep= line, the delimiter (sniffed), the header (header)
//!      ─▶ records, one thread (records) or one per chunk of a large
//!         file (parallel), each split by scan and read by row; a record
//!         that is no row may be where another extract joined on starts
//!         (joined)
//!      ─▶ the sink; messages whose slash dates wait for the file's
//!         order last, once it is known
//! ```
//!
//! A large regular file is read on every core; standard input, pipes,
//! UTF-16 text and small files are read in order on one thread. Both read
//! records the same way, so both give the same result.

mod extract;
pub(crate) mod header;
mod joined;
#[cfg(unix)]
mod parallel;
mod records;
mod row;
mod scan;

use std::io::{self, BufRead, Read};

use extract::Extract;
pub(crate) use header::parse_delimiter;
use header::{Columns, excel_separator, read_header, sniff_delimiter};
use records::{Dates, Stop, Worker};

use super::options::ReadOptions;
use super::sink::{Message, Sink};
use super::source::Source;
use super::values::date_order::{self, DateOrder};
use super::values::instant::TimeReader;
#[cfg(unix)]
use crate::progress::Meter;
use crate::status_table::StatusTable;

/// Files smaller than this are read on one thread: cutting them would
/// cost more than it saves.
const PARALLEL_FROM: u64 = 8 << 20;

/// Reads one extract into `sink`, its statuses' names as `statuses`
/// names them. An error means the file could not be read (on) at all: its
/// header, a read failing part way, or dates that nothing in it puts in an
/// order.
pub(crate) fn read<S: Sink>(
    source: Source,
    options: &ReadOptions,
    statuses: &StatusTable,
    sink: &mut S,
) -> Result<(), String> {
    let Source {
        name,
        mut reader,
        file,
    } = source;
    let cannot_read = |error: io::Error| format!("cannot read {name}: {error}");
    let separator_line = excel_separator(reader.fill_buf().map_err(cannot_read)?);
    if let Some((_, length)) = separator_line {
        reader.consume(length);
    }
    let delimiter = match (options.delimiter, separator_line) {
        (Some(delimiter), _) | (None, Some((delimiter, _))) => delimiter,
        (None, None) => sniff_delimiter(reader.fill_buf().map_err(cannot_read)?),
    };
    let header = read_header(&mut reader, delimiter)
        .map_err(cannot_read)?
        .ok_or_else(|| format!("{name}: no header row: expected the column names first"))?;
    let columns = Columns::find(&header.names, &options.columns)
        .map_err(|problem| format!("{name}: {problem}"))?;
    let (separator_lines, separator_length) =
        separator_line.map_or((0, 0), |(_, length)| (1, length as u64));
    let first_row_line = 1 + separator_lines + header.newlines;
    let extract = Extract {
        name: &name,
        header: &header.names,
        columns: &columns,
        asked: &options.columns,
        expected_fields: header.names.len(),
        delimiter,
        country: options.country,
        statuses,
    };

    #[cfg(unix)]
    if let Some(text) = &file {
        let start = text.text_start + separator_length + header.length;
        // Every bad row shown means every message kept until the threads
        // finish: read in order, each is said as it is found instead.
        let parallel = options.threads > 1
            && text.length.saturating_sub(start) >= PARALLEL_FROM
            && !sink.shows_every_bad_row();
        if parallel {
            let meter = Meter::new(&name, Some(text.length));
            meter.add(start);
            let rows = parallel::Rows {
                file: &text.file,
                extract,
                start,
                end: text.length,
                line: first_row_line,
                date_order: options.date_order,
                meter: &meter,
            };
            let found = parallel::read(&rows, options.threads, sink).map_err(cannot_read)?;
            if let Some(found) = found {
                for part in found.parts {
                    sink.absorb(part);
                }
                return settle_dates(&name, found.dates, sink);
            }
        }
    }
    #[cfg(not(unix))]
    drop(file);

    // Read in order on one thread: not a regular UTF-8 file, too small to
    // cut, or one whose quotes do not allow cutting it.
    let mut worker = Worker::new(
        &extract,
        TimeReader::new(options.date_order),
        sink,
        first_row_line,
    );
    let read = worker
        .read_all(Vec::new(), |buffer| reader.read(buffer))
        .map_err(|stop| match stop {
            Stop::Read(error) => format!("cannot read {name} past line {}: {error}", worker.line),
            Stop::Unreadable(problem) => problem,
        });
    let dates = worker.finish();
    read?;
    settle_dates(&name, dates, sink)
}

/// Gives the messages whose slash dates waited for the file's order their
/// times, now that the whole file is read. When no date had a number above
/// 12, an AM/PM marker says Marketing Cloud wrote them, month first; a
/// file with neither is refused.
fn settle_dates<S: Sink>(name: &str, dates: Dates, sink: &mut S) -> Result<(), String> {
    let Dates {
        decided,
        undecided,
        first_undecided,
        marked,
        ..
    } = dates;
    let order = decided
        .map(|decided| decided.order())
        .or(marked.then_some(DateOrder::MonthFirst));
    match (order, first_undecided) {
        (_, None) => Ok(()),
        (Some(order), Some(_)) => {
            for message in undecided {
                sink.message(Message {
                    number: message.number,
                    time: Some(message.time.at(order)),
                    id: message.id,
                    status: message.status,
                });
            }
            Ok(())
        }
        (None, Some((example, line))) => Err(date_order::undecided(name, &example, line)),
    }
}
