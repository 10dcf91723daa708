//! The `info` object SMS events and the Transactional Messaging API's
//! answers share, and the one rule for where each of its fields is read:
//! the place Salesforce documents for the payload first, the other place
//! (`info`, or the item's top level) only where the first lacks the field.

use serde_core::Deserialize;
use serde_core::de;

use super::event_status::{Code, EventStatus, event_status};
use super::object::wire_object;
use super::values::{RawCode, Text};
use crate::EventKind;

/// The `info` object of an SMS event: which message, to whom, and the code
/// and text that came with it. The code is also read into the event's
/// [`EventStatus`], by the event's kind.
///
/// Each field is read from `info`, or from the item's top level where
/// `info` lacks it (some payloads put `messageKey`, `to` or `statusCode`
/// beside `info`); for `statusCode` and `statusMessage` the place
/// Salesforce documents for the payload comes first. See
/// [where a field is read from](super#where-a-field-is-read-from).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct EventInfo {
    /// `messageKey`: the message's unique key, the one its events share,
    /// without surrounding whitespace. A blank key counts as none.
    pub message_key: String,
    /// `to`: the recipient's mobile number, as text (a JSON integer is
    /// accepted too, and written in decimal).
    pub to: Option<String>,
    /// `subscriberKey` (ENS) or `contactKey` (the Transactional Messaging
    /// API): the recipient's key in Marketing Cloud. `subscriberKey` when a
    /// payload has both.
    pub subscriber_key: Option<String>,
    /// `ordinal`: which part of a multi-part message, as text (`"0"`).
    pub ordinal: Option<String>,
    /// `statusCode` as sent: a string as it is (`"4000"`, `" 47 "`), a
    /// number in decimal (`16`). The event's [`EventStatus`] is read from
    /// it; it is kept here too, so that a code the status cannot hold (a
    /// not-sent reason that is not a whole number, a code on an `SmsSent`
    /// event) is not lost.
    pub status_code: Option<String>,
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
    "an event's `info` object"
    struct RawInfo {
        message_key: String = "messageKey",
        to: Text = "to",
        subscriber_key: String = "subscriberKey",
        contact_key: String = "contactKey",
        ordinal: Text = "ordinal",
        status_code: RawCode = "statusCode",
        status_message: String = "statusMessage",
        reason: String = "reason",
        from_address: Text = "fromAddress",
        country_code: String = "countryCode",
    }
}

/// Where Salesforce documents a payload's `statusCode` and `statusMessage`.
#[derive(Clone, Copy)]
pub(super) enum CodePlace {
    /// In `info`: ENS events, `GET /messaging/v1/sms/messages/{messageKey}`.
    Info,
    /// At the item's top level: the items of `?type=notSent`.
    Top,
}

/// Reads an event's `info` and the same fields found at its `top` level,
/// each from its documented place first (see [`EventInfo`]), and the
/// event's status from its `statusCode` by its kind.
pub(super) fn read_info<'de, S: Deserialize<'de>, E: de::Error>(
    kind: EventKind,
    info: RawInfo,
    top: RawInfo,
    code_place: CodePlace,
) -> Result<(EventStatus<S>, EventInfo), E> {
    let (code, status_message) = match code_place {
        CodePlace::Info => (
            located(info.status_code, "info.statusCode").or(located(top.status_code, "statusCode")),
            info.status_message.or(top.status_message),
        ),
        CodePlace::Top => (
            located(top.status_code, "statusCode").or(located(info.status_code, "info.statusCode")),
            top.status_message.or(info.status_message),
        ),
    };
    let status = event_status(kind, code.as_ref())?;
    let info = EventInfo {
        message_key: message_key(info.message_key, top.message_key)?,
        to: info.to.or(top.to).map(|to| to.0),
        subscriber_key: (info.subscriber_key.or(info.contact_key))
            .or(top.subscriber_key.or(top.contact_key)),
        ordinal: info.ordinal.or(top.ordinal).map(|ordinal| ordinal.0),
        status_code: code.map(|code| code.raw.into_text()),
        status_message,
        reason: info.reason.or(top.reason),
        from_address: info.from_address.or(top.from_address).map(|from| from.0),
        country_code: info.country_code.or(top.country_code),
    };
    Ok((status, info))
}

#[inline]
fn located(raw: Option<RawCode>, path: &'static str) -> Option<Code> {
    raw.map(|raw| Code { raw, path })
}

/// The first key that is not blank, trimmed: a blank key names no message,
/// so it is missing as much as an absent one.
fn message_key<E: de::Error>(info: Option<String>, top: Option<String>) -> Result<String, E> {
    [info, top]
        .into_iter()
        .flatten()
        .find(|key| !key.trim().is_empty())
        .map(|key| match key.trim() {
            trimmed if trimmed.len() == key.len() => key,
            trimmed => trimmed.to_owned(),
        })
        .ok_or_else(|| E::missing_field("messageKey"))
}
