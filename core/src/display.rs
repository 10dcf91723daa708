//! How every generated enum prints. `Display`: the code and the table
//! name, `4000 Delivered`, or the code alone for an unlisted one, padded as
//! a string is (`{:<28}`, `{:>8}`, `{:*^30}`, `{:.4}`). `Debug`: what a
//! derive would print.

use core::fmt;

use crate::table::Table;

/// Writes `status` as `Display` shows it.
///
/// # Errors
///
/// Only those of the formatter's writer.
#[inline]
pub fn display<S: Table>(status: S, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let code = status.code();
    let name = status.name();
    // Unpadded output, by far the most common, is written directly.
    if f.width().is_none() && f.precision().is_none() {
        return match name {
            Some(name) => write!(f, "{code} {name}"),
            None => write!(f, "{code}"),
        };
    }
    let mut digits = [0; 5];
    let digits = decimal(code, &mut digits);
    match name {
        Some(name) => padded(f, [digits, " ", name]),
        None => padded(f, [digits, "", ""]),
    }
}

/// `code` in decimal, written into the end of `buffer`.
fn decimal(mut code: u16, buffer: &mut [u8; 5]) -> &str {
    let mut start = buffer.len();
    loop {
        start -= 1;
        buffer[start] = b"0123456789"[usize::from(code % 10)];
        code /= 10;
        if code == 0 {
            break;
        }
    }
    // Only ASCII digits were written.
    core::str::from_utf8(&buffer[start..]).unwrap_or_default()
}

/// The pieces as one string under the formatter's precision (the most
/// characters shown), width, fill and alignment, as [`fmt::Formatter::pad`]
/// treats a `&str`: the pieces are not joined first, so no buffer is needed
/// whatever the length of a name.
fn padded(f: &mut fmt::Formatter<'_>, pieces: [&str; 3]) -> fmt::Result {
    let total: usize = pieces.iter().map(|piece| piece.chars().count()).sum();
    let shown = f.precision().map_or(total, |most| most.min(total));
    let padding = f.width().map_or(0, |width| width.saturating_sub(shown));
    let (before, after) = match f.align() {
        Some(fmt::Alignment::Right) => (padding, 0),
        Some(fmt::Alignment::Center) => (padding / 2, padding.div_ceil(2)),
        Some(fmt::Alignment::Left) | None => (0, padding),
    };
    let fill = f.fill();
    for _ in 0..before {
        fmt::Write::write_char(f, fill)?;
    }
    let mut left = shown;
    for piece in pieces {
        let end = piece
            .char_indices()
            .nth(left)
            .map_or(piece.len(), |(at, _)| at);
        f.write_str(&piece[..end])?;
        left -= piece[..end].chars().count();
    }
    for _ in 0..after {
        fmt::Write::write_char(f, fill)?;
    }
    Ok(())
}

/// Writes `status` as a derived `Debug` would: `Delivered`, or
/// `Unrecognized(UnrecognizedCode(4510))` (spread over lines by `{:#?}`).
///
/// Written through `name()` instead of derived: a derived `Debug` is one more
/// `match` with an arm per row, and rustc's time for such a `match` grows
/// with the square of the rows (BENCHMARKS.md, Scaling).
///
/// # Errors
///
/// Only those of the formatter's writer.
pub fn debug<S: Table>(status: S, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match status.name() {
        Some(name) => f.write_str(name),
        None => f
            .debug_tuple("Unrecognized")
            .field(&Unlisted(status.code()))
            .finish(),
    }
}

/// Prints as the `UnrecognizedCode` inside `Unrecognized` does.
struct Unlisted(u16);

impl fmt::Debug for Unlisted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("UnrecognizedCode").field(&self.0).finish()
    }
}
