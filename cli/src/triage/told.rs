//! What the readers tell a sink, item by item, for the test that holds
//! the command line's reading of JSON to core's payload types: both must
//! see the same code, kind, reason, number and time in each item.

use std::fmt::Display;
use std::path::PathBuf;

use mobileconnect_status::SmsStatus;
use mobileconnect_status::payload::EventStatus;

use super::read::values::instant::Instant;
use super::read::{Event, Input, InputRead, Message, ReadOptions, Sink, read_all};
use crate::status_table::StatusTable;

/// One thing a reader told its sink. Numbers are in the form the lists
/// write them; times are milliseconds since 1970 UTC.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Told {
    /// A row read, with the status code it carried.
    Row(Option<u16>),
    /// A message of a number.
    Message {
        /// The number, as the lists write it.
        number: String,
        /// When it was sent, if the input says.
        time: Option<i64>,
        /// Its status code.
        code: u16,
    },
    /// An event of a message.
    Event {
        /// The message's key.
        key: String,
        /// The recipient, as the lists write numbers, if the event names one.
        number: Option<String>,
        /// When it happened, if the event says.
        time: Option<i64>,
        /// What it says of its message.
        status: EventStatus,
        /// A not-sent reason's code as sent, and its words.
        reason: Option<(String, Option<String>)>,
    },
    /// A row that could not be counted.
    Bad {
        /// Where it is.
        line: u64,
        /// What is wrong with it.
        problem: String,
    },
}

/// A sink that writes down what it is told, in order, and counts each
/// input's rows as triage does (a run with none fails).
#[derive(Default)]
struct Recorder {
    told: Vec<Told>,
    /// Where the input being read starts in `told`.
    input_start: usize,
}

impl Sink for Recorder {
    type Part = Self;

    fn part(&self, _: u64) -> Self {
        Self::default()
    }

    fn part_done(&mut self) {}

    fn absorb(&mut self, part: Self) {
        self.told.extend(part.told);
    }

    fn shows_every_bad_row(&self) -> bool {
        true
    }

    fn row(&mut self, status: Option<SmsStatus>) {
        self.told.push(Told::Row(status.map(SmsStatus::code)));
    }

    fn message(&mut self, message: Message) {
        self.told.push(Told::Message {
            number: message.number.to_string(),
            time: message.time.map(Instant::unix_millis),
            code: message.status.code(),
        });
    }

    fn event(&mut self, event: &Event) {
        self.told.push(Told::Event {
            key: event.key.to_owned(),
            number: event.number.map(|number| number.to_string()),
            time: event.time.map(Instant::unix_millis),
            status: event.status,
            reason: event
                .reason
                .map(|(code, words)| (code.to_owned(), words.map(str::to_owned))),
        });
    }

    fn bad_row(&mut self, _: &str, line: u64, problem: impl Display) {
        self.told.push(Told::Bad {
            line,
            problem: problem.to_string(),
        });
    }

    fn repeated_header(&mut self) {}

    fn end_input(&mut self, name: &str) -> InputRead {
        let input = &self.told[self.input_start..];
        self.input_start = self.told.len();
        let bad_rows = input
            .iter()
            .filter(|told| matches!(told, Told::Bad { .. }))
            .count();
        let good_rows = input
            .iter()
            .filter(|told| matches!(told, Told::Row(_)))
            .count();
        InputRead {
            name: name.to_owned(),
            rows: (good_rows + bad_rows) as u64,
            bad_rows: bad_rows as u64,
            examples: Vec::new(),
        }
    }
}

/// Everything triage's readers tell of `path`, in order.
pub(crate) fn told(path: PathBuf) -> Result<Vec<Told>, String> {
    let mut recorder = Recorder::default();
    let statuses = StatusTable::built_in();
    read_all(
        &[Input::File(path)],
        &ReadOptions::default(),
        &statuses,
        &mut recorder,
    )?;
    Ok(recorder.told)
}
