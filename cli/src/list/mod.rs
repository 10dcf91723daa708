//! `sms-status list`: the whole table in a format for people, spreadsheets,
//! programs or SQL.

mod csv_format;
mod json_format;
mod markdown;
mod sql;
mod terminal;

use std::io::{self, Write};
use std::str::FromStr;

use crate::status_table::{Status, StatusTable};
use crate::words;

/// The formats `list --format` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ListFormat {
    Table,
    Markdown,
    Csv,
    Json,
    Sql,
}

impl FromStr for ListFormat {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "table" => Ok(Self::Table),
            "markdown" | "md" => Ok(Self::Markdown),
            "csv" => Ok(Self::Csv),
            "json" => Ok(Self::Json),
            "sql" => Ok(Self::Sql),
            _ => Err(format!(
                "expected table, markdown, csv, json or sql, found {text:?}"
            )),
        }
    }
}

/// Writes every status `table` lists in `format`.
pub(crate) fn write(
    format: ListFormat,
    table: &StatusTable,
    out: &mut impl Write,
) -> io::Result<()> {
    match format {
        ListFormat::Table => terminal::write(table, out),
        ListFormat::Markdown => markdown::write(table, out),
        ListFormat::Csv => csv_format::write(table, out),
        ListFormat::Json => json_format::write(table, out),
        ListFormat::Sql => sql::write(table, out),
    }
}

/// The column headings shared by the table and markdown formats.
const HEADINGS: [&str; 6] = ["code", "status", "stage", "outcome", "final", "action"];

/// One status as the words of the table's six columns.
fn cells(status: Status) -> [String; 6] {
    [
        status.code().to_string(),
        status.name().unwrap_or_default().to_owned(),
        words::stage(status.stage()).to_owned(),
        status.outcome().as_str().to_owned(),
        status.finality().as_str().to_owned(),
        status.action().as_str().to_owned(),
    ]
}

/// The widest cell of each column, headings included, so columns line up.
fn column_widths(rows: &[[String; 6]]) -> [usize; 6] {
    let mut widths = HEADINGS.map(str::len);
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    widths
}

fn all_cells(table: &StatusTable) -> Vec<[String; 6]> {
    table.listed().map(cells).collect()
}
