//! Every row's classification equals the decided table in
//! `fixtures/classification.md`, and unlisted codes follow the stated rule.

use mobileconnect_status::{Action, CodeKind, Finality, Outcome, SmsStatus, Stage};
use mobileconnect_status_tests::{fixture, numbered_markdown_rows};

/// `final` as the decided table writes it.
fn finality(status: SmsStatus) -> &'static str {
    match (
        status.is_final_for(CodeKind::Dedicated),
        status.is_final_for(CodeKind::Shared),
    ) {
        (true, true) => "yes",
        (false, true) => "shared codes only",
        (false, false) => "no",
        (true, false) => "final for dedicated codes only",
    }
}

#[test]
fn every_listed_code_is_classified_as_decided() {
    let decided = numbered_markdown_rows(&fixture("classification.md"));
    assert_eq!(decided.len(), SmsStatus::ALL.len());
    for row in decided {
        let code: u16 = row[0].parse().expect("a code");
        let status = SmsStatus::from_code(code);
        let actual = [
            status.name().unwrap_or("<unlisted>"),
            status.stage().map_or("<none>", Stage::as_str),
            status.outcome().as_str(),
            finality(status),
            status.action().as_str(),
        ];
        let expected: Vec<&str> = row[1..6].iter().map(String::as_str).collect();
        assert_eq!(
            actual.as_slice(),
            expected.as_slice(),
            "classification of {code}"
        );
    }
}

#[test]
fn predicates_agree_with_the_classification() {
    for &status in SmsStatus::ALL {
        assert_eq!(
            status.is_pending(),
            status.outcome() == Outcome::Pending,
            "{status}"
        );
        assert_eq!(
            status.is_delivered(),
            status.outcome() == Outcome::Delivered,
            "{status}"
        );
        assert_eq!(
            status.is_failure(),
            status.outcome() == Outcome::Failed,
            "{status}"
        );
        assert_eq!(
            status.is_retryable(),
            status.action() == Action::RetryLater,
            "{status}"
        );
        assert_eq!(
            status.is_final(),
            status.is_final_for(CodeKind::Dedicated),
            "{status}"
        );
    }
}

#[test]
fn unlisted_codes_are_classified_conservatively() {
    let cases = [
        (999, None),
        (1234, Some(Stage::SendService)),
        (2999, Some(Stage::Aggregator)),
        (3500, Some(Stage::Carrier)),
        (4510, Some(Stage::Handset)),
        (5000, None),
        (0, None),
        (u16::MAX, None),
    ];
    for (code, stage) in cases {
        let status = SmsStatus::from_code(code);
        assert!(!status.is_recognized(), "{code} is not in the table");
        assert_eq!(status.stage(), stage, "stage of {code}");
        assert_eq!(status.outcome(), Outcome::Unknown, "outcome of {code}");
        assert_eq!(status.action(), Action::Investigate, "action of {code}");
        assert!(
            !status.is_final_for(CodeKind::Shared) && !status.is_final(),
            "{code} is not final"
        );
        assert_eq!(status.finality(), Finality::No, "finality of {code}");
        assert_eq!(
            (status.name(), status.definition(), status.note()),
            (None, None, None)
        );
    }
}

#[test]
fn notes_give_the_reason_where_the_decision_needs_one() {
    let decided = numbered_markdown_rows(&fixture("classification.md"));
    for row in decided {
        let status = SmsStatus::from_code(row[0].parse().expect("a code"));
        let has_reason = !row[6].is_empty();
        assert_eq!(status.note().is_some(), has_reason, "note of {status}");
    }
}
