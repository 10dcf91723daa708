//! Opening a triage input (a file or standard input) and telling which kind
//! of data it holds from its first bytes.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};

use super::Input;
use crate::fatal::Fatal;
use crate::progress::Progress;

/// Large enough to hold the start of any input for sniffing, and to read
/// big extracts in few system calls.
const BUFFER: usize = 1 << 16;

/// The kinds of input triage reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A tracking extract: CSV with a header row.
    Csv,
    /// REST deliveries or event notifications.
    Json,
}

/// The reader of an open input: buffered, counting its progress. `Send`
/// so the CSV parser can run on its own thread.
pub(super) type SourceReader = BufReader<Progress<Box<dyn Read + Send>>>;

/// An open input: its name for messages and a buffered reader.
pub(super) struct Source {
    pub(super) name: String,
    pub(super) reader: SourceReader,
}

impl Source {
    pub(super) fn open(input: &Input) -> Result<Self, Fatal> {
        let (name, reader, size): (String, Box<dyn Read + Send>, Option<u64>) = match input {
            Input::Stdin => ("<stdin>".to_owned(), Box::new(io::stdin()), None),
            Input::File(path) => {
                let name = path.display().to_string();
                let file = File::open(path)
                    .map_err(|error| Fatal::new(format!("cannot open {name}: {error}")))?;
                let size = file.metadata().ok().map(|metadata| metadata.len());
                (name, Box::new(file), size)
            }
        };
        let progress = Progress::new(reader, &name, size);
        Ok(Self {
            name,
            reader: BufReader::with_capacity(BUFFER, progress),
        })
    }

    /// JSON starts with `[` or `{`; anything else is taken for CSV. Nothing
    /// is consumed, so line numbers stay true.
    pub(super) fn kind(&mut self) -> Result<Kind, Fatal> {
        let start = self
            .reader
            .fill_buf()
            .map_err(|error| Fatal::new(format!("cannot read {}: {error}", self.name)))?;
        let start = start.strip_prefix("\u{feff}".as_bytes()).unwrap_or(start);
        if start.is_empty() {
            return Err(Fatal::new(format!(
                "{} is empty: expected a CSV tracking extract or JSON deliveries or events",
                self.name
            )));
        }
        // A pipe may deliver only whitespace at first; CSV is the safe
        // guess then, and its reader reports a missing header by name.
        match start.iter().find(|byte| !byte.is_ascii_whitespace()) {
            Some(b'[' | b'{') => Ok(Kind::Json),
            _ => Ok(Kind::Csv),
        }
    }
}
