//! A status code the table does not list, and how it is classified.

use core::fmt;

use crate::{Action, CodeKind, Finality, Outcome, Stage};

/// A status code that the table does not list.
///
/// The table grows: a consumer built today will meet codes added later.
/// Such a code is kept, not rejected, so nothing is lost and it round-trips
/// unchanged. Only [`SmsStatus::from_code`](crate::SmsStatus::from_code) and
/// the parsers create one, so it never holds a listed code.
///
/// It is classified conservatively: its stage comes from the thousands
/// digit (the table's numbering scheme), its outcome is unknown, it is not
/// final, and the action is to investigate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnrecognizedCode(u16);

impl UnrecognizedCode {
    /// For the generated `from_code` only, which passes only unlisted codes.
    #[doc(hidden)]
    #[must_use]
    pub const fn __unlisted(code: u16) -> Self {
        Self(code)
    }

    /// The numeric code.
    #[must_use]
    pub const fn get(self) -> u16 {
        self.0
    }

    /// The hop named by the thousands digit (1 to 4), as the table numbers
    /// its codes; `None` for any other digit.
    #[must_use]
    pub const fn stage(self) -> Option<Stage> {
        match self.0 / 1000 {
            1 => Some(Stage::SendService),
            2 => Some(Stage::Aggregator),
            3 => Some(Stage::Carrier),
            4 => Some(Stage::Handset),
            _ => None,
        }
    }

    /// Always [`Outcome::Unknown`]: the number alone says nothing certain.
    #[must_use]
    pub const fn outcome(self) -> Outcome {
        Outcome::Unknown
    }

    /// Always [`Action::Investigate`]: a person should find out what it means.
    #[must_use]
    pub const fn action(self) -> Action {
        Action::Investigate
    }

    /// Always [`Finality::No`]: a later, listed status may still arrive.
    #[must_use]
    pub const fn finality(self) -> Finality {
        Finality::No
    }

    /// Never final, for either kind of sending code.
    #[must_use]
    pub const fn is_final_for(self, kind: CodeKind) -> bool {
        self.finality().is_final_for(kind)
    }
}

impl fmt::Display for UnrecognizedCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl From<UnrecognizedCode> for u16 {
    fn from(code: UnrecognizedCode) -> Self {
        code.0
    }
}
