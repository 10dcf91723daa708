//! `sms-status triage` on JSON: REST deliveries responses, event
//! notifications and Transactional Messaging API responses, as documents or
//! JSON Lines. Each event kind means what Salesforce says it means.

use crate::common;

use common::{json_report, messages, read, scratch, scratch_file, sms_status, status_counts};
use serde_json::json;

const REST: &str = "samples/message-contact-deliveries.json";
const EVENTS: &str = "samples/ens-sms-events.json";

#[test]
fn rest_deliveries_are_one_message_per_number_its_highest_code_wins() {
    let suppress = scratch("rest-suppress.txt");
    let (report, run) = json_report(&[REST, "--suppress-list", suppress.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["rows"], 8);
    assert_eq!(report["messages"]["total"], 3);
    assert_eq!(report["recipients"]["total"], 3);
    // 15550100001: 3000, 4000, 3001, 2000 out of order → 4000.
    // 15550100002: 2000, 4504 → 4504. 15550100003: " 3002 ", 4510 → 4510.
    assert_eq!(status_counts(&report), [(4000, 1), (4504, 1), (4510, 1)]);
    assert_eq!(
        report["unlisted_codes"],
        json!([{ "code": 4510, "rows": 1 }])
    );
    // The response says when it was created: its messages have a time.
    assert_eq!(report["resolution"], json!({ "newest_message": 3 }));
    assert_eq!(read(&suppress), "15550100002\n");
}

#[test]
fn each_event_kind_means_what_salesforce_says() {
    let suppress = scratch("events-suppress.txt");
    let retry = scratch("events-retry.txt");
    let (report, run) = json_report(&[
        EVENTS,
        "--suppress-list",
        suppress.to_str().unwrap(),
        "--retry-list",
        retry.to_str().unwrap(),
    ]);
    assert_eq!(
        run.code, 0,
        "SmsSent without a code is no bad row: {}",
        run.stderr
    );
    assert_eq!(report["rows"], 5);
    assert_eq!(report["bad_rows"], 0);
    // m-001: SmsSent (no code), SmsTransient 3001, SmsDelivered 4000.
    // m-002: SmsBounced 4505. m-003: SmsNotSent, reason 47.
    assert_eq!(report["messages"]["total"], 3);
    assert_eq!(status_counts(&report), [(4000, 1), (4505, 1)]);
    assert_eq!(report["recipients"]["not_sent"], 1);
    assert_eq!(report["recipients"]["outcomes"]["failed"], 2);
    assert_eq!(
        report["not_sent_reasons"],
        json!([{ "code": "47", "reason": "Mobile Address not found", "messages": 1, "recipients": 1 }])
    );
    // 47 is a reason, not a status code: never "not in this table".
    assert_eq!(report["unlisted_codes"], json!([]));
    // A message never sent is in neither list.
    assert_eq!(read(&suppress), "15550100009\n");
    assert_eq!(read(&retry), "");

    let text = common::sms_status(&["triage", EVENTS]);
    assert!(
        text.stdout
            .contains("not sent: 47 Mobile Address not found — 1 message"),
        "{}",
        text.stdout
    );
    assert!(
        !text.stdout.contains("47 (not in this table)"),
        "{}",
        text.stdout
    );
}

#[test]
fn a_message_only_sent_so_far_is_pending() {
    let events = scratch_file(
        "sent-only.json",
        r#"[{ "eventCategoryType": "TransactionalSendEvents.SmsSent", "timestampUTC": 1790949791000,
  "info": { "to": "15550100001", "messageKey": "m-001" } }]"#,
    );
    let (report, run) = json_report(&[events.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["recipients"]["sent_without_status"], 1);
    assert_eq!(report["recipients"]["outcomes"]["pending"], 1);
    assert_eq!(report["actions"]["wait"], 1);
}

#[test]
fn an_unknown_event_kind_is_a_bad_row_naming_it() {
    let events = scratch_file(
        "unknown-kind.json",
        r#"[
  { "eventCategoryType": "TransactionalSendEvents.SmsClicked", "info": { "to": "15550100001", "messageKey": "m-1", "statusCode": "4000" } },
  { "info": { "to": "15550100002", "messageKey": "m-2", "statusCode": "4504" } },
  { "eventCategoryType": "TransactionalSendEvents.SmsDelivered", "info": { "to": "15550100003", "messageKey": "m-3" } },
  { "eventCategoryType": "TransactionalSendEvents.SmsDelivered", "info": { "to": "15550100004", "messageKey": "m-4", "statusCode": "4000" } }
]"#,
    );
    let name = events.to_str().unwrap();
    let (report, run) = json_report(&[name]);
    assert_eq!(run.code, 1);
    assert_eq!(report["bad_rows"], 3);
    assert_eq!(report["recipients"]["total"], 1);
    let bad = messages(&run);
    assert_eq!(bad.len(), 3, "{}", run.stderr);
    assert!(
        bad[0].starts_with(&format!(
            "{name}:2: eventCategoryType: unknown SMS event kind \"TransactionalSendEvents.SmsClicked\""
        )),
        "{}",
        bad[0]
    );
    assert!(
        bad[1].starts_with(&format!("{name}:3: eventCategoryType: missing")),
        "{}",
        bad[1]
    );
    assert!(
        bad[2].starts_with(&format!(
            "{name}:4: an SmsDelivered event without a statusCode: expected the status code"
        )),
        "{}",
        bad[2]
    );
}

#[test]
fn transactional_messaging_api_responses_are_read() {
    let (report, run) = json_report(&["tests/fixtures/transactional-api.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["messages"]["total"], 3);
    assert_eq!(report["messages"]["not_sent"], 3);
    // Only the single message names its number (`to`); the list's items
    // name a contact key only.
    assert_eq!(report["recipients"]["total"], 1);
    assert_eq!(report["messages"]["without_mobile_number"], 2);
    assert_eq!(
        report["not_sent_reasons"],
        json!([
            { "code": "16", "reason": "InvalidAttributeValue", "messages": 2, "recipients": 1 },
            { "code": "24", "reason": "ListDetectiveExclusion", "messages": 1, "recipients": 0 },
        ])
    );
    assert_eq!(report["unlisted_codes"], json!([]));
}

#[test]
fn json_lines_with_a_broken_line_count_every_other_line() {
    let fixture = "tests/fixtures/events.jsonl";
    let retry = scratch("jsonl-retry.txt");
    let (report, run) = json_report(&[fixture, "--retry-list", retry.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_eq!(report["bad_rows"], 1);
    assert_eq!(report["rows"], 5);
    let bad = messages(&run);
    assert_eq!(bad.len(), 1, "{}", run.stderr);
    assert_eq!(
        bad[0],
        format!("{fixture}:3: broken JSON line: it is cut short, ending inside a value")
    );
    // m-001 delivered, m-004 expired (retry), m-005 sent: the lines after
    // the broken one count.
    assert_eq!(report["messages"]["total"], 3);
    assert_eq!(read(&retry), "15550100004\n");
}

#[test]
fn several_documents_one_after_another_are_all_read() {
    let file = scratch_file(
        "two-arrays.json",
        "[\n  { \"eventCategoryType\": \"SmsBounced\", \"info\": { \"to\": \"15550100001\", \"messageKey\": \"a\", \"statusCode\": \"4504\" } }\n]\n\
         [\n  { \"eventCategoryType\": \"SmsBounced\", \"info\": { \"to\": \"15550100002\", \"messageKey\": \"b\", \"statusCode\": \"4505\" } }\n]\n",
    );
    let suppress = scratch("two-arrays-suppress.txt");
    let (report, run) = json_report(&[
        file.to_str().unwrap(),
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["messages"]["total"], 2);
    assert_eq!(read(&suppress), "15550100001\n15550100002\n");
}

#[test]
fn all_inputs_are_triaged_together_the_newest_message_deciding() {
    let suppress = scratch("together-suppress.txt");
    let retry = scratch("together-retry.txt");
    let (report, run) = json_report(&[
        "samples/sms-message-tracking.csv",
        REST,
        EVENTS,
        "--suppress-list",
        suppress.to_str().unwrap(),
        "--retry-list",
        retry.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    assert_eq!(report["files"], 3);
    assert_eq!(report["rows"], 8 + 8 + 5);
    assert_eq!(report["bad_rows"], 2);
    assert_eq!(report["messages"]["total"], 6 + 3 + 3);
    // 15550100001..6 from the extract (…01..03 also in the REST response,
    // …01 also in the events), 15550100009 and …10 from the events.
    assert_eq!(report["recipients"]["total"], 8);
    assert_eq!(
        report["unlisted_codes"],
        json!([{ "code": 4510, "rows": 2 }])
    );
    // The REST response (created 14:03:11.2 in Marketing Cloud's time,
    // UTC−6) is 0.2 s newer than the extract's rows (2:03:11 PM), so it
    // decides for 15550100001..03; the events (timestampUTC 14:03:11 UTC)
    // are six hours older than both. 15550100003 ends on the response's
    // 4510, not the extract's 2000.
    assert_eq!(
        status_counts(&report),
        [
            (2600, 1),
            (4000, 1),
            (4501, 1),
            (4504, 1),
            (4505, 1),
            (4510, 2)
        ]
    );
    assert_eq!(report["recipients"]["not_sent"], 1);
    assert_eq!(read(&suppress), "15550100002\n15550100009\n");
    assert_eq!(read(&retry), "15550100004\n15550100005\n");
}

#[test]
fn mobile_numbers_sent_as_json_integers_are_read_as_their_digits() {
    let events = scratch_file(
        "numeric-to.json",
        r#"[ { "eventCategoryType": "SmsBounced", "info": { "messageKey": "k-1", "to": 15550100002, "statusCode": 4504 } } ]"#,
    );
    let deliveries = scratch_file(
        "numeric-mobile-number.json",
        r#"{ "tracking": [ { "mobileNumber": 15550100004, "standardStatusCode": "4501" } ] }"#,
    );
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
fn a_mobile_number_that_is_not_one_is_a_bad_row_naming_it() {
    let events = scratch_file(
        "bad-number-types.json",
        r##"[
  { "eventCategoryType": "SmsBounced", "info": { "messageKey": "k-1", "to": true, "statusCode": "4504" } },
  { "tracking": [ { "mobileNumber": 1.5e10, "standardStatusCode": "4000" } ] },
  { "tracking": [ { "mobileNumber": "#N/A", "standardStatusCode": "4000" } ] },
  { "tracking": [ { "mobileNumber": "15550100009", "standardStatusCode": "4000" } ] }
]
"##,
    );
    let name = events.to_str().unwrap();
    let (report, run) = json_report(&[name]);
    assert_eq!(run.code, 1);
    assert_eq!(report["bad_rows"], 3);
    assert_eq!(report["recipients"]["total"], 1);
    let expected = [
        format!("{name}:2: info.to: invalid type: boolean `true`, expected text, or an integer"),
        format!("{name}:3: mobileNumber: invalid type: floating point `15000000000.0`"),
        format!("{name}:4: mobileNumber: \"#N/A\" is not a mobile number"),
    ];
    let bad = messages(&run);
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
    assert_eq!(report["recipients"]["total"], 2);
    let expected = [
        (5, "standardStatusCode: empty SMS status"),
        (6, "standardStatusCode: invalid SMS status \"40O0\""),
        (7, "missing field `standardStatusCode`"),
        (8, "missing field `mobileNumber`"),
        (
            9,
            "standardStatusCode: invalid type: sequence, expected an SMS status code",
        ),
    ];
    let bad = messages(&run);
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
fn a_document_that_breaks_off_fails_the_input_where_it_breaks() {
    // Cut short: the people past the cut are unknown, so nothing is
    // replaced, however much came before.
    let fixture = "tests/fixtures/events-truncated.json";
    let suppress = scratch("truncated-suppress.txt");
    std::fs::write(&suppress, "15550109999\n").expect("yesterday's list");
    let run = sms_status(&[
        "triage",
        fixture,
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr.contains(&format!(
            "{fixture}:5: broken JSON: the file ends inside a document, cut short"
        )),
        "{}",
        run.stderr
    );
    assert_eq!(read(&suppress), "15550109999\n");

    // Broken in the middle: what follows cannot be read either.
    let file = scratch_file(
        "broken-mid-document.json",
        "[\n  { \"eventCategoryType\": \"TransactionalSendEvents.SmsBounced\", \"info\": \
         { \"messageKey\": \"m-1\", \"to\": \"15550100001\", \"statusCode\": \"4504\" } },\n  \
         oops,\n  { \"eventCategoryType\": \"TransactionalSendEvents.SmsBounced\", \"info\": \
         { \"messageKey\": \"m-2\", \"to\": \"15550100002\", \"statusCode\": \"4504\" } }\n]\n",
    );
    let run = sms_status(&["triage", file.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains(":3: broken JSON: expected value; the rest of the file cannot be read"),
        "{}",
        run.stderr
    );

    // A response saved on one line, as curl saves it, and cut short: one
    // line, but the whole document.
    let whole: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(REST).expect("the sample")).expect("JSON");
    let one_line = whole.to_string();
    let cut = scratch_file("one-line-cut.json", &one_line[..one_line.len() * 3 / 4]);
    let run = sms_status(&[
        "triage",
        cut.to_str().unwrap(),
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "one-line-cut.json:1: broken JSON: the file ends inside a document, cut short"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(read(&suppress), "15550109999\n");
}

#[test]
fn a_broken_json_line_counts_none_of_its_values() {
    let event = |key: &str, to: &str| {
        format!(
            r#"{{"eventCategoryType": "TransactionalSendEvents.SmsBounced", "timestampUTC": 1790949799000, "info": {{"messageKey": "{key}", "to": "{to}", "statusCode": "4504"}}}}"#
        )
    };
    // A batch of three appended as one line, cut inside its third event.
    let batch = format!(
        "[{}, {}, {}]",
        event("b-1", "15550100002"),
        event("b-2", "15550100003"),
        event("b-3", "15550100004")
    );
    let cut = &batch[..batch.len() - 40];
    let file = scratch_file(
        "broken-batch-line.jsonl",
        format!("{}\n{cut}\n", event("a-1", "15550100001")),
    );
    let (report, run) = json_report(&[file.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(report["rows"], 2, "{report}");
    assert_eq!(report["bad_rows"], 1, "{report}");
    assert_eq!(report["messages"]["total"], 1, "{report}");
    assert!(
        run.stderr
            .contains("broken-batch-line.jsonl:2: broken JSON line: it is cut short"),
        "{}",
        run.stderr
    );
}

#[test]
fn json_that_is_neither_deliveries_nor_events_is_a_bad_row() {
    // Nothing in the file can be counted, so the run stops: exit code 2.
    let file = scratch_file("neither.json", "{\n  \"count\": 3\n}\n");
    let run = sms_status(&["triage", file.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr.contains(":1: expected an event notification (with eventCategoryType and info), a deliveries response"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_document_with_a_field_of_the_wrong_type_does_not_stop_the_next() {
    let file = scratch_file(
        "null-tracking.json",
        "{\n  \"createDate\": \"2026-10-02T14:03:11.2\",\n  \"tracking\": null\n}\n\
         {\n  \"tracking\": [ { \"mobileNumber\": \"15550100002\", \"standardStatusCode\": \"4504\" } ]\n}\n",
    );
    let name = file.to_str().unwrap();
    let suppress = scratch("null-tracking-suppress.txt");
    let (report, run) = json_report(&[name, "--suppress-list", suppress.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_eq!(report["bad_rows"], 1);
    assert!(
        run.stderr.starts_with(&format!(
            "{name}:3: tracking: expected an array of deliveries, found null"
        )),
        "{}",
        run.stderr
    );
    assert_eq!(read(&suppress), "15550100002\n");
}

#[test]
fn json_lines_whose_first_line_is_cut_short_count_the_rest() {
    let file = scratch_file(
        "cut-first-line.jsonl",
        "{\"eventCategoryType\":\"SmsBounced\",\"info\":{\"to\":\"15550100001\",\n\
         {\"eventCategoryType\":\"SmsBounced\",\"info\":{\"to\":\"15550100002\",\"messageKey\":\"b\",\"statusCode\":\"4504\"}}\n\
         {\"eventCategoryType\":\"SmsBounced\",\"info\":{\"to\":\"15550100003\",\"messageKey\":\"c\",\"statusCode\":\"4504\"}}",
    );
    let (report, run) = json_report(&[file.to_str().unwrap()]);
    assert_eq!(report["bad_rows"], 1, "{}", run.stderr);
    assert_eq!(report["messages"]["total"], 2);
}

#[test]
fn a_document_laid_out_by_hand_is_one_document() {
    // A REST deliveries response whose one item sits on a line of its own,
    // as people format it by hand: valid JSON, and one document.
    let file = scratch_file(
        "by-hand.json",
        "{ \"message\": \"Finished\", \"count\": 1, \"createDate\": \"2026-10-02T14:03:11.2\", \"tracking\": [\n\
         { \"mobileNumber\": \"15550100002\", \"statusCode\": \"41\", \"standardStatusCode\": \"4504\" }\n\
         ] }\n",
    );
    let suppress = scratch("by-hand-suppress.txt");
    let (report, run) = json_report(&[
        file.to_str().unwrap(),
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["bad_rows"], 0);
    assert_eq!(report["messages"]["total"], 1);
    assert_eq!(read(&suppress), "15550100002\n");
}

#[test]
fn a_line_that_is_not_json_says_so_and_where() {
    let file = scratch_file(
        "not-json-line.jsonl",
        "{\"eventCategoryType\":\"SmsSent\",\"info\":{\"to\":\"15550100001\",\"messageKey\":\"a\"}}\n\
         {\"eventCategoryType\": SmsSent}\n\
         {\"eventCategoryType\":\"SmsSent\",\"info\":{\"to\":\"15550100002\",\"messageKey\":\"b\"}}\n",
    );
    let name = file.to_str().unwrap();
    let (report, run) = json_report(&[name]);
    assert_eq!(report["messages"]["total"], 2);
    assert_eq!(
        messages(&run),
        [format!(
            "{name}:2: broken JSON line: not JSON from column 23"
        )]
    );
}

/// Event notifications as a webhook receiver stores them: each POST body
/// is a JSON array of up to the callback's `maxBatchSize` events (100 to
/// 1,000), appended to one file. The events of one message arrive in
/// different batches, and one arrives twice (delivery is at least once).
const ENS_BATCHES: &str = "tests/fixtures/ens-batches.json";

#[test]
fn ens_batches_one_after_another_are_read_as_one_stream() {
    let stored = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(ENS_BATCHES);
    let batches: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&read(&stored))
        .into_iter()
        .collect::<Result<_, _>>()
        .expect("the fixture is JSON");
    assert_eq!(batches.len(), 2);
    assert!(batches.iter().all(serde_json::Value::is_array));
    // The same bodies written as they came: one a line, or back to back.
    let one_a_line: String = batches
        .iter()
        .map(|batch| batch.to_string() + "\n")
        .collect();
    let back_to_back: String = batches.iter().map(ToString::to_string).collect();
    for (layout, path) in [
        ("as stored", stored.clone()),
        (
            "one a line",
            scratch_file("ens-batches-lines.json", one_a_line),
        ),
        (
            "back to back",
            scratch_file("ens-batches-joined.json", back_to_back),
        ),
    ] {
        let suppress = scratch("ens-batches-suppress.txt");
        let (report, run) = json_report(&[
            path.to_str().unwrap(),
            "--suppress-list",
            suppress.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{layout}: {}", run.stderr);
        assert_eq!(report["rows"], 7, "{layout}");
        assert_eq!(report["messages"]["total"], 3, "{layout}");
        assert_eq!(status_counts(&report), [(4000, 1), (4504, 1)], "{layout}");
        assert_eq!(report["recipients"]["not_sent"], 1, "{layout}");
        assert_eq!(read(&suppress), "15550100102\n", "{layout}");
    }
}
