//! A transactional SMS event from the Event Notification Service (ENS),
//! as a webhook receives it, and the `info` object events share.

use serde_core::Deserialize;
use serde_core::de;

use super::event_status::{EventStatus, event_status};
use super::object::{RawCode, Text, required, wire_object};
use crate::{EventKind, SmsStatus};

/// One ENS transactional SMS event: `TransactionalSendEvents.SmsSent`,
/// `SmsNotSent`, `SmsTransient`, `SmsDelivered` or `SmsBounced`.
///
/// `info.statusCode` is read by the kind into [`status`](Self::status): a
/// status of the table `S` for the kinds that carry one, a
/// [`NotSentReason`](super::NotSentReason) for `SmsNotSent`, nothing for
/// `SmsSent`. An event of another kind is an error naming it.
///
/// ```
/// use mobileconnect_status::payload::{EventStatus, SmsEvent};
/// use mobileconnect_status::{EventKind, SmsStatus};
///
/// let event: SmsEvent = serde_json::from_str(r#"{
///     "eventCategoryType": "TransactionalSendEvents.SmsDelivered",
///     "timestampUTC": 1790949799000, "compositeId": "m-001.3", "definitionKey": "order-shipped",
///     "mid": 100000001, "eid": 100000001,
///     "info": { "to": "15550100001", "subscriberKey": "sub-0001", "messageKey": "m-001",
///               "statusCode": "4000", "statusMessage": "Delivered" }
/// }"#)?;
/// assert_eq!(event.kind, EventKind::Delivered);
/// assert_eq!(event.status, EventStatus::Status(SmsStatus::Delivered));
/// assert_eq!(event.info.message_key, "m-001");
///
/// let error = serde_json::from_str::<SmsEvent>(
///     r#"{ "eventCategoryType": "TransactionalSendEvents.EmailSent", "info": {} }"#,
/// )
/// .unwrap_err();
/// assert!(error.to_string().contains(r#"unknown SMS event kind "TransactionalSendEvents.EmailSent""#));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct SmsEvent<S = SmsStatus> {
    /// `eventCategoryType`, which says what `info.statusCode` holds.
    pub kind: EventKind,
    /// `info.statusCode`, read by the kind.
    pub status: EventStatus<S>,
    /// `timestampUTC`: when the event happened, in milliseconds since the
    /// Unix epoch.
    pub timestamp_utc: Option<u64>,
    /// `compositeId`: Salesforce's tracking ID for the event.
    pub composite_id: Option<String>,
    /// `definitionKey`: the external key of the send definition.
    pub definition_key: Option<String>,
    /// `definitionId`: the send definition's ID (`SmsNotSent` events).
    pub definition_id: Option<String>,
    /// `mid`: the member ID of the business unit that sent the message.
    pub mid: Option<u64>,
    /// `eid`: the enterprise ID of the account.
    pub eid: Option<u64>,
    /// `info`: the message and its recipient.
    pub info: EventInfo,
}

/// The `info` object of an SMS event: which message, to whom, and the text
/// that came with its code. The code itself is read into the event's
/// [`EventStatus`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct EventInfo {
    /// `messageKey`: the message's unique key, the one its events share.
    pub message_key: String,
    /// `to`: the recipient's mobile number, as text.
    pub to: Option<String>,
    /// `subscriberKey` (ENS) or `contactKey` (the Transactional Messaging
    /// API): the recipient's key in Marketing Cloud.
    pub subscriber_key: Option<String>,
    /// `ordinal`: which part of a multi-part message, as text (`"0"`).
    pub ordinal: Option<String>,
    /// `statusMessage`: the text for the code: a status name
    /// (`"SentToCarrier"`) or, for a message not sent, the error's name
    /// (`"InvalidAttributeValue"`).
    pub status_message: Option<String>,
    /// `reason`: why a message was not sent, in words
    /// (`"Mobile Address not found"`).
    pub reason: Option<String>,
    /// `fromAddress`: the short or long code the message was sent from.
    pub from_address: Option<String>,
    /// `countryCode`: the recipient's country (`"US"`).
    pub country_code: Option<String>,
}

wire_object! {
    "an SMS event object with `eventCategoryType` and `info`"
    SmsEvent<S> from RawSmsEvent by sms_event {
        kind: EventKind = "eventCategoryType",
        timestamp_utc: u64 = "timestampUTC",
        composite_id: String = "compositeId",
        definition_key: String = "definitionKey",
        definition_id: String = "definitionId",
        mid: u64 = "mid",
        eid: u64 = "eid",
        info: RawInfo = "info",
    }
}

wire_object! {
    "an event's `info` object"
    struct RawInfo {
        message_key: String = "messageKey",
        to: Text = "to",
        subscriber_key: String = "subscriberKey" | "contactKey",
        ordinal: Text = "ordinal",
        status_code: RawCode = "statusCode",
        status_message: String = "statusMessage",
        reason: String = "reason",
        from_address: Text = "fromAddress",
        country_code: String = "countryCode",
    }
}

fn sms_event<'de, S: Deserialize<'de>, E: de::Error>(
    raw: RawSmsEvent<S>,
) -> Result<SmsEvent<S>, E> {
    let kind = required(raw.kind, "eventCategoryType")?;
    let (info, code) = event_info(required(raw.info, "info")?, None)?;
    Ok(SmsEvent {
        kind,
        status: event_status(kind, code)?,
        timestamp_utc: raw.timestamp_utc,
        composite_id: raw.composite_id,
        definition_key: raw.definition_key,
        definition_id: raw.definition_id,
        mid: raw.mid,
        eid: raw.eid,
        info,
    })
}

/// The info, and its `statusCode` apart for the event to read by its kind.
/// `message_key` is the key given outside `info`, where a payload puts it
/// there.
pub(super) fn event_info<E: de::Error>(
    raw: RawInfo,
    message_key: Option<String>,
) -> Result<(EventInfo, Option<RawCode>), E> {
    let info = EventInfo {
        message_key: required(raw.message_key.or(message_key), "messageKey")?,
        to: raw.to.map(|to| to.0),
        subscriber_key: raw.subscriber_key,
        ordinal: raw.ordinal.map(|ordinal| ordinal.0),
        status_message: raw.status_message,
        reason: raw.reason,
        from_address: raw.from_address.map(|address| address.0),
        country_code: raw.country_code,
    };
    Ok((info, raw.status_code))
}
