//! `sms-status triage`: stream tracking extracts, REST deliveries and event
//! notifications, resolve each recipient's final status (the highest code
//! wins, across all inputs), and report what happened to the send.

mod bad_rows;
mod csv_input;
mod json_input;
mod lists;
mod number_key;
mod report_json;
mod report_text;
mod source;
mod summary;
mod tally;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::str::FromStr;

use mobileconnect_status::Action;

use crate::fatal::Fatal;
use csv_input::Columns;
use source::{Kind, Source};
use summary::Summary;
use tally::Tally;

/// A file to read, or standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    Stdin,
    File(PathBuf),
}

/// How the report is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum ReportFormat {
    #[default]
    Text,
    Json,
}

impl FromStr for ReportFormat {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "text" => Ok(Self::Text),
            "json" => Ok(Self::Json),
            _ => Err("expected text or json".to_owned()),
        }
    }
}

/// Everything `triage` was asked to do.
#[derive(Debug, Default)]
pub(crate) struct TriageOptions {
    pub(crate) inputs: Vec<Input>,
    pub(crate) code_column: Option<String>,
    pub(crate) number_column: Option<String>,
    pub(crate) suppress_list: Option<PathBuf>,
    pub(crate) retry_list: Option<PathBuf>,
    pub(crate) format: ReportFormat,
}

/// Reads every input, then writes the report and the lists asked for.
/// Exit code 1 when any bad row or any input that failed part way was
/// seen, so scripts notice; 2, before anything is read, when an input
/// cannot be opened.
pub(crate) fn run(options: &TriageOptions, out: &mut impl Write) -> Result<ExitCode, Fatal> {
    let columns = Columns {
        code: options.code_column.as_deref(),
        number: options.number_column.as_deref(),
    };
    // Every input must open before any is read: a typo in the last name
    // should not cost the time spent on the others, nor leave a report
    // that silently misses a file.
    for input in &options.inputs {
        input.check().map_err(Fatal::new)?;
    }
    let mut tally = Tally::default();
    for input in &options.inputs {
        // An input that fails once reading has begun (it vanished, it is
        // empty, its header lacks a column, a read failed) is reported and
        // counted as a bad input, and the other inputs are still triaged.
        let read = Source::open(input).and_then(|(kind, source)| match kind {
            Kind::Csv => csv_input::read(source, &columns, &mut tally),
            Kind::Json => json_input::read(source, &mut tally),
        });
        if let Err(failure) = read {
            tally.bad_input(failure);
        }
    }
    let lists = [
        (&options.suppress_list, Action::SuppressNumber),
        (&options.retry_list, Action::RetryLater),
    ];
    if lists.iter().any(|(path, _)| path.is_some()) {
        let final_by_number = tally.final_by_number();
        for (path, action) in lists {
            if let Some(path) = path {
                lists::write(&final_by_number, action, path)?;
            }
        }
    }
    let summary = Summary::of(&tally, options.inputs.len());
    match options.format {
        ReportFormat::Text => report_text::write(&summary, out),
        ReportFormat::Json => report_json::write(&summary, out),
    }
    .map_err(Fatal::stdout)?;
    Ok(if summary.bad_rows > 0 || summary.bad_inputs > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
