//! What one JSON item means, read by core's payload types, the same ones a
//! Rust service reads the same bytes with: an event notification
//! ([`SmsEvent`]), a Transactional Messaging API answer ([`MessageStatus`],
//! [`NotSentMessage`]) or a delivery of a REST deliveries response
//! ([`TrackingItem`]). Each good item goes to the sink; each bad one is a
//! bad row at the line it starts on.
//!
//! - An object with `tracking` is a deliveries response: each number's
//!   deliveries in it are one message, sent at its `createDate`.
//! - An object with `messages` is a `?type=notSent` page.
//! - Any other object is an event: an ENS event when it has `timestampUTC`
//!   (milliseconds), else a Transactional Messaging API answer (a
//!   `timestamp` in Marketing Cloud's time).
//!
//! Statuses are read over [`AsWritten`]: a code as core reads one, a name
//! as the status table in use names it (see `written`).

use std::collections::HashMap;
use std::fmt;

use mobileconnect_status::SmsStatus;
use mobileconnect_status::payload::{
    Deliveries, EventInfo, EventStatus, MessageStatus, NotSentMessage, SmsEvent, TrackingItem,
};
use serde_core::Deserialize;
use serde_json::{Map, Value};

use super::written::{AsWritten, CodeOnly};
use crate::status_table::StatusTable;
use crate::triage::read::sink::{Event, Message, Sink};
use crate::triage::read::values::country_codes::CountryCode;
use crate::triage::read::values::instant::{Instant, NotATime};
use crate::triage::read::values::mobile_number::{MobileNumber, NotANumber};

/// Where items go, the file they came from, the country of numbers
/// written nationally (`--country-code`), and the table that names
/// statuses.
pub(super) struct Items<'a, S> {
    pub(super) file: &'a str,
    pub(super) sink: &'a mut S,
    pub(super) country: Option<CountryCode>,
    pub(super) statuses: &'a StatusTable,
}

/// The deliveries of one REST response: each number's highest status.
#[derive(Default)]
pub(super) struct Response {
    statuses: HashMap<MobileNumber, SmsStatus>,
}

impl<S: Sink> Items<'_, S> {
    /// An element of a top-level array or a line: an event, a deliveries
    /// response, or a list of not-sent messages.
    pub(super) fn value(&mut self, line: u64, value: Value) {
        match value {
            Value::Object(object) => self.object(line, object),
            other => self.bad(
                line,
                format_args!(
                    "expected an object (an event notification or a deliveries response), found {}",
                    type_name(&other)
                ),
            ),
        }
    }

    /// An object read whole.
    pub(super) fn object(&mut self, line: u64, mut object: Map<String, Value>) {
        if let Some(tracking) = object.remove("tracking") {
            let mut response = Response::default();
            match tracking {
                Value::Array(deliveries) => {
                    for delivery in deliveries {
                        self.delivery(line, &mut response, &delivery);
                    }
                }
                _ => self.bad(line, "tracking: expected an array of deliveries"),
            }
            self.end_response(line, response, object);
        } else if let Some(messages) = object.remove("messages") {
            match messages {
                Value::Array(messages) => {
                    for message in messages {
                        self.not_sent(line, &message);
                    }
                }
                _ => self.bad(line, "messages: expected an array of messages"),
            }
        } else {
            self.event(line, &Value::Object(object));
        }
    }

    /// A `tracking[]` item of a deliveries response.
    pub(super) fn delivery(&mut self, line: u64, response: &mut Response, delivery: &Value) {
        let item = match TrackingItem::<AsWritten>::deserialize(delivery) {
            Ok(item) => item,
            Err(error) => return self.bad(line, error),
        };
        let Some(status) = self.status(item.standard_status_code) else {
            return self.bad(line, unread::<TrackingItem<CodeOnly>>(delivery));
        };
        let number = match MobileNumber::parse(item.mobile_number.as_bytes(), self.country) {
            Ok(number) => number,
            Err(NotANumber::Empty) => {
                return self.bad(
                    line,
                    format_args!(
                        "mobileNumber: empty, so status {} has no recipient",
                        self.statuses.status(status.code())
                    ),
                );
            }
            Err(problem) => return self.bad(line, format_args!("mobileNumber: {problem}")),
        };
        self.sink.row(Some(status));
        response
            .statuses
            .entry(number)
            .and_modify(|seen| *seen = (*seen).max(status))
            .or_insert(status);
    }

    /// The end of a deliveries response: each number's deliveries are one
    /// message, sent when the response says it was created. `fields` are
    /// the response's fields but `tracking`, read by core's [`Deliveries`].
    pub(super) fn end_response(
        &mut self,
        line: u64,
        response: Response,
        mut fields: Map<String, Value>,
    ) {
        fields.insert("tracking".to_owned(), Value::Array(Vec::new()));
        let created = match Deliveries::<SmsStatus>::deserialize(Value::Object(fields)) {
            Ok(deliveries) => deliveries.create_date,
            Err(error) => {
                // Still counted, but with no time: the highest code decides
                // for these numbers.
                self.bad(line, format_args!("the deliveries response: {error}"));
                None
            }
        };
        let time = match created.as_deref().map(Instant::parse) {
            None => None,
            Some(Ok(time)) => Some(time),
            Some(Err(NotATime)) => {
                self.bad(
                    line,
                    format_args!(
                        "createDate: cannot read {created:?} as a time: {NotATime}",
                        created = created.as_deref().unwrap_or_default()
                    ),
                );
                None
            }
        };
        for (number, status) in response.statuses {
            self.sink.message(Message {
                number,
                time,
                id: None,
                status,
            });
        }
    }

    /// An event notification, or a Transactional Messaging API answer.
    pub(super) fn event(&mut self, line: u64, event: &Value) {
        if !has(event, "eventCategoryType") {
            let shape = if has(event, "info") || has(event, "messageKey") {
                "eventCategoryType: missing, so what its statusCode means is unknown"
            } else {
                "expected an event notification (with eventCategoryType and info), \
                 a deliveries response (with tracking) or a list of messages (with messages)"
            };
            return self.bad(line, shape);
        }
        let ens = has(event, "timestampUTC");
        let read = if ens {
            SmsEvent::<AsWritten>::deserialize(event).map(|event| {
                let time = event
                    .timestamp_utc
                    .and_then(|millis| i64::try_from(millis).ok())
                    .map(Instant::from_unix_millis);
                (event.status, event.info, Ok(time))
            })
        } else {
            MessageStatus::<AsWritten>::deserialize(event)
                .map(|answer| (answer.status, answer.info, time(answer.timestamp)))
        };
        let (status, info, time) = match read {
            Ok(read) => read,
            Err(error) => return self.bad(line, error),
        };
        match self.event_status(status) {
            Some(status) => self.tell(line, status, &info, time),
            None if ens => self.bad(line, unread::<SmsEvent<CodeOnly>>(event)),
            None => self.bad(line, unread::<MessageStatus<CodeOnly>>(event)),
        }
    }

    /// A message of a `?type=notSent` page.
    pub(super) fn not_sent(&mut self, line: u64, message: &Value) {
        let read = match NotSentMessage::<AsWritten>::deserialize(message) {
            Ok(read) => read,
            Err(error) => return self.bad(line, error),
        };
        let time = time(read.timestamp);
        match self.event_status(read.status) {
            Some(status) => self.tell(line, status, &read.info, time),
            None => self.bad(line, unread::<NotSentMessage<CodeOnly>>(message)),
        }
    }

    /// A status as written, read with the table in use; `None` for a name
    /// it does not have.
    fn status(&self, written: AsWritten) -> Option<SmsStatus> {
        match written {
            AsWritten::Code(status) => Some(status),
            AsWritten::Text(text) => self.statuses.read_status(&text).ok(),
        }
    }

    /// What an event says, its status read with the table in use; `None`
    /// for a name the table does not have.
    fn event_status(&self, status: EventStatus<AsWritten>) -> Option<EventStatus> {
        Some(match status {
            EventStatus::Queued => EventStatus::Queued,
            EventStatus::NotSent(reason) => EventStatus::NotSent(reason),
            EventStatus::Status(written) => EventStatus::Status(self.status(written)?),
            // Sent; and what a later kind of event may say without a code
            // reads as sent, no status yet, as the resolver reads it.
            _ => EventStatus::Sent,
        })
    }

    /// Tells the sink of one event, read.
    fn tell(
        &mut self,
        line: u64,
        status: EventStatus,
        info: &EventInfo,
        time: Result<Option<Instant>, String>,
    ) {
        let time = match time {
            Ok(time) => time,
            Err(problem) => return self.bad(line, problem),
        };
        let number = match info
            .to
            .as_deref()
            .map(|to| MobileNumber::parse(to.as_bytes(), self.country))
        {
            None | Some(Err(NotANumber::Empty)) => None,
            Some(Ok(number)) => Some(number),
            Some(Err(problem)) => return self.bad(line, format_args!("to: {problem}")),
        };
        // A reason's code as sent (text that is no whole number included),
        // and its words.
        let reason = match status {
            EventStatus::NotSent(_) => {
                let words = info.reason.as_deref().or(info.status_message.as_deref());
                Some((info.status_code.as_deref().unwrap_or_default(), words))
            }
            _ => None,
        };
        self.sink.row(status.status());
        self.sink.event(&Event {
            key: &info.message_key,
            number,
            time,
            status,
            reason,
        });
    }

    pub(super) fn bad(&mut self, line: u64, problem: impl fmt::Display) {
        self.sink.bad_row(self.file, line, problem);
    }
}

/// Why an item whose status the table in use could not read is a bad row,
/// at the status's place in the item (`info.statusCode: …`): core's
/// error, reading the item again with every name refused.
fn unread<'a, T: Deserialize<'a>>(item: &'a Value) -> String {
    match T::deserialize(item) {
        Err(error) => error.to_string(),
        // Not met: the first reading differs only in the names it kept.
        Ok(_) => "a status name the status table in use does not have".to_owned(),
    }
}

/// Whether `value` is an object with the field `name`.
fn has(value: &Value, name: &str) -> bool {
    value
        .as_object()
        .is_some_and(|object| object.contains_key(name))
}

/// A Transactional Messaging API `timestamp`, in Marketing Cloud's time.
fn time(timestamp: Option<String>) -> Result<Option<Instant>, String> {
    timestamp
        .map(|text| {
            Instant::parse(&text).map_err(|NotATime| {
                format!("timestamp: cannot read {text:?} as a time: {NotATime}")
            })
        })
        .transpose()
}

/// What kind of JSON value this is, for messages.
pub(super) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
