//! The triage report for people: counts aligned in columns.

use std::io::{self, Write};

use mobileconnect_status::payload::EventStatus;

use super::summary::{Outcomes, Summary};
use super::words::{plural, rule};
use crate::quoted;

pub(crate) fn write(summary: &Summary, out: &mut impl Write) -> io::Result<()> {
    let files = plural(summary.inputs.len() as u64, "file", "files");
    let rows = plural(summary.rows, "row", "rows");
    let bad = plural(summary.bad_rows, "bad row", "bad rows");
    writeln!(out, "Triage of {files}: {rows}, {bad}")?;
    let messages = plural(summary.messages.total, "message", "messages");
    let recipients = plural(summary.recipients.total, "recipient", "recipients");
    writeln!(
        out,
        "{messages} to {recipients} (mobile numbers), sent from {} codes",
        summary.code_kind
    )?;
    if summary.messages_without_number > 0 {
        writeln!(
            out,
            "{} named no mobile number: counted as messages, not recipients",
            plural(summary.messages_without_number, "message", "messages")
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", rule(summary))?;

    let fates = summary.fates.iter().map(|&(fate, count)| {
        let label = match fate.event_status() {
            EventStatus::Status(status) => match summary.table.status(status.code()).name() {
                Some(name) => format!("{:>5} {name}", status.code()),
                None => format!("{:>5} (not in this table)", status.code()),
            },
            EventStatus::Queued => "      queued, not yet sent".to_owned(),
            EventStatus::NotSent(_) => "      not sent (reasons below)".to_owned(),
            _ => "      sent, no status yet".to_owned(),
        };
        (label, [count])
    });
    let not_sent_rows = merge_not_sent(fates.collect());
    write_section(out, "recipient's status", &["recipients"], not_sent_rows)?;
    let outcomes = summary
        .messages
        .by_outcome
        .iter()
        .zip(&summary.recipients.by_outcome)
        .map(|(&(outcome, messages), &(_, recipients))| {
            (outcome.to_string(), [messages, recipients])
        });
    write_section(
        out,
        "outcome",
        &["messages", "recipients"],
        outcomes.collect(),
    )?;
    let actions = summary
        .actions
        .iter()
        .map(|&(action, count)| (action.to_string(), [count]));
    write_section(out, "action", &["recipients"], actions.collect())?;

    writeln!(out)?;
    writeln!(
        out,
        "delivery rate: {} of messages ({} of {}), {} of recipients ({} of {})",
        rate(&summary.messages),
        summary.messages.delivered,
        summary.messages.total,
        rate(&summary.recipients),
        summary.recipients.delivered,
        summary.recipients.total,
    )?;
    write_notes(summary, out)
}

/// The lines under the tables: not-sent reasons, unlisted codes, bad rows.
fn write_notes(summary: &Summary, out: &mut impl Write) -> io::Result<()> {
    for not_sent in &summary.not_sent {
        let reason = &not_sent.reason;
        // Both come from the input: shown as they are only when they print
        // as themselves.
        let code = if reason.code.is_empty() {
            "(no code)".to_owned()
        } else {
            quoted::as_name(&reason.code)
        };
        let words = reason
            .text
            .as_deref()
            .map(|text| format!(" {}", quoted::as_name(text)))
            .unwrap_or_default();
        writeln!(
            out,
            "not sent: {code}{words} — {}",
            plural(not_sent.messages, "message", "messages")
        )?;
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
            "bad rows: {} (named on stderr with file and line; --max-errors says how many)",
            summary.bad_rows
        )?;
    }
    if summary.repeated_headers > 0 {
        writeln!(
            out,
            "header lines repeated inside extracts, skipped: {}",
            summary.repeated_headers
        )?;
    }
    Ok(())
}

/// The not-sent reasons are one line in the status table.
fn merge_not_sent(rows: Vec<(String, [u64; 1])>) -> Vec<(String, [u64; 1])> {
    let mut merged: Vec<(String, [u64; 1])> = Vec::new();
    for (label, [count]) in rows {
        match merged.last_mut() {
            Some((last, [total])) if *last == label => *total += count,
            _ => merged.push((label, [count])),
        }
    }
    merged
}

fn rate(outcomes: &Outcomes) -> String {
    match outcomes.delivery_rate() {
        Some(rate) => format!("{:.1}%", rate * 100.0),
        None => "none".to_owned(),
    }
}

/// A heading and its labelled counts, counts right-aligned under their
/// column names.
fn write_section<const N: usize>(
    out: &mut impl Write,
    heading: &str,
    columns: &[&str; N],
    rows: Vec<(String, [u64; N])>,
) -> io::Result<()> {
    let width = rows
        .iter()
        .map(|(label, _)| label.chars().count())
        .chain([heading.len()])
        .max()
        .unwrap_or_default();
    writeln!(out)?;
    write!(out, "{heading:<width$}")?;
    for column in columns {
        write!(out, "  {column:>10}")?;
    }
    writeln!(out)?;
    for (label, counts) in rows {
        write!(out, "{label:<width$}")?;
        for count in counts {
            write!(out, "  {count:>10}")?;
        }
        writeln!(out)?;
    }
    Ok(())
}
