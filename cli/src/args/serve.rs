//! `sms-status serve`: its help page and its options.

#[cfg(feature = "serve")]
use std::time::Duration;

use lexopt::prelude::*;

use super::{Command, usage};
#[cfg(feature = "serve")]
use super::{unexpected, value};
use crate::fatal::Fatal;
#[cfg(feature = "serve")]
use crate::serve::{Database, ServeOptions};

/// `sms-status serve --help`.
pub(super) const HELP: &str = "\
sms-status serve: receive Marketing Cloud's Event Notification Service (ENS)
callbacks: verify each batch's signature, store each event once and durably
before answering 200, and serve triage's lists and reports of every event stored

Usage: sms-status serve [OPTIONS]

Options:
  --database PATH|URL         a SQLite file (default: sms-status.sqlite), or
                              postgres://user@host/db to share one PostgreSQL
                              database between several receivers; also
                              SMS_STATUS_DATABASE, which keeps a URL's password
                              out of the process list
  --listen ADDR:PORT          where to listen (default: 127.0.0.1:8080); put a
                              proxy that terminates TLS in front: ENS needs https
  --callback-id ID            the callback whose verification body is answered
                              200 and stored; without it, any callback's is (to
                              set one up, when its id is not known yet)
  --signature-key-file FILE   the callback's signature keys, one a line: the old
                              and the new during a rotation. Read again when it
                              changes. Else the environment variable
                              SMS_STATUS_SIGNATURE_KEY; never an argument
  --code-kind KIND            shared or dedicated (default): as for triage
  --sync full|normal          full (default): a batch is on disk before it is
                              acknowledged; normal: faster, but a power loss may
                              lose the last acknowledged batches (SQLite only)
  --header-timeout SECONDS    a request's headers must arrive in time (default 10)
  --body-timeout SECONDS      a request's body must arrive in time (default 20)
  --write-timeout SECONDS     a client that takes no bytes of an answer for this
                              long is disconnected, up to 3600 (default 30)
  --max-connections N         connections served at once, 1 to 65536 (default 256)
  -h, --help                  print this help

Endpoints:
  POST /ens                   ENS batches (signed) and the verification body
  GET /lists/suppress.txt     as triage --suppress-list writes it
  GET /lists/retry.txt        as triage --retry-list writes it
  GET /report.json            as triage --format json prints it
  GET /report.html            as triage --html writes it
  GET /events.jsonl           every stored event, one a line: triage reads it
                              and prints the same report
  GET /healthz, GET /metrics  200 once the database is open; Prometheus text

Stops on SIGTERM or Ctrl-C once the batches it accepted are stored (exit code 0).
";

/// The environment variable that names the database, as `--database`
/// does (which wins).
#[cfg(feature = "serve")]
const DATABASE_VARIABLE: &str = "SMS_STATUS_DATABASE";

/// Reads the options after `serve`.
#[cfg(feature = "serve")]
pub(super) fn parse(parser: &mut lexopt::Parser) -> Result<Command, Fatal> {
    let mut options = ServeOptions::default();
    // A URL may hold a password, which an argument would show every user
    // of the machine: the environment can name the database instead.
    if let Some(database) = std::env::var_os(DATABASE_VARIABLE).filter(|name| !name.is_empty()) {
        let database = database.into_string().map_err(|_| {
            Fatal::new(format!(
                "{DATABASE_VARIABLE}: expected a path or URL that is UTF-8 text"
            ))
        })?;
        options.database = Database::named(&database);
    }
    while let Some(argument) = parser.next().map_err(|error| usage(&error))? {
        match argument {
            Short('h') | Long("help") => return Ok(Command::Help(HELP)),
            Long("database") => options.database = Database::named(&parser.value()?.string()?),
            Long("listen") => options.listen = address(parser)?,
            Long("callback-id") => options.callback_id = Some(parser.value()?.string()?),
            Long("signature-key-file") => {
                options.key_file = Some(parser.value()?.into());
            }
            Long("code-kind") => options.code_kind = value(parser, "--code-kind")?,
            Long("sync") => options.sync = value(parser, "--sync")?,
            Long("header-timeout") => options.header_timeout = seconds(parser, "--header-timeout")?,
            Long("body-timeout") => options.body_timeout = seconds(parser, "--body-timeout")?,
            Long("write-timeout") => options.write_timeout = write_timeout(parser)?,
            Long("max-connections") => options.max_connections = connections(parser)?,
            other => return Err(unexpected(other, HELP)),
        }
    }
    Ok(Command::Serve(options))
}

/// Without the `serve` feature the command is known, and says how to get it.
#[cfg(not(feature = "serve"))]
pub(super) fn parse(parser: &mut lexopt::Parser) -> Result<Command, Fatal> {
    if let Some(Short('h') | Long("help")) = parser.next().map_err(|error| usage(&error))? {
        return Ok(Command::Help(HELP));
    }
    Err(Fatal::new(
        "this sms-status was built without `serve`: install it with \
         `cargo install --path cli --features serve` (or `--features postgres`)",
    ))
}

/// `--listen`'s address, with an example when it is not one.
#[cfg(feature = "serve")]
fn address(parser: &mut lexopt::Parser) -> Result<std::net::SocketAddr, Fatal> {
    let text = parser.value()?.string()?;
    text.parse().map_err(|_| {
        Fatal::new(format!(
            "--listen: expected an address and a port, such as 127.0.0.1:8080 or [::1]:8080, not {text:?}"
        ))
    })
}

/// The most connections `--max-connections` allows: each holds a file
/// descriptor and buffers, and more than this many at once is a flood to
/// be queued by the kernel, not served. Far below what the connections'
/// semaphore can count.
#[cfg(feature = "serve")]
const MOST_CONNECTIONS: usize = 65_536;

/// `--max-connections`: a number from 1 to [`MOST_CONNECTIONS`].
#[cfg(feature = "serve")]
fn connections(parser: &mut lexopt::Parser) -> Result<usize, Fatal> {
    let text = parser.value()?.string()?;
    text.parse()
        .ok()
        .filter(|count| (1..=MOST_CONNECTIONS).contains(count))
        .ok_or_else(|| {
            Fatal::new(format!(
                "--max-connections: expected a number from 1 to {MOST_CONNECTIONS}, not {text:?}"
            ))
        })
}

/// The longest `--write-timeout`: a client that takes nothing of an
/// answer for an hour is gone, and the limit keeps deadlines far from
/// where an instant overflows.
#[cfg(feature = "serve")]
const MOST_WRITE_SECONDS: u64 = 3600;

/// `--write-timeout`: seconds above zero, at most [`MOST_WRITE_SECONDS`].
#[cfg(feature = "serve")]
fn write_timeout(parser: &mut lexopt::Parser) -> Result<Duration, Fatal> {
    let option = "--write-timeout";
    let timeout = seconds(parser, option)?;
    if timeout > Duration::from_secs(MOST_WRITE_SECONDS) {
        return Err(Fatal::new(format!(
            "{option}: expected at most {MOST_WRITE_SECONDS} seconds, not {}",
            timeout.as_secs_f64()
        )));
    }
    Ok(timeout)
}

/// A number of seconds, whole or with a fraction, above zero.
#[cfg(feature = "serve")]
fn seconds(parser: &mut lexopt::Parser, option: &str) -> Result<Duration, Fatal> {
    let seconds: f64 = value(parser, option)?;
    Duration::try_from_secs_f64(seconds)
        .ok()
        .filter(|duration| !duration.is_zero())
        .ok_or_else(|| {
            Fatal::new(format!(
                "{option}: expected a number of seconds above 0, not {seconds}"
            ))
        })
}
