//! `--help`, `--version` and what a usage mistake says.

mod common;

use common::sms_status;

#[test]
fn help_lists_every_command_and_the_exit_codes() {
    for args in [&["--help"][..], &["-h"], &["help"], &["triage", "--help"]] {
        let run = sms_status(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        for text in [
            "sms-status list",
            "sms-status explain",
            "sms-status triage",
            "--suppress-list",
            "Exit codes",
        ] {
            assert!(
                run.stdout.contains(text),
                "{args:?}: no {text:?} in:\n{}",
                run.stdout
            );
        }
    }
}

#[test]
fn version_names_the_program() {
    let run = sms_status(&["--version"]);
    assert_eq!(run.code, 0);
    assert_eq!(
        run.stdout,
        format!("sms-status {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn an_unknown_option_is_named_and_exits_2() {
    let run = sms_status(&[
        "triage",
        "--suppress",
        "x.txt",
        "samples/sms-message-tracking.csv",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--suppress"), "{}", run.stderr);
    assert!(run.stderr.contains("sms-status --help"), "{}", run.stderr);
    assert!(run.stdout.is_empty());
}
