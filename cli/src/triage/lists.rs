//! The suppress and retry lists: mobile numbers whose final status calls
//! for an action, one per line, sorted and unique, ready to import.

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use mobileconnect_status::Action;

use super::tally::FinalByNumber;
use crate::fatal::Fatal;

/// Writes to `path` every mobile number whose final status's action is
/// `action`. A message with no known number (events without `to`) cannot
/// be listed.
pub(super) fn write(numbers: &FinalByNumber, action: Action, path: &Path) -> Result<(), Fatal> {
    let numbers: BTreeSet<String> = numbers
        .iter()
        .filter(|&(_, status)| status.action() == action)
        .map(|(number, _)| number.to_string())
        .collect();
    let failed = |error: std::io::Error| {
        Fatal::new(format!(
            "cannot write the {action} list to {}: {error}",
            path.display()
        ))
    };
    let mut out = BufWriter::new(File::create(path).map_err(failed)?);
    for number in &numbers {
        writeln!(out, "{number}").map_err(failed)?;
    }
    out.flush().map_err(failed)
}
