//! Text that is not a status of the table in use, and why.

use std::fmt;

use mobileconnect_status::ParseStatusError;

use super::Origin;
use crate::quoted::Quoted;

/// Why a text is not a status of the table in use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum UnreadStatus {
    /// Neither a code nor a name of any table: core's own error, in core's
    /// words.
    NotAStatus(ParseStatusError),
    /// A status of the built-in table, by its name (`Delivered`, or
    /// `4000 Delivered`), that the table of the user's own in use does not
    /// name so: the text, quoted and cut as messages show a value, and the
    /// table's file as messages show it, where the reader knows it.
    NotInTable(String, Option<String>),
}

impl UnreadStatus {
    /// For `text`, which core reads as a status of the built-in table,
    /// though the table in use, from `origin` where known, does not.
    pub(crate) fn not_in_table(text: &str, origin: Option<&Origin>) -> Self {
        let file = origin.map(|origin| format!("{} ({})", origin.shown, origin.named_by));
        Self::NotInTable(Quoted::str(text).to_string(), file)
    }
}

impl fmt::Display for UnreadStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotAStatus(error) => error.fmt(f),
            Self::NotInTable(quoted, file) => {
                let table = file
                    .as_deref()
                    .unwrap_or("named by --codes or SMS_STATUS_CODES");
                write!(
                    f,
                    "SMS status {quoted} is not a status of the table in use, {table}: \
                     expected a status code from 0 to 65535 or a status name from that table"
                )
            }
        }
    }
}
