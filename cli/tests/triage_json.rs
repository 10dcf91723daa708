//! `sms-status triage` on REST deliveries and event notifications (JSON).

mod common;

use common::{read, scratch, sms_status};
use serde_json::{Value, json};

fn json_report(args: &[&str]) -> (Value, common::Run) {
    let mut all = vec!["triage", "--format", "json"];
    all.extend_from_slice(args);
    let run = sms_status(&all);
    let report = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|error| panic!("no JSON ({error}):\n{}", run.stdout));
    (report, run)
}

fn codes(report: &Value) -> Vec<(u64, u64)> {
    report["statuses"]
        .as_array()
        .expect("statuses")
        .iter()
        .map(|s| {
            (
                s["code"].as_u64().unwrap(),
                s["recipients"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn rest_deliveries_resolve_per_mobile_number_highest_code_wins() {
    let suppress = scratch("rest-suppress.txt");
    let (report, run) = json_report(&[
        "samples/message-contact-deliveries.json",
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["rows"], 8);
    assert_eq!(report["recipients"], 3);
    // 15550100001: 3000, 4000, 3001, 2000 out of order → 4000.
    // 15550100002: 2000, 4504 → 4504. 15550100003: " 3002 ", 4510 → 4510.
    assert_eq!(codes(&report), [(4000, 1), (4504, 1), (4510, 1)]);
    assert_eq!(
        report["unlisted_codes"],
        json!([{ "code": 4510, "rows": 1 }])
    );
    assert_eq!(read(&suppress), "15550100002\n");
}

#[test]
fn event_notifications_resolve_per_message_key() {
    let suppress = scratch("events-suppress.txt");
    let retry = scratch("events-retry.txt");
    let (report, run) = json_report(&[
        "samples/ens-sms-events.json",
        "--suppress-list",
        suppress.to_str().unwrap(),
        "--retry-list",
        retry.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["rows"], 5);
    // m-001: 2000, 3001, 4000 → 4000; m-002: 4505; m-003: 1501.
    assert_eq!(report["recipients"], 3);
    assert_eq!(codes(&report), [(1501, 1), (4000, 1), (4505, 1)]);
    assert_eq!(read(&suppress), "15550100009\n");
    assert_eq!(read(&retry), "15550100010\n");
}

#[test]
fn all_inputs_are_triaged_together() {
    let suppress = scratch("together-suppress.txt");
    let retry = scratch("together-retry.txt");
    let (report, run) = json_report(&[
        "samples/sms-message-tracking.csv",
        "samples/message-contact-deliveries.json",
        "samples/ens-sms-events.json",
        "--suppress-list",
        suppress.to_str().unwrap(),
        "--retry-list",
        retry.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    assert_eq!(report["files"], 3);
    assert_eq!(report["rows"], 8 + 8 + 5);
    assert_eq!(report["bad_rows"], 2);
    // The report counts mobile numbers from the extract and the REST
    // response (which share 15550100001..3), and events per message key:
    // 6 numbers + 3 messages.
    assert_eq!(report["recipients"], 9);
    assert_eq!(
        report["unlisted_codes"],
        json!([{ "code": 4510, "rows": 2 }])
    );
    // The lists take each number's highest code over all inputs, events'
    // `to` included: m-001 (4000) is 15550100001, delivered in every input.
    assert_eq!(read(&suppress), "15550100002\n15550100009\n");
    assert_eq!(read(&retry), "15550100004\n15550100005\n15550100010\n");
}

#[test]
fn a_number_is_in_one_list_only_whatever_input_named_it() {
    let extract = scratch("one-list.csv");
    std::fs::write(
        &extract,
        "Mobile,SMSStandardStatusCodeId\n15550100002,4504\n15550100003,4501\n",
    )
    .expect("a scratch file");
    let events = scratch("one-list-events.json");
    std::fs::write(
        &events,
        r#"[
  { "info": { "messageKey": "k-1", "to": "15550100002", "statusCode": "4501" } },
  { "info": { "messageKey": "k-2", "to": "15550100003", "statusCode": "4504" } }
]
"#,
    )
    .expect("a scratch file");
    let suppress = scratch("one-list-suppress.txt");
    let retry = scratch("one-list-retry.txt");
    let (report, run) = json_report(&[
        extract.to_str().unwrap(),
        events.to_str().unwrap(),
        "--suppress-list",
        suppress.to_str().unwrap(),
        "--retry-list",
        retry.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The report still resolves events per message key.
    assert_eq!(report["recipients"], 4);
    // 15550100002: 4504 (extract) beats 4501 (event); 15550100003: 4504
    // (event) beats 4501 (extract). Both are suppressed, neither retried.
    assert_eq!(read(&suppress), "15550100002\n15550100003\n");
    assert_eq!(read(&retry), "");
}

#[test]
fn mobile_numbers_sent_as_json_integers_are_read_as_their_digits() {
    let events = scratch("numeric-to.json");
    std::fs::write(
        &events,
        r#"[
  { "info": { "messageKey": "k-1", "to": 15550100002, "statusCode": 4504 } }
]
"#,
    )
    .expect("a scratch file");
    let deliveries = scratch("numeric-mobile-number.json");
    std::fs::write(
        &deliveries,
        r#"{ "tracking": [
  { "mobileNumber": 15550100004, "standardStatusCode": "4501" }
] }
"#,
    )
    .expect("a scratch file");
    let suppress = scratch("numeric-suppress.txt");
    let retry = scratch("numeric-retry.txt");
    let (report, run) = json_report(&[
        events.to_str().unwrap(),
        deliveries.to_str().unwrap(),
        "--suppress-list",
        suppress.to_str().unwrap(),
        "--retry-list",
        retry.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["bad_rows"], 0);
    assert_eq!(read(&suppress), "15550100002\n");
    assert_eq!(read(&retry), "15550100004\n");
}

#[test]
fn a_mobile_number_of_another_json_type_is_a_bad_row_naming_the_type() {
    let events = scratch("bad-number-types.json");
    std::fs::write(
        &events,
        r#"[
  { "info": { "messageKey": "k-1", "to": true, "statusCode": "4504" } },
  { "tracking": [ { "mobileNumber": 1.5e10, "standardStatusCode": "4000" } ] },
  { "tracking": [ { "mobileNumber": ["15550100001"], "standardStatusCode": "4000" } ] }
]
"#,
    )
    .expect("a scratch file");
    let name = events.to_str().unwrap();
    let (report, run) = json_report(&[name]);
    assert_eq!(run.code, 1);
    assert_eq!(report["bad_rows"], 3);
    assert_eq!(report["recipients"], 0);
    let bad: Vec<&str> = run.stderr.lines().collect();
    let expected = [
        format!(
            "{name}:2: info.to: expected a mobile number as a string or an integer, found a boolean true"
        ),
        format!(
            "{name}:3: mobileNumber: expected a mobile number as a string or an integer, found a number with a fraction or exponent"
        ),
        format!(
            "{name}:4: mobileNumber: expected a mobile number as a string or an integer, found an array"
        ),
    ];
    assert_eq!(bad.len(), expected.len(), "{}", run.stderr);
    for (line, prefix) in bad.iter().zip(&expected) {
        assert!(
            line.starts_with(prefix.as_str()),
            "expected {prefix:?}, got {line:?}"
        );
    }
}

#[test]
fn bad_deliveries_are_reported_with_the_line_they_start_on() {
    let fixture = "tests/fixtures/deliveries-bad-items.json";
    let retry = scratch("bad-items-retry.txt");
    let (report, run) = json_report(&[fixture, "--retry-list", retry.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_eq!(report["rows"], 7);
    assert_eq!(report["bad_rows"], 5);
    assert_eq!(report["recipients"], 2);
    let expected = [
        (5, "standardStatusCode: empty SMS status"),
        (6, "standardStatusCode: invalid SMS status \"40O0\""),
        (7, "standardStatusCode: missing"),
        (8, "mobileNumber: missing or empty"),
        (
            9,
            "standardStatusCode: expected a status code as a string or a number",
        ),
    ];
    let bad: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(bad.len(), expected.len(), "{}", run.stderr);
    for (line, (number, problem)) in bad.iter().zip(expected) {
        let prefix = format!("{fixture}:{number}: {problem}");
        assert!(
            line.starts_with(&prefix),
            "expected {prefix:?}, got {line:?}"
        );
    }
    assert_eq!(read(&retry), "15550100007\n");
}

#[test]
fn broken_json_is_reported_where_it_breaks_and_what_came_before_counts() {
    let fixture = "tests/fixtures/events-truncated.json";
    let (report, run) = json_report(&[fixture]);
    assert_eq!(run.code, 1);
    assert_eq!(report["recipients"], 2);
    assert_eq!(report["bad_rows"], 1);
    let bad: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(bad.len(), 1, "{}", run.stderr);
    assert!(
        bad[0].starts_with(&format!("{fixture}:5: broken JSON: EOF while parsing")),
        "{}",
        bad[0]
    );
}

#[test]
fn json_that_is_neither_deliveries_nor_events_is_a_bad_row() {
    let dir = scratch("neither.json");
    std::fs::write(&dir, "{\n  \"count\": 3\n}\n").expect("a scratch file");
    let (report, run) = json_report(&[dir.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_eq!(report["bad_rows"], 1);
    assert!(
        run.stderr.contains(":1: expected a deliveries response"),
        "{}",
        run.stderr
    );
}
