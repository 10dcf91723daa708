//! The triage report for people: counts aligned in columns.

use std::io::{self, Write};

use super::summary::Summary;

pub(super) fn write(summary: &Summary, out: &mut impl Write) -> io::Result<()> {
    let files = plural(summary.files as u64, "file", "files");
    let rows = plural(summary.rows, "row", "rows");
    let bad = plural(summary.bad_rows, "bad row", "bad rows");
    let recipients = plural(summary.recipients, "recipient", "recipients");
    writeln!(out, "Triage of {files}: {rows}, {bad}, {recipients}")?;
    writeln!(
        out,
        "(a recipient is a mobile number, or a message key for event notifications;\n \
         its final status is the highest code seen for it)"
    )?;

    let statuses = summary.statuses.iter().map(|&(status, count)| {
        let label = match status.name() {
            Some(name) => format!("{:>5} {name}", status.code()),
            None => format!("{:>5} (not in this table)", status.code()),
        };
        (label, count)
    });
    write_section(out, "final status", statuses)?;
    let outcomes = summary
        .outcomes
        .iter()
        .map(|&(outcome, count)| (outcome.to_string(), count));
    write_section(out, "outcome", outcomes)?;
    let actions = summary
        .actions
        .iter()
        .map(|&(action, count)| (action.to_string(), count));
    write_section(out, "action", actions)?;

    writeln!(out)?;
    match summary.delivery_rate() {
        Some(rate) => writeln!(
            out,
            "delivery rate: {:.1}% ({} of {recipients} delivered)",
            rate * 100.0,
            summary.delivered
        )?,
        None => writeln!(out, "delivery rate: none (no recipients)")?,
    }
    if summary.unlisted_rows.is_empty() {
        writeln!(out, "codes not in this table: none")?;
    } else {
        let codes: Vec<String> = summary
            .unlisted_rows
            .iter()
            .map(|&(code, rows)| format!("{code} ({})", plural(rows, "row", "rows")))
            .collect();
        writeln!(out, "codes not in this table: {}", codes.join(", "))?;
    }
    if summary.bad_rows > 0 {
        writeln!(
            out,
            "bad rows: {} (each reported on stderr with its file and line)",
            summary.bad_rows
        )?;
    }
    if summary.bad_inputs > 0 {
        writeln!(
            out,
            "inputs not read to the end: {} (each reported on stderr)",
            summary.bad_inputs
        )?;
    }
    Ok(())
}

/// A heading and its labelled counts, counts right-aligned under `recipients`.
fn write_section(
    out: &mut impl Write,
    heading: &str,
    rows: impl Iterator<Item = (String, u64)>,
) -> io::Result<()> {
    let rows: Vec<(String, u64)> = rows.collect();
    let width = rows
        .iter()
        .map(|(label, _)| label.chars().count())
        .chain([heading.len()])
        .max()
        .unwrap_or_default();
    writeln!(out)?;
    writeln!(out, "{heading:<width$}  recipients")?;
    for (label, count) in rows {
        writeln!(out, "{label:<width$}  {count:>10}")?;
    }
    Ok(())
}

fn plural(count: u64, one: &str, many: &str) -> String {
    if count == 1 {
        format!("{count} {one}")
    } else {
        format!("{count} {many}")
    }
}
