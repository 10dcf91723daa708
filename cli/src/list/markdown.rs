//! The table as GitHub-flavoured markdown, padded so the source reads as a
//! table too. The README's table is this output.

use std::io::{self, Write};

use super::{HEADINGS, all_cells, column_widths};
use crate::status_table::StatusTable;

pub(super) fn write(table: &StatusTable, out: &mut impl Write) -> io::Result<()> {
    let rows = all_cells(table);
    let widths = column_widths(&rows);
    write_line(out, &HEADINGS.map(str::to_owned), &widths)?;
    let rules = widths.map(|width| "-".repeat(width));
    write_line(out, &rules, &widths)?;
    for row in &rows {
        write_line(out, row, &widths)?;
    }
    Ok(())
}

fn write_line(out: &mut impl Write, cells: &[String; 6], widths: &[usize; 6]) -> io::Result<()> {
    for (cell, width) in cells.iter().zip(widths) {
        write!(out, "| {cell:<width$} ")?;
    }
    writeln!(out, "|")
}
