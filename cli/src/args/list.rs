//! `sms-status list`: its help page and its options.

use lexopt::prelude::*;

use super::{Command, unexpected, usage, value};
use crate::fatal::Fatal;
use crate::list::ListFormat;

/// `sms-status list --help`.
pub(super) const HELP: &str = "\
sms-status list: print the status table, every code with its name and its
classification (stage, outcome, final, action)

Usage: sms-status list [OPTIONS]     (sms-status alone prints the table too)

Options:
  -f, --format FORMAT   table (the default), markdown, csv, json, or sql: a
                        SELECT that classifies every row of _SMSMessageTracking
                        where it lives (a Query Activity, SQLite, DuckDB,
                        Snowflake, BigQuery)
  -h, --help            print this help
";

/// Reads the options after `list`.
pub(super) fn parse(parser: &mut lexopt::Parser) -> Result<Command, Fatal> {
    let mut format = ListFormat::Table;
    while let Some(argument) = parser.next().map_err(|error| usage(&error))? {
        match argument {
            Short('f') | Long("format") => format = value(parser, "--format")?,
            Short('h') | Long("help") => return Ok(Command::Help(HELP)),
            other => return Err(unexpected(other, HELP)),
        }
    }
    Ok(Command::List(format))
}
