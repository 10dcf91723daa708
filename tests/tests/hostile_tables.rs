//! Tables far larger than a person would write, and megabytes of junk, go
//! through the table step (validate, then expand) without a panic: a valid
//! table expands whole, anything else gives located errors.

use std::fmt::Write as _;
use std::time::Instant;

use mobileconnect_status_table::{Diagnostic, MAX_REPORTED, MAX_ROWS, Table, check, expand};

fn row(code: u32) -> String {
    format!(
        "[[status]]\ncode = {code}\nname = \"Status{code}\"\ndefinition = \"The status with code {code}.\"\nstage = \"handset\"\noutcome = \"failed\"\nfinal = \"yes\"\naction = \"investigate\"\n\n"
    )
}

/// The expansion of `table` for an enum named `SmsStatus`, as one text.
fn expanded(table: &Table) -> String {
    let expansion = expand::enum_and_impls("SmsStatus", table, None);
    format!(
        "{}pub enum SmsStatus {}",
        expansion.attributes, expansion.rest
    )
}

/// Reproducible junk, weighted towards what TOML reads as structure.
fn junk(len: usize) -> String {
    let alphabet: Vec<char> = "[]=\"'#\n \\.-+_0123456789abcdefstatuscodenameXYZ{},\t\r\0é🙂"
        .chars()
        .collect();
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    let mut text = String::with_capacity(len + 4);
    while text.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        text.push(alphabet[usize::try_from(state % alphabet.len() as u64).unwrap_or(0)]);
    }
    text
}

/// Runs `step`, printing how long it took, for the record: timings are
/// measured here (`--nocapture` shows them), never asserted.
fn timed<T>(what: &str, step: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let value = step();
    eprintln!("{what}: {:.2?}", start.elapsed());
    value
}

/// Every error names a line and column that exist in `text`.
fn assert_located(text: &str, errors: &[Diagnostic]) {
    let lines: Vec<&str> = text.split('\n').collect();
    for error in errors {
        let rendered = error.render("status-codes.toml", text);
        let location = rendered.split(": ").next().unwrap_or_default();
        let parts: Vec<usize> = location
            .split(':')
            .skip(1)
            .map(|n| n.parse().expect("a number"))
            .collect();
        let [line, column] = parts[..] else {
            panic!("no line and column in {rendered}");
        };
        assert!((1..=lines.len()).contains(&line), "{rendered}");
        assert!(
            (1..=lines[line - 1].chars().count() + 1).contains(&column),
            "{rendered}"
        );
    }
}

#[test]
fn a_table_at_the_row_limit_validates_and_expands() {
    let rows = u32::try_from(MAX_ROWS).expect("the limit fits a u32");
    let text: String = (0..rows).map(row).collect();
    let table = timed("validate the row limit", || check(&text)).expect("a valid table");
    assert_eq!(table.rows().len(), MAX_ROWS);
    let text = timed("expand the row limit", || expanded(&table));
    // Row i has code i: `row()` maps each variant to its own code.
    for code in [0, 4000, rows - 1] {
        assert!(
            text.contains(&format!("SmsStatus::Status{code} => {code}usize,")),
            "{code}"
        );
    }
    let tokens: proc_macro2::TokenStream = timed("lex the expansion of the row limit", || {
        text.parse().expect("the generated text lexes")
    });
    assert!(!tokens.is_empty());
}

#[test]
fn a_table_with_every_possible_code_is_one_clear_error() {
    let text: String = (0..=u32::from(u16::MAX)).map(row).collect();
    let errors = timed("validate 65,536 rows", || check(&text)).expect_err("too many rows");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let rendered = errors[0].render("status-codes.toml", &text);
    let first_extra_line = MAX_ROWS * row(0).lines().count() + 1;
    assert!(
        rendered.starts_with(&format!(
            "status-codes.toml:{first_extra_line}:1: the table has 65536 rows; at most {MAX_ROWS} are supported"
        )),
        "{rendered}"
    );
}

/// Ten mebibytes of `unit`, repeated.
fn ten_megabytes_of(unit: &str) -> String {
    unit.repeat((10 << 20) / unit.len())
}

/// A file with a flood of mistakes fails with a bounded list of located
/// errors, the last of which says the rest are not listed.
fn assert_bounded_errors(what: &str, text: &str) {
    let errors = timed(&format!("validate {what}"), || check(text)).expect_err("not a valid table");
    assert!(errors.len() <= MAX_REPORTED + 1, "{} errors", errors.len());
    timed(&format!("render {} errors", errors.len()), || {
        assert_located(text, &errors);
    });
    if errors.len() > MAX_REPORTED {
        let last = errors
            .last()
            .expect("errors")
            .render("status-codes.toml", text);
        assert!(last.contains("not listed"), "{last}");
    }
}

#[test]
fn ten_megabytes_of_junk_give_a_bounded_list_of_located_errors() {
    assert_bounded_errors("10 MiB of junk", &junk(10 << 20));
}

#[test]
fn ten_megabytes_of_empty_blocks_give_a_bounded_list_of_located_errors() {
    assert_bounded_errors("10 MiB of empty blocks", &ten_megabytes_of("[[status]]\n"));
}

#[test]
fn ten_megabytes_of_broken_headers_give_a_bounded_list_of_located_errors() {
    assert_bounded_errors("10 MiB of broken headers", &ten_megabytes_of("[\n"));
}

#[test]
fn ten_megabytes_of_unknown_keys_give_a_bounded_list_of_located_errors() {
    assert_bounded_errors("10 MiB of unknown keys", &ten_megabytes_of("colour = 1\n"));
}

#[test]
fn ten_megabytes_of_distinct_keys_in_one_block_give_a_bounded_list_of_located_errors() {
    // Every key differs, so finding one written twice must not compare
    // each with all before it.
    let mut text = String::from("[[status]]\n");
    let mut key = 0_u64;
    while text.len() < 10 << 20 {
        let _ = writeln!(text, "k{key} = 1");
        key += 1;
    }
    assert_bounded_errors("10 MiB of distinct keys in one block", &text);
}

#[test]
fn a_ten_megabyte_dotted_key_is_one_located_error() {
    let text = format!("[[status]]\n{}a = 1\n", "a.".repeat(5 << 20));
    assert_bounded_errors("a 10 MiB dotted key", &text);
    let errors = check(&text).expect_err("not a valid table");
    assert_eq!(errors.len(), 1, "{errors:?}");
    let rendered = errors[0].render("status-codes.toml", &text);
    assert!(
        rendered.contains("a dotted key with more than 80 parts"),
        "{rendered}"
    );
}

#[test]
fn ten_megabytes_of_bad_rows_give_a_bounded_list_of_located_errors() {
    let bad_row = row(4000).replace("\"handset\"", "\"handsett\"");
    assert_bounded_errors("10 MiB of misspelt rows", &ten_megabytes_of(&bad_row));
}

#[test]
fn a_ten_megabyte_definition_is_kept_whole() {
    let definition = "<b>*x*</b> \\ \"q\" */ #[doc] 🙂 ".repeat((10 << 20) / 32);
    let escaped = definition.replace('\\', "\\\\").replace('"', "\\\"");
    let text = row(4000).replace("The status with code 4000.", &escaped);
    let table = timed("validate a 10 MiB definition", || check(&text)).expect("valid");
    assert_eq!(table.rows()[0].definition, definition);
    let text = timed("expand a 10 MiB definition", || expanded(&table));
    // Every character of this definition prints as itself, so proc-macro2
    // writes the same literal as the expansion's own escaper.
    assert!(text.contains(&proc_macro2::Literal::string(&definition).to_string()));
    let tokens: proc_macro2::TokenStream =
        timed("lex the expansion of a 10 MiB definition", || {
            text.parse().expect("the generated text lexes")
        });
    assert!(!tokens.is_empty());
}
