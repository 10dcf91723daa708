//! What an SMS event's `statusCode` says, read by the event's kind: a
//! status of the table only for the kinds that carry one, a reason for a
//! message never sent, nothing for a queued or sent one.

use core::fmt;

use serde_core::Deserialize;
use serde_core::de::{self, value};

use super::values::RawCode;
use crate::whole::{whole_float, whole_number};
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
    /// `SmsNotSent`: never sent, for the reason given: `None` when the
    /// event gives no code, or a code that is no send error code (text
    /// such as `"MobileAddressNotFound"`), which
    /// [`EventInfo::status_code`](super::EventInfo::status_code) keeps.
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
/// else entirely. Read by the crate's whole-number rule: `47`, `"47"`,
/// `" 47 "` and `47.0` are all 47.
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

/// A `statusCode` as sent, and where it was found (`info.statusCode`), for
/// errors.
pub(super) struct Code {
    pub(super) raw: RawCode,
    pub(super) path: &'static str,
}

/// The event's `statusCode` read as its kind says. A status kind without a
/// code is an error, since nothing else says what happened; a code on a
/// queued or sent event, which Salesforce's documentation does not list,
/// is not read as anything (the event's info keeps its text).
pub(super) fn event_status<'de, S: Deserialize<'de>, E: de::Error>(
    kind: EventKind,
    code: Option<&Code>,
) -> Result<EventStatus<S>, E> {
    match (kind.code(), code) {
        (EventCode::Absent, _) if kind == EventKind::Queued => Ok(EventStatus::Queued),
        (EventCode::Absent, _) => Ok(EventStatus::Sent),
        (EventCode::NotSentReason, code) => Ok(EventStatus::NotSent(
            code.and_then(|code| not_sent_reason(&code.raw)),
        )),
        (EventCode::Status, Some(code)) => status(code).map(EventStatus::Status),
        (EventCode::Status, None) => Err(E::custom(format_args!(
            "an {} event without a statusCode: expected the status code of the table it reports",
            kind.as_str()
        ))),
    }
}

/// A status code, read by the status enum's own `Deserialize`: a number, a
/// numeric string with whitespace, a whole decimal (`4000.0`) or a name;
/// an unlisted code is kept. An error says where the code was.
fn status<'de, S: Deserialize<'de>, E: de::Error>(code: &Code) -> Result<S, E> {
    match &code.raw {
        RawCode::Text(text) => S::deserialize(value::StrDeserializer::<E>::new(text)),
        RawCode::Unsigned(number) => S::deserialize(value::U64Deserializer::<E>::new(*number)),
        RawCode::Signed(number) => S::deserialize(value::I64Deserializer::<E>::new(*number)),
        RawCode::Float(number) => S::deserialize(value::F64Deserializer::<E>::new(*number)),
    }
    .map_err(|error| E::custom(format_args!("{}: {error}", code.path)))
}

/// A send error code: a whole number by the crate's one rule (`47`, `"47"`,
/// `" 47 "`, `16.0`). `None` for any other code (text such as
/// `"MobileAddressNotFound"`, a fraction, a negative number): not a send
/// error code, but not a reason to lose the event either, and the event's
/// info keeps its text.
#[inline]
fn not_sent_reason(code: &RawCode) -> Option<NotSentReason> {
    let number = match code {
        RawCode::Unsigned(number) => Some(*number),
        RawCode::Float(number) => whole_float(*number),
        RawCode::Text(text) => whole_number(text),
        RawCode::Signed(_) => None,
    };
    number
        .and_then(|number| u32::try_from(number).ok())
        .map(NotSentReason)
}
