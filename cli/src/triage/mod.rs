//! `sms-status triage`: stream tracking extracts, REST deliveries and event
//! notifications; resolve each message to its highest code and each mobile
//! number to its newest message; report what happened to the send.
//!
//! Three layers, each calling only the next:
//!
//! ```text
//! inputs ──read──▶ rows, messages, events, bad rows ──▶ Sink
//!                  (files, archives, CSV dialects, JSON layouts, values)
//! Sink = resolve::Tally ──finish──▶ Resolved: each number's record, every
//!                  message counted once, rows, bad rows, reasons
//! Resolved ──report──▶ Summary ──▶ text or JSON on standard output, the
//!                  HTML page; the suppress and retry lists
//! ```
//!
//! Statuses travel as `SmsStatus` values, which keep any code; every name,
//! definition and classification comes from the status table in use
//! (`crate::status_table`), which the readers read names with, the
//! resolver counts days by and the report holds.
//!
//! `run` checks every input and output first, then reads everything into
//! the tally, then writes the outputs to temporary files and puts them in
//! place together (see `crate::output`). An input that cannot be counted
//! stops the run before any output is replaced.

pub(crate) mod at_scale;
mod options;
pub(crate) mod read;
mod report;
mod resolve;
pub(crate) mod told;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use mobileconnect_status::Action;

use crate::fatal::Fatal;
use crate::file_identity::FileIdentity;
use crate::status_table::StatusTable;
use crate::{output, progress};
pub(crate) use options::{Outputs, ReportFormat, TriageOptions};
use read::read_all;
pub(crate) use read::values::country_codes::CountryCode;
pub(crate) use read::{Input, parse_delimiter};
use report::html::{self as report_html, ListLinks};
use report::summary::Summary;
use report::{json as report_json, lists, text as report_text};
use resolve::Tally;

/// Reads every input, then writes the lists asked for and the report,
/// every status read, named and classified with `table`. Exit code 1 when
/// any bad row was seen, so scripts notice. An error (exit code 2) replaces
/// no output: an input or output checked before reading, or an input of
/// which nothing could be counted.
pub(crate) fn run(
    options: &TriageOptions,
    table: &StatusTable,
    out: &mut impl Write,
) -> Result<ExitCode, Fatal> {
    // Every input must open, and every output be writable and no input,
    // before any input is read: a typo in the last name should not cost
    // the time spent on the others, nor leave a report that silently
    // misses a file, and a list must never overwrite an extract.
    for input in &options.inputs {
        input.check().map_err(Fatal::new)?;
    }
    let inputs = read_once(&options.inputs);
    let mut files: Vec<(String, FileIdentity)> = inputs
        .iter()
        .filter_map(|input| Some((input.name(), input.identity()?)))
        .collect();
    // The status table is read too, and as much the user's file.
    if let Some(origin) = table.origin() {
        if let Some(identity) = FileIdentity::of(&origin.path) {
            let name = format!(
                "{} (the status table {} names)",
                origin.shown, origin.named_by
            );
            files.push((name, identity));
        }
    }
    let mut staged = stage(&options.outputs, &files)?;

    let mut tally = Tally::new(options.max_errors, options.read.threads);
    // An input that fails stops the run, and dropping the staged outputs
    // removes their temporary files: no list or page is replaced by one
    // that misses that input's people.
    let read = read_all(&inputs, &options.read, table, &mut tally).map_err(|failure| {
        Fatal::new(format!(
            "{failure}; nothing was written: the lists and the page are as they were"
        ))
    })?;
    let resolved = tally.finish(table);

    let lists = [
        (&mut staged.suppress, Action::SuppressNumber),
        (&mut staged.retry, Action::RetryLater),
    ];
    for (list, action) in lists {
        if let Some(list) = list {
            lists::write(
                &resolved.numbers,
                action,
                table,
                options.code_kind,
                list.writer(),
            )
            .map_err(|error| Fatal::new(format!("cannot write the {action} list: {error}")))?;
        }
    }
    let summary = Summary::of(&resolved, read, table.clone(), options.code_kind);
    if let (Some(path), Some(page)) = (&options.outputs.html, &mut staged.html) {
        let link =
            |list: &Option<PathBuf>| list.as_ref().and_then(|list| report_html::href(path, list));
        let links = ListLinks {
            suppress: link(&options.outputs.suppress),
            retry: link(&options.outputs.retry),
        };
        report_html::write(&summary, &links, page.writer())
            .map_err(|error| Fatal::new(format!("cannot write the HTML report: {error}")))?;
    }
    output::commit(
        [staged.suppress, staged.retry, staged.html]
            .into_iter()
            .flatten()
            .collect(),
    )?;

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

/// The options that name the outputs.
const SUPPRESS: &str = "--suppress-list";
const RETRY: &str = "--retry-list";
const HTML: &str = "--html";

/// Checks every output asked for against the inputs and each other, and
/// opens its temporary file; each comes back under the option that named
/// it.
fn stage(
    asked: &Outputs<PathBuf>,
    inputs: &[(String, FileIdentity)],
) -> Result<Outputs<output::Staged>, Fatal> {
    let requested: Vec<output::Requested> = [
        (SUPPRESS, &asked.suppress),
        (RETRY, &asked.retry),
        (HTML, &asked.html),
    ]
    .into_iter()
    .filter_map(|(option, path)| {
        Some(output::Requested {
            option,
            path: path.clone()?,
        })
    })
    .collect();
    let mut staged = output::stage(&requested, inputs)?;
    let mut take = |option: &str| {
        let at = staged.iter().position(|staged| staged.option() == option)?;
        Some(staged.swap_remove(at))
    };
    Ok(Outputs {
        suppress: take(SUPPRESS),
        retry: take(RETRY),
        html: take(HTML),
    })
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

/// What triage finds in events stored as JSON Lines (one event a line),
/// ready to be written as its lists and reports.
#[cfg(feature = "serve")]
pub(crate) struct Triaged {
    resolved: resolve::Resolved,
    summary: Summary,
}

/// Triage of `events`, JSON Lines text read as an input named `name`
/// would be, with `table`: `sms-status serve` answers with exactly what
/// `sms-status triage NAME` prints and writes for the same lines. Bad
/// rows count in the report without being said on stderr.
#[cfg(feature = "serve")]
pub(crate) fn resolve_json_lines(
    events: impl std::io::Read + Send + 'static,
    name: &str,
    table: &StatusTable,
    code_kind: mobileconnect_status::CodeKind,
) -> Triaged {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let mut tally = Tally::silent(threads);
    let input = read::read_json(events, name, table, &mut tally);
    let resolved = tally.finish(table);
    let summary = Summary::of(&resolved, vec![input], table.clone(), code_kind);
    Triaged { resolved, summary }
}

#[cfg(feature = "serve")]
impl Triaged {
    /// The list of numbers whose status calls for `action`, as
    /// `--suppress-list` or `--retry-list` writes it.
    pub(crate) fn write_list(&self, action: Action, out: &mut impl Write) -> std::io::Result<()> {
        let Summary {
            table, code_kind, ..
        } = &self.summary;
        lists::write(&self.resolved.numbers, action, table, *code_kind, out)
    }

    /// The report as `--format json` prints it.
    pub(crate) fn write_json(&self, out: &mut impl Write) -> std::io::Result<()> {
        report_json::write(&self.summary, out)
    }

    /// The page `--html` writes, linking to the lists at these addresses
    /// relative to the page.
    pub(crate) fn write_html(
        &self,
        suppress: Option<String>,
        retry: Option<String>,
        out: &mut impl Write,
    ) -> std::io::Result<()> {
        let links = ListLinks { suppress, retry };
        report_html::write(&self.summary, &links, out)
    }
}
