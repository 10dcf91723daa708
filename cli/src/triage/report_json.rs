//! The triage report for programs.

use std::io::{self, Write};

use serde_json::{Map, Value, json};

use super::summary::Summary;

pub(super) fn write(summary: &Summary, out: &mut impl Write) -> io::Result<()> {
    let statuses: Vec<Value> = summary
        .statuses
        .iter()
        .map(|&(status, count)| {
            json!({
                "code": status.code(),
                "status": status.name(),
                "outcome": status.outcome().as_str(),
                "action": status.action().as_str(),
                "recipients": count,
            })
        })
        .collect();
    let outcomes: Map<String, Value> = summary
        .outcomes
        .iter()
        .map(|&(outcome, count)| (outcome.as_str().to_owned(), count.into()))
        .collect();
    let actions: Map<String, Value> = summary
        .actions
        .iter()
        .map(|&(action, count)| (action.as_str().to_owned(), count.into()))
        .collect();
    let unlisted: Vec<Value> = summary
        .unlisted_rows
        .iter()
        .map(|&(code, rows)| json!({ "code": code, "rows": rows }))
        .collect();
    let report = json!({
        "files": summary.files,
        "rows": summary.rows,
        "bad_rows": summary.bad_rows,
        "bad_inputs": summary.bad_inputs,
        "recipients": summary.recipients,
        "statuses": statuses,
        "outcomes": outcomes,
        "actions": actions,
        "delivered": summary.delivered,
        "delivery_rate": summary.delivery_rate(),
        "unlisted_codes": unlisted,
    });
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}
