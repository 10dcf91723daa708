//! What was given rather than found in the inputs: columns, a delimiter,
//! the order of slash dates, a country for national numbers, and threads.

use super::csv::header::ColumnNames;
use super::values::country_codes::CountryCode;
use super::values::date_order::DateOrder;

/// How to read the inputs: what was given rather than found in them.
#[derive(Debug, Clone)]
pub(crate) struct ReadOptions {
    /// The CSV columns asked for; `None` finds the usual ones.
    pub(crate) columns: ColumnNames,
    /// The CSV delimiter, when given rather than sniffed.
    pub(crate) delimiter: Option<u8>,
    /// Which number of a slash date is the month, when given rather than
    /// decided by each file.
    pub(crate) date_order: Option<DateOrder>,
    /// The country of numbers written nationally (`--country-code`).
    pub(crate) country: Option<CountryCode>,
    /// Threads that may read one large extract.
    pub(crate) threads: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        Self {
            columns: ColumnNames::default(),
            delimiter: None,
            date_order: None,
            country: None,
            threads: std::thread::available_parallelism().map_or(1, usize::from),
        }
    }
}
