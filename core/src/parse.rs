//! Reading a status from text: a decimal code (as the wire sends it, stray
//! whitespace included, or with a fraction of zeros, `4000.0`, as
//! spreadsheets and pandas write it), a table name (as people write it), or
//! the `Display` form `4000 Delivered`.

use core::fmt;

use crate::excerpt::Excerpt;
use crate::table::Table;
use crate::whole::{AfterPoint, after_point};

/// `FromStr` of every generated enum: a decimal code, a table name, or the
/// `Display` form.
///
/// Generic, so that the generated impl is one call and the algorithm lives
/// here, once, as plain Rust (see `table.rs`).
///
/// # Errors
///
/// Text that is neither: see [`ParseStatusError`].
#[inline]
pub fn parse<S: Table>(input: &str) -> Result<S, ParseStatusError> {
    // The hot paths (a code, a name) return early; the error, with its
    // copy of the input, is built out of line.
    let text = trimmed(input);
    match decimal(text) {
        Decimal::Code(code) => return Ok(S::from_code(code)),
        Decimal::TooLarge => return Err(error(ParseErrorKind::OutOfRange, input)),
        Decimal::Fraction => return Err(error(ParseErrorKind::Fraction, input)),
        Decimal::NotDigits => {}
    }
    if let Some(status) = S::from_name(text) {
        return Ok(status);
    }
    code_and_name(text).ok_or_else(|| {
        let kind = if text.is_empty() {
            ParseErrorKind::Empty
        } else {
            ParseErrorKind::Invalid
        };
        error(kind, input)
    })
}

#[cold]
#[inline(never)]
fn error(kind: ParseErrorKind, input: &str) -> ParseStatusError {
    ParseStatusError::new(kind, input)
}

/// `str::trim`, skipped when both ends are visible ASCII: codes and names
/// usually arrive unpadded, and `trim` decodes characters from both ends to
/// test them against Unicode's whitespace.
#[inline]
fn trimmed(input: &str) -> &str {
    match (input.as_bytes().first(), input.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => input,
        _ => input.trim(),
    }
}

/// What a text is as a decimal code.
enum Decimal {
    Code(u16),
    TooLarge,
    /// Digits with a fraction that is not zero (`4000.5`).
    Fraction,
    NotDigits,
}

#[inline]
fn decimal(text: &str) -> Decimal {
    // Names start with a letter: one byte decides, before any loop.
    if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return Decimal::NotDigits;
    }
    // One pass. The value saturates just above u16::MAX instead of
    // returning early, so "99999x" is still read as not-a-number (a name).
    let mut value: u32 = 0;
    let mut rest = text.as_bytes();
    while let [byte, after @ ..] = rest {
        let digit = byte.wrapping_sub(b'0');
        if digit > 9 {
            // Off the hot path: only a text that is not all digits gets here.
            return match (byte, after_point(after)) {
                (b'.', AfterPoint::Zeros) => code(value),
                (b'.', AfterPoint::Fraction) => Decimal::Fraction,
                _ => Decimal::NotDigits,
            };
        }
        value = (value * 10 + u32::from(digit)).min(u32::from(u16::MAX) + 1);
        rest = after;
    }
    code(value)
}

#[inline]
fn code(value: u32) -> Decimal {
    u16::try_from(value).map_or(Decimal::TooLarge, Decimal::Code)
}

/// The `Display` form: a listed code, whitespace, and that code's own name.
fn code_and_name<S: Table>(text: &str) -> Option<S> {
    let (code, name) = text.split_once(char::is_whitespace)?;
    let Decimal::Code(code) = decimal(code) else {
        return None;
    };
    let status = S::from_code(code);
    let listed = status.name()?;
    listed.eq_ignore_ascii_case(name.trim()).then_some(status)
}

/// What was wrong with a text that is not a status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParseErrorKind {
    /// Nothing but whitespace.
    Empty,
    /// A decimal number above 65535.
    OutOfRange,
    /// A decimal number with a fraction that is not zero (`4000.5`): a code
    /// is a whole number, and `4000.0` is read as 4000.
    Fraction,
    /// Neither a decimal code nor a status name from the table.
    Invalid,
}

/// The error of parsing a status from text: says which input and what was
/// expected.
///
/// ```
/// use mobileconnect_status::SmsStatus;
///
/// let error = "40O0".parse::<SmsStatus>().unwrap_err();
/// assert_eq!(
///     error.to_string(),
///     r#"invalid SMS status "40O0": expected a status code from 0 to 65535 or a status name from the table"#
/// );
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParseStatusError {
    kind: ParseErrorKind,
    input: Excerpt,
}

impl ParseStatusError {
    fn new(kind: ParseErrorKind, input: &str) -> Self {
        Self {
            kind,
            input: Excerpt::new(input),
        }
    }

    /// What was wrong.
    #[must_use]
    pub const fn kind(&self) -> ParseErrorKind {
        self.kind
    }

    /// The offending input, or its first 48 bytes if it was longer (see
    /// [`is_truncated`](Self::is_truncated)).
    #[must_use]
    pub fn input(&self) -> &str {
        self.input.as_str()
    }

    /// Whether [`input`](Self::input) is only the start of the input.
    #[must_use]
    pub const fn is_truncated(&self) -> bool {
        self.input.is_truncated()
    }
}

impl fmt::Debug for ParseStatusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParseStatusError")
            .field("kind", &self.kind)
            .field("input", &self.input())
            .field("truncated", &self.is_truncated())
            .finish_non_exhaustive()
    }
}

impl fmt::Display for ParseStatusError {
    /// The input is shown quoted and escaped (`"40\n00"`), so a message
    /// stays on one line whatever the input held.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let input = self.input();
        let ellipsis = self.input.ellipsis();
        let expected = "expected a status code from 0 to 65535 or a status name from the table";
        match self.kind {
            ParseErrorKind::Empty => write!(f, "empty SMS status {input:?}: {expected}"),
            ParseErrorKind::OutOfRange => write!(
                f,
                "SMS status code {input:?}{ellipsis} is out of range: expected a code from 0 to 65535"
            ),
            ParseErrorKind::Fraction => write!(
                f,
                "{input:?}{ellipsis} is not a status code: a code is a whole number"
            ),
            ParseErrorKind::Invalid => {
                write!(f, "invalid SMS status {input:?}{ellipsis}: {expected}")
            }
        }
    }
}

impl core::error::Error for ParseStatusError {}
