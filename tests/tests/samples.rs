//! The shipped samples, parsed the way a user of the crate would parse them.
//! `cli/samples/` holds them, the same files the command line's README and
//! tests use; every item of every one is read here or in `payloads.rs`,
//! with its code or reason, number and time.

use std::collections::BTreeMap;

use mobileconnect_status::payload::{Deliveries, EventStatus, NotSentReason, SmsEvent};
use mobileconnect_status::{Action, EventKind, SmsStatus};
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

/// What an event says, as the command line counts it: its kind, its status
/// code or not-sent reason, its recipient and its time.
fn event_facts(
    event: &SmsEvent,
) -> (
    EventKind,
    Option<u16>,
    Option<u32>,
    Option<&str>,
    Option<u64>,
) {
    let (code, reason) = match event.status {
        EventStatus::Status(status) => (Some(status.code()), None),
        EventStatus::NotSent(reason) => (None, reason.map(NotSentReason::get)),
        _ => (None, None),
    };
    (
        event.kind,
        code,
        reason,
        event.info.to.as_deref(),
        event.timestamp_utc,
    )
}

#[test]
fn every_event_of_the_ens_sample_reads_with_its_code_reason_number_and_time() {
    let events: Vec<SmsEvent> =
        serde_json::from_str(&sample("ens-sms-events.json")).expect("parses");
    let facts: Vec<_> = events.iter().map(event_facts).collect();
    let to = (
        Some("15550100001"),
        Some("15550100009"),
        Some("15550100010"),
    );
    assert_eq!(
        facts,
        [
            (EventKind::Sent, None, None, to.0, Some(1_790_949_791_000)),
            (
                EventKind::Transient,
                Some(3001),
                None,
                to.0,
                Some(1_790_949_793_000)
            ),
            (
                EventKind::Delivered,
                Some(4000),
                None,
                to.0,
                Some(1_790_949_799_000)
            ),
            (
                EventKind::Bounced,
                Some(4505),
                None,
                to.1,
                Some(1_790_949_802_000)
            ),
            (
                EventKind::NotSent,
                None,
                Some(47),
                to.2,
                Some(1_790_949_805_000)
            ),
        ]
    );
    let keys: Vec<&str> = events
        .iter()
        .map(|event| event.info.message_key.as_str())
        .collect();
    assert_eq!(keys, ["m-001", "m-001", "m-001", "m-002", "m-003"]);
}

#[test]
fn the_tracking_extract_resaved_by_pandas_reads_the_same_codes() {
    // pandas writes a numeric column that has a blank as floats: 4000.0.
    let mut reader =
        csv::Reader::from_path(sample_path("sms-message-tracking.csv")).expect("opens");
    let headers = reader.headers().expect("a header").clone();
    let column = headers
        .iter()
        .position(|name| name == "SMSStandardStatusCodeId")
        .expect("the code column");
    let mut resaved = csv::Writer::from_writer(Vec::new());
    resaved.write_record(&headers).expect("writes");
    let mut floats = 0;
    for record in reader.records() {
        let record = record.expect("a record");
        let fields = record.iter().enumerate().map(|(at, field)| {
            if at == column && !field.is_empty() && field.bytes().all(|b| b.is_ascii_digit()) {
                floats += 1;
                format!("{field}.0")
            } else {
                field.to_owned()
            }
        });
        resaved
            .write_record(fields.collect::<Vec<_>>())
            .expect("writes");
    }
    assert!(floats >= 6, "the sample has codes to rewrite");
    let text = resaved.into_inner().expect("written");
    let codes = |bytes: &[u8]| -> Vec<Option<u16>> {
        csv::Reader::from_reader(bytes)
            .deserialize::<TrackingRow>()
            .filter_map(Result::ok)
            .map(|row| row.code.map(SmsStatus::code))
            .collect()
    };
    let original = std::fs::read(sample_path("sms-message-tracking.csv")).expect("reads");
    assert_eq!(codes(&text), codes(&original));
    assert!(String::from_utf8_lossy(&text).contains(",4000.0,"));
}
