//! `status-codes.toml` holds the published table to the letter: every code,
//! Status name and Definition of the copy in `fixtures/sms-status-codes.md`,
//! in order, nothing more. Any drift shows as a line diff.

use std::fmt::Write as _;

use mobileconnect_status::SmsStatus;
use mobileconnect_status_tests::{fixture, numbered_markdown_rows};

fn published() -> Vec<String> {
    numbered_markdown_rows(&fixture("sms-status-codes.md"))
        .into_iter()
        .map(|cells| cells.join(" | "))
        .collect()
}

fn generated() -> Vec<String> {
    SmsStatus::ALL
        .iter()
        .map(|status| {
            format!(
                "{} | {} | {}",
                status.code(),
                status.name().unwrap_or("<no name>"),
                status.definition().unwrap_or("<no definition>")
            )
        })
        .collect()
}

#[test]
fn generated_enum_matches_the_published_table_verbatim() {
    let published = published();
    let generated = generated();
    assert_eq!(published.len(), 20, "the published copy has 20 rows");
    let mut diff = String::new();
    for line in &published {
        if !generated.contains(line) {
            let _ = writeln!(diff, "- {line}");
        }
    }
    for line in &generated {
        if !published.contains(line) {
            let _ = writeln!(diff, "+ {line}");
        }
    }
    assert!(
        diff.is_empty(),
        "status-codes.toml drifted from the published table (- published, + generated):\n{diff}"
    );
    assert_eq!(published, generated, "same rows, different order");
}
