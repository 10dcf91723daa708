//! A large extract read on several threads gives exactly what reading it
//! on one gives: the report, the lists, and every bad row with its line,
//! whatever falls on the edges between the threads' chunks.

use crate::common;

use std::fmt::Write as _;
use std::path::Path;

use common::{read, scratch, scratch_file};
use serde_json::Value;

/// Larger than the size from which a file is read on several threads.
const ROWS: usize = 300_000;

/// A `--max-errors` above any test's bad rows.
pub(crate) const EVERY_BAD_ROW: &str = "1000000";

/// The report, the lists and stderr of one run.
fn triage(path: &Path, threads: &str, name: &str) -> (Value, String, String, String) {
    let suppress = scratch(&format!("{name}-{threads}-suppress.txt"));
    let retry = scratch(&format!("{name}-{threads}-retry.txt"));
    let (report, run) = common::json_report(&[
        path.to_str().unwrap(),
        "--threads",
        threads,
        // Every bad row shown, though not with 0: showing each as it is
        // found reads the file in order, on one thread.
        "--max-errors",
        EVERY_BAD_ROW,
        "--suppress-list",
        suppress.to_str().unwrap(),
        "--retry-list",
        retry.to_str().unwrap(),
    ]);
    (report, read(&suppress), read(&retry), run.stderr)
}

/// Triages `text` on one thread and on several, and checks they agree.
fn agree(name: &str, text: &str) -> Value {
    assert!(
        text.len() > 9 << 20,
        "{name} must be large enough to be cut"
    );
    let path = scratch_file(name, text);
    let one = triage(&path, "1", name);
    for threads in ["2", "3", "4", "7"] {
        let many = triage(&path, threads, name);
        assert_eq!(many.0, one.0, "{name}: report on {threads} threads");
        assert_eq!(many.1, one.1, "{name}: suppress list on {threads} threads");
        assert_eq!(many.2, one.2, "{name}: retry list on {threads} threads");
        assert_eq!(many.3, one.3, "{name}: bad rows on {threads} threads");
    }
    one.0
}

const HEADER: &str =
    "MobileMessageTrackingID,Mobile,CreateDateTime,SMSStandardStatusCodeId,MessageText\n";
const CODES: [&str; 6] = ["4000", "4504", "4501", "2000", "3001", "4510"];

/// A row of message `id`; the number recurs every 5,000 messages.
fn row(id: usize, text: &str) -> String {
    let number = 15_550_000_000 + id % 5_000;
    let minute = id % 60;
    let hour = id / 60 % 12 + 1;
    let code = CODES[id % CODES.len()];
    format!(
        "{id},{number},3/{}/2026 {hour}:{minute:02}:00 PM,{code},{text}",
        id % 28 + 1
    )
}

#[test]
fn quoted_line_breaks_on_every_row_are_never_cut() {
    let mut text = String::from(HEADER);
    for id in 0..ROWS {
        let message = format!("\"Line one of {id},\nline two, \"\"quoted\"\"\"");
        writeln!(text, "{}", row(id, &message)).expect("a row");
    }
    let report = agree("quoted-breaks.csv", &text);
    assert_eq!(report["rows"], ROWS);
    assert_eq!(report["bad_rows"], 0);
}

#[test]
fn a_mark_crlf_and_bad_rows_everywhere_agree() {
    let mut text = String::from("\u{feff}");
    text.push_str(&HEADER.replace('\n', "\r\n"));
    for id in 0..ROWS {
        let line = match id % 997 {
            0 => format!("{id},not a number,3/1/2026 1:00:00 PM,4000,text"),
            1 => format!("{id},15550100001,3/1/2026 1:00:00 PM,40O0,text"),
            2 => format!("{id},15550100001,3/1/2026 1:00:00 PM,4000"),
            3 => format!("{id},15550100001,2/30/2026 1:00:00 PM,4000,text"),
            _ => row(id, "plain text"),
        };
        write!(text, "{line}\r\n").expect("a row");
    }
    let report = agree("mark-crlf-bad.csv", &text);
    assert_eq!(report["bad_rows"], 4 * ROWS.div_ceil(997));
    assert_eq!(report["recipients"]["total"], 5_000);
}

#[test]
fn one_number_in_every_chunk_resolves_to_its_newest_message() {
    let mut text = String::from(HEADER);
    for id in 0..ROWS {
        let line = if id % 10 == 0 {
            // Its newest message is the last: in the last chunk.
            let code = if id + 10 >= ROWS { "4504" } else { "4000" };
            format!("{id},15559999999,2026-03-01T00:00:00Z,{code},x")
        } else {
            row(id, "x")
        };
        writeln!(text, "{line}").expect("a row");
    }
    // All its messages share one time, so the greatest id decides.
    let path = scratch_file("one-number.csv", &text);
    let (_, suppress, ..) = triage(&path, "4", "one-number");
    assert!(
        suppress.lines().any(|number| number == "15559999999"),
        "{suppress}"
    );
    agree("one-number.csv", &text);
}

#[test]
fn stray_quotes_that_defeat_cutting_still_agree() {
    let mut text = String::from(HEADER);
    for id in 0..ROWS {
        // A quote inside an unquoted field: quotes no longer pair up, so
        // the file cannot be cut by counting them and is read in order.
        let message = if id % 3 == 0 {
            "5\" screen, \"big\""
        } else {
            "\"a\nb\""
        };
        writeln!(text, "{}", row(id, message)).expect("a row");
    }
    agree("stray-quotes.csv", &text);
}

/// The rows of `ids` after `header`, each written by `row`.
fn extract(header: &str, ids: std::ops::Range<usize>, row: impl Fn(usize) -> String) -> String {
    let mut text = String::from(header);
    for id in ids {
        writeln!(text, "{}", row(id)).expect("a row");
    }
    text
}

#[test]
fn extracts_joined_with_marks_and_separator_lines_agree() {
    // Three files saved by Excel with a mark and a sep= line, then joined.
    let thirds = [0..ROWS / 3, ROWS / 3..2 * ROWS / 3, 2 * ROWS / 3..ROWS];
    let mut text = String::new();
    for ids in thirds {
        text.push_str("\u{feff}sep=,\n");
        text.push_str(&extract(HEADER, ids, |id| row(id, "x")));
    }
    let report = agree("joined-excel-files.csv", &text);
    assert_eq!(report["rows"], ROWS);
    assert_eq!(report["bad_rows"], 0);
    // The second and third headers; the sep= lines come with them.
    assert_eq!(report["repeated_headers"], 2);
}

#[test]
fn an_extract_joined_on_with_its_columns_in_another_order_fails_on_any_threads() {
    let reordered_header =
        "Mobile,MobileMessageTrackingID,CreateDateTime,SMSStandardStatusCodeId,MessageText\n";
    let reordered = |id: usize| {
        let line = row(id, "x");
        let (id, rest) = line.split_once(',').expect("an id");
        let (number, rest) = rest.split_once(',').expect("a number");
        format!("{number},{id},{rest}")
    };
    let mut text = extract(HEADER, 0..2 * ROWS / 3, |id| match id % 997 {
        0 => format!("{id},not a number,3/1/2026 1:00:00 PM,4000,x"),
        _ => row(id, "x"),
    });
    text.push_str(&extract(reordered_header, 2 * ROWS / 3..ROWS, reordered));
    let path = scratch_file("joined-reordered-large.csv", &text);
    let yesterday = "15550109999\n";
    let mut first: Option<String> = None;
    for threads in ["1", "2", "4"] {
        let suppress = scratch_file(&format!("joined-reordered-{threads}.txt"), yesterday);
        let run = common::sms_status(&[
            "triage",
            path.to_str().unwrap(),
            "--threads",
            threads,
            "--suppress-list",
            suppress.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 2, "{threads} threads: {}", run.stderr);
        assert_eq!(read(&suppress), yesterday, "{threads} threads");
        assert!(
            run.stderr.contains(&format!(
                "joined-reordered-large.csv:{}: the header repeats here with its columns in \
                 another order",
                2 * ROWS / 3 + 2
            )),
            "{threads} threads: {}",
            run.stderr
        );
        match &first {
            None => first = Some(run.stderr),
            Some(one) => assert_eq!(&run.stderr, one, "stderr on {threads} threads"),
        }
    }
}
