//! `sms-status check`: the build's check of a status table, without the
//! build.
//!
//! The people who edit `status-codes.toml` often have no Rust toolchain,
//! and their only feedback was someone else's failed build. This runs the
//! library the macro runs (`mobileconnect-status-table`), so each mistake
//! gets the message the build gives, in milliseconds.

use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, Write};
use std::process::ExitCode;

use mobileconnect_status_table::{MAX_REPORTED, check, read_table_bytes, table_text};

use crate::fatal::Fatal;
use crate::quoted::as_name;

/// Checks the table in `file` (`-`: standard input). A valid table is
/// confirmed on `out`; mistakes go to standard error, each as the build
/// words it, and make the exit code 1. A file that cannot be read is
/// fatal (exit code 2).
pub(crate) fn run(file: &OsStr, out: &mut impl Write) -> Result<ExitCode, Fatal> {
    let (shown, bytes) = read(file)?;
    let mistakes = match table_text(&shown, bytes) {
        Err(not_a_table) => vec![not_a_table],
        Ok(text) => match check(&text) {
            Ok(table) => {
                let rows = table.rows().len();
                writeln!(out, "{shown}: no mistakes, {rows} status codes")
                    .map_err(Fatal::stdout)?;
                return Ok(ExitCode::SUCCESS);
            }
            Err(mistakes) => mistakes
                .iter()
                .map(|mistake| mistake.render(&shown, &text))
                .collect(),
        },
    };
    report(&shown, &mistakes);
    Ok(ExitCode::from(1))
}

/// The file's name as messages show it, and its bytes: at most one more
/// than a table may have, so that a file that never ends (`/dev/zero`) is
/// reported rather than read until memory runs out.
fn read(file: &OsStr) -> Result<(String, Vec<u8>), Fatal> {
    if file == "-" {
        let bytes = read_table_bytes(io::stdin().lock())
            .map_err(|error| Fatal::new(format!("cannot read standard input: {error}")))?;
        return Ok(("<stdin>".to_owned(), bytes));
    }
    // A name that would not print as itself is escaped, as everywhere in
    // this program; a plain one is shown as typed, as the build shows the
    // path in `#[status_table("…")]`.
    let shown = as_name(&file.to_string_lossy());
    let bytes = File::open(file)
        .and_then(read_table_bytes)
        .map_err(|error| {
            Fatal::new(format!(
                "cannot read the status table {shown}: {error}; name the table's file, \
                 or run sms-status check where status-codes.toml is"
            ))
        })?;
    Ok((shown, bytes))
}

/// Each message as `error: …`, a blank line after each, then how many.
/// A failed write to standard error is not reported anywhere else: the
/// exit code still says the table has mistakes.
fn report(shown: &str, mistakes: &[String]) {
    let mut stderr = io::stderr().lock();
    for mistake in mistakes {
        let _ = writeln!(stderr, "error: {mistake}\n");
    }
    let count = match mistakes.len() {
        1 => "1 mistake; fix it".to_owned(),
        // The last message says the rest are not listed.
        more if more > MAX_REPORTED => format!("more than {MAX_REPORTED} mistakes; fix them"),
        more => format!("{more} mistakes; fix them"),
    };
    let _ = writeln!(
        stderr,
        "sms-status: {shown}: {count} and run sms-status check again"
    );
}
