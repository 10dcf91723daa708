//! The Marketing Cloud MobileConnect SMS status-code table as a typed API.
//!
//! Every code of the published table is a variant of [`SmsStatus`], with its
//! name, definition and a decided classification: which hop of the send it
//! describes ([`Stage`]), what it says about the message ([`Outcome`]),
//! whether more statuses can follow ([`Finality`]), and what the sender should do
//! ([`Action`]). A code the table does not list is kept as
//! [`SmsStatus::Unrecognized`], never rejected and never lost.
//!
//! The enum is generated at compile time from `status-codes.toml`, the one
//! place the table is written.
//!
//! ```
//! use mobileconnect_status::{Action, SmsStatus};
//!
//! // Codes arrive as numbers or as numeric strings, in any order.
//! let updates: Vec<SmsStatus> = ["3001", "4000", " 2000 "]
//!     .iter()
//!     .map(|code| code.parse().expect("a status code"))
//!     .collect();
//!
//! // Salesforce's rule: the highest code is the message's final status.
//! let last = updates.into_iter().max().expect("at least one update");
//! assert_eq!(last, SmsStatus::Delivered);
//! assert!(last.is_delivered() && last.is_final());
//! assert_eq!(last.action(), Action::None);
//!
//! // A code the table does not list keeps its number.
//! let unlisted = SmsStatus::from_code(4510);
//! assert!(!unlisted.is_recognized());
//! assert_eq!(unlisted.code(), 4510);
//! assert_eq!(unlisted.action(), Action::Investigate);
//! ```
//!
//! # Your own table
//!
//! [`status_table`] generates such an enum, with everything [`SmsStatus`]
//! has, from a table your crate keeps: a copy of the published
//! `status-codes.toml` with your own rows added, or a newer table than this
//! crate's. The path is relative to your crate's `Cargo.toml`, and a
//! mistake in the file is reported at its line and column.
//!
//! ```
//! /// Our statuses: the published table plus our gateway's codes.
//! #[mobileconnect_status::status_table("status-codes.toml")]
//! pub enum MyStatus {}
//!
//! // (This example's crate reads the published table itself.)
//! let ours = MyStatus::from_code(4000);
//! assert_eq!(ours, MyStatus::Delivered);
//! assert_eq!(format!("{ours}"), "4000 Delivered");
//!
//! // Two tables' enums are different types: convert through the code.
//! let published = mobileconnect_status::SmsStatus::from(u16::from(ours));
//! assert_eq!(published.name(), ours.name());
//! ```
//!
//! Derive nothing: the expansion implements `Clone`, `Copy`, `Debug`,
//! `Display`, `FromStr`, `PartialEq`, `Eq`, `Hash`, `PartialOrd` and `Ord`
//! (by code), `From<u16>` and `Into<u16>`, and serde's traits with the
//! `serde` feature, and says so if you derive one of them. Write
//! `#[status_table]` above any `#[derive]` (rustc expands a derive above it
//! first, on the empty enum), and depend on this crate under its own name:
//! the generated code calls `::mobileconnect_status`.
//! The repository's README walks through it, including a test that keeps
//! your copy of the published rows in step with this crate's.
//!
//! # Features
//!
//! - `std` (default): without it the crate is `no_std` and needs no allocator.
//! - `serde`: every status enum serializes as its integer code and
//!   deserializes from an integer, a numeric string (surrounding whitespace
//!   allowed) or a status name; unlisted codes round-trip unchanged. A
//!   code written with a fraction of zeros, as spreadsheets and pandas
//!   write a column with blanks (`4000.0`, or `"4000.0"`), is that code,
//!   in `FromStr` too ([`whole_digits`] is the rule). With
//!   `std` too, the types of the `payload` module read the REST API's, ENS's and the
//!   Transactional Messaging API's SMS payloads.

#![cfg_attr(not(feature = "std"), no_std)]

// The generated code names this crate by its absolute path, so the same
// expansion works here and in a crate that invokes the macro itself.
extern crate self as mobileconnect_status;

mod classification;
mod display;
mod event;
mod excerpt;
mod generated;
mod parse;
#[cfg(all(feature = "serde", feature = "std"))]
pub mod payload;
#[cfg(feature = "serde")]
mod serde;
mod status;
mod table;
mod unrecognized;
mod whole;
mod word_error;

pub use classification::{Action, CodeKind, Finality, Outcome, Stage};
pub use event::{EventCode, EventKind};
pub use parse::{ParseErrorKind, ParseStatusError};
pub use status::SmsStatus;
pub use unrecognized::UnrecognizedCode;
pub use whole::{NotWhole, whole_digits};
pub use word_error::ParseWordError;

/// Generates a status enum, with this crate's whole API, from a table of
/// your own: the attribute that generates [`SmsStatus`]. See
/// [Your own table](crate#your-own-table).
pub use mobileconnect_status_macros::status_table;

/// What the generated code calls: hidden, not public API, and it may change
/// in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::display::{debug, display};
    pub use crate::parse::parse;
    #[cfg(feature = "serde")]
    pub use crate::serde::{deserialize, serialize};
    pub use crate::table::{Table, find_code, find_name, folded_name_hash};
    #[cfg(feature = "serde")]
    pub use serde_core;
}
