//! The typed payloads read what Salesforce sends: the REST deliveries
//! response, ENS SMS events and the Transactional Messaging API's answers,
//! with each `statusCode` read by its event's kind, unknown fields skipped,
//! and every malformed input an error that names it.

use mobileconnect_status::payload::{
    Deliveries, EventStatus, MessageStatus, NotSentMessage, NotSentMessages, SmsEvent,
};
use mobileconnect_status::{EventKind, SmsStatus};
use mobileconnect_status_tests::regenerated::Status;
use mobileconnect_status_tests::{fixture, sample};

#[test]
fn the_rest_deliveries_sample_reads_with_every_field() {
    let deliveries: Deliveries =
        serde_json::from_str(&sample("message-contact-deliveries.json")).expect("the sample reads");
    assert_eq!(deliveries.message.as_deref(), Some("Finished"));
    assert_eq!(deliveries.count, Some(3));
    assert_eq!(
        deliveries.create_date.as_deref(),
        Some("2026-10-02T14:03:11.2")
    );
    assert_eq!(
        deliveries.complete_date.as_deref(),
        Some("2026-10-02T14:03:40.97")
    );
    assert_eq!(deliveries.status.as_deref(), Some("Finished"));
    let codes: Vec<(&str, u16, Option<&str>)> = deliveries
        .tracking
        .iter()
        .map(|item| {
            (
                item.mobile_number.as_str(),
                item.standard_status_code.code(),
                item.status_code.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            ("15550100001", 3000, Some("20")),
            ("15550100001", 4000, Some("200")),
            ("15550100001", 3001, Some("20")),
            ("15550100001", 2000, Some("0")),
            ("15550100002", 2000, Some("0")),
            ("15550100002", 4504, Some("41")),
            ("15550100003", 3002, Some("20")),
            ("15550100003", 4510, Some("77")),
        ]
    );
    let last = &deliveries.tracking[7];
    assert!(!last.standard_status_code.is_recognized());
    assert_eq!(
        last.description.as_deref(),
        Some("A code this table does not list yet")
    );
    assert_eq!(last.message.as_deref(), Some("Carrier opt-out"));
}

#[test]
fn deliveries_read_into_an_enum_generated_downstream() {
    let deliveries: Deliveries<Status> =
        serde_json::from_str(&sample("message-contact-deliveries.json")).expect("reads");
    let latest = deliveries
        .tracking
        .iter()
        .filter(|item| item.mobile_number == "15550100001")
        .map(|item| item.standard_status_code)
        .max();
    assert_eq!(latest, Some(Status::Delivered));
}

#[test]
fn the_documentation_spelling_of_create_date_and_numeric_numbers_are_read() {
    let body = r#"{ "createdDate": "2013-04-25T15:01:04.147",
        "tracking": [ { "mobileNumber": 15555555510, "standardStatusCode": 4000 } ] }"#;
    let deliveries: Deliveries = serde_json::from_str(body).expect("reads");
    assert_eq!(
        deliveries.create_date.as_deref(),
        Some("2013-04-25T15:01:04.147")
    );
    assert_eq!(deliveries.tracking[0].mobile_number, "15555555510");
    assert_eq!(
        deliveries.tracking[0].standard_status_code,
        SmsStatus::Delivered
    );
    // A response before any update arrived.
    let empty: Deliveries = serde_json::from_str(r#"{ "status": "Queuing" }"#).expect("reads");
    assert!(empty.tracking.is_empty());
}

#[test]
fn ens_events_read_their_code_by_kind() {
    let events: Vec<SmsEvent> =
        serde_json::from_str(&fixture("ens-sms-events.json")).expect("the sample reads");
    let read: Vec<(EventKind, EventStatus, &str)> = events
        .iter()
        .map(|event| (event.kind, event.status, event.info.message_key.as_str()))
        .collect();
    let EventStatus::NotSent(Some(reason)) = read[4].1 else {
        panic!("SmsNotSent carries a reason: {:?}", read[4].1);
    };
    assert_eq!(reason.get(), 47);
    assert_eq!(
        read,
        [
            (EventKind::Sent, EventStatus::Sent, "m-001"),
            (
                EventKind::Transient,
                EventStatus::Status(SmsStatus::SentToCarrier),
                "m-001"
            ),
            (
                EventKind::Delivered,
                EventStatus::Status(SmsStatus::Delivered),
                "m-001"
            ),
            (
                EventKind::Bounced,
                EventStatus::Status(SmsStatus::FailedDueToInvalidDestinationAddress),
                "m-002"
            ),
            (
                EventKind::NotSent,
                EventStatus::NotSent(Some(reason)),
                "m-003"
            ),
        ]
    );
    let not_sent = &events[4];
    assert_eq!(
        not_sent.info.reason.as_deref(),
        Some("Mobile Address not found")
    );
    assert_eq!(not_sent.status.status(), None);
    let delivered = &events[2];
    assert_eq!(delivered.timestamp_utc, Some(1_790_949_799_000));
    assert_eq!(delivered.composite_id.as_deref(), Some("m-001.3"));
    assert_eq!(delivered.definition_key.as_deref(), Some("order-shipped"));
    assert_eq!(
        (delivered.mid, delivered.eid),
        (Some(100_000_001), Some(100_000_001))
    );
    assert_eq!(delivered.info.to.as_deref(), Some("15550100001"));
    assert_eq!(delivered.info.subscriber_key.as_deref(), Some("sub-0001"));
    assert_eq!(delivered.info.ordinal.as_deref(), Some("0"));
    assert_eq!(delivered.info.status_message.as_deref(), Some("Delivered"));
    assert_eq!(delivered.info.from_address.as_deref(), Some("55501"));
    assert_eq!(delivered.info.country_code.as_deref(), Some("US"));
}

#[test]
fn a_not_sent_code_stays_a_reason_even_where_it_is_also_a_status_code() {
    // 1501 is ValidationError in the table; as the reason an SmsNotSent
    // event gives, it is not that status. A code on an SmsSent event,
    // which the documentation gives none, is left unread.
    let events: Vec<SmsEvent<Status>> = serde_json::from_str(
        r#"[
  { "eventCategoryType": "TransactionalSendEvents.SmsSent", "timestampUTC": 1790949791000,
    "info": { "to": "15550100001", "messageKey": "m-1", "statusCode": "2000" } },
  { "eventCategoryType": "TransactionalSendEvents.SmsNotSent", "timestampUTC": 1790949805000,
    "info": { "to": "15550100010", "messageKey": "m-2", "statusCode": "1501" } }
]"#,
    )
    .expect("reads");
    assert_eq!(events[0].kind, EventKind::Sent);
    assert_eq!(events[0].status, EventStatus::Sent);
    let EventStatus::NotSent(Some(reason)) = events[1].status else {
        panic!("a reason: {:?}", events[1].status);
    };
    assert_eq!(reason.get(), 1501);
    assert_eq!(events[1].status.status(), None);
}

#[test]
fn the_transactional_messaging_api_answers_read() {
    let not_sent: MessageStatus = serde_json::from_str(
        r#"{ "requestId": "77431635-1b6b-44db-a16d-420361a43dc1",
             "eventCategoryType": "TransactionalSendEvents.SMSNotSent",
             "timestamp": "2018-12-17T13:05:40.947",
             "messageKey": "2iQNfGHj2UqTalK9x2gPow",
             "info": { "statusCode": 16, "statusMessage": "InvalidAttributeValue" } }"#,
    )
    .expect("reads");
    assert_eq!(not_sent.kind, EventKind::NotSent);
    assert!(matches!(not_sent.status, EventStatus::NotSent(Some(reason)) if reason.get() == 16));
    assert_eq!(
        not_sent.timestamp.as_deref(),
        Some("2018-12-17T13:05:40.947")
    );
    assert_eq!(not_sent.info.message_key, "2iQNfGHj2UqTalK9x2gPow");

    // The shape of the e-mail sibling's documented answer: the key in `info`.
    let sent: MessageStatus = serde_json::from_str(
        r#"{ "requestId": "r-1", "eventCategoryType": "TransactionalSendEvents.SMSSent",
             "timestamp": "2018-08-03T13:41:18.55", "compositeId": "c-1",
             "info": { "messageKey": "m-1", "contactKey": "k-1", "to": "15550100001" } }"#,
    )
    .expect("reads");
    assert_eq!(sent.status, EventStatus::Sent);
    assert_eq!(sent.info.message_key, "m-1");
    assert_eq!(sent.info.subscriber_key.as_deref(), Some("k-1"));
    let queued: MessageStatus = serde_json::from_str(
        r#"{ "eventCategoryType": "TransactionalSendEvents.SMSQueued", "messageKey": "m-2" }"#,
    )
    .expect("reads");
    assert_eq!(queued.status, EventStatus::Queued);

    let page: NotSentMessages = serde_json::from_str(
        r#"{ "lastEventID": 35774, "count": 1, "messages": [ {
             "statusCode": 24, "statusMessage": "Error Message",
             "eventCategoryType": "TransactionalSendEvents.SMSNotSent",
             "timestamp": "2018-12-17T13:05:40.947", "definitionKey": "account-reset",
             "eventID": 35760,
             "info": { "messageKey": "2iQNfGHj2UqTalK9x2gPow", "contactKey": "example1" } } ] }"#,
    )
    .expect("reads");
    assert_eq!((page.last_event_id, page.count), (Some(35774), Some(1)));
    let message = &page.messages[0];
    assert!(matches!(message.status, EventStatus::NotSent(Some(reason)) if reason.get() == 24));
    assert_eq!(message.status_message.as_deref(), Some("Error Message"));
    assert_eq!(message.event_id, Some(35760));
    assert_eq!(message.definition_key.as_deref(), Some("account-reset"));
    assert_eq!(message.info.subscriber_key.as_deref(), Some("example1"));
}

/// The error of reading `json` as `T`, which must fail.
fn error<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str) -> String {
    serde_json::from_str::<T>(json).expect_err(json).to_string()
}

#[test]
fn malformed_payloads_are_errors_that_name_what_is_wrong() {
    let cases = [
        (
            error::<SmsEvent>(
                r#"{ "eventCategoryType": "TransactionalSendEvents.EmailSent", "info": {} }"#,
            ),
            r#"unknown SMS event kind "TransactionalSendEvents.EmailSent""#,
        ),
        (
            error::<SmsEvent>(
                r#"{ "eventCategoryType": "SmsDelivered", "info": { "messageKey": "m" } }"#,
            ),
            "an SmsDelivered event without a statusCode",
        ),
        (
            error::<SmsEvent>(
                r#"{ "eventCategoryType": "SmsDelivered", "info": { "messageKey": "m", "statusCode": "40O0" } }"#,
            ),
            r#"invalid SMS status "40O0""#,
        ),
        (
            error::<SmsEvent>(
                r#"{ "eventCategoryType": "SmsBounced", "info": { "messageKey": "m", "statusCode": "forty" } }"#,
            ),
            r#"info.statusCode: invalid SMS status "forty""#,
        ),
        (
            error::<SmsEvent>(
                r#"{ "eventCategoryType": "SmsDelivered", "messageKey": "m", "statusCode": 4000.5 }"#,
            ),
            "statusCode: 4000.5 is not a status code: a code is a whole number",
        ),
        (
            error::<SmsEvent>(
                r#"{ "eventCategoryType": "SmsSent", "timestampUTC": "yesterday", "info": { "messageKey": "m" } }"#,
            ),
            r#"invalid value: string "yesterday", expected a whole number"#,
        ),
        (
            error::<SmsEvent>(
                r#"{ "eventCategoryType": "SmsSent", "mid": -1, "info": { "messageKey": "m" } }"#,
            ),
            "invalid value: integer `-1`, expected a whole number from 0",
        ),
        (
            error::<SmsEvent>(
                r#"{ "eventCategoryType": "SmsSent", "info": { "messageKey": "m", "to": 1.5e10 } }"#,
            ),
            "invalid type: floating point `15000000000.0`, expected text, or an integer",
        ),
        (
            error::<SmsEvent>(r#"{ "eventCategoryType": "SmsSent", "info": { "to": "1" } }"#),
            "missing field `messageKey`",
        ),
        (
            error::<SmsEvent>(r#"{ "info": { "messageKey": "m" } }"#),
            "missing field `eventCategoryType`",
        ),
        (
            error::<Deliveries>(r#"{ "tracking": [ { "standardStatusCode": "4000" } ] }"#),
            "missing field `mobileNumber`",
        ),
        (
            error::<Deliveries>(
                r#"{ "tracking": [ { "mobileNumber": "1", "standardStatusCode": "70000" } ] }"#,
            ),
            r#"SMS status code "70000" is out of range"#,
        ),
        (
            error::<Deliveries>(r#"{ "status": "New", "status": "Finished" }"#),
            "duplicate field `status`",
        ),
        (
            error::<Deliveries>(r#"[ "not an object" ]"#),
            "expected a deliveries response object",
        ),
        (
            error::<NotSentMessages>(
                r#"{ "messages": [ { "eventCategoryType": "SMSNotSent" } ] }"#,
            ),
            "missing field `messageKey`",
        ),
        (
            error::<SmsEvent>(
                r#"{ "eventCategoryType": "SmsSent", "info": { "messageKey": " " } }"#,
            ),
            "missing field `messageKey`",
        ),
    ];
    for (message, named) in cases {
        assert!(message.contains(named), "{named:?} in: {message}");
    }
    // Errors found after an object was read still say where it ended.
    let located = error::<SmsEvent>(
        "{\n  \"eventCategoryType\": \"SmsDelivered\",\n  \"info\": { \"messageKey\": \"m\" }\n}",
    );
    assert!(located.ends_with("at line 4 column 1"), "{located}");
}

#[test]
fn fields_salesforce_adds_later_are_skipped() {
    let event: SmsEvent = serde_json::from_str(
        r#"{ "eventCategoryType": "TransactionalSendEvents.SmsTransient",
             "composite": { "jobId": "1", "batchId": "2", "listId": "3" },
             "newTopLevel": [1, 2, { "x": null }],
             "info": { "messageKey": "m", "statusCode": 3000, "carrier": "Example" } }"#,
    )
    .expect("reads");
    assert_eq!(event.status, EventStatus::Status(SmsStatus::Enroute));
}

#[test]
fn items_the_command_line_counted_and_the_library_refused_are_read_alike() {
    // A deliveries item whose code pandas wrote as a float.
    let deliveries: Deliveries = serde_json::from_str(
        r#"{ "tracking": [ { "mobileNumber": "15550100001", "standardStatusCode": 4000.0 } ] }"#,
    )
    .expect("reads");
    let item = &deliveries.tracking[0];
    assert_eq!(
        (item.mobile_number.as_str(), item.standard_status_code),
        ("15550100001", SmsStatus::Delivered)
    );

    // An event whose time, member ID and enterprise ID are strings.
    let event: SmsEvent = serde_json::from_str(
        r#"{ "eventCategoryType": "TransactionalSendEvents.SmsDelivered",
             "timestampUTC": "1790949799000", "mid": "100000001", "eid": "100000002",
             "info": { "messageKey": "m-001", "to": "15550100001", "statusCode": "4000" } }"#,
    )
    .expect("reads");
    assert_eq!(event.kind, EventKind::Delivered);
    assert_eq!(event.status, EventStatus::Status(SmsStatus::Delivered));
    assert_eq!(event.info.to.as_deref(), Some("15550100001"));
    assert_eq!(event.timestamp_utc, Some(1_790_949_799_000));
    assert_eq!(
        (event.mid, event.eid),
        (Some(100_000_001), Some(100_000_002))
    );

    // A not-sent item of a `?type=notSent` page with a reason in both
    // places: the page documents its items' statusCode at the top level.
    let message: NotSentMessage = serde_json::from_str(
        r#"{ "eventCategoryType": "TransactionalSendEvents.SMSNotSent", "statusCode": 24,
             "timestamp": "2018-12-17T13:05:40.947",
             "info": { "messageKey": "api-002", "statusCode": 47 } }"#,
    )
    .expect("reads");
    assert_eq!(message.kind, EventKind::NotSent);
    assert!(matches!(message.status, EventStatus::NotSent(Some(reason)) if reason.get() == 24));
    assert_eq!(
        message.timestamp.as_deref(),
        Some("2018-12-17T13:05:40.947")
    );
}
