//! The README's table is the output of `sms-status list --format markdown`:
//! this fails when the two drift apart, for example after an edit of
//! `status-codes.toml`.

mod common;

const START: &str = "<!-- sms-status list --format markdown -->";
const END: &str = "<!-- end -->";

#[test]
fn readme_table_matches_list_markdown() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md");
    let readme = std::fs::read_to_string(path).expect("README.md beside the workspace");
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
