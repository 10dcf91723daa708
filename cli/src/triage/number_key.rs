//! A mobile number as a map key, small and quick to hash so per-number
//! resolution of a multi-gigabyte extract stays cheap.

use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

/// Digits above this many are kept as text (E.164 numbers have at most 15).
const MAX_PACKED_DIGITS: usize = 16;
/// Where the digit count sits in a packed key: above 10^16 - 1 < 2^54.
const COUNT_SHIFT: u32 = 54;

/// A mobile number exactly as the input wrote it (surrounding whitespace
/// aside). Up to 16 digits, the common case, are packed into one `u64`
/// with their count, which keeps leading zeros; anything else is text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(super) enum NumberKey {
    Packed(u64),
    Text(Box<str>),
}

impl NumberKey {
    /// `None` for an empty (or all-whitespace) number.
    pub(super) fn new(bytes: &[u8]) -> Option<Self> {
        let bytes = bytes.trim_ascii();
        if bytes.is_empty() {
            return None;
        }
        if bytes.len() <= MAX_PACKED_DIGITS && bytes.iter().all(u8::is_ascii_digit) {
            let value = bytes
                .iter()
                .fold(0, |value, digit| value * 10 + u64::from(digit - b'0'));
            return Some(Self::Packed(value | (bytes.len() as u64) << COUNT_SHIFT));
        }
        Some(Self::Text(String::from_utf8_lossy(bytes).into()))
    }
}

impl fmt::Display for NumberKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Packed(packed) => {
                let count = usize::try_from(packed >> COUNT_SHIFT).unwrap_or_default();
                let value = packed & ((1 << COUNT_SHIFT) - 1);
                write!(f, "{value:0count$}")
            }
            Self::Text(text) => f.write_str(text),
        }
    }
}

/// Hashes a packed number with one folded multiply, far cheaper than the
/// default `SipHash`. Its only cost is resistance to crafted collisions,
/// which does not matter for a person triaging their own extract.
#[derive(Default)]
pub(super) struct PackedHasher(u64);

impl Hasher for PackedHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u64(&mut self, value: u64) {
        // The constant is 2^64 / golden ratio; folding the 128-bit product
        // spreads every input bit over the low bits the table indexes by.
        let product = u128::from(self.0 ^ value) * 0x9e37_79b9_7f4a_7c15;
        #[expect(clippy::cast_possible_truncation, reason = "the two halves, by design")]
        let (low, high) = (product as u64, (product >> 64) as u64);
        self.0 = low ^ high;
    }
}

/// A `HashMap` hasher for packed numbers.
pub(super) type PackedHash = BuildHasherDefault<PackedHasher>;

#[cfg(test)]
mod tests {
    use super::NumberKey;

    fn round_trip(text: &str) -> String {
        NumberKey::new(text.as_bytes())
            .expect("a number")
            .to_string()
    }

    #[test]
    fn numbers_read_back_exactly_as_written() {
        assert_eq!(round_trip("15550100001"), "15550100001");
        assert_eq!(round_trip("0015550100001"), "0015550100001");
        assert_eq!(round_trip(" 0 "), "0");
        assert_eq!(round_trip("9999999999999999"), "9999999999999999");
        assert_eq!(round_trip("12345678901234567890"), "12345678901234567890");
        assert_eq!(round_trip("+1 555 0100"), "+1 555 0100");
    }

    #[test]
    fn leading_zeros_and_text_make_different_keys() {
        assert_ne!(
            NumberKey::new(b"015550100001"),
            NumberKey::new(b"15550100001")
        );
        assert!(matches!(
            NumberKey::new(b"12345678901234567"),
            Some(NumberKey::Text(_))
        ));
        assert_eq!(NumberKey::new(b"   "), None);
    }
}
