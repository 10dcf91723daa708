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
/// Exit code 1 when any bad row was seen, so scripts notice.
pub(crate) fn run(options: &TriageOptions, out: &mut impl Write) -> Result<ExitCode, Fatal> {
    let columns = Columns {
        code: options.code_column.as_deref(),
        number: options.number_column.as_deref(),
    };
    let mut tally = Tally::default();
    for input in &options.inputs {
        let mut source = Source::open(input)?;
        match source.kind()? {
            Kind::Csv => csv_input::read(source, &columns, &mut tally)?,
            Kind::Json => json_input::read(source, &mut tally)?,
        }
    }
    if let Some(path) = &options.suppress_list {
        lists::write(&tally, Action::SuppressNumber, path)?;
    }
    if let Some(path) = &options.retry_list {
        lists::write(&tally, Action::RetryLater, path)?;
    }
    let summary = Summary::of(&tally, options.inputs.len());
    match options.format {
        ReportFormat::Text => report_text::write(&summary, out),
        ReportFormat::Json => report_json::write(&summary, out),
    }
    .map_err(Fatal::stdout)?;
    Ok(if summary.bad_rows > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
