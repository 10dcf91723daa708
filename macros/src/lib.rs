//! The code generator behind `mobileconnect-status`.
//!
//! `#[status_table("status-codes.toml")]` on an empty enum reads the table at
//! compile time (the path is relative to the invoking crate's `Cargo.toml`),
//! validates every row, and expands the enum with one variant per row plus
//! the lookup and classification functions. Every mistake in the table
//! becomes its own `compile_error!` naming the file, line and column.
//!
//! The crate is an implementation detail of `mobileconnect-status`: depend on
//! that crate, not on this one.

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
/// manifest directory. See the `mobileconnect-status` crate for the API it
/// generates.
#[proc_macro_attribute]
pub fn status_table(args: TokenStream, item: TokenStream) -> TokenStream {
    entry::status_table(args, item)
}
