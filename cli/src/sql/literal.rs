//! Text written into SQL: as a literal, or inside a comment.

/// `word` as a SQL string literal: quotes doubled, the one escape every
/// engine shares.
pub(crate) fn text(word: &str) -> String {
    format!("'{}'", word.replace('\'', "''"))
}

/// `text` as it may stand inside a `/* … */` comment: a `*/` in it (a
/// file's name can hold one) would end the comment early, and the rest
/// would be read as SQL.
pub(crate) fn in_comment(text: &str) -> String {
    text.replace("*/", "* /")
}
