//! `check --format github`: each mistake as a GitHub Actions workflow
//! command, `::error file=F,line=L,col=C::message`, which GitHub shows as
//! an annotation on that line of the pull request and of the run.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::{Located, Mistakes, without_file};

/// One `::error` line on `out` per mistake.
pub(super) fn report(shown: &str, mistakes: &Mistakes, out: &mut impl Write) -> io::Result<()> {
    let file = property(shown);
    match mistakes {
        // No line to name: GitHub shows it on the file.
        Mistakes::NotATable(message) => {
            writeln!(
                out,
                "::error file={file}::{}",
                data(without_file(shown, message))
            )
        }
        Mistakes::InText(text, mistakes) => {
            for mistake in mistakes {
                let at = Located::new(text, mistake);
                let (line, column) = (at.line, at.column);
                let message = data(&annotation(&at));
                writeln!(
                    out,
                    "::error file={file},line={line},col={column}::{message}"
                )?;
            }
            Ok(())
        }
    }
}

/// The annotation's text: what is wrong, the other place it concerns, and
/// what to do, a line each.
fn annotation(at: &Located) -> String {
    let mut text = at.message.to_owned();
    if let Some((line, column, label)) = at.related {
        let _ = write!(text, "\nline {line}, column {column}: {label}");
    }
    if let Some(suggestion) = at.suggestion {
        let _ = write!(text, "\nhelp: {suggestion}");
    }
    text
}

/// A command's message, escaped as GitHub's runner reads it back: `%`
/// first, then the line breaks that would end the command.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property's value (`file=`): as [`data`], and also `:` and `,`, which
/// would end the value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::{data, property};

    #[test]
    fn messages_and_properties_are_escaped_as_the_runner_reads_them() {
        assert_eq!(
            data("100% sure\r\nnext: a, b"),
            "100%25 sure%0D%0Anext: a, b"
        );
        assert_eq!(
            property("dir,x/100%:codes.toml\n"),
            "dir%2Cx/100%25%3Acodes.toml%0A"
        );
    }
}
