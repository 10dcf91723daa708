//! One row of an extract read as a message: its status code, mobile
//! number, message id and time, or what is wrong with it.

use mobileconnect_status::SmsStatus;

use super::csv_header::Columns;
use super::csv_scan::KEPT;
use super::decimal::status;
use super::instant::{Instant, NotATime, TimeReader};
use super::mobile_number::{MobileNumber, NotANumber};
use super::tally::message_id;
use crate::quoted::Quoted;

/// One good row: a message of a number.
pub(crate) struct Row {
    pub(crate) number: MobileNumber,
    pub(crate) time: Option<Instant>,
    pub(crate) message: Option<u64>,
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
