//! The SQL `sms-status` writes, run in SQLite, classifies every listed code
//! and a spread of unlisted ones exactly as the library does: `list
//! --format sql` row by row, and `query` when each code is the newest
//! status of a number.

use crate::common;
use crate::sql_engine;

use std::collections::BTreeMap;

use common::sms_status;
use mobileconnect_status::{Action, CodeKind, SmsStatus, Stage};
use sql_engine::{TrackingRow, classification, classification_for, query, tracking_table};

/// Every listed code, the unlisted codes next to each, the edges of every
/// block of a thousand up to 5999 (where an unlisted code's stage
/// changes), and the extremes.
fn codes() -> Vec<u16> {
    let mut codes: Vec<u16> = Vec::new();
    for status in SmsStatus::ALL {
        let code = status.code();
        codes.extend([code.saturating_sub(1), code, code.saturating_add(1)]);
    }
    for block in 0..=5 {
        codes.extend([block * 1000, block * 1000 + 999]);
    }
    codes.extend([9999, 10_000, u16::MAX]);
    codes.sort_unstable();
    codes.dedup();
    codes
}

#[test]
fn the_spread_holds_unlisted_codes_of_every_stage_and_of_none() {
    let unlisted: Vec<SmsStatus> = codes()
        .into_iter()
        .map(SmsStatus::from_code)
        .filter(|status| !status.is_recognized())
        .collect();
    for stage in Stage::ALL {
        assert!(
            unlisted.iter().any(|status| status.stage() == Some(*stage)),
            "no unlisted {stage} code"
        );
    }
    assert!(unlisted.iter().any(|status| status.stage().is_none()));
}

/// One message per code, each to a number of its own, plus a row without a
/// code.
fn one_row_per_code() -> Vec<TrackingRow> {
    let mut rows: Vec<TrackingRow> = codes()
        .into_iter()
        .map(|code| TrackingRow {
            id: Some(i64::from(code) + 1),
            mobile: Some(number_of(code)),
            created: Some("2026-10-02 14:03:11".to_owned()),
            code: Some(i64::from(code)),
        })
        .collect();
    rows.push(TrackingRow {
        id: Some(0),
        mobile: Some("15559999999".to_owned()),
        created: Some("2026-10-02 14:03:11".to_owned()),
        code: None,
    });
    rows
}

#[test]
fn list_sql_classifies_every_code_as_the_library_does() {
    let run = sms_status(&["list", "--format", "sql"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let connection = tracking_table("_SMSMessageTracking", &one_row_per_code());
    let (columns, rows) = query(&connection, &run.stdout);
    assert_eq!(
        columns,
        [
            "MobileMessageTrackingID",
            "Mobile",
            "SMSStandardStatusCodeId",
            "SmsStatus",
            "SmsStage",
            "SmsOutcome",
            "SmsFinal",
            "SmsAction"
        ]
    );
    let mut by_code: BTreeMap<Option<u16>, Vec<Option<String>>> = BTreeMap::new();
    for row in rows {
        let code = row[2].as_deref().map(|code| code.parse().expect("a code"));
        assert!(
            by_code.insert(code, row[3..].to_vec()).is_none(),
            "{code:?} twice"
        );
    }
    assert_eq!(
        by_code.remove(&None),
        Some(vec![None; 5]),
        "no code, no class"
    );
    let expected: BTreeMap<Option<u16>, Vec<Option<String>>> = codes()
        .into_iter()
        .map(|code| {
            let status = SmsStatus::from_code(code);
            (Some(code), classification(status, status.finality()))
        })
        .collect();
    assert_eq!(by_code, expected);
}

/// The `Mobile` each code's message goes to in [`one_row_per_code`].
fn number_of(code: u16) -> String {
    format!("1555{code:07}")
}

fn run_query(args: &[&str]) -> (Vec<String>, Vec<Vec<Option<String>>>) {
    let run = sms_status(args);
    assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
    let connection = tracking_table("_SMSMessageTracking", &one_row_per_code());
    query(&connection, &run.stdout)
}

#[test]
fn query_lists_hold_the_numbers_whose_status_calls_for_their_action() {
    for (list, action) in [
        ("suppress-list", Action::SuppressNumber),
        ("retry-list", Action::RetryLater),
    ] {
        for kind in ["shared", "dedicated"] {
            let (_, rows) = run_query(&["query", list, "--code-kind", kind]);
            let mut numbers: Vec<String> = rows
                .into_iter()
                .map(|row| row[0].clone().expect("a number"))
                .collect();
            numbers.sort_unstable();
            let expected: Vec<String> = codes()
                .into_iter()
                .filter(|&code| SmsStatus::from_code(code).action() == action)
                .map(number_of)
                .collect();
            assert!(!expected.is_empty(), "{action}");
            assert_eq!(numbers, expected, "{list} --code-kind {kind}");
        }
    }
}

#[test]
fn query_report_counts_each_code_with_the_library_classification() {
    for kind in [CodeKind::Shared, CodeKind::Dedicated] {
        let (_, rows) = run_query(&["query", "report", "--code-kind", kind.as_str()]);
        let report: BTreeMap<u16, Vec<Option<String>>> = rows
            .into_iter()
            .map(|row| {
                let code = row[0].as_deref().expect("a code").parse().expect("a code");
                (code, row[1..].to_vec())
            })
            .collect();
        let expected: BTreeMap<u16, Vec<Option<String>>> = codes()
            .into_iter()
            .map(|code| {
                let status = SmsStatus::from_code(code);
                let mut words = classification_for(status, kind);
                words.push(Some("1".to_owned()));
                (code, words)
            })
            .collect();
        assert_eq!(report, expected, "--code-kind {kind}");
    }
}
