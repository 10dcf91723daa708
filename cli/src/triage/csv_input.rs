//! Tracking extracts (`_SMSMessageTracking` and the like) as CSV: one status
//! per row, resolved per mobile number.
//!
//! This is the hot path for multi-gigabyte extracts: records are read as
//! bytes into one reused buffer, and only the two columns used are looked
//! at, with no allocation per row for numbers that are all digits.

use csv::{ByteRecord, ErrorKind, ReaderBuilder, StringRecord};
use mobileconnect_status::SmsStatus;

use super::number_key::NumberKey;
use super::source::Source;
use super::tally::Tally;
use crate::fatal::Fatal;

/// The code column's name in the data view and in extracts.
pub(super) const CODE_COLUMN: &str = "SMSStandardStatusCodeId";
/// The mobile number column's names: the data view's, then the extract's.
const NUMBER_COLUMNS: [&str; 2] = ["MobileNumber", "Mobile"];

/// Which columns to read; `None` finds them by their usual names.
pub(super) struct Columns<'a> {
    pub(super) code: Option<&'a str>,
    pub(super) number: Option<&'a str>,
}

pub(super) fn read(source: Source, columns: &Columns, tally: &mut Tally) -> Result<(), Fatal> {
    let Source { name, reader } = source;
    let mut csv = ReaderBuilder::new()
        .buffer_capacity(1 << 16)
        .from_reader(reader);
    let header = csv
        .headers()
        .map_err(|error| Fatal::new(format!("{name}: cannot read the CSV header row: {error}")))?
        .clone();
    let code_column = columns.code.unwrap_or(CODE_COLUMN);
    let code_index = find_column(&header, &[code_column], &name, "--column")?;
    let number_index = match columns.number {
        Some(number) => find_column(&header, &[number], &name, "--number-column")?,
        None => find_column(&header, &NUMBER_COLUMNS, &name, "--number-column")?,
    };
    let number_column = &header[number_index];

    let mut record = ByteRecord::new();
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(error) => {
                let line = error.position().map_or(0, csv::Position::line);
                match error.into_kind() {
                    ErrorKind::Io(error) => {
                        return Err(Fatal::new(format!("cannot read {name}: {error}")));
                    }
                    ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => tally.bad_row(
                        &name,
                        line,
                        format_args!(
                            "broken CSV row: {len} fields, expected {expected_len} as in the header"
                        ),
                    ),
                    other => tally.bad_row(&name, line, format_args!("broken CSV row: {other:?}")),
                }
                continue;
            }
        }
        let code = &record[code_index];
        let status = match std::str::from_utf8(code).map(str::parse::<SmsStatus>) {
            Ok(Ok(status)) => status,
            Ok(Err(error)) => {
                tally.bad_row(
                    &name,
                    line_of(&record),
                    format_args!("{code_column}: {error}"),
                );
                continue;
            }
            Err(_) => {
                let text = String::from_utf8_lossy(code);
                tally.bad_row(
                    &name,
                    line_of(&record),
                    format_args!("{code_column}: {text:?} is not UTF-8 text"),
                );
                continue;
            }
        };
        match NumberKey::new(&record[number_index]) {
            Some(number) => tally.record_number(number, status),
            None => tally.bad_row(
                &name,
                line_of(&record),
                format_args!(
                    "{number_column}: empty mobile number, so status {status} has no recipient"
                ),
            ),
        }
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
) -> Result<usize, Fatal> {
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
        Fatal::new(format!(
            "{file}: no column {wanted} in the CSV header (it has: {}); name the column with {option} NAME",
            present.join(", ")
        ))
    })
}
