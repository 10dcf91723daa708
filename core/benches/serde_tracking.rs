//! `serde_json` deserialization of 100,000 tracking items, with the status
//! code field typed as `SmsStatus`, as a `String` and as a raw `u16`; every
//! other field is the same, so the differences are the field's own cost.
//!
//! Two payloads: the REST deliveries shape, where `standardStatusCode` is a
//! string (some padded), and the extract shape, where the code is a number.
//! A `u16` cannot read a string, so on the REST payload it goes through the
//! small parse-the-string wrapper users write for it.

mod workload;

use std::fmt;
use std::fmt::Write as _;
use std::hint::black_box;

use divan::Bencher;
use divan::counter::ItemsCount;
use mobileconnect_status::SmsStatus;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use workload::Random;

/// Items per payload.
const ITEMS: usize = 100_000;

fn main() {
    divan::main();
}

/// One item of `tracking[]`, generic over how the status code is held.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TrackingItem<Code> {
    mobile_number: String,
    status_code: String,
    message: String,
    standard_status_code: Code,
    description: String,
}

/// One extract row with the code as a number.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ExtractRow<Code> {
    mobile: String,
    description: String,
    #[serde(rename = "SMSStandardStatusCodeId")]
    status_code: Code,
}

/// What the check before timing reads back from a parsed item.
trait Parsed {
    /// The status code, however the item holds it.
    fn code(&self) -> u16;
    /// The mobile number, to check the other fields were read too.
    fn mobile(&self) -> &str;
    /// The free-text fields, none of which the payloads leave empty.
    fn texts(&self) -> Vec<&str>;
}

/// How each field type gives back its code number.
trait CodeField {
    fn number(&self) -> u16;
}

impl CodeField for SmsStatus {
    fn number(&self) -> u16 {
        self.code()
    }
}

impl CodeField for String {
    fn number(&self) -> u16 {
        // The check compares with the generated codes, so a field that does
        // not hold one must fail it rather than be skipped.
        self.trim().parse().unwrap_or(u16::MAX)
    }
}

impl CodeField for CodeInString {
    fn number(&self) -> u16 {
        self.0
    }
}

impl CodeField for u16 {
    fn number(&self) -> u16 {
        *self
    }
}

impl<Code: CodeField> Parsed for TrackingItem<Code> {
    fn code(&self) -> u16 {
        self.standard_status_code.number()
    }
    fn mobile(&self) -> &str {
        &self.mobile_number
    }
    fn texts(&self) -> Vec<&str> {
        vec![&self.status_code, &self.message, &self.description]
    }
}

impl<Code: CodeField> Parsed for ExtractRow<Code> {
    fn code(&self) -> u16 {
        self.status_code.number()
    }
    fn mobile(&self) -> &str {
        &self.mobile
    }
    fn texts(&self) -> Vec<&str> {
        vec![&self.description]
    }
}

/// A `u16` read from a decimal string, as users wrap it for the REST wire.
struct CodeInString(u16);

impl<'de> Deserialize<'de> for CodeInString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(CodeInStringVisitor)
    }
}

struct CodeInStringVisitor;

impl Visitor<'_> for CodeInStringVisitor {
    type Value = CodeInString;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal status code from 0 to 65535 in a string")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<CodeInString, E> {
        value
            .trim()
            .parse()
            .map(CodeInString)
            .map_err(|_| E::invalid_value(de::Unexpected::Str(value), &self))
    }
}

/// Message text and description by code, as the aggregator words them.
fn wording(code: u16) -> (&'static str, &'static str) {
    match SmsStatus::from_code(code).name() {
        Some("Delivered") => ("Carrier Success", "Delivered to handset"),
        Some("DeliveredToAggregator") => (
            "DELIVERED TO aggregator",
            "Message was Delivered to Aggregator",
        ),
        Some(_) => ("NA", "Message status update"),
        None => ("Carrier opt-out", "A code this table does not list yet"),
    }
}

/// The REST deliveries `tracking` array: codes as strings, one in eight
/// padded with spaces, as seen in real responses.
fn rest_payload() -> Payload {
    let mut random = Random::new(0x00AE_57ED);
    let codes = workload::codes(ITEMS, &mut random);
    let mut json = String::with_capacity(ITEMS * 160);
    json.push('[');
    for (index, &code) in codes.iter().enumerate() {
        let (message, description) = wording(code);
        let padding = if random.below(8) == 0 { " " } else { "" };
        if index > 0 {
            json.push(',');
        }
        write!(
            json,
            r#"{{"mobileNumber":"1555{:07}","statusCode":"{}","message":"{message}","standardStatusCode":"{padding}{code}{padding}","description":"{description}"}}"#,
            random.below(10_000_000),
            random.below(300),
        )
        .expect("writing to a String cannot fail");
    }
    json.push(']');
    Payload { json, codes }
}

/// Extract rows: the code as a JSON number.
fn extract_payload() -> Payload {
    let mut random = Random::new(0x00E7_7AC7);
    let codes = workload::codes(ITEMS, &mut random);
    let mut json = String::with_capacity(ITEMS * 110);
    json.push('[');
    for (index, &code) in codes.iter().enumerate() {
        let (_, description) = wording(code);
        if index > 0 {
            json.push(',');
        }
        write!(
            json,
            r#"{{"Mobile":"1555{:07}","Description":"{description}","SMSStandardStatusCodeId":{code}}}"#,
            random.below(10_000_000),
        )
        .expect("writing to a String cannot fail");
    }
    json.push(']');
    Payload { json, codes }
}

/// A generated JSON array and the code each item carries.
struct Payload {
    json: String,
    codes: Vec<u16>,
}

/// Deserializes the whole payload per iteration; the parsed items are
/// dropped outside the timing.
fn deserialize_all<Item: Parsed + for<'de> Deserialize<'de>>(
    bencher: Bencher<'_, '_>,
    payload: &Payload,
) {
    // Before timing: every item parses, with the code it was written with.
    let parsed: Vec<Item> =
        serde_json::from_str(&payload.json).expect("the generated payload parses");
    let read: Vec<u16> = parsed.iter().map(Parsed::code).collect();
    assert!(
        read == payload.codes,
        "the parsed codes differ from the generated ones"
    );
    assert!(
        parsed
            .iter()
            .all(|item| item.mobile().len() == 11
                && item.texts().iter().all(|text| !text.is_empty())),
        "every text field was read"
    );
    let json = payload.json.as_str();
    bencher
        .counter(ItemsCount::new(ITEMS))
        .bench_local(|| serde_json::from_str::<Vec<Item>>(black_box(json)).expect("parses"));
}

/// REST payload, codes as strings.
#[divan::bench_group(sample_count = 50, sample_size = 1)]
mod rest_string_codes {
    use super::{Bencher, CodeInString, SmsStatus, TrackingItem, deserialize_all, rest_payload};

    #[divan::bench]
    fn typed_sms_status(bencher: Bencher<'_, '_>) {
        deserialize_all::<TrackingItem<SmsStatus>>(bencher, &rest_payload());
    }

    #[divan::bench]
    fn string_field(bencher: Bencher<'_, '_>) {
        deserialize_all::<TrackingItem<String>>(bencher, &rest_payload());
    }

    #[divan::bench]
    fn u16_parsed_from_string(bencher: Bencher<'_, '_>) {
        deserialize_all::<TrackingItem<CodeInString>>(bencher, &rest_payload());
    }
}

/// Extract rows, codes as numbers.
#[divan::bench_group(sample_count = 50, sample_size = 1)]
mod extract_numeric_codes {
    use super::{Bencher, ExtractRow, SmsStatus, deserialize_all, extract_payload};

    #[divan::bench]
    fn typed_sms_status(bencher: Bencher<'_, '_>) {
        deserialize_all::<ExtractRow<SmsStatus>>(bencher, &extract_payload());
    }

    #[divan::bench]
    fn raw_u16(bencher: Bencher<'_, '_>) {
        deserialize_all::<ExtractRow<u16>>(bencher, &extract_payload());
    }
}
