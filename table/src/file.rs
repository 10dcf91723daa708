//! What the macro and `sms-status check` both do with a table file's
//! bytes before checking it, so that the two say the same about a file
//! that is not a table at all.

use std::io::{self, Read};

/// The largest table file read. A table of the most rows allowed, each
/// with a long definition, is a few megabytes; a file past this is not
/// the status table, and reading it whole (`/dev/zero`, a disk image)
/// would exhaust memory before any message. Readers read at most one byte
/// more than this, to tell.
pub const MAX_TABLE_BYTES: u64 = 64 << 20;

/// Reads `source` to its end, or to one byte past [`MAX_TABLE_BYTES`],
/// whichever comes first, so that [`table_text`] can tell: for what may
/// never end, such as standard input or a pipe (`sms-status check`). The
/// macro reads only a regular file, after checking its length, and does
/// not call this: a generic read would be one more thing to compile in
/// every user's cold build.
///
/// # Errors
///
/// The first read error other than an interruption.
pub fn read_table_bytes(source: impl Read) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    source.take(MAX_TABLE_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The table's text, from at most `MAX_TABLE_BYTES + 1` bytes read from
/// `file`; else the message saying what the file is instead, which
/// cannot point at a line.
///
/// # Errors
///
/// More than [`MAX_TABLE_BYTES`] bytes, or bytes that are not UTF-8.
pub fn table_text(file: &str, bytes: Vec<u8>) -> Result<String, String> {
    // No target has a `usize` wider than 64 bits.
    if bytes.len() as u64 > MAX_TABLE_BYTES {
        return Err(too_large(file));
    }
    String::from_utf8(bytes)
        .map_err(|_| format!("{file}: the status table is not UTF-8 text; save it as UTF-8"))
}

/// The message for a table file past [`MAX_TABLE_BYTES`].
#[must_use]
pub fn too_large(file: &str) -> String {
    format!(
        "{file}: the file is larger than {} MiB; it is not the status table, \
         or it was saved wrongly",
        MAX_TABLE_BYTES >> 20
    )
}

#[cfg(test)]
mod tests {
    use std::io::{self, Read};

    use super::{MAX_TABLE_BYTES, read_table_bytes, table_text};

    /// An endless source of spaces that is interrupted now and then.
    struct Endless {
        reads: usize,
    }

    impl Read for Endless {
        fn read(&mut self, buffer: &mut [u8]) -> io::Result<usize> {
            self.reads += 1;
            if self.reads % 7 == 0 {
                return Err(io::ErrorKind::Interrupted.into());
            }
            buffer.fill(b' ');
            Ok(buffer.len())
        }
    }

    #[test]
    fn reading_stops_one_byte_past_the_limit_and_retries_interruptions() {
        let bytes = read_table_bytes(Endless { reads: 0 }).expect("no error");
        let limit = usize::try_from(MAX_TABLE_BYTES).expect("64 MiB fits");
        assert_eq!(bytes.len(), limit + 1);
        assert!(table_text("t.toml", bytes).is_err());
        let short = read_table_bytes(&b"a = 1\n"[..]).expect("no error");
        assert_eq!(short, b"a = 1\n");
    }

    #[test]
    fn text_passes_and_other_bytes_say_what_they_are() {
        assert_eq!(
            table_text("t.toml", b"a = 1\n".to_vec()).as_deref(),
            Ok("a = 1\n")
        );
        let latin1 = table_text("t.toml", b"name = \"caf\xe9\"".to_vec());
        assert_eq!(
            latin1,
            Err("t.toml: the status table is not UTF-8 text; save it as UTF-8".to_owned())
        );
    }

    #[test]
    fn one_byte_past_the_limit_is_too_large() {
        let limit = usize::try_from(MAX_TABLE_BYTES).expect("64 MiB fits");
        assert!(table_text("t.toml", vec![b' '; limit]).is_ok());
        let message = table_text("t.toml", vec![b' '; limit + 1]).expect_err("too large");
        assert!(
            message.starts_with("t.toml: the file is larger than 64 MiB; it is not"),
            "{message}"
        );
    }
}
