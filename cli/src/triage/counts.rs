//! Row and message counts: how many rows were read, which status codes
//! they carried, and each message's fate. Each reading thread keeps its
//! own, and they are added up at the end.

use mobileconnect_status::SmsStatus;

use super::fate::Fate;
use super::fate_counts::FateCounts;

#[derive(Debug, Default)]
pub(crate) struct Counts {
    /// Every message, by its fate.
    pub(crate) messages: FateCounts,
    /// Rows carrying each status code, for the codes the table lacks.
    pub(crate) row_codes: FateCounts,
    /// Rows read, bad ones included.
    pub(crate) rows: u64,
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

    #[inline]
    pub(crate) fn message(&mut self, fate: Fate) {
        self.messages.add(fate, 1);
    }

    /// Adds another thread's counts.
    pub(crate) fn absorb(&mut self, other: &Self) {
        self.messages.absorb(&other.messages);
        self.row_codes.absorb(&other.row_codes);
        self.rows += other.rows;
    }
}
