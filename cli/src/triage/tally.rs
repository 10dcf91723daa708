//! What triage accumulates while it streams its inputs: each recipient's
//! highest status so far, row counts and the codes the table does not list.
//!
//! Memory grows with the number of distinct recipients, never with the
//! number of rows: no row or file is buffered. Each all-digit mobile number
//! takes at most about 55 bytes (a million numbers: 54 MiB peak resident
//! memory, release build). A packed key and its status fill a 16-byte
//! slot; the hash table's spare slots, and the old and new tables held at
//! once while it doubles, make up the rest, so the cost per number swings
//! between about 30 and 55 bytes as the table grows.

use std::collections::BTreeMap;
use std::collections::HashMap;
use std::fmt::Display;

use mobileconnect_status::SmsStatus;

use super::bad_rows::BadRows;
use super::number_key::{NumberKey, PackedHash};

/// A message reported by event notifications, resolved by its message key.
struct Message {
    status: SmsStatus,
    number: Option<NumberKey>,
}

/// The running state of one triage over all its inputs.
#[derive(Default)]
pub(super) struct Tally {
    by_packed_number: HashMap<u64, SmsStatus, PackedHash>,
    by_text_number: HashMap<Box<str>, SmsStatus>,
    by_message: HashMap<Box<str>, Message>,
    rows: u64,
    bad_rows: BadRows,
    unlisted_rows: BTreeMap<u16, u64>,
}

impl Tally {
    /// A row with a status for a mobile number (a CSV row or a REST
    /// tracking item). The highest code wins.
    pub(super) fn record_number(&mut self, number: NumberKey, status: SmsStatus) {
        self.count_row(status);
        let highest = match number {
            NumberKey::Packed(packed) => self.by_packed_number.entry(packed).or_insert(status),
            NumberKey::Text(text) => self.by_text_number.entry(text).or_insert(status),
        };
        *highest = (*highest).max(status);
    }

    /// An event for a message key, sent to `number` when the event says.
    /// The highest code wins.
    pub(super) fn record_message(
        &mut self,
        key: &str,
        number: Option<NumberKey>,
        status: SmsStatus,
    ) {
        self.count_row(status);
        if let Some(message) = self.by_message.get_mut(key) {
            message.status = message.status.max(status);
            if message.number.is_none() {
                message.number = number;
            }
        } else {
            self.by_message
                .insert(key.into(), Message { status, number });
        }
    }

    /// A row that cannot be counted (see [`BadRows`]).
    pub(super) fn bad_row(&mut self, file: &str, line: u64, problem: impl Display) {
        self.rows += 1;
        self.bad_rows.report(file, line, problem);
    }

    /// An input that failed once reading had begun; `problem` names it.
    pub(super) fn bad_input(&mut self, problem: impl Display) {
        self.bad_rows.report_input(problem);
    }

    /// Bad rows found and already reported elsewhere, by the CSV parsing
    /// thread.
    pub(super) fn add_bad_rows(&mut self, bad: &BadRows) {
        self.rows += bad.count();
        self.bad_rows.absorb(bad);
    }

    fn count_row(&mut self, status: SmsStatus) {
        self.rows += 1;
        if !status.is_recognized() {
            *self.unlisted_rows.entry(status.code()).or_default() += 1;
        }
    }

    /// Rows read, bad ones included.
    pub(super) fn rows(&self) -> u64 {
        self.rows
    }

    pub(super) fn bad_rows(&self) -> u64 {
        self.bad_rows.count()
    }

    /// Inputs that could not be read to their end.
    pub(super) fn bad_inputs(&self) -> u64 {
        self.bad_rows.inputs()
    }

    /// Each code the table does not list, with the number of rows that
    /// carried it, in code order.
    pub(super) fn unlisted_rows(&self) -> &BTreeMap<u16, u64> {
        &self.unlisted_rows
    }

    /// Every recipient's resolved status.
    pub(super) fn statuses(&self) -> impl Iterator<Item = SmsStatus> {
        let numbers = self
            .by_packed_number
            .values()
            .chain(self.by_text_number.values());
        let messages = self.by_message.values().map(|message| &message.status);
        numbers.chain(messages).copied()
    }

    /// Every mobile number seen, with the highest status seen for it
    /// anywhere: CSV rows, REST deliveries, and the events whose `to` names
    /// it. This, not the per-message resolution of events, decides the
    /// suppress and retry lists, so a number is in at most one of them.
    pub(super) fn final_by_number(&self) -> FinalByNumber<'_> {
        let mut from_events: HashMap<NumberKey, SmsStatus> = HashMap::new();
        for message in self.by_message.values() {
            if let Some(number) = &message.number {
                let highest = from_events.entry(number.clone()).or_insert(message.status);
                *highest = (*highest).max(message.status);
            }
        }
        FinalByNumber {
            tally: self,
            from_events,
        }
    }
}

/// See [`Tally::final_by_number`]. Only the numbers named by events are
/// copied; those from rows are read from the tally in place, so a large
/// extract's numbers are not held twice.
pub(super) struct FinalByNumber<'a> {
    tally: &'a Tally,
    from_events: HashMap<NumberKey, SmsStatus>,
}

impl FinalByNumber<'_> {
    /// Each number once, with its final status.
    pub(super) fn iter(&self) -> impl Iterator<Item = (NumberKey, SmsStatus)> {
        let packed = self
            .tally
            .by_packed_number
            .iter()
            .map(|(&packed, &status)| (NumberKey::Packed(packed), status));
        let text = self
            .tally
            .by_text_number
            .iter()
            .map(|(text, &status)| (NumberKey::Text(text.clone()), status));
        let from_rows = packed.chain(text).map(|(number, status)| {
            let status = self
                .from_events
                .get(&number)
                .map_or(status, |&event| event.max(status));
            (number, status)
        });
        let only_from_events = self
            .from_events
            .iter()
            .filter(|(number, _)| !self.tally.has_row_for(number))
            .map(|(number, &status)| (number.clone(), status));
        from_rows.chain(only_from_events)
    }
}

impl Tally {
    fn has_row_for(&self, number: &NumberKey) -> bool {
        match number {
            NumberKey::Packed(packed) => self.by_packed_number.contains_key(packed),
            NumberKey::Text(text) => self.by_text_number.contains_key(text),
        }
    }
}
