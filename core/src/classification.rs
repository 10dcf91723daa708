//! The vocabularies a status is classified by. Their words are the ones
//! `status-codes.toml` uses, returned by `as_str` and shown by `Display`.

use core::fmt;
use core::str::FromStr;

use crate::ParseWordError;

/// Defines a vocabulary enum with its table word.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident ($what:literal) { $($(#[$vdoc:meta])* $variant:ident = $word:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            /// Every value, in the order the table's header lists them.
            pub const ALL: &'static [Self] = &[$(Self::$variant,)+];

            /// The word `status-codes.toml` uses for this value.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $word,)+ }
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
        /// Marketing Cloud's own message sending service (1xxx).
        SendService = "send-service",
        /// The downstream delivery partner (2xxx).
        Aggregator = "aggregator",
        /// The recipient's mobile carrier (3xxx).
        Carrier = "carrier",
        /// The recipient's device (4xxx).
        Handset = "handset",
    }
}

vocabulary! {
    /// What a status says about the message.
    Outcome ("outcome") {
        /// Still on its way: a later status will follow.
        Pending = "pending",
        /// Delivered to the recipient's device.
        Delivered = "delivered",
        /// Will not be delivered.
        Failed = "failed",
        /// Nobody can tell; the third state besides success and failure.
        Unknown = "unknown",
    }
}

vocabulary! {
    /// What the sender should do about a status.
    Action ("action") {
        /// Nothing yet: a later status will follow.
        Wait = "wait",
        /// Nothing: the message was delivered.
        None = "none",
        /// Send the message again later; the cause is transient.
        RetryLater = "retry-later",
        /// Stop sending to this mobile number; it cannot receive messages.
        SuppressNumber = "suppress-number",
        /// A person should look into it.
        Investigate = "investigate",
    }
}

vocabulary! {
    /// Whether another status can follow a status: the table's `final`
    /// column. See [`is_final_for`](Finality::is_final_for).
    Finality ("final") {
        /// No further status is expected.
        Yes = "yes",
        /// More statuses are expected.
        No = "no",
        /// The last status sent for a message from a shared short code; a
        /// dedicated code receives further updates (2000 `DeliveredToAggregator`).
        SharedCodesOnly = "shared-codes-only",
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
}

vocabulary! {
    /// The kind of sending code a message went out from. Finality depends on
    /// it: for shared short codes, 2000 `DeliveredToAggregator` is the last
    /// status ever sent; dedicated codes receive further updates.
    CodeKind ("code kind") {
        /// A short code shared between senders.
        Shared = "shared",
        /// A code dedicated to one sender.
        Dedicated = "dedicated",
    }
}
