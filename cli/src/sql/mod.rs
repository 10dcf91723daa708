//! SQL text that runs unchanged wherever tracking data is queried: a
//! Marketing Cloud Query Activity (a subset of T-SQL), SQLite, DuckDB,
//! Snowflake and BigQuery.
//!
//! The engines disagree on more than they seem to, so the text keeps to
//! what they share: one `SELECT`, derived tables rather than `WITH`,
//! searched `CASE`, code ranges written as comparisons (`/` truncates
//! integers in T-SQL and SQLite but not in DuckDB, Snowflake or BigQuery),
//! and plain identifiers. Only a table name that needs quotes is written
//! for one engine, its `--dialect` (brackets are T-SQL's, backticks
//! BigQuery's, double quotes the others').

mod classify;
mod dialect;
mod literal;
mod since;
mod table_name;

pub(crate) use classify::{first_unlisted, write_classification};
pub(crate) use dialect::Dialect;
pub(crate) use literal::{in_comment, text};
pub(crate) use since::Since;
pub(crate) use table_name::{NeedsQuotes, Table, TableName};
