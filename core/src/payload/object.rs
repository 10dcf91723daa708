//! Reading a JSON object field by field, by hand: serde's derive would cost
//! every user of the `serde` feature `syn` in the cold build, and the
//! payloads need rules a derive does not give anyway (codes read by the
//! event's kind, fields looked up in `info` and then at the top level).
//!
//! [`wire_object!`] defines a private struct of optional fields and reads
//! it from a map: each known key is read once (a key given twice is an
//! error naming it), `null` is the same as a missing key, and any other key
//! is skipped. A plain function per payload type then takes what it
//! requires from that struct, so the rules read as Rust.

use serde_core::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

/// The keys a payload reads: its own, then those of the object it also
/// reads at its top level (an event's `info` fields, which some payloads
/// put beside `info`). A key found is its index in that order.
#[derive(Clone, Copy)]
pub(super) struct Keys {
    pub(super) own: &'static [&'static str],
    pub(super) top: &'static [&'static str],
}

impl Keys {
    #[inline]
    fn get(self, index: usize) -> &'static str {
        match self.own.get(index) {
            Some(key) => key,
            None => self.top[index - self.own.len()],
        }
    }
}

impl<'de> DeserializeSeed<'de> for Keys {
    type Value = Option<usize>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl Visitor<'_> for Keys {
    type Value = Option<usize>;

    fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        self.visit_bytes(key.as_bytes())
    }

    fn visit_bytes<E: de::Error>(self, key: &[u8]) -> Result<Self::Value, E> {
        Ok(self
            .own
            .iter()
            .chain(self.top)
            .position(|name| name.as_bytes() == key))
    }
}

/// Reads every entry of `map`: a key of `keys` by `read`, once (the
/// second time it is an error naming it, whatever the first value was,
/// `null` included); any other key is skipped.
pub(super) fn read_entries<'de, A: MapAccess<'de>>(
    map: &mut A,
    keys: Keys,
    mut read: impl FnMut(&'static str, &mut A) -> Result<(), A::Error>,
) -> Result<(), A::Error> {
    let mut seen: u64 = 0;
    while let Some(found) = map.next_key_seed(keys)? {
        let Some(index) = found else {
            map.next_value::<IgnoredAny>()?;
            continue;
        };
        let key = keys.get(index);
        let bit = 1 << index;
        if seen & bit != 0 {
            return Err(de::Error::duplicate_field(key));
        }
        seen |= bit;
        read(key, map).map_err(|error| in_field(key, &error))?;
    }
    Ok(())
}

/// `error`, met reading the value of `key`, saying where: `to: …`, and
/// `info.to: …` where the value was itself an object whose `to` was wrong.
/// A position the format gave the error (`serde_json` ends its messages
/// with ` at line L column C`) is dropped: the format gives the outer error
/// its own.
#[cold]
fn in_field<E: de::Error>(key: &str, error: &E) -> E {
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(at) if message[at..].contains(" column ") => &message[..at],
        _ => &message,
    };
    // A message that starts with a field's path (`to: …`, `info.to: …`)
    // is that path inside this field.
    let path_length = message
        .find(": ")
        .filter(|&end| {
            message[..end]
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || byte == b'.')
        })
        .unwrap_or(0);
    if path_length > 0 {
        E::custom(format_args!("{key}.{message}"))
    } else {
        E::custom(format_args!("{key}: {message}"))
    }
}

/// Defines a struct of optional fields read from a JSON object (see the
/// module's docs). `$what` names the object in the "expected" part of an
/// error.
///
/// `$what struct Raw { .. }` implements `Deserialize` for `Raw` itself,
/// and `Raw::read_field`, through which another object reads the same
/// fields at its own level.
///
/// `$what Target<S> from Raw by convert { .. }` implements `Deserialize`
/// for `Target<S>`, calling `convert(raw)` while the map is still being
/// read, so that its errors (a missing field, a code the kind does not
/// allow) carry the position of the object in the input. With `top: Other`
/// after the fields, the keys of `Other` (a struct of the first form) are
/// read too, into `raw.top`.
macro_rules! wire_object {
    (
        $what:literal struct $raw:ident {
            $($field:ident: $ty:ty = $key:literal,)+
        }
    ) => {
        #[derive(Default)]
        pub(super) struct $raw {
            $(pub(super) $field: Option<$ty>,)+
        }

        impl $raw {
            pub(super) const KEYS: &'static [&'static str] = &[$($key,)+];

            /// Reads the value of `key`, one of [`Self::KEYS`], into its
            /// field; `null` leaves it empty.
            pub(super) fn read_field<'de, A: serde_core::de::MapAccess<'de>>(
                &mut self,
                key: &'static str,
                map: &mut A,
            ) -> Result<(), A::Error> {
                match key {
                    $($key => self.$field = map.next_value()?,)+
                    _ => {}
                }
                Ok(())
            }
        }

        impl<'de> serde_core::Deserialize<'de> for $raw {
            fn deserialize<D: serde_core::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                struct ObjectVisitor;

                impl<'de> serde_core::de::Visitor<'de> for ObjectVisitor {
                    type Value = $raw;

                    $crate::payload::object::wire_object!(@visitor $what, map => {
                        const _: () = assert!($raw::KEYS.len() <= 64, "one bit per key");
                        let keys = $crate::payload::object::Keys { own: $raw::KEYS, top: &[] };
                        let mut raw = $raw::default();
                        $crate::payload::object::read_entries(&mut map, keys, |key, map| {
                            raw.read_field(key, map)
                        })?;
                        Ok(raw)
                    });
                }

                deserializer.deserialize_map(ObjectVisitor)
            }
        }
    };
    (
        $what:literal $target:ident<$status:ident> from $raw:ident by $convert:ident {
            $($field:ident: $ty:ty = $key:literal,)+
        } $(top: $top:ty)?
    ) => {
        struct $raw<$status> {
            $($field: Option<$ty>,)+
            $(top: $top,)?
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

                    $crate::payload::object::wire_object!(@visitor $what, map => {
                        const OWN: &[&str] = &[$($key,)+];
                        const TOP: &[&str] = $crate::payload::object::wire_object!(@top_keys $($top)?);
                        const _: () = assert!(OWN.len() + TOP.len() <= 64, "one bit per key");
                        let keys = $crate::payload::object::Keys { own: OWN, top: TOP };
                        let mut raw = $raw {
                            $($field: None,)+
                            $(top: <$top>::default(),)?
                            status_enum: core::marker::PhantomData,
                        };
                        $crate::payload::object::read_entries(&mut map, keys, |key, map| {
                            match key {
                                $($key => raw.$field = map.next_value()?,)+
                                _ => $crate::payload::object::wire_object!(
                                    @top_field raw, key, map $(, $top)?
                                ),
                            }
                            Ok(())
                        })?;
                        ($convert)(raw)
                    });
                }

                deserializer.deserialize_map(ObjectVisitor(core::marker::PhantomData))
            }
        }
    };
    (@visitor $what:literal, $map:ident => $body:block) => {
        fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
            f.write_str($what)
        }

        fn visit_map<A: serde_core::de::MapAccess<'de>>(
            self,
            mut $map: A,
        ) -> Result<Self::Value, A::Error> $body
    };
    (@top_keys) => { &[] };
    (@top_keys $top:ty) => { <$top>::KEYS };
    (@top_field $raw:ident, $key:ident, $map:ident) => { () };
    (@top_field $raw:ident, $key:ident, $map:ident, $top:ty) => {
        $raw.top.read_field($key, $map)?
    };
}

pub(super) use wire_object;

/// `Some(value)`, or the error serde gives for a missing field.
pub(super) fn required<T, E: de::Error>(value: Option<T>, field: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(field))
}
