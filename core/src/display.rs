//! How every generated enum prints. `Display`: the code and the table
//! name, `4000 Delivered`, or the code alone for an unlisted one. `Debug`:
//! what a derive would print.

use core::fmt;

use crate::table::Table;

/// Writes `status` as `Display` shows it.
///
/// # Errors
///
/// Only those of the formatter's writer.
#[inline]
pub fn display<S: Table>(status: S, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match status.name() {
        Some(name) => write!(f, "{} {name}", status.code()),
        None => write!(f, "{}", status.code()),
    }
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
