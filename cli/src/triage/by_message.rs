//! Every message that has an id, once: the data view holds one row per
//! `MobileMessageTrackingID`, and copies of a row in several extracts, or
//! re-saved by a spreadsheet with its time cut to the minute, are still
//! that one message.
//!
//! A message is its mobile number and its id, as `sms-status query`
//! groups the data view's rows. Its copies merge: the highest code wins,
//! and the latest time, since a copy's time can only have lost precision
//! (`9:00` for `9:00:37`), never gained it. Taking maxima is associative
//! and commutative, so copies can arrive in any order, on any thread.
//!
//! Copies are appended to shards chosen by their number, the same shards
//! as the per-number map's, which costs a row a write to the end of a
//! list instead of a look-up in a table of every message. Once every
//! input is read, each shard is sorted by number and id, small enough to
//! sort in the processor's cache: copies of a message lie side by side
//! and merge, and so do a number's messages, which resolve into the one
//! shard of numbers that holds that number. Memory is a copy's 32 bytes
//! until then.

use std::sync::{Mutex, PoisonError};

use super::by_number::{ByNumber, NumberRecord, SHARDS, shard_of};
use super::counts::Counts;
use super::fate::Fate;
use super::instant::Instant;
use super::mobile_number::MobileNumber;

/// Rows a writer gathers for one shard before taking its lock.
const SHARD_BATCH: usize = 128;
/// The stored time of a message none of whose copies had one.
const NO_TIME: i64 = i64::MIN;

/// A message's copies merged: its latest time and its greatest fate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct MessageRecord {
    /// Milliseconds since 1970 UTC, or [`NO_TIME`].
    time: i64,
    fate: Fate,
}

impl MessageRecord {
    fn new(time: Option<Instant>, fate: Fate) -> Self {
        Self {
            time: time.map_or(NO_TIME, Instant::unix_millis),
            fate,
        }
    }

    fn merge(&mut self, other: Self) {
        self.time = self.time.max(other.time);
        self.fate = self.fate.max(other.fate);
    }

    fn time(self) -> Option<Instant> {
        (self.time != NO_TIME).then_some(Instant::from_unix_millis(self.time))
    }
}

/// A message's key: its number packed, and its id.
type Key = (u64, u64);
/// Copies of messages, in the order they were read.
type Shard = Vec<(Key, MessageRecord)>;

/// Every message with an id, in shards each behind a lock, so that threads
/// reading parts of one extract can add to it at once.
pub(crate) struct ByMessage {
    shards: Box<[Mutex<Shard>]>,
}

impl Default for ByMessage {
    fn default() -> Self {
        Self {
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
        }
    }
}

impl ByMessage {
    /// Adds a copy of a message, with the map to itself.
    pub(crate) fn add(&mut self, number: MobileNumber, id: u64, time: Option<Instant>, fate: Fate) {
        let packed = number.packed();
        let shard = self.shards[shard_of(packed)]
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        shard.push(((packed, id), MessageRecord::new(time, fate)));
    }

    /// A writer that adds copies in batches, for one of several threads.
    pub(crate) fn writer(&self) -> MessageWriter<'_> {
        MessageWriter {
            by_message: self,
            pending: (0..SHARDS).map(|_| Vec::new()).collect(),
        }
    }

    /// Adds every message of `other`.
    pub(crate) fn absorb(&mut self, other: Self) {
        for (mine, theirs) in self.shards.iter_mut().zip(other.shards) {
            let mine = mine.get_mut().unwrap_or_else(PoisonError::into_inner);
            let mut theirs = theirs.into_inner().unwrap_or_else(PoisonError::into_inner);
            if theirs.len() > mine.len() {
                std::mem::swap(mine, &mut theirs);
            }
            mine.append(&mut theirs);
        }
    }

    /// Counts every message once and adds it to its number's record,
    /// emptying the map.
    pub(crate) fn resolve_into(&mut self, counts: &mut Counts, numbers: &mut ByNumber) {
        for (index, shard) in self.shards.iter_mut().enumerate() {
            let mut copies =
                std::mem::take(shard.get_mut().unwrap_or_else(PoisonError::into_inner));
            copies.sort_unstable_by_key(|&(key, _)| key);
            let mut records = Vec::new();
            for_each_run(
                &copies,
                |&((packed, _), _)| packed,
                |messages| {
                    let mut number: Option<NumberRecord> = None;
                    for_each_run(
                        messages,
                        |&(key, _)| key,
                        |copies| {
                            let ((_, id), mut message) = copies[0];
                            for &(_, copy) in &copies[1..] {
                                message.merge(copy);
                            }
                            let time = message.time();
                            counts.message(message.fate, time);
                            let record = NumberRecord::message(time, Some(id), message.fate);
                            match &mut number {
                                Some(number) => number.merge(record),
                                None => number = Some(record),
                            }
                        },
                    );
                    if let Some(number) = number {
                        records.push((MobileNumber::from_packed(messages[0].0.0), number));
                    }
                },
            );
            numbers.add_shard(index, records.into_iter());
        }
    }
}

/// Calls `each` with every run of consecutive items that have the same key.
fn for_each_run<T, K: PartialEq>(items: &[T], key: impl Fn(&T) -> K, mut each: impl FnMut(&[T])) {
    let mut start = 0;
    while start < items.len() {
        let first = key(&items[start]);
        let end = items[start..]
            .iter()
            .position(|item| key(item) != first)
            .map_or(items.len(), |length| start + length);
        each(&items[start..end]);
        start = end;
    }
}

/// Gathers copies per shard and adds each shard's batch under its lock.
/// Dropping it adds what is still gathered.
pub(crate) struct MessageWriter<'a> {
    by_message: &'a ByMessage,
    pending: Vec<Vec<(Key, MessageRecord)>>,
}

impl MessageWriter<'_> {
    #[inline]
    pub(crate) fn add(&mut self, number: MobileNumber, id: u64, time: Option<Instant>, fate: Fate) {
        let packed = number.packed();
        let shard = shard_of(packed);
        self.pending[shard].push(((packed, id), MessageRecord::new(time, fate)));
        if self.pending[shard].len() >= SHARD_BATCH {
            self.flush(shard);
        }
    }

    fn flush(&mut self, shard: usize) {
        let mut copies = self.by_message.shards[shard]
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        copies.append(&mut self.pending[shard]);
    }
}

impl Drop for MessageWriter<'_> {
    fn drop(&mut self) {
        for shard in 0..SHARDS {
            if !self.pending[shard].is_empty() {
                self.flush(shard);
            }
        }
    }
}
