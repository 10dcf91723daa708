//! The counts a triage reports, computed once from what it resolved, for
//! every report format to print the same numbers.

use std::collections::HashMap;

use mobileconnect_status::{Action, CodeKind, Outcome, SmsStatus};

use super::funnel::Funnel;
use crate::status_table::StatusTable;
use crate::triage::read::InputRead;
use crate::triage::resolve::Resolved;
use crate::triage::resolve::by_number::Rule;
use crate::triage::resolve::fate::Fate;
use crate::triage::resolve::fate_counts::FateCounts;
use crate::triage::resolve::reasons::Reason;

/// One input, as read.
pub(crate) type InputSummary = InputRead;

/// Counts by outcome, and the share delivered.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Outcomes {
    pub(crate) total: u64,
    /// Every outcome, in the vocabulary's order, with its count.
    pub(crate) by_outcome: Vec<(Outcome, u64)>,
    pub(crate) delivered: u64,
    /// Never sent: counted as failed too.
    pub(crate) not_sent: u64,
}

impl Outcomes {
    /// From counts by outcome, and of the failed, those never sent.
    pub(crate) fn from_counts(by_outcome: Vec<(Outcome, u64)>, not_sent: u64) -> Self {
        let mut outcomes = Self {
            total: by_outcome.iter().map(|&(_, count)| count).sum(),
            delivered: 0,
            by_outcome,
            not_sent,
        };
        outcomes.delivered = outcomes.count(Outcome::Delivered);
        outcomes
    }

    /// Nothing counted yet: every outcome at 0.
    pub(crate) fn none() -> Self {
        Self::from_counts(
            Outcome::ALL.iter().map(|&outcome| (outcome, 0)).collect(),
            0,
        )
    }

    /// Adds `other`'s counts to these; both list the outcomes in the
    /// vocabulary's order.
    pub(crate) fn add(&mut self, other: &Outcomes) {
        self.total += other.total;
        self.delivered += other.delivered;
        self.not_sent += other.not_sent;
        for (count, &(_, more)) in self.by_outcome.iter_mut().zip(&other.by_outcome) {
            count.1 += more;
        }
    }

    /// Messages (or recipients) with this outcome.
    pub(crate) fn count(&self, wanted: Outcome) -> u64 {
        self.by_outcome
            .iter()
            .find(|&&(outcome, _)| outcome == wanted)
            .map_or(0, |&(_, count)| count)
    }

    fn of(fates: &[(Fate, u64)], table: &StatusTable, kind: CodeKind) -> Self {
        let outcome = |fate: Fate| fate.outcome(table, kind);
        let by_outcome = Outcome::ALL
            .iter()
            .map(|&wanted| (wanted, total(fates, |fate| outcome(fate) == wanted)))
            .collect();
        Self {
            total: total(fates, |_| true),
            by_outcome,
            delivered: total(fates, |fate| outcome(fate) == Outcome::Delivered),
            not_sent: total(fates, Fate::is_not_sent),
        }
    }

    /// The delivered share, `None` when there is nothing to share.
    pub(crate) fn delivery_rate(&self) -> Option<f64> {
        #[expect(clippy::cast_precision_loss, reason = "a rate needs no exact count")]
        (self.total > 0).then(|| self.delivered as f64 / self.total as f64)
    }
}

/// A not-sent reason with the messages and recipients that ended on it.
#[derive(Debug)]
pub(crate) struct NotSent {
    pub(crate) reason: Reason,
    pub(crate) messages: u64,
    pub(crate) recipients: u64,
}

/// A status code that failed, or whose outcome nobody can tell, with the
/// messages that ended on it and the recipients whose status it is.
#[derive(Debug)]
pub(crate) struct CodeCount {
    /// The code; what it means is the summary's table's.
    pub(crate) status: SmsStatus,
    pub(crate) outcome: Outcome,
    pub(crate) messages: u64,
    pub(crate) recipients: u64,
}

/// One Marketing Cloud day's messages (see `days`).
#[derive(Debug)]
pub(crate) struct Day {
    /// Days since 1970-01-01.
    pub(crate) day: i64,
    pub(crate) messages: Outcomes,
}

/// What a triage found, ready to print in any format.
#[derive(Debug)]
pub(crate) struct Summary {
    pub(crate) inputs: Vec<InputSummary>,
    pub(crate) rows: u64,
    pub(crate) bad_rows: u64,
    /// Header lines met again inside extracts (joined files), skipped.
    pub(crate) repeated_headers: u64,
    /// The table every status is named, defined and classified by.
    pub(crate) table: StatusTable,
    pub(crate) code_kind: CodeKind,
    /// Every message, by its own fate.
    pub(crate) messages: Outcomes,
    /// Messages whose events named no mobile number: not recipients.
    pub(crate) messages_without_number: u64,
    /// Every recipient (a mobile number), by their newest message's fate.
    pub(crate) recipients: Outcomes,
    /// Each fate some recipient ended on, in order, with its count.
    pub(crate) fates: Vec<(Fate, u64)>,
    /// Every action, in the vocabulary's order, with its recipients.
    pub(crate) actions: Vec<(Action, u64)>,
    /// Recipients decided by each rule.
    pub(crate) rules: Vec<(Rule, u64)>,
    pub(crate) not_sent: Vec<NotSent>,
    /// Codes the table does not list, with the rows that carried them.
    pub(crate) unlisted_rows: Vec<(u16, u64)>,
    /// Every message by the last stage it reached.
    pub(crate) funnel: Funnel,
    /// Codes that failed or whose outcome is unknown, the most messages
    /// first.
    pub(crate) failures: Vec<CodeCount>,
    /// Messages per day, in order, for the messages with a time.
    pub(crate) days: Vec<Day>,
    /// Messages whose input did not say when they were sent.
    pub(crate) untimed_messages: u64,
}

impl Summary {
    /// The counts of `resolved`, each status read with `table`, for
    /// messages sent from codes of `code_kind`.
    pub(crate) fn of(
        resolved: &Resolved,
        inputs: Vec<InputSummary>,
        table: StatusTable,
        code_kind: CodeKind,
    ) -> Self {
        let mut recipients = FateCounts::default();
        let mut rules = [(Rule::Newest, 0), (Rule::Highest, 0), (Rule::Mixed, 0)];
        for (_, record) in resolved.numbers.iter() {
            if let Some(fate) = record.fate() {
                recipients.add(fate, 1);
            }
            if let Some((_, count)) = rules.iter_mut().find(|(rule, _)| *rule == record.rule()) {
                *count += 1;
            }
        }
        let fates: Vec<(Fate, u64)> = recipients.iter().collect();
        let messages: Vec<(Fate, u64)> = resolved.messages.fates.iter().collect();
        let actions = Action::ALL
            .iter()
            .map(|&action| {
                (
                    action,
                    total(&fates, |fate| fate.action(&table, code_kind) == action),
                )
            })
            .collect();
        // Looked up once per failing code or reason: a map, so that an
        // input of many codes costs no scan of them all for each.
        let recipients_by_fate: HashMap<Fate, u64> = fates.iter().copied().collect();
        let days = resolved
            .messages
            .days
            .by_day()
            .into_iter()
            .map(|(day, counts)| Day {
                day,
                messages: Outcomes::from_counts(counts.outcomes(code_kind), counts.not_sent()),
            })
            .collect();
        Self {
            funnel: Funnel::of(&messages, &table, code_kind),
            failures: failures(&messages, &recipients_by_fate, &table, code_kind),
            days,
            untimed_messages: resolved.messages.days.untimed(),
            rows: resolved.rows.rows,
            bad_rows: resolved.bad_rows,
            repeated_headers: resolved.rows.repeated_headers,
            code_kind,
            messages: Outcomes::of(&messages, &table, code_kind),
            messages_without_number: resolved.messages_without_number,
            recipients: Outcomes::of(&fates, &table, code_kind),
            not_sent: not_sent(resolved, &messages, &recipients_by_fate),
            fates,
            actions,
            rules: rules.into_iter().filter(|&(_, count)| count > 0).collect(),
            unlisted_rows: resolved
                .row_codes()
                .iter()
                .filter_map(|(fate, rows)| {
                    let code = fate.status_code()?;
                    (!table.status(code).is_listed()).then_some((code, rows))
                })
                .collect(),
            inputs,
            table,
        }
    }
}

/// Each status code whose outcome is failed or unknown, the most messages
/// first.
fn failures(
    messages: &[(Fate, u64)],
    recipients: &HashMap<Fate, u64>,
    table: &StatusTable,
    kind: CodeKind,
) -> Vec<CodeCount> {
    let mut failures: Vec<CodeCount> = messages
        .iter()
        .filter_map(|&(fate, messages)| {
            let status = fate.code()?;
            let outcome = fate.outcome(table, kind);
            matches!(outcome, Outcome::Failed | Outcome::Unknown).then(|| CodeCount {
                status,
                outcome,
                messages,
                recipients: recipients.get(&fate).copied().unwrap_or(0),
            })
        })
        .collect();
    failures.sort_by(|a, b| {
        (b.messages, b.recipients)
            .cmp(&(a.messages, a.recipients))
            .then_with(|| a.status.cmp(&b.status))
    });
    failures
}

/// Each not-sent reason, the most frequent first.
fn not_sent(
    resolved: &Resolved,
    messages: &[(Fate, u64)],
    recipients: &HashMap<Fate, u64>,
) -> Vec<NotSent> {
    let mut reasons: Vec<NotSent> = messages
        .iter()
        .filter_map(|&(fate, messages)| {
            Some(NotSent {
                reason: resolved.reasons.get(fate.reason()?).clone(),
                messages,
                recipients: recipients.get(&fate).copied().unwrap_or(0),
            })
        })
        .collect();
    reasons.sort_by(|a, b| {
        b.messages
            .cmp(&a.messages)
            .then_with(|| a.reason.code.cmp(&b.reason.code))
    });
    reasons
}

fn total(fates: &[(Fate, u64)], matches: impl Fn(Fate) -> bool) -> u64 {
    fates
        .iter()
        .filter(|&&(fate, _)| matches(fate))
        .map(|&(_, count)| count)
        .sum()
}
