//! One row of an extract read as a message: its status code, mobile
//! number, message id and time, or what is wrong with it.

use mobileconnect_status::SmsStatus;

use super::extract::Extract;
use super::scan::KEPT;
use crate::quoted::Quoted;
use crate::status_table::{StatusTable, plain_status};
use crate::triage::read::values::instant::{
    Instant, NotATime, Reading, TimeProblem, TimeReader, Undecided,
};
use crate::triage::read::values::message_id::MessageId;
use crate::triage::read::values::mobile_number::{MobileNumber, NotANumber};
use crate::triage::read::values::no_value::means_no_value;

/// When a row's message was sent, as far as its file has told so far.
pub(crate) enum RowTime {
    /// The row has no time.
    None,
    At(Instant),
    /// A slash date whose order its file has not yet decided.
    Undecided(Undecided),
}

/// One good row: a message of a number.
pub(crate) struct Row {
    pub(crate) number: MobileNumber,
    pub(crate) time: RowTime,
    pub(crate) message: Option<MessageId>,
    pub(crate) status: SmsStatus,
}

/// The message a good row holds, or what is wrong with it. `fields` are
/// the code, number, message and time, in [`Columns::indexes`]' order;
/// the row is on `line`.
pub(crate) fn row(
    [code, number, message, time_field]: [&[u8]; KEPT],
    extract: &Extract,
    times: &mut TimeReader,
    line: u64,
) -> Result<Row, String> {
    let columns = extract.columns;
    let status = status(code, extract.statuses)
        .map_err(|problem| format!("{}: {problem}", columns.code.1))?;
    let number = match MobileNumber::parse(number, extract.country) {
        Ok(number) => number,
        Err(NotANumber::Empty) => {
            return Err(format!(
                "{}: empty mobile number, so status {} has no recipient",
                columns.number.1,
                extract.statuses.status(status.code())
            ));
        }
        Err(problem) => return Err(format!("{}: {problem}", columns.number.1)),
    };
    let message = match &columns.message {
        Some((_, name)) => {
            MessageId::of_column(message).map_err(|problem| format!("{name}: {problem}"))?
        }
        None => None,
    };
    let time = match &columns.time {
        Some((_, name)) => {
            time(time_field, times, line).map_err(|problem| format!("{name}: {problem}"))?
        }
        None => RowTime::None,
    };
    Ok(Row {
        number,
        time,
        message,
        status,
    })
}

/// When the message was sent; [`RowTime::None`] for an empty field, or
/// one that says it is empty (`NULL`).
fn time(field: &[u8], times: &mut TimeReader, line: u64) -> Result<RowTime, String> {
    let trimmed = field.trim_ascii();
    if trimmed.is_empty() || means_no_value(trimmed) {
        return Ok(RowTime::None);
    }
    match times.read(trimmed, line) {
        Ok(Reading::At(instant)) => Ok(RowTime::At(instant)),
        Ok(Reading::Undecided(undecided)) => Ok(RowTime::Undecided(undecided)),
        Err(TimeProblem::NotATime) => Err(format!(
            "cannot read {} as a time: {NotATime}",
            Quoted::bytes(trimmed)
        )),
        Err(TimeProblem::Contradicts(contradiction)) => {
            Err(format!("{}: {contradiction}", Quoted::bytes(trimmed)))
        }
    }
}

/// A status code as an extract writes it: a number, padded or written as
/// a decimal (`4000.0`), read as core reads one, or a name of `statuses`.
fn status(field: &[u8], statuses: &StatusTable) -> Result<SmsStatus, String> {
    if let Some(status) = plain_status(field) {
        return Ok(status);
    }
    match std::str::from_utf8(field) {
        Ok(text) => statuses
            .read_status(text)
            .map_err(|error| format!("{error}")),
        Err(_) => Err(format!(
            "{} is not UTF-8 text",
            Quoted::bytes(field.trim_ascii())
        )),
    }
}
