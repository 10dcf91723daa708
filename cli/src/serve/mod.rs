//! `sms-status serve`: a receiver for Marketing Cloud's Event Notification
//! Service (ENS). It takes signed batches of SMS events, stores each event
//! once and durably before it acknowledges the batch, and serves triage's
//! lists and reports of everything stored.
//!
//! The way of the data:
//!
//! ```text
//! POST /ens ─ http (connection cap, header and write timeouts, graceful stop)
//!   └ routes ─ ens: content type, size, body timeout
//!        ├ unsigned: verification (the configured callback's body only) ─┐
//!        └ signed: signature (raw bytes, every key, both key forms)      │
//!             └ batch: events as received, identity, each once          │
//!                  └ group_commit: one transaction for the batches      │
//!                       waiting, durable ─ store (SQLite | PostgreSQL) ◄┘
//!                            └ 200 to each batch's request (503 if not stored)
//!
//! GET /lists/*.txt, /report.json, /report.html
//!   └ views: stored events ─ event_lines (JSON Lines) ─ triage's own
//!            reading, resolution and writers, kept until events are added
//! GET /events.jsonl ─ event_lines: the stored events, one a line
//! GET /healthz, /metrics ─ metrics
//! ```

mod answer;
mod batch;
mod ens;
mod event_lines;
mod group_commit;
mod http;
mod identity;
mod keys;
mod metrics;
mod off_thread;
mod routes;
pub(crate) mod shutdown;
mod signature;
mod store;
mod verification;
mod views;
mod write_timeout;

use std::fmt::Display;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use mobileconnect_status::CodeKind;

use crate::fatal::Fatal;
use crate::status_table::StatusTable;
use group_commit::Committer;
use keys::Keys;
use metrics::Metrics;
use store::Reader;
pub(crate) use store::{Database, Sync};
use views::{Unread, Views};

/// Everything `serve` was asked to do.
#[derive(Debug)]
pub(crate) struct ServeOptions {
    pub(crate) database: Database,
    pub(crate) listen: SocketAddr,
    /// The callback whose verification body is answered 200; `None` while
    /// a callback is being set up and its id is not known yet.
    pub(crate) callback_id: Option<String>,
    pub(crate) key_file: Option<PathBuf>,
    pub(crate) code_kind: CodeKind,
    pub(crate) sync: Sync,
    pub(crate) header_timeout: Duration,
    pub(crate) body_timeout: Duration,
    pub(crate) write_timeout: Duration,
    pub(crate) max_connections: usize,
}

impl Default for ServeOptions {
    fn default() -> Self {
        Self {
            database: Database::Sqlite(PathBuf::from("sms-status.sqlite")),
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            callback_id: None,
            key_file: None,
            code_kind: CodeKind::Dedicated,
            sync: Sync::Full,
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(20),
            write_timeout: Duration::from_secs(30),
            max_connections: 256,
        }
    }
}

/// What every request shares.
pub(crate) struct State {
    keys: Keys,
    callback_id: Option<String>,
    committer: Committer,
    views: Views,
    reader: Arc<dyn Reader>,
    metrics: Arc<Metrics>,
    body_timeout: Duration,
}

impl State {
    /// The number of stored events.
    async fn stored(&self) -> Result<u64, Unread> {
        let reader = Arc::clone(&self.reader);
        Ok(off_thread::run("events-counter", move || reader.count()).await??)
    }
}

/// A line on stderr, the receiver's log.
fn log(message: impl Display) {
    eprintln!("sms-status serve: {message}");
}

/// Serves until SIGTERM (or Ctrl-C), then finishes the batches it has
/// accepted and returns 0; the lists and reports read statuses with
/// `table`. Exit code 2 when the keys, the database or the address cannot
/// be had.
pub(crate) fn run(options: &ServeOptions, table: StatusTable) -> Result<ExitCode, Fatal> {
    let keys = Keys::load(
        options.key_file.as_deref(),
        std::env::var_os(keys::KEY_VARIABLE),
    )
    .map_err(Fatal::new)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|failure| Fatal::new(format!("cannot start the server's threads: {failure}")))?;
    let opened = store::open(&options.database, options.sync, runtime.handle())
        .map_err(|failure| Fatal::new(failure.to_string()))?;
    let listener = std::net::TcpListener::bind(options.listen)
        .and_then(|listener| listener.set_nonblocking(true).map(|()| listener))
        .map_err(|failure| Fatal::new(format!("cannot listen on {}: {failure}", options.listen)))?;
    let address = listener.local_addr().unwrap_or(options.listen);
    let stop = shutdown::install();

    let metrics = Arc::new(Metrics::default());
    let (committer, writer) = Committer::start(opened.store, Arc::clone(&metrics))
        .map_err(|failure| Fatal::new(format!("cannot start the database writer: {failure}")))?;
    log(format_args!("storing events in {}", opened.description));
    log(keys.describe());
    match &options.callback_id {
        Some(id) => log(format_args!(
            "answering the verification body of callback {id:?}"
        )),
        None => log(
            "no --callback-id: the verification body of any callback is answered and \
             stored, as while a callback is created; name the callback once it is",
        ),
    }
    let state = Arc::new(State {
        keys,
        callback_id: options.callback_id.clone(),
        committer,
        views: Views::new(Arc::clone(&opened.reader), table, options.code_kind),
        reader: opened.reader,
        metrics,
        body_timeout: options.body_timeout,
    });
    let limits = http::Limits {
        header_timeout: options.header_timeout,
        write_timeout: options.write_timeout,
        connections: options.max_connections,
    };
    log(format_args!("listening on http://{address}"));
    runtime
        .block_on(async {
            let listener = tokio::net::TcpListener::from_std(listener)?;
            http::serve(listener, state, limits, stop).await;
            Ok::<_, std::io::Error>(())
        })
        .map_err(|failure| Fatal::new(format!("cannot listen on {address}: {failure}")))?;
    // Every request has ended and dropped its handle on the writer, which
    // now commits what is left and stops.
    let _ = writer.join();
    log("stopped; every accepted batch is stored");
    Ok(ExitCode::SUCCESS)
}
