//! The status enum: generated from the table, plus what follows from its
//! classification and its code order.

use core::cmp::Ordering;
use core::fmt;
use core::hash::{Hash, Hasher};

use crate::{Action, CodeKind, Outcome};

/// A MobileConnect SMS status: one variant per code in the table, or
/// [`Unrecognized`](SmsStatus::Unrecognized) for a code it does not list.
///
/// Statuses compare, hash and order by their numeric code, so `iter.max()`
/// applies the documented rule for out-of-order updates: the highest code is
/// the message's status.
///
/// ```
/// use mobileconnect_status::{CodeKind, Outcome, SmsStatus, Stage};
///
/// let status = SmsStatus::from_code(2000);
/// assert_eq!(status, SmsStatus::DeliveredToAggregator);
/// assert_eq!(status.name(), Some("DeliveredToAggregator"));
/// assert_eq!(status.stage(), Some(Stage::Aggregator));
/// assert_eq!(status.outcome(), Outcome::Pending);
/// // The last status ever sent for shared codes; dedicated codes get more.
/// assert!(status.is_final_for(CodeKind::Shared));
/// assert!(!status.is_final());
/// ```
#[mobileconnect_status_macros::status_table("status-codes.toml")]
#[derive(Clone, Copy)]
pub enum SmsStatus {}

impl SmsStatus {
    /// Whether the table lists this code.
    #[must_use]
    pub const fn is_recognized(self) -> bool {
        !matches!(self, Self::Unrecognized(_))
    }

    /// Whether no further status is expected, for a message sent from a
    /// dedicated code. Use [`is_final_for`](Self::is_final_for) for shared
    /// short codes, where 2000 `DeliveredToAggregator` is also final.
    #[must_use]
    pub const fn is_final(self) -> bool {
        self.is_final_for(CodeKind::Dedicated)
    }

    /// Whether the message is still on its way ([`Outcome::Pending`]).
    #[must_use]
    pub const fn is_pending(self) -> bool {
        matches!(self.outcome(), Outcome::Pending)
    }

    /// Whether the message reached the recipient's device ([`Outcome::Delivered`]).
    #[must_use]
    pub const fn is_delivered(self) -> bool {
        matches!(self.outcome(), Outcome::Delivered)
    }

    /// Whether the message will not be delivered ([`Outcome::Failed`]).
    #[must_use]
    pub const fn is_failure(self) -> bool {
        matches!(self.outcome(), Outcome::Failed)
    }

    /// Whether the sender should send again later ([`Action::RetryLater`]).
    #[must_use]
    pub const fn is_retryable(self) -> bool {
        matches!(self.action(), Action::RetryLater)
    }
}

// Equality, hashing and order all go through `code()`, so they agree with
// each other whatever a caller builds: a listed code is always equal to its
// own variant.
impl PartialEq for SmsStatus {
    #[inline]
    fn eq(&self, other: &Self) -> bool {
        self.code() == other.code()
    }
}

impl Eq for SmsStatus {}

impl Hash for SmsStatus {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.code().hash(state);
    }
}

impl Ord for SmsStatus {
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        self.code().cmp(&other.code())
    }
}

impl PartialOrd for SmsStatus {
    #[inline]
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

// What a derived `Debug` prints (`Delivered`,
// `Unrecognized(UnrecognizedCode(4999))`), written through `name()`: a
// derived `Debug` is one more `match` with an arm per row, and rustc's
// time for such a `match` grows with the square of the rows
// (BENCHMARKS.md, Scaling).
impl fmt::Debug for SmsStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self, self.name()) {
            (Self::Unrecognized(code), _) => f.debug_tuple("Unrecognized").field(code).finish(),
            (_, Some(name)) => f.write_str(name),
            // Every listed status has a name; this arm is never taken.
            (_, None) => f.write_str("Unrecognized"),
        }
    }
}

/// The code and the table name, as in the table: `4000 Delivered`; an
/// unlisted code shows its number alone. [`FromStr`](core::str::FromStr)
/// reads both forms back.
impl fmt::Display for SmsStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => write!(f, "{} {name}", self.code()),
            None => write!(f, "{}", self.code()),
        }
    }
}

impl From<u16> for SmsStatus {
    fn from(code: u16) -> Self {
        Self::from_code(code)
    }
}

impl From<SmsStatus> for u16 {
    fn from(status: SmsStatus) -> Self {
        status.code()
    }
}
