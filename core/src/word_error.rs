//! The error of reading a classification word (`"retry-later"`).

use core::fmt;

use crate::excerpt::Excerpt;

/// A text that is not a word of the vocabulary it was read as: names the
/// input and lists the words allowed.
///
/// ```
/// use mobileconnect_status::Action;
///
/// assert_eq!("retry-later".parse(), Ok(Action::RetryLater));
/// let error = "retry-latr".parse::<Action>().unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     r#"unknown action "retry-latr": expected one of "wait", "none", "retry-later", "suppress-number", "investigate""#
/// );
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseWordError {
    vocabulary: &'static str,
    allowed: &'static [&'static str],
    input: Excerpt,
}

impl ParseWordError {
    pub(crate) fn new(
        vocabulary: &'static str,
        allowed: &'static [&'static str],
        input: &str,
    ) -> Self {
        Self {
            vocabulary,
            allowed,
            input: Excerpt::new(input),
        }
    }

    /// The offending input, or its first 48 bytes if it was longer.
    #[must_use]
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// The words the vocabulary allows, as `status-codes.toml` writes them.
    #[must_use]
    pub const fn allowed(&self) -> &'static [&'static str] {
        self.allowed
    }
}

impl fmt::Debug for ParseWordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParseWordError")
            .field("vocabulary", &self.vocabulary)
            .field("input", &self.input())
            .finish_non_exhaustive()
    }
}

impl fmt::Display for ParseWordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} {:?}{}: expected one of ",
            self.vocabulary,
            self.input(),
            self.input.ellipsis()
        )?;
        for (index, word) in self.allowed.iter().enumerate() {
            let separator = if index == 0 { "" } else { ", " };
            write!(f, "{separator}{word:?}")?;
        }
        Ok(())
    }
}

impl core::error::Error for ParseWordError {}
