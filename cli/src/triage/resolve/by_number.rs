//! Each mobile number's final status: the status of its newest message.
//!
//! A number keeps one small record however many messages it had: the
//! newest message seen so far (its time, its id and its fate) and, for
//! messages whose input gives no time, the greatest fate among them. Each
//! message comes here once, its copies already merged (see `messages`).
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

use super::fate::Fate;
use crate::triage::read::values::instant::Instant;
use crate::triage::read::values::message_id::MessageId;

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
    /// The newest timed message's time, id (0 for a message without one)
    /// and fate; no fate when no message had a time.
    time: i64,
    message: u64,
    newest: Option<Fate>,
    /// The greatest fate of messages without a time.
    untimed: Option<Fate>,
}

impl NumberRecord {
    /// A message of the number: when it was sent (if the input says), its
    /// id (if the input names one), and its fate.
    pub(crate) fn message(time: Option<Instant>, id: Option<MessageId>, fate: Fate) -> Self {
        // Every id is above 0: a message with one ranks above one without.
        let message = id.map_or(0, MessageId::get);
        match time {
            Some(time) => Self {
                time: time.unix_millis(),
                message,
                newest: Some(fate),
                untimed: None,
            },
            None => Self {
                time: 0,
                message: 0,
                newest: None,
                untimed: Some(fate),
            },
        }
    }

    /// Adds another record of the same number.
    #[inline]
    pub(crate) fn merge(&mut self, other: Self) {
        if other.newest.is_some()
            && (self.newest.is_none()
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
    pub(crate) fn fate(self) -> Option<Fate> {
        self.newest.or(self.untimed)
    }

    pub(crate) fn rule(self) -> Rule {
        match (self.newest.is_some(), self.untimed.is_some()) {
            (true, false) => Rule::Newest,
            (false, _) => Rule::Highest,
            (true, true) => Rule::Mixed,
        }
    }
}

#[cfg(test)]
mod tests {
    use mobileconnect_status::SmsStatus;

    use super::{NumberRecord, Rule};
    use crate::triage::read::values::instant::Instant;
    use crate::triage::read::values::message_id::MessageId;
    use crate::triage::resolve::fate::Fate;

    fn sent(time: Option<&str>, message: u64, code: u16) -> NumberRecord {
        let time = time.map(|text| Instant::parse(text).expect("a time"));
        let id = (message != 0).then(|| MessageId::of_column(message.to_string().as_bytes()));
        let id = id.and_then(|id| id.expect("a numeric id"));
        NumberRecord::message(time, id, Fate::status(SmsStatus::from_code(code)))
    }

    fn resolve(messages: &[NumberRecord]) -> (u16, Rule) {
        let mut record = messages[0];
        for &other in &messages[1..] {
            record.merge(other);
        }
        let code = record.fate().and_then(Fate::status_code).expect("a status");
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
