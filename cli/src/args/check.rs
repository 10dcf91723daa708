//! `sms-status check`: its help page, its options and its files.

use std::ffi::OsString;

use lexopt::prelude::*;

use super::{Command, unexpected, usage, value};
use crate::check::{CheckFormat, CheckOptions};
use crate::fatal::Fatal;

/// `sms-status check --help`.
pub(super) const HELP: &str = "\
sms-status check: find every mistake in a status table, as the build would

Usage: sms-status check [OPTIONS] [FILE]...

Reads each FILE (when none is named, the table --codes or SMS_STATUS_CODES
names, or else status-codes.toml in the current directory; - reads standard
input) and reports each mistake the build would report, with the same
message: the line and column, the line itself, and how to fix it. It needs no
Rust toolchain and takes milliseconds, so run it after every edit, in a
pre-commit hook or in CI.

Options:
  -f, --format FORMAT  text (the default): the build's messages on stderr;
                       github: a ::error line on stdout for each mistake, which
                       GitHub Actions shows on the line of the pull request;
                       json: one JSON object a line on stdout for each mistake
                       (file, line, column, message, suggestion, related)
      --print-schema   print the JSON Schema editors check a table with (the
                       one status-codes.schema.json holds) and read no table
  -h, --help           print this help

Exit codes: 0 no table has mistakes; 1 one has (listed as FORMAT says); 2 a
usage error or a file that cannot be read (the other files are still checked).
";

/// Reads the options and file names after `check`.
pub(super) fn parse(parser: &mut lexopt::Parser) -> Result<Command, Fatal> {
    let mut files: Vec<OsString> = Vec::new();
    let mut format = CheckFormat::Text;
    let mut print_schema = false;
    while let Some(argument) = parser.next().map_err(|error| usage(&error))? {
        match argument {
            Short('f') | Long("format") => format = value(parser, "--format")?,
            Long("print-schema") => print_schema = true,
            Short('h') | Long("help") => return Ok(Command::Help(HELP)),
            Value(name) => files.push(name),
            other => return Err(unexpected(other, HELP)),
        }
    }
    if print_schema {
        return if files.is_empty() {
            Ok(Command::PrintSchema)
        } else {
            Err(Fatal::new("--print-schema reads no table; name no FILE"))
        };
    }
    Ok(Command::Check(CheckOptions { files, format }))
}
