//! Which message a row is: the data view's `MobileMessageTrackingID`, or a
//! column of the user's choice, or an event's `messageKey`.

use std::num::NonZeroU64;

/// A message's id as a number: the id itself when it is one (so a tie in
/// time goes to the later id, as the data view numbers them), else the
/// FNV-1a hash of its text, the same on every run. Never 0, so that an
/// optional id takes no more room than an id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct MessageId(NonZeroU64);

impl MessageId {
    /// The id a column's text holds; `None` when it is empty.
    pub(crate) fn of_column(text: &[u8]) -> Option<Self> {
        let text = text.trim_ascii();
        if text.is_empty() {
            return None;
        }
        // Up to 19 digits always fits, with room for the shift below.
        let numeric = text.len() <= 19 && text.iter().all(u8::is_ascii_digit);
        let value = if numeric {
            text.iter()
                .fold(0, |value, digit| value * 10 + u64::from(digit - b'0'))
        } else {
            fnv1a(text)
        };
        Some(Self::from_value(value))
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

    #[test]
    fn numeric_ids_keep_their_order_and_text_ids_are_hashed() {
        let id = |text: &str| MessageId::of_column(text.as_bytes());
        assert_eq!(id(""), None);
        assert_eq!(id("  "), None);
        assert!(id("99") < id("100"), "numbers, not text");
        assert_eq!(id(" 100 "), id("100"));
        assert_eq!(id("0").map(MessageId::get), Some(1));
        assert_eq!(id("m-001"), Some(MessageId::of_key("m-001")));
        assert_ne!(id("m-001"), id("m-002"));
    }
}
