//! What became of one message, as far as its updates tell: queued, sent
//! with no status yet, never sent (with a reason), or a status code.
//!
//! Fates are ordered so that the greater one wins when a message has
//! several updates: a status code beats "sent, no status yet", and among
//! codes the highest wins (Salesforce's rule for out-of-order updates). A
//! not-sent event outranks queued and sent: it is the more definite word.
//! The order lives in one non-zero `u32`, so comparing and storing a fate
//! is as cheap as comparing a code, and an optional fate takes no more
//! room than a fate. What a code means is the status table's, asked for
//! each time a fate is classified.

use std::num::NonZeroU32;

use mobileconnect_status::payload::EventStatus;
use mobileconnect_status::{Action, CodeKind, EventKind, Outcome, SmsStatus};

use super::reasons::ReasonId;
use crate::status_table::StatusTable;

/// Bits of the packed value that hold the variant, above a 30-bit payload.
const TAG_SHIFT: u32 = 30;
const PAYLOAD: u32 = (1 << TAG_SHIFT) - 1;
const QUEUED: u32 = 0;
const SENT: u32 = 1;
const NOT_SENT: u32 = 2;
const STATUS: u32 = 3;

/// A message's fate, packed; see the module docs for its order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Fate(NonZeroU32);

impl Fate {
    /// Packs a tag and payload. Only queued has tag 0, and its payload is
    /// 1, so no packed fate is 0.
    const fn pack(tag: u32, payload: u32) -> Self {
        match NonZeroU32::new(tag << TAG_SHIFT | (payload & PAYLOAD)) {
            Some(packed) => Self(packed),
            None => Self(NonZeroU32::MIN),
        }
    }

    pub(crate) const fn status(status: SmsStatus) -> Self {
        Self::pack(STATUS, status.code() as u32)
    }

    /// The fate an event gives its message; `reason` is the reason of a
    /// message never sent. What a later kind of event may say without a
    /// code reads as sent, no status yet: a code would be a status.
    pub(crate) const fn of_event(status: EventStatus, reason: ReasonId) -> Self {
        match status {
            EventStatus::Queued => Self::pack(QUEUED, 1),
            EventStatus::NotSent(_) => Self::pack(NOT_SENT, reason.index()),
            EventStatus::Status(status) => Self::status(status),
            _ => Self::pack(SENT, 0),
        }
    }

    const fn tag(self) -> u32 {
        self.0.get() >> TAG_SHIFT
    }

    const fn payload(self) -> u32 {
        self.0.get() & PAYLOAD
    }

    /// What the fate says of its message, as core reads events: the
    /// reason of a message never sent is [`reason`](Self::reason).
    pub(crate) fn event_status(self) -> EventStatus {
        match self.tag() {
            QUEUED => EventStatus::Queued,
            SENT => EventStatus::Sent,
            NOT_SENT => EventStatus::NotSent(None),
            _ => EventStatus::Status(SmsStatus::from_code(
                u16::try_from(self.payload()).unwrap_or(u16::MAX),
            )),
        }
    }

    /// Why the message was never sent, for a message never sent.
    pub(crate) const fn reason(self) -> Option<ReasonId> {
        if self.tag() == NOT_SENT {
            Some(ReasonId::from_index(self.payload()))
        } else {
            None
        }
    }

    /// The status code, for a message that got one.
    pub(crate) fn code(self) -> Option<SmsStatus> {
        self.status_code().map(SmsStatus::from_code)
    }

    /// The number of the status code, for a message that got one; quicker
    /// than [`code`](Self::code) where only the number is needed.
    #[inline]
    pub(crate) const fn status_code(self) -> Option<u16> {
        if self.tag() == STATUS {
            #[expect(
                clippy::cast_possible_truncation,
                reason = "a status's payload is its code"
            )]
            Some(self.payload() as u16)
        } else {
            None
        }
    }

    /// Whether the message was never sent.
    pub(crate) const fn is_not_sent(self) -> bool {
        self.tag() == NOT_SENT
    }

    /// The kind of event that said this fate, for a fate without a code.
    fn event_kind(self) -> Option<EventKind> {
        match self.tag() {
            QUEUED => Some(EventKind::Queued),
            SENT => Some(EventKind::Sent),
            NOT_SENT => Some(EventKind::NotSent),
            _ => None,
        }
    }

    /// What the fate says about the message, as `table` classifies its
    /// code, for messages sent from a code of `kind`: a status final for
    /// that kind is no longer pending.
    #[inline]
    pub(crate) fn outcome(self, table: &StatusTable, kind: CodeKind) -> Outcome {
        match (self.status_code(), self.event_kind()) {
            (Some(code), _) => table.classification(code).outcome_for(kind),
            (None, Some(event)) => event.outcome().unwrap_or(Outcome::Unknown),
            (None, None) => Outcome::Unknown,
        }
    }

    /// What the sender should do, as `table` classifies the code, for
    /// messages sent from a code of `kind`.
    #[inline]
    pub(crate) fn action(self, table: &StatusTable, kind: CodeKind) -> Action {
        match (self.status_code(), self.event_kind()) {
            (Some(code), _) => table.classification(code).action_for(kind),
            (None, Some(event)) => event.action().unwrap_or(Action::Investigate),
            (None, None) => Action::Investigate,
        }
    }
}

#[cfg(test)]
mod tests {
    use mobileconnect_status::payload::EventStatus;
    use mobileconnect_status::{Action, CodeKind, Outcome, SmsStatus};

    use super::Fate;
    use crate::status_table::StatusTable;
    use crate::triage::resolve::reasons::ReasonId;

    fn event(status: EventStatus, reason: u32) -> Fate {
        Fate::of_event(status, ReasonId::from_index(reason))
    }

    #[test]
    fn a_code_beats_no_code_and_the_highest_code_wins() {
        let order = [
            event(EventStatus::Queued, 0),
            event(EventStatus::Sent, 0),
            event(EventStatus::NotSent(None), 0),
            event(EventStatus::NotSent(None), 7),
            Fate::status(SmsStatus::from_code(0)),
            Fate::status(SmsStatus::QueuedToSfmcSendService),
            Fate::status(SmsStatus::Delivered),
            Fate::status(SmsStatus::from_code(4510)),
            Fate::status(SmsStatus::from_code(u16::MAX)),
        ];
        for pair in order.windows(2) {
            assert!(pair[0] < pair[1], "{:?} < {:?}", pair[0], pair[1]);
        }
    }

    #[test]
    fn every_code_and_event_reads_back() {
        for code in 0..=u16::MAX {
            let status = SmsStatus::from_code(code);
            let fate = Fate::status(status);
            assert_eq!(fate.event_status(), EventStatus::Status(status));
            assert_eq!(fate.code(), Some(status));
            assert_eq!(fate.reason(), None);
        }
        let not_sent = event(EventStatus::NotSent(None), 12);
        assert_eq!(not_sent.reason(), Some(ReasonId::from_index(12)));
        assert_eq!(not_sent.event_status(), EventStatus::NotSent(None));
        assert_eq!(
            event(EventStatus::Queued, 3).event_status(),
            EventStatus::Queued
        );
        assert_eq!(
            event(EventStatus::Sent, 3).event_status(),
            EventStatus::Sent
        );
    }

    #[test]
    fn shared_codes_end_at_2000_without_a_receipt() {
        let table = StatusTable::built_in();
        let at_aggregator = Fate::status(SmsStatus::DeliveredToAggregator);
        assert_eq!(
            at_aggregator.outcome(&table, CodeKind::Dedicated),
            Outcome::Pending
        );
        assert_eq!(
            at_aggregator.action(&table, CodeKind::Dedicated),
            Action::Wait
        );
        assert_eq!(
            at_aggregator.outcome(&table, CodeKind::Shared),
            Outcome::Unknown
        );
        assert_eq!(at_aggregator.action(&table, CodeKind::Shared), Action::None);
        // Statuses that are not final for either kind stay pending.
        let at_carrier = Fate::status(SmsStatus::SentToCarrier);
        assert_eq!(
            at_carrier.outcome(&table, CodeKind::Shared),
            Outcome::Pending
        );
        let expired = Fate::status(SmsStatus::Expired);
        assert_eq!(expired.action(&table, CodeKind::Shared), Action::RetryLater);
    }

    #[test]
    fn events_without_a_status_read_as_their_kind() {
        let table = StatusTable::built_in();
        let sent = event(EventStatus::Sent, 0);
        assert_eq!(sent.outcome(&table, CodeKind::Dedicated), Outcome::Pending);
        assert_eq!(sent.action(&table, CodeKind::Dedicated), Action::Wait);
        let not_sent = event(EventStatus::NotSent(None), 0);
        assert_eq!(not_sent.outcome(&table, CodeKind::Shared), Outcome::Failed);
        assert_eq!(
            not_sent.action(&table, CodeKind::Shared),
            Action::Investigate
        );
        assert!(not_sent.is_not_sent() && not_sent.code().is_none());
    }
}
