//! `sms-status triage`: its help page and its options.

use std::path::PathBuf;

use lexopt::prelude::*;

use super::{Command, unexpected, usage, value, value_with};
use crate::fatal::Fatal;
use crate::triage::{CountryCode, Input, TriageOptions, parse_delimiter};

/// `sms-status triage --help`.
pub(super) const HELP: &str = "\
sms-status triage: resolve each message and each recipient's status in tracking
extracts (CSV), REST deliveries, event notifications and Transactional
Messaging API responses (JSON), and count them

Usage:
  sms-status triage [OPTIONS] FILE...   (- reads standard input)

Triage options:
  -h, --help             print this help
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
  --country-code N       the country of numbers a person wrote without one,
                         such as (555) 010-0001, 555-010-0001 or 07700 900123:
                         1 for the US and Canada, 44 for the UK (default: such
                         numbers are bad rows; a leading + or 00, and digits
                         alone as Marketing Cloud stores them, are read as
                         they are, with or without this option)
  --date-order mdy|dmy   whether 3/1/2022 is 1 March (mdy) or 3 January (dmy),
                         for every input (default: each file's dates decide:
                         a number above 12, else an AM/PM marker means mdy;
                         a file where nothing decides is refused)
  --code-kind KIND       shared or dedicated: the kind of code the messages were
                         sent from (default: dedicated); for shared codes 2000
                         is the last status
  --suppress-list FILE   write the mobile numbers to stop sending to, one per line
  --retry-list FILE      write the mobile numbers to send to again later, one per line
  --format text|json     the report's format (default: text)
  --html FILE            also write the report as one self-contained HTML page
                         with charts, to open in a browser or attach to an email
  --max-errors N         bad rows named per input on stderr (default: 20; 0: all)
  --threads N            threads that read a large extract (default: one per core)

How triage decides: a message's status is the highest code among its updates
(the same message seen twice is one message). A recipient is a mobile number;
their status is the status of their newest message, by CreateDateTime, the
events' time or the deliveries response's createDate. Where the inputs do not
say when messages were sent, the highest code decides. The suppress and retry
lists hold the numbers whose status calls for it; a number is in at most one.

Inputs: CSV extracts (comma, tab, pipe or semicolon; UTF-8, or UTF-16 with a
byte-order mark), REST deliveries responses, event notifications and
Transactional Messaging API responses (JSON documents or JSON Lines), each
plain, gzipped, or in a zip archive (each file in it an input of its own). A
large extract file is read on every core; standard input on one.

Triage streams its inputs: memory grows with the messages read (about 33
bytes each until every input is read), not with the size of the files.

Outputs (the lists and the HTML page): an output must not be an input or
another output (links included), its directory must exist, and - is refused;
all checked before any input is read. Each is written to a temporary file and
renamed into place only when every output is complete, so an interrupted run
leaves the old files or the new ones.

Exit codes: 0 every row counted; 1 some rows were bad (the first of each input
named on stderr with file and line; the lists were written from the rest); 2
nothing was replaced: a usage error, an output that cannot be written, or an
input of which nothing could be counted (not opened, empty, not text, a column
missing from its header, a read failing part way, or every row bad); 130
interrupted.
";

/// Reads the options and files after `triage`.
pub(super) fn parse_triage(parser: &mut lexopt::Parser) -> Result<Command, Fatal> {
    let mut options = TriageOptions::default();
    while let Some(argument) = parser.next().map_err(|error| usage(&error))? {
        match argument {
            Short('h') | Long("help") => return Ok(Command::Help(HELP)),
            Long("column") => options.read.columns.code = Some(parser.value()?.string()?),
            Long("number-column") => options.read.columns.number = Some(parser.value()?.string()?),
            Long("message-column") => {
                options.read.columns.message = Some(parser.value()?.string()?);
            }
            Long("time-column") => options.read.columns.time = Some(parser.value()?.string()?),
            Long("delimiter") => {
                options.read.delimiter = Some(value_with(parser, "--delimiter", parse_delimiter)?);
            }
            Long("country-code") => {
                options.read.country =
                    Some(value_with(parser, "--country-code", parse_country_code)?);
            }
            Long("date-order") => {
                options.read.date_order = Some(value(parser, "--date-order")?);
            }
            Long("code-kind") => options.code_kind = value(parser, "--code-kind")?,
            Long("suppress-list") => {
                options.outputs.suppress = Some(PathBuf::from(parser.value()?));
            }
            Long("retry-list") => options.outputs.retry = Some(PathBuf::from(parser.value()?)),
            Long("html") => options.outputs.html = Some(PathBuf::from(parser.value()?)),
            Short('f') | Long("format") => {
                options.format = value(parser, "--format")?;
            }
            Long("max-errors") => {
                let shown: u64 = value_with(parser, "--max-errors", |text| {
                    text.trim().parse::<u64>().map_err(|_| {
                        format!("expected how many bad rows to show (0 shows all), found {text:?}")
                    })
                })?;
                options.max_errors = (shown > 0).then_some(shown);
            }
            Long("threads") => {
                options.read.threads = value_with(parser, "--threads", parse_threads)?;
            }
            Value(path) if path == "-" => options.inputs.push(Input::Stdin),
            Value(path) => options.inputs.push(Input::File(PathBuf::from(path))),
            other => return Err(unexpected(other, HELP)),
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
            "triage reads standard input (-) at most once: the second - would find it empty",
        ));
    }
    Ok(Command::Triage(options))
}

/// `--country-code`: a calling code some country has, with or without `+`.
fn parse_country_code(text: &str) -> Result<CountryCode, String> {
    let digits = text.trim().trim_start_matches('+');
    let code: Option<u16> = digits
        .bytes()
        .all(|byte| byte.is_ascii_digit())
        .then(|| digits.parse().ok())
        .flatten();
    code.and_then(CountryCode::of).ok_or_else(|| {
        format!(
            "expected a country calling code such as 1 (the US and Canada) or 44 (the UK), \
             found {text:?}, which no country has"
        )
    })
}

/// More threads than this read no faster on any machine triage runs on,
/// and each holds a few megabytes of buffers.
const MAX_THREADS: usize = 256;

/// `--threads`: a whole number from 1 to [`MAX_THREADS`].
fn parse_threads(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(threads) if (1..=MAX_THREADS).contains(&threads) => Ok(threads),
        _ => Err(format!(
            "expected a number of threads from 1 to {MAX_THREADS}, found {text:?}"
        )),
    }
}
