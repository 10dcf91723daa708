//! Turns the table's text into a checked [`Table`], or into every mistake
//! the file holds. Each rule is a small function; mistakes are collected,
//! never returned at the first one, so one build shows them all.
//!
//! Nothing here touches `proc_macro`, so the whole step can run in plain
//! tests, fuzzers and `sms-status check`.

use std::collections::HashMap;
use std::ops::Range;

use super::diagnostic::{Diagnostic, Diagnostics, visible};
use super::document::{self, Block, Document, Entry, Spanned, Value};
use super::keys::{Draft, unknown_key};
use super::names::VariantName;
use super::syntax::explain_parse_errors;
use super::table::{Row, Table};

/// The most rows a table may have. rustc's time for an enum with a
/// variant per row grows faster than the row count, and a table of every
/// possible code took an earlier generator longer than anyone waits for a
/// build (BENCHMARKS.md, "Scaling"). Past this many, one clear error beats
/// a build that seems hung.
pub const MAX_ROWS: usize = 20_000;

/// Reads and checks the whole table: the rows in code order, or every
/// mistake in `text` in file order (at most
/// [`MAX_REPORTED`](super::MAX_REPORTED), then one saying so).
///
/// # Errors
///
/// Each mistake, located in `text`; [`Diagnostic::render`] words it.
pub fn check(text: &str) -> Result<Table, Vec<Diagnostic>> {
    let mut errors = Diagnostics::default();
    let rows = rows(text, &mut errors);
    if rows.is_empty() && errors.is_empty() {
        errors.push(
            Diagnostic::new(0..0, "the table lists no status codes")
                .label("expected at least one [[status]] block")
                .help("add a block for each code; the comment at the top of status-codes.toml shows how"),
        );
    }
    errors.finish()?;
    Ok(Table::new(rows))
}

/// The table's rows, or none and the mistakes in `errors`.
fn rows(text: &str, errors: &mut Diagnostics) -> Vec<Row> {
    let document = match document::read(text) {
        Ok(document) => document,
        // A broken line makes the rows around it unreliable; checking them
        // would only add confusing follow-on messages.
        Err(parse_errors) => {
            explain_parse_errors(text, &parse_errors, errors);
            return Vec::new();
        }
    };
    top_entries(&document, errors);
    if let Some(first_extra) = document.blocks.get(MAX_ROWS) {
        errors.push(too_many_rows(document.blocks.len(), first_extra));
    }
    let drafts = blocks_and_other_headers(&document, errors);
    duplicate_codes(&drafts, errors);
    duplicate_names(&drafts, errors);
    if !errors.is_empty() {
        return Vec::new();
    }
    // A draft that cannot finish reports why, so no row is lost unseen.
    let mut rows = Vec::with_capacity(drafts.len());
    for draft in drafts {
        rows.extend(draft.finish(errors));
    }
    rows
}

fn too_many_rows(rows: usize, first_extra: &Block) -> Diagnostic {
    Diagnostic::new(
        first_extra.header.clone(),
        format!("the table has {rows} rows; at most {MAX_ROWS} are supported"),
    )
    .label(format!("row {} is one too many", MAX_ROWS + 1))
    .help("the compiler slows down faster than the row count grows; remove rows, or split the table into several enums")
}

/// Reports what the file holds before its first header other than
/// `status = []`: other keys, `status` as a value.
fn top_entries(document: &Document, errors: &mut Diagnostics) {
    for entry in &document.top {
        if errors.is_full() {
            break;
        }
        if entry.key.get_ref() != "status" {
            errors.push(unknown_key(
                &entry.key,
                &["status"],
                "at the top of the file",
            ));
        } else if !is_empty_list(entry) || !document.blocks.is_empty() {
            errors.push(not_a_list(entry.key.span(), "written as a value"));
        }
    }
}

/// Reads the `[[status]]` blocks and reports every other header, the two
/// in file order: when the list is full and reading stops, what it holds
/// are the first mistakes in the file, whichever kind they are. Indices
/// rather than peekable iterators: fewer generic types for every user's
/// build to compile.
fn blocks_and_other_headers(document: &Document, errors: &mut Diagnostics) -> Vec<Draft> {
    let (blocks, headers) = (&document.blocks, &document.other_headers);
    let mut drafts = Vec::with_capacity(blocks.len());
    let (mut next_block, mut next_header) = (0, 0);
    while !errors.is_full() {
        let header = headers.get(next_header);
        match blocks.get(next_block) {
            Some(block) if header.is_none_or(|h| block.header.start < h.span.start) => {
                drafts.push(Draft::read(block, errors));
                next_block += 1;
            }
            _ => match header {
                Some(header) => {
                    errors.push(other_header(header));
                    next_header += 1;
                }
                None => break,
            },
        }
    }
    drafts
}

/// `status = []`: valid TOML for a table with no rows, which is reported
/// as such rather than as a mistake in how `status` is written.
fn is_empty_list(entry: &Entry) -> bool {
    matches!(entry.value.get_ref(), Value::Array(0))
}

fn not_a_list(span: Range<usize>, written: &str) -> Diagnostic {
    Diagnostic::new(span, "`status` must be a list of [[status]] blocks")
        .label(written)
        .help("start every block with [[status]], with two brackets on each side")
}

fn other_header(header: &document::OtherHeader) -> Diagnostic {
    match header.keys.as_slice() {
        [key] if header.is_array => unknown_key(
            &Spanned::new(header.span.clone(), key.clone()),
            &["status"],
            "at the top of the file",
        ),
        _ => Diagnostic::new(
            header.span.clone(),
            format!("`{}` is not a block header", visible(&header_text(header))),
        )
        .label("expected [[status]]")
        .help("every block starts with [[status]], with two brackets on each side"),
    }
}

fn header_text(header: &document::OtherHeader) -> String {
    let keys = header.keys.join(".");
    if header.is_array {
        format!("[[{keys}]]")
    } else {
        format!("[{keys}]")
    }
}

fn duplicate_codes(drafts: &[Draft], errors: &mut Diagnostics) {
    let mut first: HashMap<u16, (&Spanned<u16>, Option<&str>)> = HashMap::new();
    for draft in drafts {
        let Some(code) = &draft.code else { continue };
        let name = draft.name.as_ref().map(|n| n.get_ref().as_str());
        if let Some((earlier, earlier_name)) = first.get(code.get_ref()) {
            let owner = earlier_name.map_or_else(String::new, |n| format!(" by `{n}`"));
            errors.push(
                Diagnostic::new(code.span(), format!("duplicate code {}", code.get_ref()))
                    .label("used again here")
                    .related(earlier.span(), format!("first used{owner} here"))
                    .help("each code may appear in one block only; change one of them or remove the repeated block"),
            );
        } else {
            first.insert(*code.get_ref(), (code, name));
        }
    }
}

/// Names are compared ignoring ASCII case, because `from_name` does: two
/// names that differ only in case would make that lookup ambiguous.
fn duplicate_names(drafts: &[Draft], errors: &mut Diagnostics) {
    let mut first: HashMap<String, &Spanned<VariantName>> = HashMap::new();
    for draft in drafts {
        let Some(name) = &draft.name else { continue };
        let folded = name.get_ref().as_str().to_ascii_lowercase();
        if let Some(earlier) = first.get(&folded) {
            errors.push(
                Diagnostic::new(
                    name.span(),
                    format!("duplicate name \"{}\"", name.get_ref()),
                )
                .label("used again here")
                .related(
                    earlier.span(),
                    format!("first used here as \"{}\"", earlier.get_ref()),
                )
                .help(
                    "each name may appear in one block only (capitals do not make names different)",
                ),
            );
        } else {
            first.insert(folded, name);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use super::super::diagnostic::{Diagnostic, MAX_REPORTED};
    use super::check as table;

    // From the manifest, not this file: the macro compiles this file
    // through a link in another directory.
    const REAL: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../status-codes.toml"));

    /// Every error points inside the text and renders with its location.
    fn assert_located(text: &str, errors: &[Diagnostic]) {
        assert!(!errors.is_empty(), "an Err carries at least one mistake");
        for error in errors {
            assert!(
                error.span.start <= text.len(),
                "{error:?} points past the end"
            );
            let rendered = error.render("status-codes.toml", text);
            let location = rendered.split(": ").next().unwrap_or_default();
            let parts: Vec<&str> = location.split(':').collect();
            assert_eq!(parts.len(), 3, "{rendered}");
            assert!(
                parts[1].parse::<usize>().is_ok_and(|l| l >= 1),
                "{rendered}"
            );
            assert!(
                parts[2].parse::<usize>().is_ok_and(|c| c >= 1),
                "{rendered}"
            );
        }
    }

    fn check(text: &str) {
        match table(text) {
            Ok(table) => {
                assert!(!table.rows().is_empty(), "a valid table has rows");
                let blocks = super::document::read(text).expect("valid TOML").blocks;
                assert_eq!(table.rows().len(), blocks.len(), "a row for every block");
                assert!(
                    table
                        .rows()
                        .windows(2)
                        .all(|pair| pair[0].code < pair[1].code),
                    "sorted, unique codes"
                );
            }
            Err(errors) => assert_located(text, &errors),
        }
    }

    #[test]
    fn the_real_table_is_valid_and_sorted() {
        let table = table(REAL).expect("status-codes.toml is valid");
        assert_eq!(table.rows().len(), 20);
        assert!(
            table
                .rows()
                .windows(2)
                .all(|pair| pair[0].code < pair[1].code)
        );
    }

    #[test]
    fn every_truncation_of_the_real_table_is_valid_or_located() {
        for end in (0..=REAL.len()).filter(|&end| REAL.is_char_boundary(end)) {
            check(&REAL[..end]);
        }
    }

    #[test]
    fn every_line_removed_from_the_real_table_is_valid_or_located() {
        let lines: Vec<&str> = REAL.lines().collect();
        for skipped in 0..lines.len() {
            let text: Vec<&str> = lines
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != skipped)
                .map(|(_, l)| *l)
                .collect();
            check(&text.join("\n"));
        }
    }

    #[test]
    fn garbage_never_panics_and_is_always_located() {
        // A fixed xorshift sequence: reproducible, no dependency.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let alphabet = b"[]=\"'#\n \\.-+_0123456789abcdefstatuscodenameXYZ{},\t\r\x00\xc3\xa9";
        for _ in 0..2_000 {
            let len = usize::try_from(next() % 200).unwrap_or(0);
            let bytes: Vec<u8> = (0..len)
                .map(|_| alphabet[usize::try_from(next()).unwrap_or(0) % alphabet.len()])
                .collect();
            let text = String::from_utf8_lossy(&bytes);
            match table(&text) {
                Ok(table) => assert!(!table.rows().is_empty()),
                Err(errors) => assert_located(&text, &errors),
            }
        }
        for _ in 0..500 {
            let mut text = REAL.as_bytes().to_vec();
            for _ in 0..3 {
                let at = usize::try_from(next()).unwrap_or(0) % text.len();
                text[at] = alphabet[usize::try_from(next()).unwrap_or(0) % alphabet.len()];
            }
            check(&String::from_utf8_lossy(&text));
        }
    }

    #[test]
    fn n_independent_mistakes_give_n_located_messages() {
        let text = REAL
            .replacen("\ncode = 1501", "\ncode = 1500", 1)
            .replacen("action = \"none\"", "action = \"nothing\"", 1)
            .replacen("\nname = \"Expired\"", "\nname = \"expired\"", 1)
            .replacen("stage = \"carrier\"", "stage = 3", 1);
        let errors = table(&text).expect_err("four mistakes");
        assert_eq!(errors.len(), 4, "{errors:#?}");
        assert_located(&text, &errors);
        let lines: Vec<String> = errors.iter().map(|e| e.render("t.toml", &text)).collect();
        assert!(lines[0].contains("duplicate code 1500"), "{}", lines[0]);
    }

    #[test]
    fn a_full_list_holds_the_first_mistakes_whatever_their_kind() {
        // Twenty mistakes in the blocks, then more other headers than are
        // listed: the blocks' mistakes come first in the file, so they are
        // the ones listed.
        let mut text = REAL.replace("\naction = \"", "\naction = \"not-");
        for extra in 0..MAX_REPORTED + 50 {
            let _ = writeln!(text, "[x{extra}]");
        }
        let errors = table(&text).expect_err("mistakes");
        assert_eq!(errors.len(), MAX_REPORTED + 1, "cut, then one saying so");
        let actions = errors
            .iter()
            .filter(|e| e.message.contains("action"))
            .count();
        assert_eq!(actions, 20, "{:#?}", &errors[..3]);
        assert!(errors[..20].iter().all(|e| e.message.contains("action")));
    }

    #[test]
    fn control_characters_in_quoted_text_are_shown_as_toml_escapes() {
        let text = REAL.replacen("\nname = \"Expired\"", "\nname = \"Ex\\tpired\"", 1);
        let listed = headlines(&text);
        assert!(
            listed[0].ends_with(r#"name "Ex\tpired" cannot be used: it contains `\t`"#),
            "{listed:#?}"
        );
        let text = REAL.replacen("\nname = \"Expired\"", "\nname = \"\\u001b[31mExpired\"", 1);
        let listed = headlines(&text);
        assert!(
            listed[0].ends_with(r#"name "\u001B[31mExpired" cannot be used: it contains `\u001B`"#),
            "{listed:#?}"
        );
        // Quotes and apostrophes are not control characters.
        let text = REAL.replacen("\nname = \"Expired\"", "\nname = \"Can't\"", 1);
        let listed = headlines(&text);
        assert!(
            listed[0].ends_with(r#"name "Can't" cannot be used: it contains `'`"#),
            "{listed:#?}"
        );
        // A value, a key and a header, each from the file's own escapes.
        let text = REAL
            .replacen("action = \"none\"", "action = \"no\\u0007ne\"", 1)
            .replacen("\nnote = ", "\n\"no\\u0007te\" = 1\nnote = ", 1);
        let listed = headlines(&format!("{text}[\"x\\u0007\"]\n"));
        assert_eq!(listed.len(), 3, "{listed:#?}");
        for shown in [
            r#"unknown action "no\u0007ne""#,
            r"unknown key `no\u0007te` in a [[status]] block",
            r"`[x\u0007]` is not a block header",
        ] {
            assert!(
                listed.iter().any(|h| h.ends_with(shown)),
                "{shown}: {listed:#?}"
            );
        }
        assert!(listed.iter().all(|headline| !headline.contains('\u{7}')));
    }

    /// The first line of each message for `text`, one per mistake.
    fn headlines(text: &str) -> Vec<String> {
        let errors = table(text).expect_err("a mistake");
        assert_located(text, &errors);
        errors
            .iter()
            .map(|e| {
                let rendered = e.render("t.toml", text);
                rendered.lines().next().unwrap_or_default().to_owned()
            })
            .collect()
    }

    #[test]
    fn a_key_written_twice_is_reported_at_the_second() {
        let text = REAL.replacen("\ncode = 1501", "\ncode = 1501\ncode = 1502", 1);
        let headlines = headlines(&text);
        assert_eq!(headlines.len(), 1, "{headlines:#?}");
        assert!(
            headlines[0].contains("`code` is written twice in this block"),
            "{headlines:?}"
        );
        let line = text[..text.find("code = 1502").expect("the second")]
            .lines()
            .count()
            + 1;
        assert!(
            headlines[0].starts_with(&format!("t.toml:{line}:1:")),
            "{headlines:?}"
        );
    }

    #[test]
    fn status_written_other_than_as_blocks_is_reported() {
        for (text, expected) in [
            (
                "status = \"4000\"\n",
                "`status` must be a list of [[status]] blocks",
            ),
            (
                "status = [{ code = 4000 }]\n",
                "`status` must be a list of [[status]] blocks",
            ),
            // The message a broken file gets for the same line (syntax.rs).
            (
                "[status]\ncode = 4000\n",
                "`[status]` is not a block header",
            ),
            (
                "[[statuses]]\ncode = 4000\n",
                "unknown key `statuses` at the top of the file",
            ),
            ("[status.codes]\n", "`[status.codes]` is not a block header"),
            ("codes = 1\n", "unknown key `codes` at the top of the file"),
        ] {
            let headlines = headlines(text);
            assert_eq!(headlines.len(), 1, "{text:?}: {headlines:#?}");
            assert!(headlines[0].contains(expected), "{text:?}: {headlines:?}");
        }
    }

    #[test]
    fn an_empty_list_is_an_empty_table_but_not_next_to_blocks() {
        let empty = headlines("status = []\n");
        assert!(
            empty[0].contains("the table lists no status codes"),
            "{empty:?}"
        );
        let both = headlines(&format!("status = []\n{REAL}"));
        assert_eq!(both.len(), 1, "{both:#?}");
        assert!(both[0].contains("`status` must be a list"), "{both:?}");
    }
}
