//! The table as a JSON array of objects, for programs.

use std::io::{self, Write};

use mobileconnect_status::{CodeKind, Stage};
use serde_json::{Value, json};

use crate::status_table::{Status, StatusTable};

pub(super) fn write(table: &StatusTable, out: &mut impl Write) -> io::Result<()> {
    let rows: Vec<Value> = table.listed().map(row).collect();
    serde_json::to_writer_pretty(&mut *out, &rows)?;
    writeln!(out)
}

fn row(status: Status) -> Value {
    json!({
        "code": status.code(),
        "status": status.name(),
        "definition": status.definition(),
        "stage": status.stage().map(Stage::as_str),
        "outcome": status.outcome().as_str(),
        "final": status.finality().as_str(),
        "final_for_shared_codes": status.is_final_for(CodeKind::Shared),
        "final_for_dedicated_codes": status.is_final_for(CodeKind::Dedicated),
        "action": status.action().as_str(),
        "note": status.note(),
    })
}
