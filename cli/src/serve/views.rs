//! The lists and reports the receiver serves: triage's own, of the stored
//! events read as the JSON Lines file `GET /events.jsonl` serves, so that
//! `sms-status triage events.jsonl` prints and writes exactly the same.
//!
//! Resolving reads every stored event, so the result is kept until an
//! event is added; the number of stored events says when (rows are only
//! ever added). Requests that arrive while it is being resolved wait for
//! that one resolution instead of starting their own.

use std::sync::Arc;

use mobileconnect_status::{Action, CodeKind};
use tokio::sync::Mutex;

use super::event_lines;
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
    pub(crate) async fn render(&self, view: View) -> Result<Vec<u8>, StoreError> {
        let resolved = self.resolved().await?;
        let rendered = tokio::task::spawn_blocking(move || {
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
        });
        match rendered.await {
            Ok(Ok(out)) => Ok(out),
            Ok(Err(failure)) => Err(StoreError(format!(
                "cannot write the {view:?} view: {failure}"
            ))),
            Err(failure) => Err(StoreError(format!("resolving stopped: {failure}"))),
        }
    }

    /// The resolution of every stored event, resolved again only when
    /// events were added since.
    async fn resolved(&self) -> Result<Arc<Triaged>, StoreError> {
        let mut cache = self.cache.lock().await;
        let reader = Arc::clone(&self.reader);
        let count = blocking(move || reader.count()).await?;
        if let Some((counted, resolved)) = &*cache {
            if *counted == count {
                return Ok(Arc::clone(resolved));
            }
        }
        let reader = Arc::clone(&self.reader);
        let (table, code_kind) = (self.table.clone(), self.code_kind);
        let resolved = blocking(move || {
            let (lines, reading) = event_lines::stream(reader);
            let resolved = triage::resolve_json_lines(lines, EVENTS_FILE, &table, code_kind);
            match reading.join() {
                Ok(read) => read.map(|()| resolved),
                Err(_) => Err(StoreError("reading the events failed".to_owned())),
            }
        })
        .await?;
        // Events added while these were read make the count low, never
        // high: the next request resolves again, and nothing is missed.
        let resolved = Arc::new(resolved);
        *cache = Some((count, Arc::clone(&resolved)));
        Ok(resolved)
    }
}

/// Runs `work`, which reads the database, off the request threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, StoreError> + Send + 'static,
) -> Result<T, StoreError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|failure| StoreError(format!("reading the database stopped: {failure}")))?
}
