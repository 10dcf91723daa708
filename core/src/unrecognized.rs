//! A status code the table does not list, and how it is classified.

use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};
use core::marker::PhantomData;

use crate::{Action, CodeKind, Finality, Outcome, SmsStatus, Stage};

/// A status code that the table of the status enum `S` does not list.
///
/// The table grows: a consumer built today will meet codes added later.
/// Such a code is kept, not rejected, so nothing is lost and it round-trips
/// unchanged. Only the enum's `from_code` and the parsers built on it
/// create one, after looking the code up in `S`'s own table, so it never
/// holds a code that `S` lists. The type parameter keeps tables apart: a
/// code unlisted in [`SmsStatus`] may be listed in your own table
/// (`#[status_table]`), and an `UnrecognizedCode<SmsStatus>` cannot be put
/// into your enum's `Unrecognized`.
///
/// It is classified conservatively: its stage comes from the thousands
/// digit (the table's numbering scheme), its outcome is unknown, it is not
/// final, and the action is to investigate.
///
/// ```
/// use mobileconnect_status::SmsStatus;
///
/// let SmsStatus::Unrecognized(code) = SmsStatus::from_code(4510) else {
///     panic!("4510 is not in the table");
/// };
/// assert_eq!(code.get(), 4510);
/// // A listed code never becomes one.
/// assert!(matches!(SmsStatus::from_code(4000), SmsStatus::Delivered));
/// ```
pub struct UnrecognizedCode<S = SmsStatus> {
    code: u16,
    // `fn() -> S`: the type names its table without owning one, so it is
    // `Send`, `Sync` and `Copy` whatever `S` is.
    table: PhantomData<fn() -> S>,
}

impl<S> UnrecognizedCode<S> {
    /// Only [`find_code`](crate::table::find_code) calls this, for a code
    /// it did not find in `S`'s table.
    pub(crate) const fn unlisted(code: u16) -> Self {
        Self {
            code,
            table: PhantomData,
        }
    }

    /// The numeric code.
    #[must_use]
    pub const fn get(self) -> u16 {
        self.code
    }

    /// The hop named by the thousands digit (1 to 4), as the table numbers
    /// its codes; `None` for any other digit.
    #[must_use]
    pub const fn stage(self) -> Option<Stage> {
        match self.code / 1000 {
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

// Written by hand rather than derived: a derive would require `S` itself to
// be `Clone`, `Eq`, `Hash` or `Debug`, though only the number is compared,
// hashed or shown.

impl<S> Clone for UnrecognizedCode<S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S> Copy for UnrecognizedCode<S> {}

impl<S> PartialEq for UnrecognizedCode<S> {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl<S> Eq for UnrecognizedCode<S> {}

impl<S> PartialOrd for UnrecognizedCode<S> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<S> Ord for UnrecognizedCode<S> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.code.cmp(&other.code)
    }
}

impl<S> Hash for UnrecognizedCode<S> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.code.hash(state);
    }
}

/// `UnrecognizedCode(4510)`, as a derive on a tuple struct would print it.
impl<S> fmt::Debug for UnrecognizedCode<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("UnrecognizedCode").field(&self.code).finish()
    }
}

impl<S> fmt::Display for UnrecognizedCode<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.code, f)
    }
}

impl<S> From<UnrecognizedCode<S>> for u16 {
    fn from(code: UnrecognizedCode<S>) -> Self {
        code.code
    }
}
