//! The HTTP/1.1 server: accepting connections up to a cap, a timeout on
//! each request's headers and on each write of an answer, and a graceful
//! stop.
//!
//! hyper reads and writes HTTP; its header timeout runs on the timer
//! given to it (without one it has none). Bodies are read within their
//! own time limit by `ens`. hyper has no write timeout: the connection it
//! is given fails a write that waits too long (`write_timeout`), and
//! hyper closes it. A connection holds one of a fixed number of
//! permits; when all are taken, new connections wait in the kernel's
//! queue instead of being read, so a flood of clients cannot exhaust
//! memory or file descriptors.

use std::convert::Infallible;
use std::future::{Future, poll_fn};
use std::net::SocketAddr;
use std::pin::pin;
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};

use super::write_timeout::{WriteTimeout, stalled_write};
use super::{State, log, routes};

/// How the server treats its clients.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    /// A request's headers must arrive within this time.
    pub(crate) header_timeout: Duration,
    /// A write of an answer must make progress within this time.
    pub(crate) write_timeout: Duration,
    /// Connections served at once.
    pub(crate) connections: usize,
}

/// Serves until `stop` turns true, then stops accepting and returns once
/// every connection has finished the request it was serving.
pub(crate) async fn serve(
    listener: TcpListener,
    state: Arc<State>,
    limits: Limits,
    stop: watch::Receiver<bool>,
) {
    let permits = Arc::new(Semaphore::new(limits.connections));
    loop {
        let Some(Ok(permit)) = unless_stopped(&stop, Arc::clone(&permits).acquire_owned()).await
        else {
            break;
        };
        let Some(accepted) = unless_stopped(&stop, listener.accept()).await else {
            break;
        };
        match accepted {
            Ok((stream, peer)) => {
                let _ = stream.set_nodelay(true);
                let client = Client { stream, peer };
                let connection =
                    connection(client, Arc::clone(&state), limits, stop.clone(), permit);
                tokio::spawn(connection);
            }
            // Out of file descriptors, or a connection reset before it
            // was accepted: wait a moment rather than spin.
            Err(failure) => {
                log(format_args!("cannot accept a connection: {failure}"));
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
    drop(listener);
    // Every permit back: every connection has ended.
    let all = u32::try_from(limits.connections).unwrap_or(u32::MAX);
    let _ = permits.acquire_many(all).await;
}

/// An accepted connection and where it comes from.
struct Client {
    stream: TcpStream,
    peer: SocketAddr,
}

/// Serves one connection until the client closes it, its headers time
/// out, it takes nothing of an answer for the write timeout, or the
/// server stops (after the request being served).
async fn connection(
    client: Client,
    state: Arc<State>,
    limits: Limits,
    stop: watch::Receiver<bool>,
    _permit: OwnedSemaphorePermit,
) {
    let metrics = Arc::clone(&state.metrics);
    let service = service_fn(move |request| {
        let state = Arc::clone(&state);
        async move { Ok::<_, Infallible>(routes::handle(&state, request).await) }
    });
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let io = WriteTimeout::new(client.stream, limits.write_timeout);
    let connection = builder.serve_connection(TokioIo::new(io), service);
    let mut connection = pin!(connection);
    let mut stop = stop;
    let mut stopped = pin!(stop.wait_for(|&stop| stop));
    let mut stopping = false;
    let served = poll_fn(|context| {
        if !stopping && stopped.as_mut().poll(context).is_ready() {
            connection.as_mut().graceful_shutdown();
            stopping = true;
        }
        connection.as_mut().poll(context)
    })
    .await;
    // A client that went away or sent garbage is its own business; the
    // server has nothing to do about it. One that stopped reading is
    // logged once: hyper stops at the first failed write.
    let Err(failure) = served else { return };
    if let Some(stalled) = stalled_write(&failure) {
        metrics.write_timed_out();
        log(format_args!(
            "closed the connection from {}: {stalled}",
            client.peer
        ));
    }
}

/// `future`'s output, or `None` once `stop` turns true first.
async fn unless_stopped<F: Future>(stop: &watch::Receiver<bool>, future: F) -> Option<F::Output> {
    let mut stop = stop.clone();
    let mut stopped = pin!(stop.wait_for(|&stop| stop));
    let mut future = pin!(future);
    poll_fn(|context| {
        if stopped.as_mut().poll(context).is_ready() {
            return Poll::Ready(None);
        }
        future.as_mut().poll(context).map(Some)
    })
    .await
}
