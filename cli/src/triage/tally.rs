//! What triage accumulates while it streams its inputs: each number's
//! newest message, each message's fate, row counts and bad rows.
//!
//! A message with an id is held by its id until every input is read (see
//! `by_message`), so that its copies in several extracts are one message;
//! a row without an id is a message of its own and goes straight into its
//! number's record (see `by_number`). Event notifications are gathered by
//! message key the same way: a message's events arrive separately. Memory
//! grows with distinct messages and numbers, not with rows.

use std::collections::HashMap;
use std::fmt::Display;

use mobileconnect_status::SmsStatus;

use super::bad_rows::BadRows;
use super::by_message::ByMessage;
use super::by_number::{ByNumber, NumberRecord};
use super::counts::Counts;
use super::days::Days;
use super::fate::Fate;
use super::fate_counts::FateCounts;
use super::instant::Instant;
use super::mobile_number::MobileNumber;
use super::reasons::Reasons;

/// A message reported by events, gathered by its message key.
struct EventMessage {
    /// Its earliest event's time: when it was sent.
    earliest: Option<Instant>,
    fate: Fate,
    number: Option<MobileNumber>,
}

/// The running state of one triage over all its inputs.
pub(crate) struct Tally {
    by_number: ByNumber,
    by_message: ByMessage,
    events: HashMap<Box<str>, EventMessage>,
    counts: Counts,
    /// Messages whose events name no mobile number: counted, never listed.
    messages_without_number: u64,
    bad: BadRows,
    reasons: Reasons,
}

impl Tally {
    /// `shown_per_input`: bad-row messages to show per input, `None` all.
    pub(crate) fn new(shown_per_input: Option<u64>) -> Self {
        Self {
            by_number: ByNumber::default(),
            by_message: ByMessage::default(),
            events: HashMap::new(),
            counts: Counts::default(),
            messages_without_number: 0,
            bad: BadRows::new(shown_per_input),
            reasons: Reasons::default(),
        }
    }

    /// One message of a number, or a copy of it: a data view row, or a
    /// number's deliveries in one REST response (which have no id).
    pub(crate) fn record_message(
        &mut self,
        number: MobileNumber,
        time: Option<Instant>,
        id: Option<u64>,
        fate: Fate,
    ) {
        if let Some(id) = id {
            self.by_message.add(number, id, time, fate);
        } else {
            self.counts.message(fate, time);
            self.by_number
                .add(number, NumberRecord::message(time, None, fate));
        }
    }

    /// One event of the message with this key. Its fate is the greatest
    /// of its events', its time the earliest.
    pub(crate) fn record_event(
        &mut self,
        key: &str,
        number: Option<MobileNumber>,
        time: Option<Instant>,
        fate: Fate,
    ) {
        if let Some(message) = self.events.get_mut(key) {
            message.fate = message.fate.max(fate);
            message.earliest = match (message.earliest, time) {
                (Some(seen), Some(time)) => Some(seen.min(time)),
                (seen, time) => seen.or(time),
            };
            if message.number.is_none() {
                message.number = number;
            }
        } else {
            let message = EventMessage {
                earliest: time,
                fate,
                number,
            };
            self.events.insert(key.into(), message);
        }
    }

    /// A row read, good or bad; `status` is the status code it carried.
    #[inline]
    pub(crate) fn count_row(&mut self, status: Option<SmsStatus>) {
        self.counts.row(status);
    }

    /// A row that cannot be counted (see [`BadRows`]).
    pub(crate) fn bad_row(&mut self, file: &str, line: u64, problem: impl Display) {
        self.counts.row(None);
        self.bad.report(file, line, problem);
    }

    /// Where bad rows are reported, for readers that report their own.
    pub(crate) fn bad_rows_mut(&mut self) -> &mut BadRows {
        &mut self.bad
    }

    pub(crate) fn reasons_mut(&mut self) -> &mut Reasons {
        &mut self.reasons
    }

    /// Adds what other readers of one input found: their counts, their bad
    /// rows (in the order given), and the records of maps of their own.
    pub(crate) fn absorb(
        &mut self,
        counts: &Counts,
        bad: Vec<BadRows>,
        maps: Option<(ByNumber, ByMessage)>,
    ) {
        self.counts.absorb(counts);
        for bad in bad {
            self.bad.absorb(bad);
        }
        if let Some((numbers, messages)) = maps {
            self.by_number.absorb(numbers);
            self.by_message.absorb(messages);
        }
    }

    /// The per-number map, for readers that add to it from several threads.
    pub(crate) fn by_number_shared(&self) -> &ByNumber {
        &self.by_number
    }

    /// The per-message map, for readers that add to it from several
    /// threads.
    pub(crate) fn by_message_shared(&self) -> &ByMessage {
        &self.by_message
    }

    /// Resolves the messages gathered by id and from events into their
    /// numbers. Call once every input is read.
    pub(crate) fn finish(&mut self) {
        self.by_message
            .resolve_into(&mut self.counts, &mut self.by_number);
        for (key, message) in std::mem::take(&mut self.events) {
            self.counts.message(message.fate, message.earliest);
            match message.number {
                Some(number) => {
                    let record =
                        NumberRecord::message(message.earliest, Some(key_id(&key)), message.fate);
                    self.by_number.add(number, record);
                }
                None => self.messages_without_number += 1,
            }
        }
    }

    pub(crate) fn by_number(&self) -> &ByNumber {
        &self.by_number
    }

    /// Every message's fate, counted.
    pub(crate) fn messages(&self) -> &FateCounts {
        &self.counts.messages
    }

    pub(crate) fn messages_without_number(&self) -> u64 {
        self.messages_without_number
    }

    /// Rows per status code.
    pub(crate) fn row_codes(&self) -> &FateCounts {
        &self.counts.row_codes
    }

    /// Rows read, bad ones included.
    pub(crate) fn rows(&self) -> u64 {
        self.counts.rows
    }

    /// Header lines met again inside an extract, skipped.
    pub(crate) fn repeated_headers(&self) -> u64 {
        self.counts.repeated_headers
    }

    pub(crate) fn bad(&self) -> &BadRows {
        &self.bad
    }

    pub(crate) fn reasons(&self) -> &Reasons {
        &self.reasons
    }

    pub(crate) fn days(&self) -> &Days {
        &self.counts.days
    }
}

/// A message key as a message id, to break ties between messages sent at
/// the same moment: the key's FNV-1a hash, the same on every run.
fn key_id(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A message id from a CSV column: its value when it is a number (the data
/// view's `MobileMessageTrackingID`), so ties go to the later id, else a
/// hash of its text. `None` when empty.
pub(crate) fn message_id(text: &[u8]) -> Option<u64> {
    let text = text.trim_ascii();
    if text.is_empty() {
        return None;
    }
    let numeric = text.len() <= 19 && text.iter().all(u8::is_ascii_digit);
    if numeric {
        return Some(
            text.iter()
                .fold(0, |value, digit| value * 10 + u64::from(digit - b'0')),
        );
    }
    Some(key_id(&String::from_utf8_lossy(text)))
}
