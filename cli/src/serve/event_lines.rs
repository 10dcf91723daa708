//! The stored events as JSON Lines, one event a line, as `GET
//! /events.jsonl` serves them and triage reads them.
//!
//! An event is stored exactly as received, and ENS may lay an event out
//! over several lines. JSON allows a line break only between tokens,
//! where it means what a space means, so each one becomes a space and the
//! event keeps its meaning on one line.

use std::io::{self, Cursor, Read};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::mpsc;
use std::task::{Context, Poll};
use std::thread;

use bytes::Bytes;
use http_body::Frame;

use super::off_thread::{self, Unrun};
use super::store::{Reader, StoreError};

/// Bytes sent from the reading thread at a time.
const CHUNK: usize = 1 << 16;

/// Appends `event` to `lines` as one line.
pub(crate) fn push_line(lines: &mut Vec<u8>, event: &str) {
    lines.extend(event.bytes().map(|byte| match byte {
        b'\r' | b'\n' => b' ',
        other => other,
    }));
    lines.push(b'\n');
}

/// Reads every stored event into chunks of JSON Lines of about
/// [`CHUNK`] bytes and hands each to `send`, which says whether its
/// reader still wants more. The result says whether reading was complete.
fn produce(reader: &dyn Reader, mut send: impl FnMut(Vec<u8>) -> bool) -> Result<(), StoreError> {
    let mut chunk = Vec::with_capacity(CHUNK);
    reader.each(&mut |event| {
        push_line(&mut chunk, event);
        if chunk.len() >= CHUNK && !send(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK))) {
            return Err(io::ErrorKind::BrokenPipe.into());
        }
        Ok(())
    })?;
    send(chunk);
    Ok(())
}

/// The stored events as JSON Lines, read from the database by a thread
/// of their own as they are consumed, so that they are never all in
/// memory at once. The thread's result says whether the reading was
/// complete.
pub(crate) fn stream(
    reader: Arc<dyn Reader>,
) -> Result<(Lines, thread::JoinHandle<Result<(), StoreError>>), Unrun> {
    let (chunks, receiver) = mpsc::sync_channel::<Vec<u8>>(4);
    let thread = off_thread::start("events-reader", move || {
        produce(&*reader, |chunk| chunks.send(chunk).is_ok())
    })?;
    let lines = Lines {
        chunks: receiver,
        current: Cursor::new(Vec::new()),
    };
    Ok((lines, thread))
}

/// The stored events as the body of an answer, read from the database
/// while the answer is sent. A failure to read ends the body with an
/// error, so the client sees a cut answer rather than a short list.
pub(crate) fn body(reader: Arc<dyn Reader>) -> Result<Body, Unrun> {
    let (chunks, receiver) = tokio::sync::mpsc::channel(4);
    off_thread::start("events-sender", move || {
        let read = produce(&*reader, |chunk| {
            chunks.blocking_send(Ok(Bytes::from(chunk))).is_ok()
        });
        if let Err(failure) = read {
            let _ = chunks.blocking_send(Err(io::Error::other(failure.to_string())));
        }
    })?;
    Ok(Body(receiver))
}

/// The answer's body that [`body`] makes.
pub(crate) struct Body(tokio::sync::mpsc::Receiver<io::Result<Bytes>>);

impl http_body::Body for Body {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        context: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        self.0
            .poll_recv(context)
            .map(|chunk| chunk.map(|chunk| chunk.map(Frame::data)))
    }
}

/// The reading end of [`stream`].
pub(crate) struct Lines {
    chunks: mpsc::Receiver<Vec<u8>>,
    current: Cursor<Vec<u8>>,
}

impl Read for Lines {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let read = self.current.read(buf)?;
            if read > 0 || buf.is_empty() {
                return Ok(read);
            }
            match self.chunks.recv() {
                Ok(chunk) => self.current = Cursor::new(chunk),
                // The thread is done: the end of the lines.
                Err(_) => return Ok(0),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_laid_out_over_lines_becomes_one_line_with_the_same_value() {
        let event = "{\r\n  \"info\": {\"messageKey\": \"m\\n1\"},\n  \"timestampUTC\": 1\n}";
        let mut lines = Vec::new();
        push_line(&mut lines, event);
        let line = std::str::from_utf8(&lines).unwrap();
        assert_eq!(line.matches('\n').count(), 1);
        assert!(line.ends_with('\n'));
        let before: serde_json::Value = serde_json::from_str(event).unwrap();
        let after: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(before, after);
    }
}
