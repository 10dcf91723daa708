//! A mobile number as a map key, small enough that per-number resolution of
//! a multi-gigabyte extract stays cheap.

use std::fmt;

/// A mobile number exactly as the input wrote it (surrounding whitespace
/// aside). Up to 19 digits, the common case, are packed into a `u64` and
/// their count (which keeps leading zeros); anything else is kept as text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum NumberKey {
    Digits { count: u8, value: u64 },
    Text(Box<str>),
}

impl NumberKey {
    /// `None` for an empty (or all-whitespace) number.
    pub(super) fn new(bytes: &[u8]) -> Option<Self> {
        let bytes = bytes.trim_ascii();
        if bytes.is_empty() {
            return None;
        }
        if bytes.len() <= 19 && bytes.iter().all(u8::is_ascii_digit) {
            let value = bytes
                .iter()
                .fold(0, |value, digit| value * 10 + u64::from(digit - b'0'));
            let count = u8::try_from(bytes.len()).expect("at most 19 digits");
            return Some(Self::Digits { count, value });
        }
        Some(Self::Text(String::from_utf8_lossy(bytes).into()))
    }
}

impl fmt::Display for NumberKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Digits { count, value } => {
                write!(f, "{value:0width$}", width = usize::from(*count))
            }
            Self::Text(text) => f.write_str(text),
        }
    }
}
