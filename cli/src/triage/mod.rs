//! `sms-status triage`: stream tracking extracts, REST deliveries and event
//! notifications; resolve each message to its highest code and each mobile
//! number to its newest message; report what happened to the send.

mod bad_rows;
mod by_message;
mod by_number;
mod compressed;
mod country_codes;
mod counts;
mod csv_header;
mod csv_input;
#[cfg(unix)]
mod csv_parallel;
mod csv_read;
mod csv_row;
mod csv_scan;
mod date_order;
mod days;
pub(crate) mod decimal;
mod fate;
mod fate_counts;
mod funnel;
mod instant;
mod json_input;
mod lists;
mod mobile_number;
mod reasons;
pub(crate) mod report_html;
mod report_json;
mod report_text;
mod source;
mod summary;
mod tally;
mod utf16;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::str::FromStr;

use mobileconnect_status::{Action, CodeKind};

use crate::fatal::Fatal;
use crate::file_identity::FileIdentity;
use crate::{output, progress};
pub(crate) use bad_rows::DEFAULT_SHOWN;
pub(crate) use country_codes::CountryCode;
pub(crate) use csv_header::parse_delimiter;
pub(crate) use csv_input::CsvOptions;
use source::{Kind, Source};
use summary::{InputSummary, Summary};
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
#[derive(Debug)]
pub(crate) struct TriageOptions {
    pub(crate) inputs: Vec<Input>,
    pub(crate) csv: CsvOptions,
    pub(crate) code_kind: CodeKind,
    pub(crate) suppress_list: Option<PathBuf>,
    pub(crate) retry_list: Option<PathBuf>,
    /// Where to write the report as an HTML page, besides the report on
    /// standard output.
    pub(crate) html: Option<PathBuf>,
    pub(crate) format: ReportFormat,
    /// Bad-row messages shown per input; `None` shows all.
    pub(crate) max_errors: Option<u64>,
}

impl Default for TriageOptions {
    fn default() -> Self {
        Self {
            inputs: Vec::new(),
            csv: CsvOptions::default(),
            code_kind: CodeKind::Dedicated,
            suppress_list: None,
            retry_list: None,
            html: None,
            format: ReportFormat::default(),
            max_errors: Some(DEFAULT_SHOWN),
        }
    }
}

/// Reads every input, then writes the lists asked for and the report.
/// Exit code 1 when any bad row was seen, so scripts notice. An error (exit
/// code 2) replaces no output: an input or output checked before reading,
/// or an input of which nothing could be counted.
pub(crate) fn run(options: &TriageOptions, out: &mut impl Write) -> Result<ExitCode, Fatal> {
    // Every input must open, and every output be writable and no input,
    // before any input is read: a typo in the last name should not cost
    // the time spent on the others, nor leave a report that silently
    // misses a file, and a list must never overwrite an extract.
    for input in &options.inputs {
        input.check().map_err(Fatal::new)?;
    }
    let inputs = read_once(&options.inputs);
    let files: Vec<(String, FileIdentity)> = inputs
        .iter()
        .filter_map(|input| Some((input.name(), input.identity()?)))
        .collect();
    let lists = [
        (
            "--suppress-list",
            &options.suppress_list,
            Action::SuppressNumber,
        ),
        ("--retry-list", &options.retry_list, Action::RetryLater),
    ];
    let mut requested: Vec<output::Requested> = lists
        .iter()
        .filter_map(|&(option, path, _)| {
            Some(output::Requested {
                option,
                path: path.clone()?,
            })
        })
        .collect();
    if let Some(path) = &options.html {
        requested.push(output::Requested {
            option: "--html",
            path: path.clone(),
        });
    }
    let mut staged = output::stage(&requested, &files)?;

    let mut tally = Tally::new(options.max_errors);
    // An input that fails stops the run, and dropping the staged outputs
    // removes their temporary files: no list or page is replaced by one
    // that misses that input's people.
    let summaries = read_all(&inputs, options, &mut tally).map_err(|failure| {
        Fatal::new(format!(
            "{failure}; nothing was written: the lists and the page are as they were"
        ))
    })?;
    tally.finish();

    let actions = lists
        .iter()
        .filter(|(_, path, _)| path.is_some())
        .map(|&(.., action)| action);
    for (list, action) in staged.iter_mut().zip(actions) {
        lists::write(tally.by_number(), action, options.code_kind, list.writer())
            .map_err(|error| Fatal::new(format!("cannot write the {action} list: {error}")))?;
    }
    let summary = Summary::of(&tally, summaries, options.code_kind);
    if let (Some(path), Some(page)) = (&options.html, staged.last_mut()) {
        let link =
            |list: &Option<PathBuf>| list.as_ref().and_then(|list| report_html::href(path, list));
        let links = report_html::ListLinks {
            suppress: link(&options.suppress_list),
            retry: link(&options.retry_list),
        };
        report_html::write(&summary, &links, page.writer())
            .map_err(|error| Fatal::new(format!("cannot write the HTML report: {error}")))?;
    }
    output::commit(staged)?;

    let written = match options.format {
        ReportFormat::Text => report_text::write(&summary, out),
        ReportFormat::Json => report_json::write(&summary, out),
    };
    let code = if summary.bad_rows > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    written.map_err(Fatal::stdout)?;
    Ok(code)
}

/// The inputs with each file once: a file named twice (also as `./x`,
/// through a link, or as standard input redirected from it) would count
/// its rows twice. Each repeat is said on stderr.
fn read_once(inputs: &[Input]) -> Vec<Input> {
    let mut seen: Vec<(FileIdentity, String)> = Vec::new();
    let mut once = Vec::with_capacity(inputs.len());
    for input in inputs {
        if let Some(identity) = input.identity() {
            if let Some((_, first)) = seen.iter().find(|(seen, _)| *seen == identity) {
                progress::interrupt(format_args!(
                    "sms-status: {} is the same file as {first}: it is read once",
                    input.name()
                ));
                continue;
            }
            seen.push((identity, input.name()));
        }
        once.push(input.clone());
    }
    once
}

/// Reads every input into the tally, each file of an archive as an input
/// of its own; the first that fails stops the reading.
pub(crate) fn read_all(
    inputs: &[Input],
    options: &TriageOptions,
    tally: &mut Tally,
) -> Result<Vec<InputSummary>, String> {
    let mut summaries = Vec::with_capacity(inputs.len());
    for input in inputs {
        for (kind, source) in Source::open(input)? {
            summaries.push(read(kind, source, options, tally)?);
        }
    }
    Ok(summaries)
}

/// Reads one input (a file, or a file of an archive) into the tally. An
/// input fails when it cannot be read as an input at all (it is empty or
/// not text, its header lacks a column), when reading it fails part way,
/// or when it has rows and not one of them could be counted: a list made
/// without it would silently miss its people.
fn read(
    kind: Kind,
    source: Source,
    options: &TriageOptions,
    tally: &mut Tally,
) -> Result<InputSummary, String> {
    let name = source.name.clone();
    let (rows, bad_rows) = (tally.rows(), tally.bad().count());
    let read = match kind {
        Kind::Csv => csv_input::read(source, &options.csv, tally),
        Kind::Json => json_input::read(source, options.csv.country, tally),
    };
    let examples = tally.bad_rows_mut().end_input(&name);
    read?;
    let summary = InputSummary {
        rows: tally.rows() - rows,
        bad_rows: tally.bad().count() - bad_rows,
        name,
        examples,
    };
    if summary.rows > 0 && summary.bad_rows == summary.rows {
        return Err(format!(
            "{}: not one of its {} could be counted (each is a bad row, named above)",
            summary.name,
            report_text::plural(summary.rows, "row", "rows")
        ));
    }
    Ok(summary)
}
