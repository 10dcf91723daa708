//! A run that cannot count an input changes nothing and says so: no list
//! or page is replaced, and the exit code is 2, which a scheduled job can
//! tell from the 1 that bad rows give. A file that is not UTF-8 costs only
//! the lines that do not decode.

use crate::common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use common::{Run, read, scratch_file, sms_status};

/// Yesterday's outputs, in a directory of their own.
struct Outputs {
    directory: PathBuf,
    suppress: PathBuf,
    retry: PathBuf,
    page: PathBuf,
}

impl Outputs {
    fn new(name: &str) -> Self {
        let directory = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
        let _ = std::fs::remove_dir_all(&directory);
        std::fs::create_dir_all(&directory).expect("a scratch directory");
        let outputs = Self {
            suppress: directory.join("suppress.txt"),
            retry: directory.join("retry.txt"),
            page: directory.join("report.html"),
            directory,
        };
        std::fs::write(&outputs.suppress, "15550100009\n").expect("yesterday's list");
        std::fs::write(&outputs.retry, "15550100008\n").expect("yesterday's list");
        std::fs::write(&outputs.page, "<p>yesterday</p>\n").expect("yesterday's page");
        outputs
    }

    /// Triages `inputs` (with `options`) into these outputs.
    fn triage(&self, inputs: &[&Path], options: &[&str]) -> Run {
        let mut args: Vec<&str> = vec!["triage"];
        args.extend(
            inputs
                .iter()
                .map(|path| path.to_str().expect("a UTF-8 path")),
        );
        args.extend(options);
        args.extend([
            "--suppress-list",
            self.suppress.to_str().expect("a UTF-8 path"),
            "--retry-list",
            self.retry.to_str().expect("a UTF-8 path"),
            "--html",
            self.page.to_str().expect("a UTF-8 path"),
        ]);
        sms_status(&args)
    }

    /// Checks that yesterday's outputs are as they were, and that no
    /// temporary file is left beside them.
    fn unchanged(&self, run: &Run, case: &str) {
        assert_eq!(run.code, 2, "{case}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{case}: {}", run.stdout);
        assert!(
            run.stderr
                .contains("nothing was written: the lists and the page are as they were"),
            "{case}: {}",
            run.stderr
        );
        assert_eq!(read(&self.suppress), "15550100009\n", "{case}");
        assert_eq!(read(&self.retry), "15550100008\n", "{case}");
        assert_eq!(read(&self.page), "<p>yesterday</p>\n", "{case}");
        let files = std::fs::read_dir(&self.directory)
            .expect("the directory")
            .count();
        assert_eq!(files, 3, "{case}: a temporary file was left");
    }
}

const EXTRACT: &str = "MobileMessageTrackingID,Mobile,CreateDateTime,SMSStandardStatusCodeId\n\
                       1,15550100001,3/1/2026 9:00:00 AM,4504\n\
                       2,15550100002,3/1/2026 9:00:05 AM,4501\n";

#[test]
fn a_delimiter_that_does_not_split_the_header_changes_nothing() {
    let outputs = Outputs::new("wrong-delimiter");
    let extract = scratch_file("comma-extract.csv", EXTRACT);
    let run = outputs.triage(&[&extract], &["--delimiter", ";"]);
    outputs.unchanged(&run, "--delimiter ';'");
    assert!(
        run.stderr.contains("the header is a single column"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_column_option_naming_no_column_is_a_usage_error() {
    let outputs = Outputs::new("no-such-column");
    let extract = scratch_file("extract-for-column.csv", EXTRACT);
    let run = outputs.triage(&[&extract], &["--column", "Nope"]);
    outputs.unchanged(&run, "--column Nope");
    assert!(run.stderr.contains("no column Nope "), "{}", run.stderr);
}

#[test]
fn a_file_that_is_not_text_changes_nothing() {
    let outputs = Outputs::new("not-text");
    let mut picture = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    picture.extend((0..4096_u32).map(|byte| (byte * 7 % 251) as u8));
    let picture = scratch_file("extract.png", picture);
    let extract = scratch_file("good-extract.csv", EXTRACT);
    let run = outputs.triage(&[&extract, &picture], &[]);
    outputs.unchanged(&run, "a picture");
}

#[test]
fn an_input_none_of_whose_rows_count_changes_nothing() {
    let outputs = Outputs::new("all-bad");
    let blank_codes = scratch_file(
        "blank-codes.csv",
        "Mobile,SMSStandardStatusCodeId\n15550100001,\n15550100002,\n",
    );
    let extract = scratch_file("good-extract-2.csv", EXTRACT);
    let run = outputs.triage(&[&extract, &blank_codes], &[]);
    outputs.unchanged(&run, "every row bad");
    assert!(
        run.stderr
            .contains("blank-codes.csv: not one of its 2 rows could be counted"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_run_with_no_rows_at_all_changes_nothing() {
    let outputs = Outputs::new("no-rows");
    let header = scratch_file(
        "header-only.csv",
        "MobileMessageTrackingID,Mobile,CreateDateTime,SMSStandardStatusCodeId\r\n",
    );
    let no_events = scratch_file("no-events.json", "[]\n");
    let run = outputs.triage(&[&header, &no_events], &[]);
    outputs.unchanged(&run, "headers and an empty list");
    assert!(
        run.stderr.contains("no-events.json: no rows to triage"),
        "{}",
        run.stderr
    );
    // A header alone beside a file with rows is a day without sends.
    let extract = scratch_file("good-extract-3.csv", EXTRACT);
    let run = outputs.triage(&[&header, &extract], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(read(&outputs.suppress), "15550100001\n");
}

#[test]
fn one_undecodable_byte_costs_only_its_line() {
    let mut extract = String::from("MobileMessageTrackingID,Mobile,SMSStandardStatusCodeId,Text\n");
    for id in 1..=3000 {
        writeln!(extract, "{id},1555{id:07},4000,Your order shipped").expect("a row");
    }
    let mut bytes = extract.into_bytes();
    // Line 1501 holds row 1500: a Windows-1252 "é" in its text.
    let line_1501 = bytes
        .split(|&byte| byte == b'\n')
        .take(1500)
        .map(|line| line.len() + 1)
        .sum::<usize>();
    let text_at = line_1501 + "1500,15550001500,4000,Your order shipp".len();
    bytes[text_at] = 0xE9;
    let file = scratch_file("one-bad-byte.csv", bytes);
    let outputs = Outputs::new("one-bad-byte");
    let run = outputs.triage(&[&file], &["--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("a JSON report");
    assert_eq!(report["rows"], 3000);
    assert_eq!(report["bad_rows"], 1);
    assert_eq!(report["messages"]["total"], 2999);
    assert!(
        run.stderr
            .contains("one-bad-byte.csv:1501: not UTF-8 text (byte 0xE9 at column 39)"),
        "{}",
        run.stderr
    );
    assert_ne!(
        read(&outputs.page),
        "<p>yesterday</p>\n",
        "the page is replaced"
    );
}

#[test]
fn an_extract_joined_on_with_its_columns_in_another_order_changes_nothing() {
    let outputs = Outputs::new("reordered-join");
    // Read by the first header's columns, its number would be an id and
    // its time a code.
    let reordered = "Mobile,MobileMessageTrackingID,SMSStandardStatusCodeId,CreateDateTime\n\
                     15550100003,3,4504,3/1/2026 9:01:00 AM\n";
    let joined = scratch_file("joined-reordered.csv", format!("{EXTRACT}{reordered}"));
    let run = outputs.triage(&[&joined], &[]);
    outputs.unchanged(&run, "columns in another order");
    let name = joined.to_str().expect("a UTF-8 path");
    assert!(
        run.stderr.contains(&format!(
            "{name}:4: the header repeats here with its columns in another order \
             (SMSStandardStatusCodeId is column 3, was 4; Mobile is column 1, was 2; \
             MobileMessageTrackingID is column 2, was 1; CreateDateTime is column 4, was 3)"
        )),
        "{}",
        run.stderr
    );

    // Another column besides: the same, said as other columns.
    let widened = "MobileMessageTrackingID,Mobile,CreateDateTime,SMSStandardStatusCodeId,Note\n\
                   3,15550100003,3/1/2026 9:01:00 AM,4504,x\n";
    let joined = scratch_file("joined-widened.csv", format!("{EXTRACT}{widened}"));
    let run = outputs.triage(&[&joined], &[]);
    outputs.unchanged(&run, "another column");
    assert!(
        run.stderr
            .contains("joined-widened.csv:4: another header starts here, with other columns than the first (5 columns, was 4)"),
        "{}",
        run.stderr
    );

    // Two files saved with a mark, the first without a line break at its
    // end: its last row and the next header share a line.
    let unended = format!("\u{feff}{}", EXTRACT.trim_end());
    let joined = scratch_file("joined-unended.csv", format!("{unended}\u{feff}{EXTRACT}"));
    let run = outputs.triage(&[&joined], &[]);
    outputs.unchanged(&run, "a file without a last line break");
    assert!(
        run.stderr.contains(
            "joined-unended.csv:3: a file was joined here to one that did not end with a line break"
        ),
        "{}",
        run.stderr
    );

    // A header without a column triage reads: its rows would be read with
    // the code in the id's place.
    let renamed = "SMSStandardStatusCodeId,Phone,CreateDateTime,MobileMessageTrackingID\n\
                   4500,15550100003,3/1/2026 9:01:00 AM,3\n";
    let joined = scratch_file("joined-renamed.csv", format!("{EXTRACT}{renamed}"));
    let run = outputs.triage(&[&joined], &[]);
    outputs.unchanged(&run, "a column renamed");
    assert!(
        run.stderr.contains(
            "joined-renamed.csv:4: another header starts here, and no column Mobile or MobileNumber"
        ),
        "{}",
        run.stderr
    );

    // Another extract's delimiter, without Excel's separator line: each of
    // its rows would be one field.
    let semicolons = "MobileMessageTrackingID;Mobile;CreateDateTime;SMSStandardStatusCodeId\n\
                      3;15550100003;3/1/2026 9:01:00 AM;4504\n";
    let joined = scratch_file("joined-semicolons.csv", format!("{EXTRACT}{semicolons}"));
    let run = outputs.triage(&[&joined], &[]);
    outputs.unchanged(&run, "another delimiter");
    assert!(
        run.stderr.contains(
            "joined-semicolons.csv:4: another header starts here, its fields separated by \";\""
        ),
        "{}",
        run.stderr
    );
}
