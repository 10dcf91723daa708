//! Which message a row is: the data view's `MobileMessageTrackingID`, or a
//! column of the user's choice, or an event's `messageKey`.

use std::fmt;
use std::num::NonZeroU64;

use mobileconnect_status::whole_digits;

use super::no_value::means_no_value;
use super::scientific::in_scientific_notation;
use crate::quoted::Quoted;

/// A message's id as a number: the id itself when it is one (so a tie in
/// time goes to the later id, as the data view numbers them), else the
/// FNV-1a hash of its text, the same on every run. Never 0, so that an
/// optional id takes no more room than an id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct MessageId(NonZeroU64);

/// An id a spreadsheet wrote in scientific notation (`9.00012E+11`): its
/// last digits are gone, so ids that differed there now look alike, and
/// reading them would merge different messages into one.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct DigitsLost(String);

impl fmt::Display for DigitsLost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} is an id in scientific notation, as a spreadsheet writes a long number, \
             and its last digits are lost: format the column as text and export it again",
            self.0
        )
    }
}

impl MessageId {
    /// The id a column's text holds; `None` when it is empty or a word for
    /// no value (`NULL`, `#N/A`: see `no_value`). A whole number is the
    /// same id however it is written (`9001`, `009001`, `9001.0`).
    pub(crate) fn of_column(text: &[u8]) -> Result<Option<Self>, DigitsLost> {
        let text = text.trim_ascii();
        // Nearly every id is plain digits that fit: read them at once,
        // leading zeros and all, which add nothing to the value.
        if (1..=19).contains(&text.len()) && text.iter().all(u8::is_ascii_digit) {
            let value = text
                .iter()
                .fold(0, |value, digit| value * 10 + u64::from(digit - b'0'));
            return Ok(Some(Self::from_value(value)));
        }
        if text.is_empty() || means_no_value(text) {
            return Ok(None);
        }
        let digits = std::str::from_utf8(text)
            .ok()
            .and_then(|text| whole_digits(text).ok())
            .map(|digits| digits.trim_start_matches('0'));
        let value = match digits {
            // Up to 19 digits always fits, with room for the shift below.
            Some(digits) if digits.len() <= 19 => digits
                .bytes()
                .fold(0, |value, digit| value * 10 + u64::from(digit - b'0')),
            Some(digits) => fnv1a(digits.as_bytes()),
            None if in_scientific_notation(text) => {
                return Err(DigitsLost(Quoted::bytes(text).to_string()));
            }
            None => fnv1a(text),
        };
        Ok(Some(Self::from_value(value)))
    }

    /// The id of a message key (`messageKey`): its text's hash.
    pub(crate) fn of_key(key: &str) -> Self {
        Self::from_value(fnv1a(key.as_bytes()))
    }

    /// Shifted by one so that 0 is a value too; a hash of `u64::MAX` shares
    /// its id with one of `u64::MAX - 1`, a chance of one in 2^64.
    fn from_value(value: u64) -> Self {
        Self(NonZeroU64::MIN.saturating_add(value))
    }

    /// The id as one number, never 0.
    pub(crate) const fn get(self) -> u64 {
        self.0.get()
    }
}

/// FNV-1a over `bytes`.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::MessageId;

    fn id(text: &str) -> Option<MessageId> {
        MessageId::of_column(text.as_bytes()).expect("an id or none")
    }

    #[test]
    fn numeric_ids_keep_their_order_and_text_ids_are_hashed() {
        assert_eq!(id(""), None);
        assert_eq!(id("  "), None);
        assert!(id("99") < id("100"), "numbers, not text");
        assert_eq!(id(" 100 "), id("100"));
        assert_eq!(id("0").map(MessageId::get), Some(1));
        assert_eq!(id("m-001"), Some(MessageId::of_key("m-001")));
        assert_ne!(id("m-001"), id("m-002"));
    }

    #[test]
    fn a_whole_number_is_one_id_however_it_is_written() {
        assert_eq!(id("9001.0"), id("9001"));
        assert_eq!(id("009001"), id("9001"));
        assert_eq!(id("9001.00"), id("9001"));
        assert_ne!(id("9001.5"), id("9001"), "a fraction is text, not 9001");
        let long = "1".repeat(25);
        assert_eq!(id(&format!("{long}.0")), id(&long), "hashed as its digits");
    }

    #[test]
    fn words_for_nothing_are_no_id() {
        for text in ["NULL", "null", "\\N", "#N/A", "NaN", "None", "n/a"] {
            assert_eq!(id(text), None, "{text}");
        }
    }

    #[test]
    fn an_id_in_scientific_notation_has_lost_digits() {
        for text in [
            "9.00012E+11",
            "9.00012e+11",
            "9E+11",
            "1.5E-3",
            "9.00012E11",
        ] {
            let error = MessageId::of_column(text.as_bytes()).expect_err(text);
            assert!(error.to_string().contains("digits are lost"), "{error}");
        }
        // Text ids with an E are ids.
        for text in ["E+11", "9.0.1E+11", "ABE1", "9E", "m-1e5"] {
            assert!(id(text).is_some(), "{text}");
        }
    }
}
