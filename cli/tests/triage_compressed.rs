//! Compressed and joined extracts: gzip and zip inputs are told by their
//! first bytes and read directly, each file of an archive as an input of
//! its own; a header repeated inside a file (extracts joined with `cat`),
//! with its byte-order mark and Excel's `sep=` line, is skipped and
//! counted; Excel's `sep=;` line names the delimiter.

use crate::common;

use std::io::Write;

use common::{json_report, read, scratch, scratch_file, sms_status, sms_status_with_stdin};
use flate2::Compression;
use flate2::write::GzEncoder;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const SAMPLE: &str = "samples/sms-message-tracking.csv";
const MONDAY: &str = "tests/fixtures/tracking-monday.csv";
const TUESDAY: &str = "tests/fixtures/tracking-tuesday-resaved.csv";

fn fixture(path: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect("a fixture")
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    encoder.write_all(bytes).expect("compressed");
    encoder.finish().expect("compressed")
}

/// A zip archive of `files` (name, contents, whether deflated).
fn zip_of(files: &[(&str, &[u8], bool)]) -> Vec<u8> {
    let mut archive = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for &(name, contents, deflated) in files {
        let method = if deflated {
            CompressionMethod::Deflated
        } else {
            CompressionMethod::Stored
        };
        archive
            .start_file(
                name,
                SimpleFileOptions::default().compression_method(method),
            )
            .expect("a member");
        archive.write_all(contents).expect("written");
    }
    archive.finish().expect("an archive").into_inner()
}

/// The report without the inputs' names, to compare runs on one data.
fn counts(mut report: serde_json::Value) -> serde_json::Value {
    report.as_object_mut().unwrap().remove("inputs");
    report.as_object_mut().unwrap().remove("files");
    report
}

#[test]
fn a_gzipped_extract_is_read_as_its_text() {
    let (plain, _) = json_report(&[SAMPLE]);
    // Named .csv, not .gz: the first bytes tell.
    let gz = scratch_file("gzipped-extract.csv", gzip(&fixture(SAMPLE)));
    let name = gz.to_str().unwrap();
    let (report, run) = json_report(&[name]);
    assert_eq!(run.code, 1, "the sample's two bad rows: {}", run.stderr);
    assert_eq!(counts(report), counts(plain));
    assert!(
        run.stderr.starts_with(&format!("{name}:8: ")),
        "{}",
        run.stderr
    );

    // Two gzip streams one after another, as `cat a.gz b.gz` makes: the
    // second extract's header is met again inside the text.
    let mut joined = gzip(&fixture(MONDAY));
    joined.extend(gzip(&fixture(TUESDAY)));
    let joined = scratch_file("joined.csv.gz", joined);
    let (report, run) = json_report(&[joined.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["rows"], 5);
    assert_eq!(report["repeated_headers"], 1);
    assert_eq!(report["messages"]["total"], 3);
}

#[test]
fn each_file_of_a_zip_archive_is_an_input_of_its_own() {
    let archive = zip_of(&[
        ("SMSMessageTracking.csv", &fixture(SAMPLE), true),
        (
            "__MACOSX/._SMSMessageTracking.csv",
            b"\x00\x05\x16\x07 resource fork",
            false,
        ),
        ("monday/tracking-monday.csv", &fixture(MONDAY), false),
    ]);
    let path = scratch_file("extract.zip", &archive);
    let name = path.to_str().unwrap();
    let suppress = scratch("zip-suppress.txt");
    let (report, run) = json_report(&[name, "--suppress-list", suppress.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(report["files"], 2);
    assert_eq!(
        report["inputs"][0]["name"],
        format!("{name}:SMSMessageTracking.csv")
    );
    assert_eq!(
        report["inputs"][1]["name"],
        format!("{name}:monday/tracking-monday.csv")
    );
    assert_eq!(report["rows"], 10);
    assert!(
        run.stderr.starts_with(&format!(
            "{name}:SMSMessageTracking.csv:8: SMSStandardStatusCodeId"
        )),
        "{}",
        run.stderr
    );
    assert_eq!(read(&suppress), "15550100002\n");

    let piped = sms_status_with_stdin(&["triage", "--format", "json", "-"], Some(&archive));
    assert_eq!(piped.code, 1, "{}", piped.stderr);
    assert!(
        piped
            .stderr
            .starts_with("<stdin>:SMSMessageTracking.csv:8: "),
        "{}",
        piped.stderr
    );
}

#[test]
fn a_damaged_archive_fails_its_input_and_changes_nothing() {
    let mut archive = zip_of(&[("SMSMessageTracking.csv", &fixture(SAMPLE), true)]);
    // A byte inside the compressed data of the only member.
    archive[60] ^= 0x55;
    let path = scratch_file("damaged.zip", &archive);
    let suppress = scratch("damaged-suppress.txt");
    std::fs::write(&suppress, "15550109999\n").expect("yesterday's list");
    let run = sms_status(&[
        "triage",
        path.to_str().unwrap(),
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("damaged.zip:SMSMessageTracking.csv"),
        "{}",
        run.stderr
    );
    assert_eq!(read(&suppress), "15550109999\n");

    let cut = scratch_file("cut.csv.gz", &gzip(&fixture(SAMPLE))[..200]);
    let run = sms_status(&["triage", cut.to_str().unwrap()]);
    assert_eq!(run.code, 2, "a gzip stream cut short: {}", run.stderr);
    assert!(
        run.stderr.contains("its gzip data is cut short or damaged"),
        "{}",
        run.stderr
    );

    let sample = fixture(SAMPLE);
    let zipped = zip_of(&[("SMSMessageTracking.csv", sample.as_slice(), true)]);
    let cut = scratch_file("cut.zip", &zipped[..zipped.len() / 2]);
    let run = sms_status(&["triage", cut.to_str().unwrap()]);
    assert_eq!(run.code, 2, "a zip archive cut short: {}", run.stderr);
    assert!(
        run.stderr
            .contains("cut.zip is not a zip archive triage can read, cut short or damaged"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_header_repeated_inside_a_file_is_skipped_and_counted() {
    let sample = fixture(SAMPLE);
    let joined = [sample.as_slice(), sample.as_slice()].concat();
    let path = scratch_file("joined-extracts.csv", &joined);
    let (report, run) = json_report(&[path.to_str().unwrap()]);
    let (single, _) = json_report(&[SAMPLE]);
    assert_eq!(report["repeated_headers"], 1);
    assert_eq!(report["rows"], 2 * single["rows"].as_u64().unwrap());
    assert_eq!(
        report["bad_rows"], 4,
        "the sample's two bad rows, twice: {}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("\"SMSStandardStatusCodeId\""),
        "{}",
        run.stderr
    );
    // Each message is in both copies: counted once.
    assert_eq!(report["messages"], single["messages"]);
}

#[test]
fn excels_separator_line_names_the_delimiter() {
    let path = scratch_file(
        "excel-separator.csv",
        "sep=;\r\nMobile;SMSStandardStatusCodeId;Note\r\n15550100002;4504;a,b,c\r\n15550100003;4000;x\r\n",
    );
    let (report, run) = json_report(&[path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["rows"], 2);
    assert_eq!(report["recipients"]["total"], 2);
    let bad = scratch_file(
        "excel-separator-bad-row.csv",
        "sep=;\nMobile;SMSStandardStatusCodeId\n15550100002;40O0\n15550100003;4000\n",
    );
    let run = sms_status(&["triage", bad.to_str().unwrap()]);
    assert!(
        run.stderr
            .starts_with(&format!("{}:3: ", bad.to_str().unwrap())),
        "lines count the sep line: {}",
        run.stderr
    );
}

/// `text` after a UTF-8 byte-order mark, as Excel's "CSV UTF-8" saves it.
fn with_mark(text: &[u8]) -> Vec<u8> {
    [b"\xEF\xBB\xBF", text].concat()
}

/// `text` as UTF-16 after its byte-order mark, as "Unicode Text" is.
fn as_utf16(text: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(text).expect("a UTF-8 fixture");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

#[test]
fn a_header_repeated_with_its_byte_order_mark_is_skipped_and_counted() {
    // `cat` of two files saved with a mark: the second mark is inside the
    // text, right before the second header.
    let marked = [with_mark(&fixture(MONDAY)), with_mark(&fixture(TUESDAY))].concat();
    let unicode = [as_utf16(&fixture(MONDAY)), as_utf16(&fixture(TUESDAY))].concat();
    for (name, joined) in [("joined-marked.csv", marked), ("joined-utf16.txt", unicode)] {
        let path = scratch_file(name, joined);
        let (report, run) = json_report(&[path.to_str().unwrap()]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert_eq!(report["rows"], 5, "{name}");
        assert_eq!(report["bad_rows"], 0, "{name}");
        assert_eq!(report["repeated_headers"], 1, "{name}");
        assert_eq!(report["messages"]["total"], 3, "{name}");
    }
}

#[test]
fn excels_separator_line_repeated_inside_a_file_is_skipped_with_its_header() {
    let excel = |path: &str| [b"sep=,\r\n".as_slice(), &fixture(path)].concat();
    let joined = scratch_file("joined-excel.csv", [excel(MONDAY), excel(TUESDAY)].concat());
    let (report, run) = json_report(&[joined.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["rows"], 5);
    assert_eq!(report["bad_rows"], 0);
    assert_eq!(
        report["repeated_headers"], 1,
        "the header, with the sep= line that comes with it"
    );

    // One naming another delimiter: the rows after it are split otherwise.
    let semicolons = b"sep=;\nMobile;SMSStandardStatusCodeId\n15550100002;4000\n";
    let other = scratch_file(
        "joined-excel-semicolons.csv",
        [excel(MONDAY).as_slice(), semicolons].concat(),
    );
    let name = other.to_str().unwrap();
    let run = sms_status(&["triage", name]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "{name}:5: Excel's separator line here names \";\" as the delimiter"
        )),
        "{}",
        run.stderr
    );
}
