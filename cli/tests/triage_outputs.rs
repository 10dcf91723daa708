//! Triage's outputs never lose or corrupt data: a list is never an input,
//! is checked before any input is read, is written whole or not at all,
//! holds only mobile numbers, and the messages on stderr stay readable.

use crate::common;

use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{json_report, read, scratch, scratch_file, sms_status};

const SAMPLE: &str = "samples/sms-message-tracking.csv";

/// A copy of the shipped extract to aim outputs at.
fn extract_copy(name: &str) -> PathBuf {
    let sample =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE)).expect("the sample");
    scratch_file(name, sample)
}

/// Temporary files triage left beside `path`.
fn leftovers(path: &Path) -> Vec<String> {
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    std::fs::read_dir(path.parent().unwrap())
        .expect("the scratch directory")
        .filter_map(|entry| {
            let entry = entry.ok()?.file_name().to_string_lossy().into_owned();
            (entry.starts_with(&format!(".{name}.sms-status-"))).then_some(entry)
        })
        .collect()
}

#[test]
fn a_list_aimed_at_an_input_is_refused_before_anything_is_read() {
    let extract = extract_copy("list-is-input.csv");
    let before = std::fs::read(&extract).expect("the copy");
    let dir = extract.parent().unwrap();
    let hard = dir.join("list-is-input-hard.csv");
    let soft = dir.join("list-is-input-soft.csv");
    let _ = std::fs::remove_file(&hard);
    let _ = std::fs::remove_file(&soft);
    std::fs::hard_link(&extract, &hard).expect("a hard link");
    std::os::unix::fs::symlink(&extract, &soft).expect("a symbolic link");
    let dotted = dir.join(".").join("list-is-input.csv");
    for aimed in [&extract, &hard, &soft, &dotted] {
        for option in ["--suppress-list", "--retry-list"] {
            let run = sms_status(&[
                "triage",
                extract.to_str().unwrap(),
                option,
                aimed.to_str().unwrap(),
            ]);
            assert_eq!(run.code, 2, "{option} {}: {}", aimed.display(), run.stderr);
            assert!(run.stdout.is_empty(), "nothing is reported: {}", run.stdout);
            assert!(
                run.stderr.contains("triage never writes over its inputs"),
                "{}",
                run.stderr
            );
            assert!(
                !run.stderr.contains(":8:"),
                "no row was read: {}",
                run.stderr
            );
            assert_eq!(std::fs::read(&extract).expect("the copy"), before);
        }
    }
}

#[test]
fn one_file_for_both_lists_is_refused() {
    let list = scratch("both-lists.txt");
    let path = list.to_str().unwrap();
    let dotted = format!("{}/./both-lists.txt", list.parent().unwrap().display());
    for (suppress, retry) in [(path, path), (path, dotted.as_str())] {
        let run = sms_status(&[
            "triage",
            SAMPLE,
            "--suppress-list",
            suppress,
            "--retry-list",
            retry,
        ]);
        assert_eq!(run.code, 2, "{suppress} and {retry}");
        assert!(run.stdout.is_empty(), "{}", run.stdout);
        assert!(
            run.stderr.contains("--suppress-list names this file too"),
            "{}",
            run.stderr
        );
        assert!(!list.exists(), "nothing is written");
    }
}

#[test]
fn outputs_that_cannot_be_written_are_refused_before_reading() {
    let missing = scratch("no-such-dir").join("suppress.txt");
    let dash = sms_status(&["triage", SAMPLE, "--suppress-list", "-"]);
    assert_eq!(dash.code, 2);
    assert!(
        dash.stderr.contains("not to standard output"),
        "{}",
        dash.stderr
    );
    assert!(
        !Path::new(env!("CARGO_MANIFEST_DIR")).join("-").exists(),
        "no file named -"
    );
    let run = sms_status(&["triage", SAMPLE, "--retry-list", missing.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("does not exist"), "{}", run.stderr);
    let directory = scratch("a-directory");
    std::fs::create_dir_all(&directory).expect("a directory");
    let run = sms_status(&[
        "triage",
        SAMPLE,
        "--retry-list",
        directory.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("this is a directory"), "{}", run.stderr);
    let run = sms_status(&["triage", SAMPLE, "--retry-list", "/dev/null"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
}

#[test]
fn a_missing_output_directory_stops_triage_before_a_waiting_pipe_is_opened() {
    let fifo = scratch("nobody-writes.fifo");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let missing = scratch("no-such-dir-either").join("list.txt");
    let mut child = common::binary()
        .args([
            "triage",
            fifo.to_str().unwrap(),
            "--suppress-list",
            missing.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sms-status runs");
    // Opening the pipe would block forever: nobody writes to it. Give it
    // far longer than it needs; only whether it exits is checked.
    let mut waited = std::time::Duration::ZERO;
    let status = loop {
        if let Some(status) = child.try_wait().expect("waits") {
            break Some(status);
        }
        if waited > std::time::Duration::from_secs(60) {
            child.kill().expect("killed");
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        waited += std::time::Duration::from_millis(20);
    };
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .expect("stderr");
    assert_eq!(status.and_then(|status| status.code()), Some(2), "{stderr}");
    assert!(stderr.contains("does not exist"), "{stderr}");
}

#[test]
fn a_list_holds_numbers_in_one_form_and_never_junk() {
    let extract = scratch_file(
        "typed-numbers.csv",
        "MobileMessageTrackingID,Mobile,CreateDateTime,SMSStandardStatusCodeId\n\
         1,+1 (555) 010-0001,2021-01-01 09:00:00,4501\n\
         2,15550100001,2022-01-01 09:00:00,4504\n\
         3,+1.555.010.0002,2022-01-01 09:00:00,4505\n\
         4,NULL,2022-01-01 09:00:00,4504\n\
         5,#N/A,2022-01-01 09:00:00,4504\n\
         6,1.5550100002E+10,2022-01-01 09:00:00,4504\n\
         7,\"1555010\n0003\",2022-01-01 09:00:00,4504\n\
         8,12345,2022-01-01 09:00:00,4504\n",
    );
    let suppress = scratch("typed-suppress.txt");
    let retry = scratch("typed-retry.txt");
    let name = extract.to_str().unwrap();
    let (report, run) = json_report(&[
        name,
        "--suppress-list",
        suppress.to_str().unwrap(),
        "--retry-list",
        retry.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1);
    // +1 (555) 010-0001 and 15550100001 are one number: its newer send
    // (4504) decides, and it is in one list only.
    assert_eq!(read(&suppress), "15550100001\n15550100002\n");
    assert_eq!(read(&retry), "");
    assert_eq!(report["bad_rows"], 5);
    let bad = common::messages(&run);
    for (at, (line, value)) in [
        (5, "\"NULL\""),
        (6, "\"#N/A\""),
        (7, "\"1.5550100002E+10\""),
        (8, "\"1555010\\n0003\""),
        (10, "\"12345\""),
    ]
    .into_iter()
    .enumerate()
    {
        let what = match line {
            10 => "is no one's mobile number: after the country code +1 come 4 digits",
            7 => "is a number in scientific notation",
            _ => "is not a mobile number",
        };
        let expected = format!("{name}:{line}: Mobile: {value} {what}");
        assert!(
            bad[at].starts_with(&expected),
            "expected {expected:?}, got {:?}",
            bad[at]
        );
    }
}

#[test]
fn a_flood_of_bad_rows_is_named_twenty_times_and_counted_exactly() {
    let mut rows = String::from("Mobile,SMSStandardStatusCodeId\n");
    for number in 0..500 {
        writeln!(rows, "1555{number:07},").expect("a row");
    }
    // One row counts, so the run reports the flood instead of failing.
    rows.push_str("15550100001,4000\n");
    let mut header = "x".repeat(10 << 20);
    header.push_str(",Mobile,SMSStandardStatusCodeId\n15550100001,4000\n");
    let flood = scratch_file("flood.csv", rows);
    let name = flood.to_str().unwrap();
    let (report, run) = json_report(&[name]);
    assert_eq!(report["bad_rows"], 500);
    let lines = common::messages(&run);
    assert_eq!(lines.len(), 21, "{}", run.stderr);
    assert_eq!(
        lines[20],
        format!("… and 480 more bad rows in {name} (--max-errors 0 shows all)")
    );
    let (_, five) = json_report(&[name, "--max-errors", "5"]);
    assert_eq!(five.stderr.lines().count(), 6, "{}", five.stderr);
    let (_, all) = json_report(&[name, "--max-errors", "0"]);
    assert_eq!(all.stderr.lines().count(), 500);

    let wide = scratch_file("wide-header.csv", header);
    let run = sms_status(&["triage", wide.to_str().unwrap(), "--column", "Code"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.len() < 2000,
        "a 10 MB header is not echoed: {} bytes",
        run.stderr.len()
    );
    assert!(run.stderr.contains("(10485760 bytes)"), "{}", run.stderr);
}

#[test]
fn a_needed_column_named_twice_is_an_error_naming_it() {
    let extract = scratch_file(
        "twice.csv",
        "Mobile,SMSStandardStatusCodeId,Mobile\n15550100001,4000,15550100002\n",
    );
    let run = sms_status(&["triage", extract.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("the CSV header has the column \"Mobile\" twice (columns 1 and 3)"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_same_input_named_twice_is_read_once() {
    let extract = extract_copy("named-twice.csv");
    let dotted = extract.parent().unwrap().join(".").join("named-twice.csv");
    let (report, run) = json_report(&[extract.to_str().unwrap(), dotted.to_str().unwrap()]);
    assert_eq!(report["files"], 1);
    assert_eq!(report["rows"], 8);
    assert!(run.stderr.contains("is the same file as"), "{}", run.stderr);
}

#[test]
fn a_closed_pipe_ends_quietly_with_the_usual_code() {
    let mut child = common::binary()
        .args(["triage", SAMPLE])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sms-status runs");
    // The reader goes away before anything is written, as `head -0` would.
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("finishes");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(1),
        "the sample's bad rows: {stderr}"
    );
    assert!(!stderr.contains("cannot write"), "{stderr}");
    assert_eq!(stderr.lines().count(), 2, "only the bad rows: {stderr}");
}

#[test]
fn an_interrupted_run_leaves_the_old_list_or_the_whole_new_one() {
    const NUMBERS: usize = 2_000_000;
    let mut rows = String::with_capacity(24 * NUMBERS);
    rows.push_str("Mobile,SMSStandardStatusCodeId\n");
    for number in 0..NUMBERS {
        writeln!(rows, "{},4504", 15_550_000_000 + number).expect("a row");
    }
    let extract = scratch_file("many-numbers.csv", rows);
    let list = scratch("many-numbers-suppress.txt");
    let run = |list: &Path| {
        common::binary()
            .args([
                "triage",
                extract.to_str().unwrap(),
                "--suppress-list",
                list.to_str().unwrap(),
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("sms-status runs")
    };
    let started = std::time::Instant::now();
    assert!(run(&list).wait().expect("finishes").success());
    let whole = read(&list);
    assert_eq!(whole.lines().count(), NUMBERS);
    // Only to spread the interruptions over a run: nothing is asserted
    // about time.
    let duration = started.elapsed();
    let old = "15559999999\n";
    let mut outcomes = Vec::new();
    let mut interrupt = |when: &dyn Fn(&mut std::process::Child)| {
        std::fs::write(&list, old).expect("the previous list");
        let mut child = run(&list);
        when(&mut child);
        let killed = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .expect("kill runs");
        let status = child.wait().expect("ends");
        let now = read(&list);
        assert!(
            now == old || now == whole,
            "after SIGINT ({status}, kill {killed}): {} bytes, neither the old list nor the new",
            now.len()
        );
        assert_eq!(
            leftovers(&list),
            Vec::<String>::new(),
            "temporary files left behind"
        );
        outcomes.push(if now == old { "old" } else { "new" });
    };
    for step in 1..=6 {
        interrupt(&|_| std::thread::sleep(duration * step / 7));
    }
    // Once the temporary list has its first bytes, the new list is being
    // written: interrupt it there.
    interrupt(&|child| {
        while child.try_wait().expect("waits").is_none() {
            let writing = leftovers(&list).iter().any(|name| {
                std::fs::metadata(list.parent().unwrap().join(name))
                    .is_ok_and(|file| file.len() > 0)
            });
            if writing {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    });
    eprintln!("interrupted runs left: {outcomes:?}");
}

#[test]
fn standard_input_read_from_an_input_is_never_a_list() {
    let extract = extract_copy("stdin-is-input.csv");
    let before = std::fs::read(&extract).expect("the copy");
    let run = |args: &[&str]| {
        common::binary()
            .args(args)
            .stdin(std::fs::File::open(&extract).expect("the copy"))
            .output()
            .expect("sms-status runs")
    };
    let refused = run(&["triage", "-", "--retry-list", extract.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("this is the input <stdin>"), "{stderr}");
    assert_eq!(std::fs::read(&extract).expect("the copy"), before);
    // Named and redirected: one file, read once.
    let twice = run(&["triage", "--format", "json", extract.to_str().unwrap(), "-"]);
    let report: serde_json::Value = serde_json::from_slice(&twice.stdout).expect("a report");
    assert_eq!(report["rows"], 8);
    assert!(String::from_utf8_lossy(&twice.stderr).contains("is the same file as"));
}

#[test]
fn a_list_path_naming_a_directory_is_refused_before_reading() {
    let list = scratch("suppress-first.txt");
    let run = sms_status(&[
        "triage",
        SAMPLE,
        "--suppress-list",
        list.to_str().unwrap(),
        "--retry-list",
        "no-such-directory/",
    ]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("this names a directory"),
        "{}",
        run.stderr
    );
    assert!(!list.exists(), "no list is written");
}

#[test]
fn threads_are_a_sensible_number() {
    for threads in ["0", "257", "many"] {
        let run = sms_status(&["triage", SAMPLE, "--threads", threads]);
        assert_eq!(run.code, 2, "{threads}");
        assert!(run.stderr.contains("from 1 to 256"), "{}", run.stderr);
    }
}
