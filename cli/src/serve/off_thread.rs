//! Work that blocks (reading the database, resolving, rendering), run on a
//! thread of its own, away from the threads that serve requests.
//!
//! The thread is started with `std::thread::Builder`, whose failure is an
//! error: a process at its limit of threads or of memory answers the
//! request 503 and goes on serving, where `std::thread::spawn` (and
//! tokio's `spawn_blocking`, when its pool has no thread left) would
//! panic. Reads are rare (a list, a report or the events asked for), so a
//! thread each costs nothing that matters.

use std::fmt;
use std::io;
use std::thread;

use tokio::sync::oneshot;

/// Why blocking work did not run to its end.
#[derive(Debug)]
pub(crate) enum Unrun {
    /// No thread could be started for it.
    NoThread(io::Error),
    /// It panicked.
    Panicked,
}

impl fmt::Display for Unrun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unrun::NoThread(failure) => write!(f, "cannot start a thread: {failure}"),
            Unrun::Panicked => f.write_str("the thread doing the work stopped"),
        }
    }
}

/// Starts a thread named `name` that runs `work`.
pub(crate) fn start<T: Send + 'static>(
    name: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<thread::JoinHandle<T>, Unrun> {
    thread::Builder::new()
        .name(name.to_owned())
        .spawn(work)
        .map_err(Unrun::NoThread)
}

/// `work`'s result, run on a thread named `name`.
pub(crate) async fn run<T: Send + 'static>(
    name: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Unrun> {
    let (sender, receiver) = oneshot::channel();
    start(name, move || {
        let _ = sender.send(work());
    })?;
    // A panic drops the sender before it sends.
    receiver.await.map_err(|_| Unrun::Panicked)
}
