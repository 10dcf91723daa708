//! Typed payloads of the Marketing Cloud APIs that report SMS statuses, for
//! services that receive or fetch them (features `serde` and `std`).
//!
//! - [`Deliveries`]: the REST API's
//!   `GET /sms/v1/messageContact/{messageId}/deliveries/{tokenId}`.
//! - [`SmsEvent`]: an Event Notification Service (ENS) transactional SMS
//!   event, as a webhook receives it.
//! - [`MessageStatus`] and [`NotSentMessages`]: the Transactional Messaging
//!   API's `GET /messaging/v1/sms/messages/{messageKey}` and
//!   `?type=notSent`.
//!
//! Each is generic over the status enum its codes are read as:
//! [`SmsStatus`](crate::SmsStatus) by default, or one generated from a
//! table of your own with [`status_table`](crate::status_table). The
//! `statusCode` of an event is read by its kind ([`EventStatus`]): a
//! status only for the kinds that carry one, a [`NotSentReason`] for a
//! message never sent, nothing for a queued or sent one. Fields the
//! types do not know are skipped, so a new field from Salesforce does not
//! break a parse; a missing required field, an unknown event kind or a
//! malformed code is an error that names it.
//!
//! An error met inside a field names the field (`info.to: …`), and the
//! format sees it as an error in the data: with `serde_json`, a body cut
//! short or a reader that fails inside a field is not `is_eof()` or
//! `is_io()` there (outside any field it is). A service that must tell a
//! cut or failed read from bad data parses the body into a
//! `serde_json::Value` first, as `sms-status` does: a cut or failed read
//! is then that parse's error, with its kind, and only a complete body
//! reaches these types.
//!
//! The types only read (`Deserialize`): they are for what Salesforce sends.
//! Timestamps are kept as sent; the REST API's and the Transactional
//! Messaging API's are Central Standard Time, ENS's are milliseconds since
//! the Unix epoch.
//!
//! # Numbers in every form
//!
//! Salesforce and the tools that store its payloads write the same number
//! in several ways, and each is read the same:
//!
//! - a status code: `4000`, `"4000"`, `" 4000 "`, `4000.0` or `"4000.0"`
//!   (as pandas writes a column with blanks), or a status name; a code the
//!   table does not list is kept, and a fraction (`4000.5`) is an error
//!   saying a code is a whole number;
//! - a not-sent reason: the same forms; a reason that is no whole number
//!   (text such as `"MobileAddressNotFound"`) makes
//!   [`EventStatus::NotSent(None)`](EventStatus::NotSent), and
//!   [`EventInfo::status_code`] keeps its text;
//! - a time in milliseconds (`timestampUTC`) and an ID (`mid`, `eid`,
//!   `eventID`, `lastEventID`, `count`): a number or a numeric string, some
//!   ENS event families sending the IDs as strings;
//! - a mobile number (`mobileNumber`, `to`) and an `ordinal`: a string or
//!   an integer, kept as text.
//!
//! The rule for a whole number is [`whole_digits`](crate::whole_digits).
//! `null` is the same as a missing field.
//!
//! # Where a field is read from
//!
//! Some payloads put the fields of `info` (`messageKey`, `to`,
//! `subscriberKey` or `contactKey`, `statusCode`, `statusMessage`,
//! `reason` …) beside it, at the item's top level, and a few have them in
//! both places. One rule decides, for every payload: **the place
//! Salesforce documents for the payload is read first, and the other place
//! only where the first lacks the field.**
//!
//! | payload | `statusCode`, `statusMessage` | the other fields of `info` |
//! |---|---|---|
//! | [`SmsEvent`] (ENS) | `info` first | `info` first |
//! | [`MessageStatus`] (`messages/{messageKey}`) | `info` first | `info` first |
//! | [`NotSentMessage`] (`?type=notSent`) | the top level first | `info` first |
//!
//! So an item of a `?type=notSent` page with `"statusCode": 24` beside
//! `"info": { "statusCode": "47" }` was not sent for reason 24, and the
//! same object read as an ENS event for reason 47. A blank `messageKey`
//! counts as a missing one. Salesforce's pages: the ENS "Transactional SMS
//! Events" table lists `info.statusCode` ("a string that represents the
//! reason"); `messages/{messageKey}` says the reason is in the `info`
//! object (its e-mail sibling's example has `statusCode` beside `info`);
//! `?type=notSent` lists `statusCode` as an integer on each item, with
//! `messageKey` and `contactKey` in `info` in its example.

mod deliveries;
mod ens;
mod event_status;
mod info;
mod messaging;
pub(crate) mod object;
mod values;

pub use deliveries::{Deliveries, TrackingItem};
pub use ens::SmsEvent;
pub use event_status::{EventStatus, NotSentReason};
pub use info::EventInfo;
pub use messaging::{MessageStatus, NotSentMessage, NotSentMessages};
