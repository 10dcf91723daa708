//! `sms-status check`: the build's check of status tables, without the
//! build.
//!
//! The people who edit `status-codes.toml` often have no Rust toolchain,
//! and their only feedback was someone else's failed build. This runs the
//! library the macro runs (`mobileconnect-status-table`), so each mistake
//! gets the message the build gives, in milliseconds.
//!
//! Each file is read (`read`), turned into text and checked; a table's
//! [`Mistakes`] go to one of three reporters: `text`, the build's messages
//! for people; `github`, workflow commands that GitHub Actions shows on the
//! lines of a pull request; `json`, an object a mistake for other tools.
//! The two for tools place each mistake where the build's message does
//! ([`Located`]).

mod github;
mod json;
mod text;

use std::ffi::{OsStr, OsString};
use std::fs::File;
use std::io::{self, Write};
use std::process::ExitCode;
use std::str::FromStr;

use mobileconnect_status_table::{
    Diagnostic, MAX_REPORTED, Table, check, line_and_column, read_table_bytes, table_text,
};

use crate::fatal::Fatal;
use crate::quoted::as_name;
use crate::status_table::for_shell;

/// What `check` was asked to do.
#[derive(Debug)]
pub(crate) struct CheckOptions {
    /// The table files, each a path or `-` for standard input; none
    /// named checks the default table ([`run`]).
    pub(crate) files: Vec<OsString>,
    pub(crate) format: CheckFormat,
}

/// How `check --format` reports mistakes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CheckFormat {
    Text,
    Github,
    Json,
}

impl FromStr for CheckFormat {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "text" => Ok(Self::Text),
            "github" => Ok(Self::Github),
            "json" => Ok(Self::Json),
            _ => Err(format!("expected text, github or json, found {text:?}")),
        }
    }
}

/// The shipped `status-codes.toml`, through a link beside this crate's
/// manifest (the packaged crate holds it as a file, as core does): its
/// header comment explains each key and word of the schema.
pub(crate) const SHIPPED_TABLE: &str = include_str!("../../status-codes.toml");

/// `check --print-schema`: the JSON Schema editors check a table with,
/// which `status-codes.schema.json` holds.
pub(crate) fn print_schema(out: &mut impl Write) -> io::Result<()> {
    out.write_all(mobileconnect_status_table::schema::json(SHIPPED_TABLE).as_bytes())
}

/// What a table that is not valid holds.
enum Mistakes {
    /// A file that is not a table at all (too large, not UTF-8): one
    /// message, which names the file and no line.
    NotATable(String),
    /// The table's text and its mistakes, in file order.
    InText(String, Vec<Diagnostic>),
}

impl Mistakes {
    fn count(&self) -> usize {
        match self {
            Self::NotATable(_) => 1,
            Self::InText(_, mistakes) => mistakes.len(),
        }
    }
}

/// Checks each file in `options`, reporting as its format says. A valid
/// table is confirmed, on `out` in text and on standard error for tools,
/// whose output holds mistakes only. Mistakes make the exit code 1. A file
/// that cannot be read is reported on standard error and makes it 2; the
/// other files are still checked.
///
/// With no file named, it checks the table `--codes` names (`codes`), the
/// one the other commands would use, or else the one the build reads.
pub(crate) fn run(
    options: &CheckOptions,
    codes: Option<&OsStr>,
    out: &mut impl Write,
) -> Result<ExitCode, Fatal> {
    let default = [codes.unwrap_or(OsStr::new(DEFAULT_FILE)).to_owned()];
    let files = if options.files.is_empty() {
        &default[..]
    } else {
        &options.files
    };
    let mut worst = 0;
    for file in files {
        let (shown, bytes) = match read(file, CHECK_ADVICE) {
            Ok(read) => read,
            Err(fatal) => {
                eprintln!("sms-status: {fatal}");
                worst = 2;
                continue;
            }
        };
        let mistakes = match check_bytes(&shown, bytes) {
            Ok(table) => {
                let rows = table.rows().len();
                let confirmation = format!("{shown}: no mistakes, {rows} status codes");
                match options.format {
                    CheckFormat::Text => writeln!(out, "{confirmation}").map_err(Fatal::stdout)?,
                    CheckFormat::Github | CheckFormat::Json => eprintln!("{confirmation}"),
                }
                continue;
            }
            Err(mistakes) => mistakes,
        };
        worst = worst.max(1);
        // What came before goes out first, in order with standard error.
        out.flush().map_err(Fatal::stdout)?;
        match options.format {
            CheckFormat::Text => text::report(&shown, &mistakes),
            CheckFormat::Github => github::report(&shown, &mistakes, out)
                .and_then(|()| out.flush())
                .map_err(Fatal::stdout)?,
            CheckFormat::Json => json::report(&shown, &mistakes, out)
                .and_then(|()| out.flush())
                .map_err(Fatal::stdout)?,
        }
        closing_count(&shown, mistakes.count());
    }
    Ok(ExitCode::from(worst))
}

/// The table file checked when none is named: the one the build reads.
const DEFAULT_FILE: &str = "status-codes.toml";

/// What `check` advises when a table cannot be read.
const CHECK_ADVICE: &str =
    "name the table's file, or run sms-status check where status-codes.toml is";

/// The table in `file`, which `named_by` (`--codes` or
/// `SMS_STATUS_CODES`) names, checked as `check` checks it, for a command
/// that classifies with it, and the file's name as messages show it. Its
/// mistakes go to standard error as `check` words them, and stop the
/// command before it reads any input: a table with a mistake in it would
/// put people on the wrong list.
pub(crate) fn load(file: &OsStr, named_by: &str) -> Result<(String, Table), Fatal> {
    let advice = format!("name the table's file with {named_by}");
    let (shown, bytes) = read(file, &advice)?;
    let mistakes = match check_bytes(&shown, bytes) {
        Ok(table) => return Ok((shown, table)),
        Err(mistakes) => mistakes,
    };
    text::report(&shown, &mistakes);
    Err(Fatal::new(format!(
        "the status table {shown} ({named_by}) has {} (sms-status check {} checks it \
         again), and run this command again",
        mistakes_to_fix(mistakes.count()),
        for_shell(&file.to_string_lossy())
    )))
}

/// A valid table, or its mistakes.
fn check_bytes(shown: &str, bytes: Vec<u8>) -> Result<Table, Mistakes> {
    let text = table_text(shown, bytes).map_err(Mistakes::NotATable)?;
    check(&text).map_err(|mistakes| Mistakes::InText(text, mistakes))
}

/// `2 mistakes; fix them`.
fn mistakes_to_fix(count: usize) -> String {
    match count {
        1 => "1 mistake; fix it".to_owned(),
        // The last message says the rest are not listed.
        more if more > MAX_REPORTED => format!("more than {MAX_REPORTED} mistakes; fix them"),
        more => format!("{more} mistakes; fix them"),
    }
}

/// The file's name as messages show it, and its bytes: at most one more
/// than a table may have, so that a file that never ends (`/dev/zero`) is
/// reported rather than read until memory runs out.
fn read(file: &OsStr, advice: &str) -> Result<(String, Vec<u8>), Fatal> {
    if file == "-" {
        let bytes = read_table_bytes(io::stdin().lock())
            .map_err(|error| Fatal::new(format!("cannot read standard input: {error}")))?;
        return Ok(("<stdin>".to_owned(), bytes));
    }
    // A name that would not print as itself is escaped, as everywhere in
    // this program; a plain one is shown as typed, as the build shows the
    // path in `#[status_table("…")]`.
    let shown = as_name(&file.to_string_lossy());
    let bytes = File::open(file)
        .and_then(read_table_bytes)
        .map_err(|error| {
            Fatal::new(format!(
                "cannot read the status table {shown}: {error}; {advice}"
            ))
        })?;
    Ok((shown, bytes))
}

/// `F: 2 mistakes; fix them and run sms-status check again`, on standard
/// error whatever the format, after a table's mistakes. A failed write to
/// standard error is not reported anywhere else: the exit code still says
/// the table has mistakes.
fn closing_count(shown: &str, mistakes: usize) {
    let _ = writeln!(
        io::stderr().lock(),
        "sms-status: {shown}: {} and run sms-status check again",
        mistakes_to_fix(mistakes)
    );
}

/// A mistake as a tool places it: the line and column the build's message
/// names, what is wrong, the other place it concerns, and what to do.
struct Located<'a> {
    line: usize,
    column: usize,
    message: &'a str,
    /// The other place, such as the first use of a duplicate code.
    related: Option<(usize, usize, &'a str)>,
    suggestion: Option<&'a str>,
}

impl<'a> Located<'a> {
    fn new(text: &str, mistake: &'a Diagnostic) -> Self {
        let (line, column) = line_and_column(text, mistake.span.start);
        let related = mistake.related.as_ref().map(|(span, label)| {
            let (line, column) = line_and_column(text, span.start);
            (line, column, label.as_str())
        });
        Self {
            line,
            column,
            message: &mistake.message,
            related,
            suggestion: mistake.help.as_deref(),
        }
    }
}

/// A file-level message without the `F: ` that [`table_text`] starts it
/// with: a tool names the file in a field of its own.
fn without_file<'a>(shown: &str, message: &'a str) -> &'a str {
    message
        .strip_prefix(shown)
        .and_then(|rest| rest.strip_prefix(": "))
        .unwrap_or(message)
}
