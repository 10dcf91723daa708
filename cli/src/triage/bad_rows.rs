//! Rows that cannot be counted: each one said on stderr with its file and
//! line, and counted so the report and the exit code show it.

use std::fmt::Display;

#[derive(Debug, Default)]
pub(super) struct BadRows {
    count: u64,
}

impl BadRows {
    pub(super) fn report(&mut self, file: &str, line: u64, problem: impl Display) {
        self.count += 1;
        eprintln!("{file}:{line}: {problem}");
    }

    /// Adds rows another counter already reported.
    pub(super) fn absorb(&mut self, other: &BadRows) {
        self.count += other.count;
    }

    pub(super) fn count(&self) -> u64 {
        self.count
    }
}
