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
//! The types only read (`Deserialize`): they are for what Salesforce sends.
//! Timestamps are kept as sent; the REST API's and the Transactional
//! Messaging API's are Central Standard Time, ENS's are milliseconds since
//! the Unix epoch.

mod deliveries;
mod ens;
mod event_status;
mod messaging;
pub(crate) mod object;

pub use deliveries::{Deliveries, TrackingItem};
pub use ens::{EventInfo, SmsEvent};
pub use event_status::{EventStatus, NotSentReason};
pub use messaging::{MessageStatus, NotSentMessage, NotSentMessages};
