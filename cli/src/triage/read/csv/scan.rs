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
    plain: Kept,
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
            plain: Kept::new(kept),
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
        if let Some(count) = split_plain(line, self.delimiter, &self.plain, &mut fields) {
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
/// Unquoted fields are short (a code, a number, a flag), so their ends are
/// found eight bytes at a time (see [`marks`]) rather than by a vectorised
/// search per field, which would take longer to start than the field takes
/// to scan. Past the last field kept, only the delimiters are counted.
fn split_plain<'a>(
    line: &'a [u8],
    delimiter: u8,
    kept: &Kept,
    fields: &mut [&'a [u8]; KEPT],
) -> Option<usize> {
    let mut index = 0;
    let mut start = 0;
    'fields: loop {
        if line.get(start) == Some(&b'"') {
            // A quoted field: to its closing quote, then a delimiter or
            // the end of the line.
            let close = start + 1 + memchr(b'"', &line[start + 1..])?;
            let after = close + 1;
            if after < line.len() && line[after] != delimiter {
                return None;
            }
            kept.store(index, &line[start + 1..close], fields);
            index += 1;
            if after == line.len() {
                return Some(index);
            }
            start = after + 1;
            if index > kept.last {
                return count_rest(&line[start..], delimiter).map(|rest| index + rest);
            }
            continue;
        }
        let mut word_at = start;
        while word_at < line.len() {
            let mut found = marks(line, word_at, delimiter);
            while found != 0 {
                let position = word_at + (found.trailing_zeros() / 8) as usize;
                found &= found - 1;
                match line.get(position) {
                    Some(&byte) if byte == delimiter => {
                        kept.store(index, &line[start..position], fields);
                        index += 1;
                        start = position + 1;
                        if index > kept.last {
                            return count_rest(&line[start..], delimiter).map(|rest| index + rest);
                        }
                        if line.get(start) == Some(&b'"') {
                            continue 'fields;
                        }
                    }
                    // A quote inside an unquoted field.
                    Some(b'"') => return None,
                    // Past the line's end.
                    _ => {}
                }
            }
            word_at += 8;
        }
        kept.store(index, &line[start..], fields);
        return Some(index + 1);
    }
}

/// The fields a scanner keeps: for each field index up to the last kept,
/// the slots (as bits) it fills, so a field not kept costs one lookup.
struct Kept {
    slots: Vec<u8>,
    /// The highest index kept.
    last: usize,
}

impl Kept {
    fn new(kept: [Option<usize>; KEPT]) -> Self {
        let last = kept.iter().flatten().copied().max().unwrap_or(0);
        let mut slots = vec![0; last + 1];
        for (slot, index) in kept.iter().enumerate() {
            if let Some(index) = *index {
                slots[index] |= 1 << slot;
            }
        }
        Self { slots, last }
    }

    /// Puts `field` in every slot that keeps field `index`.
    #[inline]
    fn store<'a>(&self, index: usize, field: &'a [u8], fields: &mut [&'a [u8]; KEPT]) {
        let Some(&slots) = self.slots.get(index) else {
            return;
        };
        if slots != 0 {
            for (slot, kept) in fields.iter_mut().enumerate() {
                if slots & 1 << slot != 0 {
                    *kept = field;
                }
            }
        }
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;
const LOWS: u64 = 0x7F7F_7F7F_7F7F_7F7F;

/// The high bit of each zero byte of `word`, and no other bit.
#[inline]
fn zero_bytes(word: u64) -> u64 {
    !(((word & LOWS) + LOWS) | word | LOWS)
}

/// The eight bytes of `line` from `at` as a word; bytes past its end are
/// 0xFF, which is neither a delimiter nor a quote.
#[inline]
fn word(line: &[u8], at: usize) -> u64 {
    if let Some(eight) = line.get(at..at + 8) {
        return u64::from_le_bytes(eight.try_into().unwrap_or([0xFF; 8]));
    }
    let mut bytes = [0xFF; 8];
    let available = line.len().saturating_sub(at);
    bytes[..available].copy_from_slice(&line[at..]);
    u64::from_le_bytes(bytes)
}

/// Marks the delimiters and quotes among the eight bytes of `line` from
/// `at`: the high bit of each such byte. A byte equal to the one sought is
/// a zero byte of the word XOR that byte repeated.
#[inline]
fn marks(line: &[u8], at: usize, delimiter: u8) -> u64 {
    let word = word(line, at);
    zero_bytes(word ^ (u64::from(delimiter) * ONES)) | zero_bytes(word ^ (u64::from(b'"') * ONES))
}

/// The fields left in a line whose fields are no longer kept: one more
/// than its delimiters, when it has no quotes to change that. Counted a
/// word at a time.
fn count_rest(rest: &[u8], delimiter: u8) -> Option<usize> {
    let (delimiters, quotes) = (u64::from(delimiter) * ONES, u64::from(b'"') * ONES);
    let mut count = 0;
    for at in (0..rest.len()).step_by(8) {
        let word = word(rest, at);
        if zero_bytes(word ^ quotes) != 0 {
            return None;
        }
        count += zero_bytes(word ^ delimiters).count_ones() as usize;
    }
    Some(count + 1)
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
    fn random_lines_read_as_the_csv_crate_reads_them() {
        // Fields of every length around a word's, quoted or not, some with
        // delimiters inside quotes: where each field ends falls at every
        // place in a word.
        let pieces = [
            "",
            "a",
            "ab",
            "abcdefg",
            "abcdefgh",
            "abcdefghi",
            "\"x,y\"",
            "\"\"",
            "1555010000",
        ];
        let mut seed = 7_u64;
        for _ in 0..2_000 {
            let mut line = Vec::new();
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let fields = 1 + (seed >> 40) as usize % 12;
            for field in 0..fields {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                if field > 0 {
                    line.push(",");
                }
                line.push(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let text = format!("{}\n", line.concat());
            let kept = [Some(0), Some(3), Some(9), Some(1)];
            let scanned: Vec<(Vec<String>, usize)> = scan(&text, kept)
                .into_iter()
                .map(|(fields, count, _)| (fields, count))
                .collect();
            assert_eq!(scanned, by_csv(&text, kept), "{text:?}");
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
