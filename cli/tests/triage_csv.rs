//! `sms-status triage` on tracking extracts (CSV): per-number resolution,
//! every bad row reported with its line, and the suppress and retry lists.

use crate::common;

use common::{json_report, read, scratch, sms_status, sms_status_with_stdin};
use serde_json::{Value, json};

const SAMPLE: &str = "samples/sms-message-tracking.csv";

#[test]
fn the_shipped_extract_is_triaged_per_number() {
    let (report, run) = json_report(&[SAMPLE]);
    assert_eq!(run.code, 1, "bad rows make the exit code 1");
    assert_eq!(report["files"], 1);
    assert_eq!(report["rows"], 8);
    assert_eq!(report["bad_rows"], 2);
    assert_eq!(report["messages"]["total"], 6);
    assert_eq!(report["recipients"]["total"], 6);
    assert_eq!(
        common::status_counts(&report),
        [
            (2000, 1),
            (2600, 1),
            (4000, 1),
            (4501, 1),
            (4504, 1),
            (4510, 1)
        ]
    );
    assert_eq!(
        report["recipients"]["outcomes"],
        json!({ "pending": 1, "delivered": 1, "failed": 3, "unknown": 1 })
    );
    assert_eq!(
        report["messages"]["outcomes"],
        report["recipients"]["outcomes"]
    );
    assert_eq!(
        report["actions"],
        json!({ "wait": 1, "none": 1, "retry-later": 2, "suppress-number": 1, "investigate": 1 })
    );
    assert_eq!(report["recipients"]["delivered"], 1);
    let rate = report["recipients"]["delivery_rate"]
        .as_f64()
        .expect("a rate");
    assert!((rate - 1.0 / 6.0).abs() < 1e-9, "{rate}");
    assert_eq!(
        report["unlisted_codes"],
        json!([{ "code": 4510, "rows": 1 }])
    );
}

#[test]
fn every_bad_row_of_the_shipped_extract_is_reported_with_file_and_line() {
    let run = sms_status(&["triage", SAMPLE]);
    assert_eq!(run.code, 1);
    let bad: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(bad.len(), 2, "{}", run.stderr);
    // Line 8: 9000007 has an empty code; line 9: 9000008 has the typo 40O0.
    assert!(
        bad[0].starts_with(&format!("{SAMPLE}:8: SMSStandardStatusCodeId: empty")),
        "{}",
        bad[0]
    );
    assert!(
        bad[1].starts_with(&format!("{SAMPLE}:9: SMSStandardStatusCodeId: invalid")),
        "{}",
        bad[1]
    );
    assert!(bad[1].contains("\"40O0\""), "{}", bad[1]);
    assert!(run.stdout.contains("bad rows: 2"), "{}", run.stdout);
}

#[test]
fn the_text_report_counts_statuses_outcomes_actions_and_the_rate() {
    let run = sms_status(&["triage", SAMPLE]);
    let out = &run.stdout;
    assert!(
        out.starts_with(
            "Triage of 1 file: 8 rows, 2 bad rows\n\
             6 messages to 6 recipients (mobile numbers), sent from dedicated codes\n"
        ),
        "{out}"
    );
    for line in [
        " 4000 Delivered ",
        " 4510 (not in this table) ",
        "delivery rate: 16.7% of messages (1 of 6), 16.7% of recipients (1 of 6)",
        "codes not in this table: 4510 (1 row)",
    ] {
        assert!(out.contains(line), "no {line:?} in:\n{out}");
    }
    let count_of = |label: &str| -> u64 {
        let line = out
            .lines()
            .find(|line| line.split_whitespace().next() == Some(label))
            .unwrap_or_else(|| panic!("no {label} line in:\n{out}"));
        line.split_whitespace().last().unwrap().parse().unwrap()
    };
    assert_eq!(count_of("failed"), 3);
    assert_eq!(count_of("retry-later"), 2);
    assert_eq!(count_of("suppress-number"), 1);
}

#[test]
fn suppress_and_retry_lists_hold_the_numbers_their_final_status_calls_for() {
    let suppress = scratch("sample-suppress.txt");
    let retry = scratch("sample-retry.txt");
    let run = sms_status(&[
        "triage",
        SAMPLE,
        "--suppress-list",
        suppress.to_str().unwrap(),
        "--retry-list",
        retry.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // 4504 suppresses; 4501 and 2600 retry; 4510 (unlisted) is in neither.
    assert_eq!(read(&suppress), "15550100002\n");
    assert_eq!(read(&retry), "15550100004\n15550100005\n");
}

#[test]
fn several_rows_per_number_without_times_resolve_to_the_highest_code() {
    let suppress = scratch("several-suppress.txt");
    let retry = scratch("several-retry.txt");
    let fixture = "tests/fixtures/tracking-several-rows-per-number.csv";
    let (report, run) = json_report(&[
        fixture,
        "--suppress-list",
        suppress.to_str().unwrap(),
        "--retry-list",
        retry.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["rows"], 12);
    assert_eq!(report["recipients"]["total"], 6);
    assert_eq!(report["recipients"]["delivered"], 2);
    assert_eq!(
        report["unlisted_codes"],
        json!([{ "code": 4510, "rows": 1 }])
    );
    // 15550100005 failed once (2502) and was delivered later (4000): not
    // suppressed. 0015550100002 (the international prefix) and +1 555 010
    // 0002 are one number, 15550100002. 15550100006 ended on an unlisted
    // code, so it is in neither list; 15550100004 is listed once.
    assert_eq!(read(&suppress), "15550100004\n");
    assert_eq!(read(&retry), "15550100002\n");
}

#[test]
fn broken_csv_rows_are_reported_counted_and_the_rest_still_read() {
    let fixture = "tests/fixtures/tracking-broken-rows.csv";
    let suppress = scratch("broken-suppress.txt");
    let retry = scratch("broken-retry.txt");
    let mut args = vec!["triage", "--format", "json", fixture];
    args.extend(["--suppress-list", suppress.to_str().unwrap()]);
    args.extend(["--retry-list", retry.to_str().unwrap()]);
    let run = sms_status(&args);
    assert_eq!(run.code, 1);
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(report["rows"], 9);
    assert_eq!(report["bad_rows"], 5);
    assert_eq!(report["recipients"]["total"], 4);
    let bad: Vec<&str> = run.stderr.lines().collect();
    let expected = [
        (3, "broken CSV row: 3 fields, expected 4"),
        (5, "Mobile: empty mobile number"),
        (9, "SMSStandardStatusCodeId: invalid SMS status \"-1\""),
        (
            10,
            "SMSStandardStatusCodeId: SMS status code \"70000\" is out of range",
        ),
        (11, "broken CSV row: 5 fields, expected 4"),
    ];
    assert_eq!(bad.len(), expected.len(), "{}", run.stderr);
    for (line, (number, problem)) in bad.iter().zip(expected) {
        let prefix = format!("{fixture}:{number}: {problem}");
        assert!(
            line.starts_with(&prefix),
            "expected {prefix:?}, got {line:?}"
        );
    }
    // The quoted multi-line row (4505) and the padded code (2600) count.
    assert_eq!(read(&suppress), "15550100005\n");
    assert_eq!(read(&retry), "15550100003\n15550100006\n");
}

#[test]
fn column_options_name_the_code_and_number_columns() {
    let fixture = "tests/fixtures/tracking-renamed-columns.csv";
    // A header without the column stops the run before anything is
    // written: exit code 2, as for any mistake in how triage was called.
    let missing = sms_status(&["triage", fixture]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("no column SMSStandardStatusCodeId"),
        "{}",
        missing.stderr
    );
    assert!(
        missing.stderr.contains(r#"(it has: "Phone", "Code")"#),
        "{}",
        missing.stderr
    );
    assert!(
        missing.stderr.contains("--column NAME"),
        "{}",
        missing.stderr
    );

    let no_number = sms_status(&["triage", fixture, "--column", "Code"]);
    assert_eq!(no_number.code, 2);
    assert!(
        no_number
            .stderr
            .contains("no column Mobile or MobileNumber"),
        "{}",
        no_number.stderr
    );

    let (report, run) = json_report(&[fixture, "--column", "Code", "--number-column", "phone"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["recipients"]["total"], 2);
    assert_eq!(report["actions"]["suppress-number"], 1);
}

#[test]
fn a_dash_reads_standard_input() {
    let sample = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/sms-message-tracking.csv"
    ))
    .expect("the sample");
    let run = sms_status_with_stdin(&["triage", "-"], Some(&sample));
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .starts_with("Triage of 1 file: 8 rows, 2 bad rows\n6 messages to 6 recipients"),
        "{}",
        run.stdout
    );
    assert!(run.stderr.starts_with("<stdin>:8: "), "{}", run.stderr);
}

#[test]
fn unopenable_and_empty_inputs_are_named() {
    let run = sms_status(&["triage", "tests/fixtures/no-such-file.csv"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("cannot open tests/fixtures/no-such-file.csv"),
        "{}",
        run.stderr
    );

    // An empty input is found only once reading starts, and stops the run.
    let empty = sms_status_with_stdin(&["triage", "-"], Some(b""));
    assert_eq!(empty.code, 2);
    assert!(
        empty.stderr.contains("<stdin> is empty"),
        "{}",
        empty.stderr
    );

    let none = sms_status(&["triage"]);
    assert_eq!(none.code, 2);
    assert!(none.stderr.contains("at least one file"), "{}", none.stderr);
}
