//! The REST API's delivery report for a message sent to contacts:
//! `GET /sms/v1/messageContact/{messageId}/deliveries/{tokenId}`.

use serde_core::de;

use super::object::{required, wire_object};
use super::values::{Text, Whole};
use crate::SmsStatus;

/// The response of `GET /sms/v1/messageContact/{messageId}/deliveries/{tokenId}`:
/// the send, and one [`TrackingItem`] per status update for each number.
///
/// The updates come in the order the carriers sent them, which is not the
/// order they happened in; the highest code is a number's latest status
/// (`Ord` of the status enum). `S` is the status enum the codes are read
/// as: [`SmsStatus`], or one generated from a table of your own.
///
/// ```
/// use mobileconnect_status::SmsStatus;
/// use mobileconnect_status::payload::Deliveries;
///
/// let body = r#"{ "message": "Finished", "count": 1, "createDate": "2026-10-02T14:03:11.2",
///     "status": "Finished", "tracking": [
///     { "mobileNumber": "15550100001", "statusCode": "200", "message": "Carrier Success",
///       "standardStatusCode": "4000", "description": "Delivered to handset" },
///     { "mobileNumber": "15550100001", "statusCode": "20", "message": "NA",
///       "standardStatusCode": " 3002 ", "description": "Accepted by carrier" } ] }"#;
/// let deliveries: Deliveries = serde_json::from_str(body)?;
/// let latest = deliveries.tracking.iter().map(|item| item.standard_status_code).max();
/// assert_eq!(latest, Some(SmsStatus::Delivered));
/// // `statusCode` is the aggregator's own code, kept as text.
/// assert_eq!(deliveries.tracking[0].status_code.as_deref(), Some("200"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Deliveries<S = SmsStatus> {
    /// `message`: the text of the message sent.
    pub message: Option<String>,
    /// `count`: the numbers the send was for, less those unsubscribed (a
    /// number or a numeric string).
    pub count: Option<u64>,
    /// `createDate`: when the send was submitted, in Central Standard Time,
    /// as sent (`"2026-10-02T14:03:11.2"`). The documentation's example
    /// spells it `createDate` and its prose `createdDate`: both are read,
    /// and `createDate` wins when a response has both.
    pub create_date: Option<String>,
    /// `completeDate`: when the send completed, in Central Standard Time.
    pub complete_date: Option<String>,
    /// `status`: the send's own state, `Finished`, `Error`, `New`,
    /// `Queuing` or `Started`.
    pub status: Option<String>,
    /// `tracking`: the status updates, in the order they arrived; empty
    /// when the response has none yet.
    pub tracking: Vec<TrackingItem<S>>,
}

/// One status update for one mobile number, an item of a deliveries
/// response's `tracking`.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TrackingItem<S = SmsStatus> {
    /// `mobileNumber`, as text (a JSON integer is accepted too, and written
    /// in decimal).
    pub mobile_number: String,
    /// `standardStatusCode`: the status of the table, read by the status
    /// enum's own `Deserialize`: `"4000"`, padded `" 3002 "`, a number,
    /// a whole number written `4000.0` or `"4000.0"`, or a status name. A
    /// code the table does not list is kept; a fraction (`4000.5`) is an
    /// error.
    pub standard_status_code: S,
    /// `statusCode`: the aggregator's own code (`"200"`, `"20"`), not a code
    /// of the table.
    pub status_code: Option<String>,
    /// `message`: the aggregator's text for its code.
    pub message: Option<String>,
    /// `description`: Salesforce's words for the status, which are not the
    /// table's name (`"Delivered to handset"`).
    pub description: Option<String>,
}

wire_object! {
    "a deliveries response object with `tracking`"
    Deliveries<S> from RawDeliveries by deliveries {
        message: String = "message",
        count: Whole = "count",
        create_date: String = "createDate",
        // The spelling of the documentation's prose.
        created_date: String = "createdDate",
        complete_date: String = "completeDate",
        status: String = "status",
        tracking: Vec<TrackingItem<S>> = "tracking",
    }
}

wire_object! {
    "a tracking item with `mobileNumber` and `standardStatusCode`"
    TrackingItem<S> from RawTrackingItem by tracking_item {
        mobile_number: Text = "mobileNumber",
        standard_status_code: S = "standardStatusCode",
        status_code: Text = "statusCode",
        message: String = "message",
        description: String = "description",
    }
}

#[allow(
    clippy::unnecessary_wraps,
    reason = "the converter of every payload returns a Result"
)]
fn deliveries<S, E: de::Error>(raw: RawDeliveries<S>) -> Result<Deliveries<S>, E> {
    Ok(Deliveries {
        message: raw.message,
        count: raw.count.map(|count| count.0),
        create_date: raw.create_date.or(raw.created_date),
        complete_date: raw.complete_date,
        status: raw.status,
        tracking: raw.tracking.unwrap_or_default(),
    })
}

fn tracking_item<S, E: de::Error>(raw: RawTrackingItem<S>) -> Result<TrackingItem<S>, E> {
    Ok(TrackingItem {
        mobile_number: required(raw.mobile_number, "mobileNumber")?.0,
        standard_status_code: required(raw.standard_status_code, "standardStatusCode")?,
        status_code: raw.status_code.map(|code| code.0),
        message: raw.message,
        description: raw.description,
    })
}
