//! One reading of each API shape: triage reads every JSON item through
//! core's payload types, so what it tells its resolver of each item is what
//! a Rust service reading the same bytes with `mobileconnect_status::payload`
//! sees: the same code, kind, reason, number and time.
//!
//! The items: every JSON sample shipped (`cli/samples`, the same files as
//! the shared samples), the fixtures of every layout, and the four items on
//! which the command line and the library once disagreed
//! (`fixtures/payloads-disagreed.jsonl`: a code written `4000.0`, a
//! `timestampUTC` as text, a not-sent item with a reason at its top and
//! another in `info`, `mid` and `eid` as text).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use mobileconnect_status::SmsStatus;
use mobileconnect_status::payload::{
    Deliveries, EventInfo, EventStatus, MessageStatus, NotSentMessages, SmsEvent,
};
use mobileconnect_status_cli::{Told, triage_reads};
use serde_json::Value;

const FILES: [&str; 6] = [
    "samples/ens-sms-events.json",
    "samples/message-contact-deliveries.json",
    "tests/fixtures/ens-batches.json",
    "tests/fixtures/events.jsonl",
    "tests/fixtures/transactional-api.json",
    "tests/fixtures/payloads-disagreed.jsonl",
];

fn path(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(file)
}

/// What the library reads of one item, in the terms triage tells them.
#[derive(Debug, PartialEq, Eq)]
struct Item {
    code: Option<u16>,
    key: String,
    status: EventStatus,
    reason: Option<String>,
    /// The number's digits, as the lists write them.
    number: Option<String>,
    /// Milliseconds for ENS's `timestampUTC`; for a text time, only that
    /// there is one (its reading as a time is triage's, not the library's).
    time: Option<i64>,
    timed: bool,
}

/// Digits alone, the form the samples' numbers take once read.
fn digits(number: &str) -> String {
    number.chars().filter(char::is_ascii_digit).collect()
}

fn from_info(status: EventStatus, info: &EventInfo, time: Option<i64>, timed: bool) -> Item {
    let reason = match status {
        EventStatus::NotSent(reason) => Some(
            reason
                .map(|reason| reason.to_string())
                .or_else(|| info.status_code.clone())
                .unwrap_or_default(),
        ),
        _ => None,
    };
    Item {
        code: status.status().map(SmsStatus::code),
        key: info.message_key.clone(),
        status,
        reason,
        number: info.to.as_deref().map(digits),
        time,
        timed,
    }
}

/// A file read two ways: its events, each deliveries response's numbers
/// with their highest code and whether the response has a time, and the
/// codes of every row.
struct Reading {
    events: Vec<Item>,
    deliveries: BTreeSet<(String, u16, bool)>,
    codes: Vec<u16>,
}

/// The JSON values of `file`: its documents, or its lines (a line that is
/// not JSON is no item, to either reader).
fn values(file: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(path(file)).expect("the file");
    if Path::new(file)
        .extension()
        .is_some_and(|extension| extension == "jsonl")
    {
        text.lines()
            .filter_map(|line| serde_json::from_str(line).ok())
            .collect()
    } else {
        serde_json::Deserializer::from_str(&text)
            .into_iter::<Value>()
            .map(|value| value.expect("a document"))
            .collect()
    }
}

/// The library's reading of every item of `file`.
fn library(file: &str) -> Reading {
    let mut reading = Reading {
        events: Vec::new(),
        deliveries: BTreeSet::new(),
        codes: Vec::new(),
    };
    let items = values(file).into_iter().flat_map(|value| match value {
        Value::Array(items) => items,
        item => vec![item],
    });
    for item in items {
        if item.get("tracking").is_some() {
            let response: Deliveries = serde_json::from_value(item).expect("deliveries");
            let timed = response.create_date.is_some();
            let mut highest = std::collections::BTreeMap::new();
            for delivery in response.tracking {
                let code = delivery.standard_status_code.code();
                reading.codes.push(code);
                let seen = highest
                    .entry(digits(&delivery.mobile_number))
                    .or_insert(code);
                *seen = (*seen).max(code);
            }
            let numbers = highest
                .into_iter()
                .map(|(number, code)| (number, code, timed));
            reading.deliveries.extend(numbers);
            continue;
        }
        let event = if item.get("messages").is_some() {
            let page: NotSentMessages = serde_json::from_value(item).expect("a page");
            for message in page.messages {
                let timed = message.timestamp.is_some();
                reading
                    .events
                    .push(from_info(message.status, &message.info, None, timed));
            }
            continue;
        } else if item.get("timestampUTC").is_some() {
            let event: SmsEvent = serde_json::from_value(item).expect("an ENS event");
            let time = event
                .timestamp_utc
                .map(|millis| i64::try_from(millis).expect("ms"));
            from_info(event.status, &event.info, time, time.is_some())
        } else {
            let answer: MessageStatus = serde_json::from_value(item).expect("an answer");
            let timed = answer.timestamp.is_some();
            from_info(answer.status, &answer.info, None, timed)
        };
        reading.events.push(event);
    }
    reading
        .codes
        .extend(reading.events.iter().filter_map(|event| event.code));
    reading.codes.sort_unstable();
    reading
}

/// Triage's reading of `file`, in the same terms. The only bad rows a
/// shipped file may hold are lines that are not JSON.
fn triage(file: &str) -> Reading {
    let told = triage_reads(path(file)).unwrap_or_else(|failure| panic!("{file}: {failure}"));
    let mut reading = Reading {
        events: Vec::new(),
        deliveries: BTreeSet::new(),
        codes: Vec::new(),
    };
    for told in told {
        match told {
            Told::Row(code) => reading.codes.extend(code),
            Told::Message { number, time, code } => {
                reading.deliveries.insert((number, code, time.is_some()));
            }
            Told::Event {
                key,
                number,
                time,
                status,
                reason,
            } => reading.events.push(Item {
                code: status.status().map(SmsStatus::code),
                key,
                status,
                reason: reason.map(|(code, _)| code),
                number,
                time,
                timed: time.is_some(),
            }),
            Told::Bad { line, problem } => assert!(
                problem.starts_with("broken JSON line"),
                "{file}:{line}: a bad row: {problem}"
            ),
        }
    }
    reading.codes.sort_unstable();
    reading
}

#[test]
fn triage_reads_each_item_as_the_library_does() {
    for file in FILES {
        let library = library(file);
        let mut triage = triage(file);
        // A text time is the library's text: only its being there is
        // compared; ENS's milliseconds are compared exactly.
        for (event, library) in triage.events.iter_mut().zip(&library.events) {
            if library.time.is_none() {
                event.time = None;
            }
        }
        assert_eq!(triage.events, library.events, "{file}: events");
        assert_eq!(triage.deliveries, library.deliveries, "{file}: deliveries");
        assert_eq!(triage.codes, library.codes, "{file}: the codes of the rows");
    }
}

#[test]
fn the_items_the_two_once_read_apart_are_read_alike() {
    let reading = triage("tests/fixtures/payloads-disagreed.jsonl");
    let deliveries: Vec<_> = reading.deliveries.into_iter().collect();
    assert_eq!(
        deliveries,
        [("15550100001".to_owned(), 4000, true)],
        "4000.0 is 4000"
    );
    let events = reading.events;
    assert_eq!(
        events[0].time,
        Some(1_790_949_799_000),
        "a time sent as text"
    );
    assert_eq!(
        events[1].reason.as_deref(),
        Some("24"),
        "the page's own statusCode"
    );
    assert_eq!(
        events[2].code,
        Some(4504),
        "mid and eid as text fail nothing"
    );
}
