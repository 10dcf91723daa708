//! What a status means for one kind of sending code. For shared short
//! codes 2000 `DeliveredToAggregator` is the last status ever sent, so a
//! message that ended there is not pending but unknown (no handset receipt
//! will come), and there is nothing to wait for. Triage's report and the
//! SQL `query report` both read statuses this way.

use mobileconnect_status::{Action, CodeKind, Outcome, SmsStatus};

/// The status's outcome for messages sent from a code of `kind`.
pub(crate) fn outcome(status: SmsStatus, kind: CodeKind) -> Outcome {
    if ends_pending(status, kind) {
        Outcome::Unknown
    } else {
        status.outcome()
    }
}

/// What to do about the status, for messages sent from a code of `kind`.
pub(crate) fn action(status: SmsStatus, kind: CodeKind) -> Action {
    if ends_pending(status, kind) {
        Action::None
    } else {
        status.action()
    }
}

/// Whether `status` would read as pending although, for this kind of
/// sending code, no later status will come.
fn ends_pending(status: SmsStatus, kind: CodeKind) -> bool {
    status.is_pending() && status.is_final_for(kind)
}

#[cfg(test)]
mod tests {
    use mobileconnect_status::{Action, CodeKind, Outcome, SmsStatus};

    #[test]
    fn only_a_status_final_for_the_kind_stops_being_pending() {
        let at_aggregator = SmsStatus::DeliveredToAggregator;
        assert_eq!(
            super::outcome(at_aggregator, CodeKind::Dedicated),
            Outcome::Pending
        );
        assert_eq!(
            super::action(at_aggregator, CodeKind::Dedicated),
            Action::Wait
        );
        assert_eq!(
            super::outcome(at_aggregator, CodeKind::Shared),
            Outcome::Unknown
        );
        assert_eq!(super::action(at_aggregator, CodeKind::Shared), Action::None);
        let at_carrier = SmsStatus::SentToCarrier;
        assert_eq!(
            super::outcome(at_carrier, CodeKind::Shared),
            Outcome::Pending
        );
        assert_eq!(
            super::action(SmsStatus::Expired, CodeKind::Shared),
            Action::RetryLater
        );
    }
}
