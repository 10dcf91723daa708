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
//! message. Once every input is read, each shard is sorted by number and
//! id, small enough to sort in the processor's cache: copies of a message
//! lie side by side and merge, each message is counted once, and a
//! number's messages lie side by side and fold into its record. Shards are
//! resolved on several threads at once. Memory is a copy's 32 bytes until
//! then.

use std::thread;

use super::by_number::NumberRecord;
use super::counts::MessageCounts;
use super::fate::Fate;
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

/// Every copy of every message read, in shards by number.
pub(crate) struct Messages {
    shards: Vec<Vec<Copy>>,
}

impl Default for Messages {
    fn default() -> Self {
        Self {
            shards: (0..SHARDS).map(|_| Vec::new()).collect(),
        }
    }
}

/// The shard of a number: high bits of its packed form after a multiply.
fn shard_of(number: MobileNumber) -> usize {
    (number.packed().wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 58) as usize % SHARDS
}

/// What the messages resolve to: each number's record, and every message
/// counted once.
pub(crate) struct Resolution {
    pub(crate) numbers: Vec<(MobileNumber, NumberRecord)>,
    pub(crate) counts: MessageCounts,
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
        self.shards[shard_of(number)].push(Copy {
            number,
            id,
            time: time.map_or(NO_TIME, Instant::unix_millis),
            fate,
        });
    }

    /// Adds every copy of `other`.
    pub(crate) fn absorb(&mut self, other: Self) {
        for (mine, mut theirs) in self.shards.iter_mut().zip(other.shards) {
            if theirs.len() > mine.len() {
                std::mem::swap(mine, &mut theirs);
            }
            mine.append(&mut theirs);
        }
    }

    /// Merges copies, counts each message once and folds each number's
    /// messages into its record, on `threads` threads.
    pub(crate) fn resolve(self, threads: usize) -> Resolution {
        let threads = threads.clamp(1, SHARDS);
        let mut shares: Vec<Vec<Vec<Copy>>> = (0..threads).map(|_| Vec::new()).collect();
        for (index, shard) in self.shards.into_iter().enumerate() {
            shares[index % threads].push(shard);
        }
        let resolved: Vec<Resolution> = thread::scope(|scope| {
            let handles: Vec<_> = shares
                .into_iter()
                .map(|share| scope.spawn(move || resolve_shards(share)))
                .collect();
            handles
                .into_iter()
                .map(|handle| {
                    handle
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        });
        let mut all = Resolution {
            numbers: Vec::new(),
            counts: MessageCounts::default(),
        };
        for mut part in resolved {
            all.numbers.append(&mut part.numbers);
            all.counts.absorb(&part.counts);
        }
        all
    }
}

/// Resolves whole shards: every message in them, and every number.
fn resolve_shards(shards: Vec<Vec<Copy>>) -> Resolution {
    let mut resolution = Resolution {
        numbers: Vec::new(),
        counts: MessageCounts::default(),
    };
    for mut copies in shards {
        copies.sort_unstable_by_key(|copy| (copy.number, copy.id));
        for number in copies.chunk_by(|a, b| a.number == b.number) {
            let mut record: Option<NumberRecord> = None;
            let mut message = |time: i64, id: Option<MessageId>, fate: Fate| {
                let time = (time != NO_TIME).then_some(Instant::from_unix_millis(time));
                resolution.counts.message(fate, time);
                let this = NumberRecord::message(time, id, fate);
                match &mut record {
                    Some(record) => record.merge(this),
                    None => record = Some(this),
                }
            };
            // Copies without an id are messages of their own; those with
            // one merge with the copies that share it.
            for copies in number.chunk_by(|a, b| a.id.is_some() && a.id == b.id) {
                let time = copies.iter().map(|copy| copy.time).max().unwrap_or(NO_TIME);
                let fate = copies.iter().map(|copy| copy.fate).max();
                if let Some(fate) = fate {
                    message(time, copies[0].id, fate);
                }
            }
            if let Some(record) = record {
                resolution.numbers.push((number[0].number, record));
            }
        }
    }
    resolution
}

#[cfg(test)]
mod tests {
    use mobileconnect_status::SmsStatus;

    use super::Messages;
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
        let id = |text: &str| MessageId::of_column(text.as_bytes());
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
        for threads in [1, 2, 7] {
            let mut copy = Messages::default();
            for (mine, theirs) in copy.shards.iter_mut().zip(&messages.shards) {
                mine.clone_from(theirs);
            }
            let resolution = copy.resolve(threads);
            let total: u64 = resolution.counts.fates.iter().map(|(_, count)| count).sum();
            assert_eq!(total, 5, "{threads} threads");
            let mut numbers = resolution.numbers;
            numbers.sort_by_key(|&(number, _)| number);
            let codes: Vec<u16> = numbers
                .iter()
                .map(|(_, record)| record.fate().and_then(Fate::status_code).unwrap_or(0))
                .collect();
            // 9001 is 4504 at 9:00:37, newer than 9000. b's two messages
            // without ids, sent at one moment: the higher code decides, and
            // its message without a time never does.
            assert_eq!(codes, [4504, 4501], "{threads} threads");
        }
    }
}
