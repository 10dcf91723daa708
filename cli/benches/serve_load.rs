//! Throughput of `sms-status serve` (see BENCHMARKS.md, "ENS receiver"):
//! four senders posting signed 1,000-event batches, and single-event
//! requests, against the release binary on SQLite and, when a server is
//! named, on PostgreSQL with two receivers. In the same run, two floors:
//! SQLite inserting the same events with no HTTP (the storage floor), and
//! an HTTP server on the same stack that reads each body and answers
//! without verifying or storing it (the HTTP floor).
//!
//! `bash scripts/serve-bench/run.sh` runs it; `SMS_STATUS_BENCH_EVENTS`
//! sets how many events (200,000), `SMS_STATUS_BENCH_SINGLE` how many
//! single-event requests (20,000), and `SMS_STATUS_TEST_POSTGRES` the
//! PostgreSQL server.

#![expect(clippy::cast_precision_loss, reason = "rates need no exact counts")]

#[path = "../tests/serve/events.rs"]
#[allow(dead_code, reason = "the tests use the rest")]
mod events;
#[path = "../tests/serve/http.rs"]
#[allow(dead_code, reason = "the tests use the rest")]
mod http;
#[path = "../tests/serve/server.rs"]
#[allow(dead_code, reason = "the tests use the rest")]
mod server;

use std::convert::Infallible;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use server::{KEY, Server, fresh_database, key_bytes, with_keys};

const SENDERS: usize = 4;
const BATCH: usize = 1000;

fn main() {
    let count = setting("SMS_STATUS_BENCH_EVENTS", 200_000);
    let singles = setting("SMS_STATUS_BENCH_SINGLE", 20_000);
    let events = events::generate(7, count * 100 / 214, count / 20);
    let events = &events[..events.len().min(count)];
    let single_events = &events::generate(8, singles, singles / 4)[..singles];
    let load = Load {
        events: events.len(),
        batches: signed(&batch_bodies(events, BATCH)),
        singles: signed(&batch_bodies(single_events, 1)),
    };
    println!(
        "{} events in {} batches of {BATCH}; {} single-event requests; {SENDERS} senders\n",
        load.events,
        load.batches.len(),
        load.singles.len()
    );
    println!(
        "| receiver | events/s (1,000-event batches) | batch p50 | batch p99 | single-event requests/s |"
    );
    println!("| --- | ---: | ---: | ---: | ---: |");

    let directory = with_keys("bench-sqlite", &[KEY]);
    let full = Server::start(&directory, &[]);
    load.report(
        "sms-status serve, SQLite (synchronous=FULL)",
        &[full.address],
    );
    let resolving = resolve_times(full.address, load.events + load.singles.len());
    full.kill();

    let directory = with_keys("bench-sqlite-normal", &[KEY]);
    let normal = Server::start(&directory, &["--sync", "normal"]);
    load.report(
        "sms-status serve, SQLite (--sync normal)",
        &[normal.address],
    );
    normal.kill();

    if let Ok(url) = std::env::var("SMS_STATUS_TEST_POSTGRES") {
        let url = fresh_database(&url, "sms_status_bench");
        let directory = with_keys("bench-postgres", &[KEY]);
        let first = Server::start(&directory, &["--database", &url]);
        let second = Server::start(&directory, &["--database", &url]);
        load.report(
            "sms-status serve, PostgreSQL, two receivers",
            &[first.address, second.address],
        );
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let floor = runtime.block_on(http_floor());
    load.report(
        "HTTP floor: hyper reads the body and answers, nothing else",
        &[floor],
    );

    let directory = with_keys("bench-storage-floor", &[KEY]);
    let (per_second, p50, p99) = storage_floor(&directory.join("floor.sqlite"), events);
    println!(
        "| storage floor: SQLite inserts the same events, no HTTP (synchronous=FULL, one transaction per batch) | {per_second:.0} | {p50:.1} ms | {p99:.1} ms | |"
    );
    println!("\n{resolving}");
}

/// How long `GET /report.json` takes over every stored event: the first
/// time (read and resolved) and twice again with nothing added (kept).
fn resolve_times(receiver: SocketAddr, stored: usize) -> String {
    let mut times = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        let mut stream = TcpStream::connect(receiver).expect("a connection");
        write!(
            stream,
            "GET /report.json HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n"
        )
        .expect("sent");
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).expect("an answer");
        assert!(
            answer.starts_with(b"HTTP/1.1 200"),
            "{}",
            String::from_utf8_lossy(&answer)
        );
        times.push(millis(started.elapsed()));
    }
    format!(
        "GET /report.json over {stored} stored events (SQLite): {:.0} ms to read and resolve them, \
         then {:.1} ms and {:.1} ms with nothing added (the resolution is kept)",
        times[0], times[1], times[2]
    )
}

/// The requests every receiver gets.
struct Load {
    /// Events in the batches.
    events: usize,
    batches: Vec<(Vec<u8>, String)>,
    singles: Vec<(Vec<u8>, String)>,
}

impl Load {
    /// Sends the batches, then the single events, and prints a row.
    fn report(&self, what: &str, receivers: &[SocketAddr]) {
        let batched = send(receivers, &self.batches);
        let single = send(receivers, &self.singles);
        let per_second = self.events as f64 / batched.took.as_secs_f64();
        let requests = single.requests as f64 / single.took.as_secs_f64();
        println!(
            "| {what} | {per_second:.0} | {:.1} ms | {:.1} ms | {requests:.0} |",
            millis(percentile(&batched.latencies, 50)),
            millis(percentile(&batched.latencies, 99)),
        );
    }
}

fn setting(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

fn batch_bodies(events: &[String], size: usize) -> Vec<Vec<u8>> {
    events
        .chunks(size)
        .map(|chunk| format!("[{}]", chunk.join(",")).into_bytes())
        .collect()
}

/// Each body with its signature header, as ENS sends it.
fn signed(bodies: &[Vec<u8>]) -> Vec<(Vec<u8>, String)> {
    let key = key_bytes();
    bodies
        .iter()
        .map(|body| (body.clone(), http::sign(&key, body)))
        .collect()
}

/// What one load run measured.
struct Measured {
    requests: usize,
    took: Duration,
    latencies: Vec<Duration>,
}

/// Posts every body from [`SENDERS`] threads, each on a kept-alive
/// connection to one of the receivers in turn.
fn send(receivers: &[SocketAddr], bodies: &[(Vec<u8>, String)]) -> Measured {
    let next = AtomicUsize::new(0);
    let latencies = Mutex::new(Vec::with_capacity(bodies.len()));
    let started = Instant::now();
    std::thread::scope(|scope| {
        for sender in 0..SENDERS {
            let (next, latencies) = (&next, &latencies);
            scope.spawn(move || {
                let mut connection = Connection::open(receivers[sender % receivers.len()]);
                let mut mine = Vec::new();
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some((body, signature)) = bodies.get(index) else {
                        break;
                    };
                    let sent = Instant::now();
                    connection.post(body, signature);
                    mine.push(sent.elapsed());
                }
                latencies.lock().expect("latencies").extend(mine);
            });
        }
    });
    let took = started.elapsed();
    let mut latencies = latencies.into_inner().expect("latencies");
    latencies.sort_unstable();
    Measured {
        requests: bodies.len(),
        took,
        latencies,
    }
}

fn percentile(sorted: &[Duration], percent: usize) -> Duration {
    sorted[(sorted.len() * percent / 100).min(sorted.len() - 1)]
}

fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// A kept-alive HTTP/1.1 connection.
struct Connection {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl Connection {
    fn open(address: SocketAddr) -> Self {
        let stream = TcpStream::connect(address).expect("a connection");
        stream.set_nodelay(true).expect("no delay");
        Self {
            writer: stream.try_clone().expect("a clone"),
            reader: BufReader::new(stream),
        }
    }

    /// Posts a body and reads the answer; a status other than 200 stops
    /// the benchmark.
    fn post(&mut self, body: &[u8], signature: &str) {
        write!(
            self.writer,
            "POST /ens HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n\
             x-sfmc-ens-signature: {signature}\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .expect("the headers are sent");
        self.writer.write_all(body).expect("the body is sent");
        let mut status = String::new();
        self.reader.read_line(&mut status).expect("a status line");
        assert!(status.starts_with("HTTP/1.1 200"), "{status}");
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.reader.read_line(&mut line).expect("a header");
            if line == "\r\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().expect("a length");
                }
            }
        }
        let mut answer = vec![0; length];
        self.reader.read_exact(&mut answer).expect("the body");
    }
}

/// The HTTP floor: the receiver's HTTP stack (hyper 1 on tokio, the same
/// connection settings) reading each body whole and answering 200.
async fn http_floor() -> SocketAddr {
    use http_body_util::{BodyExt, Full};
    use hyper::server::conn::http1;
    use hyper::service::service_fn;
    use hyper_util::rt::{TokioIo, TokioTimer};

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let address = listener.local_addr().expect("an address");
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let _ = stream.set_nodelay(true);
            tokio::spawn(async move {
                let service = service_fn(
                    |request: hyper::Request<hyper::body::Incoming>| async move {
                        let body = request
                            .into_body()
                            .collect()
                            .await
                            .map_or(0, |body| body.to_bytes().len());
                        let answer = format!("{{\"bytes\":{body}}}\n");
                        Ok::<_, Infallible>(hyper::Response::new(Full::new(bytes::Bytes::from(
                            answer,
                        ))))
                    },
                );
                let mut builder = http1::Builder::new();
                builder
                    .timer(TokioTimer::new())
                    .header_read_timeout(Duration::from_secs(10));
                let _ = builder
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    address
}

/// The storage floor: the receiver's SQLite schema and settings
/// (`cli/src/serve/store/sqlite.rs`), the same events inserted in one
/// transaction per 1,000-event batch, each keyed by a SHA-256 of its text.
fn storage_floor(path: &std::path::Path, events: &[String]) -> (f64, f64, f64) {
    let mut database = rusqlite::Connection::open(path).expect("a database");
    database
        .execute_batch(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;
             CREATE TABLE ens_events (seq INTEGER PRIMARY KEY, identity BLOB NOT NULL UNIQUE,
                                      received_ms INTEGER NOT NULL, event TEXT NOT NULL);",
        )
        .expect("the schema");
    let mut latencies = Vec::new();
    let started = Instant::now();
    for batch in events.chunks(BATCH) {
        let began = Instant::now();
        let mut keyed: Vec<([u8; 16], &String)> = batch
            .iter()
            .map(|event| {
                let digest = Sha256::digest(event.as_bytes());
                let mut identity = [0; 16];
                identity.copy_from_slice(&digest[..16]);
                (identity, event)
            })
            .collect();
        keyed.sort_unstable_by_key(|&(identity, _)| identity);
        let transaction = database.transaction().expect("a transaction");
        {
            let mut insert = transaction
                .prepare("INSERT INTO ens_events (identity, received_ms, event) VALUES (?1, ?2, ?3) ON CONFLICT (identity) DO NOTHING")
                .expect("a statement");
            for (identity, event) in keyed {
                insert
                    .execute(rusqlite::params![&identity[..], 0_i64, event])
                    .expect("an insert");
            }
        }
        transaction.commit().expect("a commit");
        latencies.push(began.elapsed());
    }
    let took = started.elapsed();
    latencies.sort_unstable();
    (
        events.len() as f64 / took.as_secs_f64(),
        millis(percentile(&latencies, 50)),
        millis(percentile(&latencies, 99)),
    )
}
