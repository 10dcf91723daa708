//! A mobile number in the form Marketing Cloud stores it: digits only,
//! country code first, no `+`. Only such a number may go into a suppress
//! or retry list, and numbers are compared in this form, so one number is
//! in at most one list however it was typed.
//!
//! From what people and tools write, a leading `+` and the formatting
//! characters people type (spaces, `-`, `.`, parentheses) are removed.
//! A value with a single `.` between digits is a decimal, as spreadsheets
//! and pandas write a numeric column: `15550100001.0` is the integer, and
//! `15550100001.5` is not a number (dots as separators come two or more
//! at a time: `1.555.010.0001`). What is left must be 6 to 15 digits
//! (E.164 allows 15); anything else (`NULL`, `#N/A`, `1.5550100002E+10`,
//! a name) is not a number. Leading zeros are kept as written.

use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use crate::quoted::Quoted;

const MIN_DIGITS: usize = 6;
const MAX_DIGITS: usize = 15;
/// Where the digit count sits in the packed value: above 10^15 < 2^50.
const COUNT_SHIFT: u32 = 50;

/// A valid mobile number, packed with its digit count (which keeps
/// leading zeros) into one `u64`: small, and quick to hash and compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct MobileNumber(u64);

/// Why a value is not a mobile number, naming it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum NotANumber {
    /// The field is empty or blank.
    Empty,
    /// The field holds something else, quoted in the message.
    Invalid(String),
}

impl fmt::Display for NotANumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("empty mobile number"),
            Self::Invalid(value) => write!(
                f,
                "{value} is not a mobile number: expected {MIN_DIGITS} to {MAX_DIGITS} digits, \
                 country code first (+, spaces, -, . and parentheses are ignored)"
            ),
        }
    }
}

impl MobileNumber {
    /// Reads a number as people and tools write it; see the module docs.
    pub(crate) fn parse(bytes: &[u8]) -> Result<Self, NotANumber> {
        let trimmed = bytes.trim_ascii();
        if trimmed.is_empty() {
            return Err(NotANumber::Empty);
        }
        let invalid = || NotANumber::Invalid(Quoted::bytes(trimmed).to_string());
        let written = trimmed.strip_prefix(b"+").unwrap_or(trimmed);
        // The digits, and where the dots fall among them; the formatting
        // characters people type are skipped. More digits than any number
        // and its decimal zeros could have are not a number.
        let mut digits = [0_u8; 2 * MAX_DIGITS];
        let (mut count, mut dots, mut before_last_dot) = (0, 0, 0);
        for &byte in written {
            match byte {
                b'0'..=b'9' if count < digits.len() => {
                    digits[count] = byte - b'0';
                    count += 1;
                }
                b'.' => {
                    dots += 1;
                    before_last_dot = count;
                }
                b' ' | b'-' | b'(' | b')' => {}
                _ => return Err(invalid()),
            }
        }
        // One dot is a decimal point, as spreadsheets and pandas write a
        // number (`15550100001.0`, `+15550100001.0`): only zeros may follow
        // it. Dots as separators come two or more (`1.555.010.0001`).
        let digits = if dots == 1 {
            let (whole, fraction) = digits[..count].split_at(before_last_dot);
            if whole.is_empty() || fraction.is_empty() || fraction.iter().any(|&digit| digit != 0) {
                return Err(invalid());
            }
            whole
        } else {
            &digits[..count]
        };
        if !(MIN_DIGITS..=MAX_DIGITS).contains(&digits.len()) {
            return Err(invalid());
        }
        let value = digits
            .iter()
            .fold(0_u64, |value, &digit| value * 10 + u64::from(digit));
        Ok(Self(value | (digits.len() as u64) << COUNT_SHIFT))
    }

    /// The packed value, for a hash map key.
    pub(crate) const fn packed(self) -> u64 {
        self.0
    }

    pub(crate) const fn from_packed(packed: u64) -> Self {
        Self(packed)
    }
}

impl fmt::Display for MobileNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = usize::try_from(self.0 >> COUNT_SHIFT).unwrap_or_default();
        let value = self.0 & ((1 << COUNT_SHIFT) - 1);
        write!(f, "{value:0count$}")
    }
}

/// Hashes a packed key with one folded multiply, far cheaper than the
/// default `SipHash`. Its only cost is resistance to crafted collisions,
/// which does not matter for a person triaging their own extract.
#[derive(Default)]
pub(crate) struct PackedHasher(u64);

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

/// A `HashMap` hasher for packed keys.
pub(crate) type PackedHash = BuildHasherDefault<PackedHasher>;

#[cfg(test)]
mod tests {
    use super::{MobileNumber, NotANumber};

    fn normal(text: &str) -> String {
        MobileNumber::parse(text.as_bytes())
            .unwrap_or_else(|error| panic!("{text:?}: {error}"))
            .to_string()
    }

    #[test]
    fn the_forms_people_type_are_one_number() {
        for typed in [
            "15550100001",
            " 15550100001 ",
            "+15550100001",
            "+1 (555) 010-0001",
            "1-555-010-0001",
            "1.555.010.0001",
            "+1 555 010 0001",
            "15550100001.0",
            "15550100001.00",
            "+15550100001.0",
            "+1 555 010 0001.0",
        ] {
            assert_eq!(normal(typed), "15550100001", "{typed:?}");
        }
        assert_eq!(
            MobileNumber::parse(b"+1 (555) 010-0001"),
            MobileNumber::parse(b"15550100001")
        );
    }

    #[test]
    fn leading_zeros_are_kept_and_make_another_number() {
        assert_eq!(normal("0015550100001"), "0015550100001");
        assert_ne!(
            MobileNumber::parse(b"015550100001"),
            MobileNumber::parse(b"15550100001")
        );
        assert_eq!(normal("000000"), "000000");
        assert_eq!(normal("999999999999999"), "999999999999999");
    }

    #[test]
    fn junk_is_not_a_number() {
        assert_eq!(MobileNumber::parse(b"   "), Err(NotANumber::Empty));
        for junk in [
            "NULL",
            "#N/A",
            "1.5550100002E+10",
            "12345",
            "1234567890123456",
            "+",
            "++15550100001",
            "15550100001.5",
            "555.0100",
            "15550100001.",
            ".0",
            "1555010000\n1",
            "+1 555 CALL NOW",
            "15550100001;",
            "١٥٥٥٠١٠٠٠٠١",
        ] {
            let error = MobileNumber::parse(junk.as_bytes()).expect_err(junk);
            assert!(
                matches!(&error, NotANumber::Invalid(quoted) if quoted.starts_with('"')),
                "{junk:?}: {error}"
            );
        }
    }

    #[test]
    fn a_huge_value_is_named_by_its_start_only() {
        let huge = "9".repeat(10 << 20);
        let message = MobileNumber::parse(huge.as_bytes())
            .expect_err("too long")
            .to_string();
        assert!(message.len() < 300, "{} bytes", message.len());
    }
}
