//! The suppress and retry lists: mobile numbers whose final status calls
//! for an action, one per line, sorted and unique, ready to import.

use std::io::{self, Write};

use mobileconnect_status::{Action, CodeKind};

use super::by_number::ByNumber;

/// Writes every mobile number whose final status's action is `action`.
pub(crate) fn write(
    numbers: &ByNumber,
    action: Action,
    kind: CodeKind,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut listed: Vec<String> = Vec::new();
    numbers.for_each(|number, record| {
        if record.fate().action(kind) == action {
            listed.push(number.to_string());
        }
    });
    listed.sort_unstable();
    for number in &listed {
        writeln!(out, "{number}")?;
    }
    Ok(())
}
