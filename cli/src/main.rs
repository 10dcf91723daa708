//! `sms-status`: look up, export and triage Marketing Cloud MobileConnect SMS
//! status codes. The command line itself is the library beside this file
//! (`mobileconnect_status_cli`), which the fuzz targets call too.

use std::process::ExitCode;

fn main() -> ExitCode {
    // Ctrl-C (or SIGTERM, SIGHUP) removes outputs not yet in place, or
    // stops a server once its accepted batches are stored. If no handler
    // can be set, an interruption still leaves every previous output as it
    // was (only temporary files may stay behind) and every acknowledged
    // batch stored.
    let _ = ctrlc::set_handler(mobileconnect_status_cli::interrupted);
    let stdout = std::io::stdout();
    mobileconnect_status_cli::run(std::env::args_os().skip(1), stdout.lock())
}
