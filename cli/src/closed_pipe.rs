//! Standard output that may be closed early, as by `sms-status triage x.csv
//! | head -3`: a closed pipe is how the reader says it has seen enough,
//! not a failure. Writes after it closes are dropped, and the command ends
//! with the exit code it would have had.

use std::io::{self, Write};

/// Passes writes to `W`, dropping them once the reader has gone.
pub(crate) struct ClosedPipeIsFine<W>(pub(crate) W);

impl<W: Write> Write for ClosedPipeIsFine<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self.0.write(buf) {
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(buf.len()),
            written => written,
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self.0.flush() {
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            flushed => flushed,
        }
    }
}
