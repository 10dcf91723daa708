//! Messages per day, by outcome: what the HTML report charts over time.
//!
//! A day is Marketing Cloud's: its system time, UTC−06:00 all year, in
//! which extracts write `CreateDateTime`, so a row counts on the date it
//! shows, and event times (UTC) count on the same calendar.
//!
//! Counting is on the hot path, one call per message, and messages come
//! in any order of time (a message is counted once all inputs are read,
//! its copies merged, shard by shard in order of number and id). Days are
//! kept in blocks of [`BLOCK_DAYS`] consecutive days, each an array
//! indexed by day: a message costs a division, a look-up of its block (the
//! last one used is kept at hand) and an increment, and memory grows with
//! the blocks of days that have messages, not with their order. A day's
//! counts do not depend on the kind of sending code, which is applied when
//! they are read ([`DayCounts::outcomes`]), and [`Days::absorb`] adds the
//! days counted on another thread, in any order.

use std::collections::BTreeMap;

use mobileconnect_status::{CodeKind, Outcome};

use super::fate::Fate;
use crate::status_table::StatusTable;
use crate::triage::read::values::instant::Instant;

/// What a day counts, per message: the outcome, with the two cases the
/// outcome alone would lose kept apart.
const DELIVERED: usize = 0;
const FAILED: usize = 1;
/// Failed because never sent.
const NOT_SENT: usize = 2;
const PENDING: usize = 3;
const UNKNOWN: usize = 4;
/// Pending unless sent from a shared code, for which no status follows
/// (2000 `DeliveredToAggregator`): unknown then.
const PENDING_UNLESS_SHARED: usize = 5;
const SLOTS: usize = 6;

/// One day's messages, by outcome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct DayCounts([u64; SLOTS]);

impl DayCounts {
    /// Messages by outcome, in the vocabulary's order, for messages sent
    /// from codes of this kind.
    pub(crate) fn outcomes(&self, kind: CodeKind) -> Vec<(Outcome, u64)> {
        let [delivered, failed, not_sent, pending, unknown, unless_shared] = self.0;
        let (pending, unknown) = match kind {
            CodeKind::Shared => (pending, unknown + unless_shared),
            CodeKind::Dedicated => (pending + unless_shared, unknown),
        };
        Outcome::ALL
            .iter()
            .map(|&outcome| {
                let count = match outcome {
                    Outcome::Pending => pending,
                    Outcome::Delivered => delivered,
                    Outcome::Failed => failed + not_sent,
                    Outcome::Unknown => unknown,
                };
                (outcome, count)
            })
            .collect()
    }

    /// Messages never sent, counted among the failed too.
    pub(crate) fn not_sent(&self) -> u64 {
        self.0[NOT_SENT]
    }

    fn add(&mut self, other: &Self) {
        for (count, more) in self.0.iter_mut().zip(other.0) {
            *count += more;
        }
    }
}

/// Consecutive days kept together: about two years and nine months.
const BLOCK_DAYS: i64 = 1024;
#[expect(clippy::cast_possible_truncation, reason = "1024 fits any usize")]
const BLOCK_LENGTH: usize = BLOCK_DAYS.unsigned_abs() as usize;

/// The counts of [`BLOCK_LENGTH`] consecutive days.
type Block = Box<[DayCounts]>;

/// Fates remembered with their slot, by the low bits of their status code
/// (the table's codes, and the few an extract holds, differ in them); the
/// fates without a code share one place.
const KNOWN: usize = 64;

/// Messages per Marketing Cloud day, and the messages without a time.
#[derive(Debug)]
pub(crate) struct Days {
    /// Each block of days with a message: its number (its first day
    /// divided by [`BLOCK_DAYS`]) and where it is in `blocks`.
    index: BTreeMap<i64, usize>,
    blocks: Vec<Block>,
    /// The block counted last and where it is, to find it again quickly.
    last: Option<(i64, usize)>,
    untimed: u64,
    /// Packed fates already classified and their slots, so that a
    /// message costs a comparison, not a classification (several table
    /// look-ups).
    known: [(Option<Fate>, usize); KNOWN],
}

impl Default for Days {
    fn default() -> Self {
        Self {
            index: BTreeMap::new(),
            blocks: Vec::new(),
            last: None,
            untimed: 0,
            known: [(None, 0); KNOWN],
        }
    }
}

impl Days {
    /// Counts one message, sent at `time` if the input says when, its
    /// fate classified by `table` (the same table at every call).
    #[inline]
    pub(crate) fn record(&mut self, time: Option<Instant>, fate: Fate, table: &StatusTable) {
        let Some(time) = time else {
            self.untimed += 1;
            return;
        };
        let place = fate
            .status_code()
            .map_or(0, |code| usize::from(code) % KNOWN);
        let known = &mut self.known[place];
        let slot = if known.0 == Some(fate) {
            known.1
        } else {
            let slot = slot(fate, table);
            *known = (Some(fate), slot);
            slot
        };
        self.day_mut(time.system_day()).0[slot] += 1;
    }

    /// The counts of a day, made when it has none yet.
    #[inline]
    fn day_mut(&mut self, day: i64) -> &mut DayCounts {
        let (block, offset) = (day.div_euclid(BLOCK_DAYS), day.rem_euclid(BLOCK_DAYS));
        let at = match self.last {
            Some((last, at)) if last == block => at,
            _ => self.find_block(block),
        };
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "0..BLOCK_DAYS"
        )]
        &mut self.blocks[at][offset as usize]
    }

    /// Where a block is in `blocks`, added when new; it becomes the last.
    #[cold]
    fn find_block(&mut self, block: i64) -> usize {
        let blocks = &mut self.blocks;
        let at = *self.index.entry(block).or_insert_with(|| {
            blocks.push(vec![DayCounts::default(); BLOCK_LENGTH].into_boxed_slice());
            blocks.len() - 1
        });
        self.last = Some((block, at));
        at
    }

    /// Adds the messages another reader counted.
    pub(crate) fn absorb(&mut self, other: &Days) {
        self.untimed += other.untimed;
        for (day, counts) in other.by_day() {
            self.day_mut(day).add(&counts);
        }
    }

    /// Each day with a message, in order: its day number (days since
    /// 1970-01-01, see [`crate::calendar::date_of_day`]) and counts.
    pub(crate) fn by_day(&self) -> Vec<(i64, DayCounts)> {
        let mut days = Vec::new();
        for (&block, &at) in &self.index {
            for (offset, counts) in (0..).zip(self.blocks[at].iter()) {
                if *counts != DayCounts::default() {
                    days.push((block * BLOCK_DAYS + offset, *counts));
                }
            }
        }
        days
    }

    /// Messages whose input did not say when they were sent.
    pub(crate) fn untimed(&self) -> u64 {
        self.untimed
    }
}

/// Where a message of this fate counts; see the slot constants.
fn slot(fate: Fate, table: &StatusTable) -> usize {
    if fate.is_not_sent() {
        return NOT_SENT;
    }
    match (
        fate.outcome(table, CodeKind::Dedicated),
        fate.outcome(table, CodeKind::Shared),
    ) {
        (Outcome::Pending, Outcome::Unknown) => PENDING_UNLESS_SHARED,
        (Outcome::Pending, _) => PENDING,
        (Outcome::Delivered, _) => DELIVERED,
        (Outcome::Failed, _) => FAILED,
        (Outcome::Unknown, _) => UNKNOWN,
    }
}

#[cfg(test)]
mod tests {
    use mobileconnect_status::{CodeKind, Outcome, SmsStatus};

    use mobileconnect_status::payload::EventStatus;

    use super::{DayCounts, Days};
    use crate::calendar::date_of_day;
    use crate::status_table::StatusTable;
    use crate::triage::read::values::instant::Instant;
    use crate::triage::resolve::fate::Fate;
    use crate::triage::resolve::reasons::ReasonId;

    #[expect(clippy::unnecessary_wraps, reason = "a message's time is optional")]
    fn at(text: &str) -> Option<Instant> {
        Some(Instant::parse(text).expect("a time"))
    }

    fn code(code: u16) -> Fate {
        Fate::status(SmsStatus::from_code(code))
    }

    fn count(counts: &DayCounts, kind: CodeKind, wanted: Outcome) -> u64 {
        counts
            .outcomes(kind)
            .into_iter()
            .find(|&(outcome, _)| outcome == wanted)
            .map_or(0, |(_, count)| count)
    }

    #[test]
    fn every_fate_counts_under_the_outcome_it_has_for_each_kind_of_code() {
        let table = StatusTable::built_in();
        // Every listed code, and the first and last code of each block of
        // a thousand, whose unlisted codes share a classification.
        let listed = table.listed().map(crate::status_table::Status::code);
        let blocks = (0..=65_u16).flat_map(|block| {
            let first = block * 1000;
            [first, first.saturating_add(999)]
        });
        let mut fates: Vec<Fate> = listed.chain(blocks).map(code).collect();
        let reason = ReasonId::from_index(3);
        fates.extend([
            Fate::of_event(EventStatus::Queued, reason),
            Fate::of_event(EventStatus::Sent, reason),
            Fate::of_event(EventStatus::NotSent(None), reason),
        ]);
        for fate in fates {
            let mut days = Days::default();
            days.record(at("2/5/2025 9:00:00 AM"), fate, &table);
            let [(_, counts)] = days.by_day()[..] else {
                panic!("one day")
            };
            for kind in [CodeKind::Shared, CodeKind::Dedicated] {
                let outcome = fate.outcome(&table, kind);
                assert_eq!(count(&counts, kind, outcome), 1, "{fate:?} {kind}");
                let total: u64 = counts.outcomes(kind).iter().map(|&(_, n)| n).sum();
                assert_eq!(total, 1, "{fate:?} {kind}");
            }
            assert_eq!(counts.not_sent(), u64::from(fate.is_not_sent()));
        }
    }

    #[test]
    fn a_message_counts_on_the_date_marketing_cloud_shows() {
        let table = StatusTable::built_in();
        let mut days = Days::default();
        days.record(at("2/5/2025 11:59:59 PM"), code(4000), &table);
        days.record(at("2/5/2025 12:00:00 AM"), code(4504), &table);
        // 05:59 UTC on 2/6 is still 2/5 in Marketing Cloud.
        days.record(at("2025-02-06T05:59:00Z"), code(4000), &table);
        days.record(at("2/6/2025 12:00:00 AM"), code(2000), &table);
        days.record(None, code(4000), &table);
        days.record(at("2/4/2025 1:00:00 PM"), code(4000), &table);
        let dates: Vec<(String, u64)> = days
            .by_day()
            .iter()
            .map(|(day, counts)| {
                let total = counts
                    .outcomes(CodeKind::Dedicated)
                    .iter()
                    .map(|c| c.1)
                    .sum();
                (date_of_day(*day), total)
            })
            .collect();
        assert_eq!(
            dates,
            [
                ("2025-02-04".to_owned(), 1),
                ("2025-02-05".to_owned(), 3),
                ("2025-02-06".to_owned(), 1),
            ]
        );
        assert_eq!(days.untimed(), 1);
        let feb_6 = days.by_day()[2].1;
        assert_eq!(count(&feb_6, CodeKind::Dedicated, Outcome::Pending), 1);
        assert_eq!(count(&feb_6, CodeKind::Shared, Outcome::Unknown), 1);
    }

    #[test]
    fn absorbing_another_readers_days_adds_them_in_any_order() {
        let table = StatusTable::built_in();
        let messages = [
            (at("1/1/2025 9:00:00 AM"), code(4000)),
            (at("1/1/2025 10:00:00 AM"), code(4501)),
            (at("1/2/2025 9:00:00 AM"), code(4000)),
            (None, code(4000)),
            (at("1/3/2025 9:00:00 AM"), code(3001)),
            (at("1/1/2025 11:00:00 PM"), code(4504)),
        ];
        let mut whole = Days::default();
        for &(time, fate) in &messages {
            whole.record(time, fate, &table);
        }
        for split in 0..=messages.len() {
            let (mut first, mut second) = (Days::default(), Days::default());
            for &(time, fate) in &messages[..split] {
                first.record(time, fate, &table);
            }
            for &(time, fate) in &messages[split..] {
                second.record(time, fate, &table);
            }
            // Either way round: this reader's day may be the other's.
            let mut ab = Days::default();
            ab.absorb(&first);
            ab.absorb(&second);
            assert_eq!(ab.by_day(), whole.by_day(), "split at {split}");
            assert_eq!(ab.untimed(), whole.untimed());
        }
        let (mut a, mut b) = (Days::default(), Days::default());
        a.record(at("1/1/2025 9:00:00 AM"), code(4000), &table);
        b.record(at("1/1/2025 8:00:00 AM"), code(4000), &table);
        a.absorb(&b);
        a.record(at("1/1/2025 7:00:00 AM"), code(4000), &table);
        let [(_, counts)] = a.by_day()[..] else {
            panic!("one day")
        };
        assert_eq!(count(&counts, CodeKind::Dedicated, Outcome::Delivered), 3);
    }
}
