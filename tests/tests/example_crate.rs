//! `examples/my-gateway`, a crate outside the workspace with a table of its
//! own, builds and passes its tests with `mobileconnect-status` as its only
//! dependency; a mistake in its table is reported at its own file's line;
//! and the README shows the test it keeps its published rows in step with.
//!
//! The crate is built where it is, with its own lock file, in a target
//! directory under `CARGO_TARGET_TMPDIR`, so only the first run compiles
//! its dependencies.

use std::fs;
use std::path::{Path, PathBuf};

use mobileconnect_status_tests::repository;
use std::process::{Command, Output};

fn example() -> PathBuf {
    repository().join("examples/my-gateway")
}

fn target_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("example-crate")
}

/// `cargo <args>` on the crate whose manifest is `manifest`.
fn cargo(args: &[&str], manifest: &Path) -> Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    Command::new(cargo)
        .args(args)
        .arg("--manifest-path")
        .arg(manifest)
        .arg("--target-dir")
        .arg(target_dir())
        // The crate's table is where its manifest is, as for any user.
        .env_remove("MOBILECONNECT_STATUS_TABLE_DIR")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs")
}

#[test]
fn the_example_crate_builds_and_passes_its_tests() {
    let output = cargo(&["test", "--locked"], &example().join("Cargo.toml"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "examples/my-gateway builds and passes its tests:\n{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for test in [
        "the_published_rows_are_ours_too",
        "the_table_is_the_published_one_plus_our_code",
        "conversions_go_through_the_code",
        "an_event_reads_its_code_by_kind",
    ] {
        assert!(
            stdout.contains(&format!("test {test} ... ok")),
            "{test} ran:\n{stdout}"
        );
    }
}

#[test]
fn the_example_depends_on_mobileconnect_status_alone() {
    let manifest = fs::read_to_string(example().join("Cargo.toml")).expect("manifest");
    let dependencies = manifest
        .split("[dependencies]")
        .nth(1)
        .and_then(|rest| rest.split("\n[").next())
        .expect("a [dependencies] table");
    let names: Vec<&str> = dependencies
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter_map(|line| line.split('=').next())
        .map(str::trim)
        .collect();
    assert_eq!(names, ["mobileconnect-status"]);
    let source = fs::read_to_string(example().join("src/lib.rs")).expect("lib.rs");
    assert!(!source.contains("derive"), "no derives: {source}");
    assert!(source.contains("#![deny(warnings, missing_docs)]"));
}

#[test]
fn a_mistake_in_its_table_is_reported_at_its_own_line() {
    // A copy of the crate whose table misspells one value. The copy's
    // manifest names core by its absolute path, and the package by a name
    // of its own: under the same name, cargo would take the example's
    // build in the shared target directory for the copy's.
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("example-crate-broken");
    let _ = fs::remove_dir_all(&scratch);
    fs::create_dir_all(scratch.join("src")).expect("scratch crate");
    let manifest = fs::read_to_string(example().join("Cargo.toml")).expect("manifest");
    let core = repository().join("core");
    let manifest = manifest
        .replace(
            "\"../../core\"",
            &format!("{:?}", core.display().to_string()),
        )
        .replace("name = \"my-gateway\"", "name = \"my-gateway-broken\"");
    fs::write(scratch.join("Cargo.toml"), manifest).expect("manifest");
    fs::copy(example().join("Cargo.lock"), scratch.join("Cargo.lock")).expect("lock");
    fs::copy(example().join("src/lib.rs"), scratch.join("src/lib.rs")).expect("lib.rs");
    let table = fs::read_to_string(example().join("my-codes.toml")).expect("table");
    let wrong = "action = \"suppress-numbr\"";
    let table = table.replacen("action = \"suppress-number\"", wrong, 1);
    let line = 1 + table
        .lines()
        .position(|text| text == wrong)
        .expect("the misspelt line");
    fs::write(scratch.join("my-codes.toml"), table).expect("table");

    // The lock file names the package: it changes with the name, offline.
    let output = cargo(&["build", "--offline"], &scratch.join("Cargo.toml"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "the mistake stops the build");
    let expected = format!("error: my-codes.toml:{line}:10: unknown action \"suppress-numbr\"");
    assert!(stderr.contains(&expected), "{expected}\nin:\n{stderr}");
    assert!(
        stderr.contains("did you mean \"suppress-number\"?"),
        "{stderr}"
    );
    assert!(stderr.contains("--> src/lib.rs:"), "{stderr}");
    let readme = fs::read_to_string(repository().join("README.md")).expect("README");
    let shown = &expected["error: ".len()..];
    assert!(
        readme.contains(shown),
        "README.md quotes the error: {shown}"
    );
    assert_eq!(
        stderr.matches("error: ").count(),
        2,
        "the mistake and cargo's summary, nothing else:\n{stderr}"
    );
}

#[test]
fn the_readme_shows_the_example_as_it_is() {
    let readme = fs::read_to_string(repository().join("README.md")).expect("README");
    let test = fs::read_to_string(example().join("tests/published_rows.rs")).expect("test");
    let function = &test[test.find("#[test]").expect("a test")..];
    assert!(
        readme.contains(function.trim_end()),
        "README.md shows tests/published_rows.rs's test as it is:\n{function}"
    );
    // The private row, as README.md's numbered list indents it.
    let table = fs::read_to_string(example().join("my-codes.toml")).expect("table");
    let row = &table[table
        .find("[[status]]\ncode = 4600")
        .expect("the private row")..];
    let indented: Vec<String> = row
        .trim_end()
        .lines()
        .map(|line| format!("   {line}"))
        .collect();
    assert!(
        readme.contains(&indented.join("\n")),
        "README.md shows my-codes.toml's own row as it is:\n{row}"
    );
}
