//! `sms-status triage` on an arbitrary input file (CSV or JSON, told apart by
//! the first byte as the CLI does): never panics, and always reports.

#![no_main]

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

/// The CLI reads files (or stdin), so each input is written to one file per
/// fuzzing process, in memory-backed /dev/shm where there is one.
fn scratch() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        let shm = PathBuf::from("/dev/shm");
        let dir = if shm.is_dir() {
            shm
        } else {
            std::env::temp_dir()
        };
        dir.join(format!("sms-status-triage-fuzz-{}", std::process::id()))
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&format, body)) = data.split_first() else {
        return;
    };
    std::fs::write(scratch(), body).expect("the scratch file is writable");
    let format = if format & 1 == 0 { "text" } else { "json" };
    let arguments: Vec<OsString> = ["triage", "--format", format]
        .into_iter()
        .map(OsString::from)
        .chain([scratch().clone().into_os_string()])
        .collect();
    let mut report = Vec::new();
    let code = mobileconnect_status_cli::run(arguments, &mut report);
    // An input that cannot be opened is exit code 2 with a message; any
    // other input, however broken, is read and reported.
    if code != ExitCode::from(2) {
        assert!(!report.is_empty());
    }
});
