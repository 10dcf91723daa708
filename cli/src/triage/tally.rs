//! What triage accumulates while it streams its inputs: each recipient's
//! highest status so far, row counts and the codes the table does not list.
//!
//! Memory grows with the number of distinct recipients (one small entry
//! each), never with the number of rows: no row or file is buffered.

use std::collections::BTreeMap;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt::Display;

use mobileconnect_status::SmsStatus;

use super::number_key::NumberKey;

/// A message reported by event notifications, resolved by its message key.
struct Message {
    status: SmsStatus,
    number: Option<NumberKey>,
}

/// The running state of one triage over all its inputs.
#[derive(Default)]
pub(super) struct Tally {
    by_number: HashMap<NumberKey, SmsStatus>,
    by_message: HashMap<Box<str>, Message>,
    rows: u64,
    bad_rows: u64,
    unlisted_rows: BTreeMap<u16, u64>,
}

impl Tally {
    /// A row with a status for a mobile number (a CSV row or a REST
    /// tracking item). The highest code wins.
    pub(super) fn record_number(&mut self, number: NumberKey, status: SmsStatus) {
        self.count_row(status);
        match self.by_number.entry(number) {
            Entry::Occupied(mut seen) => {
                let highest = (*seen.get()).max(status);
                seen.insert(highest);
            }
            Entry::Vacant(new) => {
                new.insert(status);
            }
        }
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

    /// A row that cannot be counted: said on stderr with where it is, and
    /// counted so the report and the exit code show it.
    pub(super) fn bad_row(&mut self, file: &str, line: u64, problem: impl Display) {
        self.rows += 1;
        self.bad_rows += 1;
        eprintln!("{file}:{line}: {problem}");
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
        self.bad_rows
    }

    /// Each code the table does not list, with the number of rows that
    /// carried it, in code order.
    pub(super) fn unlisted_rows(&self) -> &BTreeMap<u16, u64> {
        &self.unlisted_rows
    }

    /// Every recipient's resolved status, with its mobile number when known.
    pub(super) fn resolved(&self) -> impl Iterator<Item = (Option<&NumberKey>, SmsStatus)> {
        let numbers = self
            .by_number
            .iter()
            .map(|(number, &status)| (Some(number), status));
        let messages = self
            .by_message
            .values()
            .map(|message| (message.number.as_ref(), message.status));
        numbers.chain(messages)
    }
}
