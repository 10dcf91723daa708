//! Resolving what the readers read: the second of triage's layers, and the
//! only [`Sink`]. Each message gets its fate, each mobile number its final
//! status; rows, bad rows, not-sent reasons and messages per day are
//! counted.
//!
//! ```text
//! rows, bad rows ──▶ counted as read (counts), said on stderr (bad_rows)
//! messages ───────▶ their copies appended, in shards by number (messages)
//! events ─────────▶ gathered by message key: the greatest fate, the
//!                   earliest time, the first number named; reasons kept
//!                   apart (reasons)
//! finish ─────────▶ each event's message joins the others; each shard is
//!                   sorted, copies merge, every message is counted once
//!                   (counts; days, by the outcome the status table gives
//!                   it) and each number's messages fold into its record
//!                   (by_number) ──▶ Resolved, for the report
//! ```
//!
//! A fate orders what can become of a message (see `fate`): the greatest
//! of its updates wins, and a number's newest timed message decides.

pub(crate) mod bad_rows;
pub(crate) mod by_number;
pub(crate) mod counts;
pub(crate) mod days;
pub(crate) mod fate;
pub(crate) mod fate_counts;
mod messages;
pub(crate) mod reasons;

use std::collections::HashMap;
use std::fmt::Display;

use mobileconnect_status::SmsStatus;
use mobileconnect_status::payload::EventStatus;

use crate::status_table::StatusTable;
use crate::triage::read::values::instant::Instant;
use crate::triage::read::values::message_id::MessageId;
use crate::triage::read::values::mobile_number::MobileNumber;
use crate::triage::read::{Event, InputRead, Message, Sink};
use bad_rows::BadRows;
use counts::{MessageCounts, RowCounts};
use fate::Fate;
use fate_counts::FateCounts;
use messages::Messages;
pub(crate) use messages::Numbers;
use reasons::{ReasonId, Reasons};

/// A message reported by events, gathered by its message key.
struct EventMessage {
    /// Its earliest event's time: when it was sent.
    earliest: Option<Instant>,
    fate: Fate,
    number: Option<MobileNumber>,
}

/// The running state of one triage over all its inputs, or of one part of
/// an input read on a thread of its own.
pub(crate) struct Tally {
    messages: Messages,
    events: HashMap<Box<str>, EventMessage>,
    rows: RowCounts,
    bad: BadRows,
    reasons: Reasons,
    /// Rows and bad rows before the input being read, to count its own.
    input_start: (u64, u64),
    /// Threads that may resolve the messages once all are read.
    threads: usize,
}

/// What a triage found, resolved: what the report is made of.
pub(crate) struct Resolved {
    /// Each mobile number and what decides its status.
    pub(crate) numbers: Numbers,
    /// Every message once, in all and per day.
    pub(crate) messages: MessageCounts,
    /// Messages whose events name no mobile number: counted, never listed.
    pub(crate) messages_without_number: u64,
    pub(crate) rows: RowCounts,
    pub(crate) bad_rows: u64,
    pub(crate) reasons: Reasons,
}

impl Tally {
    /// `shown_per_input`: bad-row messages to show per input, `None` all;
    /// `threads`: how many may resolve the messages at the end.
    pub(crate) fn new(shown_per_input: Option<u64>, threads: usize) -> Self {
        Self::with_bad_rows(BadRows::new(shown_per_input), threads)
    }

    /// A tally that counts bad rows without saying them on stderr.
    #[cfg(feature = "serve")]
    pub(crate) fn silent(threads: usize) -> Self {
        Self::with_bad_rows(BadRows::silent(), threads)
    }

    fn with_bad_rows(bad: BadRows, threads: usize) -> Self {
        Self {
            messages: Messages::default(),
            events: HashMap::new(),
            rows: RowCounts::default(),
            bad,
            reasons: Reasons::default(),
            input_start: (0, 0),
            threads,
        }
    }

    /// Gathers one event into its message: the greatest fate, the earliest
    /// time, the first number named.
    fn gather(&mut self, key: &str, event: EventMessage) {
        if let Some(message) = self.events.get_mut(key) {
            message.fate = message.fate.max(event.fate);
            message.earliest = match (message.earliest, event.earliest) {
                (Some(seen), Some(time)) => Some(seen.min(time)),
                (seen, time) => seen.or(time),
            };
            message.number = message.number.or(event.number);
        } else {
            self.events.insert(key.into(), event);
        }
    }

    /// Resolves every message and number, classifying fates with `table`
    /// where they are counted by day. Call once every input is read.
    pub(crate) fn finish(mut self, table: &StatusTable) -> Resolved {
        let mut without_number = MessageCounts::default();
        let mut messages_without_number = 0;
        for (key, message) in std::mem::take(&mut self.events) {
            if let Some(number) = message.number {
                let id = Some(MessageId::of_key(&key));
                self.messages
                    .add(number, id, message.earliest, message.fate);
            } else {
                without_number.message(message.fate, message.earliest, table);
                messages_without_number += 1;
            }
        }
        let mut resolution = self.messages.resolve(self.threads, table);
        resolution.counts.absorb(&without_number);
        Resolved {
            numbers: resolution.numbers,
            messages: resolution.counts,
            messages_without_number,
            rows: self.rows,
            bad_rows: self.bad.count(),
            reasons: self.reasons,
        }
    }
}

impl Sink for Tally {
    type Part = Self;

    fn part(&self, bytes: u64) -> Self {
        let mut part = Self::with_bad_rows(self.bad.kept(), 1);
        part.messages.reserve_for(bytes);
        part
    }

    fn part_done(&mut self) {
        self.messages.sort();
    }

    fn absorb(&mut self, part: Self) {
        self.rows.absorb(&part.rows);
        self.bad.absorb(part.bad);
        self.messages.absorb(part.messages);
        let reasons = self.reasons.absorb(part.reasons);
        for (key, mut message) in part.events {
            if let Some(reason) = message.fate.reason() {
                let status = EventStatus::<SmsStatus>::NotSent(None);
                message.fate = Fate::of_event(status, reasons[reason.index() as usize]);
            }
            self.gather(&key, message);
        }
    }

    fn shows_every_bad_row(&self) -> bool {
        self.bad.shows_all()
    }

    #[inline]
    fn row(&mut self, status: Option<SmsStatus>) {
        self.rows.row(status);
    }

    #[inline]
    fn message(&mut self, message: Message) {
        let fate = Fate::status(message.status);
        self.messages
            .add(message.number, message.id, message.time, fate);
    }

    fn event(&mut self, event: &Event) {
        let reason = match event.reason {
            Some((code, words)) => self.reasons.intern(code, words),
            None => ReasonId::from_index(0),
        };
        let message = EventMessage {
            earliest: event.time,
            fate: Fate::of_event(event.status, reason),
            number: event.number,
        };
        self.gather(event.key, message);
    }

    fn bad_row(&mut self, file: &str, line: u64, problem: impl Display) {
        self.rows.row(None);
        self.bad.report(file, line, problem);
    }

    fn repeated_header(&mut self) {
        self.rows.repeated_headers += 1;
    }

    fn end_input(&mut self, name: &str) -> InputRead {
        let examples = self.bad.end_input(name);
        let (rows, bad_rows) = self.input_start;
        self.input_start = (self.rows.rows, self.bad.count());
        InputRead {
            name: name.to_owned(),
            rows: self.rows.rows - rows,
            bad_rows: self.bad.count() - bad_rows,
            examples,
        }
    }
}

impl Resolved {
    /// Rows per status code.
    pub(crate) fn row_codes(&self) -> &FateCounts {
        &self.rows.codes
    }
}
