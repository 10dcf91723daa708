//! What every reader of one extract shares, on any thread.

use super::header::Columns;
use crate::triage::read::values::country_codes::CountryCode;

/// What every reader of one extract shares: its name, its columns, how
/// many fields a record has and what separates them, and the country of
/// numbers written nationally (`--country-code`).
#[derive(Clone, Copy)]
pub(crate) struct Extract<'a> {
    pub(crate) name: &'a str,
    pub(crate) columns: &'a Columns,
    pub(crate) expected_fields: usize,
    pub(crate) delimiter: u8,
    pub(crate) country: Option<CountryCode>,
}
