//! Where accepted events are kept: SQLite by default, PostgreSQL when
//! several receivers share one database. Both keep the same two tables:
//!
//! - `ens_events`: one row per event identity, in the order they were
//!   first stored (`seq`), with the event's text exactly as received;
//! - `ens_verifications`: the newest verification body of each callback
//!   (of the newest callbacks, a bounded number), to be passed on to
//!   `POST /platform/v1/ens-verify`.
//!
//! Events are only ever added, so the number of events tells whether
//! anything changed since the lists were last resolved.

#[cfg(feature = "postgres")]
mod postgres;
mod sqlite;

use std::fmt;
use std::io;
use std::path::PathBuf;
use std::sync::Arc;

use super::batch::Event;

/// `--sync`: what a commit waits for in SQLite.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Sync {
    /// `synchronous=FULL`: a commit is on disk before it is acknowledged.
    #[default]
    Full,
    /// `synchronous=NORMAL`: a commit survives the process being killed,
    /// but the last ones may be lost when the machine loses power.
    Normal,
}

impl std::str::FromStr for Sync {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "full" => Ok(Self::Full),
            "normal" => Ok(Self::Normal),
            _ => Err(format!(
                "unknown sync mode {text:?}: expected full or normal"
            )),
        }
    }
}

/// `--database`: a SQLite file, or a PostgreSQL URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Database {
    Sqlite(PathBuf),
    Postgres(String),
}

impl Database {
    /// `postgres://…` or `postgresql://…` names a server; anything else a
    /// SQLite file.
    pub(crate) fn named(name: &str) -> Self {
        if name.starts_with("postgres://") || name.starts_with("postgresql://") {
            Self::Postgres(name.to_owned())
        } else {
            Self::Sqlite(PathBuf::from(name))
        }
    }
}

/// A storage failure, in words for the log. The request that met it is
/// answered 503, so that ENS sends its batch again.
#[derive(Debug, Clone)]
pub(crate) struct StoreError(pub(crate) String);

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Keeps a verification body, one for each callback, the newest; `$1`,
/// `$2`, `$3` are its time, callback and key, which SQLite and PostgreSQL
/// both bind by position.
const UPSERT_VERIFICATION: &str = "INSERT INTO ens_verifications (received_ms, callback_id, verification_key) VALUES ($1, $2, $3) \
     ON CONFLICT (callback_id) DO UPDATE SET received_ms = excluded.received_ms, verification_key = excluded.verification_key";

/// The verification bodies kept at most, the newest: without
/// `--callback-id` any callback's is taken, and anyone can send one.
/// A callback is verified within hours of its creation, so the one being
/// set up is among the newest.
const MOST_VERIFICATIONS: i64 = 64;

/// Drops all but the newest [`MOST_VERIFICATIONS`]; `$1` is that number.
const TRIM_VERIFICATIONS: &str = "DELETE FROM ens_verifications WHERE callback_id NOT IN \
     (SELECT callback_id FROM ens_verifications ORDER BY received_ms DESC, callback_id LIMIT $1)";

/// The events read in one query, each query its own short transaction:
/// a page of a few megabytes as ENS's events run (one event could be as
/// large as a 4 MiB body), so that no transaction stays open
/// while a slow client takes the events (an open SQLite read keeps
/// checkpoints from emptying the write-ahead log, which then grows).
const PAGE: i64 = 2_000;

/// A page of stored events after the one whose `seq` is `$1`, at most
/// `$2` of them, in the order stored.
const PAGE_OF_EVENTS: &str =
    "SELECT seq, event FROM ens_events WHERE seq > $1 ORDER BY seq LIMIT $2";

/// The writing side, owned by the one thread that commits.
pub(crate) trait Store: Send {
    /// Adds the events whose identity is not stored yet and says, for
    /// each, whether it was added. One transaction, durable when this
    /// returns. The events come in identity order, each identity once: two
    /// receivers sharing a database take their row locks in one order and
    /// cannot deadlock.
    fn insert(&mut self, events: &[&Event], received_ms: i64) -> Result<Vec<bool>, StoreError>;

    /// Keeps a verification body ENS sent, in place of any the callback
    /// had, and drops the oldest callbacks' beyond the most kept.
    fn verification(
        &mut self,
        callback_id: &str,
        verification_key: &str,
        received_ms: i64,
    ) -> Result<(), StoreError>;
}

/// The reading side, shared by requests for lists and reports.
pub(crate) trait Reader: Send + std::marker::Sync {
    /// How many events are stored.
    fn count(&self) -> Result<u64, StoreError>;

    /// Calls `visit` with each stored event's text, in the order they were
    /// stored; stops at the first error `visit` returns. The events are
    /// read a page at a time, each page in a transaction of its own, so
    /// the events stored before the call are all visited, and some stored
    /// during it may be too (with PostgreSQL, whose transactions commit
    /// out of `seq` order, one stored during it may be left out: it is in
    /// the next call).
    fn each(&self, visit: &mut dyn FnMut(&str) -> io::Result<()>) -> Result<(), StoreError>;
}

/// An open database: its writer and its reader.
pub(crate) struct Opened {
    pub(crate) store: Box<dyn Store>,
    pub(crate) reader: Arc<dyn Reader>,
    /// What it is, for the log.
    pub(crate) description: String,
}

/// Opens (and creates, the first time) the database. PostgreSQL needs
/// the runtime its client runs on.
pub(crate) fn open(
    database: &Database,
    sync: Sync,
    #[cfg_attr(not(feature = "postgres"), expect(unused_variables))]
    runtime: &tokio::runtime::Handle,
) -> Result<Opened, StoreError> {
    match database {
        Database::Sqlite(path) => sqlite::open(path, sync),
        #[cfg(feature = "postgres")]
        Database::Postgres(url) => postgres::open(url, runtime),
        #[cfg(not(feature = "postgres"))]
        Database::Postgres(_) => Err(StoreError(
            "this sms-status was built without PostgreSQL: install it with \
             `cargo install --path cli --features postgres`"
                .to_owned(),
        )),
    }
}
