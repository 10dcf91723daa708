//! The macro compiles the table crate's source as its module `reader`,
//! through links in `macros/src/reader/` (BENCHMARKS.md, "The table
//! crate"). The macro and `sms-status check` must run the same code: a
//! link replaced by a copy would let the two drift apart without a build
//! error, and a file added to `table/src/` without a link would fail only
//! the macro's build, with a message about a missing module.

use std::fs;
use std::path::{Path, PathBuf};

use mobileconnect_status_tests::repository;

/// Every `.rs` file under `root`, as paths relative to it, sorted.
fn rust_files(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(directory) = pending.pop() {
        let entries = fs::read_dir(&directory)
            .unwrap_or_else(|error| panic!("reading {}: {error}", directory.display()));
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|extension| extension == "rs") {
                let relative = path.strip_prefix(root).expect("found under the root");
                found.push(relative.to_path_buf());
            }
        }
    }
    found.sort();
    found
}

/// The table crate's file a link in `reader/` stands for: `lib.rs` is the
/// module's `mod.rs`.
fn mirrored(relative: &Path) -> PathBuf {
    if relative == Path::new("mod.rs") {
        PathBuf::from("lib.rs")
    } else {
        relative.to_path_buf()
    }
}

#[test]
fn every_reader_file_is_a_link_to_the_table_crates_file() {
    let reader = repository().join("macros/src/reader");
    let table = repository().join("table/src");
    let mut wrong = Vec::new();
    for relative in rust_files(&reader) {
        let link = reader.join(&relative);
        let target = table.join(mirrored(&relative));
        let is_link =
            fs::symlink_metadata(&link).is_ok_and(|metadata| metadata.file_type().is_symlink());
        let same_file =
            fs::canonicalize(&link).ok() == fs::canonicalize(&target).ok() && target.exists();
        if !is_link || !same_file {
            wrong.push(format!(
                "{} should be a link to {}",
                link.display(),
                target.display()
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_table_crate_file_has_a_link_in_the_reader() {
    let reader = repository().join("macros/src/reader");
    let table = repository().join("table/src");
    let linked: Vec<PathBuf> = rust_files(&reader)
        .iter()
        .map(|path| mirrored(path))
        .collect();
    let missing: Vec<String> = rust_files(&table)
        .into_iter()
        .filter(|relative| !linked.contains(relative))
        .map(|relative| relative.display().to_string())
        .collect();
    assert!(
        missing.is_empty(),
        "table/src files with no link in macros/src/reader/: {}",
        missing.join(", ")
    );
}
