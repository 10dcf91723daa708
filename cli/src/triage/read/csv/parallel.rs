//! A large extract read on every core: cut into one chunk per thread at
//! record boundaries, each chunk read by its own thread into a part of the
//! sink, the parts absorbed by the sink in chunk order.
//!
//! A line break inside a quoted field is not a record boundary, so where
//! to cut is found by counting quotes: a line break is a boundary exactly
//! when an even number of quotes precede it, as long as every quote opens,
//! closes or escapes a quoted field. The threads first count the quotes
//! and line breaks of their share, which gives each cut and the line it
//! starts on; then each reads its chunk. Every record read checks that its
//! quotes pair up so. If one does not (a stray quote in an unquoted field),
//! the cuts after it may be wrong: the result is thrown away and the caller
//! reads the file on one thread. Only the file's very last record may be
//! irregular, as a download cut off inside a quoted field is: no cut
//! depends on it. A chunk that meets another extract's header it cannot
//! read past (see `joined`) sends the file to be read in order too, which
//! fails there after saying the bad rows before it. The result is always
//! the one reading in order gives, bad rows and their lines included: the
//! parts are only absorbed once every chunk is known to be read as reading
//! in order would have.

use std::fs::File;
use std::io;
use std::os::unix::fs::FileExt;
use std::thread;

use super::extract::Extract;
use super::records::{BLOCK, Dates, Stop, Worker};
use crate::progress::Meter;
use crate::triage::read::sink::Sink;
use crate::triage::read::values::date_order::DateOrder;
use crate::triage::read::values::instant::TimeReader;

/// Where the rows of a file are, and how to read them.
pub(crate) struct Rows<'a> {
    pub(crate) file: &'a File,
    pub(crate) extract: Extract<'a>,
    /// The byte offset of the first row, after any mark and the header.
    pub(crate) start: u64,
    /// The file's length.
    pub(crate) end: u64,
    /// The line the first row starts on.
    pub(crate) line: u64,
    /// `--date-order`, if given.
    pub(crate) date_order: Option<DateOrder>,
    /// Counts the rows' bytes as the threads read them.
    pub(crate) meter: &'a Meter,
}

/// What the threads found: each chunk's part of the sink, in file order,
/// and the file's dates.
pub(crate) struct Found<P> {
    pub(crate) parts: Vec<P>,
    pub(crate) dates: Dates,
}

/// Reads the rows on `threads` threads. `Ok(None)` when the file's quotes
/// do not allow cutting it, its chunks found their dates in different
/// orders (see [`dates_agree`]), or a chunk cannot read past a record:
/// read it in order instead.
pub(crate) fn read<S: Sink>(
    rows: &Rows,
    threads: usize,
    sink: &S,
) -> io::Result<Option<Found<S::Part>>> {
    // A chunk smaller than a read's buffer is not worth a thread.
    let most = usize::try_from((rows.end - rows.start) / BLOCK as u64).unwrap_or(usize::MAX);
    let threads = threads.min(most).max(1);
    let chunks = cut(rows, threads)?;
    let read = on_threads(chunks.windows(2).map(|pair| {
        let (from, to) = (pair[0], pair[1]);
        let mut part = sink.part(to.at - from.at);
        move || {
            let mut worker = Worker::new(
                &rows.extract,
                TimeReader::new(rows.date_order),
                &mut part,
                from.line,
            );
            let read = worker.read_all(
                Vec::new(),
                range_reader(rows.file, from.at, to.at, Some(rows.meter)),
            );
            match read {
                Ok(_) => {}
                Err(Stop::Read(error)) => return Err(error),
                Err(Stop::Unreadable(_)) => return Ok(None),
            }
            let regular = worker.irregular_records == 0;
            let only_the_files_last = worker.irregular_records == 1 && worker.last_irregular;
            let dates = worker.finish();
            part.part_done();
            Ok(Some((regular, only_the_files_last, dates, part)))
        }
    }));
    let mut parts = Vec::with_capacity(read.len());
    let mut chunk_dates = Vec::with_capacity(read.len());
    let last = read.len() - 1;
    for (index, chunk) in read.into_iter().enumerate() {
        let Some((regular, only_the_files_last, dates, part)) = chunk? else {
            return Ok(None);
        };
        if !(regular || index == last && only_the_files_last) {
            return Ok(None);
        }
        parts.push(part);
        chunk_dates.push(dates);
    }
    let Some(dates) = dates_agree(chunk_dates) else {
        return Ok(None);
    };
    Ok(Some(Found { parts, dates }))
}

/// The file's dates from its chunks', when reading it in order would have
/// given the same: the file's order is the first chunk's to decide one,
/// and no chunk decided another, nor rejected a date in the name of its
/// own decision (whose message would cite a later date than reading in
/// order does). The messages waiting for the order are gathered in file
/// order.
fn dates_agree(chunks: Vec<Dates>) -> Option<Dates> {
    let decided = chunks.iter().find_map(|dates| dates.decided.clone());
    let mut file = Dates {
        decided,
        undecided: Vec::new(),
        first_undecided: None,
        contradictions: 0,
        marked: false,
    };
    for dates in chunks {
        let agrees = match (&dates.decided, &file.decided) {
            (Some(chunk), Some(first)) => {
                chunk.order() == first.order() && (dates.contradictions == 0 || chunk == first)
            }
            _ => true,
        };
        if !agrees {
            return None;
        }
        file.undecided.extend(dates.undecided);
        file.first_undecided = file.first_undecided.or(dates.first_undecided);
        file.contradictions += dates.contradictions;
        file.marked |= dates.marked;
    }
    Some(file)
}

/// Runs each job on a thread of its own and returns their results in the
/// jobs' order. A thread the system would not start is an input failure,
/// not a crash.
fn on_threads<'a, T: Send + 'a>(
    jobs: impl Iterator<Item = impl FnOnce() -> io::Result<T> + Send + 'a>,
) -> Vec<io::Result<T>> {
    thread::scope(|scope| {
        let handles: Vec<_> = jobs
            .map(|job| thread::Builder::new().spawn_scoped(scope, job))
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle?
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// A record boundary: its offset and the line it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cut {
    at: u64,
    line: u64,
}

/// The boundaries of `threads` chunks of about equal size, first and last
/// included.
fn cut(rows: &Rows, threads: usize) -> io::Result<Vec<Cut>> {
    let length = rows.end - rows.start;
    let nominal: Vec<u64> = (0..=threads as u64)
        .map(|share| rows.start + length * share / threads as u64)
        .collect();
    // Quotes and line breaks of each share but the last, counted at once.
    let tallies = on_threads(nominal[..threads].windows(2).map(|pair| {
        let (from, to) = (pair[0], pair[1]);
        move || count_quotes_and_lines(rows.file, from, to)
    }));
    let mut cuts = vec![Cut {
        at: rows.start,
        line: rows.line,
    }];
    let (mut quotes, mut line) = (0, rows.line);
    for (share, tally) in tallies.into_iter().enumerate() {
        let (share_quotes, share_lines) = tally?;
        quotes += share_quotes;
        line += share_lines;
        let from = nominal[share + 1];
        let previous = cuts[cuts.len() - 1];
        let next = boundary_from(rows, from, quotes % 2 == 1, line)?;
        cuts.push(if next.at < previous.at {
            previous
        } else {
            next
        });
    }
    cuts.push(Cut {
        at: rows.end,
        line: 0,
    });
    Ok(cuts)
}

/// The first record boundary at or after `from`: right after a line break
/// preceded by an even number of quotes. `inside` says whether the quotes
/// before `from` are odd; `line` is the line `from` is on.
fn boundary_from(rows: &Rows, from: u64, inside: bool, line: u64) -> io::Result<Cut> {
    let mut previous = [0];
    if from > rows.start && !inside {
        rows.file.read_exact_at(&mut previous, from - 1)?;
        if previous[0] == b'\n' {
            return Ok(Cut { at: from, line });
        }
    }
    let (mut inside, mut line, mut at) = (inside, line, from);
    let mut buffer = vec![0; BLOCK];
    let mut read = range_reader(rows.file, from, rows.end, None);
    loop {
        let count = read(&mut buffer)?;
        if count == 0 {
            return Ok(Cut { at: rows.end, line });
        }
        let mut scanned = 0;
        while let Some(found) = memchr::memchr2(b'"', b'\n', &buffer[scanned..count]) {
            let position = scanned + found;
            scanned = position + 1;
            if buffer[position] == b'"' {
                inside = !inside;
            } else {
                line += 1;
                if !inside {
                    return Ok(Cut {
                        at: at + position as u64 + 1,
                        line,
                    });
                }
            }
        }
        at += count as u64;
    }
}

/// The quotes and line breaks in `from..to`.
fn count_quotes_and_lines(file: &File, from: u64, to: u64) -> io::Result<(u64, u64)> {
    let mut buffer = vec![0; BLOCK];
    let mut read = range_reader(file, from, to, None);
    let (mut quotes, mut lines) = (0, 0);
    loop {
        let count = read(&mut buffer)?;
        if count == 0 {
            return Ok((quotes, lines));
        }
        quotes += memchr::memchr_iter(b'"', &buffer[..count]).count() as u64;
        lines += memchr::memchr_iter(b'\n', &buffer[..count]).count() as u64;
    }
}

/// Reads `from..to` of `file` into the buffers it is given, without
/// moving a shared file position, so threads can read one file at once.
fn range_reader<'a>(
    file: &'a File,
    from: u64,
    to: u64,
    meter: Option<&'a Meter>,
) -> impl FnMut(&mut [u8]) -> io::Result<usize> + 'a {
    let mut at = from;
    move |buffer: &mut [u8]| {
        let wanted = usize::try_from(to - at)
            .unwrap_or(usize::MAX)
            .min(buffer.len());
        if wanted == 0 {
            return Ok(0);
        }
        let count = file.read_at(&mut buffer[..wanted], at)?;
        if count == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "the file got shorter while it was read",
            ));
        }
        at += count as u64;
        if let Some(meter) = meter {
            meter.add(count as u64);
        }
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use std::fmt::Display;

    use mobileconnect_status::SmsStatus;

    use super::{Dates, Rows, dates_agree, read};
    use crate::progress::Meter;
    use crate::status_table::StatusTable;
    use crate::triage::read::csv::extract::Extract;
    use crate::triage::read::csv::header::{ColumnNames, Columns};
    use crate::triage::read::sink::{Event, InputRead, Message, Sink};
    use crate::triage::read::values::date_order::{DateOrder, Decided};

    /// Counts what it is told: enough to see that every row was read once.
    #[derive(Default)]
    struct RowCount {
        rows: u64,
    }

    impl Sink for RowCount {
        type Part = Self;

        fn part(&self, _: u64) -> Self {
            Self::default()
        }

        fn part_done(&mut self) {}

        fn absorb(&mut self, part: Self) {
            self.rows += part.rows;
        }

        fn shows_every_bad_row(&self) -> bool {
            false
        }

        fn row(&mut self, _: Option<SmsStatus>) {
            self.rows += 1;
        }

        fn message(&mut self, _: Message) {}

        fn event(&mut self, _: &Event) {}

        fn bad_row(&mut self, _: &str, _: u64, _: impl Display) {
            self.rows += 1;
        }

        fn repeated_header(&mut self) {}

        fn end_input(&mut self, name: &str) -> InputRead {
            InputRead {
                name: name.to_owned(),
                rows: self.rows,
                bad_rows: 0,
                examples: Vec::new(),
            }
        }
    }

    /// Reads `rows` (after a header) on 3 threads; `None` when the file
    /// could not be cut.
    fn cut_and_read(name: &str, rows: &str) -> Option<u64> {
        let header = "Mobile,SMSStandardStatusCodeId,Text\n";
        let path = std::env::temp_dir().join(format!("{name}-{}", std::process::id()));
        std::fs::write(&path, format!("{header}{rows}")).expect("a scratch file");
        let file = std::fs::File::open(&path).expect("opens");
        let names: Vec<String> = ["Mobile", "SMSStandardStatusCodeId", "Text"]
            .map(str::to_owned)
            .to_vec();
        let asked = ColumnNames::default();
        let columns = Columns::find(&names, &asked).expect("columns");
        let meter = Meter::new(name, None);
        let statuses = StatusTable::built_in();
        let rows = Rows {
            file: &file,
            extract: Extract {
                name,
                header: &names,
                columns: &columns,
                asked: &asked,
                expected_fields: 3,
                delimiter: b',',
                country: None,
                statuses: &statuses,
            },
            start: header.len() as u64,
            end: file.metadata().expect("metadata").len(),
            line: 2,
            date_order: None,
            meter: &meter,
        };
        let found = read(&rows, 3, &RowCount::default()).expect("reads");
        std::fs::remove_file(&path).expect("removed");
        found.map(|found| found.parts.iter().map(|part| part.rows).sum())
    }

    fn rows(text: impl Fn(usize) -> &'static str) -> String {
        let mut rows = String::new();
        for number in 0..200_000 {
            writeln!(rows, "1555{number:07},4000,{}", text(number)).expect("a row");
        }
        rows
    }

    #[test]
    fn a_file_whose_quotes_pair_up_is_read_in_parts() {
        let quoted = rows(|number| {
            if number % 2 == 0 {
                "\"a,\nb\""
            } else {
                "plain"
            }
        });
        assert_eq!(cut_and_read("pairs-up.csv", &quoted), Some(200_000));
        // Only the file's very last record may be cut off inside quotes.
        let truncated = format!("{quoted}15559999999,4000,\"cut off");
        assert_eq!(cut_and_read("cut-off.csv", &truncated), Some(200_001));
    }

    fn dates(decided: Option<Decided>, contradictions: u64) -> Dates {
        Dates {
            decided,
            undecided: Vec::new(),
            first_undecided: None,
            contradictions,
            marked: false,
        }
    }

    fn by_date(order: DateOrder, line: u64) -> Decided {
        Decided::ByDate {
            order,
            value: "13/1/2024 9:00".to_owned(),
            line,
        }
    }

    #[test]
    fn chunks_agree_on_dates_only_as_reading_in_order_would() {
        let day_first = DateOrder::DayFirst;
        let agreed = dates_agree(vec![
            dates(None, 0),
            dates(Some(by_date(day_first, 9)), 1),
            dates(Some(by_date(day_first, 90)), 0),
        ])
        .expect("the same order, no date rejected by a later decision");
        assert_eq!(agreed.decided, Some(by_date(day_first, 9)));
        assert_eq!(agreed.contradictions, 1);
        // Another order, or a date rejected in the name of a later date
        // than the file's first deciding one: read in order instead.
        assert!(
            dates_agree(vec![
                dates(Some(by_date(day_first, 9)), 0),
                dates(Some(by_date(DateOrder::MonthFirst, 90)), 0),
            ])
            .is_none()
        );
        assert!(
            dates_agree(vec![
                dates(Some(by_date(day_first, 9)), 0),
                dates(Some(by_date(day_first, 90)), 1),
            ])
            .is_none()
        );
        let option = Some(Decided::Option(day_first));
        assert!(dates_agree(vec![dates(option.clone(), 2), dates(option, 3)]).is_some());
    }

    #[test]
    fn a_stray_quote_sends_the_file_to_be_read_in_order() {
        let stray = rows(|number| {
            if number == 150_000 {
                "5\" screen"
            } else {
                "\"a\nb\""
            }
        });
        assert_eq!(cut_and_read("stray.csv", &stray), None);
    }
}
