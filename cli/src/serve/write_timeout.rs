//! A time limit on writing to a connection. hyper's HTTP/1.1 server has
//! none: a client that sends a request and then stops reading the answer
//! (a stalled download of `GET /events.jsonl`) would hold its connection,
//! and one of the capped connection slots, for ever.
//!
//! The limit is on a write that makes no progress, not on the whole
//! answer: any bytes taken by the client start the clock again, so a
//! large answer to a slow but live client is never cut.

use std::error::Error;
use std::fmt;
use std::future::Future;
use std::io::{self, IoSlice};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{Instant, Sleep, sleep};

/// A connection whose writes fail with [`io::ErrorKind::TimedOut`] once
/// one has waited `timeout` without a byte going out; hyper then closes
/// the connection. Reads pass through untouched: their time limits are
/// hyper's header timeout and the body timeout.
pub(crate) struct WriteTimeout<T> {
    io: T,
    timeout: Duration,
    /// Made at the first wait and set again at each later one, so that a
    /// long answer does not allocate a timer per wait.
    stall: Option<Pin<Box<Sleep>>>,
    /// Whether a write is waiting now: `stall` runs for this wait.
    waiting: bool,
}

impl<T> WriteTimeout<T> {
    /// `io` with writes limited to `timeout` without progress; `timeout`
    /// is at most an hour (as `--write-timeout` allows), far from where
    /// an instant overflows.
    pub(crate) fn new(io: T, timeout: Duration) -> Self {
        Self {
            io,
            timeout,
            stall: None,
            waiting: false,
        }
    }

    /// A write's outcome, with the clock kept: a write that is done (or
    /// failed) ends the wait, one that waits starts it, or fails once the
    /// wait has lasted `timeout`.
    fn watch<R>(
        &mut self,
        context: &mut Context<'_>,
        polled: Poll<io::Result<R>>,
    ) -> Poll<io::Result<R>> {
        if polled.is_ready() {
            self.waiting = false;
            return polled;
        }
        let stall = match &mut self.stall {
            Some(stall) if self.waiting => stall,
            Some(stall) => {
                stall.as_mut().reset(Instant::now() + self.timeout);
                stall
            }
            None => self.stall.insert(Box::pin(sleep(self.timeout))),
        };
        self.waiting = true;
        match stall.as_mut().poll(context) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                WriteStalled(self.timeout),
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

/// Why a write failed: the client took nothing for this long.
#[derive(Debug)]
pub(crate) struct WriteStalled(Duration);

impl fmt::Display for WriteStalled {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "the client took no bytes of the answer for {} s",
            self.0.as_secs_f64()
        )
    }
}

impl Error for WriteStalled {}

/// The [`WriteTimeout`] failure that `error` (hyper's, or any that holds
/// an I/O error as its cause) comes from, if it does: hyper's own message
/// does not say.
pub(crate) fn stalled_write<'a>(error: &'a (dyn Error + 'static)) -> Option<&'a WriteStalled> {
    let mut cause = Some(error);
    while let Some(error) = cause {
        let stalled = error
            .downcast_ref::<io::Error>()
            .and_then(io::Error::get_ref)
            .and_then(|inner| inner.downcast_ref::<WriteStalled>());
        if stalled.is_some() {
            return stalled;
        }
        cause = error.source();
    }
    None
}

impl<T: AsyncRead + Unpin> AsyncRead for WriteTimeout<T> {
    fn poll_read(
        self: Pin<&mut Self>,
        context: &mut Context<'_>,
        buffer: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().io).poll_read(context, buffer)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for WriteTimeout<T> {
    fn poll_write(
        self: Pin<&mut Self>,
        context: &mut Context<'_>,
        bytes: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.io).poll_write(context, bytes);
        this.watch(context, polled)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        context: &mut Context<'_>,
        slices: &[IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.io).poll_write_vectored(context, slices);
        this.watch(context, polled)
    }

    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.io).poll_flush(context);
        this.watch(context, polled)
    }

    fn poll_shutdown(self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.io).poll_shutdown(context);
        this.watch(context, polled)
    }
}
