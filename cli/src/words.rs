//! How a classification reads in the table and in plain words. These are
//! renderings of what `mobileconnect-status` answers, never a second copy of
//! the classification itself.

use mobileconnect_status::{Action, CodeKind, Outcome, SmsStatus, Stage};

/// The table's `final` column: whether a later status can still follow,
/// read from `is_final_for` for both kinds of sending code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Finality {
    Yes,
    SharedCodesOnly,
    No,
}

impl Finality {
    pub(crate) fn of(status: SmsStatus) -> Self {
        match (
            status.is_final_for(CodeKind::Dedicated),
            status.is_final_for(CodeKind::Shared),
        ) {
            (true, _) => Self::Yes,
            (false, true) => Self::SharedCodesOnly,
            (false, false) => Self::No,
        }
    }

    /// The word `status-codes.toml` uses in its `final` column.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Yes => "yes",
            Self::SharedCodesOnly => "shared-codes-only",
            Self::No => "no",
        }
    }

    pub(crate) fn meaning(self) -> &'static str {
        match self {
            Self::Yes => "no further status is expected",
            Self::SharedCodesOnly => {
                "the last status sent for a shared short code; dedicated codes get more updates"
            }
            Self::No => "a later status may still arrive",
        }
    }
}

/// The stage's table word, or `-` when the code names no hop.
pub(crate) fn stage(status: SmsStatus) -> &'static str {
    status.stage().map_or("-", Stage::as_str)
}

pub(crate) fn stage_meaning(stage: Option<Stage>) -> &'static str {
    match stage {
        Some(Stage::SendService) => "Marketing Cloud's own message sending service",
        Some(Stage::Aggregator) => "the downstream delivery partner (aggregator)",
        Some(Stage::Carrier) => "the recipient's mobile carrier",
        Some(Stage::Handset) => "the recipient's device",
        None => "no hop: the code's thousands digit is not 1 to 4",
    }
}

pub(crate) fn outcome_meaning(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::Pending => "the message is still on its way",
        Outcome::Delivered => "the message reached the recipient's device",
        Outcome::Failed => "the message will not be delivered",
        Outcome::Unknown => "nobody can tell whether the message arrived",
    }
}

pub(crate) fn action_meaning(action: Action) -> &'static str {
    match action {
        Action::Wait => "nothing yet: a later status will follow",
        Action::None => "nothing: the message was delivered",
        Action::RetryLater => "send the message again later: the cause is transient",
        Action::SuppressNumber => "stop sending to this mobile number: it cannot receive messages",
        Action::Investigate => "a person should look into it",
    }
}
