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
    received_ms bigint NOT NULL,
    callback_id text NOT NULL,
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

struct PostgresStore {
    client: Client,
    runtime: Handle,
}

/// Reads take turns on one connection: they are rare (a list or a report
/// asked for after events changed), and a transaction needs it alone.
struct PostgresReader {
    client: Mutex<Client>,
    runtime: Handle,
}

pub(super) fn open(url: &str, runtime: &Handle) -> Result<Opened, StoreError> {
    let writer = runtime.block_on(connect(url))?;
    runtime.block_on(async {
        writer
            .batch_execute(&format!("BEGIN;{SCHEMA}COMMIT;"))
            .await
    })?;
    let reader = runtime.block_on(connect(url))?;
    Ok(Opened {
        store: Box::new(PostgresStore {
            client: writer,
            runtime: runtime.clone(),
        }),
        reader: Arc::new(PostgresReader {
            client: Mutex::new(reader),
            runtime: runtime.clone(),
        }),
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
        let added = self.runtime.block_on(
            self.client
                .query(INSERT, &[&identities, &received_ms, &texts]),
        )?;
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
        self.runtime.block_on(self.client.execute(
            super::INSERT_VERIFICATION,
            &[&received_ms, &callback_id, &verification_key],
        ))?;
        Ok(())
    }
}

impl Reader for PostgresReader {
    fn count(&self) -> Result<u64, StoreError> {
        let client = self.client.lock().unwrap_or_else(PoisonError::into_inner);
        let row = self
            .runtime
            .block_on(client.query_one("SELECT count(*) FROM ens_events", &[]))?;
        Ok(row.get::<_, i64>(0).unsigned_abs())
    }

    fn each(&self, visit: &mut dyn FnMut(&str) -> io::Result<()>) -> Result<(), StoreError> {
        const PAGE: i32 = 10_000;
        let mut client = self.client.lock().unwrap_or_else(PoisonError::into_inner);
        // A cursor, so that the events come in pages instead of all at
        // once; each page is passed on outside the runtime, where `visit`
        // may block.
        let transaction = self
            .runtime
            .block_on(client.build_transaction().read_only(true).start())?;
        let portal = self
            .runtime
            .block_on(transaction.bind("SELECT event FROM ens_events ORDER BY seq", &[]))?;
        loop {
            let rows = self
                .runtime
                .block_on(transaction.query_portal(&portal, PAGE))?;
            for row in &rows {
                visit(row.get(0))
                    .map_err(|failure| StoreError(format!("cannot pass events on: {failure}")))?;
            }
            if rows.len() < PAGE as usize {
                break;
            }
        }
        self.runtime.block_on(transaction.commit())?;
        Ok(())
    }
}
