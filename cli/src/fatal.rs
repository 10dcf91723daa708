//! The error that stops the program with exit code 2: a usage mistake or an
//! input that cannot be read at all.

use std::fmt;
use std::io;

/// What went wrong, in words that name the input and what was expected.
#[derive(Debug)]
pub(crate) struct Fatal(String);

impl Fatal {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }

    /// Writing the output failed (for example, a closed pipe).
    #[expect(
        clippy::needless_pass_by_value,
        reason = "called as `map_err(Fatal::stdout)`"
    )]
    pub(crate) fn stdout(error: io::Error) -> Self {
        Self(format!("cannot write to standard output: {error}"))
    }
}

impl Fatal {
    /// The message followed by where to read more, such as
    /// `(see sms-status triage --help)`.
    #[must_use]
    pub(crate) fn see(self, help: &str) -> Self {
        Self(format!("{} (see {help})", self.0))
    }
}

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
