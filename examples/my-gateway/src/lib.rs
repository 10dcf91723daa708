//! Our SMS statuses, generated from `my-codes.toml` by `mobileconnect-status`:
//! the published MobileConnect table plus our gateway's own codes, with the
//! whole API of `mobileconnect_status::SmsStatus`.
//!
//! ```
//! use my_gateway::MyStatus;
//!
//! let status: MyStatus = "4600".parse()?;
//! assert_eq!(status, MyStatus::BlockedByOurGateway);
//! assert!(status.is_failure());
//! assert_eq!(status.to_string(), "4600 BlockedByOurGateway");
//! # Ok::<(), mobileconnect_status::ParseStatusError>(())
//! ```

#![deny(warnings, missing_docs)]
#![forbid(unsafe_code)]

use std::collections::BTreeMap;

use mobileconnect_status::SmsStatus;

/// Our statuses: the published table plus our gateway's codes.
#[mobileconnect_status::status_table("my-codes.toml")]
pub enum MyStatus {}

/// Our status for a published one, by code. While `my-codes.toml` keeps
/// the published rows (`tests/published_rows.rs` checks it), a listed status
/// stays listed, under the same name.
#[must_use]
pub const fn from_published(status: SmsStatus) -> MyStatus {
    MyStatus::from_code(status.code())
}

/// The published status for ours, by code: our own codes become
/// `SmsStatus::Unrecognized`, keeping the number.
#[must_use]
pub fn to_published(status: MyStatus) -> SmsStatus {
    SmsStatus::from(u16::from(status))
}

/// Each key's latest status: the highest code among its updates, which is
/// how Salesforce says to read updates that arrive out of order.
#[must_use]
pub fn latest<K: Ord>(updates: impl IntoIterator<Item = (K, MyStatus)>) -> BTreeMap<K, MyStatus> {
    let mut latest = BTreeMap::new();
    for (key, status) in updates {
        latest
            .entry(key)
            .and_modify(|seen: &mut MyStatus| *seen = (*seen).max(status))
            .or_insert(status);
    }
    latest
}
