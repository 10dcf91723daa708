//! The table as users derive it today: a fieldless `#[repr(u16)]` enum with
//! strum (`EnumString`, `FromRepr`, `IntoStaticStr`) and `num_enum`
//! (`TryFromPrimitive`, `IntoPrimitive`). Such an enum cannot hold an
//! unlisted code, so lookups return `Option`/`Result` instead. Also compiled
//! on its own by `scripts/build-time`.

use num_enum::{IntoPrimitive, TryFromPrimitive};
use strum::{EnumString, FromRepr, IntoStaticStr};

/// One variant per listed code; the discriminant is the code, so the derived
/// order is code order.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    EnumString,
    FromRepr,
    IntoStaticStr,
    TryFromPrimitive,
    IntoPrimitive,
)]
#[strum(ascii_case_insensitive)]
#[repr(u16)]
pub(crate) enum DerivedStatus {
    QueuedToSfmcSendService = 1000,
    QueueFailureToSfmcSendService = 1500,
    ValidationError = 1501,
    DeliveredToAggregator = 2000,
    FailedToAggregator = 2500,
    UnknownToAggregator = 2501,
    FailedToAggregatorDueToInvalidDestinationAddress = 2502,
    ThrottledToAggregator = 2600,
    SocketExceptionToAggregator = 2601,
    Enroute = 3000,
    SentToCarrier = 3001,
    AcceptedByCarrier = 3002,
    Unknown = 3400,
    Delivered = 4000,
    Undeliverable = 4500,
    Expired = 4501,
    Deleted = 4502,
    Rejected = 4503,
    FailedDueToUnknownSubscriber = 4504,
    FailedDueToInvalidDestinationAddress = 4505,
}

impl DerivedStatus {
    /// The table's Status text.
    #[must_use]
    pub(crate) fn name(self) -> &'static str {
        self.into()
    }

    /// A decimal code with surrounding whitespace, as the wire sends it,
    /// the way strum users write it: parse the number, then `from_repr`.
    #[must_use]
    pub(crate) fn from_decimal(text: &str) -> Option<Self> {
        text.trim().parse().ok().and_then(Self::from_repr)
    }
}
