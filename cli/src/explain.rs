//! `sms-status explain`: what a status means and what to do about it, in
//! plain words.

use std::io::Write;
use std::process::ExitCode;

use crate::fatal::Fatal;
use crate::status_table::{Status, StatusTable};
use crate::words;

/// Standard status codes have four digits: the thousands digit is the hop.
const STANDARD_CODES_START: u16 = 1000;
/// Where a value under 1000 comes from, since it is no status code.
const BELOW_STANDARD: &str = "\
note:    values under 1000 are not standard status codes. In a REST deliveries
           response, statusCode (beside standardStatusCode) is the aggregator's own
           code; in a not-sent event (SmsNotSent), statusCode is the reason the
           message was never sent (a Send Error Code), not a status.";

/// Explains each query in turn, as `table` says. A query is read as
/// triage reads a code, so what triage accepts (`4000.0`) is explained
/// too. A query that is neither a code nor a name of the table is reported
/// on stderr and makes the exit code 2; the others are still explained.
pub(crate) fn run(
    queries: &[String],
    table: &StatusTable,
    out: &mut impl Write,
) -> Result<ExitCode, Fatal> {
    let mut unparsable = false;
    // A blank line goes between explanations, never before the first.
    let mut explained_any = false;
    for query in queries {
        match table.read_status(query) {
            Ok(status) => {
                if explained_any {
                    writeln!(out).map_err(Fatal::stdout)?;
                }
                explain(table.status(status.code()), out).map_err(Fatal::stdout)?;
                explained_any = true;
            }
            Err(error) => {
                eprintln!("sms-status: {error}");
                unparsable = true;
            }
        }
    }
    Ok(if unparsable {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn explain(status: Status, out: &mut impl Write) -> std::io::Result<()> {
    if let (Some(name), Some(definition)) = (status.name(), status.definition()) {
        writeln!(out, "{} {name}", status.code())?;
        writeln!(out, "  {definition}")?;
    } else {
        writeln!(
            out,
            "{}: not in this table: the code is kept as it is and classified conservatively",
            status.code()
        )?;
        if status.code() < STANDARD_CODES_START {
            writeln!(out, "  {BELOW_STANDARD}")?;
        }
    }
    let finality = status.finality();
    let stage = status.stage();
    writeln!(
        out,
        "  stage:   {} — {}{}",
        words::stage(stage),
        words::stage_meaning(stage),
        if status.is_listed() {
            ""
        } else {
            " (read from the code's thousands digit)"
        }
    )?;
    writeln!(
        out,
        "  outcome: {} — {}",
        status.outcome(),
        status.outcome().meaning()
    )?;
    writeln!(
        out,
        "  final:   {} — {}",
        finality.as_str(),
        finality.meaning()
    )?;
    writeln!(
        out,
        "  action:  {} — {}",
        status.action(),
        status.action().meaning()
    )?;
    if let Some(note) = status.note() {
        writeln!(out, "  why:     {note}")?;
    }
    Ok(())
}
