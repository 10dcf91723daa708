//! Finding the records of delimited text and the few fields triage uses in
//! each, without building every field of every row.
//!
//! Most lines of an extract are plain: fields separated by the delimiter,
//! some of them quoted without quotes inside (`"Your order shipped, track
//! it"`). Such a line is split with `memchr`, and only the fields asked for
//! are kept. Anything else (an escaped quote, a quoted line break, a quote
//! inside an unquoted field, a lone carriage return) is read by `csv_core`,
//! the parser under the `csv` crate, so every record means what a CSV
//! reader says it means. Blank lines are skipped, as `csv_core` skips them.

use csv_core::{ReadRecordResult, Reader};
use memchr::{memchr, memchr2, memchr3};

/// Fields kept per record: the code, number, message and time columns.
pub(crate) const KEPT: usize = 4;

/// What one step of the scanner found at the start of its input.
pub(crate) enum Step<'a> {
    /// A record, its kept fields (empty where a column is absent or the
    /// record too short) and how many fields it has.
    Record {
        consumed: usize,
        newlines: u64,
        fields: [&'a [u8]; KEPT],
        count: usize,
        /// Whether its quotes pair up as a quote-counting split assumes
        /// (see [`quotes_pair_up`]).
        regular: bool,
    },
    /// Blank lines only, up to the end of the input.
    Blank { consumed: usize, newlines: u64 },
    /// The input ends inside a record: more input is needed.
    Incomplete,
}

/// Splits records; reuses its buffers from one record to the next.
pub(crate) struct Scanner {
    delimiter: u8,
    kept: [Option<usize>; KEPT],
    core: Reader,
    output: Vec<u8>,
    ends: Vec<usize>,
}

impl Scanner {
    /// A scanner keeping the fields at `kept` (indexes into a record).
    pub(crate) fn new(delimiter: u8, kept: [Option<usize>; KEPT]) -> Self {
        Self {
            delimiter,
            kept,
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            output: vec![0; 1 << 12],
            ends: vec![0; 64],
        }
    }

    /// Reads the record at the start of `input`; `at_end` says that no
    /// input follows.
    pub(crate) fn next<'a>(&'a mut self, input: &'a [u8], at_end: bool) -> Step<'a> {
        // A line ends at \n, \r\n or a lone \r (old Mac files), as csv_core
        // ends a record; a lone \r is left to csv_core itself.
        let (line, consumed, newlines) = match memchr2(b'\n', b'\r', input) {
            Some(end) if input[end] == b'\n' => (&input[..end], end + 1, 1),
            Some(end) => match input.get(end + 1) {
                Some(b'\n') => (&input[..end], end + 2, 1),
                Some(_) => return self.next_by_csv_core(input, at_end),
                None if at_end => (&input[..end], end + 1, 0),
                None => return Step::Incomplete,
            },
            None if at_end => (input, input.len(), 0),
            None => return Step::Incomplete,
        };
        if line.is_empty() {
            return Step::Blank { consumed, newlines };
        }
        let mut fields = [&[][..]; KEPT];
        if let Some(count) = split_plain(line, self.delimiter, &self.kept, &mut fields) {
            return Step::Record {
                consumed,
                newlines,
                fields,
                count,
                regular: true,
            };
        }
        self.next_by_csv_core(input, at_end)
    }

    /// Reads the record with `csv_core`, as the `csv` crate would.
    fn next_by_csv_core<'a>(&'a mut self, input: &'a [u8], at_end: bool) -> Step<'a> {
        self.core.reset();
        let (mut read, mut written, mut ended) = (0, 0, 0);
        loop {
            let rest = &input[read..];
            let (result, nin, nout, nend) =
                self.core
                    .read_record(rest, &mut self.output[written..], &mut self.ends[ended..]);
            read += nin;
            written += nout;
            ended += nend;
            match result {
                ReadRecordResult::InputEmpty if !at_end => return Step::Incomplete,
                // All input is read: the next call passes an empty rest,
                // which tells csv_core that the text has ended.
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => self.output.resize(self.output.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record => break,
                ReadRecordResult::End => {
                    return Step::Blank {
                        consumed: read,
                        newlines: count_newlines(&input[..read]),
                    };
                }
            }
        }
        let raw = &input[..read];
        let ends = &self.ends[..ended];
        let mut fields = [&[][..]; KEPT];
        for (field, index) in fields.iter_mut().zip(self.kept) {
            if let Some(index) = index.filter(|&index| index < ends.len()) {
                let start = if index == 0 { 0 } else { ends[index - 1] };
                *field = &self.output[start..ends[index]];
            }
        }
        Step::Record {
            consumed: read,
            newlines: count_newlines(raw),
            fields,
            count: ends.len(),
            regular: quotes_pair_up(raw, self.delimiter),
        }
    }
}

/// Splits a plain line: fields unquoted and without quotes, or quoted
/// without quotes inside. `None` for any other line.
///
/// Fields are short (a code, a number, a flag), so their ends are found
/// eight bytes at a time in a word (see [`field_end`]) rather than by a
/// vectorised search that would take longer to start; past the last field
/// kept, only the delimiters are counted.
fn split_plain<'a>(
    line: &'a [u8],
    delimiter: u8,
    kept: &[Option<usize>; KEPT],
    fields: &mut [&'a [u8]; KEPT],
) -> Option<usize> {
    let last_kept = kept.iter().flatten().copied().max().unwrap_or(0);
    let mut at = 0;
    let mut index = 0;
    loop {
        let (field, after) = if line.get(at) == Some(&b'"') {
            let close = at + 1 + memchr(b'"', &line[at + 1..])?;
            let after = close + 1;
            if after < line.len() && line[after] != delimiter {
                return None;
            }
            (&line[at + 1..close], after)
        } else {
            let end = field_end(line, at, delimiter);
            if line.get(end) == Some(&b'"') {
                return None;
            }
            (&line[at..end], end)
        };
        for (slot, wanted) in fields.iter_mut().zip(kept) {
            if *wanted == Some(index) {
                *slot = field;
            }
        }
        index += 1;
        if after == line.len() {
            return Some(index);
        }
        at = after + 1;
        if index > last_kept {
            return count_rest(&line[at..], delimiter).map(|rest| index + rest);
        }
    }
}

/// The first delimiter or quote in `line` from `from` on, or the line's
/// length. Eight bytes are tested at once: a byte equal to the one sought
/// is a zero byte of the word XOR that byte repeated, and
/// `(v - 0x01…01) & !v & 0x80…80` marks zero bytes, the lowest mark always
/// right.
fn field_end(line: &[u8], from: usize, delimiter: u8) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let delimiters = u64::from(delimiter) * ONES;
    let quotes = u64::from(b'"') * ONES;
    let mut at = from;
    while let Some(bytes) = line.get(at..at + 8) {
        let word = u64::from_le_bytes(bytes.try_into().unwrap_or_default());
        let (delimiter_zeros, quote_zeros) = (word ^ delimiters, word ^ quotes);
        let marks = (delimiter_zeros.wrapping_sub(ONES) & !delimiter_zeros
            | quote_zeros.wrapping_sub(ONES) & !quote_zeros)
            & HIGHS;
        if marks != 0 {
            return at + (marks.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    while at < line.len() && line[at] != delimiter && line[at] != b'"' {
        at += 1;
    }
    at
}

/// The fields left in a line whose fields are no longer kept: one more
/// than its delimiters, when it has no quotes to change that.
fn count_rest(rest: &[u8], delimiter: u8) -> Option<usize> {
    if memchr(b'"', rest).is_some() {
        return None;
    }
    #[expect(clippy::naive_bytecount, reason = "the compiler vectorises this loop")]
    let delimiters = rest.iter().filter(|&&byte| byte == delimiter).count();
    Some(delimiters + 1)
}

/// Whether every quote of a record is where a quote-counting split takes
/// it to be: opening a field (right after a delimiter or the record's
/// start), closing one (right before a delimiter, the line's end or an
/// escaping quote), or escaping. Then a line break is inside a quoted field
/// exactly when an odd number of quotes precede it, which is what lets a
/// large file be cut into chunks at line breaks and read in parallel.
pub(crate) fn quotes_pair_up(raw: &[u8], delimiter: u8) -> bool {
    let mut inside = false;
    let mut at = 0;
    while let Some(found) = memchr3(b'"', delimiter, b'\n', &raw[at..]) {
        let position = at + found;
        at = position + 1;
        if raw[position] != b'"' {
            continue;
        }
        if inside {
            match raw.get(position + 1) {
                // An escaped quote: both stay inside.
                Some(b'"') => at += 1,
                Some(&next) if next == delimiter || next == b'\n' || next == b'\r' => {
                    inside = false;
                }
                None => inside = false,
                Some(_) => return false,
            }
        } else {
            let opens_field =
                position == 0 || raw[position - 1] == delimiter || raw[position - 1] == b'\n';
            if !opens_field {
                return false;
            }
            inside = true;
        }
    }
    !inside
}

fn count_newlines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

#[cfg(test)]
mod tests {
    use super::{KEPT, Scanner, Step, quotes_pair_up};

    /// Every record of `text`: its kept fields as strings and its count.
    fn scan(text: &str, kept: [Option<usize>; KEPT]) -> Vec<(Vec<String>, usize, bool)> {
        let mut scanner = Scanner::new(b',', kept);
        let mut records = Vec::new();
        let mut at = 0;
        let bytes = text.as_bytes();
        while at < bytes.len() {
            match scanner.next(&bytes[at..], true) {
                Step::Record {
                    consumed,
                    fields,
                    count,
                    regular,
                    ..
                } => {
                    let fields = fields
                        .iter()
                        .map(|field| String::from_utf8_lossy(field).into_owned())
                        .collect();
                    records.push((fields, count, regular));
                    at += consumed;
                }
                Step::Blank { consumed, .. } => at += consumed,
                Step::Incomplete => panic!("the text is complete"),
            }
        }
        records
    }

    /// What the `csv` crate reads from the same text, for comparison.
    fn by_csv(text: &str, kept: [Option<usize>; KEPT]) -> Vec<(Vec<String>, usize)> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        reader
            .byte_records()
            .map(|record| {
                let record = record.expect("a record");
                let fields = kept
                    .iter()
                    .map(|index| {
                        index
                            .and_then(|index| record.get(index))
                            .map(|field| String::from_utf8_lossy(field).into_owned())
                            .unwrap_or_default()
                    })
                    .collect();
                (fields, record.len())
            })
            .collect()
    }

    #[test]
    fn records_read_as_the_csv_crate_reads_them() {
        let kept = [Some(0), Some(2), None, Some(1)];
        for text in [
            "a,b,c\n1,2,3\n",
            "a,b,c\r\n1,2,3\r\n",
            "a,\"b, with comma\",c\n",
            "a,\"b \"\"quoted\"\"\",c\n",
            "a,\"line\nbreak\",c\nx,y,z\n",
            "a,b\"c,d\n",
            "\"ab\"c,d,e\n",
            "a,b,c\r1,2,3\n",
            "a,b,c\n\n\r\n1,2,3",
            "a,,\n,,\n",
            "only\n",
            "a,b,c,d,e,f\n",
            "\"unclosed,quote\nand more\n",
            " \"spaced\",b,c\n",
        ] {
            let scanned: Vec<(Vec<String>, usize)> = scan(text, kept)
                .into_iter()
                .map(|(fields, count, _)| (fields, count))
                .collect();
            assert_eq!(scanned, by_csv(text, kept), "{text:?}");
        }
    }

    #[test]
    fn a_field_ends_at_the_first_delimiter_or_quote_wherever_it_falls_in_a_word() {
        for length in 0..40 {
            for special in [b',', b'"'] {
                for at in 0..length {
                    let mut line = vec![b'x'; length];
                    line[at] = special;
                    for from in 0..=at {
                        assert_eq!(
                            super::field_end(&line, from, b','),
                            at,
                            "{line:?} from {from}"
                        );
                    }
                }
                let plain = vec![0xFF_u8; length];
                assert_eq!(super::field_end(&plain, 0, b','), length);
            }
        }
    }

    #[test]
    fn incomplete_input_asks_for_more() {
        let mut scanner = Scanner::new(b',', [Some(0); KEPT]);
        assert!(matches!(scanner.next(b"a,b", false), Step::Incomplete));
        assert!(matches!(scanner.next(b"\"a\nb", false), Step::Incomplete));
        assert!(matches!(
            scanner.next(b"a,b", true),
            Step::Record { count: 2, .. }
        ));
    }

    #[test]
    fn quotes_that_pair_up_are_told_apart_from_stray_ones() {
        for regular in [
            "a,b",
            "\"a,b\",c",
            "\"a\"\"b\",c",
            "\"a\nb\",c\n",
            "a,\"\"\n",
        ] {
            assert!(quotes_pair_up(regular.as_bytes(), b','), "{regular:?}");
        }
        for stray in ["a\"b,c", "\"a\"b,c", "a\"b,\"c\nd\",e\"f", "\"open"] {
            assert!(!quotes_pair_up(stray.as_bytes(), b','), "{stray:?}");
        }
    }
}
