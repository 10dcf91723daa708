//! `sms-status query`: its help page and its options.

use lexopt::prelude::*;
use mobileconnect_status::CodeKind;

use super::suggest::one_of;
use super::{Command, unexpected, unknown, usage, value};
use crate::fatal::Fatal;
use crate::query::{QueryOptions, QueryOutput};
use crate::sql::{Dialect, NeedsQuotes, Table, TableName};

/// `sms-status query --help`.
pub(super) const HELP: &str = "\
sms-status query: print one SQL SELECT that resolves each mobile number's newest
message where the tracking data lives: a Marketing Cloud Query Activity over
_SMSMessageTracking, or a warehouse holding a copy (SQLite, DuckDB, Snowflake,
BigQuery)

Usage:
  sms-status query suppress-list [OPTIONS]   the numbers to stop sending to
  sms-status query retry-list [OPTIONS]      the numbers to send to again later
  sms-status query report [OPTIONS]          how many numbers ended on each status

Options:
  --since YYYY-MM-DD    only messages created on or after this day. The data
                        view keeps every message ever sent and a Query Activity
                        times out: Salesforce advises a condition on its date
  --table NAME          the table to read (default: _SMSMessageTracking), such as
                        warehouse.sms.tracking; letters, digits, _, -, $ and
                        spaces, with dots between database, schema and table
  --dialect ENGINE      sql-server (also a Marketing Cloud Query Activity),
                        sqlite, duckdb, snowflake or bigquery: how to quote a
                        --table name that needs quotes (my-project.sms.tracking
                        in BigQuery is `my-project.sms.tracking`). A name of
                        letters, digits and _ needs none and runs everywhere;
                        Snowflake matches a quoted part's case exactly
  --code-kind KIND      shared or dedicated (default: dedicated): the kind of code
                        the messages were sent from; for shared short codes 2000
                        DeliveredToAggregator is final. It sets the report's
                        SmsFinal; the lists are the same for both, as 2000 calls
                        for waiting either way
  -h, --help            print this help

The rule: a message's status is its highest code; a number's
newest message, by CreateDateTime (ties: the highest MobileMessageTrackingID),
decides. A number is in the suppress list when that status's action is
suppress-number, in the retry list when it is retry-later; a number whose
newest code the table does not list is in neither.

CreateDateTime must be a date-time column (as in Marketing Cloud) or ISO text
('2026-10-02 14:03:11'). In a Query Activity, write a list to a data extension
with a text field Mobile.
";

/// Reads what to write and the options after `query`.
pub(super) fn parse(parser: &mut lexopt::Parser) -> Result<Command, Fatal> {
    let mut output = None;
    let mut code_kind = CodeKind::Dedicated;
    let mut since = None;
    let mut table = TableName::data_view();
    let mut dialect = None;
    while let Some(argument) = parser.next().map_err(|error| usage(&error))? {
        match argument {
            Long("since") => since = Some(value(parser, "--since")?),
            Long("table") => table = value(parser, "--table")?,
            Long("dialect") => {
                dialect = Some(named("dialect", &parser.value()?.string()?, &Dialect::ALL)?);
            }
            Long("code-kind") => code_kind = value(parser, "--code-kind")?,
            Short('h') | Long("help") => return Ok(Command::Help(HELP)),
            Value(name) if output.is_none() => {
                output = Some(named("query", &name.string()?, &QueryOutput::ALL)?);
            }
            other => return Err(unexpected(other, HELP)),
        }
    }
    let Some(output) = output else {
        return Err(Fatal::new(
            "query needs what to write: suppress-list, retry-list or report, \
             e.g. `sms-status query suppress-list --since 2026-03-01`",
        ));
    };
    Ok(Command::Query(QueryOptions {
        output,
        code_kind,
        since,
        table: table_in(table, dialect)?,
    }))
}

/// The table as the query names it, or why it cannot be named without a
/// `--dialect`.
fn table_in(name: TableName, dialect: Option<Dialect>) -> Result<Table, Fatal> {
    let typed = format!("{:?}", name.as_typed());
    Table::new(name, dialect).map_err(|NeedsQuotes { part }| {
        Fatal::new(format!(
            "--table: {typed} needs quotes ({part:?} is not a plain name), and engines \
             quote names differently: say which with --dialect {}",
            one_of(&Dialect::ALL.map(|(name, _)| name))
        ))
    })
}

/// The one of `all` that `name` names; else an error that says what
/// `name` should have been (`what`), with a did-you-mean.
fn named<T: Copy>(what: &str, name: &str, all: &[(&'static str, T)]) -> Result<T, Fatal> {
    all.iter()
        .find(|(known, _)| *known == name)
        .map(|&(_, value)| value)
        .ok_or_else(|| unknown(what, name, all.iter().map(|&(known, _)| known)))
}
