//! Model → Rust source text. The model is already checked, so nothing here
//! validates or fails. Policy that does not depend on the table (how an
//! unlisted code is classified, what `is_pending` means) lives in the core
//! crate; the generated arms only call it.
//!
//! The code is written as text, which the macro lexes with `proc_macro`,
//! not built token by token with `quote!`: the macro then needs neither
//! `quote` nor `proc-macro2`, which every crate that uses the table would
//! compile in its cold build (BENCHMARKS.md, "Cold build"). Text is safe
//! only if nothing from the table can change its structure, and the types
//! see to that: a name arrives as a [`VariantName`](super::VariantName),
//! checked to be an identifier; a code is a `u16`; and any other table
//! text is a [`TableText`](super::TableText), which has no `Display` and
//! can only be written as a string literal or as markdown inside one.
//!
//! Nothing here touches `proc_macro`, whose functions panic outside a
//! compiler expansion, so all of it runs in unit tests and fuzz targets.
//!
//! One file per part: the enum and its docs here, `lookups` and
//! `classification` for the two impl blocks, `name_lookup` for
//! `from_name`.

mod classification;
mod lookups;
mod name_lookup;
mod per_row;
#[cfg(test)]
mod tests;

use std::fmt::Write as _;
use std::path::Path;

use super::table::{Row, Table};
use super::text::string_literal;
use per_row::per_row;

/// The generated code that goes around the user's own tokens. The entry
/// point emits the user's attributes, then [`attributes`](Self::attributes),
/// the user's visibility, `enum` and name (its token, so that errors and
/// go-to-definition land on the user's code), then [`rest`](Self::rest).
pub struct Expansion {
    /// Outer attributes added after the user's own: the doc table, which
    /// thereby follows the user's doc comment, and `#[non_exhaustive]`.
    pub attributes: String,
    /// Everything after the enum's name: its braced body, the impl blocks
    /// and, with a table file, the line that tracks the file.
    pub rest: String,
}

/// The enum named `name` and its inherent functions; with `table_file`,
/// also the `include_bytes!` that makes cargo rebuild when the file changes.
/// `name` is the enum's identifier as written (`SmsStatus`, or `r#Type`).
#[must_use]
pub fn enum_and_impls(name: &str, table: &Table, table_file: Option<&Path>) -> Expansion {
    let attributes = format!(
        "#[doc = {}]\n#[non_exhaustive]\n",
        string_literal(&doc_table(name, table))
    );
    let mut rest = enum_body(name, table);
    rest.push_str(&lookups::lookups(name, table));
    rest.push_str(&classification::classification(name, table));
    rest.push_str(&traits(name));
    if let Some(path) = table_file {
        rest.push_str(&track_file(path));
    }
    Expansion { attributes, rest }
}

/// `proc_macro::tracked_path` is unstable; including the bytes is the stable
/// way to make the file part of the crate's dependency info, in every profile.
#[must_use]
pub fn track_file(path: &Path) -> String {
    let path = string_literal(&path.to_string_lossy());
    format!("const _: &[u8] = ::core::include_bytes!({path});\n")
}

/// The trait impls, the same for every table, from core: see core's
/// `generated.rs`, which also says why they are a `macro_rules!` there.
fn traits(name: &str) -> String {
    format!("\n::mobileconnect_status::__status_traits!({name});\n")
}

/// The enum's braced body: one documented variant per row, then
/// `Unrecognized`.
fn enum_body(name: &str, table: &Table) -> String {
    let variants = per_row(table, |out, _, row| {
        let doc = string_literal(&variant_doc(row));
        write!(out, "\n    #[doc = {doc}]\n    {},", row.name)
    });
    format!(
        "{{{variants}
    /// A code the table does not list (yet). The number is kept and
    /// round-trips unchanged; it is classified conservatively: stage
    /// from the thousands digit, outcome unknown, not final, action
    /// investigate. It never holds a listed code.
    Unrecognized(::mobileconnect_status::UnrecognizedCode<{name}>),
}}
"
    )
}

fn doc_table(name: &str, table: &Table) -> String {
    let mut doc = String::from(
        "\n\n# The table\n\n| Code | Status | Stage | Outcome | Final | Action |\n|---:|---|---|---|---|---|\n",
    );
    for row in table.rows() {
        let _ = writeln!(
            doc,
            "| {} | [`{variant}`]({name}::{variant}) | {} | {} | {} | {} |",
            row.code,
            row.stage.word(),
            row.outcome.word(),
            row.finality.word(),
            row.action.word(),
            variant = row.name,
        );
    }
    doc
}

fn variant_doc(row: &Row) -> String {
    let mut doc = format!(
        " {}\n\nCode **{}** · stage: {} · outcome: {} · final: {} · action: {}",
        row.definition.markdown(),
        row.code,
        row.stage.word(),
        row.outcome.word(),
        row.finality.word(),
        row.action.word(),
    );
    if let Some(note) = &row.note {
        let _ = write!(doc, "\n\n*Why:* {}", note.markdown());
    }
    doc
}
