//! What triage accumulates while it streams its inputs: each number's
//! newest message, each message's fate, row counts and bad rows.
//!
//! Memory grows with distinct mobile numbers, not with rows: a data view
//! row is one message and goes straight into its number's record (see
//! `by_number`). Event notifications are the exception: a message's events
//! arrive separately and must be gathered by message key before the
//! message's fate and time are known, so those messages are held until
//! [`Tally::finish`].

use std::collections::HashMap;
use std::fmt::Display;

use mobileconnect_status::SmsStatus;

use super::bad_rows::BadRows;
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
            events: HashMap::new(),
            counts: Counts::default(),
            messages_without_number: 0,
            bad: BadRows::new(shown_per_input),
            reasons: Reasons::default(),
        }
    }

    /// One message of a number, complete: a data view row, or a number's
    /// deliveries in one REST response.
    #[inline]
    pub(crate) fn record_message(
        &mut self,
        number: MobileNumber,
        time: Option<Instant>,
        message: u64,
        fate: Fate,
    ) {
        self.counts.message(fate, time);
        self.by_number
            .add(number, NumberRecord::message(time, message, fate));
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

    /// An input that failed once reading had begun; `problem` names it.
    pub(crate) fn bad_input(&mut self, problem: impl Display) {
        self.bad.report_input(problem);
    }

    /// Where bad rows are reported, for readers that report their own.
    pub(crate) fn bad_rows_mut(&mut self) -> &mut BadRows {
        &mut self.bad
    }

    pub(crate) fn reasons_mut(&mut self) -> &mut Reasons {
        &mut self.reasons
    }

    /// Adds what other readers of one input found: their counts, their bad
    /// rows (in the order given), and the records of a map of their own.
    pub(crate) fn absorb(&mut self, counts: Counts, bad: Vec<BadRows>, numbers: Option<ByNumber>) {
        self.counts.absorb(counts);
        for bad in bad {
            self.bad.absorb(bad);
        }
        if let Some(numbers) = numbers {
            self.by_number.absorb(numbers);
        }
    }

    /// The per-number map, for readers that add to it from several threads.
    pub(crate) fn by_number_shared(&self) -> &ByNumber {
        &self.by_number
    }

    /// Resolves the messages gathered from events into their numbers. Call
    /// once every input is read.
    pub(crate) fn finish(&mut self) {
        for (key, message) in std::mem::take(&mut self.events) {
            self.counts.message(message.fate, message.earliest);
            match message.number {
                Some(number) => {
                    let record =
                        NumberRecord::message(message.earliest, key_id(&key), message.fate);
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
/// hash of its text. 0 when empty.
pub(crate) fn message_id(text: &[u8]) -> u64 {
    let text = text.trim_ascii();
    if text.is_empty() {
        return 0;
    }
    let numeric = text.len() <= 19 && text.iter().all(u8::is_ascii_digit);
    if numeric {
        return text
            .iter()
            .fold(0, |value, digit| value * 10 + u64::from(digit - b'0'));
    }
    key_id(&String::from_utf8_lossy(text))
}
