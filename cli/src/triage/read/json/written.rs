//! The status types triage reads core's payload types over, so that a
//! status written as a name is read with the status table in use.
//!
//! Core's payload types read a status with the status type's own
//! `Deserialize`, which cannot be handed a table. So an item is read over
//! [`AsWritten`]: a code is read there by core's rules (a code keeps its
//! number in any table), a name is kept as text, and the reader looks it
//! up in the table once the item is read. A name the table lacks makes
//! the item a bad row; its message says where the status was
//! (`info.statusCode: …`) because the item is read once more over
//! [`CodeOnly`], which refuses every name, and core names the place of
//! the status it could not read. Only such an item is read twice.

use std::fmt;

use mobileconnect_status::SmsStatus;
use serde_core::Deserialize;
use serde_core::de::{self, Deserializer, Visitor, value};

use crate::status_table::UnreadStatus;

/// A status as an item writes it: a code, or text for the table in use to
/// read (a name, or a code and its name).
#[derive(Debug)]
pub(super) enum AsWritten {
    Code(SmsStatus),
    Text(Box<str>),
}

/// Whether core reads `text` as a code or as nothing, whatever table is in
/// use: it is empty, or starts with a digit and has no name after it.
fn is_code_or_nothing(text: &str) -> bool {
    let text = text.trim();
    text.is_empty() || (text.as_bytes()[0].is_ascii_digit() && !text.contains(char::is_whitespace))
}

impl<'de> Deserialize<'de> for AsWritten {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(AsWrittenVisitor)
    }
}

struct AsWrittenVisitor;

impl Visitor<'_> for AsWrittenVisitor {
    type Value = AsWritten;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "an SMS status code from 0 to 65535 (a number or a numeric string) or a status name",
        )
    }

    // Numbers are codes: core reads them, with its own errors.

    fn visit_u64<E: de::Error>(self, number: u64) -> Result<AsWritten, E> {
        SmsStatus::deserialize(value::U64Deserializer::<E>::new(number)).map(AsWritten::Code)
    }

    fn visit_i64<E: de::Error>(self, number: i64) -> Result<AsWritten, E> {
        SmsStatus::deserialize(value::I64Deserializer::<E>::new(number)).map(AsWritten::Code)
    }

    fn visit_f64<E: de::Error>(self, number: f64) -> Result<AsWritten, E> {
        SmsStatus::deserialize(value::F64Deserializer::<E>::new(number)).map(AsWritten::Code)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<AsWritten, E> {
        if is_code_or_nothing(text) {
            text.parse().map(AsWritten::Code).map_err(E::custom)
        } else {
            Ok(AsWritten::Text(text.into()))
        }
    }
}

/// A status read as core reads a code, every name refused: the type an
/// item is read over again to find where its unread name was. A name of
/// the built-in table is refused in the words the table in use refuses it
/// with.
#[derive(Debug)]
pub(super) struct CodeOnly;

impl<'de> Deserialize<'de> for CodeOnly {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        AsWritten::deserialize(deserializer).and_then(|written| match written {
            AsWritten::Code(_) => Ok(Self),
            AsWritten::Text(text) => Err(de::Error::custom(match text.parse::<SmsStatus>() {
                Err(error) => UnreadStatus::NotAStatus(error),
                Ok(_) => UnreadStatus::not_in_table(&text, None),
            })),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::is_code_or_nothing;

    #[test]
    fn only_text_a_table_may_name_is_left_to_the_table() {
        for code in [
            "4000", " 4000 ", "4000.0", "40O0", "70000", "4000.5", "", "  ",
        ] {
            assert!(is_code_or_nothing(code), "{code:?}");
        }
        for text in ["Delivered", "delivered", "4000 Delivered", "x4000", "-1"] {
            assert!(!is_code_or_nothing(text), "{text:?}");
        }
    }
}
