//! The lists and reports the receiver serves: triage's own, of the stored
//! events read as the JSON Lines file `GET /events.jsonl` serves, so that
//! `sms-status triage events.jsonl` prints and writes exactly the same.
//!
//! Resolving reads every stored event, so the result is kept until an
//! event is added; the number of stored events says when (rows are only
//! ever added). Requests that arrive while it is being resolved wait for
//! that one resolution instead of starting their own.

use std::fmt;
use std::sync::Arc;

use mobileconnect_status::{Action, CodeKind};
use tokio::sync::Mutex;

use super::event_lines;
use super::off_thread::{self, Unrun};
use super::store::{Reader, StoreError};
use crate::status_table::StatusTable;
use crate::triage::{self, Triaged};

/// The name the stored events have in reports: the file `GET
/// /events.jsonl` is saved as, for `sms-status triage` to say the same.
pub(crate) const EVENTS_FILE: &str = "events.jsonl";

/// What the report page links to, relative to `/report.html`.
const SUPPRESS_LINK: &str = "lists/suppress.txt";
const RETRY_LINK: &str = "lists/retry.txt";

/// A list or a report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum View {
    List(Action),
    Json,
    Html,
}

pub(crate) struct Views {
    reader: Arc<dyn Reader>,
    /// The status table the events are resolved with.
    table: StatusTable,
    code_kind: CodeKind,
    /// The last resolution and the number of events it read.
    cache: Mutex<Option<(u64, Arc<Triaged>)>>,
}

impl Views {
    pub(crate) fn new(reader: Arc<dyn Reader>, table: StatusTable, code_kind: CodeKind) -> Self {
        Self {
            reader,
            table,
            code_kind,
            cache: Mutex::new(None),
        }
    }

    /// The view's bytes, as triage writes them.
    pub(crate) async fn render(&self, view: View) -> Result<Vec<u8>, Unread> {
        let resolved = self.resolved().await?;
        let rendered = off_thread::run("view-writer", move || {
            let mut out = Vec::new();
            let written = match view {
                View::List(action) => resolved.write_list(action, &mut out),
                View::Json => resolved.write_json(&mut out),
                View::Html => resolved.write_html(
                    Some(SUPPRESS_LINK.to_owned()),
                    Some(RETRY_LINK.to_owned()),
                    &mut out,
                ),
            };
            written.map(|()| out)
        })
        .await?;
        rendered.map_err(|failure| {
            Unread::Store(StoreError(format!(
                "cannot write the {view:?} view: {failure}"
            )))
        })
    }

    /// The resolution of every stored event, resolved again only when
    /// events were added since.
    async fn resolved(&self) -> Result<Arc<Triaged>, Unread> {
        let mut cache = self.cache.lock().await;
        let reader = Arc::clone(&self.reader);
        let count = off_thread::run("events-counter", move || reader.count()).await??;
        if let Some((counted, resolved)) = &*cache {
            if *counted == count {
                return Ok(Arc::clone(resolved));
            }
        }
        let reader = Arc::clone(&self.reader);
        let (table, code_kind) = (self.table.clone(), self.code_kind);
        let resolved = off_thread::run("events-resolver", move || {
            let (lines, reading) = event_lines::stream(reader)?;
            let resolved = triage::resolve_json_lines(lines, EVENTS_FILE, &table, code_kind);
            match reading.join() {
                Ok(read) => Ok(read.map(|()| resolved)?),
                Err(_) => Err(Unread::Thread(Unrun::Panicked)),
            }
        })
        .await??;
        // Events added while these were read make the count low, never
        // high: the next request resolves again, and nothing is missed.
        let resolved = Arc::new(resolved);
        *cache = Some((count, Arc::clone(&resolved)));
        Ok(resolved)
    }
}

/// Why a view or the stored events cannot be served now: each is
/// answered 503, and the client may ask again.
#[derive(Debug)]
pub(crate) enum Unread {
    /// The database cannot be read.
    Store(StoreError),
    /// No thread could be started to read it, or the one reading stopped.
    Thread(Unrun),
}

impl Unread {
    /// What the client is told; the log says more.
    pub(crate) fn answer(&self) -> &'static str {
        match self {
            Unread::Store(_) => "the database cannot be read now\n",
            Unread::Thread(_) => "the server cannot start the work now; ask again\n",
        }
    }
}

impl fmt::Display for Unread {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unread::Store(failure) => write!(f, "cannot read the database: {failure}"),
            Unread::Thread(failure) => write!(f, "cannot read the events: {failure}"),
        }
    }
}

impl From<StoreError> for Unread {
    fn from(failure: StoreError) -> Self {
        Unread::Store(failure)
    }
}

impl From<Unrun> for Unread {
    fn from(failure: Unrun) -> Self {
        Unread::Thread(failure)
    }
}
