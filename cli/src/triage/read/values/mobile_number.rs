//! A mobile number in the form Marketing Cloud stores it: digits only,
//! country code first, no `+` (E.164 without its `+`). Only such a number
//! may go into a suppress or retry list, and numbers are compared in this
//! form, so one person is one number however it was typed.
//!
//! What people and tools write:
//! - International forms: a leading `+`, or the international prefix `00`
//!   (`0044 7700 900123`), then the country code. The formatting people
//!   type is ignored: spaces, `-`, `.` and parentheses, and the `(0)` of
//!   `+44 (0)7700 900123`.
//! - Digits alone (`15550100001`): as Marketing Cloud stores them, the
//!   country code first, whatever `--country-code` says.
//! - Anything else is a person's writing with no sign of its country:
//!   digits with spaces, `-`, `.` or parentheses between them
//!   (`555-010-0001`, `(555) 010-0001`, `1 555 010 0001`), or a leading
//!   trunk `0` (`07700 900123`). It needs `--country-code`: digits that
//!   start with that code and have the length of its numbers after it are
//!   international, the others a national number of that country (its
//!   trunk 0 dropped where its numbers have one). Without the option such
//!   a value is refused, never taken for another person's number.
//! - A value with a single `.` between digits is a decimal, as spreadsheets
//!   and pandas write a numeric column: `15550100001.0` is the integer, and
//!   `15550100001.5` is not a number (dots as separators come two or more
//!   at a time: `1.555.010.0001`).
//!
//! A number is someone's only when its country code exists and the digits
//! after it are as many as that country's numbers have (see
//! `country_codes`), at most 15 in all; all zeros is no one's. `NULL`,
//! `#N/A`, `1.5550100002E+10` or a name are not numbers at all.

use std::fmt;

use mobileconnect_status::whole_digits;

use super::country_codes::CountryCode;
use super::scientific::in_scientific_notation;
use crate::quoted::Quoted;

/// E.164's longest number, country code included.
const MAX_DIGITS: usize = 15;
/// Where the digit count sits in the packed value: above 10^15 < 2^50.
const COUNT_SHIFT: u32 = 50;

/// A valid mobile number, packed with its digit count into one `u64`:
/// small, and quick to hash and compare.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct MobileNumber(u64);

/// Why a value is not a mobile number, naming it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum NotANumber {
    /// The field is empty or blank.
    Empty,
    /// The field holds something other than a number, quoted.
    Invalid(String),
    /// A national form (quoted) and no `--country-code` to place it.
    National(String),
    /// Digits that are no one's number: the value quoted, and why.
    NoOnes(String, String),
    /// A number in scientific notation (quoted), its last digits gone.
    DigitsLost(String),
}

impl fmt::Display for NotANumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("empty mobile number"),
            Self::Invalid(value) => write!(
                f,
                "{value} is not a mobile number: expected digits, country code first \
                 (a leading + or 00, spaces, -, . and parentheses are fine)"
            ),
            Self::National(value) => write!(
                f,
                "{value} is written as a national number (an area code in parentheses, \
                 or a leading 0), so its country is unknown: say it with --country-code \
                 (1 for the US and Canada, 44 for the UK)"
            ),
            Self::NoOnes(value, why) => write!(f, "{value} is no one's mobile number: {why}"),
            Self::DigitsLost(value) => write!(
                f,
                "{value} is a number in scientific notation, as a spreadsheet writes a long \
                 number, and its last digits are lost: format the column as text and export \
                 it again"
            ),
        }
    }
}

/// How a value was written: what its digits mean.
enum Written {
    /// Country code first: after `+` or `00`, or digits alone.
    International,
    /// As a person writes a number, with nothing to say its country.
    National,
}

impl MobileNumber {
    /// Reads a number as people and tools write it; `country` is
    /// `--country-code`, for national forms. See the module docs.
    pub(crate) fn parse(bytes: &[u8], country: Option<CountryCode>) -> Result<Self, NotANumber> {
        let trimmed = bytes.trim_ascii();
        if trimmed.is_empty() {
            return Err(NotANumber::Empty);
        }
        let no_ones = |why: String| NotANumber::NoOnes(Quoted::bytes(trimmed).to_string(), why);
        // Nearly every number in an extract is digits alone, country code
        // first: read in one pass, then checked as any other.
        if let [b'1'..=b'9', ..] = trimmed {
            if trimmed.len() <= MAX_DIGITS && trimmed.iter().all(u8::is_ascii_digit) {
                let mut digits = [0_u8; MAX_DIGITS];
                for (digit, byte) in digits.iter_mut().zip(trimmed) {
                    *digit = byte - b'0';
                }
                let digits = &digits[..trimmed.len()];
                check(digits).map_err(no_ones)?;
                return Ok(Self::of_digits(digits));
            }
        }
        let invalid = || NotANumber::Invalid(Quoted::bytes(trimmed).to_string());
        let (plus, written) = match trimmed.strip_prefix(b"+") {
            Some(rest) => (true, rest),
            None => (false, trimmed),
        };
        // The digits, and where the dots fall among them; the formatting
        // characters people type are skipped, and counted. More digits than
        // any number and its decimal zeros could have are not a number.
        let mut values = [0_u8; 2 * MAX_DIGITS];
        let (mut count, mut dots, mut before_last_dot) = (0, 0, 0);
        let mut separated = false;
        let mut at = 0;
        while at < written.len() {
            let byte = written[at];
            at += 1;
            match byte {
                // `+44 (0)7700 900123`: the trunk 0 some write after the
                // country code, in parentheses, is not dialled.
                // The trunk prefix some write after the country code,
                // `+44 (0)7700`, `0044 (0)7700`: not dialled from abroad.
                b'(' if (plus || values[..count].starts_with(&[0, 0]))
                    && written[at..].starts_with(b"0)") =>
                {
                    at += 2;
                }
                b'0'..=b'9' if count < values.len() => {
                    values[count] = byte - b'0';
                    count += 1;
                }
                b'.' => {
                    dots += 1;
                    before_last_dot = count;
                }
                b' ' | b'-' | b'(' | b')' => separated = true,
                _ if in_scientific_notation(trimmed) => {
                    return Err(NotANumber::DigitsLost(Quoted::bytes(trimmed).to_string()));
                }
                _ => return Err(invalid()),
            }
        }
        // One dot is a decimal point, as spreadsheets and pandas write a
        // number (`15550100001.0`, `+15550100001.0`): by core's rule for
        // whole numbers, only zeros may follow it. Dots as separators come
        // two or more (`1.555.010.0001`).
        let digits = if dots == 1 {
            let whole = whole_part(&values[..count], before_last_dot).ok_or_else(invalid)?;
            &values[..whole]
        } else {
            separated |= dots > 1;
            &values[..count]
        };
        if digits.is_empty() {
            return Err(invalid());
        }
        let (written, digits) = match digits {
            _ if plus => (Written::International, digits),
            [0, 0, rest @ ..] => (Written::International, rest),
            [0, ..] => (Written::National, digits),
            _ if separated => (Written::National, digits),
            _ => (Written::International, digits),
        };
        let mut international = [0_u8; MAX_DIGITS];
        let digits = match (written, country) {
            (Written::National, None) => {
                return Err(NotANumber::National(Quoted::bytes(trimmed).to_string()));
            }
            (Written::National, Some(country)) if !is_international(digits, country) => {
                national(digits, country, &mut international)
            }
            _ => Some(digits),
        }
        .ok_or_else(|| no_ones(format!("more than {MAX_DIGITS} digits")))?;
        check(digits).map_err(no_ones)?;
        Ok(Self::of_digits(digits))
    }

    /// The number these checked digits (values 0 to 9) write.
    fn of_digits(digits: &[u8]) -> Self {
        let value = digits
            .iter()
            .fold(0_u64, |value, &digit| value * 10 + u64::from(digit));
        Self(value | (digits.len() as u64) << COUNT_SHIFT)
    }

    /// The packed value, to spread numbers over shards.
    pub(crate) const fn packed(self) -> u64 {
        self.0
    }
}

/// How many of `digits`, with a decimal point after the first `point` of
/// them, are the whole number they write: `None` for a fraction, by core's
/// rule ([`whole_digits`]).
fn whole_part(digits: &[u8], point: usize) -> Option<usize> {
    let mut text = [0_u8; 2 * MAX_DIGITS + 1];
    let (before, after) = digits.split_at(point);
    for (slot, &digit) in text.iter_mut().zip(before) {
        *slot = b'0' + digit;
    }
    text[point] = b'.';
    for (slot, &digit) in text[point + 1..].iter_mut().zip(after) {
        *slot = b'0' + digit;
    }
    let text = std::str::from_utf8(&text[..=digits.len()]).ok()?;
    whole_digits(text).ok().map(str::len)
}

/// Whether digits a person wrote, in a file whose numbers are of
/// `country`, already start with its code and have the length of its
/// numbers after it (`1 555 010 0001` with `--country-code 1`).
fn is_international(digits: &[u8], country: CountryCode) -> bool {
    CountryCode::starting(digits) == Some(country) && country.takes(digits.len() - country.digits())
}

/// A national number of `country` as an international one, written into
/// `out`: its code, then the digits without a trunk 0. `None` when that
/// is more digits than any number has.
fn national<'a>(
    digits: &[u8],
    country: CountryCode,
    out: &'a mut [u8; MAX_DIGITS],
) -> Option<&'a [u8]> {
    let digits = match digits {
        [0, rest @ ..] if country.trunk_zero => rest,
        _ => digits,
    };
    let code = country.code.to_string();
    let length = code.len() + digits.len();
    if length > MAX_DIGITS {
        return None;
    }
    for (slot, byte) in out.iter_mut().zip(code.bytes()) {
        *slot = byte - b'0';
    }
    out[code.len()..length].copy_from_slice(digits);
    Some(&out[..length])
}

/// Why international `digits` are no one's number, if they are not.
fn check(digits: &[u8]) -> Result<(), String> {
    if digits.iter().all(|&digit| digit == 0) {
        return Err("it is all zeros".to_owned());
    }
    if digits.len() > MAX_DIGITS {
        return Err(format!(
            "{} digits, and a number has at most {MAX_DIGITS}",
            digits.len()
        ));
    }
    let Some(country) = CountryCode::starting(digits) else {
        let start: String = digits
            .iter()
            .take(3)
            .map(|digit| char::from(b'0' + digit))
            .collect();
        return Err(format!(
            "no country's calling code starts {start} (its first digits must be one)"
        ));
    };
    let national = digits.len() - country.digits();
    if country.takes(national) {
        Ok(())
    } else {
        Err(format!(
            "after the country code +{} come {national} digits, and its numbers have {} to {}",
            country.code, country.shortest, country.longest
        ))
    }
}

impl fmt::Display for MobileNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = usize::try_from(self.0 >> COUNT_SHIFT).unwrap_or_default();
        let value = self.0 & ((1 << COUNT_SHIFT) - 1);
        write!(f, "{value:0count$}")
    }
}

#[cfg(test)]
mod tests {
    use super::{MobileNumber, NotANumber};
    use crate::triage::read::values::country_codes::CountryCode;

    fn normal(text: &str, country: Option<u16>) -> String {
        let country = country.map(|code| CountryCode::of(code).expect("a code"));
        MobileNumber::parse(text.as_bytes(), country)
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
            "+1 555 010 0001",
            "+1.555.010.0001",
            "15550100001.0",
            "15550100001.00",
            "+15550100001.0",
            "+1 555 010 0001.0",
            "0015550100001",
            "001 555 010 0001",
        ] {
            assert_eq!(normal(typed, None), "15550100001", "{typed:?}");
            for country in [1, 44, 49] {
                assert_eq!(
                    normal(typed, Some(country)),
                    "15550100001",
                    "{typed:?} with {country}"
                );
            }
        }
        for typed in [
            "+44 7700 900123",
            "00447700900123",
            "447700900123",
            "+44 (0)7700 900123",
        ] {
            assert_eq!(normal(typed, None), "447700900123", "{typed:?}");
            assert_eq!(normal(typed, Some(44)), "447700900123", "{typed:?} with 44");
            assert_eq!(normal(typed, Some(49)), "447700900123", "{typed:?} with 49");
        }
        // Written by a person with the country code in it: one number once
        // the option says which country's numbers the file holds.
        for typed in ["1 (555) 010-0001", "1-555-010-0001", "1.555.010.0001"] {
            assert_eq!(normal(typed, Some(1)), "15550100001", "{typed:?}");
        }
    }

    #[test]
    fn a_national_form_needs_its_country() {
        for typed in [
            "(555) 000-2003",
            "555-000-2003",
            "555.000.2003",
            "555 000 2003",
        ] {
            assert_eq!(normal(typed, Some(1)), "15550002003", "{typed:?}");
        }
        assert_eq!(normal("07700 900123", Some(44)), "447700900123");
        assert_eq!(normal("7700 900123", Some(44)), "447700900123");
        // Italy keeps its leading 0: it is part of the number.
        assert_eq!(normal("06 1234 5678", Some(39)), "390612345678");
        // Digits alone are as Marketing Cloud stores them, whatever the
        // option says: another country's numbers stay theirs.
        assert_eq!(normal("4512345678", Some(1)), "4512345678");
        assert_eq!(normal("15550002003", Some(49)), "15550002003");
        for national in [
            "(555) 000-2003",
            "07700 900123",
            "555-000-2003",
            "555 000 2005",
            "555.000.2004",
            "1-555-010-0001",
        ] {
            assert!(
                matches!(
                    MobileNumber::parse(national.as_bytes(), None),
                    Err(NotANumber::National(_))
                ),
                "{national:?}"
            );
        }
    }

    #[test]
    fn digits_that_are_no_ones_number_are_refused_saying_why() {
        let refused = |text: &str| match MobileNumber::parse(text.as_bytes(), None) {
            Err(NotANumber::NoOnes(_, why)) => why,
            other => panic!("{text:?}: {other:?}"),
        };
        assert_eq!(refused("000000"), "it is all zeros");
        assert!(refused("+999 123456").contains("no country's calling code starts 999"));
        assert!(refused("+44 12345").contains("+44 come 5 digits"));
        assert!(refused("+1 555 010 00011").contains("+1 come 11 digits"));
        assert!(refused("1234567890123456").contains("16 digits"));
    }

    #[test]
    fn junk_is_not_a_number() {
        assert_eq!(MobileNumber::parse(b"   ", None), Err(NotANumber::Empty));
        for junk in [
            "NULL",
            "#N/A",
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
            let error = MobileNumber::parse(junk.as_bytes(), None).expect_err(junk);
            assert!(
                matches!(&error, NotANumber::Invalid(quoted) if quoted.starts_with('"')),
                "{junk:?}: {error}"
            );
        }
    }

    #[test]
    fn a_number_in_scientific_notation_has_lost_digits() {
        for cut in ["1.5550100002E+10", "1.55501e10", "4.47700900123E+11"] {
            assert!(
                matches!(
                    MobileNumber::parse(cut.as_bytes(), None),
                    Err(NotANumber::DigitsLost(_))
                ),
                "{cut}"
            );
        }
    }

    #[test]
    fn a_huge_value_is_named_by_its_start_only() {
        let huge = "9".repeat(10 << 20);
        let message = MobileNumber::parse(huge.as_bytes(), None)
            .expect_err("too long")
            .to_string();
        assert!(message.len() < 300, "{} bytes", message.len());
    }
}
