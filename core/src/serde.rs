//! The wire format: an integer code out; an integer, a numeric string or a
//! status name in (a whole number written `4000.0` too). Codes the table
//! does not list pass through unchanged.

use core::fmt;
use core::marker::PhantomData;

use serde_core::de::{self, Unexpected, Visitor};
use serde_core::{Deserialize, Deserializer, Serialize, Serializer};

use crate::table::Table;
use crate::{Action, CodeKind, EventKind, Finality, Outcome, ParseWordError, Stage};

/// `Serialize` of every generated enum: the integer code.
///
/// # Errors
///
/// Only those of the serializer.
#[inline]
pub fn serialize<T: Table, S: Serializer>(status: T, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u16(status.code())
}

/// `Deserialize` of every generated enum: an integer, a numeric string or a
/// status name; a code written with a fraction of zeros (`4000.0`, as a
/// number or as text) is that code.
///
/// # Errors
///
/// Any other input, or a number above 65535, named in the error.
#[inline]
pub fn deserialize<'de, T: Table, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    // Text formats carry codes as numbers or strings; binary formats
    // cannot say which, and what `serialize` wrote is a u16.
    if deserializer.is_human_readable() {
        deserializer.deserialize_any(StatusVisitor(PhantomData))
    } else {
        deserializer.deserialize_u16(StatusVisitor(PhantomData))
    }
}

struct StatusVisitor<T>(PhantomData<T>);

impl<T: Table> Visitor<'_> for StatusVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "an SMS status code from 0 to 65535 (a number or a numeric string) or a status name",
        )
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<T, E> {
        u16::try_from(value)
            .map(T::from_code)
            .map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &self))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<T, E> {
        u16::try_from(value)
            .map(T::from_code)
            .map_err(|_| E::invalid_value(Unexpected::Signed(value), &self))
    }

    /// A code written with a fraction of zeros (`4000.0`), as pandas writes
    /// a column with blanks; a fraction is no code.
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<T, E> {
        match crate::whole::whole_float(value).map(u16::try_from) {
            Some(Ok(code)) => Ok(T::from_code(code)),
            _ if crate::whole::is_fraction(value) => Err(E::custom(format_args!(
                "{value} is not a status code: a code is a whole number"
            ))),
            _ => Err(E::invalid_value(Unexpected::Float(value), &self)),
        }
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
        crate::parse::parse(value).map_err(E::custom)
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
                deserializer.deserialize_str(WordVisitor(PhantomData))
            }
        }
    )+};
}

serde_as_word!(Stage, Outcome, Finality, Action, CodeKind, EventKind);

/// Reads any vocabulary enum from its word.
struct WordVisitor<T>(PhantomData<T>);

impl<T: core::str::FromStr<Err = ParseWordError>> Visitor<'_> for WordVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a word such as \"retry-later\" or \"SmsDelivered\"")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
        value.parse().map_err(E::custom)
    }
}
