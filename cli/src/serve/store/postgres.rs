//! PostgreSQL storage, for several receivers behind one load balancer.
//!
//! Each receiver commits its own groups of batches. Two receivers may
//! insert the same event at once (ENS sent it to both): `ON CONFLICT DO
//! NOTHING` lets one of them add it, and the other waits for that
//! transaction and then skips it. Each transaction inserts its events in
//! identity order, so two transactions wait for each other's rows in one
//! direction only, never in a cycle. The client talks to the server
//! without TLS: run it on the same host or a private network.

use std::io;
use std::sync::{Arc, Mutex, PoisonError};

use tokio::runtime::Handle;
use tokio_postgres::error::SqlState;
use tokio_postgres::{Client, NoTls};

use super::{Opened, Reader, Store, StoreError};
use crate::serve::batch::Event;

/// Creates the tables; an advisory lock keeps two receivers starting at
/// once from creating them twice (`CREATE … IF NOT EXISTS` alone races).
const SCHEMA: &str = "
SELECT pg_advisory_xact_lock(7418023301);
CREATE TABLE IF NOT EXISTS ens_events (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    identity bytea NOT NULL UNIQUE,
    received_ms bigint NOT NULL,
    event text NOT NULL
);
CREATE TABLE IF NOT EXISTS ens_verifications (
    callback_id text NOT NULL PRIMARY KEY,
    received_ms bigint NOT NULL,
    verification_key text NOT NULL
);
";

/// One statement for the whole group: the arrays are in identity order,
/// and `unnest` keeps that order.
const INSERT: &str = "
INSERT INTO ens_events (identity, received_ms, event)
SELECT identity, $2, event FROM unnest($1::bytea[], $3::text[]) AS batch (identity, event)
ON CONFLICT (identity) DO NOTHING
RETURNING identity
";

/// A connection that is opened again when the server closed it (it
/// restarted, or a proxy between dropped it): the request that finds it
/// closed gets a 503, and the next one a new connection.
struct Connection {
    url: String,
    client: Client,
    runtime: Handle,
}

impl Connection {
    fn open(url: &str, runtime: &Handle) -> Result<Self, StoreError> {
        Ok(Self {
            url: url.to_owned(),
            client: runtime.block_on(connect(url))?,
            runtime: runtime.clone(),
        })
    }

    /// The client, connected again if the connection had closed.
    fn client(&mut self) -> Result<&mut Client, StoreError> {
        if self.client.is_closed() {
            self.client = self.runtime.block_on(connect(&self.url))?;
        }
        Ok(&mut self.client)
    }
}

struct PostgresStore(Connection);

/// Reads take turns on one connection: they are rare (a list or a report
/// asked for after events changed), and a transaction needs it alone.
struct PostgresReader(Mutex<Connection>);

pub(super) fn open(url: &str, runtime: &Handle) -> Result<Opened, StoreError> {
    let mut writer = Connection::open(url, runtime)?;
    let schema = format!("BEGIN;{SCHEMA}COMMIT;");
    runtime.block_on(writer.client()?.batch_execute(&schema))?;
    Ok(Opened {
        store: Box::new(PostgresStore(writer)),
        reader: Arc::new(PostgresReader(Mutex::new(Connection::open(url, runtime)?))),
        description: format!("PostgreSQL {}", without_password(url)),
    })
}

/// A connection, whose socket is driven by a task of its own.
async fn connect(url: &str) -> Result<Client, StoreError> {
    let (client, connection) = tokio_postgres::connect(url, NoTls)
        .await
        .map_err(|failure| {
            StoreError(format!(
                "cannot connect to {}: {failure}",
                without_password(url)
            ))
        })?;
    tokio::spawn(async move {
        if let Err(failure) = connection.await {
            eprintln!("sms-status serve: PostgreSQL connection ended: {failure}");
        }
    });
    Ok(client)
}

/// The URL for the log, without a password in it.
fn without_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((user, host)) => {
            let user = user.split_once(':').map_or(user, |(name, _)| name);
            format!("{scheme}://{user}@{host}")
        }
        None => url.to_owned(),
    }
}

impl From<tokio_postgres::Error> for StoreError {
    fn from(failure: tokio_postgres::Error) -> Self {
        StoreError(format!("PostgreSQL: {failure}"))
    }
}

impl Store for PostgresStore {
    fn insert(&mut self, events: &[&Event], received_ms: i64) -> Result<Vec<bool>, StoreError> {
        let identities: Vec<&[u8]> = events.iter().map(|event| &event.identity[..]).collect();
        let texts: Vec<&str> = events.iter().map(|event| event.text.as_str()).collect();
        let runtime = self.0.runtime.clone();
        let client = self.0.client()?;
        let added = runtime.block_on(client.query(INSERT, &[&identities, &received_ms, &texts]))?;
        let mut added: Vec<&[u8]> = added.iter().map(|row| row.get(0)).collect();
        added.sort_unstable();
        Ok(identities
            .iter()
            .map(|identity| added.binary_search(identity).is_ok())
            .collect())
    }

    fn verification(
        &mut self,
        callback_id: &str,
        verification_key: &str,
        received_ms: i64,
    ) -> Result<(), StoreError> {
        let runtime = self.0.runtime.clone();
        let client = self.0.client()?;
        runtime.block_on(async {
            let transaction = client.transaction().await?;
            transaction
                .execute(
                    super::UPSERT_VERIFICATION,
                    &[&received_ms, &callback_id, &verification_key],
                )
                .await?;
            transaction
                .execute(super::TRIM_VERIFICATIONS, &[&super::MOST_VERIFICATIONS])
                .await?;
            transaction.commit().await
        })?;
        Ok(())
    }
}

impl PostgresReader {
    /// What `read` returns on the connection. A connection the server
    /// ended is found ended only by the query that fails on it; a read
    /// changes nothing, so it is tried once more on a new connection, and
    /// a list asked for after a failover is served, not refused.
    fn read<T>(
        &self,
        read: impl Fn(&Handle, &Client) -> Result<T, tokio_postgres::Error>,
    ) -> Result<T, StoreError> {
        let mut connection = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let runtime = connection.runtime.clone();
        match read(&runtime, connection.client()?) {
            Err(failure) if is_ended(&failure) => {
                connection.client = runtime.block_on(connect(&connection.url))?;
                Ok(read(&runtime, &connection.client)?)
            }
            other => Ok(other?),
        }
    }
}

/// Whether `failure` says the connection is gone: closed, or ended by the
/// server (`pg_terminate_backend`, a shutdown, another backend's crash).
fn is_ended(failure: &tokio_postgres::Error) -> bool {
    failure.is_closed()
        || [SqlState::ADMIN_SHUTDOWN, SqlState::CRASH_SHUTDOWN]
            .iter()
            .any(|ended| failure.code() == Some(ended))
}

impl Reader for PostgresReader {
    fn count(&self) -> Result<u64, StoreError> {
        let row = self.read(|runtime, client| {
            runtime.block_on(client.query_one("SELECT count(*) FROM ens_events", &[]))
        })?;
        Ok(row.get::<_, i64>(0).unsigned_abs())
    }

    fn each(&self, visit: &mut dyn FnMut(&str) -> io::Result<()>) -> Result<(), StoreError> {
        let mut after = i64::MIN;
        loop {
            // The connection is held for one page's query only: the page
            // is passed on at the client's pace with nothing held.
            let page = self.read(|runtime, client| {
                runtime.block_on(client.query(super::PAGE_OF_EVENTS, &[&after, &super::PAGE]))
            })?;
            for row in &page {
                visit(row.get(1))
                    .map_err(|failure| StoreError(format!("cannot pass events on: {failure}")))?;
            }
            // An empty page is the end.
            match page.last() {
                Some(row) => after = row.get(0),
                None => return Ok(()),
            }
        }
    }
}
