//! Every message, each once: the data view holds one row per
//! `MobileMessageTrackingID`, and copies of a row in several extracts, or
//! re-saved by a spreadsheet with its time cut to the minute, are still
//! that one message.
//!
//! A message is its mobile number and its id, as `sms-status query`
//! groups the data view's rows; a message without an id is a message of its
//! own. Copies merge: the highest code wins, and the latest time, since a
//! copy's time can only have lost precision (`9:00` for `9:00:37`), never
//! gained it. Taking maxima is associative and commutative, so copies can
//! arrive in any order, on any thread.
//!
//! A copy is appended to a shard chosen by its number, which costs a row a
//! write to the end of a list instead of a look-up in a table of every
//! message. Each shard is sorted by number and id, small enough to sort in
//! the processor's cache: a thread reading part of a large file sorts its
//! own shards before it is done, and its lists join the others' as sorted
//! runs, never copied. Once every input is read, each shard's runs are
//! merged as they are read: copies of a message come side by side and
//! merge, each message is counted once, and a number's messages come side
//! by side and fold into its record. Shards are resolved on several
//! threads at once, or on the calling thread where the system will not
//! start another. Memory is a copy's 32 bytes until then.

use std::sync::{Mutex, PoisonError};
use std::thread;

use super::by_number::NumberRecord;
use super::counts::MessageCounts;
use super::fate::Fate;
use crate::status_table::StatusTable;
use crate::triage::read::values::instant::Instant;
use crate::triage::read::values::message_id::MessageId;
use crate::triage::read::values::mobile_number::MobileNumber;

/// Shards of the messages: enough that each is small enough to sort in
/// the cache, and that threads share the work out evenly.
const SHARDS: usize = 64;
/// The stored time of a copy that has none.
const NO_TIME: i64 = i64::MIN;

/// One copy of a message, as read: 32 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Copy {
    number: MobileNumber,
    id: Option<MessageId>,
    /// Milliseconds since 1970 UTC, or [`NO_TIME`].
    time: i64,
    fate: Fate,
}

/// Copies in order of (number, id) once sorted.
type Run = Vec<Copy>;

/// Every copy of every message read, in shards by number; each shard a
/// list of runs, the first one open to new copies.
pub(crate) struct Messages {
    shards: Vec<Vec<Run>>,
    /// How many runs of each shard, from the first, are known to be sorted.
    sorted: usize,
}

impl Default for Messages {
    fn default() -> Self {
        Self {
            shards: (0..SHARDS).map(|_| vec![Run::new()]).collect(),
            sorted: 0,
        }
    }
}

/// The shard of a number: high bits of its packed form after a multiply.
fn shard_of(number: MobileNumber) -> usize {
    (number.packed().wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58) as usize % SHARDS
}

/// What the messages resolve to: each number's record, and every message
/// counted once.
#[derive(Default)]
pub(crate) struct Resolution {
    pub(crate) numbers: Numbers,
    pub(crate) counts: MessageCounts,
}

/// Every number and what decides its status, as each resolving thread
/// left them: in as many lists, never copied into one.
#[derive(Debug, Default)]
pub(crate) struct Numbers(Vec<Vec<(MobileNumber, NumberRecord)>>);

impl Numbers {
    /// Every number and its record, in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &(MobileNumber, NumberRecord)> {
        self.0.iter().flatten()
    }
}

impl Messages {
    /// A message, or a copy of one.
    #[inline]
    pub(crate) fn add(
        &mut self,
        number: MobileNumber,
        id: Option<MessageId>,
        time: Option<Instant>,
        fate: Fate,
    ) {
        self.shards[shard_of(number)][0].push(Copy {
            number,
            id,
            time: time.map_or(NO_TIME, Instant::unix_millis),
            fate,
        });
        self.sorted = 0;
    }

    /// Makes room for the copies of about `bytes` of extract, so that the
    /// runs are not moved as they grow: a row of the data view takes a
    /// hundred bytes and more. Room never written to costs no memory.
    pub(crate) fn reserve_for(&mut self, bytes: u64) {
        const SMALLEST_ROW: u64 = 100;
        let per_shard = bytes / SMALLEST_ROW / SHARDS as u64;
        for shard in &mut self.shards {
            shard[0].reserve(usize::try_from(per_shard).unwrap_or(0));
        }
    }

    /// Sorts the open run of every shard, on the thread that filled it.
    pub(crate) fn sort(&mut self) {
        for shard in &mut self.shards {
            shard[0].sort_unstable_by_key(key);
        }
        self.sorted = 1;
    }

    /// Adds every copy of `other`: its runs join the shards' as they are.
    pub(crate) fn absorb(&mut self, other: Self) {
        for (mine, theirs) in self.shards.iter_mut().zip(other.shards) {
            for (index, run) in theirs.into_iter().enumerate() {
                if run.is_empty() {
                    continue;
                }
                if index < other.sorted {
                    mine.push(run);
                } else {
                    // Unsorted, it joins the open run, which is sorted last.
                    mine[0].extend(run);
                }
            }
        }
        self.sorted = 0;
    }

    /// Merges copies, counts each message once (its fate classified by
    /// `table`, for the days' counts) and folds each number's messages
    /// into its record, on `threads` threads.
    pub(crate) fn resolve(self, threads: usize, table: &StatusTable) -> Resolution {
        self.resolve_on(threads, table, thread::Builder::new)
    }

    /// As [`resolve`](Self::resolve), with threads made by `builder`. A
    /// share whose thread the system would not start is resolved on this
    /// one: the same result, later.
    fn resolve_on(
        self,
        threads: usize,
        table: &StatusTable,
        builder: impl Fn() -> thread::Builder,
    ) -> Resolution {
        let threads = threads.clamp(1, SHARDS);
        let mut shares: Vec<Vec<Vec<Run>>> = (0..threads).map(|_| Vec::new()).collect();
        for (index, shard) in self.shards.into_iter().enumerate() {
            shares[index % threads].push(shard);
        }
        // A thread that fails to start drops the job it was given, so the
        // job takes its share from a place this thread can take it from
        // instead.
        let shares: Vec<Mutex<Option<Share>>> = shares
            .into_iter()
            .map(|share| Mutex::new(Some(share)))
            .collect();
        let resolved: Vec<Resolution> = thread::scope(|scope| {
            let handles: Vec<_> = shares
                .iter()
                .map(|share| builder().spawn_scoped(scope, || resolve_share(share, table)))
                .collect();
            handles
                .into_iter()
                .zip(&shares)
                .map(|(handle, share)| match handle {
                    Ok(handle) => handle
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                    Err(_) => resolve_share(share, table),
                })
                .collect()
        });
        let mut all = Resolution::default();
        for part in resolved {
            all.numbers.0.extend(part.numbers.0);
            all.counts.absorb(&part.counts);
        }
        all
    }
}

/// The order copies are resolved in: by number, then by id, no id first.
fn key(copy: &Copy) -> (MobileNumber, Option<MessageId>) {
    (copy.number, copy.id)
}

/// Every copy of sorted `runs`, in order: the runs merged as they are read,
/// two at a time (a shard has one run per thread that read a part of a
/// file, and one for the rest).
fn merged(runs: &[Run]) -> Box<dyn Iterator<Item = Copy> + '_> {
    match runs {
        [] => Box::new(std::iter::empty()),
        [run] => Box::new(run.iter().copied()),
        [first, rest @ ..] => Box::new(Merge {
            left: first.iter().copied().peekable(),
            right: merged(rest).peekable(),
        }),
    }
}

/// Two sorted streams of copies as one.
struct Merge<L: Iterator<Item = Copy>, R: Iterator<Item = Copy>> {
    left: std::iter::Peekable<L>,
    right: std::iter::Peekable<R>,
}

impl<L: Iterator<Item = Copy>, R: Iterator<Item = Copy>> Iterator for Merge<L, R> {
    type Item = Copy;

    #[inline]
    fn next(&mut self) -> Option<Copy> {
        match (self.left.peek(), self.right.peek()) {
            (Some(left), Some(right)) if key(right) < key(left) => self.right.next(),
            (Some(_), _) => self.left.next(),
            (None, _) => self.right.next(),
        }
    }
}

/// The shards one thread resolves.
type Share = Vec<Vec<Run>>;

/// Resolves the share in `place`, which is then empty: it is resolved
/// once, on whichever thread comes first.
fn resolve_share(place: &Mutex<Option<Share>>, table: &StatusTable) -> Resolution {
    let share = place.lock().unwrap_or_else(PoisonError::into_inner).take();
    share.map_or_else(Resolution::default, |share| resolve_shards(share, table))
}

/// Resolves whole shards: every message in them, and every number.
fn resolve_shards(shards: Share, table: &StatusTable) -> Resolution {
    let mut fold = Fold::new(table);
    // A number for every copy at most: room never written to costs no
    // memory, and the list is never moved as it grows.
    let copies = shards.iter().flatten().map(Vec::len).sum();
    fold.numbers.reserve(copies);
    for mut runs in shards {
        // The open run is the only one that may be unsorted.
        runs[0].sort_unstable_by_key(key);
        runs.retain(|run| !run.is_empty());
        for copy in merged(&runs) {
            fold.copy(copy);
        }
        fold.end_number();
    }
    Resolution {
        numbers: Numbers(vec![fold.numbers]),
        counts: fold.counts,
    }
}

/// Folds copies, in order of (number, id), into messages and numbers.
struct Fold<'t> {
    /// The copies of one message so far: copies with the same id merge,
    /// a copy without one is a message of its own.
    message: Option<Copy>,
    /// The number whose messages are being folded, and its record so far.
    number: Option<(MobileNumber, NumberRecord)>,
    numbers: Vec<(MobileNumber, NumberRecord)>,
    counts: MessageCounts,
    table: &'t StatusTable,
}

impl<'t> Fold<'t> {
    fn new(table: &'t StatusTable) -> Self {
        Self {
            message: None,
            number: None,
            numbers: Vec::new(),
            counts: MessageCounts::default(),
            table,
        }
    }

    fn copy(&mut self, copy: Copy) {
        match &mut self.message {
            Some(message) if message.id.is_some() && key(message) == key(&copy) => {
                message.time = message.time.max(copy.time);
                message.fate = message.fate.max(copy.fate);
            }
            _ => {
                self.end_message();
                self.message = Some(copy);
            }
        }
    }

    /// Counts the message folded so far and adds it to its number's record.
    fn end_message(&mut self) {
        let Some(message) = self.message.take() else {
            return;
        };
        let time = (message.time != NO_TIME).then_some(Instant::from_unix_millis(message.time));
        self.counts.message(message.fate, time, self.table);
        let record = NumberRecord::message(time, message.id, message.fate);
        match &mut self.number {
            Some((number, seen)) if *number == message.number => seen.merge(record),
            _ => {
                self.end_number_only();
                self.number = Some((message.number, record));
            }
        }
    }

    /// Ends the last message and its number.
    fn end_number(&mut self) {
        self.end_message();
        self.end_number_only();
    }

    fn end_number_only(&mut self) {
        if let Some(number) = self.number.take() {
            self.numbers.push(number);
        }
    }
}

#[cfg(test)]
mod tests {
    use mobileconnect_status::SmsStatus;

    use super::Messages;
    use crate::status_table::StatusTable;
    use crate::triage::read::values::instant::Instant;
    use crate::triage::read::values::message_id::MessageId;
    use crate::triage::read::values::mobile_number::MobileNumber;
    use crate::triage::resolve::fate::Fate;

    fn number(text: &str) -> MobileNumber {
        MobileNumber::parse(text.as_bytes(), None).expect("a number")
    }

    fn at(text: &str) -> Instant {
        Instant::parse(text).expect("a time")
    }

    #[test]
    fn copies_merge_and_each_message_counts_once_on_any_number_of_threads() {
        let mut messages = Messages::default();
        let id = |text: &str| MessageId::of_column(text.as_bytes()).expect("an id");
        let (a, b) = (number("15550002001"), number("15550002002"));
        let fate = |code| Fate::status(SmsStatus::from_code(code));
        messages.add(a, id("9001"), Some(at("3/1/2022 9:00:37 AM")), fate(3001));
        messages.add(
            a,
            id("9001"),
            Some(at("2022-03-01T09:00:00-06:00")),
            fate(4504),
        );
        messages.add(a, id("9000"), Some(at("3/1/2022 9:00:20 AM")), fate(4000));
        messages.add(b, None, Some(at("3/1/2022 9:00:00 AM")), fate(4501));
        messages.add(b, None, Some(at("3/1/2022 9:00:00 AM")), fate(4000));
        let mut other = Messages::default();
        other.add(b, None, None, fate(4505));
        messages.absorb(other);
        // Threads the system will not start, for their stacks' size: each
        // share is resolved on the calling thread instead.
        let unstartable = || std::thread::Builder::new().stack_size(usize::MAX / 4);
        let runs = [1, 2, 7]
            .into_iter()
            .flat_map(|threads| [(threads, false), (threads, true)]);
        for (threads, fail_to_start) in runs {
            let copy = Messages {
                shards: messages.shards.clone(),
                sorted: messages.sorted,
            };
            let table = StatusTable::built_in();
            let resolution = if fail_to_start {
                copy.resolve_on(threads, &table, unstartable)
            } else {
                copy.resolve(threads, &table)
            };
            let total: u64 = resolution.counts.fates.iter().map(|(_, count)| count).sum();
            let case = format!("{threads} threads, failing to start: {fail_to_start}");
            assert_eq!(total, 5, "{case}");
            let mut numbers: Vec<_> = resolution.numbers.iter().copied().collect();
            numbers.sort_by_key(|&(number, _)| number);
            let codes: Vec<u16> = numbers
                .iter()
                .map(|(_, record)| record.fate().and_then(Fate::status_code).unwrap_or(0))
                .collect();
            // 9001 is 4504 at 9:00:37, newer than 9000. b's two messages
            // without ids, sent at one moment: the higher code decides, and
            // its message without a time never does.
            assert_eq!(codes, [4504, 4501], "{case}");
        }
    }
}
