//! A signed notification body, cut into the events it holds: each event's
//! text exactly as received, with its identity, and each identity once.
//!
//! ENS posts a JSON array of events; some old examples post one object.
//! An element that core's `SmsEvent` cannot read (another kind of event,
//! a bad code) is still an event: it is stored as received, and triage
//! counts it as a bad row when it reads the stored events. A body that is
//! not JSON at all is stored whole, as one event, for the same reason:
//! it came signed from Marketing Cloud, and refusing it would only make
//! ENS send it again until it suspends the callback.

use std::collections::HashSet;

use mobileconnect_status::payload::SmsEvent;
use serde_json::value::RawValue;

use super::identity::{self, Identity};

/// One event to store.
#[derive(Debug)]
pub(crate) struct Event {
    pub(crate) identity: Identity,
    /// The event's JSON text as it was in the body.
    pub(crate) text: String,
}

/// The events of one body, each identity once, in the body's order.
#[derive(Debug, Default)]
pub(crate) struct Batch {
    pub(crate) events: Vec<Event>,
    /// Events in the body, copies within it included.
    pub(crate) received: u64,
    /// Events `SmsEvent` could not read, copies included.
    pub(crate) unreadable: u64,
}

impl Batch {
    /// Cuts `body` into events.
    pub(crate) fn of(body: &[u8]) -> Self {
        let mut batch = Self::default();
        let mut seen = HashSet::new();
        if body.trim_ascii().is_empty() {
            return batch;
        }
        match elements(body) {
            Some(elements) => {
                for element in elements {
                    batch.add(element.get(), element.get().as_bytes(), &mut seen);
                }
            }
            // Stored as text, any byte that is not UTF-8 replaced; known by
            // its bytes, so two bodies that differ only there stay two.
            None => batch.add(&String::from_utf8_lossy(body), body, &mut seen),
        }
        batch
    }

    /// An event with its `text` as stored and the `bytes` it was received
    /// as.
    fn add(&mut self, text: &str, bytes: &[u8], seen: &mut HashSet<Identity>) {
        self.received += 1;
        let identity = if let Ok(event) = serde_json::from_str::<SmsEvent>(text) {
            identity::of_event(&event)
        } else {
            self.unreadable += 1;
            identity::of_text(bytes)
        };
        if seen.insert(identity) {
            self.events.push(Event {
                identity,
                text: text.to_owned(),
            });
        }
    }
}

/// The body's events: the elements of an array, or the body itself when
/// it is one other JSON value; `None` when it is not JSON.
fn elements(body: &[u8]) -> Option<Vec<&RawValue>> {
    if body.trim_ascii_start().starts_with(b"[") {
        serde_json::from_slice(body).ok()
    } else {
        serde_json::from_slice(body).ok().map(|value| vec![value])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENT: &str = r#"{"eventCategoryType":"TransactionalSendEvents.SmsSent","timestampUTC":1,"info":{"messageKey":"m-1","to":"15550100001"}}"#;

    #[test]
    fn each_element_is_kept_as_received_and_copies_once() {
        let body = format!(
            "[ {SENT},\n  {SENT} , {{\"eventCategoryType\": \"TransactionalSendEvents.EmailSent\"}} ]"
        );
        let batch = Batch::of(body.as_bytes());
        assert_eq!(batch.received, 3);
        assert_eq!(batch.unreadable, 1);
        assert_eq!(batch.events.len(), 2);
        let texts: Vec<&str> = batch
            .events
            .iter()
            .map(|event| event.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                SENT,
                r#"{"eventCategoryType": "TransactionalSendEvents.EmailSent"}"#
            ]
        );
    }

    #[test]
    fn one_object_is_one_event() {
        let batch = Batch::of(SENT.as_bytes());
        assert_eq!(
            (batch.received, batch.unreadable, batch.events.len()),
            (1, 0, 1)
        );
    }

    #[test]
    fn a_body_that_is_not_json_is_kept_whole_as_one_unreadable_event() {
        let body = b"[{\"eventCategoryType\": \"Tra";
        let batch = Batch::of(body);
        assert_eq!((batch.received, batch.unreadable), (1, 1));
        assert_eq!(batch.events[0].text.as_bytes(), body);
    }

    #[test]
    fn bodies_that_differ_only_in_bytes_that_are_not_utf8_are_two_events() {
        let first = Batch::of(b"\xff\xfe garbage");
        let second = Batch::of(b"\xfe\xff garbage");
        assert_eq!(first.events[0].text, second.events[0].text);
        assert_ne!(first.events[0].identity, second.events[0].identity);
    }

    #[test]
    fn an_empty_array_or_a_blank_body_holds_no_event() {
        assert_eq!(Batch::of(b" [ ] ").received, 0);
        assert_eq!(Batch::of(b"  \n").received, 0);
    }
}
