//! The words tools write in a field that holds nothing: a database
//! export's `NULL` (or the `\N` of `MySQL` dumps), a spreadsheet's `#N/A`,
//! pandas' `NaN` and `None`, a person's `n/a`. In a column that may be
//! empty (a message id, a time) such a word is emptiness, not a value:
//! read as an id, every `NULL` row would be one message.

/// Whether `text` (trimmed) is a word for no value, in any case.
pub(crate) fn means_no_value(text: &[u8]) -> bool {
    const WORDS: [&[u8]; 6] = [b"null", b"\\n", b"#n/a", b"nan", b"none", b"n/a"];
    WORDS.iter().any(|word| text.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::means_no_value;

    #[test]
    fn the_words_for_nothing_in_any_case() {
        for text in ["NULL", "null", "\\N", "#N/A", "NaN", "None", "N/A", "n/a"] {
            assert!(means_no_value(text.as_bytes()), "{text}");
        }
        for text in ["", "0", "Nullable", "NA", "nul", "9001", "\\"] {
            assert!(!means_no_value(text.as_bytes()), "{text}");
        }
    }
}
