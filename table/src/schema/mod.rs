//! The JSON Schema of a status table, for editors: Taplo and the VS Code
//! extension "Even Better TOML" read it from the file named on a table's
//! first line (`#:schema ./status-codes.schema.json`) and give completion,
//! hover help and a red line under a wrong value while the table is typed.
//!
//! How it is made: `KEYS` (in `keys.rs`) gives the keys, which are
//! required, and what each value is (a code, a name, text, or one of a
//! vocabulary's words); `header` reads what a table's header comment (the
//! shipped table's, for `status-codes.schema.json`) says of each key and
//! word; `json` writes the document.
//!
//! This module is not part of the macro's build (see `lib.rs`): the schema
//! is for editors, and every user of the table would compile it.
//!
//! What a schema cannot say, `check` and the build still find: a code or
//! a name used twice, a code written as a float (`4000.0`, which JSON
//! Schema counts as a whole number), and a file that is not UTF-8 or is
//! too large.

mod header;
mod json;

use header::{Described, descriptions};
use json::Json;

use super::keys::{Expected, KEYS};
use super::names::{GENERATED_NAMES, KEYWORDS};
use super::validate::MAX_ROWS;

/// `names.rs`'s rule for a usable name, as a regular expression: a capital
/// letter, then letters and digits with at least one small letter among
/// them (`A` alone is a name; `AB` is all capitals). Reserved words are
/// excluded apart, by [`reserved_names`].
const NAME_PATTERN: &str = "^[A-Z](?:[A-Za-z0-9]*[a-z][A-Za-z0-9]*)?$";

/// At least one character that is not white space: a blank definition or
/// note would be an empty line in the docs.
const NOT_BLANK: &str = "\\S";

/// The JSON Schema of a status table, each key and word explained in the
/// words of `table`'s header comment: `status-codes.schema.json` is this
/// for the shipped `status-codes.toml`. A key or word the header does not
/// explain gets no description.
///
/// ```
/// let header = "#   stage       Which hop. One of:\n#                 \"carrier\"  the carrier\n";
/// let schema = mobileconnect_status_table::schema::json(header);
/// assert!(schema.contains(r#""enum": ["send-service", "aggregator", "carrier", "handset"]"#));
/// assert!(schema.contains(r#""description": "Which hop. One of:"#));
/// ```
#[must_use]
pub fn json(table: &str) -> String {
    let keys: Vec<&'static str> = KEYS.iter().map(|key| key.name).collect();
    schema(&descriptions(table, &keys)).pretty()
}

fn schema(described: &[Described]) -> Json {
    Json::Object(vec![
        (
            "$schema",
            Json::string("http://json-schema.org/draft-07/schema#"),
        ),
        ("title", Json::string("MobileConnect SMS status table")),
        (
            "description",
            Json::string(
                "The MobileConnect SMS status codes, one [[status]] block each. \
                 sms-status check and cargo build also find what an editor cannot: \
                 a code or a name used twice.",
            ),
        ),
        ("type", Json::string("object")),
        (
            "properties",
            Json::Object(vec![("status", status_blocks(described))]),
        ),
        ("required", Json::strings(["status"])),
        ("additionalProperties", Json::Bool(false)),
    ])
}

/// `[[status]]`: the list of blocks, each with [`KEYS`] and no other key.
fn status_blocks(described: &[Described]) -> Json {
    let properties = KEYS
        .iter()
        .map(|key| (key.name, property(&key.value, find(described, key.name))))
        .collect();
    let required = KEYS.iter().filter(|key| key.required).map(|key| key.name);
    Json::Object(vec![
        (
            "description",
            Json::string(
                "One block per status code, each starting with [[status]], kept in code order.",
            ),
        ),
        ("type", Json::string("array")),
        ("minItems", Json::Number(1)),
        ("maxItems", Json::Number(MAX_ROWS)),
        (
            "items",
            Json::Object(vec![
                ("type", Json::string("object")),
                ("properties", Json::Object(properties)),
                ("required", Json::strings(required)),
                ("additionalProperties", Json::Bool(false)),
            ]),
        ),
    ])
}

fn find<'a>(described: &'a [Described], key: &str) -> Option<&'a Described> {
    described.iter().find(|d| d.key == key)
}

/// One key's schema: its description, then what its value may be.
fn property(value: &Expected, described: Option<&Described>) -> Json {
    let mut entries = documentation(value, described);
    match value {
        Expected::Code(_) => entries.extend([
            ("type", Json::string("integer")),
            ("minimum", Json::Number(usize::from(u16::MIN))),
            ("maximum", Json::Number(usize::from(u16::MAX))),
        ]),
        Expected::Name(_) => entries.extend([
            ("type", Json::string("string")),
            ("pattern", Json::string(NAME_PATTERN)),
            (
                "not",
                Json::Object(vec![("enum", Json::strings(reserved_names()))]),
            ),
        ]),
        Expected::Text(_) => entries.extend([
            ("type", Json::string("string")),
            ("pattern", Json::string(NOT_BLANK)),
        ]),
        Expected::OneOf(words) => {
            entries.push(("type", Json::string("string")));
            entries.push(("enum", Json::strings(words.iter().copied())));
        }
    }
    Json::Object(entries)
}

/// Reserved words the name pattern lets through: those that start with a
/// capital letter (`Self`, `Unrecognized`).
fn reserved_names() -> impl Iterator<Item = &'static str> {
    KEYWORDS
        .iter()
        .chain(GENERATED_NAMES)
        .copied()
        .filter(|name| name.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// `description` as plain text, for any editor, and Taplo's `x-taplo`
/// docs as markdown, which it shows on hover and beside each completed
/// word. Markdown would read the header's `\"` as a plain quote mark, so
/// that copy is escaped. A vocabulary's words follow the key's text, as in
/// the header.
fn documentation(value: &Expected, described: Option<&Described>) -> Vec<(&'static str, Json)> {
    let Some(described) = described else {
        return Vec::new();
    };
    let words: &[&str] = match value {
        Expected::OneOf(words) => words,
        _ => &[],
    };
    let meaning = |word: &str| {
        described
            .words
            .iter()
            .find(|(written, _)| written == word)
            .map_or("", |(_, meaning)| meaning.as_str())
    };
    let mut plain = vec![described.text.clone()];
    let mut markdown = vec![escaped(&described.text), String::new()];
    for word in words {
        plain.push(format!("\"{word}\": {}", meaning(word)));
        markdown.push(format!("- `{word}`: {}", escaped(meaning(word))));
    }
    let mut docs = vec![(
        "main",
        Json::String(markdown.join("\n").trim_end().to_owned()),
    )];
    if !words.is_empty() {
        let meanings = words
            .iter()
            .map(|word| Json::string(escaped(meaning(word))));
        docs.push(("enumValues", Json::Array(meanings.collect())));
    }
    vec![
        ("description", Json::String(plain.join("\n"))),
        ("x-taplo", Json::Object(vec![("docs", Json::Object(docs))])),
    ]
}

/// `text` with the characters markdown would read as markup escaped.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::keys::{Expected, KEYS};
    use super::{descriptions, escaped};

    // From the manifest, not this file: the macro compiles this file
    // through a link in another directory.
    const SHIPPED_TABLE: &str =
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../status-codes.toml"));

    #[test]
    fn the_shipped_header_describes_every_key_and_word() {
        let keys: Vec<&str> = KEYS.iter().map(|key| key.name).collect();
        let described = descriptions(SHIPPED_TABLE, &keys);
        let found: Vec<&str> = described.iter().map(|d| d.key).collect();
        assert_eq!(found, keys, "the header describes each key once, in order");
        for (key, described) in KEYS.iter().zip(&described) {
            assert!(!described.text.is_empty(), "{}", key.name);
            let written: Vec<&str> = described.words.iter().map(|(w, _)| w.as_str()).collect();
            let expected: &[&str] = match key.value {
                Expected::OneOf(words) => words,
                _ => &[],
            };
            assert_eq!(written, expected, "{}: the words, in order", key.name);
            assert!(
                described
                    .words
                    .iter()
                    .all(|(_, meaning)| !meaning.is_empty()),
                "{}",
                key.name
            );
        }
    }

    #[test]
    fn markdown_copies_keep_backslashes_and_quote_marks_as_written() {
        assert_eq!(
            escaped(r#"write \" and \\ in [[status]]"#),
            r#"write \\" and \\\\ in \[\[status\]\]"#
        );
    }
}
