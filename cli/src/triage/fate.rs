//! What became of one message, as far as its updates tell: queued, sent
//! with no status yet, never sent (with a reason), or a status code.
//!
//! Fates are ordered so that the greater one wins when a message has
//! several updates: a status code beats "sent, no status yet", and among
//! codes the highest wins (Salesforce's rule for out-of-order updates). A
//! not-sent event outranks queued and sent: it is the more definite word.
//! The order lives in one `u32`, so comparing and storing a fate is as
//! cheap as comparing a code.

use mobileconnect_status::{Action, CodeKind, EventKind, Outcome, SmsStatus};

use super::reasons::ReasonId;
use crate::code_kind;

/// Bits of the packed value that hold the variant, above a 30-bit payload.
const TAG_SHIFT: u32 = 30;
const PAYLOAD: u32 = (1 << TAG_SHIFT) - 1;
// Queued carries a payload of 1 so that no packed fate is 0, which an
// optional fate in a packed per-number record uses for "none".
const QUEUED: u32 = 0;
const SENT: u32 = 1;
const NOT_SENT: u32 = 2;
const STATUS: u32 = 3;

/// A message's fate, packed; see the module docs for its order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Fate(u32);

/// A [`Fate`] unpacked, to match on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FateKind {
    /// Accepted, not yet processed for sending.
    Queued,
    /// Sent to the delivery partner; no status has arrived.
    Sent,
    /// Never sent, for this reason.
    NotSent(ReasonId),
    /// The highest status code the message got.
    Status(SmsStatus),
}

impl Fate {
    pub(crate) const fn status(status: SmsStatus) -> Self {
        Self(STATUS << TAG_SHIFT | status.code() as u32)
    }

    pub(crate) const fn not_sent(reason: ReasonId) -> Self {
        Self(NOT_SENT << TAG_SHIFT | (reason.index() & PAYLOAD))
    }

    /// The fate an event of a kind without a status code gives.
    pub(crate) const fn without_code(kind: EventKind) -> Self {
        match kind {
            EventKind::Queued => Self(QUEUED << TAG_SHIFT | 1),
            _ => Self(SENT << TAG_SHIFT),
        }
    }

    /// The packed value, never 0, for compact per-number records.
    pub(crate) const fn packed(self) -> u32 {
        self.0
    }

    /// The fate a [`packed`](Self::packed) value holds.
    pub(crate) const fn from_packed(packed: u32) -> Self {
        Self(packed)
    }

    pub(crate) fn kind(self) -> FateKind {
        let payload = self.0 & PAYLOAD;
        match self.0 >> TAG_SHIFT {
            QUEUED => FateKind::Queued,
            SENT => FateKind::Sent,
            NOT_SENT => FateKind::NotSent(ReasonId::from_index(payload)),
            _ => FateKind::Status(SmsStatus::from_code(
                u16::try_from(payload).unwrap_or(u16::MAX),
            )),
        }
    }

    /// The status code, for a message that got one.
    pub(crate) fn code(self) -> Option<SmsStatus> {
        match self.kind() {
            FateKind::Status(status) => Some(status),
            _ => None,
        }
    }

    /// The number of the status code, for a message that got one; quicker
    /// than [`code`](Self::code) where only the number is needed.
    #[inline]
    pub(crate) const fn status_code(self) -> Option<u16> {
        if self.0 >> TAG_SHIFT == STATUS {
            #[expect(
                clippy::cast_possible_truncation,
                reason = "a status's payload is its code"
            )]
            Some((self.0 & PAYLOAD) as u16)
        } else {
            None
        }
    }

    /// Whether the message was never sent.
    pub(crate) fn is_not_sent(self) -> bool {
        matches!(self.kind(), FateKind::NotSent(_))
    }

    /// What the fate says about the message, for messages sent from a code
    /// of `kind` (see `code_kind`).
    pub(crate) fn outcome(self, kind: CodeKind) -> Outcome {
        let by_event = |event: EventKind| event.outcome().unwrap_or(Outcome::Unknown);
        match self.kind() {
            FateKind::Queued => by_event(EventKind::Queued),
            FateKind::Sent => by_event(EventKind::Sent),
            FateKind::NotSent(_) => by_event(EventKind::NotSent),
            FateKind::Status(status) => code_kind::outcome(status, kind),
        }
    }

    /// What the sender should do, for messages sent from a code of `kind`.
    pub(crate) fn action(self, kind: CodeKind) -> Action {
        let by_event = |event: EventKind| event.action().unwrap_or(Action::Investigate);
        match self.kind() {
            FateKind::Queued => by_event(EventKind::Queued),
            FateKind::Sent => by_event(EventKind::Sent),
            FateKind::NotSent(_) => by_event(EventKind::NotSent),
            FateKind::Status(status) => code_kind::action(status, kind),
        }
    }
}

#[cfg(test)]
mod tests {
    use mobileconnect_status::{Action, CodeKind, EventKind, Outcome, SmsStatus};

    use super::{Fate, FateKind};
    use crate::triage::reasons::ReasonId;

    #[test]
    fn a_code_beats_no_code_and_the_highest_code_wins() {
        let order = [
            Fate::without_code(EventKind::Queued),
            Fate::without_code(EventKind::Sent),
            Fate::not_sent(ReasonId::from_index(0)),
            Fate::not_sent(ReasonId::from_index(7)),
            Fate::status(SmsStatus::from_code(0)),
            Fate::status(SmsStatus::QueuedToSfmcSendService),
            Fate::status(SmsStatus::Delivered),
            Fate::status(SmsStatus::from_code(4510)),
            Fate::status(SmsStatus::from_code(u16::MAX)),
        ];
        for pair in order.windows(2) {
            assert!(pair[0] < pair[1], "{:?} < {:?}", pair[0], pair[1]);
        }
        for fate in order {
            assert_ne!(fate.packed(), 0, "{fate:?}");
            assert_eq!(Fate::from_packed(fate.packed()), fate);
        }
    }

    #[test]
    fn every_code_reads_back() {
        for code in 0..=u16::MAX {
            let status = SmsStatus::from_code(code);
            assert_eq!(Fate::status(status).kind(), FateKind::Status(status));
        }
        let reason = ReasonId::from_index(12);
        assert_eq!(Fate::not_sent(reason).kind(), FateKind::NotSent(reason));
    }

    #[test]
    fn shared_codes_end_at_2000_without_a_receipt() {
        let at_aggregator = Fate::status(SmsStatus::DeliveredToAggregator);
        assert_eq!(at_aggregator.outcome(CodeKind::Dedicated), Outcome::Pending);
        assert_eq!(at_aggregator.action(CodeKind::Dedicated), Action::Wait);
        assert_eq!(at_aggregator.outcome(CodeKind::Shared), Outcome::Unknown);
        assert_eq!(at_aggregator.action(CodeKind::Shared), Action::None);
        // Statuses that are not final for either kind stay pending.
        let at_carrier = Fate::status(SmsStatus::SentToCarrier);
        assert_eq!(at_carrier.outcome(CodeKind::Shared), Outcome::Pending);
        let expired = Fate::status(SmsStatus::Expired);
        assert_eq!(expired.action(CodeKind::Shared), Action::RetryLater);
    }

    #[test]
    fn events_without_a_status_read_as_their_kind() {
        let sent = Fate::without_code(EventKind::Sent);
        assert_eq!(sent.outcome(CodeKind::Dedicated), Outcome::Pending);
        assert_eq!(sent.action(CodeKind::Dedicated), Action::Wait);
        let not_sent = Fate::not_sent(ReasonId::from_index(0));
        assert_eq!(not_sent.outcome(CodeKind::Shared), Outcome::Failed);
        assert_eq!(not_sent.action(CodeKind::Shared), Action::Investigate);
        assert!(not_sent.is_not_sent() && not_sent.code().is_none());
    }
}
