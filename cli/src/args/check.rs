//! `sms-status check`: its help page and its argument.

use std::ffi::OsString;

use lexopt::prelude::*;

use super::{Command, unexpected, usage};
use crate::fatal::Fatal;

/// `sms-status check --help`.
pub(super) const HELP: &str = "\
sms-status check: find every mistake in a status table, as the build would

Usage: sms-status check [FILE]

Reads FILE (status-codes.toml in the current directory when none is named;
- reads standard input) and reports each mistake the build would report, with
the same message: the line and column, the line itself, and how to fix it. It
needs no Rust toolchain and takes milliseconds, so run it after every edit, in
a pre-commit hook or in CI.

Options:
  -h, --help   print this help

Exit codes: 0 the table has no mistakes; 1 it has (listed on stderr); 2 a usage
error or a file that cannot be read.
";

/// The table file named by default: the one the build reads.
const DEFAULT_FILE: &str = "status-codes.toml";

/// Reads the file name after `check`.
pub(super) fn parse(parser: &mut lexopt::Parser) -> Result<Command, Fatal> {
    let mut file: Option<OsString> = None;
    while let Some(argument) = parser.next().map_err(|error| usage(&error))? {
        match argument {
            Short('h') | Long("help") => return Ok(Command::Help(HELP)),
            Value(name) if file.is_none() => file = Some(name),
            other => return Err(unexpected(other, HELP)),
        }
    }
    Ok(Command::Check(
        file.unwrap_or_else(|| OsString::from(DEFAULT_FILE)),
    ))
}
