//! `--help`, `--version` and what a usage mistake says.

use crate::common;

use common::sms_status;

/// Every subcommand, as `sms-status --help` lists it.
const COMMANDS: [&str; 5] = ["list", "explain", "triage", "query", "check"];

#[test]
fn help_lists_every_command_the_options_and_the_exit_codes() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let run = sms_status(args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        let listed = COMMANDS.map(|command| format!("\n  {command} "));
        let texts = ["-h, --help", "-V, --version", "Exit codes"];
        for text in listed.iter().map(String::as_str).chain(texts) {
            assert!(
                run.stdout.contains(text),
                "{args:?}: no {text:?} in:\n{}",
                run.stdout
            );
        }
    }
}

#[test]
fn each_command_has_a_help_page_of_its_own() {
    for command in COMMANDS {
        let run = sms_status(&[command, "--help"]);
        assert_eq!(run.code, 0, "{command}: {}", run.stderr);
        let help = &run.stdout;
        assert!(
            help.starts_with(&format!("sms-status {command}: ")),
            "{help}"
        );
        assert!(help.contains("-h, --help"), "{command}: {help}");
        for other in COMMANDS.iter().filter(|&&other| other != command) {
            assert!(
                !help.contains(&format!("sms-status {other}")),
                "{command}'s help shows {other}'s usage:\n{help}"
            );
        }
        assert_eq!(sms_status(&[command, "-h"]).stdout, *help);
        assert_eq!(sms_status(&["help", command]).stdout, *help);
    }
}

/// The widest a help page's lines are: a terminal of 80 columns wraps the
/// few option lines that pass 80 by a word at most.
const HELP_WIDTH: usize = 88;

#[test]
fn every_help_page_keeps_to_its_width() {
    let pages = COMMANDS
        .iter()
        .map(|command| sms_status(&[command, "--help"]).stdout)
        .chain([sms_status(&["--help"]).stdout]);
    for page in pages {
        for line in page.lines() {
            assert!(
                line.chars().count() <= HELP_WIDTH,
                "a help line of {} columns:\n{line}",
                line.chars().count()
            );
        }
    }
}

#[test]
fn triage_help_documents_its_options() {
    let help = sms_status(&["triage", "--help"]).stdout;
    for option in [
        "--column NAME",
        "--number-column NAME",
        "--suppress-list FILE",
        "--retry-list FILE",
        "--format text|json",
        "Exit codes",
    ] {
        assert!(help.contains(option), "no {option:?} in:\n{help}");
    }
}

/// The `--options` a help page names.
fn documented_options(help: &str) -> Vec<&str> {
    let mut options: Vec<&str> = help
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .filter(|word| word.len() > 2 && word.starts_with("--"))
        .collect();
    options.sort_unstable();
    options.dedup();
    options
}

#[test]
fn every_option_a_help_page_names_is_one_its_command_takes() {
    for command in COMMANDS {
        let help = sms_status(&[command, "--help"]).stdout;
        let options = documented_options(&help);
        assert!(!options.is_empty(), "{command}");
        for option in options {
            let run = sms_status(&[command, option, "x"]);
            assert!(
                !run.stderr.contains("unknown option"),
                "{command} {option}: {}",
                run.stderr
            );
        }
    }
}

#[test]
fn version_names_the_program() {
    for flag in ["--version", "-V"] {
        let run = sms_status(&[flag]);
        assert_eq!(run.code, 0);
        assert_eq!(
            run.stdout,
            format!("sms-status {}\n", env!("CARGO_PKG_VERSION"))
        );
    }
}

#[test]
fn an_unknown_option_is_named_and_exits_2() {
    let run = sms_status(&[
        "triage",
        "--colour",
        "x.txt",
        "samples/sms-message-tracking.csv",
    ]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("\"--colour\""), "{}", run.stderr);
    // Nothing is close: every option is named instead.
    assert!(run.stderr.contains("--number-column"), "{}", run.stderr);
    assert!(
        run.stderr.ends_with("(see sms-status triage --help)\n"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

#[test]
fn a_near_miss_gets_a_did_you_mean() {
    for (args, suggestion, help) in [
        (
            &["list", "--formt", "json"][..],
            "did you mean --format?",
            "sms-status list --help",
        ),
        (
            &[
                "triage",
                "--suppress",
                "x.txt",
                "samples/sms-message-tracking.csv",
            ],
            "did you mean --suppress-list?",
            "sms-status triage --help",
        ),
        (
            &["triage", "--number-colum", "M", "-"],
            "did you mean --number-column?",
            "sms-status triage --help",
        ),
        (&["lst"], "did you mean list?", "sms-status --help"),
        (
            &["tirage", "-"],
            "did you mean triage?",
            "sms-status --help",
        ),
        (
            &["help", "explian"],
            "did you mean explain?",
            "sms-status --help",
        ),
        (
            &["--verison"],
            "did you mean --version?",
            "sms-status --help",
        ),
    ] {
        let run = sms_status(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(
            run.stderr.contains(suggestion) && run.stderr.contains(help),
            "{args:?}: {}",
            run.stderr
        );
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn an_unknown_command_names_every_command_when_none_is_close() {
    let run = sms_status(&["frobnicate"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "unknown command \"frobnicate\": expected list, explain, triage, query, check, serve or help"
        ),
        "{}",
        run.stderr
    );
}
