//! Long numbers a spreadsheet has written in scientific notation, with
//! their last digits gone: an id or a mobile number read from one would be
//! another message's or another person's.

/// `9.00012E+11`: digits with one point, then `E` and a signed exponent,
/// as spreadsheets show and save long numbers.
pub(crate) fn in_scientific_notation(text: &[u8]) -> bool {
    let Some(e) = text.iter().position(|&byte| byte == b'E' || byte == b'e') else {
        return false;
    };
    let (mantissa, exponent) = (&text[..e], &text[e + 1..]);
    let exponent = exponent
        .strip_prefix(b"+")
        .or_else(|| exponent.strip_prefix(b"-"))
        .unwrap_or(exponent);
    let (whole, fraction) = match mantissa.iter().position(|&byte| byte == b'.') {
        Some(point) => (&mantissa[..point], &mantissa[point + 1..]),
        None => (mantissa, &b""[..]),
    };
    let digits = |part: &[u8]| part.iter().all(u8::is_ascii_digit);
    !whole.is_empty()
        && !exponent.is_empty()
        && digits(whole)
        && digits(fraction)
        && digits(exponent)
}
