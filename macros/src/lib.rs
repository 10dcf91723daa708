//! The code generator behind `mobileconnect-status`.
//!
//! `#[status_table("status-codes.toml")]` on an empty enum reads the table at
//! compile time (the path is relative to the invoking crate's `Cargo.toml`),
//! validates every row, and expands the enum with one variant per row plus
//! the lookup and classification functions. Every mistake in the table
//! becomes its own `compile_error!` naming the file, line and column.
//!
//! Use it through `mobileconnect-status`, which re-exports the attribute as
//! `mobileconnect_status::status_table`: the generated code calls that
//! crate's types and support functions, so it is the one dependency a
//! user needs.
//!
//! The pipeline, one module a step: `entry` takes the attribute and the
//! enum apart (`derives` drops derives the expansion already implements),
//! `source` reads the file, `document` and `syntax` read its TOML,
//! `validate` checks every row into a `table::Table`, and `expand` writes
//! the enum and its impls as text; `diagnostic` and `suggest` render
//! mistakes with their line, column and a fix.

mod derives;
mod diagnostic;
mod document;
mod entry;
mod expand;
mod names;
mod source;
mod suggest;
mod syntax;
mod table;
mod validate;

use proc_macro::TokenStream;

/// Expands an empty enum into the status enum described by a TOML table.
///
/// The argument is the table's path relative to the invoking crate's
/// manifest directory. See `mobileconnect_status::status_table`, the
/// re-export users write, for the API it generates.
#[proc_macro_attribute]
pub fn status_table(args: TokenStream, item: TokenStream) -> TokenStream {
    entry::status_table(args, item)
}
