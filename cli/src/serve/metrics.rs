//! Counters for `GET /metrics`, in Prometheus' text format. They count
//! since the receiver started; the events stored over all time are the
//! database's row count, which `sms_status_events_stored` reports.

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use super::signature::{KeyForm, Refusal};

/// Upper bounds of the commit-latency histogram, in seconds.
const BUCKETS: [f64; 12] = [
    0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0,
];

/// Requests refused, by the answer: before their body was looked at, or
/// (another callback's verification, an over-long one) after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Refused {
    /// 413: a body over the limit.
    TooLarge,
    /// 415: a content type that is not JSON.
    NotJson,
    /// 408: a body that did not arrive in time.
    SlowBody,
    /// 403: a verification body for another callback.
    OtherCallback,
    /// 400: a verification body with a field over its length.
    LongVerification,
}

impl Refused {
    const ALL: [Refused; 5] = [
        Refused::TooLarge,
        Refused::NotJson,
        Refused::SlowBody,
        Refused::OtherCallback,
        Refused::LongVerification,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Refused::TooLarge => "too_large",
            Refused::NotJson => "not_json",
            Refused::SlowBody => "slow_body",
            Refused::OtherCallback => "other_callback",
            Refused::LongVerification => "long_verification",
        }
    }
}

#[derive(Default)]
pub(crate) struct Metrics {
    batches: AtomicU64,
    events_received: AtomicU64,
    events_added: AtomicU64,
    duplicates: AtomicU64,
    unreadable: AtomicU64,
    signed_by: [AtomicU64; 2],
    signature_refused: [AtomicU64; 3],
    refused: [AtomicU64; Refused::ALL.len()],
    store_failures: AtomicU64,
    write_timeouts: AtomicU64,
    verifications: AtomicU64,
    commits: AtomicU64,
    committed_batches: AtomicU64,
    commit_buckets: [AtomicU64; BUCKETS.len()],
    commit_micros: AtomicU64,
}

fn add(counter: &AtomicU64, count: u64) {
    counter.fetch_add(count, Ordering::Relaxed);
}

impl Metrics {
    /// A signed batch stored: its events, those new, and those ENS had
    /// sent before or twice in it.
    pub(crate) fn batch(&self, received: u64, added: u64, unreadable: u64) {
        add(&self.batches, 1);
        add(&self.events_received, received);
        add(&self.events_added, added);
        add(&self.duplicates, received.saturating_sub(added));
        add(&self.unreadable, unreadable);
    }

    pub(crate) fn signed_by(&self, form: KeyForm) {
        add(&self.signed_by[form as usize], 1);
    }

    pub(crate) fn signature_refused(&self, refusal: Refusal) {
        add(&self.signature_refused[refusal as usize], 1);
    }

    pub(crate) fn refused(&self, refused: Refused) {
        add(&self.refused[refused as usize], 1);
    }

    /// A batch answered 503: the database could not store it.
    pub(crate) fn store_failed(&self) {
        add(&self.store_failures, 1);
    }

    /// A connection closed because its client took nothing of an answer
    /// for the write timeout.
    pub(crate) fn write_timed_out(&self) {
        add(&self.write_timeouts, 1);
    }

    pub(crate) fn verification(&self) {
        add(&self.verifications, 1);
    }

    /// A commit of `batches` took `took`.
    pub(crate) fn commit_took(&self, took: Duration, batches: usize) {
        add(&self.commits, 1);
        add(&self.committed_batches, batches as u64);
        let seconds = took.as_secs_f64();
        for (bucket, &bound) in self.commit_buckets.iter().zip(&BUCKETS) {
            if seconds <= bound {
                add(bucket, 1);
            }
        }
        add(
            &self.commit_micros,
            u64::try_from(took.as_micros()).unwrap_or(u64::MAX),
        );
    }

    /// The text `GET /metrics` answers; `stored` is the database's count
    /// of events, when it could be read.
    pub(crate) fn text(&self, stored: Option<u64>) -> String {
        let get = |counter: &AtomicU64| counter.load(Ordering::Relaxed);
        let mut text = Text(String::new());
        text.counter(
            "batches_total",
            "Signed batches stored and acknowledged.",
            &self.batches,
        );
        text.counter(
            "events_received_total",
            "Events in acknowledged batches, copies included.",
            &self.events_received,
        );
        text.counter(
            "events_added_total",
            "Events stored for the first time.",
            &self.events_added,
        );
        text.counter(
            "events_duplicate_total",
            "Events already stored, or sent twice in one batch.",
            &self.duplicates,
        );
        text.counter(
            "events_bad_total",
            "Events SmsEvent could not read, stored as received (triage counts them as bad rows).",
            &self.unreadable,
        );
        text.labelled(
            "signatures_valid_total",
            "Valid signatures, by the form of the key that made them.",
            "key_form",
            [KeyForm::Text, KeyForm::Decoded]
                .map(|form| (form.as_str(), get(&self.signed_by[form as usize]))),
        );
        text.labelled(
            "signature_failures_total",
            "Requests refused 401 for their signature.",
            "reason",
            Refusal::ALL.map(|refusal| {
                (
                    refusal.as_str(),
                    get(&self.signature_refused[refusal as usize]),
                )
            }),
        );
        text.labelled(
            "requests_refused_total",
            "POST /ens requests refused for their size, type, pace or callback.",
            "reason",
            Refused::ALL.map(|refused| (refused.as_str(), get(&self.refused[refused as usize]))),
        );
        text.counter(
            "store_failures_total",
            "Batches answered 503 because the database could not store them.",
            &self.store_failures,
        );
        text.counter(
            "write_timeouts_total",
            "Connections closed because the client took no bytes of an answer for the write timeout.",
            &self.write_timeouts,
        );
        text.counter(
            "verifications_total",
            "Verification bodies accepted and stored.",
            &self.verifications,
        );
        text.counter("commits_total", "Transactions committed.", &self.commits);
        text.counter(
            "committed_batches_total",
            "Batches in those transactions (several share one under load).",
            &self.committed_batches,
        );
        text.histogram(
            &self.commit_buckets,
            get(&self.commits),
            get(&self.commit_micros),
        );
        if let Some(stored) = stored {
            text.head("events_stored", "Events in the database.", "gauge");
            let _ = writeln!(text.0, "sms_status_events_stored {stored}");
        }
        text.0
    }
}

/// Prometheus' text format, every name under `sms_status_`.
struct Text(String);

impl Text {
    fn head(&mut self, name: &str, help: &str, kind: &str) {
        let _ = writeln!(
            self.0,
            "# HELP sms_status_{name} {help}\n# TYPE sms_status_{name} {kind}"
        );
    }

    fn counter(&mut self, name: &str, help: &str, counter: &AtomicU64) {
        self.head(name, help, "counter");
        let _ = writeln!(
            self.0,
            "sms_status_{name} {}",
            counter.load(Ordering::Relaxed)
        );
    }

    fn labelled<const N: usize>(
        &mut self,
        name: &str,
        help: &str,
        label: &str,
        values: [(&str, u64); N],
    ) {
        self.head(name, help, "counter");
        for (value, count) in values {
            let _ = writeln!(self.0, "sms_status_{name}{{{label}=\"{value}\"}} {count}");
        }
    }

    /// The commit latencies: cumulative buckets, their sum and count.
    fn histogram(&mut self, buckets: &[AtomicU64; BUCKETS.len()], count: u64, micros: u64) {
        self.head(
            "commit_seconds",
            "Time to commit a transaction durably.",
            "histogram",
        );
        for (bucket, bound) in buckets.iter().zip(BUCKETS) {
            let _ = writeln!(
                self.0,
                "sms_status_commit_seconds_bucket{{le=\"{bound}\"}} {}",
                bucket.load(Ordering::Relaxed)
            );
        }
        #[expect(clippy::cast_precision_loss, reason = "a sum of seconds for a rate")]
        let seconds = micros as f64 / 1e6;
        let _ = writeln!(
            self.0,
            "sms_status_commit_seconds_bucket{{le=\"+Inf\"}} {count}"
        );
        let _ = writeln!(self.0, "sms_status_commit_seconds_sum {seconds}");
        let _ = writeln!(self.0, "sms_status_commit_seconds_count {count}");
    }
}
