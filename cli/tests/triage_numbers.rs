//! One person, one number: the forms people type (a `+`, the
//! international prefix `00`, spaces, dots, dashes, parentheses) are one
//! number in the lists; a national form needs `--country-code` and is never
//! taken for another person's number; digits that are no one's number are
//! bad rows, never listed.

use crate::common;

use common::{json_report, messages, read, scratch, sms_status};

const TYPED: &str = "tests/fixtures/tracking-typed-numbers.csv";

/// Triages the fixture with `options`: the report, stderr's bad rows, and
/// the suppress and retry lists.
fn triage(options: &[&str], name: &str) -> (serde_json::Value, Vec<String>, String, String) {
    let suppress = scratch(&format!("{name}-suppress.txt"));
    let retry = scratch(&format!("{name}-retry.txt"));
    let mut args = vec![TYPED];
    args.extend(options);
    args.extend([
        "--suppress-list",
        suppress.to_str().unwrap(),
        "--retry-list",
        retry.to_str().unwrap(),
    ]);
    let (report, run) = json_report(&args);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let bad = messages(&run).into_iter().map(str::to_owned).collect();
    (report, bad, read(&suppress), read(&retry))
}

#[test]
fn international_forms_of_one_number_are_one_person() {
    let (report, bad, suppress, retry) = triage(&[], "typed");
    // Each person's newer message (4504) decides; neither is also in the
    // retry list through its older form.
    assert_eq!(suppress, "15550002001\n447700900123\n");
    assert_eq!(retry, "");
    assert_eq!(report["recipients"]["total"], 2);
    assert_eq!(bad.len(), 4, "{bad:#?}");
}

#[test]
fn a_national_form_is_a_bad_row_until_its_country_is_given() {
    let (_, bad, suppress, _) = triage(&[], "national");
    for (line, value) in [(6, "(555) 000-2003"), (7, "07700 900124")] {
        let expected = format!(
            "{TYPED}:{line}: Mobile: \"{value}\" is written as a national number (an area code \
             in parentheses, or a leading 0), so its country is unknown: say it with --country-code"
        );
        assert!(
            bad.iter().any(|message| message.starts_with(&expected)),
            "{expected}\n{bad:#?}"
        );
    }
    // Never another person: not 5550002003.
    assert!(!suppress.contains("5550002003"), "{suppress}");

    let (_, bad, suppress, _) = triage(&["--country-code", "1"], "national-us");
    assert_eq!(suppress, "15550002001\n15550002003\n447700900123\n");
    assert_eq!(
        bad.len(),
        3,
        "the UK national form still needs its country: {bad:#?}"
    );
    // The option says whose national numbers these are: all of them, the
    // area code in parentheses too. Digits too many for a UK number stay
    // another country's, as Marketing Cloud stores them.
    let (_, bad, suppress, _) = triage(&["--country-code", "+44"], "national-uk");
    assert_eq!(
        suppress,
        "15550002001\n445550002003\n447700900123\n447700900124\n"
    );
    assert_eq!(bad.len(), 2, "{bad:#?}");
}

#[test]
fn numbers_that_are_no_ones_are_bad_rows_saying_why() {
    let (_, bad, suppress, _) = triage(&["--country-code", "1"], "no-ones");
    assert!(!suppress.contains("000000"), "{suppress}");
    let expected = [
        format!("{TYPED}:8: Mobile: \"000000\" is no one's mobile number: it is all zeros"),
        format!(
            "{TYPED}:9: Mobile: \"+999 1234567\" is no one's mobile number: no country's \
             calling code starts 999"
        ),
    ];
    for expected in expected {
        assert!(
            bad.iter().any(|message| message.starts_with(&expected)),
            "{expected}\n{bad:#?}"
        );
    }
}

#[test]
fn a_country_code_no_country_has_is_a_usage_error() {
    for wrong in ["999", "UK", ""] {
        let run = sms_status(&["triage", TYPED, "--country-code", wrong]);
        assert_eq!(run.code, 2, "{wrong:?}");
        assert!(
            run.stderr.contains("expected a country calling code"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn digits_alone_are_never_changed_by_the_country_option() {
    // Marketing Cloud stores every number as digits alone: a country code
    // given for a few numbers a person typed must not move the others.
    let extract = crate::common::scratch_file(
        "foreign-digits.csv",
        "Mobile,SMSStandardStatusCodeId\n447700900123,4504\n4512345678,4504\n15550002003,4504\n\
         030 1234 5678,4504\n",
    );
    let suppress = scratch("foreign-digits-suppress.txt");
    let run = sms_status(&[
        "triage",
        extract.to_str().unwrap(),
        "--country-code",
        "49",
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The one number a person wrote with its trunk 0 is German.
    assert_eq!(
        read(&suppress),
        "15550002003\n447700900123\n4512345678\n493012345678\n"
    );
}

#[test]
fn a_number_with_separators_and_no_country_is_never_another_persons() {
    let extract = crate::common::scratch_file(
        "separated.csv",
        "Mobile,SMSStandardStatusCodeId\n555-000-2003,4504\n555.000.2004,4504\n555 000 2005,4504\n15550002006,4504\n",
    );
    let suppress = scratch("separated-suppress.txt");
    let (report, run) = json_report(&[
        extract.to_str().unwrap(),
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(report["bad_rows"], 3);
    assert_eq!(read(&suppress), "15550002006\n");
    assert!(
        run.stderr.contains("say it with --country-code"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_trunk_zero_after_00_is_dropped_as_after_a_plus_and_a_cut_number_says_so() {
    let file = common::scratch_file(
        "numbers-trunk-and-cut.csv",
        "Mobile,SMSStandardStatusCodeId\n\
         0044 (0)7700 900124,4504\n\
         +44 (0)7700 900123,4504\n\
         1.55501E+10,4000\n",
    );
    let suppress = scratch("numbers-trunk-and-cut-suppress.txt");
    let run = sms_status(&[
        "triage",
        file.to_str().unwrap(),
        "--suppress-list",
        suppress.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(read(&suppress), "447700900123\n447700900124\n");
    assert_eq!(
        messages(&run)[0],
        format!(
            "{}:4: Mobile: \"1.55501E+10\" is a number in scientific notation, as a \
             spreadsheet writes a long number, and its last digits are lost: format the \
             column as text and export it again",
            file.display()
        )
    );
}
