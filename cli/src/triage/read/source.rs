//! Opening a triage input (a file or standard input): whether it is
//! compressed from its first bytes, its encoding from its byte-order mark,
//! and which kind of data it holds from its first character.

use std::fs::File;
use std::io::{self, BufReader, Chain, Cursor, Read};
use std::path::PathBuf;

use super::compressed::{self, Archive, Packing};
use super::utf16::Utf16Reader;
use crate::file_identity::FileIdentity;
use crate::progress::Progress;
use crate::quoted;

/// Large enough to read big extracts in few system calls.
const BUFFER: usize = 1 << 16;
/// How far to look for the first line that is not blank before deciding.
/// A pipe may deliver a first chunk of whitespace only, so one read is not
/// enough; an input that is nothing but whitespace this far is taken for
/// CSV, whose reader then reports the missing header.
const SNIFF_LIMIT: usize = 1 << 20;
/// The byte-order marks Windows tools and Marketing Cloud's "Unicode"
/// extracts put before the text.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16_LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16_BE_BOM: &[u8] = b"\xFE\xFF";
/// Bytes read to tell a compressed input: zip's signature is four.
const MAGIC_LENGTH: usize = 4;

/// A file to read, or standard input (`-`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Input {
    Stdin,
    File(PathBuf),
}

/// The kinds of input triage reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A tracking extract: delimited text with a header row.
    Csv,
    /// REST deliveries or event notifications: JSON documents or lines.
    Json,
}

/// The reader of an open input: UTF-8 text, its start (read while
/// sniffing) and then the rest, buffered. `Send` so a parser can run on a
/// thread of its own.
pub(crate) type SourceReader = BufReader<Chain<Cursor<Vec<u8>>, Box<dyn Read + Send>>>;

/// An open input: its name for messages and a buffered reader of its
/// text as UTF-8, positioned after any byte-order mark.
pub(crate) struct Source {
    pub(crate) name: String,
    pub(crate) reader: SourceReader,
    /// The file itself when it is a regular file whose bytes are its text
    /// (UTF-8), so that parts of it can be read at once.
    pub(crate) file: Option<TextFile>,
}

/// A regular UTF-8 file, to be read in parts.
pub(crate) struct TextFile {
    pub(crate) file: File,
    /// Where the text starts: after the byte-order mark, if any.
    pub(crate) text_start: u64,
    pub(crate) length: u64,
}

impl Input {
    /// The input's name in messages, escaped if it would not print as
    /// itself.
    pub(crate) fn name(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_owned(),
            Input::File(path) => quoted::as_name(&path.display().to_string()),
        }
    }

    /// The file the input reads, to compare with outputs and other inputs;
    /// `None` for standard input that is not a regular file.
    pub(crate) fn identity(&self) -> Option<FileIdentity> {
        match self {
            Input::Stdin => FileIdentity::of_stdin(),
            Input::File(path) => FileIdentity::of(path),
        }
    }

    /// Checks that the input can be opened, so that a typo in the last
    /// file name is found before the first file is read. Only a regular
    /// file is opened to check: opening and closing a named pipe could
    /// block, or end the writer at the other end.
    pub(crate) fn check(&self) -> Result<(), String> {
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
    /// Opens the input: the text it holds, inflated if it is gzip, or the
    /// text of each file a zip archive holds (see `compressed`). Each is
    /// decoded to UTF-8 if it is UTF-16, and enough of it is read to tell
    /// its kind. The error names the input and what went wrong.
    pub(crate) fn open(input: &Input) -> Result<Vec<(Kind, Self)>, String> {
        let name = input.name();
        let mut regular = None;
        let (reader, size): (Box<dyn Read + Send>, Option<u64>) = match input {
            Input::Stdin => (Box::new(io::stdin()), None),
            Input::File(path) => {
                let file =
                    File::open(path).map_err(|error| format!("cannot open {name}: {error}"))?;
                let metadata = file.metadata().ok();
                if metadata.as_ref().is_some_and(std::fs::Metadata::is_file) {
                    regular = file.try_clone().ok();
                }
                (Box::new(file), metadata.map(|metadata| metadata.len()))
            }
        };
        let cannot_read = |error: io::Error| format!("cannot read {name}: {error}");
        let mut raw = Progress::new(reader, &name, size);
        let head = read_at_least(&mut raw, MAGIC_LENGTH).map_err(cannot_read)?;
        let bytes = Cursor::new(head.clone()).chain(raw);
        match Packing::of(&head) {
            Packing::Plain => {
                let file = regular.zip(size);
                Ok(vec![Self::text(name, Box::new(bytes), file)?])
            }
            Packing::Gzip => Ok(vec![Self::text(name, compressed::gunzip(bytes), None)?]),
            Packing::Zip => {
                let archive = match input {
                    Input::File(path) => Archive::File(path),
                    Input::Stdin => {
                        let mut whole = Vec::new();
                        { bytes }.read_to_end(&mut whole).map_err(cannot_read)?;
                        Archive::Bytes(whole.into())
                    }
                };
                compressed::members(&archive, &name)?
                    .into_iter()
                    .map(|member| Self::text(member.name, member.reader, None))
                    .collect()
            }
        }
    }

    /// UTF-8 text already in hand, as the input `name`.
    #[cfg(feature = "serve")]
    pub(crate) fn of_text(name: &str, text: Box<dyn Read + Send>) -> Self {
        Self {
            name: name.to_owned(),
            reader: BufReader::with_capacity(BUFFER, Cursor::new(Vec::new()).chain(text)),
            file: None,
        }
    }

    /// The text of `bytes`, the input `name`: its encoding from its
    /// byte-order mark, its kind from its first character. `file` is the
    /// regular file and its length when the bytes are that file's.
    fn text(
        name: String,
        mut bytes: Box<dyn Read + Send>,
        file: Option<(File, u64)>,
    ) -> Result<(Kind, Self), String> {
        let cannot_read = |error: io::Error| format!("cannot read {name}: {error}");
        let head = read_at_least(&mut bytes, UTF8_BOM.len()).map_err(cannot_read)?;
        let (encoding, mark) = Encoding::of(&head);
        let mut text = encoding.decode(head[mark..].to_vec(), bytes);
        let start = sniff(&mut text).map_err(cannot_read)?;
        if encoding == Encoding::Utf8 {
            check_not_utf16(&start).map_err(|problem| format!("{name} {problem}"))?;
        }
        let file = match (file, encoding) {
            (Some((file, length)), Encoding::Utf8) => Some(TextFile {
                file,
                text_start: mark as u64,
                length,
            }),
            _ => None,
        };
        if start.is_empty() {
            return Err(format!(
                "{name} is empty: expected a CSV tracking extract or JSON deliveries or events"
            ));
        }
        // An input of whitespace alone is taken for CSV, whose reader then
        // says the header is missing.
        let kind = match start.iter().find(|byte| !byte.is_ascii_whitespace()) {
            Some(b'[' | b'{') => Kind::Json,
            _ => Kind::Csv,
        };
        Ok((
            kind,
            Self {
                name,
                reader: BufReader::with_capacity(BUFFER, Cursor::new(start).chain(text)),
                file,
            },
        ))
    }
}

/// How the input's text is encoded, told by its byte-order mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Utf16 { big_endian: bool },
}

impl Encoding {
    /// The encoding and the length of the mark that says so (0 without
    /// one: UTF-8 is assumed and checked).
    fn of(head: &[u8]) -> (Self, usize) {
        if head.starts_with(UTF8_BOM) {
            (Self::Utf8, UTF8_BOM.len())
        } else if head.starts_with(UTF16_LE_BOM) {
            (Self::Utf16 { big_endian: false }, UTF16_LE_BOM.len())
        } else if head.starts_with(UTF16_BE_BOM) {
            (Self::Utf16 { big_endian: true }, UTF16_BE_BOM.len())
        } else {
            (Self::Utf8, 0)
        }
    }

    /// The text as UTF-8: `head`, the bytes already read after the mark,
    /// then the rest of `raw`.
    fn decode(self, head: Vec<u8>, raw: Box<dyn Read + Send>) -> Box<dyn Read + Send> {
        let bytes = Cursor::new(head).chain(raw);
        match self {
            Self::Utf8 => Box::new(bytes),
            Self::Utf16 { big_endian } => Box::new(Utf16Reader::new(bytes, big_endian)),
        }
    }
}

/// Reads until `count` bytes have arrived or the input ends.
fn read_at_least(reader: &mut impl Read, count: usize) -> io::Result<Vec<u8>> {
    let mut head = vec![0; count];
    let mut filled = 0;
    while filled < count {
        match reader.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    head.truncate(filled);
    Ok(head)
}

/// Reads the input's start: at least [`BUFFER`] bytes, and on to the end
/// of the first line that is not blank (a header's delimiter is sniffed
/// from it), unless the input ends first or [`SNIFF_LIMIT`] is reached.
fn sniff(reader: &mut impl Read) -> io::Result<Vec<u8>> {
    let mut start = Vec::new();
    let mut chunk = vec![0; BUFFER];
    loop {
        let count = match reader.read(&mut chunk) {
            Ok(0) => return Ok(start),
            Ok(count) => count,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            // Text already read is read as usual; the reader says the error
            // again where it stands.
            Err(_) if !start.is_empty() => return Ok(start),
            Err(error) => return Err(error),
        };
        start.extend_from_slice(&chunk[..count]);
        let text_at = start.iter().position(|byte| !byte.is_ascii_whitespace());
        let first_line_read = text_at.is_some_and(|at| start[at..].contains(&b'\n'));
        if (first_line_read && start.len() >= BUFFER) || start.len() >= SNIFF_LIMIT {
            return Ok(start);
        }
    }
}

/// Refuses UTF-16 text without a byte-order mark: its every other byte is
/// zero, and read as UTF-8 it would be rows of nonsense. Other text that is
/// not UTF-8 is read, and each line that does not decode is a bad row.
fn check_not_utf16(start: &[u8]) -> Result<(), String> {
    let sample = &start[..start.len().min(4096)];
    #[expect(clippy::naive_bytecount, reason = "a 4 KiB sample, once per input")]
    let zeros = sample.iter().filter(|&&byte| byte == 0).count();
    if zeros > 0 && zeros * 4 >= sample.len() {
        return Err(
            "looks like UTF-16 text without a byte-order mark, which cannot be read safely: \
             re-save it as UTF-8 (in Excel: Save As, \"CSV UTF-8\"), or as \"Unicode Text\" \
             (UTF-16 with a byte-order mark), which triage also reads"
                .to_owned(),
        );
    }
    Ok(())
}
