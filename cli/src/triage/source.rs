//! Opening a triage input (a file or standard input) and telling which kind
//! of data it holds from its first bytes.

use std::fs::File;
use std::io::{self, BufReader, Chain, Cursor, Read};

use super::Input;
use crate::progress::Progress;

/// Large enough to read big extracts in few system calls.
const BUFFER: usize = 1 << 16;
/// How far to look for the first byte that is not whitespace before
/// deciding. A pipe may deliver a first chunk of whitespace only, so one
/// read is not enough; an input that is nothing but whitespace this far
/// is taken for CSV, whose reader then reports the missing header.
const SNIFF_LIMIT: usize = 1 << 20;
/// The UTF-8 byte-order mark some Windows tools put before the text.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// The kinds of input triage reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A tracking extract: CSV with a header row.
    Csv,
    /// REST deliveries or event notifications.
    Json,
}

/// The reader of an open input: the bytes read while sniffing, then the
/// rest, buffered and counting its progress. `Send` so the CSV parser can
/// run on its own thread.
pub(super) type SourceReader = BufReader<Chain<Cursor<Vec<u8>>, Progress<Box<dyn Read + Send>>>>;

/// An open input: its name for messages and a buffered reader positioned
/// at the start of its text (after any byte-order mark).
pub(super) struct Source {
    pub(super) name: String,
    pub(super) reader: SourceReader,
}

impl Input {
    /// The input's name in messages.
    pub(super) fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_owned(),
            Input::File(path) => path.display().to_string(),
        }
    }

    /// Checks that the input can be opened, so that a typo in the last
    /// file name is found before the first file is read. Only a regular
    /// file is opened to check: opening and closing a named pipe could
    /// block, or end the writer at the other end.
    pub(super) fn check(&self) -> Result<(), String> {
        let Input::File(path) = self else {
            return Ok(());
        };
        let failed = |error: io::Error| format!("cannot open {}: {error}", self.name());
        let metadata = std::fs::metadata(path).map_err(failed)?;
        if metadata.is_dir() {
            return Err(format!(
                "cannot open {}: it is a directory; name the files in it",
                self.name()
            ));
        }
        if metadata.is_file() {
            File::open(path).map_err(failed)?;
        }
        Ok(())
    }
}

impl Source {
    /// Opens the input and reads enough of it to tell its kind. The error
    /// names the input and what went wrong.
    pub(super) fn open(input: &Input) -> Result<(Kind, Self), String> {
        let name = input.name();
        let (reader, size): (Box<dyn Read + Send>, Option<u64>) = match input {
            Input::Stdin => (Box::new(io::stdin()), None),
            Input::File(path) => {
                let file =
                    File::open(path).map_err(|error| format!("cannot open {name}: {error}"))?;
                let size = file.metadata().ok().map(|metadata| metadata.len());
                (Box::new(file), size)
            }
        };
        let mut progress = Progress::new(reader, &name, size);
        let start = sniff(&mut progress).map_err(|error| format!("cannot read {name}: {error}"))?;
        let text = start.strip_prefix(BOM).unwrap_or(&start);
        if text.is_empty() {
            return Err(format!(
                "{name} is empty: expected a CSV tracking extract or JSON deliveries or events"
            ));
        }
        let kind = match text.iter().find(|byte| !byte.is_ascii_whitespace()) {
            Some(b'[' | b'{') => Kind::Json,
            _ => Kind::Csv,
        };
        // The mark is not part of the text: a JSON parser rejects it and a
        // CSV reader would make it part of the first column's name. Line
        // numbers stay true, since it sits on the first line.
        let skip = start.len() - text.len();
        let mut start = Cursor::new(start);
        start.set_position(skip as u64);
        Ok((
            kind,
            Self {
                name,
                reader: BufReader::with_capacity(BUFFER, start.chain(progress)),
            },
        ))
    }
}

/// Reads until a byte that is not whitespace (nor part of a byte-order
/// mark) has arrived, the input ends, or [`SNIFF_LIMIT`] bytes are read.
fn sniff(reader: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut start = Vec::new();
    let mut chunk = vec![0; BUFFER];
    loop {
        let count = match reader.read(&mut chunk) {
            Ok(0) => return Ok(start),
            Ok(count) => count,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        start.extend_from_slice(&chunk[..count]);
        let text = start.strip_prefix(BOM).unwrap_or(&start);
        // A mark cut short by the read is not yet text either.
        let partial_bom = BOM.starts_with(&start) && start.len() < BOM.len();
        let decided = !partial_bom && text.iter().any(|byte| !byte.is_ascii_whitespace());
        if decided || start.len() >= SNIFF_LIMIT {
            return Ok(start);
        }
    }
}
