//! The values a row or an item holds, read from the forms people and tools
//! write them in: times (and the order of slash dates), mobile numbers
//! (with the country codes that make them someone's), message ids, the
//! words for no value at all, and long numbers a spreadsheet has cut.
//! Status codes are read by core, as a Rust service reads them.

pub(crate) mod country_codes;
pub(crate) mod date_order;
pub(crate) mod instant;
pub(crate) mod message_id;
pub(crate) mod mobile_number;
pub(crate) mod no_value;
pub(crate) mod scientific;
