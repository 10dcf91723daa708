//! Integers written as decimals. Spreadsheets and pandas write a numeric
//! column that has blanks as floats: `4000.0`, `15550100001.0`.

use mobileconnect_status::SmsStatus;

use crate::quoted::Quoted;

/// What a value with one `.` between digits holds.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Decimal<'a> {
    /// Only zeros after the point: the digits before it (`4000.00`).
    Integral(&'a [u8]),
    /// A fraction (`4000.5`): not an integer at all.
    Fractional,
}

/// `Some` when `bytes` is digits, one `.`, and digits; `None` for anything
/// else, which is left to the caller's own rules.
pub(crate) fn decimal(bytes: &[u8]) -> Option<Decimal<'_>> {
    let point = bytes.iter().position(|&byte| byte == b'.')?;
    let (whole, fraction) = (&bytes[..point], &bytes[point + 1..]);
    let digits = |part: &[u8]| !part.is_empty() && part.iter().all(u8::is_ascii_digit);
    if !digits(whole) || !digits(fraction) {
        return None;
    }
    Some(if fraction.iter().all(|&digit| digit == b'0') {
        Decimal::Integral(whole)
    } else {
        Decimal::Fractional
    })
}

/// A status code written as text: an integer, stray whitespace allowed,
/// or the float form pandas gives an integer column with blanks (`4000.0`),
/// or a status name; in an extract, in a JSON string or as `explain`'s
/// argument alike.
pub(crate) fn status(field: &[u8]) -> Result<SmsStatus, String> {
    let trimmed = field.trim_ascii();
    let code = match decimal(trimmed) {
        Some(Decimal::Integral(whole)) => whole,
        Some(Decimal::Fractional) => {
            return Err(format!(
                "{} is not a status code: a code is a whole number",
                Quoted::bytes(trimmed)
            ));
        }
        None => field,
    };
    match std::str::from_utf8(code) {
        Ok(text) => text.parse().map_err(|error| format!("{error}")),
        Err(_) => Err(format!("{} is not UTF-8 text", Quoted::bytes(code))),
    }
}

#[cfg(test)]
mod tests {
    use super::{Decimal, decimal};

    #[test]
    fn integral_decimals_are_their_integer() {
        assert_eq!(decimal(b"4000.0"), Some(Decimal::Integral(b"4000")));
        assert_eq!(decimal(b"4000.00"), Some(Decimal::Integral(b"4000")));
        assert_eq!(decimal(b"4000.5"), Some(Decimal::Fractional));
        assert_eq!(decimal(b"4000.05"), Some(Decimal::Fractional));
    }

    #[test]
    fn other_values_are_left_alone() {
        for value in [
            &b"4000"[..],
            b"4000.",
            b".0",
            b"1.555.010.0001",
            b"4e3",
            b"-4000.0",
            b"",
        ] {
            assert_eq!(decimal(value), None, "{:?}", String::from_utf8_lossy(value));
        }
    }
}
