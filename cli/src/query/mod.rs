//! `sms-status query`: SQL that resolves each mobile number's newest
//! message where the tracking data lives (a Marketing Cloud Query Activity,
//! a warehouse) and lists or counts the numbers by what that message calls
//! for. Triage's reworked resolution follows the same rule, and
//! `tests/query_history.rs` holds the test that compares the two.

mod lists;
mod newest;
mod report;

use std::io::{self, Write};

use mobileconnect_status::{Action, CodeKind};

use crate::sql::{Since, Table};
use crate::status_table::StatusTable;

/// What the query returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum QueryOutput {
    /// The numbers whose newest message calls for suppressing the number.
    SuppressList,
    /// The numbers whose newest message calls for sending again later.
    RetryList,
    /// How many numbers' newest message ended on each status.
    Report,
}

impl QueryOutput {
    /// Every output, with the name `sms-status query NAME` gives it.
    pub(crate) const ALL: [(&'static str, Self); 3] = [
        ("suppress-list", Self::SuppressList),
        ("retry-list", Self::RetryList),
        ("report", Self::Report),
    ];

    /// The name `sms-status query NAME` gives this output.
    pub(crate) fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|&&(_, output)| output == self)
            .map_or("", |&(name, _)| name)
    }
}

/// Everything `query` was asked for.
#[derive(Debug)]
pub(crate) struct QueryOptions {
    pub(crate) output: QueryOutput,
    /// Decides whether 2000 `DeliveredToAggregator` is final: the report's
    /// `SmsFinal`.
    pub(crate) code_kind: CodeKind,
    /// Only messages created on or after this day.
    pub(crate) since: Option<Since>,
    /// The table read, as the `FROM` clause names it.
    pub(crate) table: Table,
}

/// Writes the query `options` ask for, generated from `table`.
pub(crate) fn write(
    options: &QueryOptions,
    table: &StatusTable,
    out: &mut impl Write,
) -> io::Result<()> {
    match options.output {
        QueryOutput::SuppressList => lists::write(Action::SuppressNumber, options, table, out),
        QueryOutput::RetryList => lists::write(Action::RetryLater, options, table, out),
        QueryOutput::Report => report::write(options, table, out),
    }
}
