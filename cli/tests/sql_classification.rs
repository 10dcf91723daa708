//! The SQL `sms-status` writes, run in SQLite, classifies every listed code
//! and a spread of unlisted ones exactly as the library does.

mod common;
mod sql_engine;

use std::collections::BTreeMap;

use common::sms_status;
use mobileconnect_status::{SmsStatus, Stage};
use sql_engine::{TrackingRow, query, tracking_table};

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
            id: i64::from(code) + 1,
            mobile: Some(format!("1555{code:07}")),
            created: Some("2026-10-02 14:03:11".to_owned()),
            code: Some(i64::from(code)),
        })
        .collect();
    rows.push(TrackingRow {
        id: 0,
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
            let words = vec![
                status.name().map(str::to_owned),
                status.stage().map(|stage| stage.as_str().to_owned()),
                Some(status.outcome().as_str().to_owned()),
                Some(status.finality().as_str().to_owned()),
                Some(status.action().as_str().to_owned()),
            ];
            (Some(code), words)
        })
        .collect();
    assert_eq!(by_code, expected);
}
