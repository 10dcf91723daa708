//! Values Salesforce sends in more than one form: text that comes as a
//! string or a number, whole numbers that come as numbers, as text or as
//! `1790949799000.0`, and codes kept as sent until an event's kind says
//! what they are.
//!
//! The few functions here and in the other payload files that are not
//! generic are `#[inline]`, so that they are compiled where a payload is
//! read rather than in every build of the crate with `serde` (BENCHMARKS.md,
//! "Whole numbers and payload forms").

use core::fmt;

use serde_core::de::{self, Deserializer, Unexpected, Visitor};

use crate::whole::{whole_float, whole_number};

/// Text that Salesforce sends as a JSON string or, in some payloads, as an
/// integer: a mobile number, an ordinal. Kept as the text it is. A float is
/// refused: it may already have lost a number's digits.
pub(super) struct Text(pub(super) String);

impl<'de> serde_core::Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl Visitor<'_> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("text, or an integer")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
        Ok(Text(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Text, E> {
        Ok(Text(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Text, E> {
        Ok(Text(value.to_string()))
    }

    /// Negative numbers are refused: `-` is one of the separators people
    /// type in a number, so its text would read as a number it is not.
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Text, E> {
        u64::try_from(value)
            .map(|value| Text(value.to_string()))
            .map_err(|_| E::invalid_value(Unexpected::Signed(value), &self))
    }
}

/// A whole number, read by the crate's one rule ([`crate::whole_digits`]):
/// a JSON integer, a float that is exactly one (`1790949799000.0`), or text
/// holding one, stray whitespace allowed (`"1790949799000"`, `"100000001"`).
/// Times and IDs come in all of these forms.
pub(super) struct Whole(pub(super) u64);

impl<'de> serde_core::Deserialize<'de> for Whole {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WholeVisitor)
    }
}

struct WholeVisitor;

impl Visitor<'_> for WholeVisitor {
    type Value = Whole;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            "a whole number from 0, as a number or as text (1790949799000 or \"1790949799000\")",
        )
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Whole, E> {
        Ok(Whole(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Whole, E> {
        u64::try_from(value)
            .map(Whole)
            .map_err(|_| E::invalid_value(Unexpected::Signed(value), &self))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Whole, E> {
        whole_float(value)
            .map(Whole)
            .ok_or_else(|| E::invalid_value(Unexpected::Float(value), &self))
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Whole, E> {
        whole_number(value)
            .map(Whole)
            .ok_or_else(|| E::invalid_value(Unexpected::Str(value), &self))
    }
}

/// A `statusCode` as sent, before the event's kind says what it means: a
/// string (`"4000"`, `"47"`) or a number (`16`, `4000.0`).
pub(super) enum RawCode {
    Text(String),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

impl RawCode {
    /// The code as text: a string as sent, a number in decimal.
    #[inline]
    pub(super) fn into_text(self) -> String {
        match self {
            Self::Text(text) => text,
            Self::Unsigned(number) => number.to_string(),
            Self::Signed(number) => number.to_string(),
            Self::Float(number) => number.to_string(),
        }
    }
}

impl<'de> serde_core::Deserialize<'de> for RawCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawCodeVisitor)
    }
}

struct RawCodeVisitor;

impl Visitor<'_> for RawCodeVisitor {
    type Value = RawCode;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a code, as text or as a number")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<RawCode, E> {
        Ok(RawCode::Text(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<RawCode, E> {
        Ok(RawCode::Text(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<RawCode, E> {
        Ok(RawCode::Unsigned(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<RawCode, E> {
        Ok(u64::try_from(value).map_or(RawCode::Signed(value), RawCode::Unsigned))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<RawCode, E> {
        Ok(RawCode::Float(value))
    }
}
