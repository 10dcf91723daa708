//! Reads the table's TOML into what the table is made of: `[[status]]`
//! blocks of keys and values, each piece with its place in the file.
//!
//! `toml_parser`, the lexer and parser under the `toml` crate, does the
//! TOML itself: tokens, grammar, string escapes, number formats, every
//! mistake with its span. This file only walks the parser's events. The
//! `toml` crate's own document layer would build general nested tables and
//! dates, which this table never holds; leaving it and `toml_datetime` out
//! took a large share off the cold build of every crate that uses the
//! table (BENCHMARKS.md, "Cold build").

use std::ops::Range;

use toml_parser::decoder::ScalarKind;
use toml_parser::lexer::TokenKind;
use toml_parser::parser::{Event, EventKind, RecursionGuard, ValidateWhitespace, parse_document};
use toml_parser::{ParseError, Source, Span};

/// Arrays and inline tables nested deeper than this, and dotted keys with
/// more parts, are a TOML mistake here (the table holds none at all); the
/// limit keeps a hostile file from exhausting the parser's stack or the
/// walk's time. It is the `toml` crate's own limit.
const MAX_NESTING: u32 = 80;

/// A value and where it is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    span: Range<usize>,
    value: T,
}

impl<T> Spanned<T> {
    /// `value`, found at the bytes `span` of the text.
    pub fn new(span: Range<usize>, value: T) -> Self {
        Self { span, value }
    }

    /// Where the value is: a byte range of the text.
    #[must_use]
    pub fn span(&self) -> Range<usize> {
        self.span.clone()
    }

    /// The value.
    pub fn get_ref(&self) -> &T {
        &self.value
    }

    /// The value, without its place.
    pub fn into_inner(self) -> T {
        self.value
    }
}

/// A value as far as the table needs to know it: the text of strings and
/// integers, and only the kind of anything else, which is always a mistake.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// A string, its escapes decoded.
    String(String),
    /// The digits as TOML reads them: the sign kept, the radix prefix and
    /// underscores gone (`-0x_1F` is not TOML; `+4_000` is `+4000`).
    Integer {
        /// The sign and digits.
        digits: String,
        /// 2, 8, 10 or 16.
        radix: u32,
    },
    /// How many values the array holds.
    Array(usize),
    /// A boolean, float, date-time or inline table, by its TOML name.
    Other(&'static str),
}

impl Value {
    /// The TOML name of the value's type, for "must be a string, not an
    /// integer".
    #[must_use]
    pub fn type_str(&self) -> &'static str {
        match self {
            Self::String(_) => "string",
            Self::Integer { .. } => "integer",
            Self::Array(_) => "array",
            Self::Other(kind) => kind,
        }
    }
}

/// One `key = value` line. A dotted key is kept whole (`a.b`): the table
/// uses none, so it is reported as written.
#[derive(Debug)]
pub struct Entry {
    /// The key, dotted parts joined with `.`.
    pub key: Spanned<String>,
    /// The value.
    pub value: Spanned<Value>,
}

/// A `[[status]]` block: its header line and its entries in file order.
#[derive(Debug)]
pub struct Block {
    /// Where `[[status]]` is written.
    pub header: Range<usize>,
    /// The block's `key = value` lines.
    pub entries: Vec<Entry>,
}

/// A table header other than `[[status]]`; the entries under it are not
/// read, because the header's mistake is the one to fix.
#[derive(Debug)]
pub struct OtherHeader {
    /// Where the header is written.
    pub span: Range<usize>,
    /// The header's key parts, decoded (`["status"]` for `[status]`).
    pub keys: Vec<String>,
    /// `[[…]]` rather than `[…]`.
    pub is_array: bool,
}

/// The whole file, as the table reads it.
#[derive(Debug, Default)]
pub struct Document {
    /// Entries before the first header.
    pub top: Vec<Entry>,
    /// The `[[status]]` blocks, in file order.
    pub blocks: Vec<Block>,
    /// Headers other than `[[status]]`, in file order.
    pub other_headers: Vec<OtherHeader>,
}

/// A mistake in the TOML itself, in the parser's words.
#[derive(Debug)]
pub struct SyntaxError {
    /// What the parser found wrong.
    pub message: String,
    /// Where the parser stopped understanding, when it says.
    pub span: Option<Range<usize>>,
}

/// Reads `text`, or returns every TOML mistake in it.
///
/// # Errors
///
/// Every mistake the TOML parser and the decoding of strings and numbers
/// find, in the parser's words.
pub fn read(text: &str) -> Result<Document, Vec<SyntaxError>> {
    let source = Source::new(text);
    let tokens = source.lex().into_vec();
    let mut events: Vec<Event> = Vec::with_capacity(tokens.len());
    let mut problems: Vec<ParseError> = Vec::new();
    {
        let mut checked = ValidateWhitespace::new(&mut events, source);
        let mut guarded = RecursionGuard::new(&mut checked, MAX_NESTING);
        parse_document(&tokens, &mut guarded, &mut problems);
    }
    events.retain(|event| {
        !matches!(
            event.kind(),
            EventKind::Whitespace | EventKind::Comment | EventKind::Newline
        )
    });
    // The walk also runs over a file with mistakes: decoding its strings
    // and numbers finds the rest of them, so one build lists them all.
    let mut walk = Walk {
        source,
        events: &events,
        next: 0,
        problems,
    };
    let document = walk.document();
    if walk.problems.is_empty() {
        Ok(document)
    } else {
        Err(walk.problems.iter().map(syntax_error).collect())
    }
}

/// Where the text's `[` tokens start, in file order. A `[` inside a string
/// or a comment is part of that token, so this tells a line that opens a
/// table from one that only starts with `[`, also where the parser gave up
/// (an unclosed multi-line string runs to the end of the file).
pub(crate) fn bracket_starts(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    for token in Source::new(text).lex() {
        if token.kind() == TokenKind::LeftSquareBracket {
            starts.push(token.span().start());
        }
    }
    starts
}

/// The message the `toml` crate would give: the parser's description, then
/// what it expected.
fn syntax_error(problem: &ParseError) -> SyntaxError {
    let mut message = problem.description().to_owned();
    if let Some(expected) = problem.expected() {
        let words: Vec<String> = expected.iter().map(expected_word).collect();
        message.push_str(", expected ");
        if words.is_empty() {
            message.push_str("nothing");
        } else {
            message.push_str(&words.join(", "));
        }
    }
    SyntaxError {
        message,
        span: problem.unexpected().map(range),
    }
}

fn expected_word(expected: &toml_parser::Expected) -> String {
    match expected {
        toml_parser::Expected::Literal("\n") => "newline".to_owned(),
        toml_parser::Expected::Literal("`") => "'`'".to_owned(),
        // Control characters would break the message's line.
        toml_parser::Expected::Literal(literal)
            if literal.chars().all(|c| c.is_ascii_control()) =>
        {
            format!("`{}`", literal.escape_debug())
        }
        toml_parser::Expected::Literal(literal) => format!("`{literal}`"),
        toml_parser::Expected::Description(description) => (*description).to_owned(),
        // The enum may grow; its other kinds have nothing to show.
        _ => "something else".to_owned(),
    }
}

fn range(span: Span) -> Range<usize> {
    span.start()..span.end()
}

/// Where entries go: the top of the file, the last `[[status]]` block, or
/// nowhere (under a header that is a mistake).
#[derive(Clone, Copy)]
enum Place {
    Top,
    LastBlock,
    Nowhere,
}

/// A cursor over the parser's events, whitespace and comments left out.
struct Walk<'e, 'i> {
    source: Source<'i>,
    events: &'e [Event],
    next: usize,
    problems: Vec<ParseError>,
}

impl Walk<'_, '_> {
    fn peek(&self) -> Option<Event> {
        self.events.get(self.next).copied()
    }

    fn take(&mut self) -> Option<Event> {
        let event = self.peek()?;
        self.next += 1;
        Some(event)
    }

    fn document(&mut self) -> Document {
        let mut document = Document::default();
        let mut place = Place::Top;
        while let Some(event) = self.take() {
            match event.kind() {
                EventKind::StdTableOpen | EventKind::ArrayTableOpen => {
                    place = self.header(event, &mut document);
                }
                EventKind::SimpleKey => {
                    let Some(entry) = self.entry(event) else {
                        continue;
                    };
                    match place {
                        Place::Top => document.top.push(entry),
                        Place::LastBlock => {
                            if let Some(block) = document.blocks.last_mut() {
                                block.entries.push(entry);
                            }
                        }
                        Place::Nowhere => {}
                    }
                }
                // Anything else out of place is a mistake the parser has
                // already reported.
                _ => {}
            }
        }
        document
    }

    fn header(&mut self, open: Event, document: &mut Document) -> Place {
        let mut keys = Vec::new();
        let mut end = open.span().end();
        while let Some(event) = self.peek() {
            match event.kind() {
                EventKind::SimpleKey => {
                    self.next += 1;
                    keys.push(self.key(event).into_inner());
                    end = event.span().end();
                }
                EventKind::KeySep => self.next += 1,
                EventKind::StdTableClose | EventKind::ArrayTableClose => {
                    self.next += 1;
                    end = event.span().end();
                    break;
                }
                // A broken header; the parser has reported it.
                _ => break,
            }
        }
        let span = open.span().start()..end;
        let is_array = open.kind() == EventKind::ArrayTableOpen;
        if is_array && keys.len() == 1 && keys[0] == "status" {
            document.blocks.push(Block {
                header: span,
                entries: Vec::new(),
            });
            Place::LastBlock
        } else {
            document.other_headers.push(OtherHeader {
                span,
                keys,
                is_array,
            });
            Place::Nowhere
        }
    }

    /// `key = value`, from the key's first part on. `None` when the line
    /// breaks off; the parser has reported that.
    fn entry(&mut self, first: Event) -> Option<Entry> {
        let Spanned {
            span,
            value: mut text,
        } = self.key(first);
        let mut end = span.end;
        let mut parts = 1;
        loop {
            match self.peek()?.kind() {
                EventKind::KeySep => self.next += 1,
                EventKind::SimpleKey => {
                    let part = self.take()?;
                    parts += 1;
                    if parts > MAX_NESTING {
                        // The `toml` crate's limit too: past it, a key is
                        // junk, and building it would take time and memory
                        // growing with its length.
                        self.problems.push(
                            ParseError::new(format!(
                                "a dotted key with more than {MAX_NESTING} parts"
                            ))
                            .with_unexpected(part.span()),
                        );
                        while let Some(EventKind::SimpleKey | EventKind::KeySep) =
                            self.peek().map(|event| event.kind())
                        {
                            self.next += 1;
                        }
                        return None;
                    }
                    text.push('.');
                    text.push_str(self.key(part).get_ref());
                    end = part.span().end();
                }
                EventKind::KeyValSep => {
                    self.next += 1;
                    break;
                }
                _ => return None,
            }
        }
        let value = self.value()?;
        Some(Entry {
            key: Spanned::new(span.start..end, text),
            value,
        })
    }

    fn key(&mut self, event: Event) -> Spanned<String> {
        let mut text = String::new();
        if let Some(raw) = self.source.get(event) {
            raw.decode_key(&mut text, &mut self.problems);
        }
        Spanned::new(range(event.span()), text)
    }

    fn value(&mut self) -> Option<Spanned<Value>> {
        let event = self.peek()?;
        match event.kind() {
            EventKind::Scalar => {
                self.next += 1;
                Some(self.scalar(event))
            }
            EventKind::ArrayOpen | EventKind::InlineTableOpen => {
                self.next += 1;
                Some(self.nested(event))
            }
            // A missing value; the parser has reported it.
            _ => None,
        }
    }

    fn scalar(&mut self, event: Event) -> Spanned<Value> {
        let mut decoded = String::new();
        let kind = match self.source.get(event) {
            Some(raw) => raw.decode_scalar(&mut decoded, &mut self.problems),
            None => ScalarKind::String,
        };
        let value = match kind {
            ScalarKind::String => Value::String(decoded),
            ScalarKind::Integer(radix) => Value::Integer {
                digits: decoded,
                radix: radix.value(),
            },
            ScalarKind::Boolean(_) => Value::Other("boolean"),
            ScalarKind::Float => Value::Other("float"),
            ScalarKind::DateTime => Value::Other("datetime"),
        };
        Spanned::new(range(event.span()), value)
    }

    /// An array or inline table, read to its closing bracket so the walk
    /// goes on after it. Only an array's length is kept; what is inside is
    /// still decoded, so a bad string in it is reported.
    fn nested(&mut self, open: Event) -> Spanned<Value> {
        let mut depth = 1_usize;
        let mut items = 0;
        let mut end = open.span().end();
        while depth > 0 {
            let Some(event) = self.peek() else { break };
            match event.kind() {
                // A header inside a value means the value broke off.
                EventKind::StdTableOpen | EventKind::ArrayTableOpen => break,
                EventKind::ArrayOpen | EventKind::InlineTableOpen => {
                    items += usize::from(depth == 1);
                    depth += 1;
                }
                EventKind::ArrayClose | EventKind::InlineTableClose => {
                    depth -= 1;
                    end = event.span().end();
                }
                EventKind::Scalar => {
                    items += usize::from(depth == 1);
                    self.scalar(event);
                }
                EventKind::SimpleKey => {
                    self.key(event);
                }
                _ => {}
            }
            self.next += 1;
        }
        let span = open.span().start()..end;
        if open.kind() == EventKind::ArrayOpen {
            Spanned::new(span, Value::Array(items))
        } else {
            Spanned::new(span, Value::Other("table"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Document, Value, read};

    fn document(text: &str) -> Document {
        match read(text) {
            Ok(document) => document,
            Err(errors) => panic!("{text:?} should read, got {errors:?}"),
        }
    }

    fn value(text: &str) -> Value {
        let document = document(&format!("v = {text}\n"));
        document.top[0].value.get_ref().clone()
    }

    #[test]
    fn blocks_keep_their_entries_and_where_everything_is() {
        let text = "# a comment\n\n[[status]]\ncode = 4000 # trailing\nname = \"Delivered\"\n\n[[status]]\ncode = 4500\n";
        let document = document(text);
        assert!(document.top.is_empty() && document.other_headers.is_empty());
        assert_eq!(document.blocks.len(), 2);
        let first = &document.blocks[0];
        assert_eq!(&text[first.header.clone()], "[[status]]");
        let keys: Vec<&str> = first
            .entries
            .iter()
            .map(|e| e.key.get_ref().as_str())
            .collect();
        assert_eq!(keys, ["code", "name"]);
        assert_eq!(&text[first.entries[0].value.span()], "4000");
        assert_eq!(&text[first.entries[1].value.span()], "\"Delivered\"");
        assert_eq!(
            first.entries[1].value.get_ref(),
            &Value::String("Delivered".to_owned())
        );
        assert_eq!(document.blocks[1].entries.len(), 1);
    }

    #[test]
    fn integers_keep_their_sign_and_radix() {
        let integer = |digits: &str, radix| Value::Integer {
            digits: digits.to_owned(),
            radix,
        };
        assert_eq!(value("+4_000"), integer("+4000", 10));
        assert_eq!(value("-5"), integer("-5", 10));
        assert_eq!(value("0x1F"), integer("1F", 16));
        assert_eq!(value("0o17"), integer("17", 8));
        assert_eq!(value("0b101"), integer("101", 2));
    }

    #[test]
    fn strings_are_decoded_in_every_toml_form() {
        let string = |text: &str| Value::String(text.to_owned());
        assert_eq!(
            value(r#""a \"quoted\" caf\u00e9""#),
            string("a \"quoted\" café")
        );
        assert_eq!(value(r"'C:\no\escapes'"), string(r"C:\no\escapes"));
        assert_eq!(value("\"\"\"\none \\\n  two\"\"\""), string("one two"));
        assert_eq!(value("\'\'\'\nkept\nlines\'\'\'"), string("kept\nlines"));
    }

    #[test]
    fn other_values_are_known_by_their_kind_and_arrays_by_length() {
        assert_eq!(value("[]"), Value::Array(0));
        assert_eq!(value("[1, [2, 3], { h = 4 }, \"x\"]"), Value::Array(4));
        assert_eq!(value("{ code = 1 }"), Value::Other("table"));
        assert_eq!(value("true"), Value::Other("boolean"));
        assert_eq!(value("1.5"), Value::Other("float"));
        assert_eq!(value("1979-05-27"), Value::Other("datetime"));
    }

    #[test]
    fn quoted_keys_are_decoded_and_dotted_keys_kept_whole() {
        let text = "[[status]]\n\"code\" = 1\nstage.kind = \"x\"\n";
        let document = document(text);
        let entries = &document.blocks[0].entries;
        assert_eq!(entries[0].key.get_ref(), "code");
        assert_eq!(entries[1].key.get_ref(), "stage.kind");
        assert_eq!(&text[entries[1].key.span()], "stage.kind");
    }

    #[test]
    fn other_headers_are_kept_and_their_entries_not_read() {
        let text = "[status]\ncode = 1\n[[statuses]]\n[a.\"b\"]\n[[status]]\ncode = 2\n";
        let document = document(text);
        let headers: Vec<(Vec<String>, bool, &str)> = document
            .other_headers
            .iter()
            .map(|h| (h.keys.clone(), h.is_array, &text[h.span.clone()]))
            .collect();
        assert_eq!(
            headers,
            [
                (vec!["status".to_owned()], false, "[status]"),
                (vec!["statuses".to_owned()], true, "[[statuses]]"),
                (vec!["a".to_owned(), "b".to_owned()], false, "[a.\"b\"]"),
            ]
        );
        assert_eq!(document.blocks.len(), 1);
        assert_eq!(document.blocks[0].entries.len(), 1);
        assert!(document.top.is_empty());
    }

    #[test]
    fn every_syntax_error_is_reported_with_a_place() {
        let text = "[[status]]\ncode 4000\nname = \"unclosed\ndefinition = \"bad \\q escape\"\n";
        let errors = read(text).expect_err("three broken lines");
        assert!(errors.len() >= 3, "{errors:?}");
        for error in &errors {
            let span = error.span.clone().expect("a place");
            assert!(span.end <= text.len(), "{error:?}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let text = format!("v = {}\n", "[".repeat(100_000));
        assert!(read(&text).is_err());
    }
}
