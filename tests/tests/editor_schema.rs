//! `status-codes.schema.json` in a real validator: Taplo's command line,
//! the engine of the VS Code extension "Even Better TOML", reads each table
//! with the schema named on its first line, as an editor does. Every valid
//! table passes; each mistake the schema can describe fails at the line
//! `check` names; and the schema and `check` agree value by value.
//!
//! `.ci/run` installs Taplo (npm's `@taplo/cli`), and under CI (`CI` set)
//! a missing `taplo` fails these tests. Elsewhere they are skipped with a
//! message on the terminal, so that `cargo test` needs only a Rust
//! toolchain. `TAPLO` names another `taplo` than the one on PATH. The
//! first test, that each table names the committed schema, needs no Taplo.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use Verdict::{Mistake, OnlyCheckFinds, Valid};
use mobileconnect_status_table::{check, line_and_column};
use mobileconnect_status_tests::repository;

/// The mistake cases of `tests/ui` the schema cannot describe: only
/// `check` and the build find them. The README's list says the same.
const ONLY_CHECK_FINDS: [&str; 2] = ["duplicate_code.toml", "duplicate_name.toml"];

fn taplo() -> Option<PathBuf> {
    if let Some(named) = std::env::var_os("TAPLO") {
        return Some(PathBuf::from(named));
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join("taplo"))
        .find(|candidate| candidate.is_file())
}

/// Taplo, or why the test cannot run: a failure under CI, else a skip
/// said on the terminal (libtest captures `eprintln!`, not writes to
/// stderr itself).
fn taplo_or_skip(test: &str) -> Option<PathBuf> {
    if let Some(taplo) = taplo() {
        return Some(taplo);
    }
    let why = "taplo is not on PATH; install it (npm install --global @taplo/cli) to run it";
    assert!(
        std::env::var_os("CI").is_none(),
        "{test}: {why}; .ci/run installs it"
    );
    let _ = writeln!(std::io::stderr(), "\nSKIPPED {test}: {why}");
    None
}

/// `taplo lint` on `files`, from the repository, with the schema each file
/// names (or `schema`, for a file that names none). No configuration file
/// and no online catalog is read.
fn lint(taplo: &Path, files: &[PathBuf], schema: Option<&Path>) -> Output {
    let mut command = Command::new(taplo);
    command
        .args(["lint", "--colors", "never", "--no-auto-config"])
        .current_dir(repository());
    if let Some(schema) = schema {
        command
            .arg("--schema")
            .arg(format!("file://{}", schema.display()));
    }
    command
        .args(files)
        .env_remove("TAPLO_CONFIG")
        .output()
        .expect("taplo runs")
}

/// Each `file:line` Taplo's messages point at (`┌─ f.toml:17:9`).
fn lines_named(output: &Output) -> BTreeSet<(String, usize)> {
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter_map(|line| line.split_once("┌─ ").map(|(_, place)| place.trim()))
        .filter_map(|place| {
            let (rest, _column) = place.rsplit_once(':')?;
            let (file, line) = rest.rsplit_once(':')?;
            let name = Path::new(file).file_name()?.to_str()?.to_owned();
            Some((name, line.parse().ok()?))
        })
        .collect()
}

/// The lines `check` names in `text`, one a mistake.
fn lines_check_names(text: &str) -> BTreeSet<usize> {
    check(text)
        .err()
        .unwrap_or_default()
        .iter()
        .map(|mistake| line_and_column(text, mistake.span.start).0)
        .collect()
}

fn tables_in(directory: &Path) -> Vec<PathBuf> {
    let mut tables: Vec<PathBuf> = fs::read_dir(directory)
        .expect("a directory of tables")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| {
            path.extension()
                .is_some_and(|extension| extension == "toml")
        })
        .collect();
    tables.sort();
    tables
}

fn output_text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Every table of the repository: the shipped one, its copy in the
/// published crate, the example crate's, and the UI cases.
fn every_table() -> Vec<PathBuf> {
    let root = repository();
    let mut tables = vec![
        root.join("status-codes.toml"),
        // The published crate's copy, whose schema is a link beside it.
        root.join("core/status-codes.toml"),
        root.join("examples/my-gateway/my-codes.toml"),
    ];
    tables.extend(tables_in(&root.join("tests/ui")));
    tables.extend(tables_in(&root.join("tests/ui/pass")));
    tables
}

#[test]
fn every_table_names_the_committed_schema_on_its_first_line() {
    let schema = fs::canonicalize(repository().join("status-codes.schema.json"))
        .expect("status-codes.schema.json at the repository's top");
    for table in every_table() {
        let text = fs::read_to_string(&table).expect("a table");
        let named = text
            .lines()
            .next()
            .and_then(|line| line.strip_prefix("#:schema "))
            .unwrap_or_else(|| panic!("{}: no #:schema on its first line", table.display()));
        let directory = table.parent().expect("a table in a directory");
        assert_eq!(
            fs::canonicalize(directory.join(named)).ok().as_ref(),
            Some(&schema),
            "{}: #:schema {named} is not status-codes.schema.json",
            table.display()
        );
    }
    let shipped = fs::read_to_string(repository().join("status-codes.toml")).expect("the table");
    assert!(shipped.starts_with("#:schema ./status-codes.schema.json\n"));
    // The README's template for a table of one's own names the copy beside it.
    let readme = fs::read_to_string(repository().join("README.md")).expect("README");
    let (_, own_table) = readme.split_once("## Your own table").expect("the section");
    let (_, template) = own_table.split_once("```toml\n").expect("a TOML template");
    assert!(
        template
            .trim_start()
            .starts_with("#:schema ./status-codes.schema.json\n"),
        "{template}"
    );
}

#[test]
fn every_valid_table_passes_the_schema_named_on_its_first_line() {
    let Some(taplo) = taplo_or_skip("every_valid_table_passes_the_schema") else {
        return;
    };
    let tables: Vec<PathBuf> = every_table()
        .into_iter()
        .filter(|table| {
            let text = fs::read_to_string(table).expect("a table");
            check(&text).is_ok()
        })
        .collect();
    assert_eq!(
        tables.len(),
        6,
        "three tables and the three UI cases that pass"
    );
    let output = lint(&taplo, &tables, None);
    assert!(
        output.status.success(),
        "taplo rejects a valid table:\n{}",
        output_text(&output)
    );
}

/// The files Taplo found invalid, by name (`invalid file … path="…"`).
fn invalid_files(output: &Output) -> BTreeSet<String> {
    String::from_utf8_lossy(&output.stderr)
        .lines()
        .filter(|line| line.contains("invalid file"))
        .filter_map(|line| line.split_once("path=\"")?.1.split_once('"'))
        .filter_map(|(path, _)| Some(Path::new(path).file_name()?.to_str()?.to_owned()))
        .collect()
}

#[test]
fn each_mistake_fails_at_the_line_check_names() {
    let Some(taplo) = taplo_or_skip("each_mistake_fails_at_the_line_check_names") else {
        return;
    };
    let cases = repository().join("tests/ui");
    // A misspelt word, a code out of range, a missing key, an unknown key.
    let names = [
        "unknown_vocabulary.toml",
        "code_out_of_range.toml",
        "missing_key.toml",
        "unknown_key.toml",
    ];
    let paths: Vec<PathBuf> = names.iter().map(|name| cases.join(name)).collect();
    let output = lint(&taplo, &paths, None);
    assert!(!output.status.success(), "{}", output_text(&output));
    assert_eq!(
        invalid_files(&output),
        names.iter().map(|name| (*name).to_owned()).collect(),
        "{}",
        output_text(&output)
    );
    let places = lines_named(&output);
    for (name, path) in names.iter().zip(&paths) {
        let text = fs::read_to_string(path).expect("a case");
        let checked = lines_check_names(&text);
        assert!(!checked.is_empty(), "{name}");
        for line in checked {
            assert!(
                places.contains(&((*name).to_owned(), line)),
                "{name}: check names line {line}, taplo does not:\n{}",
                output_text(&output)
            );
        }
    }
}

#[test]
fn the_schema_catches_every_mistake_case_but_the_ones_only_check_finds() {
    let Some(taplo) = taplo_or_skip("the_schema_catches_every_mistake_case") else {
        return;
    };
    let cases = tables_in(&repository().join("tests/ui"));
    assert_eq!(cases.len(), 16, "every .toml case of tests/ui");
    let output = lint(&taplo, &cases, None);
    let expected: BTreeSet<String> = cases
        .iter()
        .filter_map(|path| path.file_name()?.to_str())
        .filter(|name| !ONLY_CHECK_FINDS.contains(name))
        .map(str::to_owned)
        .collect();
    assert_eq!(invalid_files(&output), expected, "{}", output_text(&output));
}

/// What the schema and `check` make of a value.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Valid,
    Mistake,
    /// A mistake the schema cannot describe: JSON Schema counts `4000.0`
    /// as an integer, and Taplo gives TOML's float to it as a number.
    OnlyCheckFinds,
}

/// One block per value, each value alone in an otherwise valid block:
/// whether it is a mistake is what the schema and `check` must agree on.
const VALUES: &[(&str, &str, Verdict)] = &[
    ("code", "0", Valid),
    ("code", "65535", Valid),
    ("code", "0x10", Valid),
    ("code", "65536", Mistake),
    ("code", "-1", Mistake),
    ("code", "\"4000\"", Mistake),
    ("code", "4000.0", OnlyCheckFinds),
    ("name", "\"A\"", Valid),
    ("name", "\"Ab1\"", Valid),
    ("name", "\"X9y\"", Valid),
    ("name", "\"SelfTest\"", Valid),
    ("name", "\"Type\"", Valid),
    ("name", "\"AB\"", Mistake),
    ("name", "\"A1\"", Mistake),
    ("name", "\"delivered\"", Mistake),
    ("name", "\"DELIVERED\"", Mistake),
    ("name", "\"Self\"", Mistake),
    ("name", "\"Unrecognized\"", Mistake),
    ("name", "\"type\"", Mistake),
    ("name", "\"Rejected Now\"", Mistake),
    ("name", "\"Rejected!\"", Mistake),
    ("name", "\"Ünicode\"", Mistake),
    ("name", "\"Ab_c\"", Mistake),
    ("name", "\"4000Delivered\"", Mistake),
    ("name", "\"\"", Mistake),
    ("name", "4000", Mistake),
    ("definition", "\"x\"", Valid),
    ("definition", "\" x \"", Valid),
    ("definition", "\"\"", Mistake),
    ("definition", "\"   \"", Mistake),
    ("definition", "\"\\t\"", Mistake),
    ("definition", "4", Mistake),
    ("note", "\"Why.\"", Valid),
    ("note", "\"\"", Mistake),
    ("stage", "\"carrier\"", Valid),
    ("stage", "\"Carrier\"", Mistake),
    ("stage", "\"carier\"", Mistake),
    ("outcome", "\"unknown\"", Valid),
    ("outcome", "\"success\"", Mistake),
    ("final", "\"shared-codes-only\"", Valid),
    ("final", "true", Mistake),
    ("action", "\"suppress-number\"", Valid),
    ("action", "\"none \"", Mistake),
];

/// A table of one block per [`VALUES`] entry, and the line of each value.
fn table_of_values() -> (String, Vec<usize>) {
    let mut text = String::new();
    let mut lines = Vec::new();
    for (index, (key, value, _)) in VALUES.iter().enumerate() {
        let valid = [
            ("code", format!("{}", 1_000 + index)),
            ("name", format!("\"Row{index}\"")),
            ("definition", "\"A definition.\"".to_owned()),
            ("stage", "\"handset\"".to_owned()),
            ("outcome", "\"failed\"".to_owned()),
            ("final", "\"yes\"".to_owned()),
            ("action", "\"investigate\"".to_owned()),
            ("note", "\"A note.\"".to_owned()),
        ];
        text.push_str("[[status]]\n");
        for (written, valid_value) in valid {
            let shown = if written == *key {
                lines.push(text.lines().count() + 1);
                (*value).to_owned()
            } else {
                valid_value
            };
            let _ = writeln!(text, "{written} = {shown}");
        }
        text.push('\n');
    }
    (text, lines)
}

/// The lines of the values with one of `verdicts`.
fn lines_of(lines: &[usize], verdicts: &[Verdict]) -> BTreeSet<usize> {
    VALUES
        .iter()
        .zip(lines)
        .filter(|((_, _, verdict), _)| verdicts.contains(verdict))
        .map(|(_, line)| *line)
        .collect()
}

#[test]
fn the_schema_and_check_agree_value_by_value() {
    let Some(taplo) = taplo_or_skip("the_schema_and_check_agree_value_by_value") else {
        return;
    };
    let (text, lines) = table_of_values();
    assert_eq!(
        lines_check_names(&text),
        lines_of(&lines, &[Mistake, OnlyCheckFinds]),
        "check's verdicts"
    );

    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("schema-values.toml");
    fs::write(&path, &text).expect("scratch table");
    let schema = repository().join("status-codes.schema.json");
    let output = lint(&taplo, std::slice::from_ref(&path), Some(&schema));
    let named: BTreeSet<usize> = lines_named(&output)
        .into_iter()
        .map(|(_, line)| line)
        .collect();
    let expected = lines_of(&lines, &[Mistake]);
    let wrong: Vec<String> = VALUES
        .iter()
        .zip(&lines)
        .filter(|(_, line)| named.contains(line) != expected.contains(line))
        .map(|((key, value, _), line)| {
            let verdict = if expected.contains(line) {
                "passes"
            } else {
                "fails"
            };
            format!("line {line}: {key} = {value} {verdict} the schema")
        })
        .collect();
    assert!(
        wrong.is_empty(),
        "{}\n{}",
        wrong.join("\n"),
        output_text(&output)
    );
}
