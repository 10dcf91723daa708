//! Extracts joined into one file (`cat monday.csv tuesday.csv`): a record
//! that does not read as a row may be where the next extract starts, with
//! its byte-order mark, Excel's `sep=` line and its header. The same
//! header again is skipped. A header with its columns elsewhere ends what
//! can be read: every row after it would be read by the first header's
//! columns, a number taken for an id or a code for a number.

use super::extract::Extract;
use super::header::{Columns, excel_separator, read_header, sniff_delimiter};
use crate::quoted::{self, Quoted};

/// What a UTF-8 byte-order mark is when a second file's follows the first
/// file's text; a UTF-16 one decodes to the same character.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// What a record that is not a row is.
pub(crate) enum NotARow {
    /// Not the start of an extract: a bad row.
    Bad,
    /// The header again, with the columns read where the first header has
    /// them: skipped and counted.
    Repeated,
    /// Excel's `sep=` line naming the delimiter the file has, before a
    /// repeated header: skipped, and not counted, since the header it
    /// comes with is.
    Separator,
    /// A header or `sep=` line past which the rows cannot be read as the
    /// lines above it are: why, with the file and line.
    Changed(String),
}

/// What `record` (its text as in the file, line break included), on
/// `line` of `extract`, is.
pub(crate) fn classify(record: &[u8], extract: &Extract, line: u64) -> NotARow {
    let record = record.strip_prefix(UTF8_BOM).unwrap_or(record);
    // A mark inside the line: the file before ended without a line break,
    // and its last row and the next file's header share this line.
    if memchr::memmem::find(record, UTF8_BOM).is_some() {
        return NotARow::Changed(format!(
            "{}:{line}: a file was joined here to one that did not end with a line break: \
             this line holds the last row of one and the header of the next; end the first \
             with a line break, or triage each extract as an input of its own",
            extract.name
        ));
    }
    if let Some((delimiter, _)) = excel_separator(record) {
        return if delimiter == extract.delimiter {
            NotARow::Separator
        } else {
            NotARow::Changed(format!(
                "{}:{line}: Excel's separator line here names {} as the delimiter, where \
                 the lines above are separated by {}: the rows after it cannot be read as \
                 those above; triage each extract as an input of its own",
                extract.name,
                Quoted::bytes(&[delimiter]),
                Quoted::bytes(&[extract.delimiter]),
            ))
        };
    }
    // Most bad rows are not headers: only a record naming the code column
    // is read in full to find out.
    let code = extract.columns.code.1.as_bytes();
    if !names_ignoring_case(record, code) {
        return NotARow::Bad;
    }
    // A header is a record with the code column's name as a whole field
    // and another of the first header's names besides, split as the lines
    // above are or, for another extract's, as it is. A row holding the
    // code column's name as a value (a bad status) stays a bad row.
    let header_by = |delimiter: u8| {
        read_header(&mut &record[..], delimiter)
            .ok()
            .flatten()
            .filter(|header| is_a_header(&header.names, code, extract.header))
    };
    let Some(header) = header_by(extract.delimiter) else {
        let delimiter = sniff_delimiter(record);
        return match header_by(delimiter) {
            Some(_) if delimiter != extract.delimiter => NotARow::Changed(format!(
                "{}:{line}: another header starts here, its fields separated by {} where \
                 the lines above are separated by {}: the rows after it cannot be read as \
                 those above; triage each extract as an input of its own",
                extract.name,
                Quoted::bytes(&[delimiter]),
                Quoted::bytes(&[extract.delimiter]),
            )),
            _ => NotARow::Bad,
        };
    };
    let again = match Columns::find(&header.names, extract.asked) {
        Ok(again) => again,
        // A header without the columns triage reads: the rows after it
        // have none of them where the first header has them either.
        Err(missing) => {
            return NotARow::Changed(format!(
                "{}:{line}: another header starts here, and {missing}: the rows after it \
                 cannot be read by the first header's columns; triage each extract as an \
                 input of its own",
                extract.name
            ));
        }
    };
    if again.indexes() == extract.columns.indexes() && header.names.len() == extract.expected_fields
    {
        NotARow::Repeated
    } else {
        NotARow::Changed(changed(extract, &header.names, &again, line))
    }
}

/// Whether fields named `names` are a header: the code column's name
/// `code` and another of the first header's names `first` are among them.
fn is_a_header(names: &[String], code: &[u8], first: &[String]) -> bool {
    let has_code = names.iter().any(|name| is_named(name, code));
    let others = names
        .iter()
        .filter(|name| !is_named(name, code))
        .filter(|name| {
            first
                .iter()
                .any(|known| is_named(name, known.trim().as_bytes()))
        })
        .count();
    has_code && others > 0
}

/// Whether a header field is `name`, as the header's columns are found:
/// around spaces and in any ASCII case.
fn is_named(field: &str, name: &[u8]) -> bool {
    field.trim().as_bytes().eq_ignore_ascii_case(name)
}

/// Why rows cannot be read past a header naming `names`, whose columns
/// triage reads are `again`.
fn changed(extract: &Extract, names: &[String], again: &Columns, line: u64) -> String {
    let sorted = |names: &[String]| {
        let mut sorted: Vec<String> = names
            .iter()
            .map(|name| name.trim().to_ascii_lowercase())
            .collect();
        sorted.sort_unstable();
        sorted
    };
    let reordered = sorted(names) == sorted(extract.header);
    let mut changes = Vec::new();
    for (first, now) in kept(extract.columns).into_iter().zip(kept(again)) {
        match (first, now) {
            (Some((was, name)), Some((is, _))) if was != is => changes.push(format!(
                "{} is column {}, was {}",
                quoted::as_name(name),
                is + 1,
                was + 1
            )),
            (Some((_, name)), None) => changes.push(format!("no column {}", quoted::as_name(name))),
            (None, Some((is, name))) => changes.push(format!(
                "{} is new, column {}",
                quoted::as_name(name),
                is + 1
            )),
            _ => {}
        }
    }
    if names.len() != extract.expected_fields {
        changes.push(format!(
            "{} columns, was {}",
            names.len(),
            extract.expected_fields
        ));
    }
    let what = if reordered {
        "the header repeats here with its columns in another order"
    } else {
        "another header starts here, with other columns than the first"
    };
    format!(
        "{}:{line}: {what} ({}): the rows after it cannot be read by the first header's \
         columns; triage each extract as an input of its own",
        extract.name,
        changes.join("; ")
    )
}

/// The code, number, message and time columns: each one's index and name.
fn kept(columns: &Columns) -> [Option<(usize, &str)>; 4] {
    fn named((index, name): &(usize, String)) -> (usize, &str) {
        (*index, name)
    }
    [
        Some(named(&columns.code)),
        Some(named(&columns.number)),
        columns.message.as_ref().map(named),
        columns.time.as_ref().map(named),
    ]
}

/// Whether `name` is in `record`, in any ASCII case. A name with a quote
/// is written escaped in a header, so it is taken to be there.
fn names_ignoring_case(record: &[u8], name: &[u8]) -> bool {
    name.is_empty()
        || name.contains(&b'"')
        || record
            .windows(name.len())
            .any(|window| window.eq_ignore_ascii_case(name))
}
