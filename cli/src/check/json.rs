//! `check --format json`: one JSON object a line per mistake, for tools
//! other than GitHub's.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{Located, Mistakes, without_file};

/// One line on `out` per mistake: `file`, `line` and `column` as the
/// build's message names them (`null` for a file that is not a table),
/// `message`, `suggestion` (`null` when there is none) and `related`, the
/// other place the mistake concerns (`null`, or its `line`, `column` and
/// `message`).
pub(super) fn report(shown: &str, mistakes: &Mistakes, out: &mut impl Write) -> io::Result<()> {
    match mistakes {
        Mistakes::NotATable(message) => write_line(
            out,
            &json!({
                "file": shown,
                "line": null,
                "column": null,
                "message": without_file(shown, message),
                "suggestion": null,
                "related": null,
            }),
        ),
        Mistakes::InText(text, mistakes) => {
            for mistake in mistakes {
                write_line(out, &object(shown, &Located::new(text, mistake)))?;
            }
            Ok(())
        }
    }
}

fn object(shown: &str, at: &Located) -> Value {
    let related = at
        .related
        .map(|(line, column, label)| json!({ "line": line, "column": column, "message": label }));
    json!({
        "file": shown,
        "line": at.line,
        "column": at.column,
        "message": at.message,
        "suggestion": at.suggestion,
        "related": related,
    })
}

fn write_line(out: &mut impl Write, value: &Value) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    writeln!(out)
}
