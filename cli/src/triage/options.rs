//! Everything `triage` can be asked: what to read and how, which kind of
//! code the messages were sent from, and what to write.

use std::path::PathBuf;
use std::str::FromStr;

use mobileconnect_status::CodeKind;

use super::read::{Input, ReadOptions};
use super::resolve::bad_rows::DEFAULT_SHOWN;

/// How the report is written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum ReportFormat {
    #[default]
    Text,
    Json,
}

impl FromStr for ReportFormat {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "text" => Ok(Self::Text),
            "json" => Ok(Self::Json),
            _ => Err(format!("expected text or json, found {text:?}")),
        }
    }
}

/// Everything `triage` was asked to do.
#[derive(Debug)]
pub(crate) struct TriageOptions {
    pub(crate) inputs: Vec<Input>,
    pub(crate) read: ReadOptions,
    pub(crate) code_kind: CodeKind,
    pub(crate) outputs: Outputs<PathBuf>,
    pub(crate) format: ReportFormat,
    /// Bad-row messages shown per input; `None` shows all.
    pub(crate) max_errors: Option<u64>,
}

/// The files triage writes besides the report on standard output, each by
/// its name: the paths asked for, and the files being written to them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Outputs<T> {
    /// `--suppress-list`: the numbers to stop sending to.
    pub(crate) suppress: Option<T>,
    /// `--retry-list`: the numbers to send to again later.
    pub(crate) retry: Option<T>,
    /// `--html`: the report as one page.
    pub(crate) html: Option<T>,
}

impl Default for TriageOptions {
    fn default() -> Self {
        Self {
            inputs: Vec::new(),
            read: ReadOptions::default(),
            code_kind: CodeKind::Dedicated,
            outputs: Outputs::default(),
            format: ReportFormat::default(),
            max_errors: Some(DEFAULT_SHOWN),
        }
    }
}
