//! How each value of a `[[status]]` block is read: its TOML type, its
//! range or vocabulary, and the message when it is wrong. Each reader
//! takes the key's name, so a message names the key as the file writes
//! it.

use std::ops::Range;

use super::diagnostic::{Diagnostic, Diagnostics, visible};
use super::document::{Spanned, Value};
use super::names::VariantName;
use super::suggest::closest;
use super::text::TableText;

/// A status code: a whole number from 0 to 65535.
pub(crate) fn code(
    key: &str,
    value: &Spanned<Value>,
    errors: &mut Diagnostics,
) -> Option<Spanned<u16>> {
    let span = value.span();
    let number = match value.get_ref() {
        Value::Integer { digits, radix } => i128::from_str_radix(digits, *radix).ok(),
        Value::String(text) => {
            errors.push(
                Diagnostic::new(
                    span,
                    format!("`{key}` is written as text \"{}\"", visible(text)),
                )
                .label("a code is a number, without quotes")
                .help(format!(
                    "write it without quotes: {key} = {}",
                    visible(text.trim())
                )),
            );
            return None;
        }
        other => {
            errors.push(wrong_type(
                span,
                key,
                "a whole number from 0 to 65535",
                other,
            ));
            return None;
        }
    };
    if let Some(code) = number.and_then(|n| u16::try_from(n).ok()) {
        Some(Spanned::new(span, code))
    } else {
        let shown = number.map_or_else(|| "this code".to_owned(), |n| format!("code {n}"));
        errors.push(
            Diagnostic::new(span, format!("{shown} is out of range"))
                .label("not between 0 and 65535")
                .help("status codes are whole numbers from 0 to 65535"),
        );
        None
    }
}

/// A name the generated enum can use as a variant.
pub(crate) fn name(
    key: &str,
    value: &Spanned<Value>,
    errors: &mut Diagnostics,
) -> Option<Spanned<VariantName>> {
    let text = string(key, value, "a name in PascalCase, in quotes", errors)?;
    match VariantName::new(text) {
        Ok(name) => Some(Spanned::new(value.span(), name)),
        Err((problem, help)) => {
            errors.push(
                Diagnostic::new(
                    value.span(),
                    format!("{key} \"{}\" cannot be used: {problem}", visible(text)),
                )
                .label("not a usable name")
                .help(help),
            );
            None
        }
    }
}

/// A text value that must say something: blank text would become an
/// empty definition or note in the docs.
pub(crate) fn non_blank_text(
    key: &str,
    value: &Spanned<Value>,
    expected: &str,
    help_when_blank: &str,
    errors: &mut Diagnostics,
) -> Option<TableText> {
    let text = string(key, value, expected, errors)?;
    if text.trim().is_empty() {
        errors.push(
            Diagnostic::new(value.span(), format!("`{key}` is empty"))
                .label("no text here")
                .help(help_when_blank),
        );
        return None;
    }
    Some(TableText::new(text.to_owned()))
}

/// A value from one of the closed vocabularies (stage, outcome, final,
/// action), with the nearest allowed word for a misspelt one.
pub(crate) fn word<T>(
    key: &str,
    value: &Spanned<Value>,
    allowed: &[&str],
    from_word: fn(&str) -> Option<T>,
    errors: &mut Diagnostics,
) -> Option<T> {
    let expected = format!("one of {}", quoted(allowed));
    let text = string(key, value, &expected, errors)?;
    if let Some(known) = from_word(text) {
        return Some(known);
    }
    let diagnostic = Diagnostic::new(value.span(), format!("unknown {key} \"{}\"", visible(text)))
        .label(format!("`{key}` does not allow this value"));
    errors.push(match closest(text, allowed) {
        Some(near) => diagnostic.help(format!(
            "did you mean \"{near}\"? allowed: {}",
            quoted(allowed)
        )),
        None => diagnostic.help(format!("allowed: {}", quoted(allowed))),
    });
    None
}

/// `"a", "b", "c"`: the words of a vocabulary as the file writes them.
pub(crate) fn quoted(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn string<'v>(
    key: &str,
    value: &'v Spanned<Value>,
    expected: &str,
    errors: &mut Diagnostics,
) -> Option<&'v str> {
    if let Value::String(text) = value.get_ref() {
        return Some(text);
    }
    errors.push(wrong_type(value.span(), key, expected, value.get_ref()));
    None
}

fn wrong_type(span: Range<usize>, key: &str, expected: &str, found: &Value) -> Diagnostic {
    Diagnostic::new(
        span,
        format!(
            "`{key}` must be {expected}, not {}",
            article(found.type_str())
        ),
    )
    .label(format!("this is {}", article(found.type_str())))
    .help(format!("write `{key}` as {expected}"))
}

fn article(type_name: &str) -> String {
    let a = if type_name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{a} {type_name}")
}
