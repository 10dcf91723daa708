//! The breakdowns the HTML report draws, as the JSON report gives them:
//! messages per Marketing Cloud day, how far messages got, and which codes
//! failed.

use crate::common;

use common::{json_report, scratch_file};
use serde_json::{Value, json};

const SAMPLE: &str = "samples/sms-message-tracking.csv";

/// `(date, total, delivered)` of each day in a report.
fn days(report: &Value) -> Vec<(String, u64, u64)> {
    report["over_time"]["days"]
        .as_array()
        .expect("days")
        .iter()
        .map(|day| {
            (
                day["date"].as_str().expect("a date").to_owned(),
                day["total"].as_u64().expect("a total"),
                day["delivered"].as_u64().expect("a count"),
            )
        })
        .collect()
}

#[test]
fn messages_count_on_the_day_marketing_cloud_shows() {
    let extract = scratch_file(
        "days.csv",
        "MobileMessageTrackingID,Mobile,CreateDateTime,SMSStandardStatusCodeId\n\
         1,15550100001,2/5/2025 11:59:59 PM,4000\n\
         2,15550100002,2/5/2025 12:00:00 AM,4504\n\
         3,15550100003,2025-02-06T05:59:00Z,4000\n\
         4,15550100004,2/6/2025 12:00:00 AM,2000\n\
         5,15550100005,,4000\n\
         6,15550100006,2/9/2025 1:00:00 PM,4501\n",
    );
    let (report, run) = json_report(&[extract.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(report["over_time"]["time_zone"], "UTC-06:00");
    // 05:59 UTC on 2/6 is 11:59 PM on 2/5 in Marketing Cloud's time.
    assert_eq!(
        days(&report),
        [
            ("2025-02-05".to_owned(), 3, 2),
            ("2025-02-06".to_owned(), 1, 0),
            ("2025-02-09".to_owned(), 1, 0),
        ]
    );
    assert_eq!(report["over_time"]["messages_without_time"], 1);
    let feb_6 = &report["over_time"]["days"][1];
    assert_eq!(
        feb_6["outcomes"]["pending"], 1,
        "2000 waits on dedicated codes"
    );
    let (shared, _) = json_report(&["--code-kind", "shared", extract.to_str().unwrap()]);
    let feb_6 = &shared["over_time"]["days"][1];
    assert_eq!(
        feb_6["outcomes"]["unknown"], 1,
        "and is the last word on shared ones"
    );
}

#[test]
fn events_count_on_the_day_of_their_earliest_time_and_every_message_once() {
    let (report, run) = json_report(&["samples/ens-sms-events.json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // 1790949791000 ms is 2026-10-02T14:03:11Z: 8:03 AM in Marketing Cloud.
    let days = report["over_time"]["days"].as_array().expect("days");
    assert_eq!(days.len(), 1);
    assert_eq!(days[0]["date"], "2026-10-02");
    assert_eq!(days[0]["total"], report["messages"]["total"]);
    assert_eq!(days[0]["not_sent"], 1);
    assert_eq!(
        days[0]["outcomes"]["failed"], 2,
        "a message never sent failed"
    );
}

#[test]
fn the_funnel_counts_each_message_at_the_last_stage_it_reached() {
    let (report, _) = json_report(&[SAMPLE]);
    // 4000, 4504, 4501, 4510 reached the handset; 2000 and 2600 stopped at
    // the aggregator.
    assert_eq!(
        report["funnel"],
        json!({
            "messages": 6,
            "not_sent": 0,
            "no_stage": 0,
            "stages": [
                { "stage": "send-service", "reached": 6, "ended_pending": 0, "ended_delivered": 0, "ended_failed": 0, "ended_unknown": 0 },
                { "stage": "aggregator", "reached": 6, "ended_pending": 1, "ended_delivered": 0, "ended_failed": 1, "ended_unknown": 0 },
                { "stage": "carrier", "reached": 4, "ended_pending": 0, "ended_delivered": 0, "ended_failed": 0, "ended_unknown": 0 },
                { "stage": "handset", "reached": 4, "ended_pending": 0, "ended_delivered": 1, "ended_failed": 2, "ended_unknown": 1 },
            ],
            "delivered": 1,
        })
    );
    let (events, _) = json_report(&["samples/ens-sms-events.json"]);
    assert_eq!(events["funnel"]["not_sent"], 1);
    assert_eq!(events["funnel"]["stages"][0]["reached"], 2);
}

#[test]
fn failure_codes_are_the_failed_and_unknown_the_most_messages_first() {
    let extract = scratch_file(
        "failures.csv",
        "MobileMessageTrackingID,Mobile,CreateDateTime,SMSStandardStatusCodeId\n\
         1,15550100001,3/1/2021 9:00:00 AM,4504\n\
         2,15550100001,3/1/2022 9:00:00 AM,4000\n\
         3,15550100002,3/1/2022 9:00:00 AM,4504\n\
         4,15550100003,3/1/2022 9:00:00 AM,4510\n\
         5,15550100004,3/1/2022 9:00:00 AM,3400\n\
         6,15550100005,3/1/2022 9:00:00 AM,3400\n\
         7,15550100006,3/1/2022 9:00:00 AM,3001\n",
    );
    let (report, _) = json_report(&[extract.to_str().unwrap()]);
    // 4504 failed twice, but 15550100001's newer message was delivered.
    assert_eq!(
        report["failure_codes"],
        json!([
            { "code": 3400, "status": "Unknown", "outcome": "unknown", "messages": 2, "recipients": 2 },
            { "code": 4504, "status": "FailedDueToUnknownSubscriber", "outcome": "failed", "messages": 2, "recipients": 1 },
            { "code": 4510, "status": null, "outcome": "unknown", "messages": 1, "recipients": 1 },
        ])
    );
}
