//! Compressed inputs, told by their first bytes and not by their names:
//! gzip (`extract.csv.gz`, or several gzip streams one after another) and
//! zip archives, as Marketing Cloud's file drop delivers an extract when
//! its "compress" option is on.
//!
//! A gzip input is one stream of text. A zip archive holds inputs of its
//! own: each file in it is read as an input, named `archive.zip:member`,
//! except folders and the `__MACOSX/` copies of resource forks macOS adds.
//! The archive's directory is read with the `zip` crate; each member is
//! inflated here with `flate2` from its own file handle, so that it is a
//! reader of its own, and its checksum and length are checked at its end:
//! a damaged archive fails its input instead of counting part of it.

use std::fs::File;
use std::io::{self, Cursor, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;

use flate2::read::{DeflateDecoder, MultiGzDecoder};
use zip::{CompressionMethod, ZipArchive};

use crate::progress::Progress;
use crate::quoted;

/// How an input's bytes are packed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Packing {
    Plain,
    Gzip,
    Zip,
}

impl Packing {
    /// Tells the packing from the input's first bytes: at least four when
    /// the input has them.
    pub(crate) fn of(head: &[u8]) -> Self {
        if head.starts_with(b"\x1f\x8b") {
            Self::Gzip
        } else if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
            Self::Zip
        } else {
            Self::Plain
        }
    }
}

/// The text of a gzip input: every stream in it, one after another, as
/// `cat a.gz b.gz` makes.
pub(crate) fn gunzip(compressed: impl Read + Send + 'static) -> Box<dyn Read + Send> {
    Box::new(Gunzipped(MultiGzDecoder::new(compressed)))
}

/// Gzip text whose failures say what they most often mean: the file was
/// cut short or damaged, not just "incomplete deflate stream".
struct Gunzipped<R>(MultiGzDecoder<R>);

impl<R: Read> Read for Gunzipped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.read(buf).map_err(|error| match error.kind() {
            io::ErrorKind::UnexpectedEof | io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData => {
                io::Error::new(
                    error.kind(),
                    format!("its gzip data is cut short or damaged ({error}); expected a whole .gz file, as downloaded"),
                )
            }
            _ => error,
        })
    }
}

/// A file in a zip archive, ready to read.
pub(crate) struct Member {
    /// `archive:member`, escaped as file names are in messages.
    pub(crate) name: String,
    pub(crate) reader: Box<dyn Read + Send>,
}

/// Where an archive's bytes are: a file, opened again for each member, or
/// standard input, held whole.
pub(crate) enum Archive<'a> {
    File(&'a Path),
    Bytes(Arc<[u8]>),
}

/// The files a zip archive holds, in its order, each a reader of its own.
/// `name` is the archive's name in messages.
pub(crate) fn members(archive: &Archive, name: &str) -> Result<Vec<Member>, String> {
    let damaged = |error: zip::result::ZipError| {
        format!(
            "{name} is not a zip archive triage can read, cut short or damaged ({error}); \
             expected a whole .zip file, as downloaded"
        )
    };
    let mut listed = Vec::new();
    match archive {
        Archive::File(path) => {
            let file = File::open(path).map_err(|error| format!("cannot open {name}: {error}"))?;
            list(
                &mut ZipArchive::new(file).map_err(damaged)?,
                name,
                &mut listed,
            )?;
        }
        Archive::Bytes(bytes) => {
            let cursor = Cursor::new(Arc::clone(bytes));
            list(
                &mut ZipArchive::new(cursor).map_err(damaged)?,
                name,
                &mut listed,
            )?;
        }
    }
    if listed.is_empty() {
        return Err(format!("{name} is a zip archive that holds no files"));
    }
    listed
        .into_iter()
        .map(|entry| {
            let raw: Box<dyn Read + Send> = match archive {
                Archive::File(path) => {
                    let mut file =
                        File::open(path).map_err(|error| format!("cannot open {name}: {error}"))?;
                    file.seek(SeekFrom::Start(entry.data_start))
                        .map_err(|error| format!("cannot read {}: {error}", entry.name))?;
                    Box::new(file.take(entry.compressed_size))
                }
                Archive::Bytes(bytes) => {
                    let mut cursor = Cursor::new(Arc::clone(bytes));
                    cursor.set_position(entry.data_start);
                    Box::new(cursor.take(entry.compressed_size))
                }
            };
            let raw = Progress::new(raw, &entry.name, Some(entry.compressed_size));
            let inflated: Box<dyn Read + Send> = if entry.deflated {
                Box::new(DeflateDecoder::new(raw))
            } else {
                Box::new(raw)
            };
            Ok(Member {
                reader: Box::new(Checked {
                    inner: inflated,
                    hasher: crc32fast::Hasher::new(),
                    length: 0,
                    expected_crc: entry.crc32,
                    expected_length: entry.size,
                    name: entry.name.clone(),
                }),
                name: entry.name,
            })
        })
        .collect()
}

/// What the directory says of a member.
struct Entry {
    name: String,
    data_start: u64,
    compressed_size: u64,
    size: u64,
    crc32: u32,
    deflated: bool,
}

/// The archive's members that are files, with where their data is.
fn list<R: Read + Seek>(
    archive: &mut ZipArchive<R>,
    name: &str,
    listed: &mut Vec<Entry>,
) -> Result<(), String> {
    for index in 0..archive.len() {
        let member = archive
            .by_index_raw(index)
            .map_err(|error| format!("{name}: cannot read its member {}: {error}", index + 1))?;
        let path = member.name().to_owned();
        let macos_copy = path.starts_with("__MACOSX/")
            || path
                .rsplit('/')
                .next()
                .is_some_and(|file| file.starts_with("._"));
        if member.is_dir() || macos_copy {
            continue;
        }
        let shown = format!("{name}:{}", quoted::as_name(&path));
        if member.encrypted() {
            return Err(format!(
                "{shown} is encrypted: extract it with its password first"
            ));
        }
        // `DEFLATE` names the method whether or not the crate could inflate
        // it itself, which it is not asked to.
        let deflated = match member.compression() {
            CompressionMethod::Stored => false,
            method if method == CompressionMethod::DEFLATE => true,
            other => {
                return Err(format!(
                    "{shown} is compressed with {other}, which triage does not read: \
                     extract it first, or compress it as a plain zip (deflate)"
                ));
            }
        };
        let data_start = member
            .data_start()
            .ok_or_else(|| format!("{shown}: the archive does not say where its data is"))?;
        listed.push(Entry {
            name: shown,
            data_start,
            compressed_size: member.compressed_size(),
            size: member.size(),
            crc32: member.crc32(),
            deflated,
        });
    }
    Ok(())
}

/// A member's bytes, checked at their end against the length and checksum
/// the archive's directory gives.
struct Checked {
    inner: Box<dyn Read + Send>,
    hasher: crc32fast::Hasher,
    length: u64,
    expected_crc: u32,
    expected_length: u64,
    name: String,
}

impl Read for Checked {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let count = self.inner.read(buf)?;
        if count > 0 {
            self.hasher.update(&buf[..count]);
            self.length += count as u64;
        } else if !buf.is_empty() {
            let crc = self.hasher.clone().finalize();
            if self.length != self.expected_length || crc != self.expected_crc {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "{} is damaged: it inflates to {} bytes with checksum {crc:08x}, \
                         and the archive says {} bytes with checksum {:08x}",
                        self.name, self.length, self.expected_length, self.expected_crc
                    ),
                ));
            }
        }
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::Packing;

    #[test]
    fn packing_is_told_by_the_first_bytes() {
        assert_eq!(Packing::of(b"\x1f\x8b\x08\x00"), Packing::Gzip);
        assert_eq!(Packing::of(b"PK\x03\x04"), Packing::Zip);
        assert_eq!(Packing::of(b"PK\x05\x06"), Packing::Zip);
        assert_eq!(Packing::of(b"Mobi"), Packing::Plain);
        assert_eq!(Packing::of(b"PK,1"), Packing::Plain);
        assert_eq!(Packing::of(b""), Packing::Plain);
    }
}
