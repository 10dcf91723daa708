//! The triage report for programs: the same numbers as the text report.

use std::io::{self, Write};

use mobileconnect_status::Outcome;
use serde_json::{Map, Value, json};

use mobileconnect_status::payload::EventStatus;

use super::funnel::Funnel;
use super::summary::{Outcomes, Summary};
use crate::calendar::date_of_day;
use crate::triage::resolve::by_number::Rule;

pub(crate) fn write(summary: &Summary, out: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, &report(summary))?;
    writeln!(out)
}

/// The report as a JSON value.
pub(crate) fn report(summary: &Summary) -> Value {
    let (table, kind) = (&summary.table, summary.code_kind);
    let mut statuses = Vec::new();
    let (mut queued, mut no_status) = (0_u64, 0_u64);
    for &(fate, count) in &summary.fates {
        match fate.event_status() {
            EventStatus::Status(status) => statuses.push(json!({
                "code": status.code(),
                "status": table.status(status.code()).name(),
                "outcome": fate.outcome(table, kind).as_str(),
                "action": fate.action(table, kind).as_str(),
                "recipients": count,
            })),
            EventStatus::Queued => queued += count,
            EventStatus::NotSent(_) => {}
            _ => no_status += count,
        }
    }
    let actions: Map<String, Value> = summary
        .actions
        .iter()
        .map(|&(action, count)| (action.as_str().to_owned(), count.into()))
        .collect();
    let rules: Map<String, Value> = summary
        .rules
        .iter()
        .map(|&(rule, count)| (rule_name(rule).to_owned(), count.into()))
        .collect();
    let inputs: Vec<Value> = summary
        .inputs
        .iter()
        .map(|input| {
            json!({
                "name": input.name,
                "rows": input.rows,
                "bad_rows": input.bad_rows,
            })
        })
        .collect();
    let reasons: Vec<Value> = summary
        .not_sent
        .iter()
        .map(|reason| {
            json!({
                "code": reason.reason.code,
                "reason": reason.reason.text,
                "messages": reason.messages,
                "recipients": reason.recipients,
            })
        })
        .collect();
    let unlisted: Vec<Value> = summary
        .unlisted_rows
        .iter()
        .map(|&(code, rows)| json!({ "code": code, "rows": rows }))
        .collect();
    let mut messages = outcomes(&summary.messages);
    messages["without_mobile_number"] = summary.messages_without_number.into();
    let mut recipients = outcomes(&summary.recipients);
    recipients["queued"] = queued.into();
    recipients["sent_without_status"] = no_status.into();
    json!({
        "files": summary.inputs.len(),
        "inputs": inputs,
        "rows": summary.rows,
        "bad_rows": summary.bad_rows,
        "repeated_headers": summary.repeated_headers,
        "code_kind": summary.code_kind.as_str(),
        "resolution": rules,
        "messages": messages,
        "recipients": recipients,
        "statuses": statuses,
        "actions": actions,
        "not_sent_reasons": reasons,
        "unlisted_codes": unlisted,
        "failure_codes": failures(summary),
        "funnel": funnel(&summary.funnel),
        "over_time": over_time(summary),
    })
}

/// The codes that failed or whose outcome is unknown, the most messages
/// first.
fn failures(summary: &Summary) -> Value {
    summary
        .failures
        .iter()
        .map(|failure| {
            json!({
                "code": failure.status.code(),
                "status": summary.table.status(failure.status.code()).name(),
                "outcome": failure.outcome.as_str(),
                "messages": failure.messages,
                "recipients": failure.recipients,
            })
        })
        .collect()
}

/// Messages per Marketing Cloud day, by outcome.
fn over_time(summary: &Summary) -> Value {
    let days: Vec<Value> = summary
        .days
        .iter()
        .map(|day| {
            let mut value = outcomes(&day.messages);
            value["date"] = date_of_day(day.day).into();
            value
        })
        .collect();
    json!({
        "time_zone": "UTC-06:00",
        "messages_without_time": summary.untimed_messages,
        "days": days,
    })
}

/// Messages by the last stage they reached.
fn funnel(funnel: &Funnel) -> Value {
    let stages: Vec<Value> = funnel
        .stages
        .iter()
        .map(|stage| {
            let mut value = json!({
                "stage": stage.stage.as_str(),
                "reached": stage.reached,
            });
            for &outcome in Outcome::ALL {
                value[format!("ended_{}", outcome.as_str())] = stage.ended(outcome).into();
            }
            value
        })
        .collect();
    json!({
        "messages": funnel.messages,
        "not_sent": funnel.not_sent,
        "no_stage": funnel.no_stage,
        "stages": stages,
        "delivered": funnel.delivered(),
    })
}

/// Counts by outcome, with the total and the delivery rate.
fn outcomes(outcomes: &Outcomes) -> Value {
    let by_outcome: Map<String, Value> = outcomes
        .by_outcome
        .iter()
        .map(|&(outcome, count)| (outcome.as_str().to_owned(), count.into()))
        .collect();
    json!({
        "total": outcomes.total,
        "outcomes": by_outcome,
        "delivered": outcomes.delivered,
        "not_sent": outcomes.not_sent,
        "delivery_rate": outcomes.delivery_rate(),
    })
}

/// The rule's name in the report.
fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::Newest => "newest_message",
        Rule::Highest => "highest_code",
        Rule::Mixed => "mixed",
    }
}
