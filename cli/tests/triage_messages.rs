//! A message is its id: copies of one `MobileMessageTrackingID`, in any
//! number of inputs, in any order, with times at any precision (a
//! spreadsheet re-save cuts `9:00:37 AM` to `9:00`), are one message. Its
//! fate is the highest code of its copies, its time the latest, and it is
//! counted once.

use crate::common;

use std::fmt::Write as _;

use common::{json_report, read, scratch, scratch_file, sms_status};

const MONDAY: &str = "tests/fixtures/tracking-monday.csv";
const TUESDAY: &str = "tests/fixtures/tracking-tuesday-resaved.csv";

/// Triages `inputs` and returns the report, the suppress list and the
/// retry list.
fn lists(inputs: &[&str], name: &str) -> (serde_json::Value, String, String) {
    let suppress = scratch(&format!("{name}-suppress.txt"));
    let retry = scratch(&format!("{name}-retry.txt"));
    let mut args = inputs.to_vec();
    args.extend([
        "--suppress-list",
        suppress.to_str().expect("a UTF-8 path"),
        "--retry-list",
        retry.to_str().expect("a UTF-8 path"),
    ]);
    let (report, run) = json_report(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    (report, read(&suppress), read(&retry))
}

#[test]
fn a_copy_re_saved_with_its_time_cut_to_the_minute_is_the_same_message() {
    for (order, inputs) in [
        ("in order", [MONDAY, TUESDAY]),
        ("reversed", [TUESDAY, MONDAY]),
    ] {
        let (report, suppress, _) = lists(&inputs, &format!("resaved-{}", order.len()));
        // 9001's final code reached Tuesday's copy: the number is suppressed,
        // not left pending by Monday's copy, whose time has its seconds.
        assert_eq!(suppress, "15550002001\n", "{order}");
        assert_eq!(
            report["messages"]["total"], 3,
            "{order}: 9001, 9002, 9003 once each"
        );
        assert_eq!(report["recipients"]["total"], 3, "{order}");
        assert_eq!(report["messages"]["outcomes"]["pending"], 0, "{order}");
        assert_eq!(report["messages"]["delivered"], 2, "{order}");
    }
}

#[test]
fn the_same_extract_read_twice_through_two_names_counts_each_message_once() {
    let copy = scratch("monday-copy.csv");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(MONDAY),
        &copy,
    )
    .expect("a copy");
    let (report, run) = json_report(&[MONDAY, copy.to_str().expect("a UTF-8 path")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["rows"], 4);
    assert_eq!(report["messages"]["total"], 2);
}

#[test]
fn copies_spread_over_a_large_file_are_counted_once_on_any_number_of_threads() {
    // Every message twice: once early in the file with seconds and a
    // pending code, once near the end cut to the minute with its final
    // code, so that the copies fall in different threads' chunks.
    const MESSAGES: usize = 150_000;
    let header = "MobileMessageTrackingID,Mobile,CreateDateTime,SMSStandardStatusCodeId,Text\n";
    let mut text = String::from(header);
    let time = |id: usize, seconds: bool| {
        let (minute, hour, day) = (id % 60, id / 60 % 12 + 1, id % 28 + 1);
        if seconds {
            format!("3/{day}/2026 {hour}:{minute:02}:{:02} PM", id % 60)
        } else {
            format!("3/{day}/2026 {hour}:{minute:02} PM")
        }
    };
    let final_codes = ["4000", "4504", "4501"];
    for id in 0..MESSAGES {
        let number = 15_550_000_000 + id % 5_000;
        writeln!(
            text,
            "{id},{number},{},3001,first copy of message {id}",
            time(id, true)
        )
        .expect("a row");
    }
    for id in 0..MESSAGES {
        let number = 15_550_000_000 + id % 5_000;
        let code = final_codes[id % final_codes.len()];
        writeln!(text, "{id},{number},{},{code},second copy", time(id, false)).expect("a row");
    }
    assert!(
        text.len() > 9 << 20,
        "large enough to be read on several threads"
    );
    let path = scratch_file("copies-everywhere.csv", &text);
    let path = path.to_str().expect("a UTF-8 path");
    let one = sms_status(&["triage", "--format", "json", "--threads", "1", path]);
    assert_eq!(one.code, 0, "{}", one.stderr);
    let report: serde_json::Value = serde_json::from_str(&one.stdout).expect("a JSON report");
    assert_eq!(report["rows"], 2 * MESSAGES);
    assert_eq!(report["messages"]["total"], MESSAGES);
    assert_eq!(report["messages"]["outcomes"]["pending"], 0);
    for threads in ["2", "3", "7"] {
        let many = sms_status(&["triage", "--format", "json", "--threads", threads, path]);
        assert_eq!(many.stdout, one.stdout, "{threads} threads");
    }
}

#[test]
fn an_id_a_spreadsheet_wrote_as_a_decimal_is_the_same_message_and_null_is_none() {
    let path = scratch_file(
        "ids-as-spreadsheets-write-them.csv",
        "MobileMessageTrackingID,Mobile,CreateDateTime,SMSStandardStatusCodeId\n\
         9001,15550002101,3/1/2022 9:00:37 AM,3001\n\
         9001.0,15550002101,3/1/2022 9:01:00 AM,4504\n\
         NULL,15550002102,3/1/2022 9:00:00 AM,4000\n\
         NULL,15550002102,NULL,4000\n\
         #N/A,15550002103,3/2/2022 9:00:00 AM,4000\n\
         9.00012E+11,15550002104,3/2/2022 9:00:00 AM,4000\n",
    );
    let suppress = scratch("ids-as-written-suppress.txt");
    let (report, run) = json_report(&[
        path.to_str().unwrap(),
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "one bad row: {}", run.stderr);
    // 9001 and 9001.0 are one message, whose highest code is 4504; each
    // NULL id is a message of its own, and a NULL time is no time.
    assert_eq!(read(&suppress), "15550002101\n");
    assert_eq!(
        report["messages"]["total"], 4,
        "9001 once, NULL twice, #N/A"
    );
    assert_eq!(report["recipients"]["total"], 3);
    assert_eq!(report["bad_rows"], 1);
    assert!(
        run.stderr.contains(
            ":7: MobileMessageTrackingID: \"9.00012E+11\" is an id in scientific notation"
        ),
        "{}",
        run.stderr
    );
}
