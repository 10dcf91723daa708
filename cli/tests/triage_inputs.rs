//! `sms-status triage`: how inputs are opened and told apart, and what
//! happens when one of several cannot be read.

use crate::common;

use common::{read, scratch, sms_status, sms_status_with_stdin};
use serde_json::Value;

const SAMPLE_CSV: &str = "samples/sms-message-tracking.csv";
const SAMPLE_REST: &str = "samples/message-contact-deliveries.json";

fn sample(path: &str) -> Vec<u8> {
    std::fs::read(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect("a sample")
}

fn report(run: &common::Run) -> Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|error| panic!("no JSON report ({error}):\n{}\n{}", run.stdout, run.stderr))
}

fn with_bom(bytes: &[u8]) -> Vec<u8> {
    let mut marked = "\u{feff}".as_bytes().to_vec();
    marked.extend_from_slice(bytes);
    marked
}

#[test]
fn a_byte_order_mark_before_json_is_skipped() {
    let path = scratch("bom-deliveries.json");
    std::fs::write(&path, with_bom(&sample(SAMPLE_REST))).expect("a scratch file");
    let run = sms_status(&["triage", "--format", "json", path.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = report(&run);
    assert_eq!(report["rows"], 8);
    assert_eq!(report["recipients"]["total"], 3);
}

#[test]
fn a_byte_order_mark_before_csv_leaves_the_first_column_name_intact() {
    // The code column comes first, so a mark kept in its name would hide it.
    let extract = "SMSStandardStatusCodeId,Mobile\n4504,15550100002\n4000,15550100001\n";
    let path = scratch("bom-first-column.csv");
    std::fs::write(&path, with_bom(extract.as_bytes())).expect("a scratch file");
    let suppress = scratch("bom-suppress.txt");
    let run = sms_status(&[
        "triage",
        "--format",
        "json",
        path.to_str().unwrap(),
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report(&run)["recipients"]["total"], 2);
    assert_eq!(read(&suppress), "15550100002\n");

    let piped = sms_status_with_stdin(
        &["triage", "--format", "json", "-"],
        Some(&with_bom(&sample(SAMPLE_CSV))),
    );
    assert_eq!(piped.code, 1, "the sample has two bad rows");
    assert_eq!(report(&piped)["recipients"]["total"], 6);
}

#[test]
fn json_after_a_first_chunk_of_whitespace_on_a_pipe_is_still_json() {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = common::binary()
        .args(["triage", "--format", "json", "-"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sms-status binary runs");
    let mut stdin = child.stdin.take().expect("piped stdin");
    stdin.write_all(b"\n   \n").expect("a first chunk");
    stdin.flush().expect("flushed");
    // Give the reader time to see the whitespace alone before the rest.
    std::thread::sleep(std::time::Duration::from_millis(300));
    stdin.write_all(&sample(SAMPLE_REST)).expect("the rest");
    drop(stdin);
    let output = child.wait_with_output().expect("sms-status finishes");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    let report: Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    assert_eq!(report["rows"], 8);
    assert_eq!(report["recipients"]["total"], 3);
}

#[test]
fn an_input_that_cannot_be_opened_stops_triage_before_any_is_read() {
    let suppress = scratch("missing-input-suppress.txt");
    let run = sms_status(&[
        "triage",
        SAMPLE_CSV,
        "tests/fixtures/no-such-file.csv",
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert_eq!(
        run.stderr.lines().collect::<Vec<_>>().len(),
        1,
        "no bad rows of the first file were read:\n{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("cannot open tests/fixtures/no-such-file.csv"),
        "{}",
        run.stderr
    );
    assert!(!suppress.exists(), "no list is written");

    let directory = sms_status(&["triage", SAMPLE_CSV, "samples"]);
    assert_eq!(directory.code, 2);
    assert!(directory.stdout.is_empty(), "{}", directory.stdout);
    assert!(
        directory
            .stderr
            .contains("cannot open samples: it is a directory"),
        "{}",
        directory.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_named_pipe_is_read_once_not_opened_to_check() {
    let fifo = scratch("deliveries.fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(&fifo, sample(SAMPLE_REST)))
    };
    let run = sms_status(&["triage", "--format", "json", fifo.to_str().unwrap()]);
    writer
        .join()
        .expect("the writer finishes")
        .expect("the whole deliveries response went through the pipe");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report(&run)["recipients"]["total"], 3);
}

#[test]
fn standard_input_twice_is_a_usage_error() {
    // No input is piped: the usage error comes before any read, and
    // writing to a process that has already exited would fail.
    let run = sms_status(&["triage", "-", "-"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(
        run.stderr.contains("standard input (-) at most once"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_input_that_cannot_be_read_stops_the_run_and_names_it() {
    let empty = scratch("empty-input.csv");
    std::fs::write(&empty, "").expect("a scratch file");
    let suppress = scratch("part-way-suppress.txt");
    std::fs::write(&suppress, "15550100009\n").expect("yesterday's list");
    for failing in [
        "tests/fixtures/tracking-renamed-columns.csv",
        empty.to_str().unwrap(),
    ] {
        let run = sms_status(&[
            "triage",
            SAMPLE_REST,
            failing,
            "--suppress-list",
            suppress.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 2, "{failing}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{failing}: {}", run.stdout);
        assert!(run.stderr.contains("nothing was written"), "{}", run.stderr);
        assert_eq!(
            read(&suppress),
            "15550100009\n",
            "{failing}: the list is as it was"
        );
    }
    let run = sms_status(&["triage", "tests/fixtures/tracking-renamed-columns.csv"]);
    assert!(
        run.stderr.contains(
            "tests/fixtures/tracking-renamed-columns.csv: no column SMSStandardStatusCodeId"
        ),
        "{}",
        run.stderr
    );
    let run = sms_status(&["triage", empty.to_str().unwrap()]);
    assert!(
        run.stderr.contains("empty-input.csv is empty"),
        "{}",
        run.stderr
    );
}
