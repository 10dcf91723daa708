//! Table text written into the generated code: as a Rust string literal,
//! and as markdown for the docs. Either way the text comes back exactly as
//! the table wrote it, whatever characters it holds.

use std::fmt::Write as _;

/// `text` as a Rust string literal, quotes included, whose value is
/// exactly `text`.
///
/// Table text is hostile: quotes, backslashes, `*/`, raw-string delimiters,
/// line breaks, invisible and direction-changing characters. Only three
/// escapes are written, `\\`, `\"` and `\u{..}`, valid in every edition and
/// every string-literal position, doc attributes included. A control
/// character, and any character that `char::escape_debug` would escape
/// (std's own list of characters that do not print as themselves, such as
/// zero-width and bidirectional formatting characters and combining marks),
/// becomes `\u{..}`: a bare carriage return, an error in a literal, cannot
/// occur, rustc's deny-by-default lint against bidirectional characters in
/// literals cannot fire, and the generated text shows what it holds. std
/// decides only which characters to escape; the escape itself is written
/// here, because `{:?}` does not promise Rust syntax.
#[must_use]
pub fn string_literal(text: &str) -> String {
    let mut literal = String::with_capacity(text.len() + 2);
    literal.push('"');
    // Runs of characters that need no escape are copied whole: a
    // definition can be megabytes.
    let mut copied = 0;
    for (at, c) in text.char_indices() {
        if prints_as_itself(c) {
            continue;
        }
        literal.push_str(&text[copied..at]);
        match c {
            '\\' => literal.push_str("\\\\"),
            '"' => literal.push_str("\\\""),
            c => {
                let _ = write!(literal, "\\u{{{:x}}}", u32::from(c));
            }
        }
        copied = at + c.len_utf8();
    }
    literal.push_str(&text[copied..]);
    literal.push('"');
    literal
}

/// Whether `c` can stand for itself in a string literal: not `\`, `"` or a
/// control character, and left alone by `escape_debug`.
fn prints_as_itself(c: char) -> bool {
    match c {
        '\\' | '"' => false,
        ' '..='~' => true,
        c => !c.is_control() && c.escape_debug().eq([c]),
    }
}

/// `text` as markdown that rustdoc renders back as `text`, so a definition
/// reads the same in the docs as in the table (as HTML, runs of spaces show
/// as one).
///
/// Every ASCII punctuation character is backslash-escaped, which `CommonMark`
/// allows for all of them: no emphasis, code span, link, heading, list,
/// table cell, HTML tag or entity can start, and rustdoc's smart punctuation
/// leaves quotes and dashes alone. A line break becomes `<br>` because a
/// bare newline would be joined into the line (and two would start a new
/// paragraph). Only the doc text is escaped: `definition()` returns the
/// table's text verbatim.
pub(crate) fn markdown_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len() + text.len() / 4);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => escaped.push_str("<br>\n"),
            c if c.is_ascii_punctuation() => {
                escaped.push('\\');
                escaped.push(c);
            }
            c => escaped.push(c),
        }
    }
    escaped
}
