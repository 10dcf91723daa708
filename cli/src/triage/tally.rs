//! What triage accumulates while it streams its inputs: each recipient's
//! highest status so far, row counts and the codes the table does not list.
//!
//! Memory grows with the number of distinct recipients (about 16 bytes for
//! each all-digit mobile number), never with the number of rows: no row or
//! file is buffered.

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

    /// Every recipient with a known mobile number, with its resolved status.
    pub(super) fn numbers(&self) -> impl Iterator<Item = (NumberKey, SmsStatus)> {
        let packed = self
            .by_packed_number
            .iter()
            .map(|(&packed, &status)| (NumberKey::Packed(packed), status));
        let text = self
            .by_text_number
            .iter()
            .map(|(text, &status)| (NumberKey::Text(text.clone()), status));
        let messages = self
            .by_message
            .values()
            .filter_map(|message| Some((message.number.clone()?, message.status)));
        packed.chain(text).chain(messages)
    }
}
