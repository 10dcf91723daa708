//! The table behind `mobileconnect-status`: reads `status-codes.toml`,
//! checks every row, and writes the generated enum as Rust text.
//!
//! The attribute macro (`mobileconnect-status-macros`) is this crate plus
//! the few lines that need `proc_macro`; a proc-macro crate can export
//! nothing but macros, so the code that tests, fuzz targets and the
//! `sms-status check` command share lives here, as pest splits
//! `pest_derive` from `pest_generator` and serde publishes
//! `serde_derive_internals`. It is not meant for other uses: its API
//! follows the macro's, and `sms-status` pins the exact version.
//!
//! The macro crate does not depend on this one: it compiles these same
//! files as its module `reader` (through links in `macros/src/reader/`),
//! because one more crate in the build of every user of the table cost
//! more than the 5% it was allowed (BENCHMARKS.md, "The table crate").
//! That is why every path between these files is relative (`super::`),
//! never `crate::`.
//!
//! The pipeline, one module a step: `file` turns a file's bytes into text
//! ([`table_text`]), [`document`] reads the TOML, `syntax` words its syntax
//! errors for a table editor, `validate` checks every row into a
//! [`Table`] (`keys` lists a block's keys and reads each with `values`;
//! `names` makes a [`VariantName`] of a name), and [`expand`] writes the
//! enum and its impls as text, table text going in only through
//! [`TableText`]; `diagnostic` and `suggest` render mistakes with their
//! line, column and a fix. Beside the pipeline, [`schema`] writes the JSON
//! Schema that editors check a table with, from the same key list.
//!
//! ```
//! let text = "[[status]]\ncode = 4000\nname = \"Delivered\"\n\
//!     definition = \"Delivered to the handset.\"\nstage = \"handset\"\n\
//!     outcome = \"delivered\"\nfinal = \"yes\"\naction = \"none\"\n";
//! let table = mobileconnect_status_table::check(text).expect("a valid table");
//! assert_eq!(table.rows()[0].code, 4000);
//!
//! let misspelt = text.replace("\"none\"", "\"nothing\"");
//! let mistakes = mobileconnect_status_table::check(&misspelt).expect_err("an unknown action");
//! let message = mistakes[0].render("status-codes.toml", &misspelt);
//! assert!(message.starts_with("status-codes.toml:8:10: unknown action \"nothing\""));
//! ```

mod diagnostic;
pub mod document;
pub mod expand;
mod file;
mod keys;
mod names;
// Not in the macro's build, where `proc_macro` is set: the schema is for
// editors, and every user of the table would compile it.
#[cfg(not(proc_macro))]
pub mod schema;
mod suggest;
mod syntax;
mod table;
mod text;
mod validate;
mod values;

#[cfg(not(proc_macro))]
pub use diagnostic::line_and_column;
pub use diagnostic::{Diagnostic, MAX_REPORTED};
pub use file::{MAX_TABLE_BYTES, read_table_bytes, table_text, too_large};
pub use names::VariantName;
pub use suggest::closest;
pub use table::{Action, Finality, Outcome, Row, Stage, Table};
pub use text::TableText;
pub use validate::{MAX_ROWS, check};
