//! `check --format text`, the default: each mistake as the build words it.

use std::io::{self, Write};

use super::Mistakes;

/// Each message as `error: …` on standard error, a blank line after
/// each. A failed write to standard error is not reported anywhere else:
/// the exit code still says the table has mistakes.
pub(super) fn report(shown: &str, mistakes: &Mistakes) {
    let mut stderr = io::stderr().lock();
    match mistakes {
        Mistakes::NotATable(message) => {
            let _ = writeln!(stderr, "error: {message}\n");
        }
        Mistakes::InText(text, mistakes) => {
            for mistake in mistakes {
                let _ = writeln!(stderr, "error: {}\n", mistake.render(shown, text));
            }
        }
    }
}
