//! Properties of the public API over generated inputs, plus the table step
//! on mutated copies of the real table.
//!
//! Case counts are modest so CI stays fast; `PROPTEST_CASES` raises them for
//! a longer local run. Failures are not persisted to files: proptest prints
//! the shrunk input, which then becomes a named regression test.

use mobileconnect_status::SmsStatus;
use proptest::prelude::*;
use proptest::sample::select;

const REAL_TABLE: &str = include_str!("../../status-codes.toml");

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::with_cases(cases)
    }
}

/// Listed statuses half the time (a random `u16` is almost never listed).
fn any_status() -> impl Strategy<Value = SmsStatus> {
    prop_oneof![
        select(SmsStatus::ALL),
        any::<u16>().prop_map(SmsStatus::from_code),
    ]
}

/// Text shaped like what the wire and people send: codes with stray
/// whitespace and leading zeros, names in any case, the `Display` form,
/// near misses, and arbitrary characters.
fn status_like_text() -> impl Strategy<Value = String> {
    let whitespace = || select(vec!["", " ", "\t", "\n", " \r\n ", "\u{a0}", "\u{3000}"]);
    let code = prop_oneof![
        any::<u16>().prop_map(|code| code.to_string()),
        any::<u32>().prop_map(|code| code.to_string()),
        (0..4_usize, any::<u16>()).prop_map(|(zeros, code)| format!("{}{code}", "0".repeat(zeros))),
        select(vec![
            "-1", "+4000", "40O0", "4000.0", "4000.5", "4000.", ".0", "4000.0.0", "0x0FA0", "1e3",
            "", "٤٠٠٠"
        ])
        .prop_map(str::to_owned),
    ];
    let name = (select(SmsStatus::ALL), any::<u64>()).prop_map(|(status, case_bits)| {
        let name = status.name().unwrap_or_default();
        name.chars()
            .enumerate()
            .map(|(i, c)| {
                if case_bits >> (i % 64) & 1 == 1 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect::<String>()
    });
    let shown = any_status().prop_map(|status| status.to_string());
    let arbitrary = proptest::collection::vec(any::<char>(), 0..24).prop_map(String::from_iter);
    let body = prop_oneof![code, name, shown, arbitrary];
    (
        whitespace(),
        body,
        whitespace(),
        any::<bool>(),
        any::<char>(),
    )
        .prop_map(|(before, body, after, mangle, extra)| {
            let mut text = format!("{before}{body}{after}");
            if mangle {
                text.push(extra);
            }
            text
        })
}

proptest! {
    #![proptest_config(config(4_096))]

    #[test]
    fn display_then_parse_gives_the_same_status(status in any_status()) {
        prop_assert_eq!(status.to_string().parse::<SmsStatus>(), Ok(status));
    }

    #[test]
    fn a_code_with_a_fraction_of_zeros_is_that_code(code in any::<u16>(), zeros in 1..6_usize) {
        let status = SmsStatus::from_code(code);
        let text = format!("{code}.{}", "0".repeat(zeros));
        prop_assert_eq!(text.parse::<SmsStatus>(), Ok(status));
        prop_assert_eq!(serde_json::from_str::<SmsStatus>(&text).ok(), Some(status));
        prop_assert_eq!(serde_json::from_str::<SmsStatus>(&format!("{text:?}")).ok(), Some(status));
        let digits = code.to_string();
        prop_assert_eq!(mobileconnect_status::whole_digits(&text), Ok(digits.as_str()));
    }

    #[test]
    fn from_code_of_code_gives_the_same_status(status in any_status()) {
        prop_assert_eq!(SmsStatus::from_code(status.code()), status);
        prop_assert_eq!(SmsStatus::from(u16::from(status)), status);
    }

    #[test]
    fn ordering_and_equality_follow_the_code(a in any_status(), b in any_status()) {
        prop_assert_eq!(a.cmp(&b), a.code().cmp(&b.code()));
        prop_assert_eq!(a == b, a.code() == b.code());
        prop_assert_eq!([a, b].into_iter().max().map(SmsStatus::code), Some(a.code().max(b.code())));
    }

    #[test]
    fn from_str_never_panics_and_agrees_with_serde(text in status_like_text()) {
        let parsed = text.parse::<SmsStatus>();
        let json = serde_json::to_string(&text).expect("a string serializes");
        let deserialized = serde_json::from_str::<SmsStatus>(&json);
        prop_assert_eq!(parsed.ok(), deserialized.as_ref().ok().copied(), "{:?}", text);
        match parsed {
            Ok(status) => prop_assert_eq!(status.to_string().parse::<SmsStatus>(), Ok(status)),
            Err(error) => {
                prop_assert!(text.starts_with(error.input()));
                let message = deserialized.expect_err("both reject it").to_string();
                prop_assert!(message.contains(&error.to_string()), "{} for {:?}", message, text);
            }
        }
    }
}

#[test]
fn serde_round_trips_every_u16() {
    for code in 0..=u16::MAX {
        let status = SmsStatus::from_code(code);
        let json = serde_json::to_string(&status).expect("a status serializes");
        assert_eq!(json, code.to_string());
        assert_eq!(serde_json::from_str::<SmsStatus>(&json).ok(), Some(status));
        let quoted = format!("\"{code}\"");
        assert_eq!(
            serde_json::from_str::<SmsStatus>(&quoted).ok(),
            Some(status)
        );
    }
}

/// One edit to the table's text.
#[derive(Clone, Debug)]
enum Edit {
    /// Put a character (often one TOML cares about) before character `at`.
    Insert { at: usize, text: String },
    /// Remove `len` characters from `at`.
    Delete { at: usize, len: usize },
    /// Replace line `line` with another line of the table.
    CopyLine { from: usize, line: usize },
    /// Remove a whole line.
    DeleteLine { line: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    let pieces = select(vec![
        "[", "]", "[[", "]]", "=", "\"", "'", "\"\"\"", "#", "\n", "\\", "\\u", "{", "}", ",", ".",
        "-", "0", "65536", "-1", "é", "\u{0}", "\r", "\t", "code", "name", "status", "true",
    ])
    .prop_map(str::to_owned);
    let text = prop_oneof![pieces, any::<char>().prop_map(String::from)];
    prop_oneof![
        (any::<usize>(), text).prop_map(|(at, text)| Edit::Insert { at, text }),
        (any::<usize>(), 1..40_usize).prop_map(|(at, len)| Edit::Delete { at, len }),
        (any::<usize>(), any::<usize>()).prop_map(|(from, line)| Edit::CopyLine { from, line }),
        any::<usize>().prop_map(|line| Edit::DeleteLine { line }),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let chars: Vec<char> = text.chars().collect();
    let lines: Vec<&str> = text.split('\n').collect();
    match edit {
        Edit::Insert { at, text } => {
            let at = at % (chars.len() + 1);
            let mut out: String = chars[..at].iter().collect();
            out.push_str(text);
            out.extend(&chars[at..]);
            out
        }
        Edit::Delete { at, len } => {
            let at = at % (chars.len() + 1);
            let end = (at + len).min(chars.len());
            chars[..at].iter().chain(&chars[end..]).collect()
        }
        Edit::CopyLine { from, line } => {
            let mut lines = lines.clone();
            let line = line % lines.len();
            lines[line] = lines[from % lines.len()];
            lines.join("\n")
        }
        Edit::DeleteLine { line } => {
            let mut lines = lines.clone();
            lines.remove(line % lines.len());
            lines.join("\n")
        }
    }
}

/// The error's `file:line:column` exists in `text`: the line is one of its
/// lines and the column at most one past that line's last character.
fn assert_located(text: &str, rendered: &str) -> Result<(), TestCaseError> {
    let location = rendered.split(": ").next().unwrap_or_default();
    let parts: Vec<&str> = location.split(':').collect();
    prop_assert_eq!(parts.len(), 3, "{}", rendered);
    prop_assert_eq!(parts[0], "status-codes.toml");
    let line: usize = parts[1]
        .parse()
        .map_err(|_| TestCaseError::fail(rendered.to_owned()))?;
    let column: usize = parts[2]
        .parse()
        .map_err(|_| TestCaseError::fail(rendered.to_owned()))?;
    let lines: Vec<&str> = text.split('\n').collect();
    prop_assert!((1..=lines.len()).contains(&line), "{}", rendered);
    let width = lines[line - 1].chars().count();
    prop_assert!((1..=width + 1).contains(&column), "{}", rendered);
    Ok(())
}

proptest! {
    #![proptest_config(config(1_024))]

    #[test]
    fn mutated_tables_validate_or_give_located_errors(edits in proptest::collection::vec(edit(), 1..6)) {
        let text = edits.iter().fold(REAL_TABLE.to_owned(), |text, edit| apply(&text, edit));
        match mobileconnect_status_table::check(&text) {
            Ok(table) => {
                prop_assert!(!table.rows().is_empty());
                prop_assert!(table.rows().windows(2).all(|pair| pair[0].code < pair[1].code));
                // A row for every block: none dropped without a message.
                let blocks = mobileconnect_status_table::document::read(&text)
                    .expect("a valid table is valid TOML")
                    .blocks
                    .len();
                prop_assert_eq!(table.rows().len(), blocks);
            }
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for error in &errors {
                    assert_located(&text, &error.render("status-codes.toml", &text))?;
                }
            }
        }
    }
}
