//! Model → Rust source text. The model is already checked, so nothing here
//! validates or fails. Policy that does not depend on the table (how an
//! unlisted code is classified, what `is_pending` means) lives in the core
//! crate; the generated arms only call it.
//!
//! The code is written as text and lexed by the entry point with one
//! `str::parse`, not built token by token with `quote!`: the macro then
//! needs neither `quote` nor `proc-macro2`, about a second of CPU in the
//! cold build of every crate that uses the table, and its own compile has
//! no `quote!` expansions to work through. Text is only safe if nothing
//! from the table can change its structure: names were checked to be
//! identifiers, codes are numbers, and all other table text goes through
//! [`string_literal`].
//!
//! Nothing here touches `proc_macro`, whose functions panic outside a
//! compiler expansion, so all of it runs in unit tests and fuzz targets.

use std::fmt::{self, Write as _};
use std::path::Path;

use crate::table::{Row, Table};

/// The generated code that goes around the user's own tokens. The entry
/// point emits the user's attributes, then [`attributes`](Self::attributes),
/// the user's visibility, `enum` and name (its token, so that errors and
/// go-to-definition land on the user's code), then [`rest`](Self::rest).
pub(crate) struct Expansion {
    /// Outer attributes added after the user's own: the doc table, which
    /// thereby follows the user's doc comment, and `#[non_exhaustive]`.
    pub(crate) attributes: String,
    /// Everything after the enum's name: its braced body, the impl blocks
    /// and, with a table file, the line that tracks the file.
    pub(crate) rest: String,
}

/// The enum named `name` and its inherent functions; with `table_file`,
/// also the `include_bytes!` that makes cargo rebuild when the file changes.
/// `name` is the enum's identifier as written (`SmsStatus`, or `r#Type`).
pub(crate) fn enum_and_impls(name: &str, table: &Table, table_file: Option<&Path>) -> Expansion {
    let attributes = format!(
        "#[doc = {}]\n#[non_exhaustive]\n",
        string_literal(&doc_table(name, table))
    );
    let mut rest = enum_body(table);
    rest.push_str(&lookups(name, table));
    rest.push_str(&classification(name, table));
    if let Some(path) = table_file {
        rest.push_str(&track_file(path));
    }
    Expansion { attributes, rest }
}

/// `proc_macro::tracked_path` is unstable; including the bytes is the stable
/// way to make the file part of the crate's dependency info, in every profile.
pub(crate) fn track_file(path: &Path) -> String {
    let path = string_literal(&path.to_string_lossy());
    format!("const _: &[u8] = ::core::include_bytes!({path});\n")
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

/// `item` written for every row, in code order, into one string: the
/// elements of an array or the arms of a `match`. Each `item` ends its text
/// with a comma; a trailing comma is valid in both.
fn per_row(table: &Table, mut item: impl FnMut(&mut String, usize, &Row) -> fmt::Result) -> String {
    let mut text = String::new();
    for (index, row) in table.rows.iter().enumerate() {
        // Writing to a `String` cannot fail.
        let _ = item(&mut text, index, row);
    }
    text
}

/// The enum's braced body: one documented variant per row, then
/// `Unrecognized`.
fn enum_body(table: &Table) -> String {
    let variants = per_row(table, |out, _, row| {
        let doc = string_literal(&variant_doc(row));
        write!(out, "\n    #[doc = {doc}]\n    {},", row.name)
    });
    format!(
        "{{{variants}
    /// A code the table does not list (yet). The number is kept and
    /// round-trips unchanged; it is classified conservatively: stage
    /// from the thousands digit, outcome unknown, not final, action
    /// investigate. It never holds a listed code.
    Unrecognized(::mobileconnect_status::UnrecognizedCode),
}}
"
    )
}

fn doc_table(name: &str, table: &Table) -> String {
    let mut doc = String::from(
        "\n\n# The table\n\n| Code | Status | Stage | Outcome | Final | Action |\n|---:|---|---|---|---|---|\n",
    );
    for row in &table.rows {
        let _ = writeln!(
            doc,
            "| {} | [`{variant}`]({name}::{variant}) | {} | {} | {} | {} |",
            row.code,
            row.stage.word(),
            row.outcome.word(),
            row.finality.word(),
            row.action.word(),
            variant = row.name,
        );
    }
    doc
}

fn variant_doc(row: &Row) -> String {
    let mut doc = format!(
        " {}\n\nCode **{}** · stage: {} · outcome: {} · final: {} · action: {}",
        markdown_text(&row.definition),
        row.code,
        row.stage.word(),
        row.outcome.word(),
        row.finality.word(),
        row.action.word(),
    );
    if let Some(note) = &row.note {
        let _ = write!(doc, "\n\n*Why:* {}", markdown_text(note));
    }
    doc
}

/// `text` as markdown that rustdoc renders back to exactly `text`, so a
/// definition reads the same in the docs as in the table.
///
/// Every ASCII punctuation character is backslash-escaped, which `CommonMark`
/// allows for all of them: no emphasis, code span, link, heading, list,
/// table cell, HTML tag or entity can start, and rustdoc's smart punctuation
/// leaves quotes and dashes alone. A line break becomes `<br>` because a
/// bare newline would be joined into the line (and two would start a new
/// paragraph). Only the doc text is escaped: `definition()` returns the
/// table's text verbatim.
fn markdown_text(text: &str) -> String {
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

/// The first impl block: every listed status, the row behind each, and the
/// lookups and columns read by that row.
fn lookups(name: &str, table: &Table) -> String {
    let items = [
        all_const(name, table),
        row_fn(name, table),
        from_code_fn(name, table),
        code_fn(table),
        name_fn(table),
        from_name_fn(table),
        definition_fn(table),
        note_fn(table),
    ];
    format!("\nimpl {name} {{{}}}\n", items.concat())
}

// Variants are named through the enum, not `Self`, in `ALL`, `row()` and
// `from_code`'s `match`: with `Self::Variant` in every arm, rustc's type checking of
// `ALL` and `row()` took 5 times as long at 10,000 rows and grew with the
// square of the rows (its path resolution walks the variants).

fn all_const(name: &str, table: &Table) -> String {
    let all = per_row(table, |out, _, row| write!(out, "{name}::{}, ", row.name));
    format!(
        "
    /// Every status the table lists, in code order.
    pub const ALL: &'static [Self] = &[{all}];
"
    )
}

fn row_fn(name: &str, table: &Table) -> String {
    let count = table.rows.len();
    // Row numbers suffixed, as the `quote!` version wrote them: each arm's
    // type is known without inference.
    let arms = per_row(table, |out, index, row| {
        write!(out, "\n            {name}::{} => {index}usize,", row.name)
    });
    format!(
        "
    /// The row of a listed status in the tables below; one past
    /// the last row for an unlisted code. The one `match` over all
    /// variants: rustc's time for a `match` grows faster than its
    /// arms, so every other lookup reads a table by this row.
    #[inline]
    const fn row(self) -> usize {{
        match self {{{arms}
            Self::Unrecognized(_) => {count}usize,
        }}
    }}
"
    )
}

/// Up to this many rows, `from_code` is a `match`, which rustc lowers to
/// a jump table or a few compares: the real table's lookup stays what a
/// hand-written `match` compiles to. Above it, a binary search over the
/// sorted codes: rustc's exhaustiveness check of a `match` takes time
/// growing with the square of its arms (rust-lang/rust#7462), about 0.6 s
/// of CPU for 10,000 arms, while the search's code does not grow with
/// the table. At run time the search was no slower than the `match` at
/// every size measured from 100 to 20,000 rows (BENCHMARKS.md, Scaling).
const MATCHED_CODES_MAX_ROWS: usize = 64;

fn from_code_fn(name: &str, table: &Table) -> String {
    let body = if table.rows.len() <= MATCHED_CODES_MAX_ROWS {
        matched_codes(name, table)
    } else {
        searched_codes(table)
    };
    format!(
        "
    /// The status for `code`. Total: a code the table does not list
    /// becomes [`Self::Unrecognized`], keeping the number.
    #[must_use]
    #[inline]
    pub const fn from_code(code: u16) -> Self {{
        {body}
    }}
"
    )
}

const UNLISTED: &str =
    "Self::Unrecognized(::mobileconnect_status::UnrecognizedCode::__unlisted(code))";

/// `from_code`'s body for a short table.
fn matched_codes(name: &str, table: &Table) -> String {
    let arms = per_row(table, |out, _, row| {
        write!(out, "\n            {} => {name}::{},", row.code, row.name)
    });
    format!(
        "match code {{{arms}
            _ => {UNLISTED},
        }}"
    )
}

/// `from_code`'s body above [`MATCHED_CODES_MAX_ROWS`] rows.
fn searched_codes(table: &Table) -> String {
    let codes = per_row(table, |out, _, row| write!(out, "{}, ", row.code));
    // `ALL` is in code order, so the row found is the variant's index in
    // `ALL`. The loop runs log2(rows) times whatever the code, and its one
    // data-dependent choice is a conditional move, not a branch to predict.
    // A table has at least one row, so `CODES[low]` exists.
    format!(
        "const CODES: &[u16] = &[{codes}];
        let mut low = 0;
        let mut len = CODES.len();
        while len > 1 {{
            let half = len / 2;
            if CODES[low + half] <= code {{
                low += half;
            }}
            len -= half;
        }}
        if CODES[low] == code {{ Self::ALL[low] }} else {{ {UNLISTED} }}"
    )
}

fn code_fn(table: &Table) -> String {
    let codes = per_row(table, |out, _, row| write!(out, "{}, ", row.code));
    format!(
        "
    /// The numeric code, listed or not.
    #[must_use]
    #[inline]
    pub const fn code(self) -> u16 {{
        const CODES: &[u16] = &[{codes}];
        match self {{
            Self::Unrecognized(code) => code.get(),
            listed => CODES[listed.row()],
        }}
    }}
"
    )
}

fn name_fn(table: &Table) -> String {
    let names = per_row(table, |out, _, row| {
        write!(out, "{}, ", string_literal(&row.name))
    });
    format!(
        "
    /// The table's Status text, e.g. `\"Delivered\"`; `None` for an unlisted code.
    #[must_use]
    #[inline]
    pub const fn name(self) -> ::core::option::Option<&'static str> {{
        const NAMES: &[&str] = &[{names}];
        let row = self.row();
        if row < NAMES.len() {{ ::core::option::Option::Some(NAMES[row]) }} else {{ ::core::option::Option::None }}
    }}
"
    )
}

fn from_name_fn(table: &Table) -> String {
    let body = if table.rows.len() <= MATCHED_NAMES_MAX_ROWS {
        matched_names(table)
    } else {
        hashed_names(table)
    };
    format!(
        "
    /// The status with this table name, ignoring ASCII case.
    #[must_use]
    #[inline]
    pub fn from_name(name: &str) -> ::core::option::Option<Self> {{
        {body}
    }}
"
    )
}

fn definition_fn(table: &Table) -> String {
    let definitions = per_row(table, |out, _, row| {
        write!(out, "{}, ", string_literal(&row.definition))
    });
    format!(
        "
    /// The table's Definition, verbatim; `None` for an unlisted code.
    #[must_use]
    pub const fn definition(self) -> ::core::option::Option<&'static str> {{
        const DEFINITIONS: &[&str] = &[{definitions}];
        let row = self.row();
        if row < DEFINITIONS.len() {{ ::core::option::Option::Some(DEFINITIONS[row]) }} else {{ ::core::option::Option::None }}
    }}
"
    )
}

fn note_fn(table: &Table) -> String {
    let notes = per_row(table, |out, _, row| match &row.note {
        Some(note) => write!(
            out,
            "::core::option::Option::Some({}), ",
            string_literal(note)
        ),
        None => write!(out, "::core::option::Option::None, "),
    });
    format!(
        "
    /// The table's reason for the classification, where it gives one.
    #[must_use]
    pub const fn note(self) -> ::core::option::Option<&'static str> {{
        const NOTES: &[::core::option::Option<&str>] = &[{notes}];
        let row = self.row();
        if row < NOTES.len() {{ NOTES[row] }} else {{ ::core::option::Option::None }}
    }}
"
    )
}

/// The second impl block: the classification columns.
fn classification(name: &str, table: &Table) -> String {
    let stages = per_row(table, |out, _, row| {
        write!(
            out,
            "::mobileconnect_status::Stage::{}, ",
            row.stage.variant()
        )
    });
    let outcomes = per_row(table, |out, _, row| {
        write!(
            out,
            "::mobileconnect_status::Outcome::{}, ",
            row.outcome.variant()
        )
    });
    let actions = per_row(table, |out, _, row| {
        write!(
            out,
            "::mobileconnect_status::Action::{}, ",
            row.action.variant()
        )
    });
    let finalities = per_row(table, |out, _, row| {
        write!(
            out,
            "::mobileconnect_status::Finality::{}, ",
            row.finality.variant()
        )
    });
    format!(
        "
impl {name} {{
    /// Which hop of the send this status describes. For an unlisted
    /// code, read from its thousands digit (1–4), else `None`.
    #[must_use]
    pub const fn stage(self) -> ::core::option::Option<::mobileconnect_status::Stage> {{
        const STAGES: &[::mobileconnect_status::Stage] = &[{stages}];
        match self {{
            Self::Unrecognized(code) => code.stage(),
            listed => ::core::option::Option::Some(STAGES[listed.row()]),
        }}
    }}

    /// What this status says about the message; `Unknown` for an unlisted code.
    #[must_use]
    pub const fn outcome(self) -> ::mobileconnect_status::Outcome {{
        const OUTCOMES: &[::mobileconnect_status::Outcome] = &[{outcomes}];
        match self {{
            Self::Unrecognized(code) => code.outcome(),
            listed => OUTCOMES[listed.row()],
        }}
    }}

    /// What the sender should do; `Investigate` for an unlisted code.
    #[must_use]
    pub const fn action(self) -> ::mobileconnect_status::Action {{
        const ACTIONS: &[::mobileconnect_status::Action] = &[{actions}];
        match self {{
            Self::Unrecognized(code) => code.action(),
            listed => ACTIONS[listed.row()],
        }}
    }}

    /// Whether another status can follow: the table's `final` column.
    /// `No` for an unlisted code.
    #[must_use]
    pub const fn finality(self) -> ::mobileconnect_status::Finality {{
        const FINALITIES: &[::mobileconnect_status::Finality] = &[{finalities}];
        match self {{
            Self::Unrecognized(code) => code.finality(),
            listed => FINALITIES[listed.row()],
        }}
    }}

    /// Whether no further status is expected, for a message sent
    /// from a code of this `kind`. An unlisted code is never final.
    #[must_use]
    pub const fn is_final_for(self, kind: ::mobileconnect_status::CodeKind) -> bool {{
        self.finality().is_final_for(kind)
    }}
}}
"
    )
}

/// Up to this many rows, `from_name` is a `match`: for a short table a few
/// length compares beat hashing the name. Above it, the `match` would cost
/// time linear in the rows, so name hashes are binary-searched instead.
const MATCHED_NAMES_MAX_ROWS: usize = 64;

/// `from_name`'s body for a short table.
fn matched_names(table: &Table) -> String {
    // Exact spelling is the common case and compiles to a direct string
    // match. Other casings take one pass of guards, each comparing lengths
    // first, so a wrong name costs one compare.
    let exact = per_row(table, |out, _, row| {
        write!(
            out,
            "\n            {} => ::core::option::Option::Some(Self::{}),",
            string_literal(&row.name),
            row.name
        )
    });
    let folded = per_row(table, |out, _, row| {
        write!(
            out,
            "\n            known if known.eq_ignore_ascii_case({}) => ::core::option::Option::Some(Self::{}),",
            string_literal(&row.name),
            row.name
        )
    });
    format!(
        "match name {{{exact}{folded}
            _ => ::core::option::Option::None,
        }}"
    )
}

/// `from_name`'s body above [`MATCHED_NAMES_MAX_ROWS`] rows.
fn hashed_names(table: &Table) -> String {
    // The row number, not the variant: a constant holding every variant
    // costs rustc's constant validation time growing with the square of
    // the rows, and `ALL` already holds them. The table has at most
    // `validate::MAX_ROWS` (20,000) rows, so a row number fits in a `u16`.
    let mut hashed: Vec<(u64, usize)> = table
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| (folded_name_hash(&row.name), index))
        .collect();
    hashed.sort_by_key(|(hash, _)| *hash);
    let mut by_name_hash = String::new();
    for (hash, row) in &hashed {
        let _ = write!(by_name_hash, "({hash}u64, {row}), ");
    }
    // Every listed name by the FNV-1a hash of its lower-case bytes, sorted:
    // one pass over the input, a binary search over integers, then one real
    // comparison (two names can share a hash).
    format!(
        "const BY_NAME_HASH: &[(u64, u16)] = &[{by_name_hash}];
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in name.bytes() {{
            hash = (hash ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
        }}
        let first = BY_NAME_HASH.partition_point(|(known, _)| *known < hash);
        BY_NAME_HASH[first..]
            .iter()
            .take_while(|(known, _)| *known == hash)
            .map(|&(_, row)| Self::ALL[usize::from(row)])
            .find(|status| matches!(status.name(), ::core::option::Option::Some(known) if known.eq_ignore_ascii_case(name)))"
    )
}

/// The hash the generated `from_name` computes at run time, computed here
/// for the table's names: FNV-1a over the ASCII-lower-case bytes.
fn folded_name_hash(name: &str) -> u64 {
    name.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;
    use std::path::Path;

    use proc_macro2::{TokenStream, TokenTree};

    use super::{MATCHED_CODES_MAX_ROWS, enum_and_impls, markdown_text, string_literal};
    use crate::validate;

    const REAL: &str = include_str!("../../status-codes.toml");

    /// The whole expansion as the entry point assembles it, with the
    /// user's tokens written out.
    fn expanded(toml: &str) -> String {
        let table = validate::table(toml).expect("a valid table");
        let expansion = enum_and_impls(
            "SmsStatus",
            &table,
            Some(Path::new("/project/status-codes.toml")),
        );
        format!(
            "#[derive(Clone, Copy)]\n{}pub enum SmsStatus {}",
            expansion.attributes, expansion.rest
        )
    }

    /// The value of a string literal written by [`string_literal`]: only
    /// its three escapes are accepted.
    fn literal_value(literal: &str) -> String {
        let inner = literal
            .strip_prefix('"')
            .and_then(|l| l.strip_suffix('"'))
            .unwrap_or_else(|| panic!("not a string literal: {literal}"));
        let mut value = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            assert_ne!(c, '"', "unescaped quote in {literal}");
            if c != '\\' {
                value.push(c);
                continue;
            }
            match chars.next() {
                Some(escaped @ ('\\' | '"')) => value.push(escaped),
                Some('u') => {
                    assert_eq!(chars.next(), Some('{'), "{literal}");
                    let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                    let code = u32::from_str_radix(&hex, 16).expect("hex digits");
                    value.push(char::from_u32(code).expect("a char"));
                }
                other => panic!("unexpected escape {other:?} in {literal}"),
            }
        }
        value
    }

    /// The generated text lexed as Rust tokens (panicking if it does not
    /// lex), and the value of every string literal in it, in order.
    fn string_values(text: &str) -> Vec<String> {
        fn walk(tokens: TokenStream, values: &mut Vec<String>) {
            for token in tokens {
                match token {
                    TokenTree::Group(group) => walk(group.stream(), values),
                    TokenTree::Literal(literal) => {
                        let literal = literal.to_string();
                        if literal.starts_with('"') {
                            values.push(literal_value(&literal));
                        }
                    }
                    TokenTree::Ident(_) | TokenTree::Punct(_) => {}
                }
            }
        }
        let tokens: TokenStream = text.parse().expect("the generated text lexes");
        let mut values = Vec::new();
        walk(tokens, &mut values);
        values
    }

    #[test]
    fn the_same_table_gives_byte_identical_text() {
        let first = expanded(REAL);
        for _ in 0..5 {
            assert_eq!(expanded(REAL), first);
        }
    }

    #[test]
    fn block_order_in_the_file_does_not_change_the_text() {
        let header_line = "\n[[status]]\n";
        let (header, blocks) = REAL.split_once(header_line).expect("the table has blocks");
        let mut blocks: Vec<String> = blocks
            .split(header_line)
            .map(|b| format!("{}\n", b.trim_end()))
            .collect();
        blocks.reverse();
        let reversed = format!("{header}{header_line}{}", blocks.join(header_line));
        assert_ne!(reversed, REAL);
        assert_eq!(expanded(&reversed), expanded(REAL));
    }

    /// A valid table of `rows` rows, codes 7 apart.
    fn table_of(rows: usize) -> String {
        let mut toml = String::new();
        for row in 0..rows {
            let _ = write!(
                toml,
                "[[status]]\ncode = {}\nname = \"Row{row}\"\ndefinition = \"Row {row}.\"\n\
                 stage = \"carrier\"\noutcome = \"failed\"\nfinal = \"yes\"\naction = \"wait\"\n\n",
                row * 7
            );
        }
        toml
    }

    #[test]
    fn from_code_is_a_match_up_to_the_threshold_and_a_search_above() {
        for (rows, searched) in [
            (20, false),
            (MATCHED_CODES_MAX_ROWS, false),
            (MATCHED_CODES_MAX_ROWS + 1, true),
        ] {
            let text = expanded(&table_of(rows));
            let last_arm = format!("{} => SmsStatus::Row{},", (rows - 1) * 7, rows - 1);
            assert_eq!(text.contains("match code"), !searched, "{rows} rows");
            assert_eq!(text.contains(&last_arm), !searched, "{rows} rows");
            assert_eq!(text.contains("Self::ALL[low]"), searched, "{rows} rows");
        }
        assert!(expanded(REAL).contains("4000 => SmsStatus::Delivered,"));
    }

    #[test]
    fn every_row_becomes_a_documented_variant_and_a_table_line() {
        let text = expanded(REAL);
        for name in [
            "QueuedToSfmcSendService",
            "DeliveredToAggregator",
            "FailedDueToInvalidDestinationAddress",
        ] {
            assert!(text.contains(&format!("\n    {name},")), "variant {name}");
            assert!(
                text.contains(&format!("[`{name}`](SmsStatus::{name})")),
                "doc table line for {name}"
            );
        }
        assert!(text.contains("::core::include_bytes!(\"/project/status-codes.toml\");"));
    }

    /// A table of `rows` rows whose definitions and notes hold every kind
    /// of text that could break out of a literal or a doc attribute (TOML
    /// escapes here), and the definitions as the table step read them.
    fn hostile_table(rows: u16) -> (String, Vec<String>) {
        let hostile = [
            r#"quote \" backslash \\ end \\"#,
            r###"*/ /* // /// //! #[doc = \"x\"] } ]; ) \"); r#\"a\"# br##\"b\"##"###,
            r"controls \u0000\u0007\t\n\r\u001B\u007F\u0085 end",
            r"lone carriage return \r here and \r\n there",
            r"invisible \u200B\u200E\u202E\u2066\u2069\uFEFF\u00AD and e\u0301",
            r"line and paragraph separators \u2028\u2029 and ✉\uFE0F 📱 配信",
            r"\\u{41} \\x41 \\n \\0 are not escapes",
        ];
        let mut toml = String::new();
        for index in 0..rows {
            let text = hostile[usize::from(index) % hostile.len()];
            let _ = write!(
                toml,
                "[[status]]\ncode = {}\nname = \"Hostile{index}\"\ndefinition = \"{text} {index}\"\nstage = \"handset\"\noutcome = \"failed\"\nfinal = \"yes\"\naction = \"investigate\"\nnote = \"{text}\"\n\n",
                1000 + index
            );
        }
        let table = validate::table(&toml).expect("a valid table");
        let definitions: Vec<String> = table.rows.into_iter().map(|row| row.definition).collect();
        let all = definitions.concat();
        for c in ['"', '\\', '\r', '\u{0}', '\u{202e}', '\u{301}', '\u{2028}'] {
            assert!(all.contains(c), "the table step read {c:?}");
        }
        (toml, definitions)
    }

    #[test]
    fn hostile_definitions_lex_and_come_back_exactly() {
        // 7 rows: `from_name` is a `match`; 100: it searches name hashes.
        for rows in [7, 100] {
            let (toml, definitions) = hostile_table(rows);
            let text = expanded(&toml);
            assert!(
                !text.contains(['\r', '\u{0}', '\u{202e}', '\u{200b}']),
                "control and invisible characters are escaped"
            );
            let values = string_values(&text);
            for definition in &definitions {
                assert!(values.contains(definition), "{definition:?}");
                let doc = format!(" {}", markdown_text(definition));
                assert!(
                    values.iter().any(|value| value.starts_with(&doc)),
                    "the doc holds the escaped text of {definition:?}"
                );
            }
        }
    }

    #[test]
    fn the_real_table_and_an_empty_one_lex() {
        let values = string_values(&expanded(REAL));
        assert!(values.iter().any(|v| v == "Delivered"));
        let table = crate::table::Table::default();
        let expansion = enum_and_impls("SmsStatus", &table, None);
        string_values(&format!(
            "{}enum SmsStatus {}",
            expansion.attributes, expansion.rest
        ));
        assert!(expansion.rest.contains("Unrecognized("));
        assert!(!expansion.rest.contains("include_bytes"));
    }

    #[test]
    fn every_char_round_trips_through_a_string_literal() {
        let every_char: String = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .collect();
        let literal = string_literal(&every_char);
        assert_eq!(literal_value(&literal), every_char);
        let lexed: proc_macro2::Literal = literal.parse().expect("one literal");
        assert_eq!(lexed.to_string(), literal);
        for c in literal.chars() {
            assert!(!c.is_control(), "{c:?} written unescaped");
        }
        // What rustc's `text_direction_codepoint_in_literal` lint looks for.
        for bidi in ('\u{202a}'..='\u{202e}').chain('\u{2066}'..='\u{2069}') {
            assert_eq!(
                string_literal(&bidi.to_string()),
                format!("\"\\u{{{:x}}}\"", u32::from(bidi))
            );
        }
        assert_eq!(string_literal("a\"b\\c\nd"), r#""a\"b\\c\u{a}d""#);
        assert_eq!(string_literal("'é’ 📱"), "\"'é’ 📱\"");
        assert_eq!(
            string_literal("\u{0}\u{202e}\u{301}\r"),
            r#""\u{0}\u{202e}\u{301}\u{d}""#
        );
    }

    /// What rustdoc shows for text written by `markdown_text`: the
    /// backslash escapes and the `<br>` line breaks undone.
    fn rendered(markdown: &str) -> String {
        let mut text = String::new();
        let mut chars = markdown.replace("<br>\n", "\n").chars().collect::<Vec<_>>();
        chars.reverse();
        while let Some(c) = chars.pop() {
            if c == '\\' {
                let escaped = chars.pop().expect("an escape is followed by a character");
                assert!(escaped.is_ascii_punctuation(), "escaped {escaped:?}");
                text.push(escaped);
            } else {
                assert!(
                    !c.is_ascii_punctuation(),
                    "{c:?} left unescaped in {markdown:?}"
                );
                text.push(c);
            }
        }
        text
    }

    #[test]
    fn markdown_and_html_in_a_definition_are_shown_as_written() {
        let hostile = "*not emphasis* _nor_ `code` [link](x) <b>bold</b> &amp; # | \\ \"q\" */ r#\"x\"# -- ...";
        let escaped = markdown_text(hostile);
        assert!(escaped.starts_with("\\*not emphasis\\* \\_nor\\_ \\`code\\`"));
        assert!(escaped.contains("\\<b\\>bold\\<\\/b\\> \\&amp\\; \\# \\| \\\\ \\\""));
        assert_eq!(rendered(&escaped), hostile);
    }

    #[test]
    fn line_breaks_stay_line_breaks_and_other_text_is_untouched() {
        assert_eq!(markdown_text("a\nb\r\nc\rd"), "a<br>\nb<br>\nc<br>\nd");
        assert_eq!(
            markdown_text("Zustellung an das Gerät 📱"),
            "Zustellung an das Gerät 📱"
        );
        let every_ascii: String = (0_u8..=127).map(char::from).collect();
        assert_eq!(
            rendered(&markdown_text(&every_ascii)),
            every_ascii.replace('\r', "\n")
        );
    }

    #[test]
    fn the_docs_escape_a_definition_but_definition_returns_it_verbatim() {
        let definition = "Use <b>\\\\</b> & \\\"*/\\\" # [x]";
        let toml = REAL.replacen(
            "definition = \"The message was delivered to the recipient’s device.\"",
            &format!("definition = \"{definition}\""),
            1,
        );
        assert_ne!(toml, REAL);
        let values = string_values(&expanded(&toml));
        let verbatim = "Use <b>\\</b> & \"*/\" # [x]";
        // The verbatim text can only be the definitions table's entry: the
        // doc string holds the escaped text.
        assert!(
            values.iter().any(|value| value == verbatim),
            "definition() returns the text verbatim"
        );
        let doc = format!(" {}", markdown_text(verbatim));
        assert!(
            values.iter().any(|value| value.starts_with(&doc)),
            "the doc holds the escaped text"
        );
    }
}
