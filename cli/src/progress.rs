//! A progress line on stderr while a large input is read, shown only when
//! stderr is a terminal so that logs and pipes stay clean.
//!
//! Hand-written rather than a progress-bar crate: one line redrawn a few
//! times a second needs a byte counter and a clock, nothing more.

use std::fmt::Display;
use std::io::{self, IsTerminal, Read, Write};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Inputs smaller than this finish too fast for a progress line to help.
const LARGE: u64 = 64 << 20;
/// How often the line is redrawn.
const INTERVAL: Duration = Duration::from_millis(200);
const BAR_WIDTH: usize = 30;
/// \r and "erase line": back to the start of an empty line.
const ERASE: &str = "\r\x1b[2K";

/// Whether a progress line is on the terminal now, so that a message can
/// erase it first instead of running into it. Global because messages come
/// from wherever a bad row is found, not from the reader that drew it.
static SHOWN: AtomicBool = AtomicBool::new(false);

/// Prints `message` on its own line of stderr, erasing the progress line
/// first if one is shown; the next read redraws it below.
pub(crate) fn interrupt(message: impl Display) {
    let mut stderr = io::stderr().lock();
    let erase = if SHOWN.swap(false, Ordering::Relaxed) {
        ERASE
    } else {
        ""
    };
    let _ = writeln!(stderr, "{erase}{message}");
}

/// Whether stderr is a terminal that takes the escape codes the line is
/// redrawn with: not a file or a pipe, and not `TERM=dumb`.
fn draws_on_stderr() -> bool {
    io::stderr().is_terminal() && std::env::var_os("TERM").is_none_or(|term| term != "dumb")
}

/// Counts the bytes read through it and redraws the progress line.
pub(crate) struct Progress<R> {
    inner: R,
    meter: Meter,
}

impl<R: Read> Progress<R> {
    /// `total` is the input's size when known (a file, not a pipe).
    pub(crate) fn new(inner: R, label: &str, total: Option<u64>) -> Self {
        Self {
            inner,
            meter: Meter::new(label, total),
        }
    }
}

impl<R: Read> Read for Progress<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let count = self.inner.read(buf)?;
        self.meter.add(count as u64);
        Ok(count)
    }
}

/// The bytes read of one input, by one thread or several, and the progress
/// line that shows them.
pub(crate) struct Meter {
    label: String,
    total: Option<u64>,
    read: AtomicU64,
    last_draw: Mutex<Option<Instant>>,
    enabled: bool,
}

impl Meter {
    /// `total` is the input's size when known (a file, not a pipe).
    pub(crate) fn new(label: &str, total: Option<u64>) -> Self {
        let large = total.is_none_or(|total| total >= LARGE);
        Self {
            label: label.to_owned(),
            total,
            read: AtomicU64::new(0),
            last_draw: Mutex::new(None),
            enabled: large && draws_on_stderr(),
        }
    }

    /// Counts `count` more bytes read, and redraws the line when it is due.
    pub(crate) fn add(&self, count: u64) {
        let read = self.read.fetch_add(count, Ordering::Relaxed) + count;
        if !self.enabled {
            return;
        }
        // Another thread drawing now is as good as this one drawing.
        let Ok(mut last_draw) = self.last_draw.try_lock() else {
            return;
        };
        // A message erased the line: redraw it at once, not a while later.
        let erased = last_draw.is_some() && !SHOWN.load(Ordering::Relaxed);
        if erased || last_draw.is_none_or(|last| last.elapsed() >= INTERVAL) {
            *last_draw = Some(Instant::now());
            self.draw(read);
        }
    }

    fn draw(&self, read: u64) {
        let mib = read >> 20;
        let line = match self.total {
            Some(total) if total > 0 => {
                let filled =
                    usize::try_from(read.min(total) * BAR_WIDTH as u64 / total).unwrap_or(0);
                let filled = filled.min(BAR_WIDTH);
                let empty = BAR_WIDTH - filled;
                format!(
                    "{}: [{}{}] {mib} of {} MiB",
                    self.label,
                    "#".repeat(filled),
                    " ".repeat(empty),
                    total >> 20
                )
            }
            _ => format!("{}: {mib} MiB read", self.label),
        };
        // \r and "erase line" redraw in place; errors writing a progress
        // line are not worth stopping the work for.
        let _ = write!(io::stderr().lock(), "{ERASE}{line}");
        SHOWN.store(true, Ordering::Relaxed);
    }
}

impl Drop for Meter {
    /// Leaves the terminal as it was: the report starts on a clean line.
    fn drop(&mut self) {
        let drawn = self
            .last_draw
            .get_mut()
            .is_ok_and(|last_draw| last_draw.is_some());
        if drawn && SHOWN.swap(false, Ordering::Relaxed) {
            let _ = write!(io::stderr(), "{ERASE}");
        }
    }
}
