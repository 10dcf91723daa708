//! `sms-status check`: a table's mistakes with the messages the build
//! gives, without the build.

use crate::common;

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

/// What a tool needs of a snapshot's message: the place and words of its
/// first line (`f.toml:17:9: unknown stage "handsett"`), its help, and the
/// line and words of the place it relates to (marked `---`).
struct Expected {
    line: u64,
    column: u64,
    message: String,
    help: Option<String>,
    related: Option<(u64, String)>,
}

fn expected(name: &str, message: &str) -> Expected {
    let first = message.lines().next().expect("a first line");
    let rest = first
        .strip_prefix(&format!("{name}:"))
        .unwrap_or_else(|| panic!("{name}: {first}"));
    let mut parts = rest.splitn(3, ':');
    let mut number = || -> u64 { parts.next().and_then(|n| n.parse().ok()).expect("a number") };
    let (line, column) = (number(), number());
    let words = parts.next().expect("the message").trim_start().to_owned();
    let lines: Vec<&str> = message.lines().collect();
    let help = lines
        .iter()
        .find_map(|line| line.trim_start().strip_prefix("= help: "))
        .map(str::to_owned);
    // `14 | code = 4000` above `   |        ---- first used here`.
    let related = lines.windows(2).find_map(|pair| {
        let (_, marks) = pair[1].split_once("| ")?;
        let label = marks
            .trim_start()
            .strip_prefix('-')?
            .trim_start_matches('-');
        let number = pair[0].split_once(" | ")?.0.trim().parse().ok()?;
        Some((number, label.trim().to_owned()))
    });
    Expected {
        line,
        column,
        message: words,
        help,
        related,
    }
}

/// Each `tests/ui` mistake case: its file name and the build's messages.
fn mistake_cases() -> Vec<(String, Vec<String>)> {
    let mut cases = Vec::new();
    for entry in fs::read_dir(ui_cases()).expect("tests/ui") {
        let path = entry.expect("an entry").path();
        if path
            .extension()
            .is_some_and(|extension| extension == "toml")
        {
            let snapshot = fs::read_to_string(path.with_extension("stderr")).expect("a snapshot");
            let name = path.file_name().and_then(|n| n.to_str()).expect("a name");
            cases.push((name.to_owned(), messages_in_snapshot(&snapshot)));
        }
    }
    cases.sort();
    assert_eq!(cases.len(), 16, "every .toml case of tests/ui");
    cases
}

/// A workflow command's message as GitHub reads it back.
fn unescaped(data: &str) -> String {
    data.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%25", "%")
}

#[test]
fn github_annotations_are_one_a_message_at_the_builds_line_and_column() {
    for (name, messages) in mistake_cases() {
        let run = check_in(&ui_cases(), &["--format", "github", &name]);
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        let annotations: Vec<&str> = run.stdout.lines().collect();
        assert_eq!(annotations.len(), messages.len(), "{name}: {}", run.stdout);
        for (annotation, message) in annotations.iter().zip(&messages) {
            let want = expected(&name, message);
            let prefix = format!(
                "::error file={name},line={},col={}::",
                want.line, want.column
            );
            let text = annotation
                .strip_prefix(&prefix)
                .unwrap_or_else(|| panic!("{name}: {annotation}\nexpected {prefix}"));
            assert!(!text.contains(['\n', '\r']), "{name}: {text}");
            let text = unescaped(text);
            let mut lines = text.lines();
            assert_eq!(lines.next(), Some(want.message.as_str()), "{name}");
            if let Some((line, label)) = &want.related {
                let shown = lines.next().unwrap_or_default();
                assert!(
                    shown.starts_with(&format!("line {line}, column "))
                        && shown.ends_with(label.as_str()),
                    "{name}: {shown}"
                );
            }
            let help = want.help.map(|help| format!("help: {help}"));
            assert_eq!(lines.next().map(str::to_owned), help, "{name}");
        }
        assert!(
            run.stderr.starts_with(&format!("sms-status: {name}: ")),
            "{name}: {}",
            run.stderr
        );
    }
}

#[test]
fn json_objects_are_one_a_message_at_the_builds_line_and_column() {
    let mut related = 0;
    for (name, messages) in mistake_cases() {
        let run = check_in(&ui_cases(), &["--format", "json", &name]);
        assert_eq!(run.code, 1, "{name}: {}", run.stderr);
        let objects: Vec<serde_json::Value> = run
            .stdout
            .lines()
            .map(|line| serde_json::from_str(line).expect("a JSON object a line"))
            .collect();
        assert_eq!(objects.len(), messages.len(), "{name}: {}", run.stdout);
        for (object, message) in objects.iter().zip(&messages) {
            let want = expected(&name, message);
            assert_eq!(object["file"], name.as_str());
            assert_eq!(object["line"], want.line, "{name}: {object}");
            assert_eq!(object["column"], want.column, "{name}: {object}");
            assert_eq!(object["message"], want.message.as_str(), "{name}");
            assert_eq!(
                object["suggestion"].as_str(),
                want.help.as_deref(),
                "{name}"
            );
            match &want.related {
                Some((line, label)) => {
                    assert_eq!(object["related"]["line"], *line, "{name}");
                    assert_eq!(object["related"]["message"], label.as_str(), "{name}");
                    related += 1;
                }
                None => assert!(object["related"].is_null(), "{name}: {object}"),
            }
        }
    }
    // A duplicate code, a duplicate name, and each in several_mistakes.
    assert!(
        related >= 3,
        "the snapshots' related places were read: {related}"
    );
}

#[test]
fn a_valid_table_is_confirmed_on_stderr_when_stdout_is_for_a_tool() {
    for format in ["github", "json"] {
        let run = check_in(&ui_cases(), &["--format", format, "pass/small_table.toml"]);
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        assert_eq!(run.stdout, "", "{format}");
        assert_eq!(
            run.stderr, "pass/small_table.toml: no mistakes, 3 status codes\n",
            "{format}"
        );
    }
}

#[test]
fn a_file_that_is_not_a_table_is_annotated_on_the_file_without_a_line() {
    let path = scratch("check-latin1-github.toml");
    fs::write(&path, b"name = \"Ger\xe4t\"\n").expect("scratch file");
    let shown = path.to_str().expect("a UTF-8 path");
    let run = sms_status(&["check", "--format", "github", shown]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        format!(
            "::error file={}::the status table is not UTF-8 text; save it as UTF-8\n",
            shown.replace(':', "%3A").replace(',', "%2C")
        )
    );
    let run = sms_status(&["check", "--format", "json", shown]);
    let object: serde_json::Value = serde_json::from_str(&run.stdout).expect("one object");
    assert_eq!(object["file"], shown);
    assert!(
        object["line"].is_null() && object["column"].is_null(),
        "{object}"
    );
    assert_eq!(
        object["message"],
        "the status table is not UTF-8 text; save it as UTF-8"
    );
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
fn a_missing_file_is_reported_and_the_other_files_still_checked() {
    let run = check_in(
        &ui_cases(),
        &[
            "no-such-table.toml",
            "pass/small_table.toml",
            "duplicate_code.toml",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("sms-status: cannot read the status table no-such-table.toml: "),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stdout,
        "pass/small_table.toml: no mistakes, 3 status codes\n"
    );
    assert!(
        run.stderr.ends_with(
            "sms-status: duplicate_code.toml: 1 mistake; fix it and run sms-status check again\n"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn several_tables_are_checked_each_with_its_own_messages() {
    let cases = [
        "unknown_vocabulary.toml",
        "pass/small_table.toml",
        "missing_key.toml",
    ];
    let together = check_in(&ui_cases(), &cases);
    assert_eq!(together.code, 1, "{}", together.stderr);
    let (mut stdout, mut stderr) = (String::new(), String::new());
    for case in cases {
        let alone = check_in(&ui_cases(), &[case]);
        stdout.push_str(&alone.stdout);
        stderr.push_str(&alone.stderr);
    }
    assert_eq!(together.stdout, stdout);
    assert_eq!(together.stderr, stderr);
}

#[test]
fn a_format_check_does_not_know_is_a_usage_error() {
    let run = sms_status(&["check", "--format", "sarif"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "sms-status: --format: expected text, github or json, found \"sarif\" (see sms-status check --help)\n"
    );
}

#[test]
fn print_schema_prints_the_committed_schema() {
    let run = sms_status(&["check", "--print-schema"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let schema: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(schema["properties"]["status"]["type"], "array");
    let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../status-codes.schema.json");
    let committed = fs::read_to_string(committed).expect("status-codes.schema.json");
    assert!(
        committed == run.stdout,
        "status-codes.schema.json is not what sms-status check --print-schema prints; \
         run `cargo run -- check --print-schema > status-codes.schema.json` at the \
         repository's top and commit it"
    );
}
