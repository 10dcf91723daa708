//! UTF-16 text decoded to UTF-8 as it streams, for extracts saved with
//! Marketing Cloud's "Unicode" option or as Excel's "Unicode Text": both
//! write UTF-16 after a byte-order mark. Nothing is held but one buffer.

use std::io::{self, Read};

/// Bytes read from the input at a time.
const CHUNK: usize = 1 << 16;

/// Decodes UTF-16 (the byte order given, the mark already read) from
/// `inner` into UTF-8. Text that is not UTF-16 (half a code unit at the
/// end, a surrogate without its pair) is an error naming the byte offset.
pub(crate) struct Utf16Reader<R> {
    inner: R,
    big_endian: bool,
    raw: Vec<u8>,
    decoded: Vec<u8>,
    position: usize,
    /// Bytes of the input consumed so far, for error messages; the mark
    /// before them counts too.
    offset: u64,
    high_surrogate: Option<u16>,
    done: bool,
    /// Why the text stopped being UTF-16, once it did: said on every read
    /// after the text decoded before it.
    failed: Option<String>,
}

impl<R: Read> Utf16Reader<R> {
    pub(crate) fn new(inner: R, big_endian: bool) -> Self {
        Self {
            inner,
            big_endian,
            raw: Vec::with_capacity(CHUNK + 1),
            decoded: Vec::with_capacity(CHUNK * 3 / 2),
            position: 0,
            offset: 2,
            high_surrogate: None,
            done: false,
            failed: None,
        }
    }

    /// Reads the next chunk and decodes every whole code unit in it.
    fn refill(&mut self) -> io::Result<()> {
        self.decoded.clear();
        self.position = 0;
        while self.decoded.is_empty() && !self.done && self.failed.is_none() {
            let kept = self.raw.len();
            self.raw.resize(kept + CHUNK, 0);
            let count = loop {
                match self.inner.read(&mut self.raw[kept..]) {
                    Ok(count) => break count,
                    Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
                    Err(error) => return Err(error),
                }
            };
            self.raw.truncate(kept + count);
            if count == 0 {
                self.done = true;
                self.finish();
                return Ok(());
            }
            self.decode_whole_units();
        }
        Ok(())
    }

    fn decode_whole_units(&mut self) {
        let whole = self.raw.len() & !1;
        for pair in self.raw[..whole].chunks_exact(2) {
            let bytes = [pair[0], pair[1]];
            let unit = if self.big_endian {
                u16::from_be_bytes(bytes)
            } else {
                u16::from_le_bytes(bytes)
            };
            let char = match (self.high_surrogate.take(), unit) {
                (None, 0xD800..=0xDBFF) => {
                    self.high_surrogate = Some(unit);
                    self.offset += 2;
                    continue;
                }
                (Some(high), 0xDC00..=0xDFFF) => {
                    let code =
                        0x1_0000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                    char::from_u32(code)
                }
                (None, 0xDC00..=0xDFFF) | (Some(_), _) => None,
                (None, _) => char::from_u32(u32::from(unit)),
            };
            let Some(char) = char else {
                // What was decoded before still counts; the error comes
                // after it.
                self.failed = Some(self.not_utf16("a surrogate without its pair"));
                self.raw.clear();
                return;
            };
            let mut buffer = [0; 4];
            self.decoded
                .extend_from_slice(char.encode_utf8(&mut buffer).as_bytes());
            self.offset += 2;
        }
        self.raw.drain(..whole);
    }

    fn finish(&mut self) {
        if !self.raw.is_empty() {
            self.failed = Some(self.not_utf16("an odd number of bytes"));
        } else if self.high_surrogate.is_some() {
            self.failed = Some(self.not_utf16("a surrogate without its pair"));
        }
    }

    fn not_utf16(&self, what: &str) -> String {
        format!(
            "not UTF-16 text after its byte-order mark: {what} at byte {}",
            self.offset
        )
    }
}

impl<R: Read> Read for Utf16Reader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.position == self.decoded.len() {
            self.refill()?;
        }
        if self.position == self.decoded.len() {
            if let Some(failed) = &self.failed {
                return Err(io::Error::new(io::ErrorKind::InvalidData, failed.clone()));
            }
        }
        let available = &self.decoded[self.position..];
        let count = available.len().min(buf.len());
        buf[..count].copy_from_slice(&available[..count]);
        self.position += count;
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::Utf16Reader;

    fn encode(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|unit| {
                if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                }
            })
            .collect()
    }

    fn decode(bytes: &[u8], big_endian: bool) -> std::io::Result<String> {
        let mut text = String::new();
        Utf16Reader::new(bytes, big_endian).read_to_string(&mut text)?;
        Ok(text)
    }

    /// Feeds the reader one byte per read, so every code unit and every
    /// surrogate pair is split across reads.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let Some((&first, rest)) = self.0.split_first() else {
                return Ok(0);
            };
            buf[0] = first;
            self.0 = rest;
            Ok(1)
        }
    }

    #[test]
    fn both_byte_orders_decode_to_the_same_text() {
        let text = "Mobile\tSMSStandardStatusCodeId\r\n15550100001\t4000\r\nemoji 📱 and é\r\n";
        assert_eq!(decode(&encode(text, false), false).expect("LE"), text);
        assert_eq!(decode(&encode(text, true), true).expect("BE"), text);
        let long = "15550100001,4000\n".repeat(20_000);
        assert_eq!(decode(&encode(&long, false), false).expect("long"), long);
        let mut trickled = String::new();
        Utf16Reader::new(Trickle(&encode(text, false)), false)
            .read_to_string(&mut trickled)
            .expect("one byte at a time");
        assert_eq!(trickled, text);
    }

    #[test]
    fn the_text_before_an_error_is_read_first() {
        let mut bytes = encode(&"15550100001,4000\n".repeat(5000), false);
        bytes.extend([0x00, 0xDC]);
        let mut reader = Utf16Reader::new(bytes.as_slice(), false);
        let mut text = Vec::new();
        let error = reader.read_to_end(&mut text).expect_err("a lone surrogate");
        assert_eq!(text.len(), 5000 * 17, "every line before it");
        assert!(error.to_string().contains("at byte 170002"), "{error}");
        assert!(reader.read(&mut [0; 8]).is_err(), "and the error stays");
    }

    #[test]
    fn what_is_not_utf16_is_an_error_naming_the_byte() {
        let mut odd = encode("4000", false);
        odd.push(b'x');
        let error = decode(&odd, false).expect_err("odd length");
        assert!(
            error.to_string().contains("odd number of bytes at byte 10"),
            "{error}"
        );
        let lone_low = [0x00, 0xDC, b'a', 0];
        let error = decode(&lone_low, false).expect_err("lone low surrogate");
        assert!(error.to_string().contains("at byte 2"), "{error}");
        let unpaired_high = [0x3D, 0xD8, b'a', 0];
        assert!(decode(&unpaired_high, false).is_err());
        assert!(decode(&[0x3D, 0xD8], false).is_err());
    }
}
