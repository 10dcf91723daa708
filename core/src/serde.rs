//! The wire format: an integer code out; an integer, a numeric string or a
//! status name in. Codes the table does not list pass through unchanged.

use core::fmt;

use serde_core::de::{self, Unexpected, Visitor};
use serde_core::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{Action, CodeKind, EventKind, Finality, Outcome, ParseWordError, SmsStatus, Stage};

impl Serialize for SmsStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.code())
    }
}

impl<'de> Deserialize<'de> for SmsStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Text formats carry codes as numbers or strings; binary formats
        // cannot say which, and what `serialize` wrote is a u16.
        if deserializer.is_human_readable() {
            deserializer.deserialize_any(StatusVisitor)
        } else {
            deserializer.deserialize_u16(StatusVisitor)
        }
    }
}

struct StatusVisitor;

impl Visitor<'_> for StatusVisitor {
    type Value = SmsStatus;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "an SMS status code from 0 to 65535 (a number or a numeric string) or a status name",
        )
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<SmsStatus, E> {
        u16::try_from(value)
            .map(SmsStatus::from_code)
            .map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &self))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<SmsStatus, E> {
        u16::try_from(value)
            .map(SmsStatus::from_code)
            .map_err(|_| E::invalid_value(Unexpected::Signed(value), &self))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<SmsStatus, E> {
        value.parse().map_err(E::custom)
    }
}

/// Defines `Serialize` and `Deserialize` for a vocabulary enum as its
/// table word (`"retry-later"`), read back through its `FromStr`.
macro_rules! serde_as_word {
    ($($name:ty),+) => {$(
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_str(WordVisitor(core::marker::PhantomData))
            }
        }
    )+};
}

serde_as_word!(Stage, Outcome, Finality, Action, CodeKind, EventKind);

/// Reads any vocabulary enum from its word.
struct WordVisitor<T>(core::marker::PhantomData<T>);

impl<T: core::str::FromStr<Err = ParseWordError>> Visitor<'_> for WordVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a word such as \"retry-later\" or \"SmsDelivered\"")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
        value.parse().map_err(E::custom)
    }
}
