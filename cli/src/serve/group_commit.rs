//! Group commit: one thread owns the database's writing side and commits
//! whatever batches have arrived since its last commit in one
//! transaction. A batch is acknowledged only after the transaction that
//! holds it is durable, and batches that arrive together share the cost
//! of making it so (one `fsync` for many batches, not one each).

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc;
use std::thread;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use tokio::sync::oneshot;

use super::batch::{Batch, Event};
use super::identity::Identity;
use super::metrics::Metrics;
use super::off_thread::{self, Unrun};
use super::store::{Store, StoreError};

/// Batches in one transaction at most, so that a flood of them still
/// gets answers in steps.
const MOST_JOBS: usize = 64;

/// What to commit.
pub(crate) enum Work {
    Events(Batch),
    /// A verification body ENS sent, to keep.
    Verification {
        callback_id: String,
        verification_key: String,
    },
}

/// What a commit did with one request's work.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Committed {
    /// Events stored now; the others were stored before, or came twice.
    pub(crate) added: u64,
}

struct Job {
    work: Work,
    reply: oneshot::Sender<Result<Committed, StoreError>>,
}

/// Hands work to the committing thread. Cloned for every request; the
/// thread ends once every clone is dropped and the queue is empty.
#[derive(Clone)]
pub(crate) struct Committer {
    jobs: mpsc::Sender<Job>,
}

impl Committer {
    /// Starts the committing thread.
    pub(crate) fn start(
        store: Box<dyn Store>,
        metrics: Arc<Metrics>,
    ) -> Result<(Self, thread::JoinHandle<()>), Unrun> {
        let (jobs, queue) = mpsc::channel();
        let thread = off_thread::start("group-commit", move || run(store, &queue, &metrics))?;
        Ok((Self { jobs }, thread))
    }

    /// Commits `work`, and answers once it is durable.
    pub(crate) async fn commit(&self, work: Work) -> Result<Committed, StoreError> {
        let (reply, answer) = oneshot::channel();
        let stopped = || StoreError("the database writer has stopped".to_owned());
        self.jobs.send(Job { work, reply }).map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

fn run(mut store: Box<dyn Store>, queue: &mpsc::Receiver<Job>, metrics: &Metrics) {
    while let Ok(first) = queue.recv() {
        let mut jobs = vec![first];
        while jobs.len() < MOST_JOBS {
            match queue.try_recv() {
                Ok(job) => jobs.push(job),
                Err(_) => break,
            }
        }
        let now = now_ms();
        let mut batches = Vec::with_capacity(jobs.len());
        for job in jobs {
            match job.work {
                Work::Events(batch) => batches.push((batch, job.reply)),
                Work::Verification {
                    callback_id,
                    verification_key,
                } => {
                    let done = store.verification(&callback_id, &verification_key, now);
                    let _ = job.reply.send(done.map(|()| Committed::default()));
                }
            }
        }
        if !batches.is_empty() {
            commit(&mut *store, batches, now, metrics);
        }
    }
}

/// Commits the batches' events in one transaction and answers each
/// batch's request.
fn commit(
    store: &mut dyn Store,
    batches: Vec<(Batch, oneshot::Sender<Result<Committed, StoreError>>)>,
    now: i64,
    metrics: &Metrics,
) {
    // Each identity once, credited to the first batch that holds it.
    let mut owners: HashMap<Identity, usize> = HashMap::new();
    let mut events: Vec<(&Event, usize)> = Vec::new();
    for (index, (batch, _)) in batches.iter().enumerate() {
        for event in &batch.events {
            if let std::collections::hash_map::Entry::Vacant(entry) = owners.entry(event.identity) {
                entry.insert(index);
                events.push((event, index));
            }
        }
    }
    events.sort_unstable_by_key(|&(event, _)| event.identity);
    let in_order: Vec<&Event> = events.iter().map(|&(event, _)| event).collect();
    let started = Instant::now();
    let result = store.insert(&in_order, now);
    metrics.commit_took(started.elapsed(), batches.len());
    match result {
        Ok(added) => {
            let mut per_batch = vec![0_u64; batches.len()];
            for (&(_, owner), added) in events.iter().zip(added) {
                per_batch[owner] += u64::from(added);
            }
            for ((_, reply), added) in batches.into_iter().zip(per_batch) {
                let _ = reply.send(Ok(Committed { added }));
            }
        }
        Err(failure) => {
            for (_, reply) in batches {
                let _ = reply.send(Err(failure.clone()));
            }
        }
    }
}

/// Now, in milliseconds since the Unix epoch, when each event was stored.
fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| {
            i64::try_from(since.as_millis()).unwrap_or(i64::MAX)
        })
}
