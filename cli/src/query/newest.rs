//! The part every query shares: each mobile number's newest message and
//! the status it ended on, as a derived table, and the comment that says
//! how it was chosen and what the columns must hold.

use std::io::{self, Write};

use super::{QueryOptions, QueryOutput};
use crate::sql::{in_comment, text};
use crate::status_table::StatusTable;

/// The derived table's rows: `Mobile`, its newest message's
/// `SMSStandardStatusCodeId`, and `NewestFirst`, which is 1 on that
/// message's row. Every line is prefixed with `indent`.
///
/// Two steps, because the rule has two, the same as triage's:
/// - A message is its number and its `MobileMessageTrackingID`: its rows
///   (copies in a warehouse, or updates) give it their highest code and
///   their latest time. A row without an id is a message of its own.
/// - A number's newest timed message decides: the latest time, then the
///   greatest id, a message with an id before one without, then the
///   highest code. Messages without a time never decide over a timed one;
///   among a number's messages when none has a time, the highest code
///   decides.
///
/// `NULL`s sort first in some engines and last in others, so each
/// nullable column is ranked by a `CASE` that says whether it is there
/// before it is ranked by its value. Rows without a number or a code are
/// left out, as triage counts them as bad rows.
pub(super) fn write_ranked(
    out: &mut impl Write,
    options: &QueryOptions,
    indent: &str,
) -> io::Result<()> {
    let table = format!("FROM {} AS t", options.table);
    let mut kept = vec![
        "t.Mobile IS NOT NULL",
        "t.SMSStandardStatusCodeId IS NOT NULL",
    ];
    // A row without a time cannot be shown to be from that day on.
    let since = options
        .since
        .map(|since| format!("t.CreateDateTime >= {}", text(&since.to_string())));
    if let Some(since) = &since {
        kept.push(since);
    }
    let condition = |id: &str| {
        let mut all = kept.clone();
        all.push(id);
        all.join("\n        AND ")
    };
    let lines = [
        "SELECT",
        "    messages.Mobile,",
        "    messages.SMSStandardStatusCodeId,",
        "    ROW_NUMBER() OVER (",
        "        PARTITION BY messages.Mobile",
        "        ORDER BY",
        "            CASE WHEN messages.CreateDateTime IS NULL THEN 0 ELSE 1 END DESC,",
        "            messages.CreateDateTime DESC,",
        "            CASE WHEN messages.CreateDateTime IS NULL",
        "                THEN messages.SMSStandardStatusCodeId END DESC,",
        "            CASE WHEN messages.MobileMessageTrackingID IS NULL THEN 0 ELSE 1 END DESC,",
        "            messages.MobileMessageTrackingID DESC,",
        "            messages.SMSStandardStatusCodeId DESC",
        "    ) AS NewestFirst",
        "FROM (",
        "    SELECT",
        "        t.Mobile,",
        "        t.MobileMessageTrackingID,",
        "        MAX(t.CreateDateTime) AS CreateDateTime,",
        "        MAX(t.SMSStandardStatusCodeId) AS SMSStandardStatusCodeId",
        &format!("    {table}"),
        &format!(
            "    WHERE {}",
            condition("t.MobileMessageTrackingID IS NOT NULL")
        ),
        "    GROUP BY t.Mobile, t.MobileMessageTrackingID",
        "    UNION ALL",
        "    SELECT",
        "        t.Mobile,",
        "        t.MobileMessageTrackingID,",
        "        t.CreateDateTime,",
        "        t.SMSStandardStatusCodeId",
        &format!("    {table}"),
        &format!(
            "    WHERE {}",
            condition("t.MobileMessageTrackingID IS NULL")
        ),
        ") AS messages",
    ];
    for line in lines {
        for line in line.split('\n') {
            writeln!(out, "{indent}{line}")?;
        }
    }
    Ok(())
}

/// The comment every query starts with: what it returns, how it was
/// generated, the rule, what the columns must hold for the rule to work,
/// and where a Query Activity should write the result. Each paragraph is
/// wrapped to fit a SQL editor.
pub(super) fn write_comment(
    out: &mut impl Write,
    purpose: &str,
    options: &QueryOptions,
    table: &StatusTable,
    destination: &str,
) -> io::Result<()> {
    let since = options.since.map_or_else(String::new, |since| {
        format!(" Only messages created on or after {since} count.")
    });
    let since_rule = if options.since.is_some() {
        " Rows without a CreateDateTime are left out too: they cannot be shown to be that recent."
    } else {
        ""
    };
    let rule = format!(
        "A message is a Mobile and its MobileMessageTrackingID; a row without an id is a \
         message of its own. A message's status is its highest SMSStandardStatusCodeId. \
         A number's newest message is the one with the latest CreateDateTime, ties going \
         to the highest MobileMessageTrackingID; messages without a CreateDateTime count \
         only when none of the number's messages has one, and then the highest code \
         decides. Rows without a Mobile or a code are left out.{since}{since_rule}"
    );
    let paragraphs = [
        purpose.to_owned(),
        format!(
            "Generated by `{}` from {}: generate it again when the table changes.",
            command_line(options, table).replace(' ', "\u{a0}"),
            table.origin().map_or_else(
                || "the MobileConnect status table".to_owned(),
                |origin| format!("the status table in {}", origin.shown)
            ),
        ),
        rule,
        "CreateDateTime must be a date-time column, as in Marketing Cloud, or text \
         in ISO form, 'YYYY-MM-DD\u{a0}HH:MM:SS'. Text in US form \
         ('10/2/2026\u{a0}2:03:11\u{a0}PM') \
         compares as text and picks the wrong messages. MobileMessageTrackingID and \
         SMSStandardStatusCodeId must be numbers."
            .to_owned(),
        format!("In a Query Activity, write the result to a data extension with {destination}."),
    ];
    let lines: Vec<String> = paragraphs
        .iter()
        .map(|paragraph| wrap(paragraph, COMMENT_WIDTH).join("\n   "))
        .collect();
    writeln!(out, "/* {} */", in_comment(&lines.join("\n\n   ")))
}

/// Columns of comment text on a line, so it reads in a SQL editor.
const COMMENT_WIDTH: usize = 72;

/// The `sms-status` command that writes this query.
fn command_line(options: &QueryOptions, table: &StatusTable) -> String {
    let mut words = vec!["sms-status".to_owned()];
    if let Some(origin) = table.origin() {
        words.push(origin.option());
    }
    words.extend(["query".to_owned(), options.output.name().to_owned()]);
    if options.output == QueryOutput::Report {
        words.push(format!("--code-kind {}", options.code_kind));
    }
    if let Some(since) = options.since {
        words.push(format!("--since {since}"));
    }
    words.extend(options.table.options());
    words.join(" ")
}

/// `text` in lines of at most `width` characters, broken between words and
/// never at a no-break space (U+00A0), which is written as a plain space:
/// a command or a quoted example stays on one line.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_ascii_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    lines
        .into_iter()
        .map(|line| line.replace('\u{a0}', " "))
        .collect()
}
