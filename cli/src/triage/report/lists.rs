//! The suppress and retry lists: mobile numbers whose final status calls
//! for an action, one per line, sorted and unique, ready to import.

use std::io::{self, Write};

use mobileconnect_status::{Action, CodeKind};

use crate::status_table::StatusTable;
use crate::triage::resolve::Numbers;

/// Writes every mobile number whose final status's action, as `table`
/// classifies it for codes of `kind`, is `action`.
pub(crate) fn write(
    numbers: &Numbers,
    action: Action,
    table: &StatusTable,
    kind: CodeKind,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut listed: Vec<String> = numbers
        .iter()
        .filter(|(_, record)| {
            record
                .fate()
                .is_some_and(|fate| fate.action(table, kind) == action)
        })
        .map(|(number, _)| number.to_string())
        .collect();
    listed.sort_unstable();
    for number in &listed {
        writeln!(out, "{number}")?;
    }
    Ok(())
}
