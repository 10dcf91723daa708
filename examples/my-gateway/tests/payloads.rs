//! With `mobileconnect-status`'s `serde` feature, our enum reads and writes
//! codes, and the crate's payload types read Salesforce's payloads into it.

#![deny(warnings)]

use mobileconnect_status::payload::{Deliveries, EventStatus, SmsEvent};
use my_gateway::{MyStatus, latest};

#[test]
fn statuses_are_written_as_codes_and_read_from_codes_and_names() {
    let statuses = [MyStatus::BlockedByOurGateway, MyStatus::from_code(4510)];
    let json = serde_json::to_string(&statuses).expect("writes");
    assert_eq!(json, "[4600,4510]");
    let read: Vec<MyStatus> =
        serde_json::from_str(r#"[4600, "4510", " 4000 ", "BlockedByOurGateway"]"#).expect("reads");
    assert_eq!(
        read,
        [
            MyStatus::BlockedByOurGateway,
            MyStatus::from_code(4510),
            MyStatus::Delivered,
            MyStatus::BlockedByOurGateway,
        ]
    );
    let error = serde_json::from_str::<MyStatus>(r#""46O0""#).expect_err("a typo");
    assert!(error.to_string().contains("46O0"), "{error}");
}

#[test]
fn the_rest_deliveries_response_reads_our_codes() {
    let body = r#"{ "status": "Finished", "tracking": [
        { "mobileNumber": "15550100001", "standardStatusCode": "2000" },
        { "mobileNumber": "15550100001", "standardStatusCode": "4600" },
        { "mobileNumber": "15550100002", "standardStatusCode": " 3002 " } ] }"#;
    let deliveries: Deliveries<MyStatus> = serde_json::from_str(body).expect("reads");
    let resolved = latest(
        deliveries
            .tracking
            .into_iter()
            .map(|item| (item.mobile_number, item.standard_status_code)),
    );
    assert_eq!(resolved["15550100001"], MyStatus::BlockedByOurGateway);
    assert_eq!(resolved["15550100002"], MyStatus::AcceptedByCarrier);
}

#[test]
fn an_event_reads_its_code_by_kind() {
    let bounced: SmsEvent<MyStatus> = serde_json::from_str(
        r#"{ "eventCategoryType": "TransactionalSendEvents.SmsBounced",
             "info": { "messageKey": "m-9", "statusCode": "4600" } }"#,
    )
    .expect("reads");
    assert_eq!(
        bounced.status,
        EventStatus::Status(MyStatus::BlockedByOurGateway)
    );
    let not_sent: SmsEvent<MyStatus> = serde_json::from_str(
        r#"{ "eventCategoryType": "TransactionalSendEvents.SmsNotSent",
             "info": { "messageKey": "m-10", "statusCode": "4600" } }"#,
    )
    .expect("reads");
    // The reason a message was not sent is never read as a status.
    assert_eq!(not_sent.status.status(), None);
}
