//! Table text written into the generated code: as a Rust string literal,
//! and as markdown for the docs. Either way the text comes back exactly as
//! the table wrote it, whatever characters it holds, and no other way out
//! of the table is open.

use std::fmt::Write as _;

/// Text from the table, a definition or a note, on its way into the
/// generated code, which it must never become part of.
///
/// It has no [`Display`](std::fmt::Display), and in the macro's build no
/// way back to a `&str`: the only ways out are
/// [`literal`](Self::literal), a Rust string literal whose value is the
/// text, and [`markdown`](Self::markdown), for a doc comment. So a careless
/// `format!` that would paste a definition into the code as code does not
/// compile:
///
/// ```compile_fail,E0277
/// # let text = "[[status]]\ncode = 4000\nname = \"Delivered\"\n\
/// #     definition = \"\\\"); evil(); (\\\"\"\nstage = \"handset\"\n\
/// #     outcome = \"delivered\"\nfinal = \"yes\"\naction = \"none\"\n";
/// let table = mobileconnect_status_table::check(text).expect("a valid table");
/// let code = format!("const DEFINITION: &str = \"{}\";", table.rows()[0].definition);
/// ```
///
/// while the literal keeps the same text a string:
///
/// ```
/// # let text = "[[status]]\ncode = 4000\nname = \"Delivered\"\n\
/// #     definition = \"\\\"); evil(); (\\\"\"\nstage = \"handset\"\n\
/// #     outcome = \"delivered\"\nfinal = \"yes\"\naction = \"none\"\n";
/// let table = mobileconnect_status_table::check(text).expect("a valid table");
/// let definition = &table.rows()[0].definition;
/// assert!(*definition == "\"); evil(); (\"");
/// let code = format!("const DEFINITION: &str = {};", definition.literal());
/// assert_eq!(code, r#"const DEFINITION: &str = "\"); evil(); (\"";"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableText(String);

impl TableText {
    /// Only validation reads text from the table.
    pub(crate) fn new(text: String) -> Self {
        Self(text)
    }

    /// The text as a Rust string literal, quotes included, whose value is
    /// exactly the text; control and invisible characters are written as
    /// `\u{..}` escapes.
    #[must_use]
    pub fn literal(&self) -> String {
        string_literal(&self.0)
    }

    /// The text itself, for a program that shows a table to people as it
    /// runs (`sms-status --codes`). Not in the macro's build, which writes
    /// code: there text leaves only as a literal or as markdown.
    #[cfg(not(proc_macro))]
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text as markdown that rustdoc shows as the text, line breaks
    /// included. Every ASCII punctuation character comes out behind a
    /// backslash, so even pasted into code it could form no Rust
    /// punctuation; its place is a doc string, itself a string literal.
    #[must_use]
    pub fn markdown(&self) -> String {
        markdown_text(&self.0)
    }
}

/// For tests and callers that compare what the table says.
impl PartialEq<str> for TableText {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for TableText {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for TableText {
    fn eq(&self, other: &String) -> bool {
        self.0 == *other
    }
}

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
pub(crate) fn string_literal(text: &str) -> String {
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
