//! Reporting what was resolved: the last of triage's layers. It reads
//! nothing from the inputs; it sees each number's record and the counts.
//!
//! ```text
//! Resolved ─▶ Summary: every count the report shows, computed once
//!             (summary, funnel) ─▶ text, json, html (with words)
//!          ─▶ the suppress and retry lists (lists)
//! ```

pub(crate) mod funnel;
pub(crate) mod html;
pub(crate) mod json;
pub(crate) mod lists;
pub(crate) mod summary;
pub(crate) mod text;
mod words;
