//! The command line: the subcommand, its options, and its help page.
//!
//! Each subcommand's file holds its help text and its parser, so an option
//! is added in one place: an arm and a help line. An unknown option is
//! matched against the options its subcommand's help lists, so the
//! did-you-mean knows every documented option and no other. A parser's
//! error names no help page: [`parse`] appends the subcommand's.

mod check;
mod explain;
mod list;
mod query;
mod serve;
mod suggest;
mod triage;

use std::ffi::OsString;
use std::fmt::Display;
use std::str::FromStr;

use lexopt::prelude::*;

use crate::check::CheckOptions;
use crate::fatal::Fatal;
use crate::list::ListFormat;
use crate::query::QueryOptions;
#[cfg(feature = "serve")]
use crate::serve::ServeOptions;
use crate::triage::TriageOptions;

/// `sms-status --help`: the subcommands, each with its own help page.
pub(crate) const HELP: &str = "\
sms-status: look up, export and triage MobileConnect SMS status codes

Usage: sms-status [COMMAND] [OPTIONS]

Commands:
  list      print the status table (the default) as table, markdown, csv, json or sql
  explain   say what a status code or name means and what to do about it
  triage    resolve each message and each recipient's status in tracking
            extracts (CSV), REST deliveries or event notifications (JSON)
  query     print SQL that builds the suppress and retry lists, or a report,
            where the tracking data lives (Marketing Cloud, a warehouse)
  check     find every mistake in status tables, with the build's messages
  serve     receive Event Notification Service callbacks and serve the lists
            and reports live (built with --features serve)
  help      print this help, or a command's: sms-status help COMMAND

Options:
      --codes FILE  classify with the status table in FILE, a table of your own
                    in status-codes.toml's form, instead of the built-in one:
                    list, explain, triage, query, serve, and check when it names
                    no file. Written before the command; SMS_STATUS_CODES=FILE
                    does the same. A table with mistakes stops the command
                    (exit 2) with check's messages, before any input is read
  -h, --help        print this help; sms-status COMMAND --help prints a command's
  -V, --version     print the version

Exit codes: 0 success; 1 triage saw bad rows (the lists were written from the
rest), or check found mistakes in the table; 2 nothing was replaced: a usage
error, a status table (--codes) that cannot be read or has mistakes, an output
that cannot be written, or an input of which nothing could be counted; 130
interrupted.
";

/// The command line read: the status table to use, when one is named,
/// and the command.
#[derive(Debug)]
pub(crate) struct Invocation {
    /// `--codes FILE`: a status table of the user's own.
    pub(crate) codes: Option<OsString>,
    pub(crate) command: Command,
}

/// What the user asked for.
#[derive(Debug)]
pub(crate) enum Command {
    /// Print this help page.
    Help(&'static str),
    Version,
    List(ListFormat),
    Explain(Vec<String>),
    Triage(TriageOptions),
    Query(QueryOptions),
    /// The status table files to check, and how to report their mistakes.
    Check(CheckOptions),
    /// Print the JSON Schema of a status table.
    PrintSchema,
    #[cfg(feature = "serve")]
    Serve(ServeOptions),
}

/// A subcommand: its name, its help page, and the parser of what follows
/// its name.
struct Subcommand {
    name: &'static str,
    help: &'static str,
    parse: fn(&mut lexopt::Parser) -> Result<Command, Fatal>,
}

const SUBCOMMANDS: [Subcommand; 6] = [
    Subcommand {
        name: "list",
        help: list::HELP,
        parse: list::parse,
    },
    Subcommand {
        name: "explain",
        help: explain::HELP,
        parse: explain::parse,
    },
    Subcommand {
        name: "triage",
        help: triage::HELP,
        parse: triage::parse_triage,
    },
    Subcommand {
        name: "query",
        help: query::HELP,
        parse: query::parse,
    },
    Subcommand {
        name: "check",
        help: check::HELP,
        parse: check::parse,
    },
    Subcommand {
        name: "serve",
        help: serve::HELP,
        parse: serve::parse,
    },
];

/// Reads the arguments after the program name. A usage error ends with
/// the help page to read: the subcommand's, or the program's.
pub(crate) fn parse(arguments: impl IntoIterator<Item = OsString>) -> Result<Invocation, Fatal> {
    let mut parser = lexopt::Parser::from_args(arguments);
    let see_help = |fatal: Fatal| fatal.see("sms-status --help");
    let mut codes = None;
    let name = loop {
        let Some(argument) = parser.next().map_err(|error| see_help(usage(&error)))? else {
            let command = Command::List(ListFormat::Table);
            return Ok(Invocation { codes, command });
        };
        let command = match argument {
            Short('h') | Long("help") => Command::Help(HELP),
            Short('V') | Long("version") => Command::Version,
            Long("codes") if codes.is_some() => {
                return Err(see_help(Fatal::new(
                    "--codes is given twice: name one status table",
                )));
            }
            Long("codes") => {
                codes = Some(parser.value().map_err(|error| see_help(usage(&error)))?);
                continue;
            }
            Value(name) => break name.string().map_err(|error| see_help(usage(&error)))?,
            other => return Err(see_help(unexpected(other, HELP))),
        };
        return Ok(Invocation { codes, command });
    };
    let command = if name == "help" {
        help_for(&mut parser).map_err(see_help)?
    } else {
        let subcommand = find(&name).map_err(see_help)?;
        (subcommand.parse)(&mut parser)
            .map_err(|fatal| fatal.see(&format!("sms-status {} --help", subcommand.name)))?
    };
    Ok(Invocation { codes, command })
}

/// `sms-status help [COMMAND]`.
fn help_for(parser: &mut lexopt::Parser) -> Result<Command, Fatal> {
    let help = match parser.next()? {
        None => HELP,
        Some(Value(name)) => find(&name.string()?)?.help,
        Some(other) => return Err(unexpected(other, HELP)),
    };
    match parser.next()? {
        None => Ok(Command::Help(help)),
        Some(other) => Err(usage(&other.unexpected())),
    }
}

fn find(name: &str) -> Result<&'static Subcommand, Fatal> {
    let names = SUBCOMMANDS
        .iter()
        .map(|subcommand| subcommand.name)
        .chain(["help"]);
    SUBCOMMANDS
        .iter()
        .find(|subcommand| subcommand.name == name)
        .ok_or_else(|| unknown("command", name, names))
}

/// An option or argument the subcommand does not take, with the nearest
/// option its `help` documents when one is close.
fn unexpected(argument: lexopt::Arg, help: &str) -> Fatal {
    match argument {
        Long("codes") => Fatal::new(
            "--codes is written before the command, as it is for every command: \
             sms-status --codes FILE COMMAND …",
        ),
        Long(name) => unknown("option", &format!("--{name}"), suggest::long_options(help)),
        Short(letter) => Fatal::new(format!("unknown option -{letter}")),
        Value(value) => Fatal::new(format!("unexpected argument {value:?}")),
    }
}

/// `unknown option "--formt": did you mean --format?`, or every known word
/// when none is close.
fn unknown<'a>(what: &str, word: &str, known: impl IntoIterator<Item = &'a str>) -> Fatal {
    let known: Vec<&str> = known.into_iter().collect();
    match suggest::closest(word, &known) {
        Some(near) => Fatal::new(format!("unknown {what} {word:?}: did you mean {near}?")),
        None => Fatal::new(format!(
            "unknown {what} {word:?}: expected {}",
            suggest::one_of(&known)
        )),
    }
}

/// The value of `option`, read with `FromStr`; the error names the option,
/// and the value's own error names the value and what was expected.
fn value<T>(parser: &mut lexopt::Parser, option: &str) -> Result<T, Fatal>
where
    T: FromStr<Err: Display>,
{
    value_with(parser, option, str::parse)
}

/// The value of `option`, read with `parse`, whose error names the value
/// and what was expected; this names the option.
fn value_with<T, E: Display>(
    parser: &mut lexopt::Parser,
    option: &str,
    parse: impl FnOnce(&str) -> Result<T, E>,
) -> Result<T, Fatal> {
    let text = parser.value()?.string()?;
    parse(&text).map_err(|error| Fatal::new(format!("{option}: {error}")))
}

fn usage(error: &lexopt::Error) -> Fatal {
    Fatal::new(error.to_string())
}

impl From<lexopt::Error> for Fatal {
    fn from(error: lexopt::Error) -> Self {
        usage(&error)
    }
}
