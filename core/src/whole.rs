//! Whole numbers written in decimal: digits (`4000`), or digits and a
//! fraction of zeros (`4000.0`), the form spreadsheets and pandas give every
//! number of a column that also holds blanks. The one rule for such numbers
//! written as text in this crate: status codes, not-sent reasons, and the
//! payloads' times and IDs are all read by it. A JSON number is read by
//! `whole_float` instead: whole when it is exactly an integer up to 2^53,
//! however the format wrote it (`4000.0` or `4e3`).
//!
//! Plain loops and `#[inline]` on purpose: written with `split_once` and
//! iterator chains, and compiled in the crate itself, this rule cost every
//! cold build of the crate several times what it costs now; an `#[inline]`
//! function is compiled only where it is used (BENCHMARKS.md, "Whole
//! numbers and payload forms").

use core::fmt;

/// The digits of a whole number written in decimal: the text itself when it
/// is digits, or the digits before the point when only zeros follow it.
///
/// Spreadsheets and pandas write every number of a column that also holds
/// blanks as a float, so a status code arrives as `4000.0` and a mobile
/// number as `15550100001.0`: these are the whole numbers 4000 and
/// 15550100001, and `4000.5` is no whole number at all. Leading zeros are
/// kept (`"0044"`), since a caller may need them; the text is not trimmed.
///
/// ```
/// use mobileconnect_status::{NotWhole, whole_digits};
///
/// assert_eq!(whole_digits("4000"), Ok("4000"));
/// assert_eq!(whole_digits("4000.0"), Ok("4000"));
/// assert_eq!(whole_digits("15550100001.00"), Ok("15550100001"));
/// assert_eq!(whole_digits("4000.5"), Err(NotWhole::Fraction));
/// for text in ["", " 4000", "4000.", ".0", "-1", "4e3", "1.555.010.0001"] {
///     assert_eq!(whole_digits(text), Err(NotWhole::NotDigits), "{text:?}");
/// }
/// ```
///
/// # Errors
///
/// [`NotWhole::Fraction`] for digits with a fraction that is not zero;
/// [`NotWhole::NotDigits`] for any other text that is not digits alone:
/// empty, a sign, an exponent, spaces, separators, letters.
#[inline]
pub fn whole_digits(text: &str) -> Result<&str, NotWhole> {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() && bytes[at].is_ascii_digit() {
        at += 1;
    }
    if at == 0 {
        return Err(NotWhole::NotDigits);
    }
    if at == bytes.len() {
        return Ok(text);
    }
    if bytes[at] != b'.' {
        return Err(NotWhole::NotDigits);
    }
    match after_point(&bytes[at + 1..]) {
        AfterPoint::Zeros => Ok(&text[..at]),
        AfterPoint::Fraction => Err(NotWhole::Fraction),
        AfterPoint::NotDigits => Err(NotWhole::NotDigits),
    }
}

/// Why a text is not a whole number written in decimal (see
/// [`whole_digits`]). The caller holds the text, and names it in its own
/// message, as with [`core::num::ParseIntError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum NotWhole {
    /// Digits with a fraction that is not zero (`4000.5`): a number, but
    /// not a whole one.
    Fraction,
    /// Not a number in decimal digits at all.
    NotDigits,
}

impl fmt::Display for NotWhole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Fraction => "a fraction, where a whole number was expected",
            Self::NotDigits => "not a whole number in decimal digits",
        })
    }
}

impl core::error::Error for NotWhole {}

/// What the digits after a decimal point make of the number before it.
pub(crate) enum AfterPoint {
    /// One or more zeros: the number is whole.
    Zeros,
    /// Digits, not all zeros: a fraction.
    Fraction,
    /// Nothing, or something other than digits: not a decimal number.
    NotDigits,
}

/// Reads what follows a decimal point: the rule [`whole_digits`] and the
/// status parser's one-pass digit reader share.
#[inline]
pub(crate) fn after_point(digits: &[u8]) -> AfterPoint {
    let mut read = AfterPoint::NotDigits;
    for &digit in digits {
        read = match digit {
            b'0' if !matches!(read, AfterPoint::Fraction) => AfterPoint::Zeros,
            b'0'..=b'9' => AfterPoint::Fraction,
            _ => return AfterPoint::NotDigits,
        };
    }
    read
}

/// The largest whole number every smaller one of which a float holds
/// exactly: above it, a float no longer tells neighbouring numbers apart.
#[cfg(feature = "serde")]
const EXACT_FLOAT_LIMIT: f64 = 9_007_199_254_740_992.0;

/// A float that is exactly a whole number from 0 to 2^53, as JSON writes
/// `4000.0`; `None` for a fraction, a negative number, or one too large to
/// be exact. (Compares through a cast: `f64::fract` is not in `core`.)
#[cfg(feature = "serde")]
#[inline]
pub(crate) fn whole_float(value: f64) -> Option<u64> {
    if !(0.0..=EXACT_FLOAT_LIMIT).contains(&value) {
        return None;
    }
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "from 0 to 2^53, where the cast is exact for a whole number"
    )]
    let whole = value as u64;
    #[expect(clippy::cast_precision_loss, reason = "exact up to 2^53")]
    let back = whole as f64;
    #[expect(clippy::float_cmp, reason = "whether the cast lost a fraction")]
    (back == value).then_some(whole)
}

/// Whether a float is a number with a fraction (`4000.5`), as opposed to a
/// whole number, however large or negative.
#[cfg(feature = "serde")]
#[inline]
pub(crate) fn is_fraction(value: f64) -> bool {
    #[expect(
        clippy::cast_possible_truncation,
        clippy::cast_precision_loss,
        clippy::float_cmp,
        reason = "within ±2^53, where the casts are exact for whole numbers"
    )]
    let fraction = (value as i64) as f64 != value;
    (-EXACT_FLOAT_LIMIT..=EXACT_FLOAT_LIMIT).contains(&value) && fraction
}

/// A whole number written in decimal, with surrounding whitespace: `None`
/// when it is not one, or when it is above `u64::MAX`.
#[cfg(all(feature = "serde", feature = "std"))]
#[inline]
pub(crate) fn whole_number(text: &str) -> Option<u64> {
    whole_digits(text.trim()).ok()?.parse().ok()
}
