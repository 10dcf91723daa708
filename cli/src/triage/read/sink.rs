//! What the readers tell, and to whom: the [`Sink`] every reader calls,
//! and the messages, events and per-input counts that pass through it.

use std::fmt::Display;

use mobileconnect_status::SmsStatus;
use mobileconnect_status::payload::EventStatus;

use super::values::instant::Instant;
use super::values::message_id::MessageId;
use super::values::mobile_number::MobileNumber;

/// A message of a number, or a copy of one, as a tracking row or a
/// deliveries response reports it: its status code is all it says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Message {
    pub(crate) number: MobileNumber,
    /// When it was sent, if the input says.
    pub(crate) time: Option<Instant>,
    /// Which message it is, if the input says: copies of one message share
    /// it. A message without one is a message of its own.
    pub(crate) id: Option<MessageId>,
    pub(crate) status: SmsStatus,
}

/// One event of the message with the key `key`: an event notification or a
/// Transactional Messaging API answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Event<'a> {
    pub(crate) key: &'a str,
    /// The recipient, if the event names one.
    pub(crate) number: Option<MobileNumber>,
    /// When it happened, if the event says.
    pub(crate) time: Option<Instant>,
    /// What it says about its message, read by its kind.
    pub(crate) status: EventStatus,
    /// For a message not sent: the reason's code as sent (`"47"`, `16`)
    /// and its words, if any.
    pub(crate) reason: Option<(&'a str, Option<&'a str>)>,
}

/// What an input's reading left in the sink, for the report and for
/// telling whether the input could be counted at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct InputRead {
    pub(crate) name: String,
    /// Rows read, bad ones included.
    pub(crate) rows: u64,
    pub(crate) bad_rows: u64,
    /// The first bad rows' messages.
    pub(crate) examples: Vec<String>,
}

/// Where readers put what they read. Readers call only this: how rows
/// become statuses, and how they are counted, is the sink's.
pub(crate) trait Sink {
    /// An empty sink of the same kind for a thread that reads part of an
    /// input, to be [absorbed](Self::absorb) once all parts are read.
    type Part: Sink + Send;

    /// A part for one thread, which will read about `bytes` of text; it
    /// keeps its bad rows' messages to be said when it is absorbed, in file
    /// order.
    fn part(&self, bytes: u64) -> Self::Part;

    /// A part's reading is done: what can be made ready for absorbing it
    /// is done now, on the part's own thread, while others still read.
    fn part_done(&mut self);

    /// Adds a part's findings, parts in the order of the file.
    fn absorb(&mut self, part: Self::Part);

    /// Whether every bad row's message is to be shown, whatever their
    /// number: then an input is read in order, each said as it is found.
    fn shows_every_bad_row(&self) -> bool;

    /// A row read; `status` is the status code it carried, if any. Bad
    /// rows are counted by [`bad_row`](Self::bad_row) instead.
    fn row(&mut self, status: Option<SmsStatus>);

    /// A message, or a copy of one.
    fn message(&mut self, message: Message);

    /// An event of a message.
    fn event(&mut self, event: &Event);

    /// A row that cannot be counted, at `line` of `file`.
    fn bad_row(&mut self, file: &str, line: u64, problem: impl Display);

    /// A line equal to the header met again inside an extract.
    fn repeated_header(&mut self);

    /// The input `name` is read: what it left.
    fn end_input(&mut self, name: &str) -> InputRead;
}
