//! `sms-status`: look up, export and triage Marketing Cloud MobileConnect SMS
//! status codes. Every classification it prints comes from the
//! `mobileconnect-status` crate, which is generated from `status-codes.toml`.
//!
//! Exit codes: 0 success; 1 triage saw bad rows (the first of each input
//! are reported on stderr with file and line); 2 a usage error, an input that
//! cannot be read at all or an output that cannot be written; 130
//! interrupted.

mod args;
mod closed_pipe;
mod explain;
mod fatal;
mod file_identity;
mod html;
mod list;
mod output;
mod progress;
mod quoted;
mod triage;
mod words;

use std::io::{self, Write};
use std::process::ExitCode;

use args::Command;
use closed_pipe::ClosedPipeIsFine;
use fatal::Fatal;

fn main() -> ExitCode {
    // Ctrl-C (or SIGTERM, SIGHUP) removes outputs not yet in place. If no
    // handler can be set, an interruption still leaves every previous
    // output as it was; only temporary files may stay behind.
    let _ = ctrlc::set_handler(|| output::interrupted());
    match run() {
        Ok(code) => code,
        Err(fatal) => {
            eprintln!("sms-status: {fatal}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, Fatal> {
    let command = args::parse(std::env::args_os().skip(1))?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(ClosedPipeIsFine(stdout.lock()));
    let code = match command {
        Command::Help => {
            out.write_all(args::USAGE.as_bytes())
                .map_err(Fatal::stdout)?;
            ExitCode::SUCCESS
        }
        Command::Version => {
            writeln!(out, "sms-status {}", env!("CARGO_PKG_VERSION")).map_err(Fatal::stdout)?;
            ExitCode::SUCCESS
        }
        Command::List(format) => {
            list::write(format, &mut out).map_err(Fatal::stdout)?;
            ExitCode::SUCCESS
        }
        Command::Explain(queries) => explain::run(&queries, &mut out)?,
        Command::Triage(options) => triage::run(&options, &mut out)?,
    };
    out.flush().map_err(Fatal::stdout)?;
    Ok(code)
}
