//! `sms-status triage`: stream tracking extracts, REST deliveries and event
//! notifications; resolve each message to its highest code and each mobile
//! number to its newest message; report what happened to the send.

mod bad_rows;
mod by_number;
mod counts;
mod csv_header;
mod csv_input;
#[cfg(unix)]
mod csv_parallel;
mod csv_read;
mod csv_row;
mod csv_scan;
mod days;
mod decimal;
mod fate;
mod fate_counts;
mod funnel;
mod instant;
mod json_input;
mod lists;
mod mobile_number;
mod reasons;
mod report_html;
mod report_json;
mod report_text;
mod source;
mod summary;
mod tally;
mod utf16;

use std::io::Write;
#[cfg(feature = "serve")]
use std::io::{self, BufReader, Cursor, Read};
use std::path::PathBuf;
use std::process::ExitCode;
use std::str::FromStr;

use mobileconnect_status::{Action, CodeKind};

use crate::fatal::Fatal;
use crate::file_identity::FileIdentity;
use crate::{output, progress};
pub(crate) use bad_rows::DEFAULT_SHOWN;
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
/// Exit code 1 when any bad row or any input that failed part way was
/// seen, so scripts notice; 2, before anything is read, when an input
/// cannot be opened or an output cannot be written.
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
    let mut summaries = Vec::with_capacity(inputs.len());
    for input in &inputs {
        summaries.push(read(input, options, &mut tally));
    }
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
    let code = if summary.bad_rows > 0 || summary.bad_inputs > 0 {
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

/// Reads one input into the tally. An input that fails once reading has
/// begun (it vanished, it is empty, its header lacks a column, a read
/// failed) is reported and counted as a bad input, and the other inputs
/// are still triaged.
fn read(input: &Input, options: &TriageOptions, tally: &mut Tally) -> InputSummary {
    let name = input.name();
    let (rows, bad_rows) = (tally.rows(), tally.bad().count());
    let read = Source::open(input).and_then(|(kind, source)| match kind {
        Kind::Csv => csv_input::read(source, &options.csv, tally),
        Kind::Json => json_input::read(source, tally),
    });
    let complete = read.is_ok();
    if let Err(failure) = read {
        if tally.rows() > rows {
            tally.bad_input(format_args!(
                "{failure}; its rows before that are counted, the rest are not"
            ));
        } else {
            tally.bad_input(format_args!("{failure}; nothing of it is counted"));
        }
    }
    let examples = tally.bad_rows_mut().end_input(&name);
    InputSummary {
        rows: tally.rows() - rows,
        bad_rows: tally.bad().count() - bad_rows,
        complete,
        name,
        examples,
    }
}

/// What triage finds in events stored as JSON Lines (one event a line),
/// ready to be written as its lists and reports.
#[cfg(feature = "serve")]
pub(crate) struct Resolved {
    tally: Tally,
    summary: Summary,
}

/// Triage of `events`, JSON Lines text read as an input named `name`
/// would be: `sms-status serve` answers with exactly what
/// `sms-status triage NAME` prints and writes for the same lines. Bad
/// rows count in the report without being said on stderr; only the usual
/// "… and N more" line is.
#[cfg(feature = "serve")]
pub(crate) fn resolve_json_lines(
    events: impl Read + Send + 'static,
    name: &str,
    code_kind: CodeKind,
) -> Resolved {
    let mut tally = Tally::new(Some(0));
    let source = Source {
        name: name.to_owned(),
        reader: BufReader::new(Cursor::new(Vec::new()).chain(Box::new(events))),
        file: None,
    };
    let read = json_input::read(source, &mut tally);
    let complete = read.is_ok();
    if let Err(failure) = read {
        tally.bad_input(format_args!(
            "{failure}; its rows before that are counted, the rest are not"
        ));
    }
    let examples = tally.bad_rows_mut().end_input(name);
    let input = InputSummary {
        rows: tally.rows(),
        bad_rows: tally.bad().count(),
        complete,
        name: name.to_owned(),
        examples,
    };
    tally.finish();
    let summary = Summary::of(&tally, vec![input], code_kind);
    Resolved { tally, summary }
}

#[cfg(feature = "serve")]
impl Resolved {
    /// The list of numbers whose status calls for `action`, as
    /// `--suppress-list` or `--retry-list` writes it.
    pub(crate) fn write_list(&self, action: Action, out: &mut impl Write) -> io::Result<()> {
        lists::write(self.tally.by_number(), action, self.summary.code_kind, out)
    }

    /// The report as `--format json` prints it.
    pub(crate) fn write_json(&self, out: &mut impl Write) -> io::Result<()> {
        report_json::write(&self.summary, out)
    }

    /// The page `--html` writes, linking to the lists at these addresses
    /// relative to the page.
    pub(crate) fn write_html(
        &self,
        suppress: Option<String>,
        retry: Option<String>,
        out: &mut impl Write,
    ) -> io::Result<()> {
        let links = report_html::ListLinks { suppress, retry };
        report_html::write(&self.summary, &links, out)
    }
}
