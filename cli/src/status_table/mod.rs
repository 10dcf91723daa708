//! The status table every command reads codes with: the built-in one, from
//! which `mobileconnect-status` was generated, or one of the user's own
//! (`--codes FILE`, `SMS_STATUS_CODES`).
//!
//! ```text
//! SmsStatus ── built_in ───────────┐
//!                                  ├─▶ rows in code order ─▶ StatusTable: for every
//! FILE ─ check::load (the build's  │   (name, definition,    code 0..=65535 an entry
//!        reader and messages) ─────┘   note, classification) in an array indexed by
//!        ─ checked (the words          and the Origin of a   code; names sorted, for
//!          become core's values)       table of one's own    text (reading) ─▶ every
//!                                                            command
//! ```
//!
//! Statuses travel through the program as `SmsStatus` values, which keep
//! any code; what a code means comes from the table in use, never from
//! `SmsStatus`'s own methods. A code the table does not list is read as
//! core reads one ([`Classification::unlisted`]), and the rule that a
//! kind of sending code changes an outcome or an action is core's
//! (`Finality::outcome_for`, `action_for`).

mod built_in;
mod checked;
mod classification;
mod names;
mod origin;
mod reading;
mod row;
#[cfg(test)]
mod tests;
mod unread;

use std::fmt;
use std::sync::Arc;

use mobileconnect_status::{Action, CodeKind, Finality, Outcome, Stage};

pub(crate) use classification::Classification;
use names::Names;
pub(crate) use origin::{Origin, for_shell};
pub(crate) use reading::plain_status;
use row::Row;
pub(crate) use unread::UnreadStatus;

/// The row of a code no row lists. A table has at most
/// `mobileconnect_status_table::MAX_ROWS` rows, so no row has this index.
const UNLISTED: u16 = u16::MAX;
const _: () = assert!(mobileconnect_status_table::MAX_ROWS < UNLISTED as usize);

/// A status table, ready for every command. Cheap to clone: clones share
/// one copy, so the tally of each thread and the report can each hold it.
#[derive(Clone)]
pub(crate) struct StatusTable(Arc<Lookup>);

struct Lookup {
    /// The file a table of the user's own came from; `None` for the
    /// built-in table.
    origin: Option<Origin>,
    /// Every row, in code order.
    rows: Box<[Row]>,
    /// An entry for every code: triage classifies on its hot path, with
    /// one read from this array, never a search.
    by_code: Box<[Entry]>,
    names: Names,
}

/// What the table says of one code: six bytes.
#[derive(Clone, Copy)]
struct Entry {
    /// Its row in `rows`, or [`UNLISTED`].
    row: u16,
    classification: Classification,
}

impl StatusTable {
    /// The table of these rows. Codes are unique in a checked table.
    fn from_rows(origin: Option<Origin>, mut rows: Vec<Row>) -> Self {
        rows.sort_by_key(|row| row.code);
        let mut by_code: Vec<Entry> = (0..=u16::MAX)
            .map(|code| Entry {
                row: UNLISTED,
                classification: Classification::unlisted(code),
            })
            .collect();
        for (index, row) in rows.iter().enumerate() {
            by_code[usize::from(row.code)] = Entry {
                row: u16::try_from(index).unwrap_or(UNLISTED),
                classification: row.classification,
            };
        }
        let names = Names::new(rows.iter().map(|row| (&*row.name, row.code)));
        Self(Arc::new(Lookup {
            origin,
            rows: rows.into_boxed_slice(),
            by_code: by_code.into_boxed_slice(),
            names,
        }))
    }

    /// The file the table was read from (`--codes`); `None` for the
    /// built-in table.
    pub(crate) fn origin(&self) -> Option<&Origin> {
        self.0.origin.as_ref()
    }

    /// What the table says of `code`, listed or not.
    pub(crate) fn status(&self, code: u16) -> Status<'_> {
        let entry = self.entry(code);
        Status {
            code,
            row: self.0.rows.get(usize::from(entry.row)),
            classification: entry.classification,
        }
    }

    /// The classification of `code`: one read from an array, for the hot
    /// paths.
    #[inline]
    pub(crate) fn classification(&self, code: u16) -> Classification {
        self.entry(code).classification
    }

    #[inline]
    fn entry(&self, code: u16) -> Entry {
        self.0.by_code[usize::from(code)]
    }

    /// Every status the table lists, in code order.
    pub(crate) fn listed(&self) -> impl Iterator<Item = Status<'_>> {
        self.0.rows.iter().map(|row| Status {
            code: row.code,
            row: Some(row),
            classification: row.classification,
        })
    }

    /// The code of the status named `name`, in any ASCII case.
    pub(crate) fn code_named(&self, name: &str) -> Option<u16> {
        self.0.names.code(name)
    }
}

/// A table of 65,536 entries shows as its rows' count.
impl fmt::Debug for StatusTable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StatusTable")
            .field("rows", &self.0.rows.len())
            .finish_non_exhaustive()
    }
}

/// `4600 BlockedByOurGateway`, or the code alone when the table does not
/// list it: as `SmsStatus` shows a status, with the table in use's names.
impl fmt::Display for Status<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => write!(f, "{} {name}", self.code),
            None => write!(f, "{}", self.code),
        }
    }
}

/// A code, read through a table: its row if the table lists it, and its
/// classification either way.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Status<'a> {
    code: u16,
    row: Option<&'a Row>,
    classification: Classification,
}

impl<'a> Status<'a> {
    pub(crate) fn code(self) -> u16 {
        self.code
    }

    /// Whether the table lists the code.
    pub(crate) fn is_listed(self) -> bool {
        self.row.is_some()
    }

    /// The table's name; `None` for an unlisted code.
    pub(crate) fn name(self) -> Option<&'a str> {
        self.row.map(|row| &*row.name)
    }

    /// The table's definition, verbatim; `None` for an unlisted code.
    pub(crate) fn definition(self) -> Option<&'a str> {
        self.row.map(|row| &*row.definition)
    }

    /// The table's reason for the classification, where it gives one.
    pub(crate) fn note(self) -> Option<&'a str> {
        self.row.and_then(|row| row.note.as_deref())
    }

    pub(crate) fn classification(self) -> Classification {
        self.classification
    }

    pub(crate) fn stage(self) -> Option<Stage> {
        self.classification.stage
    }

    pub(crate) fn outcome(self) -> Outcome {
        self.classification.outcome
    }

    pub(crate) fn finality(self) -> Finality {
        self.classification.finality
    }

    pub(crate) fn action(self) -> Action {
        self.classification.action
    }

    pub(crate) fn is_final_for(self, kind: CodeKind) -> bool {
        self.classification.is_final_for(kind)
    }
}
