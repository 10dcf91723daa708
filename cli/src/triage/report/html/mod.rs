//! The triage report for people who would rather look than read: one
//! self-contained HTML page, with its charts as inline SVG. No script, no
//! font, image or style from elsewhere, so it opens offline from an email
//! attachment; its content policy forbids scripts even so. It prints on A4
//! and Letter and follows the reader's light or dark colour scheme.
//!
//! Every number is the JSON report's, from the same [`Summary`]. The page
//! holds aggregates only: its size grows with the distinct codes, reasons
//! and days (at most [`periods::MAX_PERIODS`] bars), never with rows.
//! Every value from an input, and every text of the status table in use,
//! goes through [`Html`]'s escaping.

mod charts;
mod label_width;
mod links;
mod periods;

use std::io::{self, Write};

use mobileconnect_status::{Action, Outcome, Stage};

use super::summary::{Outcomes, Summary};
use super::words::{plural, rule};
use crate::html::{Count, Html, Percent};
use crate::status_table::Status;
pub(crate) use links::href;

/// The lists written with the report, as links relative to the page.
#[derive(Debug, Default)]
pub(crate) struct ListLinks {
    pub(crate) suppress: Option<String>,
    pub(crate) retry: Option<String>,
}

/// Where the charts say their days are.
const ZONE: &str = "UTC−06:00";

pub(crate) fn write(summary: &Summary, links: &ListLinks, out: &mut impl Write) -> io::Result<()> {
    out.write_all(page(summary, links).as_bytes())
}

/// The whole page.
pub(crate) fn page(summary: &Summary, links: &ListLinks) -> String {
    let mut html = Html::default();
    html.markup(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"generator\" content=\"sms-status ",
    )
    .text(env!("CARGO_PKG_VERSION"))
    .markup("\">\n<title>SMS send report: ")
    .text(files(summary))
    .markup("</title>\n<style>\n")
    .markup(include_str!("style.css"))
    .markup("</style>\n</head>\n<body>\n");
    header(&mut html, summary);
    headline(&mut html, summary);
    funnel(&mut html, summary);
    actions(&mut html, summary, links);
    failures(&mut html, summary);
    over_time(&mut html, summary);
    bad_rows(&mut html, summary);
    html.markup("<footer>Made by sms-status ")
        .text(env!("CARGO_PKG_VERSION"))
        .markup(
            " from the inputs named above. Percentages are of all messages, or of all recipients. \
             <code>sms-status triage --format json</code> gives the same numbers for programs.</footer>\n\
             </body>\n</html>\n",
        );
    html.into_string()
}

fn files(summary: &Summary) -> String {
    let names: Vec<&str> = summary
        .inputs
        .iter()
        .map(|input| input.name.as_str())
        .collect();
    names.join(", ")
}

fn header(html: &mut Html, summary: &Summary) {
    html.markup("<header>\n<h1>SMS send report</h1>\n<p class=\"muted\">")
        .text(format_args!(
            "Triage of {}: {}, {}.",
            plural(summary.inputs.len() as u64, "file", "files"),
            plural(summary.rows, "row", "rows"),
            plural(summary.bad_rows, "bad row", "bad rows"),
        ))
        .markup("</p>\n</header>\n");
}

/// A number people read at a glance.
fn tile(
    html: &mut Html,
    id: &'static str,
    class: &'static str,
    big: impl std::fmt::Display,
    label: &str,
) {
    html.open("li", &[("class", &class)])
        .open("span", &[("class", &"big"), ("id", &id)])
        .text(big)
        .close("span")
        .text(label)
        .close("li");
}

fn headline(html: &mut Html, summary: &Summary) {
    let (messages, recipients) = (&summary.messages, &summary.recipients);
    html.markup("<section id=\"headline\">\n<h2>Headline</h2>\n<ul class=\"tiles\">");
    tile(
        html,
        "delivery-rate",
        "tile delivered",
        Percent(messages.delivery_rate()),
        "of messages delivered",
    );
    tile(
        html,
        "messages-total",
        "tile",
        Count(messages.total),
        "messages",
    );
    tile(
        html,
        "recipients-total",
        "tile",
        Count(recipients.total),
        "recipients (mobile numbers)",
    );
    tile(
        html,
        "failed-total",
        "tile failed",
        Count(messages.count(Outcome::Failed)),
        "messages failed",
    );
    html.markup("</ul>\n<table id=\"outcomes\">\n<thead><tr><th>Outcome</th>\
         <th class=\"n\">Messages</th><th class=\"n\">%</th>\
         <th class=\"n\">Recipients</th><th class=\"n\">%</th><th>Meaning</th></tr></thead>\n<tbody>");
    for outcome in [
        Outcome::Delivered,
        Outcome::Failed,
        Outcome::Pending,
        Outcome::Unknown,
    ] {
        outcome_row(
            html,
            outcome.as_str(),
            (messages.count(outcome), recipients.count(outcome)),
            (messages, recipients),
            &sentence(outcome.meaning()),
        );
    }
    outcome_row(
        html,
        "not sent",
        (messages.not_sent, recipients.not_sent),
        (messages, recipients),
        "Never sent, for the reasons below; counted among the failed too.",
    );
    html.markup("</tbody>\n</table>\n<p id=\"rule\">")
        .text(rule(summary).replace('\n', " "))
        .markup("</p>\n<p id=\"code-kind\">")
        .text(format_args!(
            "Code kind: {} ({}).",
            summary.code_kind,
            summary.code_kind.meaning()
        ))
        .text(match summary.code_kind {
            mobileconnect_status::CodeKind::Shared => {
                " For shared codes 2000 DeliveredToAggregator is the last status: whether those messages arrived is unknown."
            }
            mobileconnect_status::CodeKind::Dedicated => {
                " For dedicated codes a status follows 2000 DeliveredToAggregator: those messages are pending."
            }
        })
        .markup("</p>\n");
    if summary.messages_without_number > 0 {
        html.markup("<p>").text(format_args!(
            "{} named no mobile number: counted as messages, not recipients.",
            plural(summary.messages_without_number, "message", "messages")
        ));
        html.markup("</p>\n");
    }
    inputs(html, summary);
    html.markup("</section>\n");
}

fn outcome_row(
    html: &mut Html,
    name: &'static str,
    (messages, recipients): (u64, u64),
    (all_messages, all_recipients): (&Outcomes, &Outcomes),
    meaning: &str,
) {
    let key = name.replace(' ', "-");
    html.open("tr", &[("data-outcome", &key)])
        .element("th", sentence(name).trim_end_matches('.'));
    number(html, Count(messages));
    number(html, Percent::of(messages, all_messages.total));
    number(html, Count(recipients));
    number(html, Percent::of(recipients, all_recipients.total));
    html.element("td", meaning).markup("</tr>\n");
}

fn number(html: &mut Html, value: impl std::fmt::Display) {
    html.open("td", &[("class", &"n")]).text(value).close("td");
}

fn inputs(html: &mut Html, summary: &Summary) {
    html.markup(
        "<table id=\"inputs\">\n<thead><tr><th>Input</th><th class=\"n\">Rows</th>\
         <th class=\"n\">Bad rows</th></tr></thead>\n<tbody>",
    );
    for input in &summary.inputs {
        html.markup("<tr>")
            .open("td", &[])
            .element("code", &input.name)
            .close("td");
        number(html, Count(input.rows));
        number(html, Count(input.bad_rows));
        html.markup("</tr>\n");
    }
    html.markup("</tbody>\n</table>\n");
}

fn funnel(html: &mut Html, summary: &Summary) {
    let funnel = &summary.funnel;
    html.markup(
        "<section id=\"funnel\">\n<h2>How far messages got</h2>\n\
         <p>Each message counts at the last stage its status describes: one that reached the carrier passed \
         the send service and the aggregator. Under each stage's bar, the messages that failed there \
         (or whose outcome nobody can tell).</p>\n<figure>",
    );
    charts::funnel(html, funnel);
    html.markup(
        "</figure>\n<table id=\"stages\">\n<thead><tr><th>Stage</th><th class=\"n\">Reached</th>\
         <th class=\"n\">Pending there</th><th class=\"n\">Failed there</th>\
         <th class=\"n\">Unknown there</th><th class=\"n\">Delivered</th></tr></thead>\n<tbody>",
    );
    for stage in &funnel.stages {
        html.open("tr", &[("data-stage", &stage.stage.as_str())])
            .open("th", &[])
            .text(sentence(stage_name(stage.stage)).trim_end_matches('.'))
            .close("th");
        number(html, Count(stage.reached));
        for outcome in [
            Outcome::Pending,
            Outcome::Failed,
            Outcome::Unknown,
            Outcome::Delivered,
        ] {
            number(html, Count(stage.ended(outcome)));
        }
        html.markup("</tr>\n");
    }
    html.markup("</tbody>\n</table>\n<p>");
    html.open("span", &[("id", &"funnel-not-sent")])
        .text(Count(funnel.not_sent))
        .close("span")
        .text(" never sent (they reached no stage); ")
        .open("span", &[("id", &"funnel-no-stage")])
        .text(Count(funnel.no_stage))
        .close("span")
        .text(" with a status whose code names no stage (not 1000 to 4999).")
        .markup("</p>\n</section>\n");
}

/// A stage as the page names it.
fn stage_name(stage: Stage) -> &'static str {
    match stage {
        Stage::SendService => "the send service",
        Stage::Aggregator => "the aggregator",
        Stage::Carrier => "the carrier",
        Stage::Handset => "the handset",
    }
}

fn actions(html: &mut Html, summary: &Summary, links: &ListLinks) {
    html.markup(
        "<section id=\"actions\">\n<h2>What to do</h2>\n\
         <p>Each recipient's status calls for one action.</p>\n\
         <table id=\"action-table\">\n<thead><tr><th>What to do</th><th class=\"n\">Recipients</th>\
         <th>List</th></tr></thead>\n<tbody>",
    );
    for &(action, count) in summary.actions.iter().filter(|&&(_, count)| count > 0) {
        html.open("tr", &[("data-action", &action.as_str())]);
        html.element("td", sentence(action.meaning()));
        number(html, Count(count));
        let link = match action {
            Action::SuppressNumber => links.suppress.as_ref(),
            Action::RetryLater => links.retry.as_ref(),
            _ => None,
        };
        html.markup("<td>");
        match (link, action) {
            (Some(link), _) => {
                html.open("a", &[("href", link)]).text(link).close("a");
            }
            (None, Action::SuppressNumber) => {
                html.text("--suppress-list FILE writes them");
            }
            (None, Action::RetryLater) => {
                html.text("--retry-list FILE writes them");
            }
            (None, _) => {}
        }
        html.markup("</td></tr>\n");
    }
    if summary.actions.iter().all(|&(_, count)| count == 0) {
        html.markup("<tr><td colspan=\"3\">No recipients: nothing to do.</td></tr>\n");
    }
    html.markup("</tbody>\n</table>\n</section>\n");
}

fn failures(html: &mut Html, summary: &Summary) {
    html.markup(
        "<section id=\"failures\">\n<h2>What failed</h2>\n\
         <p>Status codes that failed, or whose outcome nobody can tell, the most messages first. \
         A message counts at its highest code; a recipient at their newest message's.</p>\n",
    );
    if summary.failures.is_empty() {
        html.markup("<p id=\"no-failures\">No message failed.</p>\n");
    } else {
        html.markup(
            "<table id=\"failure-table\">\n<thead><tr><th>Code</th><th>Status: what it means</th>\
             <th>Outcome</th><th class=\"n\">Messages</th><th class=\"n\">Recipients</th>\
             </tr></thead>\n<tbody>",
        );
        for failure in &summary.failures {
            let status = summary.table.status(failure.status.code());
            html.open("tr", &[("data-code", &status.code())]);
            number(html, status.code());
            html.markup("<td class=\"meaning\">")
                .open("span", &[("class", &"status")])
                .text(status.name().unwrap_or("not in this table"))
                .close("span")
                .markup("<br>");
            meaning(html, status);
            html.markup("</td>").element("td", failure.outcome);
            number(html, Count(failure.messages));
            number(html, Count(failure.recipients));
            html.markup("</tr>\n");
        }
        html.markup("</tbody>\n</table>\n");
    }
    not_sent(html, summary);
    html.markup("</section>\n");
}

/// A code's definition and note, or for a code the table does not list,
/// how it is read.
fn meaning(html: &mut Html, status: Status) {
    match status.definition() {
        Some(definition) => {
            html.text(definition);
        }
        None => {
            html.text(format_args!(
                "Not in the status table, so read conservatively: {} ({}); {}.",
                status.outcome(),
                status.outcome().meaning(),
                status.action().meaning(),
            ));
        }
    }
    if let Some(note) = status.note() {
        html.markup("<br><span class=\"note\">Why: ")
            .text(note)
            .markup("</span>");
    }
}

fn not_sent(html: &mut Html, summary: &Summary) {
    html.markup("<h3>Never sent</h3>\n");
    if summary.not_sent.is_empty() {
        html.markup("<p id=\"no-not-sent\">Every message was sent.</p>\n");
        return;
    }
    html.markup(
        "<table id=\"not-sent-table\">\n<thead><tr><th>Reason code</th><th>Reason</th>\
         <th class=\"n\">Messages</th><th class=\"n\">Recipients</th></tr></thead>\n<tbody>",
    );
    for reason in &summary.not_sent {
        html.open("tr", &[("data-reason", &reason.reason.code)]);
        html.open("td", &[])
            .element("code", &reason.reason.code)
            .close("td");
        html.element(
            "td",
            reason.reason.text.as_deref().unwrap_or("(no words given)"),
        );
        number(html, Count(reason.messages));
        number(html, Count(reason.recipients));
        html.markup("</tr>\n");
    }
    html.markup("</tbody>\n</table>\n");
}

fn over_time(html: &mut Html, summary: &Summary) {
    if summary.days.is_empty() {
        return;
    }
    let (unit, periods) = periods::periods(&summary.days);
    html.markup("<section id=\"over-time\">\n<h2>Over time</h2>\n<p id=\"time-zone\">")
        .text(format_args!(
            "Days are Marketing Cloud's days: its system time, {ZONE} all year, in which extracts \
             write CreateDateTime; times given in UTC or with an offset are counted on the same calendar. \
             Each message counts on the day it was sent."
        ))
        .markup("</p>\n");
    if unit != periods::Unit::Day {
        html.markup("<p>")
            .text(format_args!(
                "The messages span more than {} days, so each bar is a {}.",
                periods::MAX_PERIODS,
                unit.name()
            ))
            .markup("</p>\n");
    }
    if summary.untimed_messages > 0 {
        html.markup("<p id=\"untimed\">")
            .text(format_args!(
                "{} had no time and are not in these charts.",
                plural(summary.untimed_messages, "message", "messages")
            ))
            .markup("</p>\n");
    }
    html.markup("<figure>");
    charts::messages_over_time(html, unit, &periods, ZONE);
    html.markup("</figure>\n<figure>");
    charts::delivery_rate_over_time(html, unit, &periods, ZONE);
    html.markup("</figure>\n<details>\n<summary>")
        .text(format_args!("The numbers for each {}", unit.name()))
        .markup(
            "</summary>\n<table id=\"periods\">\n<thead><tr><th>Period</th><th class=\"n\">Messages</th>\
             <th class=\"n\">Delivered</th><th class=\"n\">Failed</th><th class=\"n\">Not sent</th>\
             <th class=\"n\">Pending</th><th class=\"n\">Unknown</th><th class=\"n\">Delivery rate</th>\
             </tr></thead>\n<tbody>",
        );
    for period in &periods {
        html.open("tr", &[("data-period", &period.label)])
            .element("th", &period.label);
        number(html, Count(period.messages.total));
        for outcome in [Outcome::Delivered, Outcome::Failed] {
            number(html, Count(period.messages.count(outcome)));
        }
        number(html, Count(period.messages.not_sent));
        for outcome in [Outcome::Pending, Outcome::Unknown] {
            number(html, Count(period.messages.count(outcome)));
        }
        number(
            html,
            Percent::of(period.messages.delivered, period.messages.total),
        );
        html.markup("</tr>\n");
    }
    html.markup("</tbody>\n</table>\n</details>\n</section>\n");
}

fn bad_rows(html: &mut Html, summary: &Summary) {
    html.markup("<section id=\"bad-rows\">\n<h2>Bad rows</h2>\n");
    if summary.bad_rows == 0 {
        html.markup("<p>None: every row was counted.</p>\n</section>\n");
        return;
    }
    html.markup("<p>")
        .text(format_args!(
            "{} could not be counted; the first few of each input are below, and on standard error with file and line.",
            plural(summary.bad_rows, "row", "rows")
        ))
        .markup("</p>\n");
    for input in summary
        .inputs
        .iter()
        .filter(|input| input.bad_rows > 0 || !input.examples.is_empty())
    {
        html.open("h3", &[])
            .element("code", &input.name)
            .text(format_args!(
                ": {}",
                plural(input.bad_rows, "bad row", "bad rows")
            ))
            .close("h3");
        html.markup("<ul class=\"examples\">");
        for example in &input.examples {
            html.open("li", &[]).element("code", example).close("li");
        }
        html.markup("</ul>\n");
    }
    html.markup("</section>\n");
}

/// Core's plain words as a sentence: a capital first, a full stop last.
fn sentence(words: &str) -> String {
    let mut chars = words.chars();
    let mut sentence: String = chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !sentence.ends_with('.') {
        sentence.push('.');
    }
    sentence
}
