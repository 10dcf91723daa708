//! The built-in table: the one `mobileconnect-status` was generated from,
//! read through [`SmsStatus`].

use mobileconnect_status::SmsStatus;

use super::StatusTable;
use super::classification::Classification;
use super::row::Row;

impl StatusTable {
    /// The table the `mobileconnect-status` crate lists: what every
    /// command reads without `--codes`.
    pub(crate) fn built_in() -> Self {
        let rows = SmsStatus::ALL.iter().filter_map(|&status| {
            Some(Row {
                code: status.code(),
                name: status.name()?.into(),
                definition: status.definition()?.into(),
                note: status.note().map(Into::into),
                classification: Classification {
                    stage: status.stage(),
                    outcome: status.outcome(),
                    finality: status.finality(),
                    action: status.action(),
                },
            })
        });
        Self::from_rows(None, rows.collect())
    }
}
