//! What the header comment of `status-codes.toml` says about each key and
//! each vocabulary word. The people who edit the table read those words
//! there; the schema shows the same words in their editor, so they are
//! written once, in the file, and read from it here.
//!
//! The comment lists each key at three spaces' indent, its words at more,
//! in quotes, and continues a text on the lines below at more indent:
//!
//! ```text
//! #   stage       Which hop of the send the status describes. One of:
//! #                 "send-service"       Marketing Cloud's own sending service
//! ```

/// A key's description, and its words' descriptions in the order written.
pub(super) struct Described {
    pub(super) key: &'static str,
    pub(super) text: String,
    pub(super) words: Vec<(String, String)>,
}

/// The descriptions in `table`'s leading comment of each key in `keys`,
/// in the order the comment gives them. A key the comment does not
/// describe is not in the list.
pub(super) fn descriptions(table: &str, keys: &[&'static str]) -> Vec<Described> {
    let mut found: Vec<Described> = Vec::new();
    // Whether the line before continues the last description.
    let mut open = false;
    for line in table.lines() {
        let Some(body) = line.strip_prefix('#') else {
            // The first line that is not a comment ends the header.
            break;
        };
        if body.starts_with(':') {
            continue; // a directive, such as `#:schema`
        }
        let indent = body.len() - body.trim_start().len();
        let text = body.trim();
        if let Some((key, rest)) = key_line(body, indent, keys) {
            let mut text = String::new();
            append(&mut text, rest);
            found.push(Described {
                key,
                text,
                words: Vec::new(),
            });
            open = true;
        } else if let (true, Some(last)) =
            (open && indent > 3 && !text.is_empty(), found.last_mut())
        {
            match word_line(text) {
                Some((word, meaning)) => {
                    let mut text = String::new();
                    append(&mut text, meaning);
                    last.words.push((word.to_owned(), text));
                }
                None => match last.words.last_mut() {
                    Some((_, meaning)) => append(meaning, text),
                    None => append(&mut last.text, text),
                },
            }
        } else {
            open = false;
        }
    }
    found
}

/// `#   code        The number…`: one of `keys` at three spaces' indent,
/// and the text after it.
fn key_line<'a>(
    body: &'a str,
    indent: usize,
    keys: &[&'static str],
) -> Option<(&'static str, &'a str)> {
    if indent != 3 {
        return None;
    }
    let rest = body.trim_start();
    let (word, text) = rest.split_once(char::is_whitespace)?;
    let key = keys.iter().copied().find(|key| *key == word)?;
    Some((key, text.trim()))
}

/// `"send-service"       Marketing Cloud's own sending service`.
fn word_line(text: &str) -> Option<(&str, &str)> {
    let quoted = text.strip_prefix('"')?;
    let (word, meaning) = quoted.split_once('"')?;
    Some((word, meaning.trim()))
}

/// Adds the words of a line to a text, one space between any two: the
/// comment's line breaks and its columns of spaces are layout.
fn append(text: &mut String, line: &str) {
    for word in line.split_whitespace() {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(word);
    }
}

#[cfg(test)]
mod tests {
    use super::descriptions;

    const HEADER: &str = "\
#:schema ./status-codes.schema.json
# Title
#
#   code        The number,  spaced
#               continued.
#   stage       Which hop. One of:
#                 \"carrier\"     the carrier
#                 \"handset\"     the device,
#                               continued
#   colour      Not a key of this table.
#
#   note        After a blank comment line: still a key.
# Closing words that belong to no key.

[[status]]
#   name        Below the header: not read.
";

    #[test]
    fn keys_words_and_continued_lines_are_read_from_the_header_only() {
        let found = descriptions(HEADER, &["code", "name", "stage", "note"]);
        let keys: Vec<&str> = found.iter().map(|d| d.key).collect();
        assert_eq!(keys, ["code", "stage", "note"]);
        assert_eq!(found[0].text, "The number, spaced continued.");
        assert!(found[0].words.is_empty());
        assert_eq!(found[1].text, "Which hop. One of:");
        assert_eq!(
            found[1].words,
            [
                ("carrier".to_owned(), "the carrier".to_owned()),
                ("handset".to_owned(), "the device, continued".to_owned()),
            ]
        );
        assert_eq!(found[2].text, "After a blank comment line: still a key.");
    }
}
