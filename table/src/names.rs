//! What makes a table name usable as an enum variant, and the one type
//! that holds such a name.

use std::fmt;

use super::diagnostic::visible;
use super::text::string_literal;

/// A table name checked to be usable as a variant of the generated enum:
/// one word in `PascalCase`, not a Rust keyword, not `Unrecognized`.
///
/// Only this module makes one, after that check, so the expansion can
/// write it into the code as it is: [`Display`](fmt::Display) writes the
/// identifier. Any other table text is a
/// [`TableText`](super::TableText), which cannot be written that way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VariantName(String);

impl VariantName {
    /// `name` as a variant; else why it cannot be one, and how to fix it.
    pub(crate) fn new(name: &str) -> Result<Self, (String, String)> {
        match identifier_problem(name) {
            None => Ok(Self(name.to_owned())),
            Some(problem) => Err(problem),
        }
    }

    /// The name as the table writes it.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The name as a Rust string literal, for `name()` and `from_name`.
    #[must_use]
    pub fn literal(&self) -> String {
        string_literal(&self.0)
    }
}

/// The identifier, as the generated code names the variant.
impl fmt::Display for VariantName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Names the generated enum already uses for itself.
pub(super) const GENERATED_NAMES: &[&str] = &["Unrecognized"];

/// Rust's keywords, strict and reserved. Only `Self` passes the `PascalCase`
/// rule, but saying "reserved word" is clearer than "not `PascalCase`" for
/// `type` or `match`.
pub(super) const KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Why `name` cannot become an enum variant, and how to fix it.
fn identifier_problem(name: &str) -> Option<(String, String)> {
    let pascal = "names are one word in PascalCase: letters and digits, starting with a capital letter, like `FailedToAggregator`";
    let Some(first) = name.chars().next() else {
        return Some(("it is empty".to_owned(), pascal.to_owned()));
    };
    if KEYWORDS.contains(&name) {
        return Some((
            format!("`{name}` is a reserved word in Rust"),
            "choose another name".to_owned(),
        ));
    }
    if GENERATED_NAMES.contains(&name) {
        return Some((
            format!("`{name}` is the variant that holds codes the table does not list"),
            "choose another name".to_owned(),
        ));
    }
    if let Some(bad) = name.chars().find(|c| !c.is_ascii_alphanumeric()) {
        let what = if bad == ' ' {
            "a space".to_owned()
        } else {
            format!("`{}`", visible(bad.encode_utf8(&mut [0; 4])))
        };
        let joined: String = name
            .split(|c: char| !c.is_ascii_alphanumeric())
            .map(capitalized)
            .collect();
        return Some((
            format!("it contains {what}"),
            format!("{pascal}; for example `{joined}`"),
        ));
    }
    if first.is_ascii_digit() {
        return Some(("it starts with a digit".to_owned(), pascal.to_owned()));
    }
    if first.is_ascii_lowercase() {
        return Some((
            "it starts with a small letter".to_owned(),
            format!("{pascal}; for example `{}`", capitalized(name)),
        ));
    }
    if name.len() > 1 && !name.chars().any(|c| c.is_ascii_lowercase()) {
        return Some(("it is all capitals".to_owned(), pascal.to_owned()));
    }
    None
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_ascii_uppercase().to_string() + chars.as_str()
    })
}
