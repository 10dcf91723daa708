//! The second impl block: the classification columns, each a table read
//! by the row, the unlisted code's answers from core, and the shortcuts
//! that follow from them.

use std::fmt::Write as _;

use super::super::table::{Row, Table};
use super::per_row::per_row;

/// The impl block of this file's items.
pub(super) fn classification(name: &str, table: &Table) -> String {
    let stages = variants(table, "Stage", |row| row.stage.variant());
    let outcomes = variants(table, "Outcome", |row| row.outcome.variant());
    let actions = variants(table, "Action", |row| row.action.variant());
    let finalities = variants(table, "Finality", |row| row.finality.variant());
    format!(
        "
impl {name} {{
    /// Which hop of the send this status describes. For an unlisted
    /// code, read from its thousands digit (1–4), else `None`.
    #[must_use]
    pub const fn stage(self) -> ::core::option::Option<::mobileconnect_status::Stage> {{
        const STAGES: &[::mobileconnect_status::Stage] = &[{stages}];
        match self {{
            Self::Unrecognized(code) => code.stage(),
            listed => ::core::option::Option::Some(STAGES[listed.row()]),
        }}
    }}

    /// What this status says about the message; `Unknown` for an unlisted code.
    #[must_use]
    pub const fn outcome(self) -> ::mobileconnect_status::Outcome {{
        const OUTCOMES: &[::mobileconnect_status::Outcome] = &[{outcomes}];
        match self {{
            Self::Unrecognized(code) => code.outcome(),
            listed => OUTCOMES[listed.row()],
        }}
    }}

    /// What the sender should do; `Investigate` for an unlisted code.
    #[must_use]
    pub const fn action(self) -> ::mobileconnect_status::Action {{
        const ACTIONS: &[::mobileconnect_status::Action] = &[{actions}];
        match self {{
            Self::Unrecognized(code) => code.action(),
            listed => ACTIONS[listed.row()],
        }}
    }}

    /// Whether another status can follow: the table's `final` column.
    /// `No` for an unlisted code.
    #[must_use]
    pub const fn finality(self) -> ::mobileconnect_status::Finality {{
        const FINALITIES: &[::mobileconnect_status::Finality] = &[{finalities}];
        match self {{
            Self::Unrecognized(code) => code.finality(),
            listed => FINALITIES[listed.row()],
        }}
    }}

    /// Whether no further status is expected, for a message sent
    /// from a code of this `kind`. An unlisted code is never final.
    #[must_use]
    pub const fn is_final_for(self, kind: ::mobileconnect_status::CodeKind) -> bool {{
        self.finality().is_final_for(kind)
    }}
{SHORTCUTS}}}
"
    )
}

/// What follows from the columns, the same for every table.
const SHORTCUTS: &str = "
    /// Whether the table lists this code.
    #[must_use]
    pub const fn is_recognized(self) -> bool {
        !::core::matches!(self, Self::Unrecognized(_))
    }

    /// Whether no further status is expected, for a message sent from a
    /// dedicated code. Use [`is_final_for`](Self::is_final_for) for shared
    /// short codes, where 2000 `DeliveredToAggregator` is also final.
    #[must_use]
    pub const fn is_final(self) -> bool {
        self.is_final_for(::mobileconnect_status::CodeKind::Dedicated)
    }

    /// Whether the message is still on its way (outcome `pending`).
    #[must_use]
    pub const fn is_pending(self) -> bool {
        ::core::matches!(self.outcome(), ::mobileconnect_status::Outcome::Pending)
    }

    /// Whether the message reached the recipient's device (outcome
    /// `delivered`).
    #[must_use]
    pub const fn is_delivered(self) -> bool {
        ::core::matches!(self.outcome(), ::mobileconnect_status::Outcome::Delivered)
    }

    /// Whether the message will not be delivered (outcome `failed`).
    #[must_use]
    pub const fn is_failure(self) -> bool {
        ::core::matches!(self.outcome(), ::mobileconnect_status::Outcome::Failed)
    }

    /// Whether the sender should send again later (action `retry-later`).
    #[must_use]
    pub const fn is_retryable(self) -> bool {
        ::core::matches!(self.action(), ::mobileconnect_status::Action::RetryLater)
    }
";

/// One column of a vocabulary as the elements of a `const` array, in row
/// order: `::mobileconnect_status::Stage::Handset, …`.
fn variants(table: &Table, vocabulary: &str, variant: impl Fn(&Row) -> &'static str) -> String {
    per_row(table, |out, _, row| {
        write!(
            out,
            "::mobileconnect_status::{vocabulary}::{}, ",
            variant(row)
        )
    })
}
