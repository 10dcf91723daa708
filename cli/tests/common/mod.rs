//! Running the `sms-status` binary the way a person or a script would.

pub(crate) mod extract;
pub(crate) mod page;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// What one run of the binary printed and how it exited.
pub(crate) struct Run {
    pub(crate) stdout: String,
    pub(crate) stderr: String,
    pub(crate) code: i32,
}

/// The `sms-status` binary, to run as a test needs. A status table the
/// tester named in their environment would change every classification,
/// so the binary runs without it.
pub(crate) fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sms-status"));
    command.env_remove("SMS_STATUS_CODES");
    command
}

/// Runs `sms-status` with `args` from the crate's directory, so paths like
/// `samples/…` resolve as they do for a user in `cli/`.
pub(crate) fn sms_status(args: &[&str]) -> Run {
    sms_status_with_stdin(args, None)
}

/// As [`sms_status`], with `stdin` piped in when given.
pub(crate) fn sms_status_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Run {
    sms_status_in(Path::new(env!("CARGO_MANIFEST_DIR")), args, stdin)
}

/// As [`sms_status_with_stdin`], run from `directory`.
pub(crate) fn sms_status_in(directory: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = binary()
        .args(args)
        .current_dir(directory)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sms-status binary runs");
    if let Some(bytes) = stdin {
        child
            .stdin
            .take()
            .expect("piped stdin")
            .write_all(bytes)
            .expect("stdin accepts the input");
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("sms-status finishes");
    Run {
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
        code: status.code().expect("sms-status exits with a code"),
    }
}

/// A fresh path in the test scratch directory for an output file.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_file(&path);
    path
}

/// Reads a file the binary wrote.
pub(crate) fn read(path: &PathBuf) -> String {
    std::fs::read_to_string(path).expect("the binary wrote the file")
}

/// Runs `sms-status triage --format json ARGS` and reads the report.
pub(crate) fn json_report(args: &[&str]) -> (serde_json::Value, Run) {
    let mut all = vec!["triage", "--format", "json"];
    all.extend_from_slice(args);
    let run = sms_status(&all);
    let report = serde_json::from_str(&run.stdout).unwrap_or_else(|error| {
        panic!(
            "triage --format json printed no JSON ({error}):\n{}\n{}",
            run.stdout, run.stderr
        )
    });
    (report, run)
}

/// Writes `contents` to a fresh scratch file and returns its path.
pub(crate) fn scratch_file(name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = scratch(name);
    std::fs::write(&path, contents).expect("a scratch file");
    path
}

/// The `(code, recipients)` pairs of a JSON report's statuses.
pub(crate) fn status_counts(report: &serde_json::Value) -> Vec<(u64, u64)> {
    report["statuses"]
        .as_array()
        .expect("statuses")
        .iter()
        .map(|status| {
            (
                status["code"].as_u64().expect("a code"),
                status["recipients"].as_u64().expect("a count"),
            )
        })
        .collect()
}

/// The lines of stderr that name a bad row or a failed input.
pub(crate) fn messages(run: &Run) -> Vec<&str> {
    run.stderr.lines().collect()
}
