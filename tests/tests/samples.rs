//! The shipped samples, parsed the way a user of the crate would parse them.

use std::collections::BTreeMap;

use mobileconnect_status::payload::{Deliveries, SmsEvent};
use mobileconnect_status::{Action, SmsStatus};
use mobileconnect_status_tests::{sample, sample_path};
use serde::Deserialize;

/// Highest code wins, per key: the documented rule for out-of-order updates.
fn latest<K: Ord>(updates: impl IntoIterator<Item = (K, SmsStatus)>) -> BTreeMap<K, SmsStatus> {
    let mut latest = BTreeMap::new();
    for (key, status) in updates {
        latest
            .entry(key)
            .and_modify(|seen: &mut SmsStatus| *seen = (*seen).max(status))
            .or_insert(status);
    }
    latest
}

#[test]
fn rest_deliveries_resolve_per_number_with_highest_code_winning() {
    let deliveries: Deliveries =
        serde_json::from_str(&sample("message-contact-deliveries.json")).expect("parses");
    assert_eq!(deliveries.tracking.len(), 8);
    let latest = latest(
        deliveries
            .tracking
            .into_iter()
            .map(|t| (t.mobile_number, t.standard_status_code)),
    );
    let resolved: Vec<(&str, u16)> = latest.iter().map(|(n, s)| (n.as_str(), s.code())).collect();
    // 4000 arrives before 3001 and 2000; the padded " 3002 " still parses;
    // the unlisted 4510 outranks 3002 and keeps its number.
    assert_eq!(
        resolved,
        [
            ("15550100001", 4000),
            ("15550100002", 4504),
            ("15550100003", 4510)
        ]
    );
    assert_eq!(latest["15550100002"].action(), Action::SuppressNumber);
    assert!(!latest["15550100003"].is_recognized());
}

#[test]
fn event_notifications_resolve_per_message() {
    let events: Vec<SmsEvent> =
        serde_json::from_str(&sample("ens-sms-events.json")).expect("parses");
    // Only events of a status kind carry a status: m-003 was never sent,
    // and its code is the reason why, not a status of the table.
    let latest = latest(events.into_iter().filter_map(|event| {
        let status = event.status.status()?;
        Some((event.info.message_key, status))
    }));
    let resolved: Vec<(&str, SmsStatus)> = latest.iter().map(|(k, s)| (k.as_str(), *s)).collect();
    assert_eq!(
        resolved,
        [
            ("m-001", SmsStatus::Delivered),
            ("m-002", SmsStatus::FailedDueToInvalidDestinationAddress),
        ]
    );
}

#[derive(Deserialize)]
struct TrackingRow {
    #[serde(rename = "Mobile")]
    mobile: String,
    #[serde(rename = "SMSStandardStatusCodeId")]
    code: Option<SmsStatus>,
}

#[test]
fn tracking_extract_keeps_every_row_and_names_the_bad_one() {
    let mut reader =
        csv::Reader::from_path(sample_path("sms-message-tracking.csv")).expect("opens");
    let rows: Vec<Result<TrackingRow, csv::Error>> = reader.deserialize().collect();
    assert_eq!(
        rows.len(),
        8,
        "the quoted field with a comma does not split a row"
    );
    let mut parsed = Vec::new();
    let mut errors = Vec::new();
    for row in rows {
        match row {
            Ok(row) => parsed.push((row.mobile, row.code.map(SmsStatus::code))),
            Err(error) => errors.push(error.to_string()),
        }
    }
    assert_eq!(
        parsed,
        [
            ("15550100001".to_owned(), Some(4000)),
            ("15550100002".to_owned(), Some(4504)),
            ("15550100003".to_owned(), Some(2000)),
            ("15550100004".to_owned(), Some(4501)),
            ("15550100005".to_owned(), Some(2600)),
            ("15550100006".to_owned(), Some(4510)),
            ("15550100007".to_owned(), None),
        ]
    );
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].contains("40O0"),
        "the typo is named: {}",
        errors[0]
    );
}
