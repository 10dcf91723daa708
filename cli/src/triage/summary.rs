//! The counts a triage reports, computed once from the resolved statuses.

use std::collections::BTreeMap;

use mobileconnect_status::{Action, Outcome, SmsStatus};

use super::tally::Tally;

/// What a triage found, ready to print in any format.
pub(super) struct Summary {
    pub(super) files: usize,
    pub(super) rows: u64,
    pub(super) bad_rows: u64,
    /// Inputs that failed part way; what they held before is counted.
    pub(super) bad_inputs: u64,
    /// Recipients resolved: mobile numbers, plus message keys for events.
    pub(super) recipients: u64,
    /// Each status some recipient ended on, in code order, with its count.
    pub(super) statuses: Vec<(SmsStatus, u64)>,
    /// Every outcome, in the vocabulary's order, with its count.
    pub(super) outcomes: Vec<(Outcome, u64)>,
    /// Every action, in the vocabulary's order, with its count.
    pub(super) actions: Vec<(Action, u64)>,
    pub(super) delivered: u64,
    /// Codes the table does not list, with the rows that carried them.
    pub(super) unlisted_rows: Vec<(u16, u64)>,
}

impl Summary {
    pub(super) fn of(tally: &Tally, files: usize) -> Self {
        // Listed statuses are counted in an array indexed by their place in
        // the table; the few unlisted codes in a map.
        let mut listed = vec![0_u64; SmsStatus::ALL.len()];
        let mut unlisted: BTreeMap<SmsStatus, u64> = BTreeMap::new();
        for status in tally.statuses() {
            match SmsStatus::ALL.binary_search(&status) {
                Ok(index) => listed[index] += 1,
                Err(_) => *unlisted.entry(status).or_default() += 1,
            }
        }
        let mut statuses: Vec<(SmsStatus, u64)> = SmsStatus::ALL
            .iter()
            .copied()
            .zip(listed)
            .filter(|&(_, count)| count > 0)
            .chain(unlisted)
            .collect();
        statuses.sort_unstable();
        let outcomes = Outcome::ALL
            .iter()
            .map(|&outcome| {
                (
                    outcome,
                    total(&statuses, |status| status.outcome() == outcome),
                )
            })
            .collect();
        let actions = Action::ALL
            .iter()
            .map(|&action| (action, total(&statuses, |status| status.action() == action)))
            .collect();
        Self {
            files,
            rows: tally.rows(),
            bad_rows: tally.bad_rows(),
            bad_inputs: tally.bad_inputs(),
            recipients: statuses.iter().map(|&(_, count)| count).sum(),
            delivered: total(&statuses, SmsStatus::is_delivered),
            statuses,
            outcomes,
            actions,
            unlisted_rows: tally
                .unlisted_rows()
                .iter()
                .map(|(&code, &rows)| (code, rows))
                .collect(),
        }
    }

    /// Delivered recipients as a share of all, `None` when there are none.
    pub(super) fn delivery_rate(&self) -> Option<f64> {
        #[expect(clippy::cast_precision_loss, reason = "a rate needs no exact count")]
        (self.recipients > 0).then(|| self.delivered as f64 / self.recipients as f64)
    }
}

fn total(statuses: &[(SmsStatus, u64)], matches: impl Fn(SmsStatus) -> bool) -> u64 {
    statuses
        .iter()
        .filter(|&&(status, _)| matches(status))
        .map(|&(_, count)| count)
        .sum()
}
