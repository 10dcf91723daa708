//! A transactional SMS event from the Event Notification Service (ENS),
//! as a webhook receives it.

use serde_core::Deserialize;
use serde_core::de;

use super::event_status::EventStatus;
use super::info::{CodePlace, EventInfo, RawInfo, read_info};
use super::object::{required, wire_object};
use super::values::Whole;
use crate::{EventKind, SmsStatus};

/// One ENS transactional SMS event: `TransactionalSendEvents.SmsSent`,
/// `SmsNotSent`, `SmsTransient`, `SmsDelivered` or `SmsBounced`.
///
/// `info.statusCode` is read by the kind into [`status`](Self::status): a
/// status of the table `S` for the kinds that carry one, a
/// [`NotSentReason`](super::NotSentReason) for `SmsNotSent`, nothing for
/// `SmsSent`. An event of another kind is an error naming it. The fields of
/// `info` are read from the event's top level where `info` lacks them; the
/// numbers (`timestampUTC`, `mid`, `eid`) may come as text, as some event
/// families send them (see [the module](super)).
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
    /// `info.statusCode` (or a top-level `statusCode`, where `info` has
    /// none), read by the kind.
    pub status: EventStatus<S>,
    /// `timestampUTC`: when the event happened, in milliseconds since the
    /// Unix epoch (`1790949799000`, also read from `"1790949799000"` and
    /// `1790949799000.0`).
    pub timestamp_utc: Option<u64>,
    /// `compositeId`: Salesforce's tracking ID for the event.
    pub composite_id: Option<String>,
    /// `definitionKey`: the external key of the send definition.
    pub definition_key: Option<String>,
    /// `definitionId`: the send definition's ID (`SmsNotSent` events).
    pub definition_id: Option<String>,
    /// `mid`: the member ID of the business unit that sent the message (a
    /// number, or a numeric string).
    pub mid: Option<u64>,
    /// `eid`: the enterprise ID of the account (a number, or a numeric
    /// string).
    pub eid: Option<u64>,
    /// `info`: the message and its recipient. Only `messageKey` is
    /// required, in `info` or at the top level.
    pub info: EventInfo,
}

wire_object! {
    "an SMS event object with `eventCategoryType` and `info`"
    SmsEvent<S> from RawSmsEvent by sms_event {
        kind: EventKind = "eventCategoryType",
        timestamp_utc: Whole = "timestampUTC",
        composite_id: String = "compositeId",
        definition_key: String = "definitionKey",
        definition_id: String = "definitionId",
        mid: Whole = "mid",
        eid: Whole = "eid",
        info: RawInfo = "info",
    } top: RawInfo
}

fn sms_event<'de, S: Deserialize<'de>, E: de::Error>(
    raw: RawSmsEvent<S>,
) -> Result<SmsEvent<S>, E> {
    let kind = required(raw.kind, "eventCategoryType")?;
    let info = raw.info.unwrap_or_default();
    let (status, info) = read_info(kind, info, raw.top, CodePlace::Info)?;
    Ok(SmsEvent {
        kind,
        status,
        timestamp_utc: raw.timestamp_utc.map(|time| time.0),
        composite_id: raw.composite_id,
        definition_key: raw.definition_key,
        definition_id: raw.definition_id,
        mid: raw.mid.map(|mid| mid.0),
        eid: raw.eid.map(|eid| eid.0),
        info,
    })
}
