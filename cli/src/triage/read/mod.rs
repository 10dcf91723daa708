//! Reading triage's inputs into a [`Sink`]: the first of triage's three
//! layers (read, resolve, report). A reader knows how its data is written
//! and nothing of what becomes of it.
//!
//! ```text
//! Input ─ source ─▶ bytes: a file or standard input, inflated if gzip, or
//!                   each file of a zip archive (compressed)
//!                ─▶ text: UTF-8, or UTF-16 decoded (utf16); its kind told
//!                   by its first character
//!   CSV  ─ csv/  ─▶ dialect and header, records (scan), the slash dates'
//!                   order, each row's fields read as values ─┐
//!   JSON ─ json/ ─▶ layout (documents or lines), each item ──┼─▶ Sink
//!                   read by core's payload types             │
//!   values/: times, mobile numbers, country codes ───────────┘
//! ```
//!
//! A status is read as core reads a code, whatever table lists it; one
//! written as a name is read with the status table in use.
//!
//! The sink hears of every row (good or bad), every message of a number,
//! every event of a message and every bad row with its file and line. A
//! large extract is read on several threads, each into a part of the sink
//! that the sink absorbs in file order (see `csv/parallel.rs`).

mod compressed;
mod csv;
mod json;
mod options;
mod sink;
mod source;
mod utf16;
pub(crate) mod values;

pub(crate) use csv::parse_delimiter;
pub(crate) use options::ReadOptions;
pub(crate) use sink::{Event, InputRead, Message, Sink};
pub(crate) use source::Input;
use source::{Kind, Source};

use crate::status_table::StatusTable;

/// Reads `events`, JSON text such as a receiver stores, into `sink` as an
/// input named `name`, statuses' names as `statuses` names them: what the
/// text held, and the text's own reading failure, if any, as a bad row at
/// its end.
#[cfg(feature = "serve")]
pub(crate) fn read_json<S: Sink>(
    events: impl std::io::Read + Send + 'static,
    name: &str,
    statuses: &StatusTable,
    sink: &mut S,
) -> InputRead {
    let source = Source::of_text(name, Box::new(events));
    if let Err(failure) = json::read(source, None, statuses, sink) {
        sink.bad_row(name, 0, failure);
    }
    sink.end_input(name)
}

/// Reads every input into `sink`, each file of an archive as an input of
/// its own, a status written as a name read as `statuses` names it; the
/// first input that fails stops the reading. An input fails
/// when it cannot be read as an input at all (it is empty or not text, its
/// header lacks a column), when reading it fails part way, or when it has
/// rows and not one of them could be counted: a list made without it would
/// silently miss its people. A run in which no input has a single row
/// (headers alone, `[]`) fails too: it is an export that went wrong far
/// more often than a send to no one, and its empty lists would replace
/// good ones.
pub(crate) fn read_all<S: Sink>(
    inputs: &[Input],
    options: &ReadOptions,
    statuses: &StatusTable,
    sink: &mut S,
) -> Result<Vec<InputRead>, String> {
    let mut read = Vec::with_capacity(inputs.len());
    for input in inputs {
        for (kind, source) in Source::open(input)? {
            let name = source.name.clone();
            let result = match kind {
                Kind::Csv => csv::read(source, options, statuses, sink),
                Kind::Json => json::read(source, options.country, statuses, sink),
            };
            let input = sink.end_input(&name);
            result?;
            if input.rows > 0 && input.bad_rows == input.rows {
                return Err(format!(
                    "{name}: not one of its {} could be counted (each is a bad row, named above)",
                    if input.rows == 1 {
                        "1 row".to_owned()
                    } else {
                        format!("{} rows", input.rows)
                    }
                ));
            }
            read.push(input);
        }
    }
    if read.iter().all(|input| input.rows == 0) {
        let names: Vec<String> = inputs.iter().map(Input::name).collect();
        return Err(format!(
            "{}: no rows to triage, only {}",
            names.join(", "),
            if names.len() == 1 {
                "a header or an empty list"
            } else {
                "headers or empty lists"
            }
        ));
    }
    Ok(read)
}
