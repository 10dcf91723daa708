//! The generated text's one loop: something written for every row.

use std::fmt;

use super::super::table::{Row, Table};

/// `item` written for every row, in code order, into one string: the
/// elements of an array or the arms of a `match`. Each `item` ends its text
/// with a comma; a trailing comma is valid in both.
pub(super) fn per_row(
    table: &Table,
    mut item: impl FnMut(&mut String, usize, &Row) -> fmt::Result,
) -> String {
    let mut text = String::new();
    for (index, row) in table.rows().iter().enumerate() {
        // Writing to a `String` cannot fail.
        let _ = item(&mut text, index, row);
    }
    text
}
