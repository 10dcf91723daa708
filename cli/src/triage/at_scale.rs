//! The page at counts no test can generate as rows: the report of real
//! inputs with every count multiplied, for the browser test that measures
//! the page's labels at up to 10⁹ messages. `sms-status` itself never
//! scales a count.

use std::path::PathBuf;

use super::TriageOptions;
use super::read::{Input, read_all};
use super::report::funnel::{Funnel, StageReach};
use super::report::html::{ListLinks, page};
use super::report::summary::{CodeCount, Day, InputSummary, NotSent, Outcomes, Summary};
use super::resolve::Tally;
use crate::status_table::StatusTable;

/// The page `sms-status triage INPUTS --html` writes with the built-in
/// table, every count multiplied by `factor`: the shares, days and codes
/// stay those of the inputs.
pub(crate) fn page_at_scale(inputs: &[PathBuf], factor: u64) -> Result<String, String> {
    let options = TriageOptions {
        inputs: inputs.iter().cloned().map(Input::File).collect(),
        ..TriageOptions::default()
    };
    // Read as `triage::run` reads, without the outputs it stages.
    let table = StatusTable::built_in();
    let mut tally = Tally::new(options.max_errors, options.read.threads);
    let read = read_all(&options.inputs, &options.read, &table, &mut tally)?;
    let resolved = tally.finish(&table);
    let mut summary = Summary::of(&resolved, read, table, options.code_kind);
    scale(&mut summary, factor);
    Ok(page(&summary, &ListLinks::default()))
}

/// Multiplies every count of `summary`. Every field is named, so a count
/// added to the summary must be placed here (or said to be no count).
fn scale(summary: &mut Summary, factor: u64) {
    let times = |count: &mut u64| *count = count.saturating_mul(factor);
    let outcomes = |outcomes: &mut Outcomes| {
        let Outcomes {
            total,
            by_outcome,
            delivered,
            not_sent,
        } = outcomes;
        [total, delivered, not_sent].into_iter().for_each(times);
        counts(by_outcome).for_each(times);
    };
    let Summary {
        inputs,
        rows,
        bad_rows,
        repeated_headers,
        table: _,
        code_kind: _,
        messages,
        messages_without_number,
        recipients,
        fates,
        actions,
        rules,
        not_sent,
        unlisted_rows,
        funnel,
        failures,
        days,
        untimed_messages,
    } = summary;
    for InputSummary { rows, bad_rows, .. } in inputs {
        [rows, bad_rows].into_iter().for_each(times);
    }
    [
        rows,
        bad_rows,
        repeated_headers,
        messages_without_number,
        untimed_messages,
    ]
    .into_iter()
    .for_each(times);
    outcomes(messages);
    outcomes(recipients);
    counts(fates).for_each(times);
    counts(actions).for_each(times);
    counts(rules).for_each(times);
    counts(unlisted_rows).for_each(times);
    for NotSent {
        messages,
        recipients,
        ..
    } in not_sent
    {
        [messages, recipients].into_iter().for_each(times);
    }
    let Funnel {
        messages,
        not_sent,
        no_stage,
        stages,
    } = funnel;
    [messages, not_sent, no_stage].into_iter().for_each(times);
    for StageReach { reached, ended, .. } in stages {
        times(reached);
        counts(ended).for_each(times);
    }
    for CodeCount {
        messages,
        recipients,
        ..
    } in failures
    {
        [messages, recipients].into_iter().for_each(times);
    }
    for Day { messages, .. } in days {
        outcomes(messages);
    }
}

/// The counts of `(thing, count)` pairs.
fn counts<T>(pairs: &mut [(T, u64)]) -> impl Iterator<Item = &mut u64> {
    pairs.iter_mut().map(|(_, count)| count)
}
