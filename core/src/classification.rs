//! The vocabularies a status is classified by. Their words are the ones
//! `status-codes.toml` uses, returned by `as_str` and shown by `Display`.

use core::fmt;
use core::str::FromStr;

use crate::ParseWordError;

/// Defines a vocabulary enum with its table word.
macro_rules! vocabulary {
    (
        $(#[$doc:meta])* $name:ident ($what:literal) {
            $($(#[$vdoc:meta])* $variant:ident = $word:literal => $meaning:literal,)+
        }
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $(
                #[doc = concat!("`", $word, "`: ", $meaning, ".")]
                $(#[$vdoc])*
                $variant,
            )+
        }

        impl $name {
            /// Every value, in the order the table's header lists them.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)+];

            /// The word `status-codes.toml` uses for this value.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $word,)+ }
            }

            /// What the value means, in plain words, as the table's header
            /// explains it: for reports and explanations read by people.
            #[must_use]
            pub const fn meaning(self) -> &'static str {
                match self { $(Self::$variant => $meaning,)+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }

        /// Reads the word `status-codes.toml` uses, ignoring ASCII case
        /// and surrounding whitespace.
        impl FromStr for $name {
            type Err = ParseWordError;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                const WORDS: &[&str] = &[$($word,)+];
                let word = text.trim();
                Self::ALL
                    .iter()
                    .copied()
                    .find(|value| value.as_str().eq_ignore_ascii_case(word))
                    .ok_or_else(|| ParseWordError::new($what, WORDS, text))
            }
        }
    };
}

vocabulary! {
    /// Which hop of a send a status describes; the code's thousands digit.
    Stage ("stage") {
        /// Codes 1xxx.
        SendService = "send-service" => "Marketing Cloud's own message sending service",
        /// Codes 2xxx.
        Aggregator = "aggregator" => "the downstream delivery partner (aggregator)",
        /// Codes 3xxx.
        Carrier = "carrier" => "the recipient's mobile carrier",
        /// Codes 4xxx.
        Handset = "handset" => "the recipient's device",
    }
}

vocabulary! {
    /// What a status says about the message.
    Outcome ("outcome") {
        Pending = "pending" => "the message is still on its way",
        Delivered = "delivered" => "the message reached the recipient's device",
        Failed = "failed" => "the message will not be delivered",
        /// The third state besides success and failure.
        Unknown = "unknown" => "nobody can tell whether the message arrived",
    }
}

vocabulary! {
    /// What the sender should do about a status.
    ///
    /// Write the values through the type, `Action::None`, and do not import
    /// them with `use Action::*`: the table's word `none` makes a variant
    /// named `None`, and a glob import puts it in front of the prelude's
    /// `Option::None`, so every bare `None` in that scope means
    /// `Action::None` and an `Option` no longer matches or builds with it.
    ///
    /// ```
    /// use mobileconnect_status::{Action, SmsStatus};
    ///
    /// let advice = match SmsStatus::from_code(4504).action() {
    ///     Action::Wait | Action::None => "nothing to do",
    ///     Action::RetryLater => "send again later",
    ///     Action::SuppressNumber => "stop sending to this number",
    ///     Action::Investigate => "ask a person",
    /// };
    /// assert_eq!(advice, "stop sending to this number");
    /// ```
    ///
    /// The clash, which does not compile:
    ///
    /// ```compile_fail,E0308
    /// use mobileconnect_status::Action::*;
    ///
    /// let name: Option<&str> = None; // `None` is `Action::None` here
    /// ```
    Action ("action") {
        Wait = "wait" => "nothing yet: a later status will follow",
        None = "none" => "nothing: the message was delivered",
        RetryLater = "retry-later" => "send the message again later: the cause is transient",
        SuppressNumber = "suppress-number" => "stop sending to this mobile number: it cannot receive messages",
        Investigate = "investigate" => "a person should look into it",
    }
}

vocabulary! {
    /// Whether another status can follow a status: the table's `final`
    /// column. See [`is_final_for`](Finality::is_final_for).
    Finality ("final") {
        Yes = "yes" => "no further status is expected",
        No = "no" => "a later status may still arrive",
        /// 2000 `DeliveredToAggregator` is the case.
        SharedCodesOnly = "shared-codes-only" => "the last status sent for a shared short code; dedicated codes get more updates",
    }
}

impl Finality {
    /// Whether no further status is expected for a message sent from a
    /// code of this `kind`.
    #[must_use]
    pub const fn is_final_for(self, kind: CodeKind) -> bool {
        match self {
            Self::Yes => true,
            Self::No => false,
            Self::SharedCodesOnly => matches!(kind, CodeKind::Shared),
        }
    }

    /// The outcome of a status with this finality and `outcome`, for a
    /// message sent from a code of `kind`: a pending status after which no
    /// further status will come is unknown, since no handset receipt will
    /// say how it ended (2000 `DeliveredToAggregator` for a shared code).
    ///
    /// ```
    /// use mobileconnect_status::{CodeKind, Outcome, SmsStatus};
    ///
    /// let status = SmsStatus::DeliveredToAggregator;
    /// let outcome = |kind| status.finality().outcome_for(status.outcome(), kind);
    /// assert_eq!(outcome(CodeKind::Dedicated), Outcome::Pending);
    /// assert_eq!(outcome(CodeKind::Shared), Outcome::Unknown);
    /// ```
    #[must_use]
    pub const fn outcome_for(self, outcome: Outcome, kind: CodeKind) -> Outcome {
        if self.ends_pending(outcome, kind) {
            Outcome::Unknown
        } else {
            outcome
        }
    }

    /// What to do about a status with this finality, `outcome` and
    /// `action`, for a message sent from a code of `kind`: nothing, where
    /// a pending status will be followed by no other (see
    /// [`outcome_for`](Self::outcome_for)), since waiting would be forever.
    ///
    /// ```
    /// use mobileconnect_status::{Action, CodeKind, SmsStatus};
    ///
    /// let status = SmsStatus::DeliveredToAggregator;
    /// let action = |kind| status.finality().action_for(status.outcome(), status.action(), kind);
    /// assert_eq!(action(CodeKind::Dedicated), Action::Wait);
    /// assert_eq!(action(CodeKind::Shared), Action::None);
    /// ```
    #[must_use]
    pub const fn action_for(self, outcome: Outcome, action: Action, kind: CodeKind) -> Action {
        if self.ends_pending(outcome, kind) {
            Action::None
        } else {
            action
        }
    }

    /// Whether a status of this finality and `outcome` reads as pending
    /// although, for this kind of sending code, no later status will come.
    const fn ends_pending(self, outcome: Outcome, kind: CodeKind) -> bool {
        matches!(outcome, Outcome::Pending) && self.is_final_for(kind)
    }
}

vocabulary! {
    /// The kind of sending code a message went out from. Finality depends on
    /// it: for shared short codes, 2000 `DeliveredToAggregator` is the last
    /// status ever sent; dedicated codes receive further updates.
    CodeKind ("code kind") {
        Shared = "shared" => "a short code shared between senders",
        Dedicated = "dedicated" => "a code dedicated to one sender",
    }
}
