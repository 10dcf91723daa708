//! The command line: subcommands, options and the usage text.

use std::ffi::OsString;
use std::path::PathBuf;

use lexopt::prelude::*;

use crate::fatal::Fatal;
use crate::list::ListFormat;
use crate::triage::{Input, TriageOptions, parse_delimiter};

/// Shown by `--help` and named by every usage error.
pub(crate) const USAGE: &str = "\
sms-status: look up, export and triage MobileConnect SMS status codes

Usage:
  sms-status                          print the status table
  sms-status list [--format FORMAT]   print the table as table, markdown, csv, json or sql
  sms-status explain CODE_OR_NAME...  say what a status means and what to do about it
  sms-status triage [OPTIONS] FILE... resolve each recipient's final status in tracking
                                      extracts (CSV), REST deliveries or event
                                      notifications (JSON), and count them; - reads stdin

Triage options:
  --column NAME          CSV column holding the status code
                         (default: SMSStandardStatusCodeId)
  --number-column NAME   CSV column holding the mobile number (default: Mobile,
                         else MobileNumber)
  --message-column NAME  CSV column identifying the message
                         (default: MobileMessageTrackingID, when present)
  --time-column NAME     CSV column saying when the message was sent
                         (default: CreateDateTime, when present)
  --delimiter D          the CSV field separator: one character, or tab, comma,
                         pipe, semicolon (default: sniffed from the header)
  --code-kind KIND       shared or dedicated: the kind of code the messages were
                         sent from (default: dedicated); for shared codes 2000
                         is the last status
  --suppress-list FILE   write the mobile numbers to stop sending to, one per line
  --retry-list FILE      write the mobile numbers to send to again later, one per line
  --format text|json     the report's format (default: text)
  --html FILE            also write the report as one self-contained HTML page
                         with charts, to open in a browser or attach to an email
  --max-errors N         bad rows named per input on stderr (default: 20; 0: all)

How triage decides: a message's status is the highest code among its updates
(the same message seen twice is one message). A recipient is a mobile number;
their status is the status of their newest message, by CreateDateTime, the
events' time or the deliveries response's createDate. Where the inputs do not
say when messages were sent, the highest code decides. The suppress and retry
lists hold the numbers whose status calls for it; a number is in at most one.

Inputs: CSV extracts (comma, tab, pipe or semicolon; UTF-8, or UTF-16 with a
byte-order mark), REST deliveries responses, event notifications and
Transactional Messaging API responses (JSON documents or JSON Lines).

Triage streams its inputs: memory grows with the number of distinct mobile
numbers, not with the number of rows (event notifications are gathered per
message first).

Outputs: a list must not be an input or the other list (links included), its
directory must exist, and - is refused; all checked before any input is read.
Lists are written to a temporary file and renamed into place only when every
list is complete, so an interrupted run leaves the old lists or the new ones.

Exit codes: 0 success; 1 triage saw bad rows (the first of each input named on
stderr with file and line) or an input that failed part way (the others still
count); 2 a usage error, an input that cannot be opened or an output that
cannot be written (checked before any input is read); 130 interrupted.
";

/// What the user asked for.
#[derive(Debug)]
pub(crate) enum Command {
    Help,
    Version,
    List(ListFormat),
    Explain(Vec<String>),
    Triage(TriageOptions),
}

/// Reads the arguments after the program name.
pub(crate) fn parse(arguments: impl IntoIterator<Item = OsString>) -> Result<Command, Fatal> {
    let mut parser = lexopt::Parser::from_args(arguments);
    let Some(first) = parser.next().map_err(|error| usage(&error))? else {
        return Ok(Command::List(ListFormat::Table));
    };
    let command = match first {
        Short('h') | Long("help") => return Ok(Command::Help),
        Short('V') | Long("version") => return Ok(Command::Version),
        Value(name) => name.string().map_err(|error| usage(&error))?,
        other => return Err(usage(&other.unexpected())),
    };
    match command.as_str() {
        "list" => parse_list(&mut parser),
        "explain" => parse_explain(&mut parser),
        "triage" => parse_triage(&mut parser),
        "help" => Ok(Command::Help),
        other => Err(Fatal::new(format!(
            "unknown command {other:?}: expected list, explain or triage (see sms-status --help)"
        ))),
    }
}

fn parse_list(parser: &mut lexopt::Parser) -> Result<Command, Fatal> {
    let mut format = ListFormat::Table;
    while let Some(argument) = parser.next().map_err(|error| usage(&error))? {
        match argument {
            Short('f') | Long("format") => format = parser.value()?.parse_with(str::parse)?,
            Short('h') | Long("help") => return Ok(Command::Help),
            other => return Err(usage(&other.unexpected())),
        }
    }
    Ok(Command::List(format))
}

fn parse_explain(parser: &mut lexopt::Parser) -> Result<Command, Fatal> {
    let mut queries = Vec::new();
    while let Some(argument) = parser.next().map_err(|error| usage(&error))? {
        match argument {
            Value(query) => queries.push(query.string().map_err(|error| usage(&error))?),
            Short('h') | Long("help") => return Ok(Command::Help),
            other => return Err(usage(&other.unexpected())),
        }
    }
    if queries.is_empty() {
        return Err(Fatal::new(
            "explain needs at least one status code or name, e.g. `sms-status explain 4504`",
        ));
    }
    Ok(Command::Explain(queries))
}

fn parse_triage(parser: &mut lexopt::Parser) -> Result<Command, Fatal> {
    let mut options = TriageOptions::default();
    while let Some(argument) = parser.next().map_err(|error| usage(&error))? {
        match argument {
            Long("column") => options.csv.columns.code = Some(parser.value()?.string()?),
            Long("number-column") => options.csv.columns.number = Some(parser.value()?.string()?),
            Long("message-column") => {
                options.csv.columns.message = Some(parser.value()?.string()?);
            }
            Long("time-column") => options.csv.columns.time = Some(parser.value()?.string()?),
            Long("delimiter") => {
                options.csv.delimiter = Some(parser.value()?.parse_with(parse_delimiter)?);
            }
            Long("code-kind") => options.code_kind = parser.value()?.parse()?,
            Long("max-errors") => {
                let shown: u64 = parser.value()?.parse()?;
                options.max_errors = (shown > 0).then_some(shown);
            }
            Long("suppress-list") => options.suppress_list = Some(PathBuf::from(parser.value()?)),
            Long("retry-list") => options.retry_list = Some(PathBuf::from(parser.value()?)),
            Long("html") => options.html = Some(PathBuf::from(parser.value()?)),
            Short('f') | Long("format") => {
                options.format = parser.value()?.parse_with(str::parse)?;
            }
            Short('h') | Long("help") => return Ok(Command::Help),
            Value(path) if path == "-" => options.inputs.push(Input::Stdin),
            Value(path) => options.inputs.push(Input::File(PathBuf::from(path))),
            other => return Err(usage(&other.unexpected())),
        }
    }
    if options.inputs.is_empty() {
        return Err(Fatal::new(
            "triage needs at least one file (or - for standard input), e.g. \
             `sms-status triage cli/samples/sms-message-tracking.csv`",
        ));
    }
    if options
        .inputs
        .iter()
        .filter(|&input| *input == Input::Stdin)
        .count()
        > 1
    {
        return Err(Fatal::new(
            "triage reads standard input (-) at most once: the second - would find it empty \
             (see sms-status --help)",
        ));
    }
    Ok(Command::Triage(options))
}

fn usage(error: &lexopt::Error) -> Fatal {
    Fatal::new(format!("{error} (see sms-status --help)"))
}

impl From<lexopt::Error> for Fatal {
    fn from(error: lexopt::Error) -> Self {
        usage(&error)
    }
}
