//! What every reader of one extract shares, on any thread.

use super::header::{ColumnNames, Columns};
use crate::status_table::StatusTable;
use crate::triage::read::values::country_codes::CountryCode;

/// What every reader of one extract shares: its name, its header and the
/// columns found in it (and the names asked for, to find them in another
/// extract's header joined on), how many fields a record has and what
/// separates them, the country of numbers written nationally
/// (`--country-code`), and the status table whose names a status may be
/// written as.
#[derive(Clone, Copy)]
pub(crate) struct Extract<'a> {
    pub(crate) name: &'a str,
    pub(crate) header: &'a [String],
    pub(crate) columns: &'a Columns,
    pub(crate) asked: &'a ColumnNames,
    pub(crate) expected_fields: usize,
    pub(crate) delimiter: u8,
    pub(crate) country: Option<CountryCode>,
    pub(crate) statuses: &'a StatusTable,
}
