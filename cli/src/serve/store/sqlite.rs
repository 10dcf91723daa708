//! SQLite storage: one file in WAL mode, written by one connection (the
//! group-commit thread) and read by connections opened for each read.
//!
//! WAL lets readers run while the writer commits. `synchronous=FULL` makes
//! each commit wait until the log is on disk, so an acknowledged batch
//! survives a crash of the process and of the machine; `NORMAL` waits for
//! checkpoints only, which survives the process but not a power loss.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, params};

use super::{Opened, Reader, Store, StoreError, Sync};
use crate::quoted;
use crate::serve::batch::Event;

/// How long a write waits for a lock another process holds, before the
/// request is answered 503. Under ENS's 3 seconds, so the answer comes
/// before ENS gives up on it.
const BUSY_TIMEOUT: Duration = Duration::from_millis(1500);

/// The size the write-ahead log is cut back to once a checkpoint has
/// emptied it. SQLite otherwise keeps the file at the largest it ever
/// grew (while a long read kept checkpoints from emptying it, say).
const WAL_KEPT_BYTES: u64 = 16 << 20;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS ens_events (
    seq INTEGER PRIMARY KEY,
    identity BLOB NOT NULL UNIQUE,
    received_ms INTEGER NOT NULL,
    event TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ens_verifications (
    callback_id TEXT NOT NULL PRIMARY KEY,
    received_ms INTEGER NOT NULL,
    verification_key TEXT NOT NULL
);
";

const INSERT: &str = "INSERT INTO ens_events (identity, received_ms, event) VALUES (?1, ?2, ?3) \
                      ON CONFLICT (identity) DO NOTHING";

struct SqliteStore {
    connection: Connection,
}

struct SqliteReader {
    path: PathBuf,
    name: String,
}

pub(super) fn open(path: &Path, sync: Sync) -> Result<Opened, StoreError> {
    let name = quoted::as_name(&path.display().to_string());
    let failed = |error: rusqlite::Error| StoreError(format!("cannot open {name}: {error}"));
    let connection = Connection::open(path).map_err(failed)?;
    connection.busy_timeout(BUSY_TIMEOUT).map_err(failed)?;
    let mode: String = connection
        .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
        .map_err(failed)?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError(format!(
            "cannot open {name} in WAL mode (SQLite kept journal_mode {mode})"
        )));
    }
    let synchronous = match sync {
        Sync::Full => "FULL",
        Sync::Normal => "NORMAL",
    };
    connection
        .execute_batch(&format!(
            "PRAGMA synchronous = {synchronous}; PRAGMA journal_size_limit = {WAL_KEPT_BYTES};{SCHEMA}"
        ))
        .map_err(failed)?;
    let reader = SqliteReader {
        path: path.to_owned(),
        name: name.clone(),
    };
    Ok(Opened {
        store: Box::new(SqliteStore { connection }),
        reader: Arc::new(reader),
        description: format!("SQLite {name} (WAL, synchronous={synchronous})"),
    })
}

impl From<rusqlite::Error> for StoreError {
    fn from(failure: rusqlite::Error) -> Self {
        StoreError(format!("SQLite: {failure}"))
    }
}

impl Store for SqliteStore {
    fn insert(&mut self, events: &[&Event], received_ms: i64) -> Result<Vec<bool>, StoreError> {
        let transaction = self.connection.transaction()?;
        let mut added = Vec::with_capacity(events.len());
        {
            let mut insert = transaction.prepare(INSERT)?;
            for event in events {
                let rows = insert.execute(params![&event.identity[..], received_ms, event.text])?;
                added.push(rows == 1);
            }
        }
        transaction.commit()?;
        Ok(added)
    }

    fn verification(
        &mut self,
        callback_id: &str,
        verification_key: &str,
        received_ms: i64,
    ) -> Result<(), StoreError> {
        let transaction = self.connection.transaction()?;
        transaction.execute(
            super::UPSERT_VERIFICATION,
            params![received_ms, callback_id, verification_key],
        )?;
        transaction.execute(super::TRIM_VERIFICATIONS, [super::MOST_VERIFICATIONS])?;
        transaction.commit()?;
        Ok(())
    }
}

impl SqliteReader {
    /// A connection of its own for each read: opening one costs far less
    /// than the read, and no lock is held between reads.
    fn connect(&self) -> Result<Connection, StoreError> {
        let connection = Connection::open_with_flags(
            &self.path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|failure| StoreError(format!("cannot read {}: {failure}", self.name)))?;
        connection.busy_timeout(BUSY_TIMEOUT)?;
        Ok(connection)
    }
}

impl Reader for SqliteReader {
    fn count(&self) -> Result<u64, StoreError> {
        let count: i64 =
            self.connect()?
                .query_row("SELECT count(*) FROM ens_events", [], |row| row.get(0))?;
        Ok(count.unsigned_abs())
    }

    fn each(&self, visit: &mut dyn FnMut(&str) -> io::Result<()>) -> Result<(), StoreError> {
        let connection = self.connect()?;
        let mut select = connection.prepare(super::PAGE_OF_EVENTS)?;
        let mut after = i64::MIN;
        loop {
            // The statement is reset when its rows are dropped, which
            // ends the read transaction before the page is passed on.
            let page = select
                .query_map(params![after, super::PAGE], |row| {
                    Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?))
                })?
                .collect::<Result<Vec<_>, _>>()?;
            for (_, text) in &page {
                visit(text)
                    .map_err(|failure| StoreError(format!("cannot pass events on: {failure}")))?;
            }
            // An empty page is the end.
            match page.last() {
                Some(&(seq, _)) => after = seq,
                None => return Ok(()),
            }
        }
    }
}
