//! The suppress and retry lists: mobile numbers whose final status calls
//! for an action, one per line, sorted and unique, ready to import.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use mobileconnect_status::{Action, CodeKind};

use super::by_number::ByNumber;
use crate::fatal::Fatal;

/// Writes to `path` every mobile number whose final status's action is
/// `action`.
pub(crate) fn write(
    numbers: &ByNumber,
    action: Action,
    kind: CodeKind,
    path: &Path,
) -> Result<(), Fatal> {
    let mut listed: Vec<_> = numbers
        .iter()
        .filter(|(_, record)| record.fate().action(kind) == action)
        .map(|(number, _)| number)
        .collect();
    listed.sort_by_cached_key(ToString::to_string);
    let failed = |error: std::io::Error| {
        Fatal::new(format!(
            "cannot write the {action} list to {}: {error}",
            path.display()
        ))
    };
    let mut out = BufWriter::new(File::create(path).map_err(failed)?);
    for number in &listed {
        writeln!(out, "{number}").map_err(failed)?;
    }
    out.flush().map_err(failed)
}
