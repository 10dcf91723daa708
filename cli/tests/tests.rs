//! The `sms-status` command line, tested as people and scripts run it: the
//! real binary on real files, pipes and sockets. One test binary, each
//! module a behaviour, sharing the helpers in `common`.

mod common;
mod devtools;
mod sql_engine;

mod check;
mod explain;
mod layers;
mod list_formats;
mod own_table;
mod payload_agreement;
mod progress_terminal;
mod query_history;
mod query_table_names;
mod query_usage;
mod readme_table;
#[cfg(feature = "serve")]
mod serve;
mod sql_classification;
mod triage_breakdowns;
mod triage_compressed;
mod triage_csv;
mod triage_dates;
mod triage_dialects;
mod triage_failed_runs;
mod triage_html;
mod triage_html_browser;
mod triage_inputs;
mod triage_json;
mod triage_messages;
mod triage_numbers;
mod triage_outputs;
mod triage_parallel;
mod triage_resolution;
mod usage;
