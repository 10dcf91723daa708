//! Rows that cannot be counted, and inputs that fail part way: each one is
//! counted exactly, so the report and the exit code show it, and the first
//! few of each input are said on stderr with file and line. A flood of bad
//! rows (an export whose code column is blank throughout) ends in one line,
//! "… and N more bad rows in FILE", not in half a million.

use std::fmt::Display;

use crate::progress;

/// Bad-row messages shown per input unless `--max-errors` says otherwise.
pub(crate) const DEFAULT_SHOWN: u64 = 20;

#[derive(Debug)]
pub(crate) struct BadRows {
    /// Messages shown per input; `None` shows all.
    shown_per_input: Option<u64>,
    count: u64,
    inputs: u64,
    /// Bad rows of the input being read, the messages to show for the
    /// first of them, and why it failed part way, if it did.
    in_input: u64,
    messages: Vec<String>,
    failures: Vec<String>,
}

impl BadRows {
    /// `shown_per_input`: how many messages to show for each input; `None`
    /// for all of them.
    pub(crate) fn new(shown_per_input: Option<u64>) -> Self {
        Self {
            shown_per_input,
            count: 0,
            inputs: 0,
            in_input: 0,
            messages: Vec::new(),
            failures: Vec::new(),
        }
    }

    pub(crate) fn report(&mut self, file: &str, line: u64, problem: impl Display) {
        self.count += 1;
        self.in_input += 1;
        if self.has_room() {
            self.messages.push(format!("{file}:{line}: {problem}"));
        }
    }

    fn has_room(&self) -> bool {
        self.shown_per_input
            .is_none_or(|shown| (self.messages.len() as u64) < shown)
    }

    /// An empty counter with the same limit, for another reader's share.
    pub(crate) fn fresh(&self) -> Self {
        Self::new(self.shown_per_input)
    }

    /// Adds another reader's bad rows of the same input, found after this
    /// one's.
    pub(crate) fn absorb(&mut self, other: Self) {
        self.count += other.count;
        self.inputs += other.inputs;
        self.in_input += other.in_input;
        for message in other.messages {
            if !self.has_room() {
                break;
            }
            self.messages.push(message);
        }
        self.failures.extend(other.failures);
    }

    /// An input that could not be read to its end; `problem` names it.
    pub(crate) fn report_input(&mut self, problem: impl Display) {
        self.inputs += 1;
        self.failures.push(format!(
            "sms-status: {problem}; the rest of that input is not counted"
        ));
    }

    /// Says the input's messages on stderr, then how many more there were.
    pub(crate) fn end_input(&mut self, file: &str) {
        let more = self.in_input - self.messages.len() as u64;
        for message in self.messages.drain(..).chain(self.failures.drain(..)) {
            progress::interrupt(message);
        }
        if more > 0 {
            let rows = if more == 1 { "bad row" } else { "bad rows" };
            progress::interrupt(format_args!(
                "… and {more} more {rows} in {file} (--max-errors 0 shows all)"
            ));
        }
        self.in_input = 0;
    }

    pub(crate) fn count(&self) -> u64 {
        self.count
    }

    pub(crate) fn inputs(&self) -> u64 {
        self.inputs
    }
}
