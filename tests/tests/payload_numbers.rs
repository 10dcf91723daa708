//! The payloads read codes, times and IDs in every form Salesforce and
//! people's tools write them: numbers, numeric strings with stray
//! whitespace, and whole numbers written `4000.0`, as pandas writes a
//! column with blanks. Mobile numbers and ordinals stay text. What is not a
//! number of its kind is an error that names it, never a silent zero.

use mobileconnect_status::payload::{
    Deliveries, EventStatus, MessageStatus, NotSentMessages, SmsEvent, TrackingItem,
};
use mobileconnect_status::{EventKind, SmsStatus};
use mobileconnect_status_tests::regenerated::Status;

fn tracking_item(code: &str) -> Result<TrackingItem, String> {
    let json = format!(r#"{{ "mobileNumber": "15550100001", "standardStatusCode": {code} }}"#);
    serde_json::from_str(&json).map_err(|error| error.to_string())
}

fn delivered_event(code: &str) -> Result<SmsEvent, String> {
    let json = format!(
        r#"{{ "eventCategoryType": "TransactionalSendEvents.SmsDelivered",
             "info": {{ "messageKey": "m-1", "statusCode": {code} }} }}"#
    );
    serde_json::from_str(&json).map_err(|error| error.to_string())
}

#[test]
fn a_status_code_reads_as_a_number_a_padded_string_a_whole_decimal_or_a_name() {
    for code in [
        "4000",
        "4000.0",
        r#""4000""#,
        r#"" 4000 ""#,
        r#""\t4000\n""#,
        r#""4000.0""#,
        r#"" 4000.00 ""#,
        r#""Delivered""#,
        r#""delivered""#,
    ] {
        assert_eq!(
            tracking_item(code).map(|item| item.standard_status_code),
            Ok(SmsStatus::Delivered),
            "standardStatusCode {code}"
        );
        assert_eq!(
            delivered_event(code).map(|event| event.status),
            Ok(EventStatus::Status(SmsStatus::Delivered)),
            "info.statusCode {code}"
        );
    }
}

#[test]
fn an_unlisted_code_is_kept_in_every_form() {
    for code in ["4510", "4510.0", r#""4510""#, r#""4510.0""#, r#"" 4510 ""#] {
        let item = tracking_item(code).expect("an unlisted code is kept");
        assert_eq!(item.standard_status_code.code(), 4510, "{code}");
        assert!(!item.standard_status_code.is_recognized());
        let event = delivered_event(code).expect("an unlisted code is kept");
        assert_eq!(event.status.status().map(SmsStatus::code), Some(4510));
    }
}

#[test]
fn a_code_with_a_fraction_is_an_error_saying_a_code_is_a_whole_number() {
    let reason = "is not a status code: a code is a whole number";
    for (code, shown) in [("4000.5", "4000.5"), (r#""4000.5""#, r#""4000.5""#)] {
        let error = tracking_item(code).expect_err(code);
        assert!(error.contains(&format!("{shown} {reason}")), "{error}");
        let error = delivered_event(code).expect_err(code);
        assert!(
            error.contains(&format!("info.statusCode: {shown} {reason}")),
            "{error}"
        );
    }
}

#[test]
fn a_table_generated_downstream_reads_the_same_forms() {
    let body = r#"{ "tracking": [
        { "mobileNumber": "15550100001", "standardStatusCode": 4000.0 },
        { "mobileNumber": "15550100001", "standardStatusCode": "4504.0" } ] }"#;
    let deliveries: Deliveries<Status> = serde_json::from_str(body).expect("reads");
    let codes: Vec<Status> = deliveries
        .tracking
        .iter()
        .map(|item| item.standard_status_code)
        .collect();
    assert_eq!(
        codes,
        [Status::Delivered, Status::FailedDueToUnknownSubscriber]
    );
}

fn event_with(fields: &str) -> Result<SmsEvent, String> {
    let json = format!(
        r#"{{ "eventCategoryType": "TransactionalSendEvents.SmsSent", {fields},
             "info": {{ "messageKey": "m-1" }} }}"#
    );
    serde_json::from_str(&json).map_err(|error| error.to_string())
}

#[test]
fn a_time_reads_as_milliseconds_in_a_number_or_in_text() {
    for time in [
        "1790949799000",
        r#""1790949799000""#,
        r#"" 1790949799000 ""#,
        "1790949799000.0",
        r#""1790949799000.0""#,
    ] {
        let event = event_with(&format!(r#""timestampUTC": {time}"#)).expect(time);
        assert_eq!(event.timestamp_utc, Some(1_790_949_799_000), "{time}");
    }
    let event = event_with(r#""timestampUTC": null"#).expect("null is no time");
    assert_eq!(event.timestamp_utc, None);
}

#[test]
fn a_time_that_is_no_whole_number_of_milliseconds_is_an_error_naming_it() {
    for (time, named) in [
        (r#""yesterday""#, r#"string "yesterday""#),
        (r#""1790949799000.5""#, r#"string "1790949799000.5""#),
        ("1790949799000.5", "floating point `1790949799000.5`"),
        ("-1", "integer `-1`"),
        (r#""""#, r#"string """#),
        ("true", "boolean `true`"),
        (
            r#""99999999999999999999""#,
            r#"string "99999999999999999999""#,
        ),
    ] {
        let error = event_with(&format!(r#""timestampUTC": {time}"#)).expect_err(time);
        assert!(
            error.contains(named) && error.contains("expected a whole number from 0"),
            "{time}: {error}"
        );
    }
}

#[test]
fn ids_read_as_numbers_or_as_numeric_strings() {
    // Some ENS event families send mid and eid as strings: they are the
    // same IDs, and must not cost the event.
    let event = event_with(r#""mid": "100000001", "eid": " 100000002 ""#).expect("reads");
    assert_eq!(event.mid, Some(100_000_001));
    assert_eq!(event.eid, Some(100_000_002));
    let event = event_with(r#""mid": 100000001, "eid": 100000002.0"#).expect("reads");
    assert_eq!(
        (event.mid, event.eid),
        (Some(100_000_001), Some(100_000_002))
    );

    let page: NotSentMessages = serde_json::from_str(
        r#"{ "lastEventID": "35774", "count": "1", "messages": [ {
             "eventCategoryType": "SMSNotSent", "statusCode": 24, "eventID": "35760",
             "info": { "messageKey": "m-1" } } ] }"#,
    )
    .expect("reads");
    assert_eq!(page.last_event_id, Some(35_774));
    assert_eq!(page.count, Some(1));
    assert_eq!(page.messages[0].event_id, Some(35_760));

    let deliveries: Deliveries = serde_json::from_str(r#"{ "count": "3" }"#).expect("reads");
    assert_eq!(deliveries.count, Some(3));
}

#[test]
fn an_id_in_the_request_parameters_spelling_is_read_and_the_documented_one_wins() {
    let page: NotSentMessages = serde_json::from_str(
        r#"{ "lastEventId": 35774, "messages": [
             { "eventCategoryType": "SMSNotSent", "eventId": 35760, "info": { "messageKey": "m-1" } },
             { "eventCategoryType": "SMSNotSent", "eventId": 1, "eventID": 35761,
               "info": { "messageKey": "m-2" } } ] }"#,
    )
    .expect("reads");
    assert_eq!(page.last_event_id, Some(35_774));
    assert_eq!(page.messages[0].event_id, Some(35_760));
    assert_eq!(page.messages[1].event_id, Some(35_761));
}

#[test]
fn mobile_numbers_and_ordinals_are_text_whether_sent_as_strings_or_integers() {
    let deliveries: Deliveries = serde_json::from_str(
        r#"{ "tracking": [
             { "mobileNumber": 15550100001, "standardStatusCode": "4000" },
             { "mobileNumber": "+1 (555) 010-0002", "standardStatusCode": "4000" } ] }"#,
    )
    .expect("reads");
    assert_eq!(deliveries.tracking[0].mobile_number, "15550100001");
    assert_eq!(deliveries.tracking[1].mobile_number, "+1 (555) 010-0002");

    let event: SmsEvent = serde_json::from_str(
        r#"{ "eventCategoryType": "SmsTransient",
             "info": { "messageKey": "m-1", "to": 15550100001, "ordinal": 0,
                       "fromAddress": 55501, "statusCode": 3001 } }"#,
    )
    .expect("reads");
    assert_eq!(event.kind, EventKind::Transient);
    assert_eq!(event.info.to.as_deref(), Some("15550100001"));
    assert_eq!(event.info.ordinal.as_deref(), Some("0"));
    assert_eq!(event.info.from_address.as_deref(), Some("55501"));
    let event: MessageStatus = serde_json::from_str(
        r#"{ "eventCategoryType": "SMSSent", "info": { "messageKey": "m-1", "to": "15550100001" } }"#,
    )
    .expect("reads");
    assert_eq!(event.info.to.as_deref(), Some("15550100001"));
}

#[test]
fn a_mobile_number_as_a_float_or_a_negative_integer_is_refused() {
    // A float may have lost a number's digits, and `-` is a separator
    // people type, so "-15550100001" would read as someone's number.
    for number in ["15550100001.0", "1.5e10", "-15550100001"] {
        let json = format!(r#"{{ "mobileNumber": {number}, "standardStatusCode": "4000" }}"#);
        let error = serde_json::from_str::<TrackingItem>(&json).expect_err(number);
        assert!(
            error.to_string().contains("expected text, or an integer"),
            "{number}: {error}"
        );
    }
}
