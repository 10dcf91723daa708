//! Text written into SQL as a literal.

/// `word` as a SQL string literal: quotes doubled, the one escape every
/// engine shares.
pub(crate) fn text(word: &str) -> String {
    format!("'{}'", word.replace('\'', "''"))
}
