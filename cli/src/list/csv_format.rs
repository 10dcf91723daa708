//! The table as CSV for spreadsheets, with the definition and the reason for
//! each classification.

use std::io::{self, Write};

use crate::status_table::StatusTable;
use crate::words;

pub(super) fn write(table: &StatusTable, out: &mut impl Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record([
        "code",
        "status",
        "definition",
        "stage",
        "outcome",
        "final",
        "action",
        "note",
    ])?;
    for status in table.listed() {
        writer.write_record([
            status.code().to_string().as_str(),
            status.name().unwrap_or_default(),
            status.definition().unwrap_or_default(),
            words::stage(status.stage()),
            status.outcome().as_str(),
            status.finality().as_str(),
            status.action().as_str(),
            status.note().unwrap_or_default(),
        ])?;
    }
    writer.flush()
}
