//! Helpers shared by the behaviour tests: fixture files copied from the
//! published material, a reader for the markdown tables they hold, and
//! expansions in a crate other than core: the real table again, and a wide
//! one.
//!
//! This library denies every warning rustc and clippy's pedantic and
//! nursery groups would raise, so the generated code is proven lint-clean in
//! a downstream crate: CI builds it and runs clippy with `-D warnings`.

#![deny(
    warnings,
    missing_docs,
    missing_debug_implementations,
    unreachable_pub,
    unused,
    unused_qualifications,
    trivial_casts,
    trivial_numeric_casts,
    rust_2018_idioms,
    clippy::all,
    clippy::pedantic,
    clippy::nursery
)]

/// The README's Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
pub struct ReadmeExamples;

/// The root table expanded again, here, by the same macro core uses.
pub mod regenerated {
    /// The status table, generated in this crate from the same file as
    /// `mobileconnect_status::SmsStatus`, through core's re-export of the
    /// attribute, as a user of the published crate writes it: no derives,
    /// every trait comes with the expansion.
    #[mobileconnect_status::status_table("../status-codes.toml")]
    pub enum Status {}
}

/// A table larger than the sizes up to which the generated lookups are
/// `match`es, expanded under the same lints: its `from_code` is a binary
/// search and its `from_name` a search of name hashes.
pub mod wide {
    /// The 150 rows of `fixtures/wide-codes.toml`, from code 0 to 65535,
    /// through the macro crate's own path to the attribute.
    #[mobileconnect_status_macros::status_table("fixtures/wide-codes.toml")]
    pub enum Wide {}
}

use std::path::PathBuf;

/// The repository's root, the folder above this crate's.
///
/// # Panics
///
/// Never in this repository: the crate sits one folder down.
#[must_use]
pub fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the repository")
        .to_path_buf()
}

/// The path of one of the payload samples the command line ships in
/// `cli/samples/`; the tests read the same copies rather than keep their own.
#[must_use]
pub fn sample_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../cli/samples")
        .join(name)
}

/// The text of a shipped payload sample.
///
/// # Panics
///
/// If the sample is missing: the test cannot run without it.
#[must_use]
pub fn sample(name: &str) -> String {
    let path = sample_path(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The path of a fixture file shipped in `tests/fixtures/`.
#[must_use]
pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// The text of a fixture file.
///
/// # Panics
///
/// If the fixture is missing: the test cannot run without it.
#[must_use]
pub fn fixture(name: &str) -> String {
    let path = fixture_path(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The body rows of every markdown table in `text` whose first cell is a
/// number, each as its trimmed cells.
#[must_use]
pub fn numbered_markdown_rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .filter_map(|line| line.trim().strip_prefix('|')?.strip_suffix('|'))
        .map(|inner| {
            inner
                .split('|')
                .map(|cell| cell.trim().to_owned())
                .collect::<Vec<_>>()
        })
        .filter(|cells| cells.first().is_some_and(|c| c.parse::<u16>().is_ok()))
        .collect()
}
