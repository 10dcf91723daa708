//! Dates a spreadsheet has touched: each file's slash dates are read in
//! the order the file shows (a number above 12, else Marketing Cloud's
//! AM/PM form), a file that shows none is refused unless `--date-order`
//! says, and a date that contradicts its file's order is a bad row.

use crate::common;

use std::fmt::Write as _;

use common::{json_report, read, scratch, scratch_file, sms_status};

const DAY_FIRST: &str = "tests/fixtures/tracking-resaved-day-first.csv";
const UNDECIDED: &str = "tests/fixtures/tracking-dates-undecided.csv";
const ONE_DAY_FIRST: &str = "tests/fixtures/tracking-one-date-day-first.csv";
const MARKETING_CLOUD: &str = "tests/fixtures/query-history.csv";
const MARKED_DAY_FIRST: &str = "tests/fixtures/tracking-marked-day-first.csv";
const MARKED_UNDECIDED: &str = "tests/fixtures/tracking-marked-undecided.csv";

#[test]
fn a_file_whose_dates_show_the_day_first_is_read_day_first_throughout() {
    let suppress = scratch("day-first-suppress.txt");
    let retry = scratch("day-first-retry.txt");
    let (report, run) = json_report(&[
        DAY_FIRST,
        "--suppress-list",
        suppress.to_str().unwrap(),
        "--retry-list",
        retry.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["bad_rows"], 0);
    // 05/02/2021 is 5 February and 02/05/2021 2 May: the delivery in May
    // is 15550003001's newest message, not the failure in February.
    assert_eq!(read(&suppress), "");
    assert_eq!(read(&retry), "15550003002\n");
    assert_eq!(report["recipients"]["delivered"], 1);
}

#[test]
fn a_file_where_nothing_decides_the_order_is_refused_until_the_option_says() {
    let suppress = scratch("undecided-suppress.txt");
    std::fs::write(&suppress, "15550009999\n").expect("yesterday's list");
    let run = sms_status(&[
        "triage",
        UNDECIDED,
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "{UNDECIDED}: its dates can be read month first or day first (\"05/02/2021 16:30\" on line 2"
        )),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--date-order mdy"), "{}", run.stderr);
    assert_eq!(read(&suppress), "15550009999\n", "nothing was replaced");

    for (order, listed) in [("dmy", ""), ("mdy", "15550003101\n")] {
        let run = sms_status(&[
            "triage",
            UNDECIDED,
            "--date-order",
            order,
            "--suppress-list",
            suppress.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{order}: {}", run.stderr);
        assert_eq!(read(&suppress), listed, "{order}");
    }
    let wrong = sms_status(&["triage", UNDECIDED, "--date-order", "ymd"]);
    assert_eq!(wrong.code, 2);
    assert!(wrong.stderr.contains("expected mdy"), "{}", wrong.stderr);
}

#[test]
fn a_date_that_contradicts_its_files_order_is_a_bad_row_that_says_so() {
    let (report, run) = json_report(&[ONE_DAY_FIRST]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(report["bad_rows"], 1);
    assert!(
        run.stderr.contains(&format!(
            "{ONE_DAY_FIRST}:4: CreateDateTime: \"11/25/2025 4:30:00 PM\": its date has the month \
             first, but this file's dates have the day first, as \"25/11/2025 16:30\" on line 3 shows"
        )),
        "{}",
        run.stderr
    );
    let forced = sms_status(&["triage", ONE_DAY_FIRST, "--date-order", "mdy"]);
    assert!(
        forced.stderr.contains(
            ":3: CreateDateTime: \"25/11/2025 16:30\": its date has the day first, but \
             --date-order mdy says the month comes first"
        ),
        "{}",
        forced.stderr
    );
}

#[test]
fn an_am_pm_marker_decides_month_first_only_when_no_number_tells() {
    // Marketing Cloud's own form, every day 12 or lower: month first, so
    // 2/5 is 5 February and the delivery on 5/2 (2 May) is the newest.
    let suppress = scratch("marked-undecided-suppress.txt");
    let (report, run) = json_report(&[
        MARKED_UNDECIDED,
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(read(&suppress), "");
    assert_eq!(report["recipients"]["delivered"], 1);

    // A spreadsheet in Australia writes a marker day first: 25/11 decides,
    // and 05/02 is 5 February, the failure before the delivery on 2 May.
    let suppress = scratch("marked-day-first-suppress.txt");
    let (report, run) = json_report(&[
        MARKED_DAY_FIRST,
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["bad_rows"], 0);
    assert_eq!(read(&suppress), "");
    assert_eq!(report["recipients"]["delivered"], 1);
    assert_eq!(report["recipients"]["total"], 2);
}

#[test]
fn no_day_or_month_is_zero() {
    let path = scratch_file(
        "day-zero.csv",
        "MobileMessageTrackingID,Mobile,CreateDateTime,SMSStandardStatusCodeId\n\
         7501,15550003501,0/5/2021 16:30,4000\n\
         7502,15550003502,5/00/2021 4:30:00 PM,4000\n\
         7503,15550003503,25/11/2025 16:30,4000\n",
    );
    let (report, run) = json_report(&[path.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(report["bad_rows"], 2);
    assert!(
        run.stderr
            .contains(":2: CreateDateTime: cannot read \"0/5/2021 16:30\" as a time"),
        "{}",
        run.stderr
    );
}

#[test]
fn each_file_decides_its_own_order() {
    let (together, run) = json_report(&[DAY_FIRST, MARKETING_CLOUD]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (day_first, _) = json_report(&[DAY_FIRST]);
    let (marketing_cloud, _) = json_report(&[MARKETING_CLOUD]);
    let total = |report: &serde_json::Value| report["recipients"]["total"].as_u64().unwrap();
    assert_eq!(
        total(&together),
        total(&day_first) + total(&marketing_cloud)
    );
    assert_eq!(together["bad_rows"], 0);
}

/// Day-first dates, every day 12 or lower until a third of the way in,
/// so that the threads reading the start wait for the order a later part
/// of the file decides; with `month_first_rows`, two rows near the end
/// say month first.
fn decided_late(month_first_rows: bool) -> String {
    const ROWS: usize = 240_000;
    let mut text = String::from(
        "MobileMessageTrackingID,Mobile,CreateDateTime,SMSStandardStatusCodeId,Text\n",
    );
    for id in 0..ROWS {
        let day = if id < ROWS / 3 {
            id % 12 + 1
        } else {
            id % 28 + 1
        };
        let month = id % 12 + 1;
        let number = 15_550_000_000 + id % 7_000;
        let code = ["4000", "4504", "4501", "3001"][id % 4];
        let time = if month_first_rows && id > ROWS / 2 && id % 50_000 == 49_999 {
            // A day above 12 shows the month first; a marker alone would not.
            format!("{month}/{}/2024 1:{:02}:00 PM", 13 + id % 16, id % 60)
        } else {
            format!("{day:02}/{month:02}/2024 13:{:02}", id % 60)
        };
        writeln!(text, "{id},{number},{time},{code},a message of some length").unwrap();
    }
    assert!(text.len() > 9 << 20, "large enough to be cut");
    text
}

#[test]
fn a_large_file_decided_late_reads_the_same_on_any_number_of_threads() {
    for (name, month_first_rows, bad_rows) in [
        ("decided-late.csv", false, 0),
        ("decided-late-contradicted.csv", true, 2),
    ] {
        let path = scratch_file(name, decided_late(month_first_rows));
        let path = path.to_str().unwrap();
        let args = |threads| {
            [
                "triage",
                "--format",
                "json",
                "--max-errors",
                crate::triage_parallel::EVERY_BAD_ROW,
                "--threads",
                threads,
                path,
            ]
        };
        let one = sms_status(&args("1"));
        let report: serde_json::Value = serde_json::from_str(&one.stdout).unwrap();
        assert_eq!(report["bad_rows"], bad_rows, "{name}: {}", one.stderr);
        assert_eq!(report["messages"]["total"], 240_000 - bad_rows, "{name}");
        for threads in ["2", "3", "5"] {
            let many = sms_status(&args(threads));
            assert_eq!(many.stdout, one.stdout, "{name} on {threads} threads");
            assert_eq!(many.stderr, one.stderr, "{name} on {threads} threads");
        }
    }
}

#[test]
fn a_dotted_date_is_day_first_whatever_the_files_slash_dates_show() {
    // Re-saved by a spreadsheet in Germany: 05.02.2021 is 5 February, and
    // a slash date month first beside it (3/1/2021 9:00:00 AM) is not
    // contradicted by it.
    let file = common::scratch_file(
        "dotted-dates.csv",
        "MobileMessageTrackingID,Mobile,CreateDateTime,SMSStandardStatusCodeId\n\
         1,15550100001,05.02.2021 16:30,4504\n\
         2,15550100001,02.05.2021 09:00,4000\n\
         3,15550100002,3/1/2021 9:00:00 AM,4504\n\
         4,15550100002,3/13/2021 9:00:00 AM,4000\n",
    );
    let suppress = scratch("dotted-dates-suppress.txt");
    let (report, run) = json_report(&[
        file.to_str().unwrap(),
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["bad_rows"], 0);
    // Each number's newest message was delivered: 2 May, and 13 March.
    assert_eq!(read(&suppress), "");
    assert_eq!(report["recipients"]["delivered"], 2);
}
