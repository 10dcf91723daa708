//! The progress line on a terminal: bad-row messages never run into it,
//! and a dumb terminal gets none. `script` (util-linux) gives the program a
//! pseudo-terminal as stderr, the only place the progress line is drawn.

use std::process::Command;

/// What a terminal shows while `sms-status triage -` reads the shipped
/// extract, with `environment` set (`NAME=value `, or empty), and the exit
/// code. Standard input has no size, so the progress line shows from the
/// first read whatever the input's length.
fn screen(environment: &str) -> (Option<i32>, String) {
    let binary = env!("CARGO_BIN_EXE_sms-status");
    let sample = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/samples/sms-message-tracking.csv"
    );
    let shell = format!("{environment}exec '{binary}' triage - < '{sample}'");
    let output = Command::new("script")
        .env_remove("SMS_STATUS_CODES")
        .args(["--quiet", "--return", "--command", &shell, "/dev/null"])
        .output()
        .expect("script from util-linux runs");
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

#[test]
fn bad_rows_start_on_a_line_of_their_own_below_the_progress_line() {
    let (code, screen) = screen("");
    assert_eq!(code, Some(1), "{screen:?}");
    assert!(
        screen.contains("<stdin>: 0 MiB read"),
        "no progress line drawn: {screen:?}"
    );
    for bad in ["<stdin>:8: ", "<stdin>:9: "] {
        let at = screen
            .find(bad)
            .unwrap_or_else(|| panic!("no {bad:?} in {screen:?}"));
        let before = &screen[..at];
        assert!(
            before.ends_with("\r\x1b[2K") || before.ends_with('\n'),
            "{bad:?} runs into what came before: {screen:?}"
        );
    }
}

#[test]
fn a_dumb_terminal_gets_no_escape_codes() {
    let (code, screen) = screen("TERM=dumb ");
    assert_eq!(code, Some(1), "{screen:?}");
    assert!(screen.contains("<stdin>:8: "), "{screen:?}");
    assert!(
        !screen.contains('\x1b'),
        "escape codes on a dumb terminal: {screen:?}"
    );
}
