//! A table of the user's own (`--codes FILE`), as the build's reader
//! checked it: its rows with the words of its four columns turned into
//! core's values.

use mobileconnect_status::{Action, Finality, Outcome, Stage};
use mobileconnect_status_table as table;

use super::classification::Classification;
use super::row::Row;
use super::{Origin, StatusTable};

impl StatusTable {
    /// The table `checked` lists, read from `origin`, every code it does
    /// not list read as core reads an unlisted code.
    pub(crate) fn of_checked(origin: Origin, checked: &table::Table) -> Self {
        let rows = checked.rows().iter().map(|row| Row {
            code: row.code,
            name: row.name.as_str().into(),
            definition: row.definition.as_str().into(),
            note: row.note.as_ref().map(|note| note.as_str().into()),
            classification: Classification {
                stage: Some(stage(row.stage)),
                outcome: outcome(row.outcome),
                finality: finality(row.finality),
                action: action(row.action),
            },
        });
        Self::from_rows(Some(origin), rows.collect())
    }
}

// The table's words become the core variants of the same names, as the
// macro writes them (`variant()`); a test holds each pair together.

fn stage(stage: table::Stage) -> Stage {
    match stage {
        table::Stage::SendService => Stage::SendService,
        table::Stage::Aggregator => Stage::Aggregator,
        table::Stage::Carrier => Stage::Carrier,
        table::Stage::Handset => Stage::Handset,
    }
}

fn outcome(outcome: table::Outcome) -> Outcome {
    match outcome {
        table::Outcome::Pending => Outcome::Pending,
        table::Outcome::Delivered => Outcome::Delivered,
        table::Outcome::Failed => Outcome::Failed,
        table::Outcome::Unknown => Outcome::Unknown,
    }
}

fn finality(finality: table::Finality) -> Finality {
    match finality {
        table::Finality::Yes => Finality::Yes,
        table::Finality::No => Finality::No,
        table::Finality::SharedCodesOnly => Finality::SharedCodesOnly,
    }
}

fn action(action: table::Action) -> Action {
    match action {
        table::Action::Wait => Action::Wait,
        table::Action::None => Action::None,
        table::Action::RetryLater => Action::RetryLater,
        table::Action::SuppressNumber => Action::SuppressNumber,
        table::Action::Investigate => Action::Investigate,
    }
}
