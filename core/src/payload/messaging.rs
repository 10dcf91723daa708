//! The Transactional Messaging API's answers about SMS sends:
//! `GET /messaging/v1/sms/messages/{messageKey}` and
//! `GET /messaging/v1/sms/messages/?type=notSent`.

use serde_core::Deserialize;
use serde_core::de;

use super::event_status::EventStatus;
use super::info::{CodePlace, EventInfo, RawInfo, read_info};
use super::object::{required, wire_object};
use super::values::Whole;
use crate::{EventKind, SmsStatus};

/// The answer of `GET /messaging/v1/sms/messages/{messageKey}`: the send
/// status of one message.
///
/// `eventCategoryType` is `TransactionalSendEvents.SMSSent`, `SMSQueued` or
/// `SMSNotSent` (note the capitals); for a message not sent,
/// `info.statusCode` is the reason, an integer (`16`), read into
/// [`EventStatus::NotSent`]. Salesforce documents the reason in `info`;
/// a `statusCode` beside `info` (where the e-mail sibling of this answer
/// documents it) is read only when `info` has none, and so are the other
/// fields of `info` (see [the module](super#where-a-field-is-read-from)).
///
/// ```
/// use mobileconnect_status::payload::{EventStatus, MessageStatus};
///
/// let message: MessageStatus = serde_json::from_str(r#"{
///     "requestId": "9f2c5a1e-0c1b-4c51-9d0e-6e9a3b7c2d10",
///     "eventCategoryType": "TransactionalSendEvents.SMSNotSent",
///     "timestamp": "2018-12-17T13:05:40.947",
///     "messageKey": "2iQNfGHj2UqTalK9x2gPow",
///     "info": { "statusCode": 16, "statusMessage": "InvalidAttributeValue" }
/// }"#)?;
/// let EventStatus::NotSent(Some(reason)) = message.status else { panic!("a reason") };
/// assert_eq!(reason.get(), 16);
/// assert_eq!(message.info.message_key, "2iQNfGHj2UqTalK9x2gPow");
/// assert_eq!(message.info.status_message.as_deref(), Some("InvalidAttributeValue"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct MessageStatus<S = SmsStatus> {
    /// `eventCategoryType`: queued, sent or not sent.
    pub kind: EventKind,
    /// `info.statusCode` (or a top-level `statusCode` where `info` has
    /// none), read by the kind.
    pub status: EventStatus<S>,
    /// `requestId`: the ID of this request.
    pub request_id: Option<String>,
    /// `timestamp`: when the event happened, in Central Standard Time
    /// without daylight saving time (UTC−6 all year), as sent
    /// (`"2018-12-17T13:05:40.947"`).
    pub timestamp: Option<String>,
    /// `compositeId`: Salesforce's ID to quote to its support.
    pub composite_id: Option<String>,
    /// `info`: the message's key, its recipient and the reason's words;
    /// each field read from the answer's top level where `info` lacks it
    /// (the documentation's field table lists `messageKey` there, its
    /// examples put it in `info`).
    pub info: EventInfo,
}

/// The answer of `GET /messaging/v1/sms/messages/?type=notSent`: a page of
/// messages that were not sent, oldest first.
///
/// ```
/// use mobileconnect_status::payload::{EventStatus, NotSentMessages};
///
/// let page: NotSentMessages = serde_json::from_str(r#"{
///     "lastEventID": 35774,
///     "messages": [ {
///         "statusCode": 24, "statusMessage": "Error Message",
///         "eventCategoryType": "TransactionalSendEvents.SMSNotSent",
///         "timestamp": "2018-12-17T13:05:40.947", "definitionKey": "account-reset",
///         "eventID": 35760,
///         "info": { "messageKey": "2iQNfGHj2UqTalK9x2gPow", "contactKey": "example1" }
///     } ],
///     "count": 1
/// }"#)?;
/// assert_eq!(page.last_event_id, Some(35774));
/// let EventStatus::NotSent(Some(reason)) = page.messages[0].status else { panic!("a reason") };
/// assert_eq!(reason.get(), 24);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct NotSentMessages<S = SmsStatus> {
    /// `lastEventID`: pass it as `lastEventId` to read the next page. Read
    /// from a number or a numeric string, and under the parameter's
    /// spelling `lastEventId` where `lastEventID` is missing.
    pub last_event_id: Option<u64>,
    /// `count`: the messages on this page (a number or a numeric string).
    pub count: Option<u64>,
    /// `messages`: the messages not sent, oldest first.
    pub messages: Vec<NotSentMessage<S>>,
}

/// One message of a [`NotSentMessages`] page.
///
/// Salesforce documents its `statusCode` (an integer, the reason) and
/// `statusMessage` on the item itself, beside `info`: those are read first,
/// and `info`'s only where the item has none. An item with `statusCode: 24`
/// and `info.statusCode: 47` was not sent for reason 24. `messageKey`,
/// `contactKey` and `to` are read from `info` first, as the documented
/// example puts them (see [the module](super#where-a-field-is-read-from)).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct NotSentMessage<S = SmsStatus> {
    /// `eventCategoryType`, normally `TransactionalSendEvents.SMSNotSent`.
    pub kind: EventKind,
    /// `statusCode` (or `info.statusCode` where the item has none), read
    /// by the kind: the reason, for a message not sent.
    pub status: EventStatus<S>,
    /// `statusMessage` (or `info.statusMessage` where the item has none):
    /// the reason in words; the same as `info.status_message`.
    pub status_message: Option<String>,
    /// `timestamp`: when, in Central Standard Time without daylight saving
    /// time, as sent.
    pub timestamp: Option<String>,
    /// `definitionKey`: the send definition's key.
    pub definition_key: Option<String>,
    /// `eventID`: the event's number, which pages are counted by (a number
    /// or a numeric string; `eventId` where `eventID` is missing).
    pub event_id: Option<u64>,
    /// `info`: the message's key and its recipient's, each read from the
    /// item's top level where `info` lacks it.
    pub info: EventInfo,
}

wire_object! {
    "an SMS message status object with `eventCategoryType`"
    MessageStatus<S> from RawMessageStatus by message_status {
        kind: EventKind = "eventCategoryType",
        request_id: String = "requestId",
        timestamp: String = "timestamp",
        composite_id: String = "compositeId",
        info: RawInfo = "info",
    } top: RawInfo
}

wire_object! {
    "a page of messages not sent, with `messages`"
    NotSentMessages<S> from RawNotSentMessages by not_sent_messages {
        last_event_id: Whole = "lastEventID",
        // The spelling of the request's parameter.
        last_event_id_alternative: Whole = "lastEventId",
        count: Whole = "count",
        messages: Vec<NotSentMessage<S>> = "messages",
    }
}

wire_object! {
    "a message not sent, with `eventCategoryType` and `info`"
    NotSentMessage<S> from RawNotSentMessage by not_sent_message {
        kind: EventKind = "eventCategoryType",
        timestamp: String = "timestamp",
        definition_key: String = "definitionKey",
        event_id: Whole = "eventID",
        // Spelt as the request's `lastEventId`.
        event_id_alternative: Whole = "eventId",
        info: RawInfo = "info",
    } top: RawInfo
}

fn message_status<'de, S: Deserialize<'de>, E: de::Error>(
    raw: RawMessageStatus<S>,
) -> Result<MessageStatus<S>, E> {
    let kind = required(raw.kind, "eventCategoryType")?;
    let info = raw.info.unwrap_or_default();
    let (status, info) = read_info(kind, info, raw.top, CodePlace::Info)?;
    Ok(MessageStatus {
        kind,
        status,
        request_id: raw.request_id,
        timestamp: raw.timestamp,
        composite_id: raw.composite_id,
        info,
    })
}

#[allow(
    clippy::unnecessary_wraps,
    reason = "the converter of every payload returns a Result"
)]
fn not_sent_messages<S, E: de::Error>(raw: RawNotSentMessages<S>) -> Result<NotSentMessages<S>, E> {
    Ok(NotSentMessages {
        last_event_id: raw
            .last_event_id
            .or(raw.last_event_id_alternative)
            .map(|id| id.0),
        count: raw.count.map(|count| count.0),
        messages: raw.messages.unwrap_or_default(),
    })
}

fn not_sent_message<'de, S: Deserialize<'de>, E: de::Error>(
    raw: RawNotSentMessage<S>,
) -> Result<NotSentMessage<S>, E> {
    let kind = required(raw.kind, "eventCategoryType")?;
    let info = raw.info.unwrap_or_default();
    let (status, info) = read_info(kind, info, raw.top, CodePlace::Top)?;
    Ok(NotSentMessage {
        kind,
        status,
        status_message: info.status_message.clone(),
        timestamp: raw.timestamp,
        definition_key: raw.definition_key,
        event_id: raw.event_id.or(raw.event_id_alternative).map(|id| id.0),
        info,
    })
}
