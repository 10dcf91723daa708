//! One rule for a whole number written in decimal: digits, or digits and a
//! fraction of zeros (`4000.0`, as spreadsheets and pandas write a column
//! with blanks). Status codes read by it, in `FromStr` and serde alike, for
//! the published table and a table generated downstream; `whole_digits`
//! gives it to callers reading other numbers (a mobile number).

use mobileconnect_status::{NotWhole, ParseErrorKind, SmsStatus, whole_digits};
use mobileconnect_status_tests::regenerated::Status;

#[test]
fn a_status_code_written_as_a_whole_decimal_is_that_code() {
    for (text, code) in [
        ("4000.0", 4000),
        ("4504.00", 4504),
        (" 2000.0 ", 2000),
        ("\t3002.000\n", 3002),
        ("4510.0", 4510),
        ("0.0", 0),
        ("65535.0", 65535),
    ] {
        assert_eq!(
            text.parse::<SmsStatus>().map(SmsStatus::code),
            Ok(code),
            "{text:?}"
        );
        assert_eq!(
            text.parse::<Status>().map(Status::code),
            Ok(code),
            "{text:?}"
        );
    }
    assert!(
        !"4510.0"
            .parse::<SmsStatus>()
            .is_ok_and(SmsStatus::is_recognized)
    );
}

#[test]
fn a_fraction_is_no_status_code_and_the_error_says_why() {
    let error = "4000.5".parse::<SmsStatus>().expect_err("a fraction");
    assert_eq!(error.kind(), ParseErrorKind::Fraction);
    assert_eq!(error.input(), "4000.5");
    assert_eq!(
        error.to_string(),
        r#""4000.5" is not a status code: a code is a whole number"#
    );
    let json = serde_json::from_str::<SmsStatus>("4000.5").expect_err("a fraction");
    assert!(
        json.to_string()
            .starts_with("4000.5 is not a status code: a code is a whole number"),
        "{json}"
    );
}

#[test]
fn whole_digits_are_the_digits_before_a_point_of_zeros() {
    for (text, digits) in [
        ("15550100001", "15550100001"),
        ("15550100001.0", "15550100001"),
        ("0044.000", "0044"),
        ("0", "0"),
        // Longer than any integer type: the rule is about text.
        (
            "123456789012345678901234567890.0",
            "123456789012345678901234567890",
        ),
    ] {
        assert_eq!(whole_digits(text), Ok(digits), "{text:?}");
    }
}

#[test]
fn what_is_not_a_whole_number_is_told_apart_from_a_fraction() {
    for text in ["15550100001.5", "4000.05", "0.1"] {
        assert_eq!(whole_digits(text), Err(NotWhole::Fraction), "{text:?}");
    }
    for text in [
        "",
        ".",
        "4000.",
        ".0",
        " 4000",
        "4000 ",
        "+4000",
        "-4000.0",
        "4e3",
        "4000.0.0",
        "1.555.010.0001",
        "4000,0",
        "٤٠٠٠",
        "4000.0x",
    ] {
        assert_eq!(whole_digits(text), Err(NotWhole::NotDigits), "{text:?}");
    }
    assert_eq!(
        NotWhole::Fraction.to_string(),
        "a fraction, where a whole number was expected"
    );
}
