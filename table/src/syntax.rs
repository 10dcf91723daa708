//! The TOML parser's errors, in words a table editor can act on.

use std::ops::Range;

use super::diagnostic::{Diagnostic, Diagnostics};
use super::document::{SyntaxError, bracket_starts};

/// Reports the parser's errors in plain words. A block header with the
/// wrong brackets is reported once, as what it is, in place of the
/// parser's messages about the same line.
pub(crate) fn explain_parse_errors(
    text: &str,
    parse_errors: &[SyntaxError],
    errors: &mut Diagnostics,
) {
    // A line is a broken header where it starts with a `[` the lexer saw
    // (not one inside a string or comment), and the parser stumbled on it
    // or it is all header (`[status]` parses, but is as wrong).
    let mut candidates = malformed_headers(text, &bracket_starts(text));
    let mut parsed: Vec<(Range<usize>, &str)> = Vec::with_capacity(parse_errors.len());
    for error in parse_errors {
        let span = error.span.clone().unwrap_or(text.len()..text.len());
        // `candidates` is in file order: the one that could hold `span` is
        // the last starting at or before it (a binary search keeps a file
        // of millions of broken lines from taking hours).
        let after = candidates.partition_point(|(h, _)| h.start <= span.start);
        match after.checked_sub(1).map(|at| &mut candidates[at]) {
            Some((header, stumbled)) if span.start <= header.end => *stumbled = true,
            _ => parsed.push((span, error.message.as_str())),
        }
    }
    // Plain loops rather than iterator adaptors: fewer generic types for
    // every user's build to compile.
    let mut headers = Vec::with_capacity(candidates.len());
    for (header, confirmed) in candidates {
        if confirmed || text[header.clone()].ends_with(']') {
            headers.push(header);
        }
    }
    parsed.sort_by_key(|(span, _)| (span.start, span.end));
    // The two lists merged in file order, so that a list cut short holds
    // the first mistakes in the file. Indices rather than peekable
    // iterators: fewer generic types for every user's build to compile.
    let (mut next_parsed, mut next_header) = (0, 0);
    while !errors.is_full() {
        let header = headers.get(next_header);
        match parsed.get(next_parsed) {
            Some((span, message))
                if header.is_none_or(|h| (span.start, span.end) <= (h.start, h.end)) =>
            {
                errors.push(syntax_error(message, span.clone()));
                next_parsed += 1;
            }
            _ => match header {
                Some(header) => {
                    errors.push(malformed_header(text, header.clone()));
                    next_header += 1;
                }
                None => break,
            },
        }
    }
}

fn syntax_error(message: &str, span: Range<usize>) -> Diagnostic {
    let message = message.trim().trim_end_matches('.');
    let help = if message.contains("expected `=`") {
        "write each value as key = value, for example: stage = \"handset\""
    } else if message.contains("invalid basic string")
        || message.contains("unclosed") && message.contains('"')
    {
        "text values start and end with a \" on the same line; write \\\" for a quote inside the text"
    } else {
        "compare the line with a block that works; text values need \"quotes\" on both ends"
    };
    Diagnostic::new(span, format!("this is not valid TOML: {message}"))
        .label("here")
        .help(help)
}

/// Where the lines are that start with one of the lexer's `[` (`brackets`,
/// in order) but are not `[[name]]` with two brackets on each side, in
/// file order, each with `false`: whether the parser stumbled on it is not
/// known yet.
fn malformed_headers(text: &str, brackets: &[usize]) -> Vec<(Range<usize>, bool)> {
    let mut found = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let code = line.split('#').next().unwrap_or("");
        let header = code.trim();
        let indent = code.len() - code.trim_start().len();
        let well_formed = header.starts_with("[[")
            && header.ends_with("]]")
            && header.len() > 4
            && !header[2..header.len() - 2].contains(['[', ']']);
        let start = offset + indent;
        if header.starts_with('[') && !well_formed && brackets.binary_search(&start).is_ok() {
            found.push((start..start + header.len(), false));
        }
        offset += line.len();
    }
    found
}

fn malformed_header(text: &str, span: Range<usize>) -> Diagnostic {
    let header = text.get(span.clone()).unwrap_or_default();
    Diagnostic::new(span, format!("`{header}` is not a block header"))
        .label("expected [[status]]")
        .help("every block starts with [[status]], with two brackets on each side")
}

#[cfg(test)]
mod tests {
    use super::super::diagnostic::{Diagnostics, MAX_REPORTED};
    use super::super::document;
    use super::explain_parse_errors;

    /// The line of each mistake listed for `text`.
    fn lines(text: &str) -> Vec<usize> {
        let parse_errors = document::read(text).expect_err("syntax errors");
        let mut errors = Diagnostics::default();
        explain_parse_errors(text, &parse_errors, &mut errors);
        let listed = errors.finish().expect_err("mistakes");
        listed
            .iter()
            .map(|error| text[..error.span.start].matches('\n').count() + 1)
            .collect()
    }

    #[test]
    fn a_cut_list_holds_the_first_mistakes_in_the_file_of_either_kind() {
        // Odd lines: a header with one bracket; even lines: no `=`.
        let text = "[status\nkey value\n".repeat(MAX_REPORTED);
        let lines = lines(&text);
        assert_eq!(lines.len(), MAX_REPORTED + 1, "{lines:?}");
        assert!(lines.is_sorted(), "{lines:?}");
        assert_eq!(lines[..4], [1, 2, 3, 4], "{lines:?}");
    }

    #[test]
    fn a_line_inside_a_multi_line_string_is_not_taken_for_a_header() {
        let text =
            "[[status]]\ndefinition = \"\"\"\n[Note] delivered.\n\"\"\"\nname = \"unclosed\n";
        let parse_errors = document::read(text).expect_err("an unclosed string");
        let mut errors = Diagnostics::default();
        explain_parse_errors(text, &parse_errors, &mut errors);
        let listed = errors.finish().expect_err("mistakes");
        assert!(
            listed.iter().all(|error| !error.message.contains("[Note]")),
            "{listed:#?}"
        );
        assert_eq!(lines(text), [5], "only the unclosed string, on line 5");

        // A string's line that looks like a header, bracket for bracket.
        let text = "[[status]]\ndefinition = \"\"\"\n[See note]\n\"\"\"\nname = \"unclosed\n";
        assert_eq!(lines(text), [5], "only the unclosed string, on line 5");
    }

    #[test]
    fn a_string_left_open_at_the_end_is_reported_as_such() {
        let text = "[[status]]\ndefinition = \"\"\"\nabc\n[foo";
        let parse_errors = document::read(text).expect_err("an unclosed string");
        let mut errors = Diagnostics::default();
        explain_parse_errors(text, &parse_errors, &mut errors);
        let listed = errors.finish().expect_err("mistakes");
        assert!(
            listed
                .iter()
                .all(|error| !error.message.contains("block header")),
            "{listed:#?}"
        );
        // A broken header there is still one.
        let text = "[[status]]\ncode = 4000\n[[status]";
        let parse_errors = document::read(text).expect_err("a broken header");
        let mut errors = Diagnostics::default();
        explain_parse_errors(text, &parse_errors, &mut errors);
        let listed = errors.finish().expect_err("mistakes");
        assert_eq!(listed.len(), 1, "{listed:#?}");
        assert_eq!(listed[0].message, "`[[status]` is not a block header");
    }
}
