//! `sms-status triage` on an arbitrary input file (CSV or JSON, told apart by
//! the first byte as the CLI does): never panics, and always reports.

#![no_main]

// The CLI is a binary crate, so its triage step cannot be called as a
// library; these modules are compiled here as ordinary modules under the
// names their `crate::` paths use. Only `triage::run` is called.
#[allow(dead_code)]
#[path = "../../cli/src/fatal.rs"]
mod fatal;
#[allow(dead_code)]
#[path = "../../cli/src/progress.rs"]
mod progress;
#[allow(dead_code)]
#[path = "../../cli/src/quoted.rs"]
mod quoted;
#[allow(dead_code)]
#[path = "../../cli/src/triage/mod.rs"]
mod triage;

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use triage::{Input, ReportFormat, TriageOptions};

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
    let options = TriageOptions {
        inputs: vec![Input::File(scratch().clone())],
        format: if format & 1 == 0 {
            ReportFormat::Text
        } else {
            ReportFormat::Json
        },
        ..TriageOptions::default()
    };
    let mut report = Vec::new();
    // An input that cannot be opened is a clear message; an empty input or
    // a missing code column is reported and counted. Either way the run
    // must return, not crash.
    if let Err(fatal) = triage::run(&options, &mut report) {
        assert!(!fatal.to_string().is_empty());
    } else {
        assert!(!report.is_empty());
    }
});
