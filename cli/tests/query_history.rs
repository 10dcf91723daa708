//! `sms-status query` over a tracking history with several messages per
//! number, run in SQLite, agrees with triage's rule written out in plain
//! Rust below, and with triage itself: a message is a number and its
//! `MobileMessageTrackingID` (a row without one is a message of its own),
//! its status is its highest code and its time its latest; a number's
//! newest timed message (latest `CreateDateTime`, ties to the highest
//! `MobileMessageTrackingID`, then a message with an id, then the highest
//! code) decides, and only when none has a time the highest code does.
//!
//! `fixtures/query-history.csv` holds `CreateDateTime` in Marketing
//! Cloud's US text form, as extracts write it; the table the SQL reads
//! holds it as ISO text, as a warehouse copy would.

use crate::common;
use crate::sql_engine;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::{read, scratch, sms_status};
use mobileconnect_status::{Action, CodeKind, SmsStatus};
use rusqlite::Connection;
use sql_engine::{TrackingRow, classification_for, query, tracking_table};

const FIXTURE: &str = "tests/fixtures/query-history.csv";
/// A day inside the fixture's history, with messages on both sides of it
/// and at its first second.
const SINCE: &str = "2026-03-01";

/// One fixture row, its time as ISO text.
struct Message {
    id: Option<i64>,
    mobile: String,
    created: Option<String>,
    code: u16,
    /// The row as the fixture writes it, for triage.
    record: csv::StringRecord,
}

fn fixture() -> (csv::StringRecord, Vec<Message>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
    let mut reader = csv::Reader::from_path(path).expect("the fixture opens");
    let header = reader.headers().expect("a header").clone();
    let messages = reader
        .records()
        .map(|record| {
            let record = record.expect("a fixture row");
            Message {
                id: (!record[0].is_empty()).then(|| record[0].parse().expect("a message ID")),
                mobile: record[1].to_owned(),
                created: (!record[2].is_empty()).then(|| iso_from_us(&record[2])),
                code: record[3].parse().expect("a code"),
                record,
            }
        })
        .collect();
    (header, messages)
}

/// `3/1/2026 12:00:00 AM` as `2026-03-01 00:00:00`; a time written
/// without its seconds (`9:00 AM`) is at second 0.
fn iso_from_us(text: &str) -> String {
    let fields: Vec<&str> = text.split([' ', '/', ':']).collect();
    let (month, day, year, hour, minute, second, half) = match fields[..] {
        [month, day, year, hour, minute, second, half] => {
            (month, day, year, hour, minute, second, half)
        }
        [month, day, year, hour, minute, half] => (month, day, year, hour, minute, "0", half),
        _ => panic!("not a US date-time: {text:?}"),
    };
    let number = |field: &str| -> u32 { field.parse().expect("a number") };
    let hour = match (number(hour), half) {
        (12, "AM") => 0,
        (hour, "AM") => hour,
        (12, "PM") => 12,
        (hour, "PM") => hour + 12,
        _ => panic!("neither AM nor PM: {text:?}"),
    };
    format!(
        "{}-{:02}-{:02} {hour:02}:{:02}:{:02}",
        number(year),
        number(month),
        number(day),
        number(minute),
        number(second)
    )
}

#[test]
fn us_times_become_iso_text_that_sorts_in_time_order() {
    assert_eq!(iso_from_us("3/1/2026 12:00:00 AM"), "2026-03-01 00:00:00");
    assert_eq!(iso_from_us("3/3/2026 12:30:00 PM"), "2026-03-03 12:30:00");
    assert_eq!(iso_from_us("10/2/2026 2:03:11 PM"), "2026-10-02 14:03:11");
    assert_eq!(iso_from_us("2/28/2026 11:59:59 PM"), "2026-02-28 23:59:59");
    assert_eq!(iso_from_us("3/1/2026 9:00 AM"), "2026-03-01 09:00:00");
}

/// A message for the rule: its number, id, latest time and highest code.
type Resolved<'a> = (&'a str, Option<i64>, Option<&'a str>, u16);

/// Triage's rule over `messages` created on or after `since` (a message
/// without a time cannot be shown to be): each number's status.
fn reference(messages: &[Message], since: Option<&str>) -> BTreeMap<String, SmsStatus> {
    // (number, message ID) → (latest time, highest code) of its rows; rows
    // without an id are messages of their own.
    let mut with_id: BTreeMap<(&str, i64), (Option<&str>, u16)> = BTreeMap::new();
    let mut all: Vec<Resolved> = Vec::new();
    for message in messages {
        let created = message.created.as_deref();
        if since.is_some_and(|since| created.is_none_or(|created| &created[..10] < since)) {
            continue;
        }
        match message.id {
            Some(id) => {
                let seen = with_id
                    .entry((&message.mobile, id))
                    .or_insert((created, message.code));
                *seen = (seen.0.max(created), seen.1.max(message.code));
            }
            None => all.push((&message.mobile, None, created, message.code)),
        }
    }
    all.extend(
        with_id
            .into_iter()
            .map(|((mobile, id), (created, code))| (mobile, Some(id), created, code)),
    );
    // number → its deciding message: timed before untimed; then the latest
    // time; among untimed ones the highest code; an id before none, the
    // greater id; then the highest code.
    let mut newest: BTreeMap<&str, Resolved> = BTreeMap::new();
    for message in all {
        let kept = newest.entry(message.0).or_insert(message);
        if rank(&message) > rank(kept) {
            *kept = message;
        }
    }
    newest
        .into_iter()
        .map(|(mobile, (.., code))| (mobile.to_owned(), SmsStatus::from_code(code)))
        .collect()
}

/// A message's rank among its number's: the greatest decides.
fn rank<'a>(
    &(_, id, created, code): &Resolved<'a>,
) -> (bool, Option<&'a str>, u16, bool, Option<i64>, u16) {
    let untimed_code = if created.is_none() { code } else { 0 };
    (
        created.is_some(),
        created,
        untimed_code,
        id.is_some(),
        id,
        code,
    )
}

fn numbers_calling_for(newest: &BTreeMap<String, SmsStatus>, action: Action) -> BTreeSet<String> {
    newest
        .iter()
        .filter(|(_, status)| status.action() == action)
        .map(|(mobile, _)| mobile.clone())
        .collect()
}

fn tracking_rows(messages: &[Message]) -> Vec<TrackingRow> {
    messages
        .iter()
        .map(|message| TrackingRow {
            id: message.id,
            mobile: Some(message.mobile.clone()),
            created: message.created.clone(),
            code: Some(i64::from(message.code)),
        })
        .collect()
}

/// The fixture in the data view's table, `CreateDateTime` as ISO text.
fn database(messages: &[Message]) -> Connection {
    tracking_table("_SMSMessageTracking", &tracking_rows(messages))
}

/// `sms-status query ARGS`: the SQL it prints.
fn generated(args: &[&str]) -> String {
    let mut full = vec!["query"];
    full.extend_from_slice(args);
    let run = sms_status(&full);
    assert_eq!(run.code, 0, "{full:?}: {}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    run.stdout
}

/// The numbers a list query returns, each once.
fn list_from_sql(connection: &Connection, sql: &str) -> BTreeSet<String> {
    let (columns, rows) = query(connection, sql);
    assert_eq!(columns, ["Mobile"]);
    let numbers: Vec<String> = rows
        .into_iter()
        .map(|row| row[0].clone().expect("a number"))
        .collect();
    let unique: BTreeSet<String> = numbers.iter().cloned().collect();
    assert_eq!(unique.len(), numbers.len(), "a number twice: {numbers:?}");
    unique
}

fn since_args(since: Option<&str>) -> Vec<&str> {
    since.map_or_else(Vec::new, |since| vec!["--since", since])
}

#[test]
fn lists_agree_with_the_rule_for_both_code_kinds_with_and_without_since() {
    let (_, messages) = fixture();
    let connection = database(&messages);
    for since in [None, Some(SINCE)] {
        let newest = reference(&messages, since);
        for kind in ["shared", "dedicated"] {
            for (list, action) in [
                ("suppress-list", Action::SuppressNumber),
                ("retry-list", Action::RetryLater),
            ] {
                let mut args = vec![list, "--code-kind", kind];
                args.extend(since_args(since));
                let sql = generated(&args);
                assert_eq!(
                    list_from_sql(&connection, &sql),
                    numbers_calling_for(&newest, action),
                    "{args:?}"
                );
            }
        }
    }
}

#[test]
fn the_fixture_holds_every_case_the_rule_must_decide() {
    let (_, messages) = fixture();
    let newest = reference(&messages, None);
    let numbers = |list: &[&str]| -> BTreeSet<String> {
        list.iter()
            .map(|number| format!("155501000{number}"))
            .collect()
    };
    let mut suppress = numbers(&["02", "04", "10", "11", "15", "23", "25", "27"]);
    suppress.insert("445550100019".to_owned());
    assert_eq!(
        numbers_calling_for(&newest, Action::SuppressNumber),
        suppress
    );
    assert_eq!(
        numbers_calling_for(&newest, Action::RetryLater),
        numbers(&["03", "09", "12", "14", "17"])
    );
    // In neither list: delivered, pending (2000 among them, final or not),
    // unlisted codes, and the tie that the higher ID decides.
    for number in numbers(&[
        "01", "05", "06", "07", "08", "13", "16", "18", "20", "21", "22", "24", "26",
    ]) {
        let action = newest[&number].action();
        assert!(
            !matches!(action, Action::SuppressNumber | Action::RetryLater),
            "{number}: {action}"
        );
    }
    // 07's newest message ended on 2000 after an expired one.
    assert_eq!(newest["15550100007"], SmsStatus::DeliveredToAggregator);
    let since = reference(&messages, Some(SINCE));
    // A timed message decides over a higher code without a time.
    assert_eq!(newest["15550100021"], SmsStatus::Delivered);
    assert_eq!(newest["15550100022"], SmsStatus::SentToCarrier);
    for gone in numbers(&["09", "11", "14", "23"]) {
        assert!(
            newest.contains_key(&gone) && !since.contains_key(&gone),
            "{gone}"
        );
    }
    assert!(
        since.contains_key("15550100010"),
        "the first second of the day counts"
    );
}

/// What the report query says of one status.
#[derive(Debug, PartialEq, Eq)]
struct ReportRow {
    words: Vec<Option<String>>,
    numbers: u64,
}

fn report_from_sql(connection: &Connection, sql: &str) -> BTreeMap<u16, ReportRow> {
    let (columns, rows) = query(connection, sql);
    assert_eq!(
        columns,
        [
            "SMSStandardStatusCodeId",
            "SmsStatus",
            "SmsStage",
            "SmsOutcome",
            "SmsFinal",
            "SmsAction",
            "Numbers"
        ]
    );
    let mut report = BTreeMap::new();
    for row in rows {
        let code = row[0].as_deref().expect("a code").parse().expect("a code");
        let numbers = row[6]
            .as_deref()
            .expect("a count")
            .parse()
            .expect("a count");
        let row = ReportRow {
            words: row[1..6].to_vec(),
            numbers,
        };
        assert!(report.insert(code, row).is_none(), "{code} twice");
    }
    report
}

#[test]
fn report_agrees_with_the_rule_for_both_code_kinds_with_and_without_since() {
    let (_, messages) = fixture();
    let connection = database(&messages);
    for since in [None, Some(SINCE)] {
        let newest = reference(&messages, since);
        for kind in [CodeKind::Shared, CodeKind::Dedicated] {
            let mut expected: BTreeMap<u16, ReportRow> = BTreeMap::new();
            for status in newest.values() {
                expected
                    .entry(status.code())
                    .or_insert_with(|| ReportRow {
                        words: classification_for(*status, kind),
                        numbers: 0,
                    })
                    .numbers += 1;
            }
            let mut args = vec!["report", "--code-kind", kind.as_str()];
            args.extend(since_args(since));
            let report = report_from_sql(&connection, &generated(&args));
            assert_eq!(report, expected, "{args:?}");
        }
    }
}

#[test]
fn the_report_says_2000_is_final_for_shared_codes_only() {
    let (_, messages) = fixture();
    let connection = database(&messages);
    let final_of_2000 = |kind: &str| {
        let report = report_from_sql(&connection, &generated(&["report", "--code-kind", kind]));
        report[&2000].words[3].clone()
    };
    assert_eq!(final_of_2000("shared").as_deref(), Some("yes"));
    assert_eq!(final_of_2000("dedicated").as_deref(), Some("no"));
}

#[test]
fn lists_are_the_same_text_for_both_code_kinds() {
    for list in ["suppress-list", "retry-list"] {
        assert_eq!(
            generated(&[list, "--code-kind", "shared"]),
            generated(&[list, "--code-kind", "dedicated"]),
            "{list}"
        );
    }
}

#[test]
fn table_names_the_table_read() {
    let (_, messages) = fixture();
    let connection = tracking_table("main.sms_tracking", &tracking_rows(&messages));
    let sql = generated(&["suppress-list", "--table", "main.sms_tracking"]);
    assert!(sql.contains("FROM main.sms_tracking AS t"), "{sql}");
    assert!(!sql.contains("_SMSMessageTracking"), "{sql}");
    assert_eq!(
        list_from_sql(&connection, &sql),
        numbers_calling_for(&reference(&messages, None), Action::SuppressNumber)
    );
}

/// Triage, given the same history (only the rows from `since` on), writes
/// the same lists, for both code kinds: rows without a time and without an
/// id included.
#[test]
fn lists_agree_with_triage() {
    let (header, messages) = fixture();
    let connection = database(&messages);
    for since in [None, Some(SINCE)] {
        let history = scratch(&format!("history-since-{}.csv", since.unwrap_or("ever")));
        let mut writer = csv::Writer::from_path(&history).expect("a scratch file");
        writer.write_record(&header).expect("written");
        for message in &messages {
            let recent = |since: &str| {
                message
                    .created
                    .as_deref()
                    .is_some_and(|created| &created[..10] >= since)
            };
            if since.is_none_or(recent) {
                writer.write_record(&message.record).expect("written");
            }
        }
        writer.flush().expect("written");
        for kind in ["shared", "dedicated"] {
            let suppress = scratch(&format!("suppress-{kind}.txt"));
            let retry = scratch(&format!("retry-{kind}.txt"));
            let run = sms_status(&[
                "triage",
                history.to_str().expect("a UTF-8 path"),
                "--code-kind",
                kind,
                "--suppress-list",
                suppress.to_str().expect("a UTF-8 path"),
                "--retry-list",
                retry.to_str().expect("a UTF-8 path"),
            ]);
            assert_eq!(run.code, 0, "{}", run.stderr);
            for (file, list) in [(&suppress, "suppress-list"), (&retry, "retry-list")] {
                let mut args = vec![list, "--code-kind", kind];
                args.extend(since_args(since));
                let from_triage: BTreeSet<String> = read(file).lines().map(str::to_owned).collect();
                assert_eq!(
                    from_triage,
                    list_from_sql(&connection, &generated(&args)),
                    "{args:?}"
                );
            }
        }
    }
}
