//! The wire rules: integers and numeric strings (whitespace tolerated) and
//! status names in, integers out; unlisted codes kept; bad input an error
//! that names it, never a panic.

use mobileconnect_status::SmsStatus;
use serde::Deserialize as _;

fn from_json(json: &str) -> Result<SmsStatus, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

#[test]
fn accepts_integers_numeric_strings_and_names() {
    assert_eq!(from_json("4000"), Ok(SmsStatus::Delivered));
    assert_eq!(from_json("\"4000\""), Ok(SmsStatus::Delivered));
    assert_eq!(from_json("\" 3002 \""), Ok(SmsStatus::AcceptedByCarrier));
    assert_eq!(
        from_json("\"\\t2000\\n\""),
        Ok(SmsStatus::DeliveredToAggregator)
    );
    assert_eq!(from_json("\"Expired\""), Ok(SmsStatus::Expired));
    assert_eq!(from_json("\"expired\""), Ok(SmsStatus::Expired));
}

#[test]
fn a_code_written_with_a_fraction_of_zeros_is_that_code() {
    // pandas writes a column of codes that has blanks as floats.
    assert_eq!(from_json("4000.0"), Ok(SmsStatus::Delivered));
    assert_eq!(from_json("\"4000.0\""), Ok(SmsStatus::Delivered));
    assert_eq!(
        from_json("\" 4504.00 \""),
        Ok(SmsStatus::FailedDueToUnknownSubscriber)
    );
    assert_eq!(from_json("4e3"), Ok(SmsStatus::Delivered));
    let unlisted = from_json("4510.0").expect("an unlisted code is kept");
    assert_eq!(
        serde_json::to_string(&unlisted).expect("serializes"),
        "4510"
    );
}

#[test]
fn keeps_unlisted_codes_and_writes_them_back_unchanged() {
    for json in ["4510", "\"4510\"", "0", "65535"] {
        let status = from_json(json).expect("an unlisted code is kept");
        assert!(!status.is_recognized());
        assert_eq!(
            serde_json::to_string(&status).expect("serializes"),
            json.trim_matches('"')
        );
    }
}

#[test]
fn writes_integers() {
    let statuses = [SmsStatus::Delivered, SmsStatus::from_code(4510)];
    assert_eq!(
        serde_json::to_string(&statuses).expect("serializes"),
        "[4000,4510]"
    );
}

#[test]
fn bad_input_is_an_error_that_names_it() {
    let cases = [
        ("\"40O0\"", "40O0"),
        ("-1", "-1"),
        ("70000", "70000"),
        ("\"70000\"", "70000"),
        ("\"\"", "empty SMS status"),
        ("\"   \"", "empty SMS status"),
        ("\"-1\"", "-1"),
        ("\"Delivered please\"", "Delivered please"),
        (
            "40.5",
            "40.5 is not a status code: a code is a whole number",
        ),
        (
            "\"40.5\"",
            "\"40.5\" is not a status code: a code is a whole number",
        ),
        ("-1.0", "-1"),
        ("65536.0", "65536"),
        ("1e300", "floating point `1e+300`"),
        ("true", "boolean `true`"),
        ("null", "null"),
    ];
    for (json, named) in cases {
        let error = from_json(json).expect_err(json);
        assert!(
            error.contains(named),
            "the error for {json} names it: {error}"
        );
    }
}

/// A caller who must not lose a whole response to one bad code reads the
/// field through a fallible wrapper; the typed field itself keeps the bad
/// text in its error.
#[derive(serde::Deserialize)]
struct Item {
    #[serde(deserialize_with = "status_or_error")]
    code: Result<SmsStatus, String>,
}

fn status_or_error<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Result<SmsStatus, String>, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(SmsStatus::deserialize(value).map_err(|e| e.to_string()))
}

#[test]
fn one_bad_code_need_not_fail_the_whole_response() {
    let items: Vec<Item> =
        serde_json::from_str(r#"[{"code":"4000"},{"code":"40O0"},{"code":4510}]"#)
            .expect("the response parses");
    assert_eq!(items[0].code, Ok(SmsStatus::Delivered));
    assert!(
        items[1].code.as_ref().is_err_and(|e| e.contains("40O0")),
        "{:?}",
        items[1].code
    );
    assert_eq!(items[2].code.as_ref().map(|s| s.code()), Ok(4510));
}
