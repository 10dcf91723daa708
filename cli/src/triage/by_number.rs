//! Each mobile number's final status: the status of its newest message.
//!
//! A number keeps one small record however many messages it had: the
//! newest message seen so far (its time, its id and its fate) and, for
//! messages whose input gives no time, the greatest fate among them. Each
//! message comes here once, its copies already merged (see `by_message`).
//! "Newest" is the greatest (time, message id, fate): a later time wins, a
//! tie in time goes to the greater message id, a message with an id beats
//! one without, and among messages without an id sent at the same moment
//! the highest code wins. Taking a maximum is associative and commutative,
//! so records can be merged in any order and any grouping with the same
//! result.
//!
//! Messages without a time cannot be placed before or after the others,
//! so they never decide over a timed one: a number's newest timed message
//! decides, and only a number none of whose messages has a time falls back
//! to its highest code. `sms-status query` writes the same rule in SQL.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use super::fate::Fate;
use super::instant::Instant;
use super::mobile_number::{MobileNumber, PackedHash};

/// How a number's final status was decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    /// Every message had a time: the newest decided.
    Newest,
    /// No message had a time: the highest code decided.
    Highest,
    /// Some had times and some not: the newest timed message decided.
    Mixed,
}

/// One number's messages, reduced to what decides its status: 24 bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NumberRecord {
    /// The newest timed message's time, id (plus one; 0 for a message
    /// without an id) and packed fate; the fate is 0 when no message had a
    /// time.
    time: i64,
    message: u64,
    newest: u32,
    /// The greatest packed fate of messages without a time; 0 if none.
    untimed: u32,
}

impl NumberRecord {
    /// A message of the number: when it was sent (if the input says), its
    /// id (if the input names one), and its fate.
    pub(crate) fn message(time: Option<Instant>, id: Option<u64>, fate: Fate) -> Self {
        match time {
            Some(time) => Self {
                time: time.unix_millis(),
                // Shifted so that every id ranks above no id.
                message: id.map_or(0, |id| id.saturating_add(1)),
                newest: fate.packed(),
                untimed: 0,
            },
            None => Self {
                time: 0,
                message: 0,
                newest: 0,
                untimed: fate.packed(),
            },
        }
    }

    /// Adds another record of the same number.
    #[inline]
    pub(crate) fn merge(&mut self, other: Self) {
        if other.newest != 0
            && (self.newest == 0
                || (other.time, other.message, other.newest)
                    > (self.time, self.message, self.newest))
        {
            self.time = other.time;
            self.message = other.message;
            self.newest = other.newest;
        }
        self.untimed = self.untimed.max(other.untimed);
    }

    /// The number's final fate: its newest timed message's, else the
    /// greatest of its messages without a time.
    pub(crate) fn fate(self) -> Fate {
        Fate::from_packed(if self.newest != 0 {
            self.newest
        } else {
            self.untimed
        })
    }

    pub(crate) fn rule(self) -> Rule {
        match (self.newest != 0, self.untimed != 0) {
            (true, false) => Rule::Newest,
            (false, _) => Rule::Highest,
            (true, true) => Rule::Mixed,
        }
    }
}

/// Shards of the per-number map: enough that threads adding rows at once
/// seldom wait for the same one.
pub(crate) const SHARDS: usize = 64;
/// Rows a writer gathers for one shard before taking its lock.
const SHARD_BATCH: usize = 128;

type Shard = HashMap<u64, NumberRecord, PackedHash>;

/// Every number's record, in shards each behind a lock, so that threads
/// reading parts of one extract can add to it at once. Each number is in
/// one shard: the map holds every number once however many threads read.
pub(crate) struct ByNumber {
    shards: Box<[Mutex<Shard>]>,
}

impl Default for ByNumber {
    fn default() -> Self {
        Self {
            shards: (0..SHARDS).map(|_| Mutex::default()).collect(),
        }
    }
}

/// The shard of a packed number: its high bits after a multiply, so that
/// the shard and the map's own hash use different bits.
pub(crate) fn shard_of(packed: u64) -> usize {
    (packed.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58) as usize % SHARDS
}

fn merge_into(shard: &mut Shard, packed: u64, record: NumberRecord) {
    shard
        .entry(packed)
        .and_modify(|seen| seen.merge(record))
        .or_insert(record);
}

impl ByNumber {
    /// Adds a record, with the map to itself.
    pub(crate) fn add(&mut self, number: MobileNumber, record: NumberRecord) {
        let packed = number.packed();
        let shard = self.shards[shard_of(packed)]
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        merge_into(shard, packed, record);
    }

    /// Adds records whose numbers all belong to shard `index`.
    pub(crate) fn add_shard(
        &mut self,
        index: usize,
        records: impl Iterator<Item = (MobileNumber, NumberRecord)>,
    ) {
        let shard = self.shards[index]
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        for (number, record) in records {
            debug_assert_eq!(shard_of(number.packed()), index);
            merge_into(shard, number.packed(), record);
        }
    }

    /// A writer that adds records in batches, for one of several threads.
    pub(crate) fn writer(&self) -> ShardWriter<'_> {
        ShardWriter {
            by_number: self,
            pending: (0..SHARDS).map(|_| Vec::new()).collect(),
        }
    }

    /// Adds every record of `other`.
    pub(crate) fn absorb(&mut self, other: Self) {
        for (mine, theirs) in self.shards.iter_mut().zip(other.shards) {
            let mine = mine.get_mut().unwrap_or_else(PoisonError::into_inner);
            let mut theirs = theirs.into_inner().unwrap_or_else(PoisonError::into_inner);
            if theirs.len() > mine.len() {
                std::mem::swap(mine, &mut theirs);
            }
            for (packed, record) in theirs {
                merge_into(mine, packed, record);
            }
        }
    }

    /// Calls `each` with every number and its record.
    pub(crate) fn for_each(&self, mut each: impl FnMut(MobileNumber, NumberRecord)) {
        for shard in &self.shards {
            let shard = shard.lock().unwrap_or_else(PoisonError::into_inner);
            for (&number, &record) in shard.iter() {
                each(MobileNumber::from_packed(number), record);
            }
        }
    }
}

/// Gathers records per shard and adds each shard's batch under its lock.
/// Dropping it adds what is still gathered.
pub(crate) struct ShardWriter<'a> {
    by_number: &'a ByNumber,
    pending: Vec<Vec<(u64, NumberRecord)>>,
}

impl ShardWriter<'_> {
    #[inline]
    pub(crate) fn add(&mut self, number: MobileNumber, record: NumberRecord) {
        let packed = number.packed();
        let shard = shard_of(packed);
        self.pending[shard].push((packed, record));
        if self.pending[shard].len() >= SHARD_BATCH {
            self.flush(shard);
        }
    }

    fn flush(&mut self, shard: usize) {
        let mut map = self.by_number.shards[shard]
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        for (packed, record) in self.pending[shard].drain(..) {
            merge_into(&mut map, packed, record);
        }
    }
}

impl Drop for ShardWriter<'_> {
    fn drop(&mut self) {
        for shard in 0..SHARDS {
            if !self.pending[shard].is_empty() {
                self.flush(shard);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use mobileconnect_status::SmsStatus;

    use super::{NumberRecord, Rule};
    use crate::triage::fate::Fate;
    use crate::triage::instant::Instant;

    fn sent(time: Option<&str>, message: u64, code: u16) -> NumberRecord {
        let time = time.map(|text| Instant::parse(text).expect("a time"));
        let id = (message != 0).then_some(message);
        NumberRecord::message(time, id, Fate::status(SmsStatus::from_code(code)))
    }

    fn resolve(messages: &[NumberRecord]) -> (u16, Rule) {
        let mut record = messages[0];
        for &other in &messages[1..] {
            record.merge(other);
        }
        let code = record.fate().code().expect("a status").code();
        (code, record.rule())
    }

    #[test]
    fn the_newest_message_decides_not_the_highest_code() {
        let older_failure = sent(Some("3/1/2021 9:00:00 AM"), 1, 4504);
        let newer_delivery = sent(Some("3/1/2022 9:00:00 AM"), 2, 4000);
        assert_eq!(
            resolve(&[older_failure, newer_delivery]),
            (4000, Rule::Newest)
        );
        assert_eq!(
            resolve(&[newer_delivery, older_failure]),
            (4000, Rule::Newest)
        );
        let newer_expiry = sent(Some("3/1/2022 9:00:00 AM"), 2, 4501);
        assert_eq!(
            resolve(&[older_failure, newer_expiry]),
            (4501, Rule::Newest)
        );
    }

    #[test]
    fn one_message_seen_twice_takes_its_highest_code() {
        let first_extract = sent(Some("3/1/2022 9:00:00 AM"), 7, 3001);
        let second_extract = sent(Some("3/1/2022 9:00:00 AM"), 7, 4000);
        assert_eq!(
            resolve(&[second_extract, first_extract]),
            (4000, Rule::Newest)
        );
        assert_eq!(
            resolve(&[first_extract, second_extract]),
            (4000, Rule::Newest)
        );
    }

    #[test]
    fn a_tie_in_time_goes_to_the_greater_message_id() {
        let lower = sent(Some("3/1/2022 9:00:00 AM"), 8, 4504);
        let greater = sent(Some("3/1/2022 9:00:00 AM"), 9, 4000);
        assert_eq!(resolve(&[greater, lower]), (4000, Rule::Newest));
    }

    #[test]
    fn without_times_the_highest_code_decides() {
        assert_eq!(
            resolve(&[sent(None, 0, 4504), sent(None, 0, 4000)]),
            (4504, Rule::Highest)
        );
        let mixed = [
            sent(Some("3/1/2021 9:00:00 AM"), 1, 4504),
            sent(Some("3/1/2022 9:00:00 AM"), 2, 4000),
            sent(None, 0, 3001),
        ];
        assert_eq!(resolve(&mixed), (4000, Rule::Mixed));
    }

    #[test]
    fn a_timed_message_decides_over_any_untimed_one() {
        let untimed_failure = sent(None, 5, 4504);
        for timed in [4000, 3001] {
            let newer = sent(Some("3/1/2022 9:00:00 AM"), 6, timed);
            assert_eq!(
                resolve(&[untimed_failure, newer]),
                (timed, Rule::Mixed),
                "{timed}"
            );
            assert_eq!(resolve(&[newer, untimed_failure]), (timed, Rule::Mixed));
        }
    }

    #[test]
    fn a_message_with_an_id_beats_one_without_sent_at_the_same_moment() {
        let with_id = sent(Some("3/1/2022 9:00:00 AM"), 1, 4000);
        let without = sent(Some("3/1/2022 9:00:00 AM"), 0, 4504);
        assert_eq!(resolve(&[without, with_id]), (4000, Rule::Newest));
        let other_without = sent(Some("3/1/2022 9:00:00 AM"), 0, 4501);
        assert_eq!(resolve(&[without, other_without]), (4504, Rule::Newest));
    }

    #[test]
    fn merging_in_any_order_or_grouping_agrees() {
        let messages = [
            sent(Some("3/1/2021 9:00:00 AM"), 1, 4504),
            sent(Some("3/1/2022 9:00:00 AM"), 2, 3001),
            sent(Some("3/1/2022 9:00:00 AM"), 2, 4000),
            sent(None, 0, 2000),
            sent(Some("3/1/2020 9:00:00 AM"), 3, 4505),
        ];
        let expected = resolve(&messages);
        for rotation in 0..messages.len() {
            let mut rotated = messages;
            rotated.rotate_left(rotation);
            assert_eq!(resolve(&rotated), expected);
            let mut left = resolve_record(&rotated[..2]);
            left.merge(resolve_record(&rotated[2..]));
            assert_eq!(left, resolve_record(&messages));
        }
    }

    fn resolve_record(messages: &[NumberRecord]) -> NumberRecord {
        let mut record = messages[0];
        for &other in &messages[1..] {
            record.merge(other);
        }
        record
    }
}
