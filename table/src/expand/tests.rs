//! The expansion's text: deterministic, lexable, and faithful to the table.

use std::fmt::Write as _;
use std::path::Path;

use proc_macro2::{TokenStream, TokenTree};

use super::super::TableText;
use super::super::text::{markdown_text, string_literal};
use super::enum_and_impls;
use super::lookups::MATCHED_CODES_MAX_ROWS;

// From the manifest, not this file: the macro compiles this file through
// a link in another directory.
const REAL: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../status-codes.toml"));

/// The whole expansion as the entry point assembles it, with the
/// user's tokens written out.
fn expanded(toml: &str) -> String {
    let table = super::super::check(toml).expect("a valid table");
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
        // Either way an unlisted code comes from core's search, the one
        // place that makes an `UnrecognizedCode`.
        assert!(
            text.contains("__private::find_code::<Self>(code)"),
            "{rows} rows"
        );
        // The bitmap that answers for a `match`'s leftovers: only then.
        assert_eq!(
            text.contains("const BITMAP: &'static [u64] = &[];"),
            searched,
            "{rows} rows"
        );
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
fn hostile_table(rows: u16) -> (String, Vec<TableText>) {
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
    let table = super::super::check(&toml).expect("a valid table");
    let definitions: Vec<TableText> = table
        .rows()
        .iter()
        .map(|row| row.definition.clone())
        .collect();
    let all: String = definitions
        .iter()
        .map(|definition| literal_value(&definition.literal()))
        .collect();
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
            assert!(
                values.iter().any(|value| definition == value),
                "{definition:?}"
            );
            let doc = format!(" {}", definition.markdown());
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
    let table = super::super::table::Table::default();
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
    let hostile =
        "*not emphasis* _nor_ `code` [link](x) <b>bold</b> &amp; # | \\ \"q\" */ r#\"x\"# -- ...";
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
