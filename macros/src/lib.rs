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
//! This crate holds what needs `proc_macro`: `entry` takes the attribute
//! and the enum apart (`derives` drops derives the expansion already
//! implements), `source` finds and reads the file, `entry` lexes the
//! generated text into tokens, and `compile_error` turns each mistake
//! into an error spanned where it belongs. Reading the TOML, checking every
//! row and writing the expansion as text is `mobileconnect-status-table`,
//! a normal library, so that tests, fuzz targets and `sms-status check` run
//! the same code. This crate compiles that library's source as its module
//! `reader` (`src/reader/` links to `table/src/`) instead of depending on it:
//! one more crate in the build every user pays for costs more than the 5%
//! allowed (BENCHMARKS.md, "The table crate").

mod compile_error;
mod derives;
mod entry;
#[allow(
    unreachable_pub,
    dead_code,
    unused_imports,
    reason = "a library's source: its public items are for its other users, and the macro uses only some of them"
)]
mod reader;
mod source;

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
