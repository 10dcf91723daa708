//! REST deliveries and event notifications as JSON, streamed one item at a
//! time so a large batch never sits in memory whole.
//!
//! - A deliveries response (`GET /sms/v1/messageContact/{id}/deliveries/{token}`)
//!   is an object whose `tracking[]` items carry `mobileNumber` and
//!   `standardStatusCode`; they are resolved per mobile number.
//! - Event notifications are an array of events whose `info` carries
//!   `messageKey`, `to` and `statusCode`; they are resolved per message key.
//!   A single event object is read the same way.
//!
//! An array may also hold deliveries responses. Codes and mobile numbers
//! may be strings (as the wire sends them) or integers.

use std::cell::Cell;
use std::fmt;
use std::io::{self, Read};

use mobileconnect_status::SmsStatus;
use serde_core::Deserialize;
use serde_core::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::number_key::NumberKey;
use super::source::Source;
use super::tally::Tally;

/// Reads one JSON document into `tally`. An error means a read failed; a
/// document that breaks off is a bad row, what came before it counted.
pub(super) fn read(source: Source, tally: &mut Tally) -> Result<(), String> {
    let newlines = Cell::new(0);
    let reader = LineCounter {
        inner: source.reader,
        newlines: &newlines,
    };
    let mut json = serde_json::Deserializer::from_reader(reader);
    let mut context = Context {
        file: &source.name,
        newlines: &newlines,
        tally,
    };
    let read = Document(&mut context)
        .deserialize(&mut json)
        .and_then(|()| json.end());
    match read {
        Ok(()) => Ok(()),
        Err(error) if error.is_io() => Err(format!("cannot read {}: {error}", source.name)),
        // The rest of a broken document cannot be trusted: stop here,
        // having reported where it broke.
        Err(error) => {
            let line = u64::try_from(error.line()).unwrap_or(u64::MAX);
            context
                .tally
                .bad_row(&source.name, line, format_args!("broken JSON: {error}"));
            Ok(())
        }
    }
}

/// Counts the newlines read through it. `serde_json` reads one byte at a
/// time and has already read the first byte of a value when it hands the
/// value to a seed, so the count then gives the line the value starts on.
struct LineCounter<'a, R> {
    inner: R,
    newlines: &'a Cell<u64>,
}

impl<R: Read> Read for LineCounter<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let count = self.inner.read(buf)?;
        // serde_json reads a byte at a time, so this loop is short.
        #[expect(clippy::naive_bytecount, reason = "reads are one byte long")]
        let newlines = buf[..count].iter().filter(|&&byte| byte == b'\n').count();
        self.newlines.set(self.newlines.get() + newlines as u64);
        Ok(count)
    }
}

struct Context<'a> {
    file: &'a str,
    newlines: &'a Cell<u64>,
    tally: &'a mut Tally,
}

impl Context<'_> {
    fn line(&self) -> u64 {
        self.newlines.get() + 1
    }

    /// An element of a top-level array: an event or a deliveries response.
    fn item(&mut self, line: u64, item: &Value) {
        if let Some(info) = item.get("info") {
            self.event(line, info);
        } else if let Some(tracking) = item.get("tracking") {
            match tracking.as_array() {
                Some(deliveries) => {
                    for delivery in deliveries {
                        self.delivery(line, delivery);
                    }
                }
                None => self.bad(line, "tracking is not an array of deliveries"),
            }
        } else {
            self.bad(
                line,
                "expected an event notification (with info) or a deliveries response (with tracking)",
            );
        }
    }

    /// A `tracking[]` item of a deliveries response.
    fn delivery(&mut self, line: u64, delivery: &Value) {
        let status = match status(delivery.get("standardStatusCode"), "standardStatusCode") {
            Ok(status) => status,
            Err(problem) => return self.bad(line, problem),
        };
        match number(delivery.get("mobileNumber"), "mobileNumber") {
            Ok(Some(number)) => self.tally.record_number(number, status),
            Ok(None) => self.bad(
                line,
                format_args!("mobileNumber: missing or empty, so status {status} has no recipient"),
            ),
            Err(problem) => self.bad(line, problem),
        }
    }

    /// The `info` of an event notification.
    fn event(&mut self, line: u64, info: &Value) {
        let status = match status(info.get("statusCode"), "info.statusCode") {
            Ok(status) => status,
            Err(problem) => return self.bad(line, problem),
        };
        // An event without `to` still resolves its message; one whose `to`
        // cannot be a number is not counted, lest a list miss it silently.
        let to = match number(info.get("to"), "info.to") {
            Ok(to) => to,
            Err(problem) => return self.bad(line, problem),
        };
        match info.get("messageKey").and_then(Value::as_str) {
            Some(key) if !key.trim().is_empty() => {
                self.tally.record_message(key.trim(), to, status);
            }
            _ => self.bad(
                line,
                format_args!(
                    "info.messageKey: missing or empty, so status {status} has no message"
                ),
            ),
        }
    }

    fn bad(&mut self, line: u64, problem: impl fmt::Display) {
        self.tally.bad_row(self.file, line, problem);
    }
}

/// A status code sent as a string (stray whitespace allowed) or a number.
fn status(value: Option<&Value>, field: &str) -> Result<SmsStatus, String> {
    match value {
        None | Some(Value::Null) => Err(format!("{field}: missing")),
        Some(Value::String(text)) => text.parse().map_err(|error| format!("{field}: {error}")),
        Some(Value::Number(number)) => number
            .as_u64()
            .and_then(|code| u16::try_from(code).ok())
            .map(SmsStatus::from_code)
            .ok_or_else(|| format!("{field}: {number} is not a status code from 0 to 65535")),
        Some(other) => Err(format!(
            "{field}: expected a status code as a string or a number, found {other}"
        )),
    }
}

/// A mobile number sent as a string or as a JSON integer (read as its
/// decimal digits). `None` when missing, null or empty; any other value is
/// a problem that names what was found.
fn number(value: Option<&Value>, field: &str) -> Result<Option<NumberKey>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(NumberKey::new(text.as_bytes())),
        Some(Value::Number(number)) if number.is_u64() || number.is_i64() => {
            Ok(NumberKey::new(number.to_string().as_bytes()))
        }
        Some(other) => Err(format!(
            "{field}: expected a mobile number as a string or an integer, found {} {other}",
            type_name(other)
        )),
    }
}

/// What kind of JSON value this is, for messages.
fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number with a fraction or exponent",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The whole document: an array of items, or one object.
struct Document<'c, 'a>(&'c mut Context<'a>);

impl<'de> DeserializeSeed<'de> for Document<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Document<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of event notifications, or a deliveries response object")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<(), A::Error> {
        let newlines = self.0.newlines;
        while items
            .next_element_seed(Located(
                |line, item: Value| self.0.item(line, &item),
                newlines,
            ))?
            .is_some()
        {}
        Ok(())
    }

    /// Streams `tracking[]` item by item; any other key but `info` is
    /// skipped without being kept.
    fn visit_map<A: MapAccess<'de>>(self, mut object: A) -> Result<(), A::Error> {
        let start = self.0.line();
        let mut recognised = false;
        while let Some(key) = object.next_key::<String>()? {
            match key.as_str() {
                "tracking" => {
                    recognised = true;
                    object.next_value_seed(Tracking(&mut *self.0))?;
                }
                "info" => {
                    recognised = true;
                    let newlines = self.0.newlines;
                    object.next_value_seed(Located(
                        |line, info: Value| self.0.event(line, &info),
                        newlines,
                    ))?;
                }
                _ => {
                    object.next_value::<IgnoredAny>()?;
                }
            }
        }
        if !recognised {
            self.0.bad(
                start,
                "expected a deliveries response (with tracking) or an event notification (with info)",
            );
        }
        Ok(())
    }
}

/// The `tracking` array of a deliveries response.
struct Tracking<'c, 'a>(&'c mut Context<'a>);

impl<'de> DeserializeSeed<'de> for Tracking<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Tracking<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("tracking: an array of deliveries")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut deliveries: A) -> Result<(), A::Error> {
        let newlines = self.0.newlines;
        while deliveries
            .next_element_seed(Located(
                |line, delivery: Value| self.0.delivery(line, &delivery),
                newlines,
            ))?
            .is_some()
        {}
        Ok(())
    }
}

/// Reads one value and hands it, with the line it starts on, to a closure.
struct Located<'n, F>(F, &'n Cell<u64>);

impl<'de, F: FnOnce(u64, Value)> DeserializeSeed<'de> for Located<'_, F> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let line = self.1.get() + 1;
        let value = Value::deserialize(deserializer)?;
        (self.0)(line, value);
        Ok(())
    }
}
