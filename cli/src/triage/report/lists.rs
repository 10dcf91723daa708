//! The suppress and retry lists: mobile numbers whose final status calls
//! for an action, one per line, sorted and unique, ready to import.

use std::io::{self, Write};

use mobileconnect_status::{Action, CodeKind};

use crate::triage::resolve::Numbers;

/// Writes every mobile number whose final status's action is `action`.
pub(crate) fn write(
    numbers: &Numbers,
    action: Action,
    kind: CodeKind,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut listed: Vec<String> = numbers
        .iter()
        .filter(|(_, record)| {
            record
                .fate()
                .is_some_and(|fate| fate.action(kind) == action)
        })
        .map(|(number, _)| number.to_string())
        .collect();
    listed.sort_unstable();
    for number in &listed {
        writeln!(out, "{number}")?;
    }
    Ok(())
}
