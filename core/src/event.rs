//! The kinds of SMS event that Marketing Cloud reports, and what each one's
//! `statusCode` holds. The Event Notification Service (ENS) and the
//! Transactional Messaging API name them in `eventCategoryType`.

use core::fmt;
use core::str::FromStr;

use crate::{Action, Outcome, ParseWordError};

/// What the `statusCode` of an event holds, which depends on its kind.
///
/// Only [`Status`](EventCode::Status) codes are codes of the status table:
/// a not-sent event's code is the reason the send did not happen, from
/// Salesforce's Send Error Codes, and means something else entirely.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventCode {
    /// The event carries no code: it only says the message was queued or
    /// sent, and no status has arrived yet.
    Absent,
    /// A standard status code of the table (`"4000"`, or `4000`).
    Status,
    /// The reason a message was never sent (`"47"` with the reason
    /// "Mobile Address not found"); not a status code.
    NotSentReason,
}

/// The kind of an SMS event, read from its `eventCategoryType`.
///
/// ENS writes `TransactionalSendEvents.SmsSent`, the Transactional
/// Messaging API `TransactionalSendEvents.SMSNotSent` or just `SMSSent`:
/// [`FromStr`] reads all of these, ignoring ASCII case and the
/// `TransactionalSendEvents.` category.
///
/// ```
/// use mobileconnect_status::{EventCode, EventKind, Outcome};
///
/// let kind: EventKind = "TransactionalSendEvents.SMSNotSent".parse()?;
/// assert_eq!(kind, EventKind::NotSent);
/// // Its statusCode ("47") is a reason, never a status of the table.
/// assert_eq!(kind.code(), EventCode::NotSentReason);
/// assert_eq!(kind.outcome(), Some(Outcome::Failed));
///
/// // SmsSent carries no code at all: the message is on its way.
/// let sent: EventKind = "TransactionalSendEvents.SmsSent".parse()?;
/// assert_eq!(sent.code(), EventCode::Absent);
/// assert_eq!(sent.outcome(), Some(Outcome::Pending));
///
/// // For the other kinds the status code decides.
/// let delivered: EventKind = "SmsDelivered".parse()?;
/// assert_eq!(delivered.code(), EventCode::Status);
/// assert_eq!(delivered.outcome(), None);
///
/// assert!("TransactionalSendEvents.EmailSent".parse::<EventKind>().is_err());
/// # Ok::<(), mobileconnect_status::ParseWordError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum EventKind {
    /// `SmsQueued`: accepted, not yet processed for sending (Transactional
    /// Messaging API only). No code.
    Queued,
    /// `SmsSent`: sent to the downstream delivery partner; no status has
    /// arrived yet. No code.
    Sent,
    /// `SmsNotSent`: the message was never sent. Its code is a reason.
    NotSent,
    /// `SmsTransient`: the latest transmission status, not the final one.
    /// Its code is a status code.
    Transient,
    /// `SmsDelivered`: delivered. Its code is a status code.
    Delivered,
    /// `SmsBounced`: bounced. Its code is a status code.
    Bounced,
}

/// The category Salesforce puts before the kind.
const CATEGORY: &str = "TransactionalSendEvents.";

/// The kinds' names as ENS writes them, for messages.
const NAMES: &[&str] = &[
    "SmsQueued",
    "SmsSent",
    "SmsNotSent",
    "SmsTransient",
    "SmsDelivered",
    "SmsBounced",
];

impl EventKind {
    /// Every kind, from the least to the most final.
    pub const ALL: &'static [Self] = &[
        Self::Queued,
        Self::Sent,
        Self::NotSent,
        Self::Transient,
        Self::Delivered,
        Self::Bounced,
    ];

    /// The kind's name as ENS writes it after `TransactionalSendEvents.`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        NAMES[self as usize]
    }

    /// What the event's `statusCode` holds.
    #[must_use]
    pub const fn code(self) -> EventCode {
        match self {
            Self::Queued | Self::Sent => EventCode::Absent,
            Self::NotSent => EventCode::NotSentReason,
            Self::Transient | Self::Delivered | Self::Bounced => EventCode::Status,
        }
    }

    /// The outcome the kind itself decides: pending for a queued or sent
    /// message with no status yet, failed for one that was never sent.
    /// `None` for kinds whose status code decides.
    #[must_use]
    pub const fn outcome(self) -> Option<Outcome> {
        match self {
            Self::Queued | Self::Sent => Some(Outcome::Pending),
            Self::NotSent => Some(Outcome::Failed),
            Self::Transient | Self::Delivered | Self::Bounced => None,
        }
    }

    /// What to do, where the kind decides: wait for a queued or sent
    /// message; have a person look into one that was never sent (its
    /// reason says what to fix: the address, the send definition, the
    /// content). `None` for kinds whose status code decides.
    #[must_use]
    pub const fn action(self) -> Option<Action> {
        match self {
            Self::Queued | Self::Sent => Some(Action::Wait),
            Self::NotSent => Some(Action::Investigate),
            Self::Transient | Self::Delivered | Self::Bounced => None,
        }
    }

    /// What the kind means, in Salesforce's words.
    #[must_use]
    pub const fn meaning(self) -> &'static str {
        match self {
            Self::Queued => "the message has not yet been processed for sending",
            Self::Sent => "the message was sent to the downstream delivery partner",
            Self::NotSent => "the message was not sent, for the reason given",
            Self::Transient => "the most recent transmission status, not the final one",
            Self::Delivered => "the message was delivered",
            Self::Bounced => "the message bounced, for the reason given",
        }
    }
}

impl fmt::Display for EventKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Reads an `eventCategoryType`: a kind's name in any ASCII case, with
/// or without the `TransactionalSendEvents.` category before it, and
/// surrounding whitespace. Any other kind or category is an error that
/// names the input and the kinds allowed.
impl FromStr for EventKind {
    type Err = ParseWordError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let name = match trimmed.get(..CATEGORY.len()) {
            Some(category) if category.eq_ignore_ascii_case(CATEGORY) => &trimmed[CATEGORY.len()..],
            _ => trimmed,
        };
        Self::ALL
            .iter()
            .copied()
            .find(|kind| kind.as_str().eq_ignore_ascii_case(name))
            .ok_or_else(|| ParseWordError::new("SMS event kind", NAMES, text))
    }
}
