//! One row of a status table, as every command reads it.

use super::classification::Classification;

/// A listed code: its name, its definition and note as the table writes
/// them, and its classification.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) code: u16,
    /// One word in `PascalCase`, unique in its table whatever the case.
    pub(crate) name: Box<str>,
    pub(crate) definition: Box<str>,
    pub(crate) note: Option<Box<str>>,
    pub(crate) classification: Classification,
}
