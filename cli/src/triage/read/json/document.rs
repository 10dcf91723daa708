//! One JSON value streamed through serde: a top-level array item by item,
//! and a top-level object's `tracking[]` or `messages[]` item by item, so
//! a large batch never sits in memory whole. Each item is handed, with the
//! line it starts on, to [`Items`].

use std::cell::Cell;
use std::fmt;
use std::io::{self, Read};

use serde_core::Deserialize;
use serde_core::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::items::{Items, Response};
use crate::triage::read::sink::Sink;

/// Counts the newlines read through it. `serde_json` reads one byte at a
/// time and has already read the first byte of a value when it hands the
/// value to a seed, so the count then gives the line the value starts on.
pub(super) struct LineCounter<'a, R> {
    pub(super) inner: R,
    pub(super) newlines: &'a Cell<u64>,
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

/// Where values go, and how to tell the line a value starts on: the line
/// before the text read (`first_line - 1`) plus the newlines read.
pub(super) struct Context<'c, 'a, S> {
    pub(super) items: &'c mut Items<'a, S>,
    pub(super) first_line: u64,
    pub(super) newlines: &'c Cell<u64>,
}

impl<S> Context<'_, '_, S> {
    fn line(&self) -> u64 {
        self.first_line + self.newlines.get()
    }
}

/// One whole value: an array of items, or one object.
pub(super) struct Document<'r, 'c, 'a, S>(pub(super) &'r mut Context<'c, 'a, S>);

impl<'de, S: Sink> DeserializeSeed<'de> for Document<'_, '_, '_, S> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, S: Sink> Visitor<'de> for Document<'_, '_, '_, S> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of event notifications, or an object")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<(), A::Error> {
        let context = self.0;
        while items
            .next_element_seed(Located(
                &mut *context,
                |items: &mut Items<S>, line, value| {
                    items.value(line, value);
                },
            ))?
            .is_some()
        {}
        Ok(())
    }

    /// Streams `tracking[]` and `messages[]` item by item, and keeps the
    /// object's other fields to read once it ends.
    fn visit_map<A: MapAccess<'de>>(self, mut object: A) -> Result<(), A::Error> {
        let context = self.0;
        let start = context.line();
        let mut fields = Map::new();
        let mut response = None;
        let mut messages = false;
        while let Some(key) = object.next_key::<String>()? {
            match key.as_str() {
                "tracking" => {
                    let deliveries = response.get_or_insert_with(Response::default);
                    object.next_value_seed(Stream {
                        context: &mut *context,
                        field: "tracking",
                        holds: "deliveries",
                        each: |items: &mut Items<S>, line, value: Value| {
                            items.delivery(line, deliveries, &value);
                        },
                    })?;
                }
                "messages" => {
                    messages = true;
                    object.next_value_seed(Stream {
                        context: &mut *context,
                        field: "messages",
                        holds: "messages",
                        each: |items: &mut Items<S>, line, value: Value| {
                            items.not_sent(line, &value);
                        },
                    })?;
                }
                _ => {
                    let value = object.next_value::<Value>()?;
                    fields.insert(key, value);
                }
            }
        }
        match response {
            Some(response) => context.items.end_response(start, response, fields),
            None if messages => {}
            None => context.items.object(start, fields),
        }
        Ok(())
    }
}

/// An array whose items are handed to `each` one at a time.
struct Stream<'r, 'c, 'a, S, F> {
    context: &'r mut Context<'c, 'a, S>,
    /// The field and what its array holds, for messages.
    field: &'static str,
    holds: &'static str,
    each: F,
}

impl<S: Sink, F> Stream<'_, '_, '_, S, F> {
    /// Anything but an array where an array belongs is a bad row; the
    /// document around it still counts.
    fn not_an_array(self, found: &str) {
        let line = self.context.line();
        self.context.items.bad(
            line,
            format_args!(
                "{}: expected an array of {}, found {found}",
                self.field, self.holds
            ),
        );
    }
}

impl<'de, S: Sink, F: FnMut(&mut Items<S>, u64, Value)> DeserializeSeed<'de>
    for Stream<'_, '_, '_, S, F>
{
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, S: Sink, F: FnMut(&mut Items<S>, u64, Value)> Visitor<'de> for Stream<'_, '_, '_, S, F> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: an array of {}", self.field, self.holds)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut items: A) -> Result<(), A::Error> {
        let each = &mut self.each;
        while items
            .next_element_seed(Located(&mut *self.context, &mut *each))?
            .is_some()
        {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut object: A) -> Result<(), A::Error> {
        while object.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        self.not_an_array("an object");
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        self.not_an_array("null");
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        self.not_an_array("a boolean");
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        self.not_an_array("a number");
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        self.not_an_array("a number");
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        self.not_an_array("a number");
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        self.not_an_array("a string");
        Ok(())
    }
}

/// Reads one value and hands it, with the line it starts on, to a closure.
struct Located<'r, 'c, 'a, S, F>(&'r mut Context<'c, 'a, S>, F);

impl<'de, S, F: FnOnce(&mut Items<S>, u64, Value)> DeserializeSeed<'de>
    for Located<'_, '_, '_, S, F>
{
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        let line = self.0.line();
        let value = Value::deserialize(deserializer)?;
        (self.1)(self.0.items, line, value);
        Ok(())
    }
}
