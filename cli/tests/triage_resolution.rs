//! How triage decides a number's status: a message's status is its highest
//! code; a number's is that of its newest message, by time, not by text;
//! where inputs give no time, the highest code decides.

use crate::common;

use common::{json_report, read, scratch, scratch_file, sms_status};
use serde_json::json;

const HISTORY: &str = "tests/fixtures/tracking-history.csv";

fn lists(args: &[&str], name: &str) -> (String, String, serde_json::Value, common::Run) {
    let suppress = scratch(&format!("{name}-suppress.txt"));
    let retry = scratch(&format!("{name}-retry.txt"));
    let mut all = args.to_vec();
    all.extend(["--suppress-list", suppress.to_str().unwrap()]);
    all.extend(["--retry-list", retry.to_str().unwrap()]);
    let (report, run) = json_report(&all);
    (read(&suppress), read(&retry), report, run)
}

#[test]
fn a_numbers_newest_send_decides_not_its_highest_code() {
    let (suppress, retry, report, run) = lists(&[HISTORY], "history");
    assert_eq!(run.code, 0, "{}", run.stderr);
    // 15550100001: failed with 4504 in 2021, delivered in 2022: kept.
    // 15550100002: 4504 in 2021, expired (4501) in 2022: retried.
    // 15550100003: 1 AM is after 12:30 AM: its 4504 is the newest.
    // 15550100004: 12:01 PM is after 11:59 AM: delivered.
    // 15550100005: two sends at one time: the greater id (4505) is newer.
    // 15550100009: 10/1/2021 is after 9/30/2021, whatever the text says.
    assert_eq!(suppress, "15550100003\n15550100005\n15550100009\n");
    assert_eq!(retry, "15550100002\n");
    assert_eq!(report["recipients"]["total"], 6);
    assert_eq!(report["recipients"]["delivered"], 2);
    assert_eq!(report["messages"]["total"], 12);
    assert_eq!(report["messages"]["delivered"], 5);
    assert_eq!(report["resolution"], json!({ "newest_message": 6 }));
}

#[test]
fn one_message_seen_in_two_extracts_takes_its_highest_code() {
    let (suppress, retry, report, run) = lists(
        &[
            "tests/fixtures/tracking-day2.csv",
            "tests/fixtures/tracking-day1.csv",
        ],
        "two-extracts",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Message 300 went from 3001 (day 1) to 4000 (day 2): delivered, in
    // whichever order the extracts are given. 15550100008's newer send
    // (302, 4501) decides over its older one (301, 4504).
    assert_eq!(suppress, "");
    assert_eq!(retry, "15550100008\n");
    let statuses = common::status_counts(&report);
    assert_eq!(statuses, [(4000, 1), (4501, 1)]);
}

#[test]
fn without_times_the_highest_code_decides_and_the_report_says_so() {
    let (suppress, retry, report, run) = lists(
        &["tests/fixtures/tracking-several-rows-per-number.csv"],
        "no-times",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["resolution"], json!({ "highest_code": 6 }));
    // 15550100005 failed (2502) and was delivered (4000) with no time to
    // order them: the highest code, 4000, decides.
    assert_eq!(suppress, "15550100004\n");
    assert_eq!(retry, "15550100002\n");
    let text = sms_status(&[
        "triage",
        "tests/fixtures/tracking-several-rows-per-number.csv",
    ]);
    assert!(
        text.stdout.contains("do not say when messages were sent"),
        "{}",
        text.stdout
    );
}

#[test]
fn an_untimed_send_never_lets_an_older_timed_one_decide() {
    let timed = scratch_file(
        "mixed-timed.csv",
        "Mobile,CreateDateTime,SMSStandardStatusCodeId\n\
         15550100001,2021-03-01T09:00:00,4504\n\
         15550100001,2022-03-01T09:00:00,3001\n",
    );
    let untimed = scratch_file(
        "mixed-untimed.csv",
        "Mobile,SMSStandardStatusCodeId\n15550100001,2000\n",
    );
    let (suppress, _, report, run) = lists(
        &[timed.to_str().unwrap(), untimed.to_str().unwrap()],
        "mixed",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(suppress, "", "the 2021 failure is older than the 2022 send");
    assert_eq!(common::status_counts(&report), [(3001, 1)]);
    assert_eq!(report["resolution"], json!({ "mixed": 1 }));
}

#[test]
fn times_with_offsets_are_compared_as_instants() {
    // 08:00 at UTC+02:00 is 06:00 UTC: before 07:00Z.
    let extract = scratch_file(
        "offsets.csv",
        "Mobile,CreateDateTime,SMSStandardStatusCodeId\n\
         15550100001,2023-03-01T07:00:00Z,4504\n\
         15550100001,2023-03-01 08:00:00.5+02:00,4000\n",
    );
    let (suppress, ..) = lists(&[extract.to_str().unwrap()], "offsets");
    assert_eq!(suppress, "15550100001\n");
}

#[test]
fn a_time_that_cannot_be_read_is_a_bad_row_naming_it() {
    let extract = scratch_file(
        "bad-time.csv",
        "Mobile,CreateDateTime,SMSStandardStatusCodeId\n\
         15550100001,13/45/2021 9:00:00 AM,4504\n\
         15550100002,,4000\n",
    );
    let name = extract.to_str().unwrap();
    let (report, run) = json_report(&[name]);
    assert_eq!(run.code, 1);
    assert_eq!(report["bad_rows"], 1);
    assert!(
        run.stderr.starts_with(&format!(
            "{name}:2: CreateDateTime: cannot read \"13/45/2021 9:00:00 AM\" as a time: expected"
        )),
        "{}",
        run.stderr
    );
    // An empty time is no time: that row counts, decided by its code.
    assert_eq!(report["recipients"]["total"], 1);
}

#[test]
fn shared_codes_end_at_2000_instead_of_waiting_forever() {
    let extract = scratch_file(
        "shared.csv",
        "Mobile,SMSStandardStatusCodeId\n15550100001,2000\n15550100002,4000\n",
    );
    let path = extract.to_str().unwrap();
    let (dedicated, _) = json_report(&[path]);
    assert_eq!(dedicated["code_kind"], "dedicated");
    assert_eq!(dedicated["recipients"]["outcomes"]["pending"], 1);
    assert_eq!(dedicated["actions"]["wait"], 1);
    let (shared, run) = json_report(&[path, "--code-kind", "shared"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(shared["code_kind"], "shared");
    assert_eq!(shared["recipients"]["outcomes"]["pending"], 0);
    assert_eq!(shared["recipients"]["outcomes"]["unknown"], 1);
    assert_eq!(shared["actions"]["wait"], 0);
    let text = sms_status(&["triage", path, "--code-kind", "shared"]);
    assert!(
        text.stdout.contains("sent from shared codes"),
        "{}",
        text.stdout
    );
    let wrong = sms_status(&["triage", path, "--code-kind", "short"]);
    assert_eq!(wrong.code, 2);
    assert!(wrong.stderr.contains("\"short\""), "{}", wrong.stderr);
}
