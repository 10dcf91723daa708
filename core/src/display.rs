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
    padded(f, decimal(code, &mut digits), name)
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

/// `digits`, a space and `name` as one string under the formatter's
/// precision (the most characters shown), width, fill and alignment, as
/// [`fmt::Formatter::pad`] treats a `&str`, without joining them in a
/// buffer (no allocation, and a name can be any length).
///
/// Characters are counted as bytes: the digits and the space are ASCII,
/// and so is every table name (the macro accepts ASCII letters and digits
/// only). Counting `char`s, with iterators, made this function cost core's
/// own compile two and a half times as many instructions (BENCHMARKS.md,
/// Your own table).
fn padded(f: &mut fmt::Formatter<'_>, digits: &str, name: Option<&str>) -> fmt::Result {
    let name = name.unwrap_or_default();
    let space = if name.is_empty() { "" } else { " " };
    let length = digits.len() + space.len() + name.len();
    let shown = match f.precision() {
        Some(most) if most < length => most,
        _ => length,
    };
    let padding = match f.width() {
        Some(width) if width > shown => width - shown,
        _ => 0,
    };
    let (before, after) = match f.align() {
        Some(fmt::Alignment::Right) => (padding, 0),
        Some(fmt::Alignment::Center) => (padding / 2, padding - padding / 2),
        Some(fmt::Alignment::Left) | None => (0, padding),
    };
    fill(f, before)?;
    let left = prefix(f, digits, shown)?;
    let left = prefix(f, space, left)?;
    prefix(f, name, left)?;
    fill(f, after)
}

/// Writes at most `most` bytes of `piece`; returns how many more may follow.
fn prefix(f: &mut fmt::Formatter<'_>, piece: &str, most: usize) -> Result<usize, fmt::Error> {
    let end = if most < piece.len() {
        most
    } else {
        piece.len()
    };
    f.write_str(piece.get(..end).unwrap_or(piece))?;
    Ok(most - end)
}

/// `count` copies of the formatter's fill character.
fn fill(f: &mut fmt::Formatter<'_>, count: usize) -> fmt::Result {
    let fill = f.fill();
    for _ in 0..count {
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
