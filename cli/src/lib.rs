//! `sms-status`: look up, export and triage Marketing Cloud MobileConnect SMS
//! status codes. Every classification it prints comes from the status table
//! in use: the one the `mobileconnect-status` crate is generated from, or
//! one of the user's own that `--codes` or `SMS_STATUS_CODES` names.
//!
//! This library is the command line as a function, [`run`], so that the
//! binary and the fuzz targets run the same code; it has no other API
//! (one hidden function serves the crate's browser test).
//!
//! Exit codes: 0 success; 1 triage saw bad rows (the first of each input
//! are reported on stderr with file and line) or check found mistakes in the
//! table; 2 nothing was replaced: a usage error, an input of which nothing
//! could be counted, or an output that cannot be written; 130 interrupted.

mod args;
mod calendar;
mod check;
mod closed_pipe;
mod explain;
mod fatal;
mod file_identity;
mod html;
mod list;
mod output;
mod progress;
mod query;
mod quoted;
#[cfg(feature = "serve")]
mod serve;
mod sql;
mod status_table;
mod triage;
mod words;

use std::env;
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use args::Command;
use closed_pipe::ClosedPipeIsFine;
use fatal::Fatal;
use status_table::{Origin, StatusTable};
#[doc(hidden)]
pub use triage::told::Told;

/// The environment variable that names a status table, as `--codes` does.
const CODES_VARIABLE: &str = "SMS_STATUS_CODES";

/// The table file `--codes` names, else `SMS_STATUS_CODES` (ignored when
/// empty, as an unset variable), with which of the two named it.
/// Standard input is for the inputs, so `-` names no table.
fn table_file(option: Option<OsString>) -> Result<Option<(OsString, &'static str)>, Fatal> {
    let (file, named_by) = match option {
        Some(file) => (file, "--codes"),
        None => match env::var_os(CODES_VARIABLE) {
            Some(file) if !file.is_empty() => (file, CODES_VARIABLE),
            _ => return Ok(None),
        },
    };
    let refuse = |found: &str| {
        Err(Fatal::new(format!(
            "{named_by}: expected the file of a status table, found {found}"
        )))
    };
    if file.is_empty() {
        return refuse("an empty name");
    }
    if file == "-" {
        return refuse("- (standard input is for the inputs)");
    }
    Ok(Some((file, named_by)))
}

/// Runs `sms-status` with `arguments` (those after the program name),
/// writing what it prints to `stdout`; messages go to standard error.
/// Returns the exit code.
pub fn run(arguments: impl IntoIterator<Item = OsString>, stdout: impl Write) -> ExitCode {
    match command(arguments, stdout) {
        Ok(code) => code,
        Err(fatal) => {
            eprintln!("sms-status: {fatal}");
            ExitCode::from(2)
        }
    }
}

/// The HTML report of `inputs`, read as `sms-status triage` reads them,
/// with every count multiplied by `factor`. Only for this crate's browser
/// test, which measures the page's labels at counts no test can generate
/// as rows; not part of the API.
///
/// # Errors
///
/// An input that triage could not count, with triage's message.
#[doc(hidden)]
pub fn html_report_at_scale(inputs: &[std::path::PathBuf], factor: u64) -> Result<String, String> {
    triage::at_scale::page_at_scale(inputs, factor)
}

/// Everything triage's readers tell of the input `path`, item by item:
/// only for this crate's test that holds triage's reading of JSON to core's
/// payload types; not part of the API.
///
/// # Errors
///
/// An input that triage could not count, with triage's message.
#[doc(hidden)]
pub fn triage_reads(path: std::path::PathBuf) -> Result<Vec<Told>, String> {
    triage::told::told(path)
}

/// What an interruption (Ctrl-C, SIGTERM, SIGHUP) does: a running
/// `serve` stops accepting and finishes the batches it accepted (a second
/// interruption ends it at once); any other command removes the temporary
/// files of outputs not yet in place and exits with 130.
pub fn interrupted() {
    #[cfg(feature = "serve")]
    if serve::shutdown::request() {
        return;
    }
    output::interrupted()
}

fn command(
    arguments: impl IntoIterator<Item = OsString>,
    stdout: impl Write,
) -> Result<ExitCode, Fatal> {
    let args::Invocation { codes, command } = args::parse(arguments)?;
    let codes = table_file(codes)?;
    // Read and checked only by a command that classifies, and before it
    // reads any input or checks any output.
    let table = || match &codes {
        Some((file, named_by)) => check::load(file, named_by).map(|(shown, table)| {
            let path = PathBuf::from(file);
            let origin = Origin {
                path,
                shown,
                named_by,
            };
            StatusTable::of_checked(origin, &table)
        }),
        None => Ok(StatusTable::built_in()),
    };
    let mut out = io::BufWriter::new(ClosedPipeIsFine(stdout));
    let code = match command {
        Command::Help(help) => {
            out.write_all(help.as_bytes()).map_err(Fatal::stdout)?;
            ExitCode::SUCCESS
        }
        Command::Version => {
            writeln!(out, "sms-status {}", env!("CARGO_PKG_VERSION")).map_err(Fatal::stdout)?;
            ExitCode::SUCCESS
        }
        Command::List(format) => {
            list::write(format, &table()?, &mut out).map_err(Fatal::stdout)?;
            ExitCode::SUCCESS
        }
        Command::Explain(queries) => explain::run(&queries, &table()?, &mut out)?,
        Command::Triage(options) => triage::run(&options, &table()?, &mut out)?,
        Command::Query(options) => {
            query::write(&options, &table()?, &mut out).map_err(Fatal::stdout)?;
            ExitCode::SUCCESS
        }
        Command::Check(options) => check::run(
            &options,
            codes.as_ref().map(|(file, _)| file.as_os_str()),
            &mut out,
        )?,
        Command::PrintSchema => {
            check::print_schema(&mut out).map_err(Fatal::stdout)?;
            ExitCode::SUCCESS
        }
        #[cfg(feature = "serve")]
        Command::Serve(options) => serve::run(&options, table()?)?,
    };
    out.flush().map_err(Fatal::stdout)?;
    Ok(code)
}
