//! One row of an extract read as a message: its status code, mobile
//! number, message id and time, or what is wrong with it.

use mobileconnect_status::SmsStatus;

use super::csv_header::Columns;
use super::csv_scan::KEPT;
use super::decimal::{Decimal, decimal};
use super::instant::{Instant, NotATime, TimeReader};
use super::mobile_number::{MobileNumber, NotANumber};
use super::tally::message_id;
use crate::quoted::Quoted;

/// One good row: a message of a number.
pub(crate) struct Row {
    pub(crate) number: MobileNumber,
    pub(crate) time: Option<Instant>,
    pub(crate) message: u64,
    pub(crate) status: SmsStatus,
}

/// The message a good row holds, or what is wrong with it. `fields` are
/// the code, number, message and time, in [`Columns::indexes`]' order.
pub(crate) fn row(
    [code, number, message, time_field]: [&[u8]; KEPT],
    columns: &Columns,
    times: &mut TimeReader,
) -> Result<Row, String> {
    let status = status(code).map_err(|problem| format!("{}: {problem}", columns.code.1))?;
    let number = match MobileNumber::parse(number) {
        Ok(number) => number,
        Err(NotANumber::Empty) => {
            return Err(format!(
                "{}: empty mobile number, so status {status} has no recipient",
                columns.number.1
            ));
        }
        Err(problem) => return Err(format!("{}: {problem}", columns.number.1)),
    };
    let time = match &columns.time {
        Some((_, name)) => {
            time(time_field, times).map_err(|problem| format!("{name}: {problem}"))?
        }
        None => None,
    };
    Ok(Row {
        number,
        time,
        message: message_id(message),
        status,
    })
}

/// A status code as extracts write it: an integer, stray whitespace
/// allowed, or the float form pandas gives an integer column with blanks
/// (`4000.0`).
fn status(field: &[u8]) -> Result<SmsStatus, String> {
    let trimmed = field.trim_ascii();
    let code = match decimal(trimmed) {
        Some(Decimal::Integral(whole)) => whole,
        Some(Decimal::Fractional) => {
            return Err(format!(
                "{} is not a status code: a code is a whole number",
                Quoted::bytes(trimmed)
            ));
        }
        None => field,
    };
    match std::str::from_utf8(code) {
        Ok(text) => text.parse().map_err(|error| format!("{error}")),
        Err(_) => Err(format!("{} is not UTF-8 text", Quoted::bytes(code))),
    }
}

/// When the message was sent; `None` for an empty field.
fn time(field: &[u8], times: &mut TimeReader) -> Result<Option<Instant>, String> {
    let trimmed = field.trim_ascii();
    if trimmed.is_empty() {
        return Ok(None);
    }
    times.read(trimmed).map(Some).map_err(|NotATime| {
        format!(
            "cannot read {} as a time: {NotATime}",
            Quoted::bytes(trimmed)
        )
    })
}
