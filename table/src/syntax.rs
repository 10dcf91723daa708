//! The TOML parser's errors, in words a table editor can act on.

use std::ops::Range;

use crate::diagnostic::Diagnostic;
use crate::document::SyntaxError;
use crate::validate::{MAX_REPORTED, at_most_reported};

/// The parser's errors, in plain words. A block header with the wrong
/// brackets is reported once, as what it is, in place of the parser's
/// messages about the same line.
pub(crate) fn syntax(text: &str, parse_errors: &[SyntaxError]) -> Vec<Diagnostic> {
    let headers = malformed_headers(text);
    // `headers` is in file order: the one that could hold `span` is the
    // last starting at or before it (a binary search keeps a file of
    // millions of broken lines from taking hours).
    let on_bad_header = |span: &Range<usize>| {
        let after = headers.partition_point(|h| h.start <= span.start);
        after > 0 && span.start <= headers[after - 1].end
    };
    let mut diagnostics: Vec<Diagnostic> = parse_errors
        .iter()
        .map(|error| (error, error.span.clone().unwrap_or(text.len()..text.len())))
        .filter(|(_, span)| headers.is_empty() || !on_bad_header(span))
        .take(MAX_REPORTED + 1)
        .map(|(error, span)| syntax_error(&error.message, span))
        .collect();
    diagnostics.extend(
        headers
            .iter()
            .take(MAX_REPORTED + 1)
            .map(|span| malformed_header(text, span.clone())),
    );
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    at_most_reported(diagnostics)
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

/// Where the lines are that open a table but are not `[[name]]` with two
/// brackets on each side, in file order.
fn malformed_headers(text: &str) -> Vec<Range<usize>> {
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
        if header.starts_with('[') && !well_formed {
            let start = offset + indent;
            found.push(start..start + header.len());
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
