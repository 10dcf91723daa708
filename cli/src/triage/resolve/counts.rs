//! Row and message counts: how many rows were read and which status codes
//! they carried, as they are read; and each message's fate, in all and per
//! day, once each message is whole. Each reading or resolving thread keeps
//! its own, and they are added up.

use mobileconnect_status::SmsStatus;

use super::days::Days;
use super::fate::Fate;
use super::fate_counts::FateCounts;
use crate::status_table::StatusTable;
use crate::triage::read::values::instant::Instant;

/// What the rows of the inputs held, counted as they are read.
#[derive(Debug, Default)]
pub(crate) struct RowCounts {
    /// Rows read, bad ones included.
    pub(crate) rows: u64,
    /// Rows carrying each status code, for the codes the table lacks.
    pub(crate) codes: FateCounts,
    /// Lines equal to the header met again inside an extract, as when
    /// extracts are joined into one file: skipped, not rows.
    pub(crate) repeated_headers: u64,
}

impl RowCounts {
    /// A row read; `status` is the status code it carried, if any.
    #[inline]
    pub(crate) fn row(&mut self, status: Option<SmsStatus>) {
        self.rows += 1;
        if let Some(status) = status {
            self.codes.add(Fate::status(status), 1);
        }
    }

    /// Adds another reader's counts.
    pub(crate) fn absorb(&mut self, other: &Self) {
        self.rows += other.rows;
        self.codes.absorb(&other.codes);
        self.repeated_headers += other.repeated_headers;
    }
}

/// Every message once, by its fate: in all, and per day for the report's
/// chart over time.
#[derive(Debug, Default)]
pub(crate) struct MessageCounts {
    pub(crate) fates: FateCounts,
    pub(crate) days: Days,
}

impl MessageCounts {
    /// A message, sent at `time` if the input says; `table` classifies
    /// its fate for the days' counts.
    #[inline]
    pub(crate) fn message(&mut self, fate: Fate, time: Option<Instant>, table: &StatusTable) {
        self.fates.add(fate, 1);
        self.days.record(time, fate, table);
    }

    /// Adds another thread's counts.
    pub(crate) fn absorb(&mut self, other: &Self) {
        self.fates.absorb(&other.fates);
        self.days.absorb(&other.days);
    }
}
