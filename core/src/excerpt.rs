//! The start of an offending input, kept inside an error.

/// How much of the input an error keeps. Errors copy it rather than borrow
/// or allocate, so they work without `std` and outlive the input.
const KEPT: usize = 48;

/// Up to [`KEPT`] bytes of a text, cut on a character boundary.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Excerpt {
    bytes: [u8; KEPT],
    len: u8,
    truncated: bool,
}

impl Excerpt {
    pub(crate) fn new(text: &str) -> Self {
        let mut end = text.len().min(KEPT);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let mut bytes = [0; KEPT];
        bytes[..end].copy_from_slice(&text.as_bytes()[..end]);
        Self {
            bytes,
            len: u8::try_from(end).unwrap_or(u8::MAX),
            truncated: end < text.len(),
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        // The kept bytes end on a character boundary of a `&str`.
        core::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }

    pub(crate) const fn is_truncated(&self) -> bool {
        self.truncated
    }

    /// Shown after the quoted excerpt when it is not the whole input.
    pub(crate) const fn ellipsis(&self) -> &'static str {
        if self.truncated { "…" } else { "" }
    }
}
