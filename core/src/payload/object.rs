//! Reading a JSON object field by field, by hand: serde's derive would cost
//! every user of the `serde` feature `syn` in the cold build, and the
//! payloads need rules a derive does not give anyway (codes read by the
//! event's kind, numbers sent as text or as numbers).
//!
//! [`wire_object!`] defines a private struct of optional fields and reads
//! it from a map: known keys are read, a repeated key is an error naming
//! it, any other key is skipped. A plain function per payload type then
//! takes what it requires from that struct, so the rules read as Rust.

use core::fmt;

use serde_core::de::{self, DeserializeSeed, Deserializer, Visitor};

/// A key among `names`, as the `&'static` name it matched, or `None` for a
/// key the payload does not use.
pub(super) struct KeySeed(pub(super) &'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Option<&'static str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for KeySeed {
    type Value = Option<&'static str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(self.0.iter().copied().find(|name| *name == key))
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<Self::Value, E> {
        Ok(self.0.iter().copied().find(|name| name.as_bytes() == key))
    }
}

/// Defines a struct of optional fields read from a JSON object: each field
/// from its key (or an alternative spelling, after `|`), other keys skipped, a repeated key an error naming it. `$what` names the
/// object in the "expected" part of an error.
///
/// `$what struct Raw { .. }` implements `Deserialize` for `Raw` itself.
/// `$what Target<S> from Raw by convert { .. }` implements it for
/// `Target<S>`, calling `convert(raw)` while the map is still being read,
/// so that its errors (a missing field, a code the kind does not allow)
/// carry the position of the object in the input.
macro_rules! wire_object {
    (
        $what:literal struct $raw:ident {
            $($field:ident: $ty:ty = $($key:literal)|+,)+
        }
    ) => {
        #[derive(Default)]
        pub(super) struct $raw {
            $($field: Option<$ty>,)+
        }

        impl<'de> serde_core::Deserialize<'de> for $raw {
            fn deserialize<D: serde_core::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                struct ObjectVisitor;

                impl<'de> serde_core::de::Visitor<'de> for ObjectVisitor {
                    type Value = $raw;

                    $crate::payload::object::wire_object!(@visit $what, |raw| Ok(raw), $raw {
                        $($field: $ty = $($key)|+,)+
                    } {});
                }

                deserializer.deserialize_map(ObjectVisitor)
            }
        }
    };
    (
        $what:literal $target:ident<$status:ident> from $raw:ident by $convert:ident {
            $($field:ident: $ty:ty = $($key:literal)|+,)+
        }
    ) => {
        struct $raw<$status> {
            $($field: Option<$ty>,)+
            status_enum: core::marker::PhantomData<fn() -> $status>,
        }

        impl<'de, $status: serde_core::Deserialize<'de>> serde_core::Deserialize<'de>
            for $target<$status>
        {
            fn deserialize<D: serde_core::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                struct ObjectVisitor<$status>(core::marker::PhantomData<fn() -> $status>);

                impl<'de, $status: serde_core::Deserialize<'de>> serde_core::de::Visitor<'de>
                    for ObjectVisitor<$status>
                {
                    type Value = $target<$status>;

                    $crate::payload::object::wire_object!(@visit $what, $convert, $raw {
                        $($field: $ty = $($key)|+,)+
                    } { status_enum: core::marker::PhantomData, });
                }

                deserializer.deserialize_map(ObjectVisitor(core::marker::PhantomData))
            }
        }
    };
    (
        @visit $what:literal, $convert:expr, $raw:ident {
            $($field:ident: $ty:ty = $($key:literal)|+,)+
        } { $($extra:tt)* }
    ) => {
        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str($what)
        }

        fn visit_map<A: serde_core::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> Result<Self::Value, A::Error> {
            const KEYS: &[&str] = &[$($($key,)+)+];
            $(let mut $field: Option<$ty> = None;)+
            while let Some(key) = map.next_key_seed($crate::payload::object::KeySeed(KEYS))? {
                match key {
                    $(Some($($key)|+) => {
                        if $field.is_some() {
                            return Err(serde_core::de::Error::duplicate_field(
                                key.unwrap_or_default(),
                            ));
                        }
                        $field = Some(map.next_value()?);
                    })+
                    _ => {
                        map.next_value::<serde_core::de::IgnoredAny>()?;
                    }
                }
            }
            ($convert)($raw { $($field,)+ $($extra)* })
        }
    };
}

pub(super) use wire_object;

/// `Some(value)`, or the error serde gives for a missing field.
pub(super) fn required<T, E: de::Error>(value: Option<T>, field: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(field))
}

/// Text that Salesforce sends as a JSON string or, in some payloads, as a
/// number: a mobile number, an ordinal. Kept as the text it is.
pub(super) struct Text(pub(super) String);

/// Read as a [`RawCode`] is, a number written back as its digits.
impl<'de> serde_core::Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Self(match RawCode::deserialize(deserializer)? {
            RawCode::Text(text) => text,
            RawCode::Number(number) => number.to_string(),
        }))
    }
}

/// A `statusCode` as sent, before the event's kind says what it means: a
/// string (`"4000"`, `"47"`) or a number (`16`). Also how [`Text`] is read.
pub(super) enum RawCode {
    Text(String),
    Number(u64),
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
        f.write_str("a string or a whole number")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<RawCode, E> {
        Ok(RawCode::Text(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<RawCode, E> {
        Ok(RawCode::Text(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<RawCode, E> {
        Ok(RawCode::Number(value))
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<RawCode, E> {
        u64::try_from(value)
            .map(RawCode::Number)
            .map_err(|_| E::invalid_value(de::Unexpected::Signed(value), &self))
    }
}
