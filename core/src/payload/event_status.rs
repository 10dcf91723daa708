//! What an SMS event's `statusCode` says, read by the event's kind: a
//! status of the table only for the kinds that carry one, a reason for a
//! message never sent, nothing for a queued or sent one.

use core::fmt;

use serde_core::Deserialize;
use serde_core::de::{self, value};

use super::object::RawCode;
use crate::{EventCode, EventKind, SmsStatus};

/// What an event says about its message, by its kind.
///
/// A code is only ever read as a status of the table for the kinds whose
/// `statusCode` is one (`SmsTransient`, `SmsDelivered`, `SmsBounced`): the
/// `"47"` of an `SmsNotSent` event is the reason the message was never
/// sent, and stays a [`NotSentReason`].
///
/// ```
/// use mobileconnect_status::SmsStatus;
/// use mobileconnect_status::payload::{EventStatus, SmsEvent};
///
/// let event: SmsEvent = serde_json::from_str(r#"{
///     "eventCategoryType": "TransactionalSendEvents.SmsNotSent",
///     "info": { "messageKey": "m-003", "statusCode": "47", "reason": "Mobile Address not found" }
/// }"#)?;
/// assert_eq!(event.status.status(), None::<SmsStatus>);
/// let EventStatus::NotSent(Some(reason)) = event.status else { panic!("a reason") };
/// assert_eq!(reason.get(), 47);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EventStatus<S = SmsStatus> {
    /// `SmsQueued`: accepted, not yet processed for sending. No code.
    Queued,
    /// `SmsSent`: handed to the downstream delivery partner; no status
    /// has arrived yet. No code.
    Sent,
    /// `SmsNotSent`: never sent, for the reason given, when the event
    /// gives one.
    NotSent(Option<NotSentReason>),
    /// `SmsTransient`, `SmsDelivered` or `SmsBounced`: a status of the table.
    Status(S),
}

impl<S: Copy> EventStatus<S> {
    /// The status of the table, for the kinds that carry one.
    #[must_use]
    pub const fn status(&self) -> Option<S> {
        match self {
            Self::Status(status) => Some(*status),
            Self::Queued | Self::Sent | Self::NotSent(_) => None,
        }
    }
}

/// The reason a message was never sent: one of Salesforce's send error
/// codes (`47`, "Mobile Address not found"; `16`,
/// `InvalidAttributeValue`). Not a status code: its numbers mean something
/// else entirely.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NotSentReason(u32);

impl NotSentReason {
    /// The send error code.
    #[must_use]
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl fmt::Display for NotSentReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// The event's `statusCode` read as its kind says. A status kind without a
/// code is an error, since nothing else says what happened; a code on a
/// queued or sent event, which Salesforce's documentation does not list,
/// is left unread.
pub(super) fn event_status<'de, S: Deserialize<'de>, E: de::Error>(
    kind: EventKind,
    code: Option<RawCode>,
) -> Result<EventStatus<S>, E> {
    match (kind.code(), code) {
        (EventCode::Absent, _) if kind == EventKind::Queued => Ok(EventStatus::Queued),
        (EventCode::Absent, _) => Ok(EventStatus::Sent),
        (EventCode::NotSentReason, code) => code
            .map(not_sent_reason)
            .transpose()
            .map(EventStatus::NotSent),
        (EventCode::Status, Some(code)) => status(code).map(EventStatus::Status),
        (EventCode::Status, None) => Err(E::custom(format_args!(
            "an {} event without a statusCode: expected the status code of the table it reports",
            kind.as_str()
        ))),
    }
}

/// A status code, read by the status enum's own `Deserialize`: a number, a
/// numeric string with whitespace, or a name; an unlisted code is kept.
fn status<'de, S: Deserialize<'de>, E: de::Error>(code: RawCode) -> Result<S, E> {
    match code {
        RawCode::Text(text) => S::deserialize(value::StrDeserializer::<E>::new(&text)),
        RawCode::Number(number) => S::deserialize(value::U64Deserializer::<E>::new(number)),
    }
}

fn not_sent_reason<E: de::Error>(code: RawCode) -> Result<NotSentReason, E> {
    let number = match &code {
        RawCode::Number(number) => u32::try_from(*number).ok(),
        RawCode::Text(text) => text.trim().parse().ok(),
    };
    number.map(NotSentReason).ok_or_else(|| {
        let shown = match code {
            RawCode::Number(number) => number.to_string(),
            RawCode::Text(text) => format!("{text:?}"),
        };
        E::custom(format_args!(
            "not-sent reason {shown}: expected a send error code, a whole number \
             such as \"47\" or 16"
        ))
    })
}
