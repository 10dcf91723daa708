//! The trait impls of every enum `#[status_table]` expands, written once, as
//! Rust: the expansion ends with `__status_traits!(TheEnum);`.
//!
//! A `macro_rules!` here rather than text in the macro crate because one
//! part depends on this crate's features: serde's traits are implemented
//! exactly when `mobileconnect-status` is built with `serde`. A
//! `#[cfg(feature = "serde")]` written into the expansion would be evaluated
//! against the features of the crate that invokes the attribute, which has
//! none of ours; [`__status_serde!`](crate::__status_serde) is instead
//! defined twice, once per setting of the feature.
//!
//! The bodies call the generic functions of [`__private`](crate::__private),
//! so each impl is one line in the user's crate and the code is compiled,
//! linted and tested here.

/// Clone, Copy, equality, hashing and order by code, Debug, Display,
/// `FromStr`, the `u16` conversions and, with the `serde` feature, serde's
/// traits, for the generated enum `$name`. The list is repeated in the macro
/// crate (`derives.rs`), which rejects a user's derive of any of them.
#[doc(hidden)]
#[macro_export]
macro_rules! __status_traits {
    ($name:ident) => {
        // Written out rather than derived so every impl is in this one
        // list; a derive would give the same `*self`.
        #[allow(clippy::expl_impl_clone_on_copy)]
        impl ::core::clone::Clone for $name {
            #[inline]
            fn clone(&self) -> Self {
                *self
            }
        }

        impl ::core::marker::Copy for $name {}

        // Equality, hashing and order all go through `code()`, so they agree
        // with each other, and `max()` over a message's updates is the
        // highest code: Salesforce's rule for out-of-order updates.
        impl ::core::cmp::PartialEq for $name {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                self.code() == other.code()
            }
        }

        impl ::core::cmp::Eq for $name {}

        impl ::core::hash::Hash for $name {
            fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
                ::core::hash::Hash::hash(&self.code(), state);
            }
        }

        impl ::core::cmp::Ord for $name {
            #[inline]
            fn cmp(&self, other: &Self) -> ::core::cmp::Ordering {
                ::core::cmp::Ord::cmp(&self.code(), &other.code())
            }
        }

        impl ::core::cmp::PartialOrd for $name {
            #[inline]
            fn partial_cmp(&self, other: &Self) -> ::core::option::Option<::core::cmp::Ordering> {
                ::core::option::Option::Some(::core::cmp::Ord::cmp(self, other))
            }
        }

        /// The variant's name, `Delivered`, or
        /// `Unrecognized(UnrecognizedCode(4510))`: what a derive prints.
        impl ::core::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                $crate::__private::debug(*self, f)
            }
        }

        /// The code and the table name, `4000 Delivered`; an unlisted code
        /// shows its number alone. Width, fill, alignment and precision
        /// apply as to a string (`{:<28}`). [`FromStr`](::core::str::FromStr)
        /// reads both forms back.
        impl ::core::fmt::Display for $name {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                $crate::__private::display(*self, f)
            }
        }

        /// A decimal code with surrounding whitespace (`" 3002 "`) or a
        /// fraction of zeros (`4000.0`), a table name in any ASCII case, or
        /// the `Display` form (`4000 Delivered`). An unlisted code is kept;
        /// anything else is an error naming the input.
        impl ::core::str::FromStr for $name {
            type Err = $crate::ParseStatusError;

            #[inline]
            fn from_str(input: &str) -> ::core::result::Result<Self, Self::Err> {
                $crate::__private::parse(input)
            }
        }

        /// [`from_code`](Self::from_code): total, an unlisted code is kept.
        impl ::core::convert::From<u16> for $name {
            #[inline]
            fn from(code: u16) -> Self {
                Self::from_code(code)
            }
        }

        /// The code, listed or not.
        impl ::core::convert::From<$name> for u16 {
            #[inline]
            fn from(status: $name) -> Self {
                status.code()
            }
        }

        $crate::__status_serde!($name);
    };
}

/// With the `serde` feature: serialize as the integer code; deserialize from
/// an integer, a numeric string (`4000.0` too) or a status name.
#[cfg(feature = "serde")]
#[doc(hidden)]
#[macro_export]
macro_rules! __status_serde {
    ($name:ident) => {
        /// The integer code, listed or not.
        impl $crate::__private::serde_core::Serialize for $name {
            fn serialize<S: $crate::__private::serde_core::Serializer>(
                &self,
                serializer: S,
            ) -> ::core::result::Result<S::Ok, S::Error> {
                $crate::__private::serialize(*self, serializer)
            }
        }

        /// An integer, a numeric string (surrounding whitespace allowed), a
        /// whole number written `4000.0` (a number or a string) or a status
        /// name; an unlisted code is kept. Anything else is an error naming
        /// the input.
        impl<'de> $crate::__private::serde_core::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde_core::Deserializer<'de>>(
                deserializer: D,
            ) -> ::core::result::Result<Self, D::Error> {
                $crate::__private::deserialize(deserializer)
            }
        }
    };
}

/// Without the `serde` feature: nothing.
#[cfg(not(feature = "serde"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __status_serde {
    ($name:ident) => {};
}
