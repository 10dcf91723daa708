//! `sms-status explain`: definitions and classifications in plain words.

use crate::common;

use common::{sms_status, sms_status_with_stdin};
use mobileconnect_status::SmsStatus;

#[test]
fn explains_a_code_with_its_definition_and_classification() {
    let run = sms_status(&["explain", "4504"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let status = SmsStatus::FailedDueToUnknownSubscriber;
    let out = &run.stdout;
    assert!(
        out.starts_with("4504 FailedDueToUnknownSubscriber\n"),
        "{out}"
    );
    assert!(
        out.contains(status.definition().expect("a definition")),
        "{out}"
    );
    assert!(out.contains("stage:   handset"), "{out}");
    assert!(out.contains("outcome: failed"), "{out}");
    assert!(out.contains("final:   yes"), "{out}");
    assert!(
        out.contains("action:  suppress-number — stop sending to this mobile number"),
        "{out}"
    );
    assert!(out.contains(status.note().expect("a note")), "{out}");
}

#[test]
fn names_and_codes_explain_the_same_status() {
    let by_name = sms_status(&["explain", "deliveredtoaggregator"]);
    let by_code = sms_status(&["explain", " 2000 "]);
    assert_eq!(by_name.code, 0, "{}", by_name.stderr);
    assert_eq!(by_name.stdout, by_code.stdout);
    assert!(
        by_name.stdout.contains("final:   shared-codes-only"),
        "{}",
        by_name.stdout
    );
}

#[test]
fn an_unlisted_code_is_explained_conservatively() {
    let run = sms_status(&["explain", "4510"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = &run.stdout;
    assert!(out.starts_with("4510: not in this table: "), "{out}");
    assert!(out.contains("stage:   handset"), "{out}");
    assert!(out.contains("thousands digit"), "{out}");
    assert!(out.contains("outcome: unknown"), "{out}");
    assert!(out.contains("final:   no"), "{out}");
    assert!(out.contains("action:  investigate"), "{out}");
}

#[test]
fn unparsable_input_is_named_and_exits_2_after_explaining_the_rest() {
    let run = sms_status(&["explain", "4000", "40O0", "70000"]);
    assert_eq!(run.code, 2);
    assert!(run.stdout.starts_with("4000 Delivered\n"), "{}", run.stdout);
    assert!(run.stderr.contains("\"40O0\""), "{}", run.stderr);
    assert!(run.stderr.contains("\"70000\""), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 2, "{}", run.stderr);
}

#[test]
fn explain_without_a_code_is_a_usage_error() {
    let run = sms_status(&["explain"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("at least one status code or name"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_unparsable_first_query_leaves_no_blank_line_before_the_first_explanation() {
    let run = sms_status(&["explain", "40O0", "4000"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("\"40O0\""), "{}", run.stderr);
    assert!(
        run.stdout.starts_with("4000 Delivered\n"),
        "{:?}",
        run.stdout
    );
    // Between explanations there is still exactly one blank line.
    let both = sms_status(&["explain", "4000", "bogus", "4504"]);
    assert_eq!(both.stdout.matches("\n\n").count(), 1, "{:?}", both.stdout);
    assert!(both.stdout.contains("\n\n4504 "), "{:?}", both.stdout);
}

#[test]
fn a_value_under_1000_is_said_to_be_no_status_code_at_all() {
    let run = sms_status(&["explain", "47", "200", "4510"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let explanations: Vec<&str> = run.stdout.split("\n\n").collect();
    assert_eq!(explanations.len(), 3, "{}", run.stdout);
    for under_1000 in &explanations[..2] {
        assert!(
            under_1000.contains("values under 1000 are not standard status codes"),
            "{under_1000}"
        );
        assert!(under_1000.contains("the aggregator's own"), "{under_1000}");
        assert!(
            under_1000.contains("reason the\n           message was never sent"),
            "{under_1000}"
        );
    }
    assert!(
        !explanations[2].contains("under 1000"),
        "{}",
        explanations[2]
    );
}

#[test]
fn a_code_written_as_a_decimal_is_explained_as_triage_reads_it() {
    for (decimal, code) in [
        ("4000.0", "4000"),
        ("4504.00", "4504"),
        (" 2000.0 ", "2000"),
    ] {
        let run = sms_status(&["explain", decimal]);
        assert_eq!(run.code, 0, "{decimal}: {}", run.stderr);
        assert_eq!(
            run.stdout,
            sms_status(&["explain", code]).stdout,
            "{decimal}"
        );
    }
}

#[test]
fn a_fraction_is_refused_with_the_reason_triage_gives() {
    let run = sms_status(&["explain", "4000.5", "4504"]);
    assert_eq!(run.code, 2);
    let reason = "\"4000.5\" is not a status code: a code is a whole number";
    assert_eq!(run.stderr, format!("sms-status: {reason}\n"));
    assert!(run.stdout.starts_with("4504 "), "{}", run.stdout);
    let triage = sms_status_with_stdin(
        &["triage", "-"],
        Some(b"Mobile,SMSStandardStatusCodeId\n15550100001,4000.5\n15550100002,4000\n"),
    );
    assert_eq!(triage.code, 1);
    assert!(triage.stderr.contains(reason), "{}", triage.stderr);
}
