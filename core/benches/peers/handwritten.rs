//! The floor: the table as a plain hand-written enum with the functions the
//! benchmarks call, written the way a careful developer would without a
//! code generator. Also compiled on its own by `scripts/build-time`.

use core::cmp::Ordering;
use core::fmt;
use core::str::FromStr;

/// One variant per listed code, plus the unlisted ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum HandStatus {
    QueuedToSfmcSendService,
    QueueFailureToSfmcSendService,
    ValidationError,
    DeliveredToAggregator,
    FailedToAggregator,
    UnknownToAggregator,
    FailedToAggregatorDueToInvalidDestinationAddress,
    ThrottledToAggregator,
    SocketExceptionToAggregator,
    Enroute,
    SentToCarrier,
    AcceptedByCarrier,
    Unknown,
    Delivered,
    Undeliverable,
    Expired,
    Deleted,
    Rejected,
    FailedDueToUnknownSubscriber,
    FailedDueToInvalidDestinationAddress,
    Unrecognized(u16),
}

impl HandStatus {
    /// Every listed status, in code order.
    pub(crate) const ALL: [Self; 20] = [
        Self::QueuedToSfmcSendService,
        Self::QueueFailureToSfmcSendService,
        Self::ValidationError,
        Self::DeliveredToAggregator,
        Self::FailedToAggregator,
        Self::UnknownToAggregator,
        Self::FailedToAggregatorDueToInvalidDestinationAddress,
        Self::ThrottledToAggregator,
        Self::SocketExceptionToAggregator,
        Self::Enroute,
        Self::SentToCarrier,
        Self::AcceptedByCarrier,
        Self::Unknown,
        Self::Delivered,
        Self::Undeliverable,
        Self::Expired,
        Self::Deleted,
        Self::Rejected,
        Self::FailedDueToUnknownSubscriber,
        Self::FailedDueToInvalidDestinationAddress,
    ];

    /// The status for `code`; unlisted codes are kept.
    #[must_use]
    pub(crate) const fn from_code(code: u16) -> Self {
        match code {
            1000 => Self::QueuedToSfmcSendService,
            1500 => Self::QueueFailureToSfmcSendService,
            1501 => Self::ValidationError,
            2000 => Self::DeliveredToAggregator,
            2500 => Self::FailedToAggregator,
            2501 => Self::UnknownToAggregator,
            2502 => Self::FailedToAggregatorDueToInvalidDestinationAddress,
            2600 => Self::ThrottledToAggregator,
            2601 => Self::SocketExceptionToAggregator,
            3000 => Self::Enroute,
            3001 => Self::SentToCarrier,
            3002 => Self::AcceptedByCarrier,
            3400 => Self::Unknown,
            4000 => Self::Delivered,
            4500 => Self::Undeliverable,
            4501 => Self::Expired,
            4502 => Self::Deleted,
            4503 => Self::Rejected,
            4504 => Self::FailedDueToUnknownSubscriber,
            4505 => Self::FailedDueToInvalidDestinationAddress,
            other => Self::Unrecognized(other),
        }
    }

    /// The numeric code.
    #[must_use]
    pub(crate) const fn code(self) -> u16 {
        match self {
            Self::QueuedToSfmcSendService => 1000,
            Self::QueueFailureToSfmcSendService => 1500,
            Self::ValidationError => 1501,
            Self::DeliveredToAggregator => 2000,
            Self::FailedToAggregator => 2500,
            Self::UnknownToAggregator => 2501,
            Self::FailedToAggregatorDueToInvalidDestinationAddress => 2502,
            Self::ThrottledToAggregator => 2600,
            Self::SocketExceptionToAggregator => 2601,
            Self::Enroute => 3000,
            Self::SentToCarrier => 3001,
            Self::AcceptedByCarrier => 3002,
            Self::Unknown => 3400,
            Self::Delivered => 4000,
            Self::Undeliverable => 4500,
            Self::Expired => 4501,
            Self::Deleted => 4502,
            Self::Rejected => 4503,
            Self::FailedDueToUnknownSubscriber => 4504,
            Self::FailedDueToInvalidDestinationAddress => 4505,
            Self::Unrecognized(code) => code,
        }
    }

    /// The table's Status text; `None` for an unlisted code.
    #[must_use]
    pub(crate) const fn name(self) -> Option<&'static str> {
        Some(match self {
            Self::QueuedToSfmcSendService => "QueuedToSfmcSendService",
            Self::QueueFailureToSfmcSendService => "QueueFailureToSfmcSendService",
            Self::ValidationError => "ValidationError",
            Self::DeliveredToAggregator => "DeliveredToAggregator",
            Self::FailedToAggregator => "FailedToAggregator",
            Self::UnknownToAggregator => "UnknownToAggregator",
            Self::FailedToAggregatorDueToInvalidDestinationAddress => {
                "FailedToAggregatorDueToInvalidDestinationAddress"
            }
            Self::ThrottledToAggregator => "ThrottledToAggregator",
            Self::SocketExceptionToAggregator => "SocketExceptionToAggregator",
            Self::Enroute => "Enroute",
            Self::SentToCarrier => "SentToCarrier",
            Self::AcceptedByCarrier => "AcceptedByCarrier",
            Self::Unknown => "Unknown",
            Self::Delivered => "Delivered",
            Self::Undeliverable => "Undeliverable",
            Self::Expired => "Expired",
            Self::Deleted => "Deleted",
            Self::Rejected => "Rejected",
            Self::FailedDueToUnknownSubscriber => "FailedDueToUnknownSubscriber",
            Self::FailedDueToInvalidDestinationAddress => "FailedDueToInvalidDestinationAddress",
            Self::Unrecognized(_) => return None,
        })
    }

    /// The status with this table name, ignoring ASCII case.
    #[must_use]
    pub(crate) fn from_name(name: &str) -> Option<Self> {
        // Exact spelling is the common case; other casings scan the table.
        match name {
            "QueuedToSfmcSendService" => Some(Self::QueuedToSfmcSendService),
            "QueueFailureToSfmcSendService" => Some(Self::QueueFailureToSfmcSendService),
            "ValidationError" => Some(Self::ValidationError),
            "DeliveredToAggregator" => Some(Self::DeliveredToAggregator),
            "FailedToAggregator" => Some(Self::FailedToAggregator),
            "UnknownToAggregator" => Some(Self::UnknownToAggregator),
            "FailedToAggregatorDueToInvalidDestinationAddress" => {
                Some(Self::FailedToAggregatorDueToInvalidDestinationAddress)
            }
            "ThrottledToAggregator" => Some(Self::ThrottledToAggregator),
            "SocketExceptionToAggregator" => Some(Self::SocketExceptionToAggregator),
            "Enroute" => Some(Self::Enroute),
            "SentToCarrier" => Some(Self::SentToCarrier),
            "AcceptedByCarrier" => Some(Self::AcceptedByCarrier),
            "Unknown" => Some(Self::Unknown),
            "Delivered" => Some(Self::Delivered),
            "Undeliverable" => Some(Self::Undeliverable),
            "Expired" => Some(Self::Expired),
            "Deleted" => Some(Self::Deleted),
            "Rejected" => Some(Self::Rejected),
            "FailedDueToUnknownSubscriber" => Some(Self::FailedDueToUnknownSubscriber),
            "FailedDueToInvalidDestinationAddress" => {
                Some(Self::FailedDueToInvalidDestinationAddress)
            }
            _ => Self::ALL.into_iter().find(|status| {
                status
                    .name()
                    .is_some_and(|known| known.eq_ignore_ascii_case(name))
            }),
        }
    }
}

/// Why a text is not a status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct HandParseError;

impl FromStr for HandStatus {
    type Err = HandParseError;

    /// A decimal code (surrounding whitespace allowed) or a table name.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let text = input.trim();
        if text.bytes().all(|b| b.is_ascii_digit()) {
            return text
                .parse()
                .map(Self::from_code)
                .map_err(|_| HandParseError);
        }
        Self::from_name(text).ok_or(HandParseError)
    }
}

impl fmt::Display for HandStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => write!(f, "{} {name}", self.code()),
            None => write!(f, "{}", self.code()),
        }
    }
}

impl Ord for HandStatus {
    fn cmp(&self, other: &Self) -> Ordering {
        self.code().cmp(&other.code())
    }
}

impl PartialOrd for HandStatus {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
