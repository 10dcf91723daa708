//! Stopping on SIGTERM (and Ctrl-C, SIGHUP): the receiver stops accepting
//! connections, finishes the requests it has begun, commits the batches
//! it accepted, and exits with 0. A second signal ends it at once.
//!
//! The signals reach the program through the handler `main` installs for
//! every command; while a receiver runs, that handler asks it to stop
//! here instead of ending the program.

use std::sync::OnceLock;

use tokio::sync::watch;

static STOP: OnceLock<watch::Sender<bool>> = OnceLock::new();

/// Makes signals stop the receiver; the receiver watches the value for
/// `true`.
pub(crate) fn install() -> watch::Receiver<bool> {
    STOP.get_or_init(|| watch::channel(false).0).subscribe()
}

/// Asks a running receiver to stop. False when none runs, or when one
/// was already asked: the caller then ends the program itself.
pub(crate) fn request() -> bool {
    match STOP.get() {
        Some(stop) => !stop.send_replace(true),
        None => false,
    }
}
