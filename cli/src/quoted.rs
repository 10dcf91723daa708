//! Values from inputs, shown in messages: quoted, escaped so that control
//! characters and terminal escape codes print as text, and cut to a window
//! so that a 10 MB field or header is named, not echoed.

use std::fmt;

/// Characters of a value shown before it is cut.
const WINDOW: usize = 60;

/// A name (a file's, a column's, a reason's) as messages and reports show
/// it: as it is when it is short and prints as itself, else quoted and
/// escaped like a value.
pub(crate) fn as_name(name: &str) -> String {
    let plain = name.chars().count() <= WINDOW * 2
        && !name
            .chars()
            .any(|char| char.is_control() || is_hidden_format(char));
    if plain {
        name.to_owned()
    } else {
        Quoted::str(name).to_string()
    }
}

/// Unicode's format and separator characters, which can hide or reorder
/// text on a terminal.
fn is_hidden_format(char: char) -> bool {
    matches!(char, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A value to show in a message: `"+1 555\n…" (10485760 bytes)`.
pub(crate) struct Quoted<'a> {
    bytes: &'a [u8],
}

impl<'a> Quoted<'a> {
    pub(crate) fn bytes(bytes: &'a [u8]) -> Self {
        Self { bytes }
    }

    pub(crate) fn str(text: &'a str) -> Self {
        Self {
            bytes: text.as_bytes(),
        }
    }
}

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        let mut shown = 0;
        for chunk in self.bytes.utf8_chunks() {
            for char in chunk.valid().chars() {
                if shown == WINDOW {
                    return write!(f, "…\" ({} bytes)", self.bytes.len());
                }
                match char {
                    '"' => f.write_str("\\\"")?,
                    _ if is_hidden_format(char) => write!(f, "\\u{{{:x}}}", u32::from(char))?,
                    _ => write!(f, "{}", char.escape_debug())?,
                }
                shown += 1;
            }
            for byte in chunk.invalid() {
                if shown == WINDOW {
                    return write!(f, "…\" ({} bytes)", self.bytes.len());
                }
                write!(f, "\\x{byte:02x}")?;
                shown += 1;
            }
        }
        f.write_str("\"")
    }
}

#[cfg(test)]
mod tests {
    use super::Quoted;

    #[test]
    fn control_characters_and_escapes_print_as_text() {
        let shown = Quoted::str("a\nb\u{1b}[31mred\"\u{202e}").to_string();
        assert_eq!(shown, r#""a\nb\u{1b}[31mred\"\u{202e}""#);
        assert_eq!(Quoted::bytes(b"40\xffO0").to_string(), r#""40\xffO0""#);
    }

    #[test]
    fn file_names_are_quoted_only_when_they_would_not_print_as_themselves() {
        assert_eq!(super::as_name("cli/samples/a b.csv"), "cli/samples/a b.csv");
        assert_eq!(
            super::as_name("evil\u{1b}[2J.csv"),
            r#""evil\u{1b}[2J.csv""#
        );
        assert!(super::as_name(&"x".repeat(1000)).ends_with("(1000 bytes)"));
    }

    #[test]
    fn a_long_value_is_cut_and_its_size_given() {
        let long = "9".repeat(10 << 20);
        let shown = Quoted::str(&long).to_string();
        assert!(
            shown.starts_with(&format!("\"{}…\"", "9".repeat(60))),
            "{shown}"
        );
        assert!(shown.ends_with("(10485760 bytes)"), "{shown}");
        assert_eq!(Quoted::str(&"é".repeat(60)).to_string().chars().count(), 62);
    }
}
