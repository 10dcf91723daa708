//! The table aligned in columns for a terminal: what `sms-status` prints
//! with no arguments.

use std::io::{self, Write};

use super::{HEADINGS, all_cells, column_widths};
use crate::status_table::StatusTable;

pub(super) fn write(table: &StatusTable, out: &mut impl Write) -> io::Result<()> {
    let rows = all_cells(table);
    let widths = column_widths(&rows);
    write_line(out, &HEADINGS.map(str::to_owned), &widths)?;
    for row in &rows {
        write_line(out, row, &widths)?;
    }
    Ok(())
}

/// Codes are right-aligned like numbers; the last column is not padded, so
/// lines carry no trailing spaces.
fn write_line(out: &mut impl Write, cells: &[String; 6], widths: &[usize; 6]) -> io::Result<()> {
    let (last, rest) = cells.split_last().expect("six columns");
    for (index, (cell, width)) in rest.iter().zip(widths).enumerate() {
        if index == 0 {
            write!(out, "{cell:>width$}  ")?;
        } else {
            write!(out, "{cell:<width$}  ")?;
        }
    }
    writeln!(out, "{last}")
}
