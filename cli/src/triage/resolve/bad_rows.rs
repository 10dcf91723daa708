//! Rows that cannot be counted: each one is counted exactly, so the report
//! and the exit code show it, and the first few of each input are said on
//! stderr with file and line. A flood of bad
//! rows (an export whose code column is blank throughout) ends in one line,
//! "… and N more bad rows in FILE", not in half a million.
//!
//! A reader that reads an input in order says its messages as it finds
//! them. The threads that read parts of a large file keep theirs, up to the
//! limit, to be said in file order once all are done.

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
    /// Whether messages are said as they are found, or kept.
    live: bool,
    /// Whether nothing is said at all: the rows are only counted, and the
    /// first few kept for the report.
    silent: bool,
    count: u64,
    /// Bad rows of the input being read; the messages said so far and
    /// those kept to say later.
    in_input: u64,
    said: u64,
    kept: Vec<String>,
    /// Copies of the input's first messages, for the report.
    examples: Vec<String>,
}

impl BadRows {
    /// Says messages as they are found. `shown_per_input`: how many to
    /// show for each input; `None` for all of them.
    pub(crate) fn new(shown_per_input: Option<u64>) -> Self {
        Self {
            shown_per_input,
            live: true,
            silent: false,
            count: 0,
            in_input: 0,
            said: 0,
            kept: Vec::new(),
            examples: Vec::new(),
        }
    }

    /// An empty counter with the same limit that keeps its messages, for a
    /// thread reading part of an input.
    pub(crate) fn kept(&self) -> Self {
        Self {
            live: false,
            ..Self::new(self.shown_per_input)
        }
    }

    /// Counts bad rows and keeps the first few for the report, saying
    /// nothing on stderr: for a receiver, whose stderr is a service log.
    #[cfg(feature = "serve")]
    pub(crate) fn silent() -> Self {
        Self {
            silent: true,
            ..Self::new(Some(0))
        }
    }

    /// Whether every message is to be shown, whatever their number.
    pub(crate) fn shows_all(&self) -> bool {
        self.shown_per_input.is_none()
    }

    pub(crate) fn report(&mut self, file: &str, line: u64, problem: impl Display) {
        self.count += 1;
        self.in_input += 1;
        let example = self.examples.len() < EXAMPLES;
        if !self.has_room() && !example {
            return;
        }
        let message = format!("{file}:{line}: {problem}");
        if example {
            self.examples.push(message.clone());
        }
        if !self.has_room() {
            return;
        }
        if self.live {
            self.said += 1;
            progress::interrupt(message);
        } else {
            self.kept.push(message);
        }
    }

    fn has_room(&self) -> bool {
        self.shown_per_input
            .is_none_or(|shown| self.said + (self.kept.len() as u64) < shown)
    }

    /// Adds another reader's bad rows of the same input, found after this
    /// one's.
    pub(crate) fn absorb(&mut self, other: Self) {
        self.count += other.count;
        self.in_input += other.in_input;
        self.said += other.said;
        let room = EXAMPLES.saturating_sub(self.examples.len());
        self.examples.extend(other.examples.into_iter().take(room));
        for message in other.kept {
            if !self.has_room() {
                break;
            }
            self.kept.push(message);
        }
    }

    /// Says the input's kept messages on stderr, then how many more bad
    /// rows there were. Returns the first few, for the report.
    pub(crate) fn end_input(&mut self, file: &str) -> Vec<String> {
        let more = if self.silent {
            0
        } else {
            self.in_input - self.said - self.kept.len() as u64
        };
        let examples = std::mem::take(&mut self.examples);
        for message in self.kept.drain(..) {
            progress::interrupt(message);
        }
        if more > 0 {
            let rows = if more == 1 { "bad row" } else { "bad rows" };
            progress::interrupt(format_args!(
                "… and {more} more {rows} in {file} (--max-errors 0 shows all)"
            ));
        }
        self.in_input = 0;
        self.said = 0;
        examples
    }

    pub(crate) fn count(&self) -> u64 {
        self.count
    }
}
