//! `FromStr` errors say which input was wrong and what was expected.

use mobileconnect_status::{ParseErrorKind, SmsStatus};

#[test]
fn each_kind_of_bad_text_is_named() {
    let cases = [
        ("", ParseErrorKind::Empty),
        ("  ", ParseErrorKind::Empty),
        ("70000", ParseErrorKind::OutOfRange),
        ("99999999999999999999999", ParseErrorKind::OutOfRange),
        ("70000.0", ParseErrorKind::OutOfRange),
        ("4000.5", ParseErrorKind::Fraction),
        (" 4000.05 ", ParseErrorKind::Fraction),
        ("4000.", ParseErrorKind::Invalid),
        (".0", ParseErrorKind::Invalid),
        ("4000.0.0", ParseErrorKind::Invalid),
        ("4000,0", ParseErrorKind::Invalid),
        ("40O0", ParseErrorKind::Invalid),
        ("-1", ParseErrorKind::Invalid),
        ("+4000", ParseErrorKind::Invalid),
        ("4000 Expired", ParseErrorKind::Invalid),
        ("4510 Delivered", ParseErrorKind::Invalid),
        ("Deliverd", ParseErrorKind::Invalid),
        ("40\n00", ParseErrorKind::Invalid),
        ("\"4000\"", ParseErrorKind::Invalid),
        ("\u{1b}[31m4000", ParseErrorKind::Invalid),
    ];
    for (input, kind) in cases {
        let error = input.parse::<SmsStatus>().expect_err(input);
        assert_eq!(error.kind(), kind, "kind for {input:?}");
        assert_eq!(error.input(), input, "input kept for {input:?}");
        let message = error.to_string();
        assert!(message.contains(&format!("{input:?}")), "{message}");
        assert!(
            !message.contains(['\n', '\u{1b}']),
            "one plain line: {message:?}"
        );
    }
}

#[test]
fn long_input_is_kept_truncated_on_a_character_boundary() {
    let input = "é".repeat(40);
    let error = input.parse::<SmsStatus>().expect_err("not a status");
    assert!(error.is_truncated());
    assert!(input.starts_with(error.input()));
    assert_eq!(error.input().chars().count(), 24);
    assert!(error.to_string().contains('…'));
}

#[test]
fn the_error_is_a_std_error() {
    let error: Box<dyn std::error::Error> =
        Box::new("x".parse::<SmsStatus>().expect_err("not a status"));
    assert!(error.to_string().starts_with("invalid SMS status \"x\""));
}
