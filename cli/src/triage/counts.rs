//! Row and message counts: how many rows were read, which status codes
//! they carried, and each message's fate, in all and per day. Each reading
//! thread keeps its own, and they are added up at the end.

use mobileconnect_status::SmsStatus;

use super::days::Days;
use super::fate::Fate;
use super::fate_counts::FateCounts;
use super::instant::Instant;

#[derive(Debug, Default)]
pub(crate) struct Counts {
    /// Every message, by its fate.
    pub(crate) messages: FateCounts,
    /// Rows carrying each status code, for the codes the table lacks.
    pub(crate) row_codes: FateCounts,
    /// Rows read, bad ones included.
    pub(crate) rows: u64,
    /// Messages per day, for the report's chart over time.
    pub(crate) days: Days,
    /// Lines equal to the header met again after it, as when extracts are
    /// joined into one file: skipped, not rows.
    pub(crate) repeated_headers: u64,
}

impl Counts {
    /// A row read; `status` is the status code it carried, if any.
    #[inline]
    pub(crate) fn row(&mut self, status: Option<SmsStatus>) {
        self.rows += 1;
        if let Some(status) = status {
            self.row_codes.add(Fate::status(status), 1);
        }
    }

    /// A message, sent at `time` if the input says.
    #[inline]
    pub(crate) fn message(&mut self, fate: Fate, time: Option<Instant>) {
        self.messages.add(fate, 1);
        self.days.record(time, fate);
    }

    /// Adds another thread's counts.
    pub(crate) fn absorb(&mut self, other: &Self) {
        self.messages.absorb(&other.messages);
        self.row_codes.absorb(&other.row_codes);
        self.rows += other.rows;
        self.repeated_headers += other.repeated_headers;
        self.days.absorb(&other.days);
    }
}
