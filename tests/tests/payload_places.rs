//! Where each field of an event is read from: `info`, or the item's top
//! level where `info` lacks it, with `statusCode` and `statusMessage` read
//! first where Salesforce documents them for that payload: in `info` for
//! ENS events and `GET /messaging/v1/sms/messages/{messageKey}`, at the top
//! level for the items of `?type=notSent`. Also: not-sent reasons in every
//! form, and the deliveries response's two spellings of its date.

use mobileconnect_status::payload::{
    Deliveries, EventStatus, MessageStatus, NotSentMessage, NotSentMessages, NotSentReason,
    SmsEvent,
};
use mobileconnect_status::{EventKind, SmsStatus};

/// The reason of a not-sent status, as its number.
fn reason<S: std::fmt::Debug>(status: &EventStatus<S>) -> Option<u32> {
    match status {
        EventStatus::NotSent(reason) => reason.map(NotSentReason::get),
        other => panic!("a not-sent status, not {other:?}"),
    }
}

/// An item with a reason in both places: 24 at the top, 47 in `info`.
const BOTH_PLACES: &str = r#"{
    "eventCategoryType": "TransactionalSendEvents.SMSNotSent",
    "statusCode": 24, "statusMessage": "ListDetectiveExclusion",
    "info": { "messageKey": "m-1", "statusCode": "47", "statusMessage": "Mobile Address not found" }
}"#;

#[test]
fn a_not_sent_item_of_a_page_takes_its_reason_from_the_top_level() {
    let message: NotSentMessage = serde_json::from_str(BOTH_PLACES).expect("reads");
    assert_eq!(reason(&message.status), Some(24));
    assert_eq!(message.info.status_code.as_deref(), Some("24"));
    assert_eq!(
        message.status_message.as_deref(),
        Some("ListDetectiveExclusion")
    );
    assert_eq!(message.info.status_message, message.status_message);
}

#[test]
fn an_event_and_a_message_status_take_their_reason_from_info() {
    let event: SmsEvent = serde_json::from_str(BOTH_PLACES).expect("reads");
    assert_eq!(reason(&event.status), Some(47));
    assert_eq!(event.info.status_code.as_deref(), Some("47"));
    assert_eq!(
        event.info.status_message.as_deref(),
        Some("Mobile Address not found")
    );
    let message: MessageStatus = serde_json::from_str(BOTH_PLACES).expect("reads");
    assert_eq!(reason(&message.status), Some(47));
}

#[test]
fn the_other_place_is_read_where_the_documented_one_has_no_code() {
    // The e-mail sibling of `messages/{messageKey}` documents its
    // statusCode at the top level, beside `info`.
    let message: MessageStatus = serde_json::from_str(
        r#"{ "eventCategoryType": "TransactionalSendEvents.SMSNotSent",
             "info": { "messageKey": "m-1", "contactKey": "k-1", "to": "15550100001" },
             "statusCode": 16, "statusMessage": "InvalidAttributeValue" }"#,
    )
    .expect("reads");
    assert_eq!(reason(&message.status), Some(16));
    assert_eq!(
        message.info.status_message.as_deref(),
        Some("InvalidAttributeValue")
    );
    let item: NotSentMessage = serde_json::from_str(
        r#"{ "eventCategoryType": "SMSNotSent", "statusCode": null,
             "info": { "messageKey": "m-1", "statusCode": "47" } }"#,
    )
    .expect("reads");
    assert_eq!(reason(&item.status), Some(47));
    let event: SmsEvent = serde_json::from_str(
        r#"{ "eventCategoryType": "SmsDelivered", "statusCode": "4000",
             "info": { "messageKey": "m-1" } }"#,
    )
    .expect("reads");
    assert_eq!(event.status, EventStatus::Status(SmsStatus::Delivered));
}

#[test]
fn a_status_code_in_info_wins_over_one_at_the_top_level() {
    let event: SmsEvent = serde_json::from_str(
        r#"{ "eventCategoryType": "SmsBounced", "statusCode": "3000",
             "info": { "messageKey": "m-1", "statusCode": "4505" } }"#,
    )
    .expect("reads");
    assert_eq!(
        event.status,
        EventStatus::Status(SmsStatus::FailedDueToInvalidDestinationAddress)
    );
}

#[test]
fn an_event_with_its_fields_beside_info_reads_them_all() {
    let event: SmsEvent = serde_json::from_str(
        r#"{ "eventCategoryType": "TransactionalSendEvents.SmsNotSent", "timestampUTC": 1790949805000,
             "messageKey": " m-3 ", "to": "15550100010", "subscriberKey": "sub-0010",
             "statusCode": "47", "reason": "Mobile Address not found", "statusMessage": "NotSent" }"#,
    )
    .expect("an event without info reads from its top level");
    assert_eq!(event.kind, EventKind::NotSent);
    assert_eq!(reason(&event.status), Some(47));
    let info = &event.info;
    assert_eq!(info.message_key, "m-3");
    assert_eq!(info.to.as_deref(), Some("15550100010"));
    assert_eq!(info.subscriber_key.as_deref(), Some("sub-0010"));
    assert_eq!(info.reason.as_deref(), Some("Mobile Address not found"));
    assert_eq!(info.status_message.as_deref(), Some("NotSent"));
}

#[test]
fn a_field_in_info_wins_over_the_same_field_at_the_top_level() {
    let message: MessageStatus = serde_json::from_str(
        r#"{ "eventCategoryType": "SMSNotSent", "messageKey": "top", "to": "15550100099",
             "contactKey": "top-key", "reason": "top reason",
             "info": { "messageKey": "m-1", "to": "15550100011", "contactKey": "example1",
                       "reason": "in info", "statusCode": 16 } }"#,
    )
    .expect("reads");
    assert_eq!(message.info.message_key, "m-1");
    assert_eq!(message.info.to.as_deref(), Some("15550100011"));
    assert_eq!(message.info.subscriber_key.as_deref(), Some("example1"));
    assert_eq!(message.info.reason.as_deref(), Some("in info"));
    // The command line's own sample: the number beside info, the key in it.
    let message: MessageStatus = serde_json::from_str(
        r#"{ "requestId": "5b0b2e1d", "eventCategoryType": "TransactionalSendEvents.SMSNotSent",
             "timestamp": "2018-12-17T13:05:40.947", "to": "15550100011",
             "info": { "messageKey": "api-001", "contactKey": "example1", "statusCode": 16,
                       "statusMessage": "InvalidAttributeValue" } }"#,
    )
    .expect("reads");
    assert_eq!(message.info.to.as_deref(), Some("15550100011"));
    assert_eq!(message.info.message_key, "api-001");
}

#[test]
fn a_blank_message_key_is_missing_and_the_other_place_is_read() {
    let event: SmsEvent = serde_json::from_str(
        r#"{ "eventCategoryType": "SmsSent", "messageKey": "m-1", "info": { "messageKey": "  " } }"#,
    )
    .expect("the top-level key is read");
    assert_eq!(event.info.message_key, "m-1");
    for json in [
        r#"{ "eventCategoryType": "SmsSent", "info": { "messageKey": "" } }"#,
        r#"{ "eventCategoryType": "SmsSent", "messageKey": "\t", "info": { "messageKey": null } }"#,
        r#"{ "eventCategoryType": "SmsSent", "info": { "to": "15550100001" } }"#,
    ] {
        let error = serde_json::from_str::<SmsEvent>(json).expect_err(json);
        assert!(
            error.to_string().starts_with("missing field `messageKey`"),
            "{json}: {error}"
        );
    }
}

#[test]
fn subscriber_key_is_read_under_either_name() {
    let event: SmsEvent = serde_json::from_str(
        r#"{ "eventCategoryType": "SmsSent",
             "info": { "messageKey": "m-1", "contactKey": "k-1", "subscriberKey": "s-1" } }"#,
    )
    .expect("both names are no duplicate");
    assert_eq!(event.info.subscriber_key.as_deref(), Some("s-1"));
}

fn not_sent(code: &str) -> SmsEvent {
    let json = format!(
        r#"{{ "eventCategoryType": "TransactionalSendEvents.SmsNotSent",
             "info": {{ "messageKey": "m-1", "statusCode": {code} }} }}"#
    );
    serde_json::from_str(&json).unwrap_or_else(|error| panic!("{code}: {error}"))
}

#[test]
fn a_reason_reads_as_a_whole_number_in_any_form() {
    for code in [
        "47",
        r#""47""#,
        r#"" 47 ""#,
        "47.0",
        r#""47.0""#,
        r#""047""#,
    ] {
        assert_eq!(reason(&not_sent(code).status), Some(47), "{code}");
    }
}

#[test]
fn a_reason_that_is_no_send_error_code_is_kept_as_text() {
    for (code, kept) in [
        (r#""MobileAddressNotFound""#, "MobileAddressNotFound"),
        (r#""47a""#, "47a"),
        ("47.5", "47.5"),
        ("-5", "-5"),
        ("4294967296", "4294967296"),
        (r#""""#, ""),
    ] {
        let event = not_sent(code);
        assert_eq!(event.status, EventStatus::NotSent(None), "{code}");
        assert_eq!(event.info.status_code.as_deref(), Some(kept), "{code}");
    }
    let event = not_sent("null");
    assert_eq!(event.status, EventStatus::NotSent(None));
    assert_eq!(event.info.status_code, None);
}

#[test]
fn a_code_on_a_sent_event_is_kept_as_text() {
    let event: SmsEvent = serde_json::from_str(
        r#"{ "eventCategoryType": "SmsSent", "info": { "messageKey": "m-1", "statusCode": 2000 } }"#,
    )
    .expect("reads");
    assert_eq!(event.status, EventStatus::Sent);
    assert_eq!(event.info.status_code.as_deref(), Some("2000"));
}

#[test]
fn null_is_the_same_as_a_missing_field_and_a_key_given_twice_is_an_error() {
    let event: SmsEvent = serde_json::from_str(
        r#"{ "eventCategoryType": "SmsSent", "timestampUTC": null, "mid": null, "compositeId": null,
             "info": { "messageKey": "m-1", "to": null, "reason": null } }"#,
    )
    .expect("nulls read as missing");
    assert_eq!((event.timestamp_utc, event.mid), (None, None));
    assert_eq!((event.info.to, event.info.reason), (None, None));
    let error = serde_json::from_str::<Deliveries>(r#"{ "status": null, "status": "Finished" }"#)
        .expect_err("twice");
    assert!(
        error.to_string().contains("duplicate field `status`"),
        "{error}"
    );
    let error = serde_json::from_str::<SmsEvent>(
        r#"{ "eventCategoryType": "SmsSent", "info": { "messageKey": "m-1", "to": "1", "to": "2" } }"#,
    )
    .expect_err("twice");
    assert!(
        error.to_string().contains("duplicate field `to`"),
        "{error}"
    );
}

#[test]
fn the_deliveries_date_reads_under_either_spelling_and_create_date_wins() {
    for (json, date) in [
        (
            r#"{ "createDate": "2026-10-02T14:03:11.2" }"#,
            "2026-10-02T14:03:11.2",
        ),
        (
            r#"{ "createdDate": "2013-04-25T15:01:04.147" }"#,
            "2013-04-25T15:01:04.147",
        ),
        (
            r#"{ "createdDate": "2013-04-25T15:01:04.147", "createDate": "2026-10-02T14:03:11.2" }"#,
            "2026-10-02T14:03:11.2",
        ),
        (
            r#"{ "createDate": null, "createdDate": "2013-04-25T15:01:04.147" }"#,
            "2013-04-25T15:01:04.147",
        ),
    ] {
        let deliveries: Deliveries = serde_json::from_str(json).expect(json);
        assert_eq!(deliveries.create_date.as_deref(), Some(date), "{json}");
    }
}

#[test]
fn a_page_item_with_its_key_beside_info_reads() {
    // The page's field table lists messageKey, contactKey and to beside
    // statusCode, though its example puts the first two in info.
    let page: NotSentMessages = serde_json::from_str(
        r#"{ "messages": [ { "eventCategoryType": "SMSNotSent", "statusCode": 24,
             "messageKey": "m-1", "contactKey": "example1", "to": "15550100001" } ] }"#,
    )
    .expect("reads");
    let info = &page.messages[0].info;
    assert_eq!(info.message_key, "m-1");
    assert_eq!(info.subscriber_key.as_deref(), Some("example1"));
    assert_eq!(info.to.as_deref(), Some("15550100001"));
}
