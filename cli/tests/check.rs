//! `sms-status check`: a table's mistakes with the messages the build
//! gives, without the build.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{Run, scratch, sms_status, sms_status_in};

/// The workspace's `tests/ui`: a table per kind of mistake, each with the
/// build's errors for it in a `.stderr` snapshot (`tests/tests/ui.rs`).
fn ui_cases() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/ui")
}

/// The messages of the table errors in a trybuild snapshot: each
/// `error: ` and the lines after it up to the ` --> ` line that locates the
/// attribute, less the seven columns rustc indents a message's later
/// lines by.
fn messages_in_snapshot(snapshot: &str) -> Vec<String> {
    let mut messages = Vec::new();
    let mut lines = snapshot.lines();
    while let Some(line) = lines.next() {
        let Some(first) = line.strip_prefix("error: ") else {
            continue;
        };
        let mut message = first.to_owned();
        for line in lines.by_ref().take_while(|line| !line.starts_with(" --> ")) {
            message.push('\n');
            message.push_str(line.strip_prefix("       ").unwrap_or(line));
        }
        messages.push(message);
    }
    messages
}

/// The messages `sms-status check` printed: `error: ` blocks, each ended by
/// a blank line, before the closing count.
fn messages_of_check(stderr: &str) -> Vec<String> {
    stderr
        .split("\n\n")
        .filter_map(|block| block.strip_prefix("error: "))
        .map(str::to_owned)
        .collect()
}

fn check_in(directory: &Path, args: &[&str]) -> Run {
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    sms_status_in(directory, &all, None)
}

#[test]
fn every_mistake_case_of_the_ui_suite_gets_the_builds_messages() {
    let mut cases = 0;
    for entry in fs::read_dir(ui_cases()).expect("tests/ui") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|extension| extension != "toml") {
            continue;
        }
        let snapshot = fs::read_to_string(path.with_extension("stderr")).expect("a snapshot");
        let expected = messages_in_snapshot(&snapshot);
        assert!(!expected.is_empty(), "{}", path.display());
        let name = path.file_name().and_then(|n| n.to_str()).expect("a name");
        // From the cases' directory, as the build names the file: by the
        // path written in the attribute, relative to that directory.
        let run = check_in(&ui_cases(), &[name]);
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{name}");
        assert_eq!(messages_of_check(&run.stderr), expected, "{name}");
        let count = if expected.len() == 1 {
            "1 mistake; fix it".to_owned()
        } else {
            format!("{} mistakes; fix them", expected.len())
        };
        assert!(
            run.stderr.ends_with(&format!(
                "sms-status: {name}: {count} and run sms-status check again\n"
            )),
            "{}",
            run.stderr
        );
        cases += 1;
    }
    assert_eq!(cases, 16, "every .toml case of tests/ui");
}

#[test]
fn the_snapshot_reader_finds_each_message_whole() {
    let snapshot = "error: t.toml:3:1: one\n         |\n       3 | x\n --> ui/t.rs:2:45\n  |\n\nerror: t.toml:4:1: two\n --> ui/t.rs:2:45\n";
    assert_eq!(
        messages_in_snapshot(snapshot),
        ["t.toml:3:1: one\n  |\n3 | x", "t.toml:4:1: two"]
    );
}

#[test]
fn valid_tables_pass_with_their_row_count() {
    let repository = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    // No FILE: status-codes.toml in the current directory, as the build.
    let run = check_in(&repository, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "status-codes.toml: no mistakes, 20 status codes\n"
    );
    assert_eq!(run.stderr, "");
    for (case, rows) in [
        ("pass/small_table.toml", 3),
        ("pass/hostile_definitions.toml", 9),
    ] {
        let run = check_in(&ui_cases(), &[case]);
        assert_eq!(run.code, 0, "{case}: {}", run.stderr);
        assert_eq!(
            run.stdout,
            format!("{case}: no mistakes, {rows} status codes\n")
        );
    }
}

#[test]
fn standard_input_is_read_for_a_dash() {
    let table = fs::read(ui_cases().join("unknown_vocabulary.toml")).expect("a case");
    let run = sms_status_in(&ui_cases(), &["check", "-"], Some(&table));
    assert_eq!(run.code, 1, "{}", run.stderr);
    let by_name = check_in(&ui_cases(), &["unknown_vocabulary.toml"]);
    assert_eq!(
        run.stderr,
        by_name.stderr.replace("unknown_vocabulary.toml", "<stdin>")
    );
}

#[test]
fn a_file_that_is_not_utf8_is_a_mistake_in_the_builds_words() {
    let path = scratch("check-latin1.toml");
    fs::write(
        &path,
        b"[[status]]\ncode = 4000\nname = \"Zustellung an das Ger\xe4t\"\n",
    )
    .expect("scratch file");
    let shown = path.to_str().expect("a UTF-8 path");
    let run = sms_status(&["check", shown]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(&format!(
            "error: {shown}: the status table is not UTF-8 text; save it as UTF-8\n"
        )),
        "{}",
        run.stderr
    );
}

/// A file that never ends is read only as far as the largest table, then
/// reported, instead of filling memory.
#[cfg(unix)]
#[test]
fn a_file_that_never_ends_is_reported_as_too_large() {
    let run = sms_status(&["check", "/dev/zero"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.starts_with(
            "error: /dev/zero: the file is larger than 64 MiB; \
             it is not the status table, or it was saved wrongly\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_flood_of_mistakes_is_cut_and_counted_as_more_than_the_limit() {
    let path = scratch("check-flood.toml");
    fs::write(&path, "colour = 1\n".repeat(500)).expect("scratch file");
    let run = sms_status(&["check", path.to_str().expect("a UTF-8 path")]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let messages = messages_of_check(&run.stderr);
    assert_eq!(messages.len(), 101, "{}", run.stderr);
    assert!(
        messages[100].contains("too many mistakes"),
        "{}",
        messages[100]
    );
    assert!(
        run.stderr
            .contains(": more than 100 mistakes; fix them and run"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_file_or_a_second_one_is_a_usage_error() {
    let run = sms_status(&["check", "no-such-table.toml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("sms-status: cannot read the status table no-such-table.toml: "),
        "{}",
        run.stderr
    );
    let run = sms_status(&["check", "a.toml", "b.toml"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "sms-status: unexpected argument \"b.toml\" (see sms-status check --help)\n"
    );
}
