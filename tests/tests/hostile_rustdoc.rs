//! rustdoc shows every hostile definition exactly as the table wrote it:
//! markdown, HTML, entities and Rust syntax in a definition are text, not
//! formatting, so a developer reading `cargo doc` reads the table.
//!
//! The test documents a scratch crate that expands
//! `tests/ui/pass/hostile_definitions.toml`, then reads each variant's
//! paragraph back out of the generated HTML. The target directory persists
//! under `CARGO_TARGET_TMPDIR`, so only the first run compiles the macro's
//! dependencies.

use std::fs;
use std::path::{Path, PathBuf};

use mobileconnect_status_tests::repository;
use std::process::Command;

use mobileconnect_status_table::document;

const TABLE: &str = include_str!("../ui/pass/hostile_definitions.toml");

const LIBRARY: &str = r#"//! The hostile table, documented.

#[mobileconnect_status_macros::status_table("hostile_definitions.toml")]
pub enum Status {}
"#;

fn manifest() -> String {
    let repository = repository();
    let path = |name: &str| repository.join(name).display().to_string();
    format!(
        r#"[package]
name = "hostile-docs"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
mobileconnect-status = {{ path = {core:?} }}
mobileconnect-status-macros = {{ path = {macros:?} }}

# A workspace of its own: the crates are path dependencies from outside theirs.
[workspace]
"#,
        core = path("core"),
        macros = path("macros"),
    )
}

/// The generated HTML of the enum's page.
fn document(scratch: &Path) -> String {
    let _ = fs::remove_dir_all(scratch.join("crate"));
    fs::create_dir_all(scratch.join("crate/src")).expect("scratch crate directory");
    fs::write(scratch.join("crate/Cargo.toml"), manifest()).expect("manifest");
    fs::write(scratch.join("crate/src/lib.rs"), LIBRARY).expect("library");
    fs::write(scratch.join("crate/hostile_definitions.toml"), TABLE).expect("table");
    // The workspace's lock file pins the same dependency versions offline.
    fs::copy(
        repository().join("Cargo.lock"),
        scratch.join("crate/Cargo.lock"),
    )
    .expect("lock");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args(["doc", "--quiet", "--no-deps", "--manifest-path"])
        .arg(scratch.join("crate/Cargo.toml"))
        .arg("--target-dir")
        .arg(scratch.join("target"))
        .env_remove("MOBILECONNECT_STATUS_TABLE_DIR")
        .env("RUSTDOCFLAGS", "-Dwarnings")
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "the hostile table documents without warnings:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    fs::read_to_string(scratch.join("target/doc/hostile_docs/enum.Status.html"))
        .expect("the enum's page")
}

/// The first paragraph of a variant's docs, as a reader sees it: tags
/// dropped (a `<br>` is a line break), entities decoded, runs of whitespace
/// shown as one space the way a browser shows them.
fn shown_paragraph(html: &str, variant: &str) -> String {
    let anchor = format!("id=\"variant.{variant}\"");
    let section = &html[html
        .find(&anchor)
        .unwrap_or_else(|| panic!("{variant} documented"))..];
    let docblock = &section[section
        .find("<div class=\"docblock\">")
        .expect("a docblock")..];
    let start = docblock.find("<p>").expect("a paragraph") + "<p>".len();
    let paragraph = &docblock[start..start + docblock[start..].find("</p>").expect("its end")];
    let mut text = String::new();
    let mut rest = paragraph;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        let close = open + rest[open..].find('>').expect("a closed tag");
        if rest[open..=close].starts_with("<br") {
            text.push('\n');
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    collapse_whitespace(&decode_entities(&text))
}

fn decode_entities(text: &str) -> String {
    let mut decoded = String::new();
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        decoded.push_str(&rest[..amp]);
        let end = amp + rest[amp..].find(';').expect("an entity ends with ;");
        let entity = &rest[amp + 1..end];
        let character = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            numeric => {
                let code = numeric.strip_prefix("#x").map_or_else(
                    || numeric.trim_start_matches('#').parse::<u32>(),
                    |hex| u32::from_str_radix(hex, 16),
                );
                code.ok()
                    .and_then(char::from_u32)
                    .unwrap_or_else(|| panic!("unknown entity &{numeric};"))
            }
        };
        decoded.push(character);
        rest = &rest[end + 1..];
    }
    decoded.push_str(rest);
    decoded
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The table's rows as (name, definition), read with the macro's own
/// TOML reader.
fn definitions() -> Vec<(String, String)> {
    let document = document::read(TABLE).expect("the hostile table is valid TOML");
    document
        .blocks
        .iter()
        .map(|block| {
            let text = |key: &str| match block
                .entries
                .iter()
                .find(|entry| entry.key.get_ref() == key)
                .map(|entry| entry.value.get_ref())
            {
                Some(document::Value::String(text)) => text.clone(),
                _ => panic!("{key} is text"),
            };
            (text("name"), text("definition"))
        })
        .collect()
}

#[test]
fn rustdoc_shows_each_definition_as_written() {
    let html = document(&PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile-rustdoc"));
    let rows = definitions();
    assert_eq!(rows.len(), 9);
    for (name, definition) in rows {
        assert_eq!(
            shown_paragraph(&html, &name),
            collapse_whitespace(&definition),
            "{name}"
        );
    }
}
