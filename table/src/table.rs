//! The checked model of `status-codes.toml`: what `validate` produces and
//! `expand` consumes. Nothing here can be malformed once built.

use super::names::VariantName;
use super::text::TableText;

/// Defines one closed vocabulary: the words a table editor writes, and the
/// Rust variant each word becomes in the generated code.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $word:literal,)+ }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[allow(missing_docs, reason = "each variant is the word it is written as")]
        pub enum $name { $($variant,)+ }

        impl $name {
            /// Every word allowed in the table, in the order the file's header lists them.
            pub const WORDS: &'static [&'static str] = &[$($word,)+];

            /// The value a table's word names, if it is one of [`WORDS`](Self::WORDS).
            #[must_use]
            pub fn from_word(word: &str) -> Option<Self> {
                match word {
                    $($word => Some(Self::$variant),)+
                    _ => None,
                }
            }

            /// The word the table writes for this value.
            #[must_use]
            pub fn word(self) -> &'static str {
                match self { $(Self::$variant => $word,)+ }
            }

            /// The variant's name in the core crate's enum of the same name.
            #[must_use]
            pub fn variant(self) -> &'static str {
                match self { $(Self::$variant => stringify!($variant),)+ }
            }
        }
    };
}

vocabulary! {
    /// Which hop of the send a status describes.
    Stage {
        SendService = "send-service",
        Aggregator = "aggregator",
        Carrier = "carrier",
        Handset = "handset",
    }
}

vocabulary! {
    /// What a status says about the message.
    Outcome {
        Pending = "pending",
        Delivered = "delivered",
        Failed = "failed",
        Unknown = "unknown",
    }
}

vocabulary! {
    /// Whether another status can follow. `SharedCodesOnly` is 2000's case:
    /// the last status sent for shared short codes, not for dedicated ones.
    Finality {
        Yes = "yes",
        No = "no",
        SharedCodesOnly = "shared-codes-only",
    }
}

vocabulary! {
    /// What the sender should do about a status.
    Action {
        Wait = "wait",
        None = "none",
        RetryLater = "retry-later",
        SuppressNumber = "suppress-number",
        Investigate = "investigate",
    }
}

/// One `[[status]]` block, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// `code`: the status code.
    pub code: u16,
    /// `name`: the variant's name, a checked identifier.
    pub name: VariantName,
    /// `definition`: the published text, verbatim.
    pub definition: TableText,
    /// `stage`.
    pub stage: Stage,
    /// `outcome`.
    pub outcome: Outcome,
    /// `final`.
    pub finality: Finality,
    /// `action`.
    pub action: Action,
    /// `note`, when the block has one.
    pub note: Option<TableText>,
}

/// The whole table, rows in ascending code order whatever the file's order,
/// so the generated `ALL` and docs are sorted and the output is deterministic.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    rows: Vec<Row>,
}

impl Table {
    /// Only validation builds a table, from rows it checked for unique
    /// codes and names.
    pub(crate) fn new(mut rows: Vec<Row>) -> Self {
        rows.sort_by_key(|row| row.code);
        Self { rows }
    }

    /// The rows, in ascending code order. The default table has none: the
    /// macro expands it next to the errors of a table with mistakes.
    #[must_use]
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }
}
