//! Editing the root `status-codes.toml` takes effect on the next build, in
//! debug and in release, for a program in another workspace that depends on
//! core by path, with no step besides `cargo build`.
//!
//! The test copies the workspace's table file and its table reader, macro
//! and core crates to a scratch directory (so the real table is never
//! touched), builds a small dependent program against them, and edits the
//! copy's table the way a person would.
//! The target directory persists under `CARGO_TARGET_TMPDIR`, so only the
//! first run compiles the macro's dependencies.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use mobileconnect_status_tests::repository;
use std::process::Command;

const PROBE_MAIN: &str = r#"
use mobileconnect_status::SmsStatus;

fn main() {
    let added = SmsStatus::from_code(4599);
    println!(
        "{}|{}",
        added.name().unwrap_or("unlisted"),
        SmsStatus::Delivered.definition().unwrap_or("none"),
    );
}
"#;

const PROBE_MANIFEST: &str = r#"
[package]
name = "regeneration-probe"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
mobileconnect-status = { path = "../workspace/core" }

# A workspace of its own: core is a path dependency from outside its workspace.
[workspace]
"#;

const ADDED_ROW: &str = r#"
[[status]]
code = 4599
name = "AddedByAnEditor"
definition = "A row appended to the table after the first build."
stage = "handset"
outcome = "failed"
final = "yes"
action = "investigate"
"#;

const DELIVERED: &str = "The message was delivered to the recipient’s device.";
const DELIVERED_EDITED: &str = "The message reached the recipient’s device.";

fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create directory");
    for entry in fs::read_dir(from).expect("read directory") {
        let entry = entry.expect("directory entry");
        let (source, target) = (entry.path(), to.join(entry.file_name()));
        let kind = entry.file_type().expect("file type");
        if kind.is_symlink() {
            let link = fs::read_link(&source).expect("read link");
            std::os::unix::fs::symlink(link, &target).expect("copy symlink");
        } else if kind.is_dir() {
            copy_tree(&source, &target);
        } else {
            fs::copy(&source, &target).expect("copy file");
        }
    }
}

/// The workspace with only the table reader, the macro and core as members.
fn copy_workspace(to: &Path) {
    let repository = repository();
    for crate_dir in ["table", "macros", "core"] {
        copy_tree(&repository.join(crate_dir), &to.join(crate_dir));
    }
    for file in ["status-codes.toml", "README.md", "Cargo.lock"] {
        fs::copy(repository.join(file), to.join(file)).expect("copy workspace file");
    }
    let manifest = fs::read_to_string(repository.join("Cargo.toml")).expect("root manifest");
    let manifest: String = manifest
        .lines()
        .filter(|line| !line.starts_with("default-members"))
        .map(|line| {
            if line.starts_with("members") {
                "members = [\"table\", \"macros\", \"core\"]"
            } else {
                line
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(to.join("Cargo.toml"), manifest).expect("write root manifest");
}

fn run_probe(scratch: &Path, release: bool) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let mut command = Command::new(cargo);
    command
        .args(["run", "--quiet", "--manifest-path"])
        .arg(scratch.join("probe/Cargo.toml"))
        .arg("--target-dir")
        .arg(scratch.join("target"))
        .env_remove("MOBILECONNECT_STATUS_TABLE_DIR");
    if release {
        command.arg("--release");
    }
    let output = command.output().expect("cargo runs");
    assert!(
        output.status.success(),
        "the probe builds and runs:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .expect("UTF-8 output")
        .trim()
        .to_owned()
}

fn both_profiles(scratch: &Path) -> [String; 2] {
    [run_probe(scratch, false), run_probe(scratch, true)]
}

#[test]
fn table_edits_take_effect_on_the_next_build() {
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("regeneration");
    for stale in ["workspace", "probe"] {
        let _ = fs::remove_dir_all(scratch.join(stale));
    }
    copy_workspace(&scratch.join("workspace"));
    fs::create_dir_all(scratch.join("probe/src")).expect("probe directory");
    fs::write(scratch.join("probe/Cargo.toml"), PROBE_MANIFEST).expect("probe manifest");
    fs::write(scratch.join("probe/src/main.rs"), PROBE_MAIN).expect("probe source");
    let table = scratch.join("workspace/status-codes.toml");

    let before = format!("unlisted|{DELIVERED}");
    assert_eq!(both_profiles(&scratch), [before.clone(), before]);

    let mut file = fs::OpenOptions::new()
        .append(true)
        .open(&table)
        .expect("open the table");
    file.write_all(ADDED_ROW.as_bytes()).expect("append a row");
    drop(file);
    let added = format!("AddedByAnEditor|{DELIVERED}");
    assert_eq!(both_profiles(&scratch), [added.clone(), added]);

    let text = fs::read_to_string(&table).expect("read the table");
    assert!(text.contains(DELIVERED));
    fs::write(&table, text.replace(DELIVERED, DELIVERED_EDITED)).expect("edit a definition");
    let edited = format!("AddedByAnEditor|{DELIVERED_EDITED}");
    assert_eq!(both_profiles(&scratch), [edited.clone(), edited]);
}
