//! Extracts in every form Marketing Cloud and spreadsheets write them:
//! comma, tab, pipe or semicolon between fields; UTF-8, or UTF-16 after a
//! byte-order mark; integers written as floats. Each gives the same lists
//! and counts as the comma-separated UTF-8 sample.

use crate::common;

use std::fmt::Write as _;

use common::{json_report, read, scratch, scratch_file, sms_status};
use serde_json::Value;

const SAMPLE: &str = "samples/sms-message-tracking.csv";

/// The sample's rows, each field as written.
fn sample_rows() -> Vec<Vec<String>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .expect("the sample");
    reader
        .records()
        .map(|record| record.expect("a row").iter().map(str::to_owned).collect())
        .collect()
}

/// The sample with another delimiter and line ending.
fn rewritten(delimiter: u8, crlf: bool) -> String {
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(if crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .from_writer(Vec::new());
    for row in sample_rows() {
        writer.write_record(&row).expect("written");
    }
    String::from_utf8(writer.into_inner().expect("flushed")).expect("UTF-8")
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mark: &[u8] = if big_endian { b"\xFE\xFF" } else { b"\xFF\xFE" };
    let mut bytes = mark.to_vec();
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

/// The report (without its inputs' names) and both lists for one input.
fn triaged(path: &str, extra: &[&str], name: &str) -> (Value, String, String) {
    let suppress = scratch(&format!("{name}-suppress.txt"));
    let retry = scratch(&format!("{name}-retry.txt"));
    let mut args = vec![path];
    args.extend_from_slice(extra);
    args.extend(["--suppress-list", suppress.to_str().unwrap()]);
    args.extend(["--retry-list", retry.to_str().unwrap()]);
    let (mut report, run) = json_report(&args);
    assert_eq!(run.code, 1, "the sample's two bad rows: {}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 2, "{}", run.stderr);
    report["inputs"][0]["name"] = Value::Null;
    (report, read(&suppress), read(&retry))
}

#[test]
fn every_delimiter_and_encoding_gives_the_same_triage() {
    let expected = triaged(SAMPLE, &[], "comma-utf8");
    assert_eq!(expected.1, "15550100002\n");
    assert_eq!(expected.2, "15550100004\n15550100005\n");
    let cases: [(&str, Vec<u8>); 5] = [
        ("tab-utf16le.txt", utf16(&rewritten(b'\t', true), false)),
        ("pipe-utf8.csv", rewritten(b'|', false).into_bytes()),
        (
            "semicolon-utf16be.csv",
            utf16(&rewritten(b';', false), true),
        ),
        (
            "comma-utf16le-crlf.csv",
            utf16(&rewritten(b',', true), false),
        ),
        ("tab-utf8-bom.tsv", {
            let mut bytes = b"\xEF\xBB\xBF".to_vec();
            bytes.extend(rewritten(b'\t', false).into_bytes());
            bytes
        }),
    ];
    for (name, bytes) in cases {
        let path = scratch_file(name, bytes);
        assert_eq!(
            triaged(path.to_str().unwrap(), &[], name),
            expected,
            "{name}"
        );
    }
}

#[test]
fn a_delimiter_given_is_used_instead_of_sniffed() {
    // The first line has more commas (in a quoted field, unquoted here by
    // design) than pipes, so only --delimiter reads it right.
    let extract = "Mobile|SMSStandardStatusCodeId|Note\n15550100002|4504|a,b,c,d\n";
    let path = scratch_file("pipe-given.csv", extract);
    let path = path.to_str().unwrap();
    let (report, run) = json_report(&[path, "--delimiter", "pipe"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["recipients"]["total"], 1);
    let tab = sms_status(&["triage", path, "--delimiter", "\\t"]);
    assert_eq!(tab.code, 2, "no such column with tabs: {}", tab.stderr);
    let wrong = sms_status(&["triage", path, "--delimiter", "||"]);
    assert_eq!(wrong.code, 2);
    assert!(
        wrong.stderr.contains("expected one character"),
        "{}",
        wrong.stderr
    );
}

#[test]
fn text_that_is_not_utf8_gets_a_message_saying_how_to_resave_it() {
    let latin1 = scratch_file(
        "latin1.csv",
        b"Mobile,SMSStandardStatusCodeId,MessageText\n15550100001,4000,caf\xe9\n15550100002,4504,tea\n"
            .as_slice(),
    );
    let run = sms_status(&["triage", latin1.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(
            "latin1.csv:2: not UTF-8 text (byte 0xE9 at column 21): re-save the file as UTF-8"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("2 rows, 1 bad row"), "{}", run.stdout);
    let mut no_mark = utf16("Mobile,SMSStandardStatusCodeId\n15550100001,4000\n", false);
    no_mark.drain(..2);
    let no_mark = scratch_file("utf16-no-mark.csv", no_mark);
    let run = sms_status(&["triage", no_mark.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("looks like UTF-16 text without a byte-order mark"),
        "{}",
        run.stderr
    );
}

#[test]
fn pandas_floats_are_read_as_the_integers_they_are() {
    let extract = scratch_file(
        "pandas.csv",
        "Mobile,SMSStandardStatusCodeId\n\
         15550100001.0,4000.0\n\
         15550100002,4504.00\n\
         15550100003,\n\
         15550100004,4000.5\n",
    );
    let name = extract.to_str().unwrap();
    let suppress = scratch("pandas-suppress.txt");
    let (report, run) = json_report(&[name, "--suppress-list", suppress.to_str().unwrap()]);
    assert_eq!(run.code, 1);
    assert_eq!(report["recipients"]["total"], 2);
    assert_eq!(read(&suppress), "15550100002\n");
    let bad = common::messages(&run);
    assert_eq!(bad.len(), 2, "{}", run.stderr);
    assert!(
        bad[0].starts_with(&format!("{name}:4: SMSStandardStatusCodeId: empty")),
        "{}",
        bad[0]
    );
    assert!(
        bad[1].starts_with(&format!(
            "{name}:5: SMSStandardStatusCodeId: \"4000.5\" is not a status code: a code is a whole number"
        )),
        "{}",
        bad[1]
    );
}

#[test]
fn the_data_views_mobile_column_comes_before_mobile_number() {
    let extract = scratch_file(
        "both-number-columns.csv",
        "MobileNumber,Mobile,SMSStandardStatusCodeId\n19990000000,15550100002,4504\n",
    );
    let suppress = scratch("both-columns-suppress.txt");
    let (_, run) = json_report(&[
        extract.to_str().unwrap(),
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(read(&suppress), "15550100002\n");
}

#[test]
fn lone_carriage_returns_and_blank_first_lines_are_read() {
    let mut old_mac = String::from("Mobile,SMSStandardStatusCodeId\r");
    for number in 0..50_000 {
        write!(old_mac, "1555{number:07},4504\r").expect("a row");
    }
    let path = scratch_file("old-mac.csv", old_mac);
    let (report, run) = json_report(&[path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["recipients"]["total"], 50_000);

    let blank_first = scratch_file(
        "blank-first.tsv",
        "\n\r\nMobile\tSMSStandardStatusCodeId\n15550100002\t4504\n",
    );
    let (report, run) = json_report(&[blank_first.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["recipients"]["total"], 1);
}
