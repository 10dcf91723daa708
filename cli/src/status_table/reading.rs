//! Reading a status from text with the table in use: a code by core's
//! rules, whatever table lists it, since a code keeps its number in any
//! table; a name, or the `Display` form `4600 BlockedByOurGateway`, by the
//! table's own names. With the built-in table this is core's `FromStr`
//! exactly (a test holds the two together).

use mobileconnect_status::SmsStatus;

use super::StatusTable;
use super::unread::UnreadStatus;

impl StatusTable {
    /// The status `input` writes: a decimal code with surrounding
    /// whitespace (`" 3002 "`) or a fraction of zeros (`4000.0`), one of
    /// this table's names in any ASCII case, or a code and its name.
    pub(crate) fn read_status(&self, input: &str) -> Result<SmsStatus, UnreadStatus> {
        // Nearly every status on triage's hot path is a plain code: read
        // it without looking for a name, or for whitespace other than
        // ASCII's. Core reads digits the same way.
        if let Some(status) = plain_status(input.as_bytes()) {
            return Ok(status);
        }
        let text = input.trim();
        // A name starts with a letter; a code, or a code and its name,
        // with a digit.
        if !text.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return match self.code_named(text) {
                Some(code) => Ok(SmsStatus::from_code(code)),
                None => Err(self.unread(input)),
            };
        }
        match text.split_once(char::is_whitespace) {
            None => input.parse().map_err(UnreadStatus::NotAStatus),
            Some((code, name)) => self
                .code_and_name(code, name.trim())
                .ok_or_else(|| self.unread(input)),
        }
    }

    /// A listed code followed by its own name, as `Display` writes it.
    fn code_and_name(&self, code: &str, name: &str) -> Option<SmsStatus> {
        // Digits without whitespace: core reads them as a code, or not at
        // all.
        let status: SmsStatus = code.parse().ok()?;
        let listed = self.status(status.code()).name()?;
        listed.eq_ignore_ascii_case(name).then_some(status)
    }

    /// Why `input` is no status of this table: core's error when core
    /// cannot read it either, else it names a status only the built-in
    /// table has.
    fn unread(&self, input: &str) -> UnreadStatus {
        match input.parse::<SmsStatus>() {
            Err(error) => UnreadStatus::NotAStatus(error),
            Ok(_) => UnreadStatus::not_in_table(input, self.origin()),
        }
    }
}

/// The status of a code written as digits alone, with ASCII whitespace
/// around them: what nearly every extract and event writes, read without
/// a table or even a check that the rest of the text is UTF-8.
#[inline]
pub(crate) fn plain_status(text: &[u8]) -> Option<SmsStatus> {
    plain_code(text.trim_ascii()).map(SmsStatus::from_code)
}

/// The code `digits` writes with digits alone, if it fits a code.
#[inline]
fn plain_code(digits: &[u8]) -> Option<u16> {
    if digits.is_empty() || digits.len() > 5 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let code = digits
        .iter()
        .fold(0_u32, |code, &digit| code * 10 + u32::from(digit - b'0'));
    u16::try_from(code).ok()
}
