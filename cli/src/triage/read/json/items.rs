//! What one JSON item means: an event notification, a Transactional
//! Messaging API message, or a delivery of a REST deliveries response. Each
//! good item goes to the sink; each bad one is reported at its line.
//!
//! - ENS events (`TransactionalSendEvents.SmsDelivered` …) carry the kind
//!   in `eventCategoryType`, `timestampUTC` in milliseconds, and `info`
//!   with `messageKey`, `to`, and a `statusCode` whose meaning depends on
//!   the kind (see [`EventKind::code`]).
//! - The Transactional Messaging API writes the same fields, with the kind
//!   spelt `SMSNotSent`, a `timestamp` in Marketing Cloud's time, integer
//!   reason codes, and for `?type=notSent` the code at the item's top
//!   level. Fields are looked up in `info` first, then at the top.
//! - A deliveries response's `tracking[]` items carry `mobileNumber` and
//!   `standardStatusCode`; a response is one message per number, sent at
//!   its `createDate`.

use std::collections::HashMap;
use std::fmt;

use mobileconnect_status::payload::EventStatus;
use mobileconnect_status::{EventCode, EventKind, SmsStatus};
use serde_json::{Map, Value};

use crate::quoted::Quoted;
use crate::triage::read::sink::{Event, Message, Sink};
use crate::triage::read::values::country_codes::CountryCode;
use crate::triage::read::values::instant::{Instant, NotATime};
use crate::triage::read::values::mobile_number::{MobileNumber, NotANumber};

/// Where items go, and the file they came from.
pub(super) struct Items<'a, S> {
    pub(super) file: &'a str,
    pub(super) sink: &'a mut S,
    /// The country of numbers written nationally (`--country-code`).
    pub(super) country: Option<CountryCode>,
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
                    for delivery in &deliveries {
                        self.delivery(line, &mut response, delivery);
                    }
                }
                _ => self.bad(line, "tracking: expected an array of deliveries"),
            }
            self.end_response(line, response, &object);
        } else if let Some(messages) = object.remove("messages") {
            match messages {
                Value::Array(messages) => {
                    for message in messages {
                        self.event(line, &message);
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
        let status = match status(delivery.get("standardStatusCode")) {
            Ok(status) => status,
            Err(problem) => return self.bad(line, format_args!("standardStatusCode: {problem}")),
        };
        let number = match delivery
            .get("mobileNumber")
            .map(|value| number(value, self.country))
        {
            Some(Ok(number)) => number,
            None | Some(Err(NotANumber::Empty)) => {
                return self.bad(
                    line,
                    format_args!(
                        "mobileNumber: missing or empty, so status {status} has no recipient"
                    ),
                );
            }
            Some(Err(problem)) => return self.bad(line, format_args!("mobileNumber: {problem}")),
        };
        self.sink.row(Some(status));
        response
            .statuses
            .entry(number)
            .and_modify(|seen| *seen = (*seen).max(status))
            .or_insert(status);
    }

    /// The end of a deliveries response: each number's deliveries are one
    /// message, sent when the response says it was created.
    pub(super) fn end_response(
        &mut self,
        line: u64,
        response: Response,
        fields: &Map<String, Value>,
    ) {
        let created = ["createDate", "createdDate"]
            .into_iter()
            .find_map(|name| Some((name, fields.get(name)?)));
        let time = match created {
            None | Some((_, Value::Null)) => None,
            Some((name, value)) => match time(value) {
                Ok(time) => Some(time),
                Err(problem) => {
                    // Still counted, but with no time: the highest code
                    // decides for these numbers.
                    self.bad(line, format_args!("{name}: {problem}"));
                    None
                }
            },
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

    /// An event notification, or a Transactional Messaging API message.
    pub(super) fn event(&mut self, line: u64, event: &Value) {
        match self.read_event(event) {
            Ok(()) => {}
            Err(problem) => self.bad(line, problem),
        }
    }

    fn read_event(&mut self, event: &Value) -> Result<(), String> {
        let Value::Object(top) = event else {
            return Err(format!(
                "expected an event notification object, found {}",
                type_name(event)
            ));
        };
        let fields = Fields {
            info: top.get("info").and_then(Value::as_object),
            top,
        };
        let kind = match top.get("eventCategoryType") {
            Some(Value::String(text)) => text
                .parse::<EventKind>()
                .map_err(|error| format!("eventCategoryType: {error}"))?,
            None | Some(Value::Null) => {
                let shape = if fields.info.is_some() || top.contains_key("messageKey") {
                    "eventCategoryType: missing, so what its statusCode means is unknown"
                } else {
                    "expected an event notification (with eventCategoryType and info), \
                     a deliveries response (with tracking) or a list of messages (with messages)"
                };
                return Err(shape.to_owned());
            }
            Some(other) => {
                return Err(format!(
                    "eventCategoryType: expected a text such as \"TransactionalSendEvents.SmsDelivered\", found {}",
                    type_name(other)
                ));
            }
        };
        let key = match fields.get("messageKey") {
            Some((_, Value::String(key))) if !key.trim().is_empty() => key.trim(),
            _ => {
                return Err(
                    "info.messageKey: missing or empty, so the event has no message".to_owned(),
                );
            }
        };
        let number = match fields.get("to") {
            None | Some((_, Value::Null)) => None,
            Some((path, value)) => match number(value, self.country) {
                Ok(number) => Some(number),
                Err(NotANumber::Empty) => None,
                Err(problem) => return Err(format!("{path}: {problem}")),
            },
        };
        let time = event_time(top)?;
        let code = fields.get("statusCode");
        let mut reason_text = String::new();
        let (event_status, reason) = match kind.code() {
            EventCode::Absent if kind == EventKind::Queued => (EventStatus::Queued, None),
            EventCode::Absent => (EventStatus::Sent, None),
            EventCode::Status => {
                let (path, value) = code.unwrap_or(("info.statusCode", &Value::Null));
                let status = status(Some(value)).map_err(|problem| {
                    format!("{path}: {problem} (a {kind} event carries a status code)")
                })?;
                (EventStatus::Status(status), None)
            }
            EventCode::NotSentReason => {
                reason_text = code
                    .map(|(_, value)| reason_code(value))
                    .unwrap_or_default();
                let words = ["reason", "statusMessage"]
                    .into_iter()
                    .find_map(|name| fields.get(name)?.1.as_str());
                (EventStatus::NotSent(None), Some(words))
            }
        };
        self.sink.row(event_status.status());
        self.sink.event(&Event {
            key,
            number,
            time,
            status: event_status,
            reason: reason.map(|words| (reason_text.as_str(), words)),
        });
        Ok(())
    }

    pub(super) fn bad(&mut self, line: u64, problem: impl fmt::Display) {
        self.sink.bad_row(self.file, line, problem);
    }
}

/// An event's fields: those in `info` first, then those at the top.
struct Fields<'a> {
    top: &'a Map<String, Value>,
    info: Option<&'a Map<String, Value>>,
}

impl<'a> Fields<'a> {
    /// The field's path, for messages, and its value.
    fn get(&self, name: &'static str) -> Option<(&'static str, &'a Value)> {
        let in_info = self.info.and_then(|info| info.get(name));
        match in_info {
            Some(value) => Some((info_path(name), value)),
            None => self.top.get(name).map(|value| (name, value)),
        }
    }
}

fn info_path(name: &'static str) -> &'static str {
    match name {
        "messageKey" => "info.messageKey",
        "to" => "info.to",
        "statusCode" => "info.statusCode",
        "reason" => "info.reason",
        "statusMessage" => "info.statusMessage",
        _ => name,
    }
}

/// When an event happened: ENS's `timestampUTC` (milliseconds), or the
/// Transactional Messaging API's `timestamp` text.
fn event_time(top: &Map<String, Value>) -> Result<Option<Instant>, String> {
    if let Some(value) = top.get("timestampUTC").filter(|value| !value.is_null()) {
        let millis = match value {
            Value::Number(number) => number.as_i64(),
            Value::String(text) => text.trim().parse().ok(),
            _ => None,
        };
        return millis.map(|millis| Some(Instant::from_unix_millis(millis))).ok_or_else(|| {
            format!(
                "timestampUTC: expected milliseconds since 1970 (such as 1790949791000), found {}",
                shown(value)
            )
        });
    }
    match top.get("timestamp") {
        None | Some(Value::Null) => Ok(None),
        Some(value) => time(value)
            .map(Some)
            .map_err(|problem| format!("timestamp: {problem}")),
    }
}

/// A time written as text.
fn time(value: &Value) -> Result<Instant, String> {
    value
        .as_str()
        .and_then(|text| Instant::parse(text).ok())
        .ok_or_else(|| format!("cannot read {} as a time: {NotATime}", shown(value)))
}

/// A status code sent as a string (stray whitespace allowed) or a number.
fn status(value: Option<&Value>) -> Result<SmsStatus, String> {
    match value {
        None | Some(Value::Null) => Err("missing".to_owned()),
        Some(Value::String(text)) => crate::triage::read::values::decimal::status(text.as_bytes()),
        Some(Value::Number(number)) => number
            .as_u64()
            .and_then(|code| u16::try_from(code).ok())
            .or_else(|| whole_code(number.as_f64()?))
            .map(SmsStatus::from_code)
            .ok_or_else(|| format!("{number} is not a status code from 0 to 65535")),
        Some(other) => Err(format!(
            "expected a status code as a string or a number, found {}",
            type_name(other)
        )),
    }
}

/// A code written with a fraction of zero (`4000.0`).
fn whole_code(float: f64) -> Option<u16> {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "checked to be a whole number from 0 to 65535 first"
    )]
    (float.fract() == 0.0 && (0.0..=65535.0).contains(&float)).then_some(float as u16)
}

/// A not-sent reason code as the input wrote it: `"47"` or `16`.
fn reason_code(value: &Value) -> String {
    match value {
        Value::String(text) => text.trim().to_owned(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A mobile number sent as a string, or as a JSON integer.
fn number(value: &Value, country: Option<CountryCode>) -> Result<MobileNumber, NotANumber> {
    match value {
        Value::String(text) => MobileNumber::parse(text.as_bytes(), country),
        Value::Number(number) if number.is_u64() => {
            MobileNumber::parse(number.to_string().as_bytes(), country)
        }
        other => Err(NotANumber::Invalid(shown(other))),
    }
}

/// A JSON value for a message: strings quoted and cut, the rest as JSON,
/// cut too.
fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => Quoted::str(text).to_string(),
        Value::Array(_) | Value::Object(_) => type_name(value).to_owned(),
        other => other.to_string(),
    }
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
