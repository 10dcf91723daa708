//! `sms-status triage`: its help page and its options.

use std::path::{Path, PathBuf};

use lexopt::prelude::*;

use super::{Command, unexpected, usage};
use crate::fatal::Fatal;
use crate::triage::{Input, TriageOptions};

/// `sms-status triage --help`.
pub(super) const HELP: &str = "\
sms-status triage: resolve each recipient's final status in tracking extracts
(CSV), REST deliveries or event notifications (JSON), and count them

Usage:
  sms-status triage [OPTIONS] FILE...   (- reads standard input)

Triage options:
  -h, --help             print this help
  --column NAME          CSV column holding the status code
                         (default: SMSStandardStatusCodeId)
  --number-column NAME   CSV column holding the mobile number
                         (default: MobileNumber, else Mobile)
  --suppress-list FILE   write the mobile numbers to stop sending to, one per line
  --retry-list FILE      write the mobile numbers to send to again later, one per line
  --format text|json     the report's format (default: text)

What triage counts: a recipient in the report is a mobile number of a CSV row
or REST delivery, or the message key (info.messageKey) of event notifications;
its final status is the highest code seen for it. The suppress and retry lists
are built per mobile number instead: a number's final status is the highest
code seen for it in any input, events counting for the number in their info.to,
so a number is in at most one list. A message whose events name no number is
in neither list, nor is a number whose final code the table does not list.

Triage streams its inputs: memory grows with the number of distinct recipients,
never with the number of rows: at most about 55 bytes for each all-digit mobile
number (54 MiB for a million numbers).

Exit codes: 0 success; 1 triage saw bad rows (each reported on stderr with its
file and line) or an input that failed part way (the others still count);
2 a usage error or an input that cannot be opened (checked before any is read).
";

/// Reads the options and files after `triage`.
pub(super) fn parse_triage(parser: &mut lexopt::Parser) -> Result<Command, Fatal> {
    let mut options = TriageOptions::default();
    while let Some(argument) = parser.next().map_err(|error| usage(&error))? {
        match argument {
            Long("column") => options.code_column = Some(parser.value()?.string()?),
            Long("number-column") => options.number_column = Some(parser.value()?.string()?),
            Long("suppress-list") => options.suppress_list = Some(PathBuf::from(parser.value()?)),
            Long("retry-list") => options.retry_list = Some(PathBuf::from(parser.value()?)),
            Short('f') | Long("format") => {
                options.format = parser.value()?.parse_with(str::parse)?;
            }
            Short('h') | Long("help") => return Ok(Command::Help(HELP)),
            Value(path) if path == "-" => options.inputs.push(Input::Stdin),
            Value(path) => options.inputs.push(Input::File(PathBuf::from(path))),
            other => return Err(unexpected(other, HELP)),
        }
    }
    if options.inputs.is_empty() {
        return Err(Fatal::new(
            "triage needs at least one file (or - for standard input), e.g. \
             `sms-status triage cli/samples/sms-message-tracking.csv`",
        ));
    }
    if options
        .inputs
        .iter()
        .filter(|&input| *input == Input::Stdin)
        .count()
        > 1
    {
        return Err(Fatal::new(
            "triage reads standard input (-) at most once: the second - would find it empty",
        ));
    }
    if let (Some(suppress), Some(retry)) = (&options.suppress_list, &options.retry_list) {
        if same_file(suppress, retry) {
            return Err(Fatal::new(format!(
                "--suppress-list and --retry-list both name {}: one list would overwrite the other; \
             give each its own file",
                retry.display()
            )));
        }
    }
    Ok(Command::Triage(options))
}

/// Whether two output paths name one file: the same path once made
/// absolute (`list.txt` and `./list.txt`), or, for files that exist
/// already, the same file through links.
fn same_file(one: &Path, other: &Path) -> bool {
    let absolute = |path: &Path| std::path::absolute(path).ok();
    if absolute(one).is_some_and(|one| Some(one) == absolute(other)) {
        return true;
    }
    matches!(
        (one.canonicalize(), other.canonicalize()),
        (Ok(one), Ok(other)) if one == other
    )
}
