//! `sms-status explain`: its help page and its arguments.

use lexopt::prelude::*;

use super::{Command, unexpected, usage};
use crate::fatal::Fatal;

/// `sms-status explain --help`.
pub(super) const HELP: &str = "\
sms-status explain: say what each status means and what to do about it

Usage: sms-status explain CODE_OR_NAME...

Each argument is a status code (4504, or 4504.0 as spreadsheets write it) or
a name from the table (FailedDueToUnknownSubscriber, any case). A code the
table does not list is explained conservatively; an argument that is neither a
code nor a name is reported, the others are still explained, and the exit code
is 2.

Options:
  -h, --help   print this help
";

/// Reads the codes and names after `explain`.
pub(super) fn parse(parser: &mut lexopt::Parser) -> Result<Command, Fatal> {
    let mut queries = Vec::new();
    while let Some(argument) = parser.next().map_err(|error| usage(&error))? {
        match argument {
            Value(query) => queries.push(query.string().map_err(|error| usage(&error))?),
            Short('h') | Long("help") => return Ok(Command::Help(HELP)),
            other => return Err(unexpected(other, HELP)),
        }
    }
    if queries.is_empty() {
        return Err(Fatal::new(
            "explain needs at least one status code or name, e.g. `sms-status explain 4504`",
        ));
    }
    Ok(Command::Explain(queries))
}
