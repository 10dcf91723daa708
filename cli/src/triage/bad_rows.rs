//! Rows that cannot be counted, and inputs that fail part way: each one is
//! counted exactly, so the report and the exit code show it, and the first
//! few of each input are said on stderr with file and line. A flood of bad
//! rows (an export whose code column is blank throughout) ends in one line,
//! "… and N more bad rows in FILE", not in half a million.

use std::fmt::Display;

use crate::progress;

/// Bad-row messages shown per input unless `--max-errors` says otherwise.
pub(crate) const DEFAULT_SHOWN: u64 = 20;
/// Bad-row messages kept per input for the HTML report: a few examples,
/// however many were shown on stderr.
const EXAMPLES: usize = 5;

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
    /// Copies of the input's first messages, for the report.
    examples: Vec<String>,
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
            examples: Vec::new(),
        }
    }

    pub(crate) fn report(&mut self, file: &str, line: u64, problem: impl Display) {
        self.count += 1;
        self.in_input += 1;
        let example = self.examples.len() < EXAMPLES;
        if self.has_room() || example {
            let message = format!("{file}:{line}: {problem}");
            if example {
                self.examples.push(message.clone());
            }
            if self.has_room() {
                self.messages.push(message);
            }
        }
    }

    fn has_room(&self) -> bool {
        self.shown_per_input
            .is_none_or(|shown| (self.messages.len() as u64) < shown)
    }

    /// An input that could not be read to its end; `problem` names it.
    pub(crate) fn report_input(&mut self, problem: impl Display) {
        self.inputs += 1;
        self.failures.push(format!(
            "sms-status: {problem}; the rest of that input is not counted"
        ));
    }

    /// Says the input's messages on stderr, then how many more there were.
    /// Returns the first few, and why the input failed if it did, for the
    /// report.
    pub(crate) fn end_input(&mut self, file: &str) -> Vec<String> {
        let more = self.in_input - self.messages.len() as u64;
        let mut examples = std::mem::take(&mut self.examples);
        examples.extend(self.failures.iter().cloned());
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
        examples
    }

    pub(crate) fn count(&self) -> u64 {
        self.count
    }

    pub(crate) fn inputs(&self) -> u64 {
        self.inputs
    }
}
