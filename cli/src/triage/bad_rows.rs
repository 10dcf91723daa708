//! Rows that cannot be counted: each one said on stderr with its file and
//! line, and counted so the report and the exit code show it. Inputs that
//! fail part way are said and counted too.

use std::fmt::Display;

use crate::progress;

#[derive(Debug, Default)]
pub(super) struct BadRows {
    count: u64,
    inputs: u64,
}

impl BadRows {
    pub(super) fn report(&mut self, file: &str, line: u64, problem: impl Display) {
        self.count += 1;
        progress::interrupt(format_args!("{file}:{line}: {problem}"));
    }

    /// An input that could not be read to its end; `problem` names it.
    pub(super) fn report_input(&mut self, problem: impl Display) {
        self.inputs += 1;
        progress::interrupt(format_args!(
            "sms-status: {problem}; the rest of that input is not counted"
        ));
    }

    /// Adds rows another counter already reported.
    pub(super) fn absorb(&mut self, other: &BadRows) {
        self.count += other.count;
        self.inputs += other.inputs;
    }

    pub(super) fn count(&self) -> u64 {
        self.count
    }

    pub(super) fn inputs(&self) -> u64 {
        self.inputs
    }
}
