//! What the README quotes of the program is what the program prints: its
//! table is the output of `sms-status list --format markdown`, and "Try it"
//! shows the triage of the shipped extract. These fail when the two drift
//! apart, for example after an edit of `status-codes.toml` or of a report's
//! wording.

use crate::common;

use std::path::Path;

fn readme() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md");
    std::fs::read_to_string(path).expect("README.md beside the workspace")
}

/// The first ```` ```text ```` block after `marker` in the README.
fn text_block_after<'a>(readme: &'a str, marker: &str) -> &'a str {
    let (_, after) = readme
        .split_once(marker)
        .unwrap_or_else(|| panic!("README.md has no {marker:?}"));
    let (_, block) = after
        .split_once("```text\n")
        .unwrap_or_else(|| panic!("README.md has no text block after {marker:?}"));
    block.split_once("```").map_or(block, |(block, _)| block)
}

const START: &str = "<!-- sms-status list --format markdown -->";
const END: &str = "<!-- end -->";

#[test]
fn readme_table_matches_list_markdown() {
    let readme = readme();
    let (_, after_start) = readme
        .split_once(START)
        .unwrap_or_else(|| panic!("README.md has no {START} marker"));
    let (block, _) = after_start
        .split_once(END)
        .unwrap_or_else(|| panic!("README.md has no {END} marker after {START}"));
    let run = common::sms_status(&["list", "--format", "markdown"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        block.trim(),
        run.stdout.trim(),
        "README.md's table differs from `sms-status list --format markdown`; paste the command's output between the markers"
    );
}

#[test]
fn try_it_shows_what_triage_of_the_shipped_extract_prints() {
    // Run from the repository's root, as the README's `cargo run` is.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let run = common::sms_status_in(
        &root,
        &["triage", "cli/samples/sms-message-tracking.csv"],
        None,
    );
    assert_eq!(run.code, 1, "the sample has bad rows: {}", run.stderr);
    let readme = readme();
    assert_eq!(
        text_block_after(&readme, "It prints"),
        run.stdout,
        "README.md's \"Try it\" report differs from the triage of the shipped extract"
    );
    assert_eq!(
        text_block_after(&readme, "On stderr it names"),
        run.stderr,
        "README.md's \"Try it\" bad rows differ from what triage prints on stderr"
    );
}

/// The README's example of a misspelt value: `check`'s messages, in text
/// and as a GitHub annotation, for the shipped table with the value at the
/// quoted line misspelt.
#[test]
fn editing_the_table_quotes_what_check_prints_for_a_misspelt_value() {
    let readme = readme();
    let text_block = text_block_after(&readme, "A misspelt value, for example, looks like this:");
    // The block is indented as part of a numbered step.
    let quoted = text_block
        .lines()
        .map(|line| line.strip_prefix("   ").unwrap_or(line))
        .collect::<Vec<_>>()
        .join("\n");
    let line: usize = quoted
        .strip_prefix("error: status-codes.toml:")
        .and_then(|rest| rest.split(':').next())
        .and_then(|number| number.parse().ok())
        .expect("the quoted message names a line");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let table = std::fs::read_to_string(root.join("status-codes.toml")).expect("the table");
    let mut lines: Vec<&str> = table.lines().collect();
    assert_eq!(
        lines[line - 1],
        "action = \"retry-later\"",
        "README.md's example misspells line {line} of status-codes.toml"
    );
    lines[line - 1] = "action = \"retry-latr\"";
    let directory = common::scratch("readme-misspelt");
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).expect("scratch directory");
    std::fs::write(directory.join("status-codes.toml"), lines.join("\n") + "\n")
        .expect("scratch table");

    let run = common::sms_status_in(&directory, &["check"], None);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        quoted.trim_end(),
        run.stderr.trim_end(),
        "README.md's example of a misspelt value differs from what check prints"
    );
    let run = common::sms_status_in(&directory, &["check", "--format", "github"], None);
    assert_eq!(
        text_block_after(&readme, "A mistake becomes one line such as"),
        run.stdout,
        "README.md's GitHub annotation differs from what check --format github prints"
    );
}
