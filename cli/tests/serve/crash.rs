//! Crash safety: a sender posts batches of 100 to 1,000 events and sends
//! again whatever was not acknowledged, while the receiver is killed with
//! SIGKILL at ten or more moments and started again. Every acknowledged
//! event must then be stored exactly once.
//!
//! CI sends about 20,000 events; `SMS_STATUS_CRASH_EVENTS=100000` runs the full
//! test (see BENCHMARKS.md, "ENS receiver").

use std::collections::VecDeque;
use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use crate::common::sms_status_in;
use crate::serve::events::{self, Rng};
use crate::serve::http::{get, post_signed};
use crate::serve::server::{KEY, Server, key_bytes, with_keys};

/// Kills while the events are being sent.
pub(crate) const KILLS: usize = 10;

/// How many events to send: 20,000 unless the environment says.
pub(crate) fn event_count() -> usize {
    std::env::var("SMS_STATUS_CRASH_EVENTS")
        .ok()
        .and_then(|count| count.parse().ok())
        .unwrap_or(20_000)
}

/// A free loopback address, for a receiver to listen on again after
/// each restart.
pub(crate) fn free_address() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().expect("its address").to_string()
}

#[test]
fn sqlite_keeps_every_acknowledged_event_once_through_sigkills() {
    let directory = with_keys("crash-sqlite", &[KEY]);
    let listen = free_address();
    let start = |_: usize| Server::start_on(&directory, &listen, &[]);
    let events = send_through_kills(&[listen.parse().expect("an address")], &start, 21);
    let server = start(0);
    stored_once_and_lists_equal_triage(&directory, server.address, &events);
    server.kill();
    let database = rusqlite::Connection::open(directory.join("sms-status.sqlite")).unwrap();
    let check: String = database
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

/// Sends the events to `receivers` in batches, resending what was not
/// acknowledged, while receivers (`start(i)` starts the i-th again) are
/// killed [`KILLS`] times, spread over the sending. Returns the events.
pub(crate) fn send_through_kills(
    receivers: &[SocketAddr],
    start: &(dyn Fn(usize) -> Server + Sync),
    seed: u64,
) -> Vec<String> {
    let target = event_count();
    let events = events::generate(seed, target * 100 / 214, (target / 20).max(100));
    let mut rng = Rng::new(seed);
    let batches = events::batches(&events, &mut rng, 100, 1000);
    eprintln!(
        "sending {} events in {} batches to {} receiver(s), killed {KILLS} times",
        events.len(),
        batches.len(),
        receivers.len()
    );
    let running: Vec<Mutex<Option<Server>>> = (0..receivers.len())
        .map(|i| Mutex::new(Some(start(i))))
        .collect();
    let pending: Mutex<VecDeque<usize>> = Mutex::new((0..batches.len()).collect());
    let acknowledged_events = AtomicU64::new(0);
    let left = AtomicUsize::new(batches.len());
    let killed = AtomicUsize::new(0);
    let done = AtomicBool::new(false);
    let key = key_bytes();
    std::thread::scope(|scope| {
        for sender in 0..4 {
            let (pending, batches, left, acknowledged_events, key) =
                (&pending, &batches, &left, &acknowledged_events, &key);
            scope.spawn(move || {
                let mut attempt = sender;
                while left.load(Ordering::SeqCst) > 0 {
                    let Some(index) = pending.lock().unwrap().pop_front() else {
                        std::thread::sleep(Duration::from_millis(10));
                        continue;
                    };
                    attempt += 1;
                    let receiver = receivers[attempt % receivers.len()];
                    match post_signed(receiver, key, &batches[index]) {
                        Ok(answer) if answer.status == 200 => {
                            let events_in: u64 = answer
                                .text()
                                .split("\"received\":")
                                .nth(1)
                                .and_then(|rest| rest.split(',').next()?.parse().ok())
                                .expect("the answer says how many events it received");
                            acknowledged_events.fetch_add(events_in, Ordering::SeqCst);
                            left.fetch_sub(1, Ordering::SeqCst);
                        }
                        // Killed, restarting, or refusing: send it again later.
                        _ => {
                            pending.lock().unwrap().push_back(index);
                            std::thread::sleep(Duration::from_millis(20));
                        }
                    }
                }
            });
        }
        scope.spawn(|| {
            let mut rng = Rng::new(seed ^ 0xdead);
            let total = events.len() as u64;
            for kill in 0..KILLS {
                // The k-th kill comes at a random point of the k-th of
                // KILLS + 2 equal shares of the events: the last one with
                // more than a share still unacknowledged, however fast the
                // receivers are.
                let share = kill as u64 * 1000 + rng.below(1000);
                let due = total * share / ((KILLS as u64 + 2) * 1000);
                while acknowledged_events.load(Ordering::SeqCst) < due
                    && left.load(Ordering::SeqCst) > 0
                {
                    std::thread::sleep(Duration::from_millis(1));
                }
                let which = usize::try_from(rng.below(receivers.len() as u64)).unwrap();
                let mut slot = running[which].lock().unwrap();
                if let Some(server) = slot.take() {
                    server.kill();
                }
                if left.load(Ordering::SeqCst) > 0 {
                    killed.fetch_add(1, Ordering::SeqCst);
                }
                *slot = Some(start(which));
            }
            done.store(true, Ordering::SeqCst);
        });
    });
    assert!(done.load(Ordering::SeqCst));
    assert!(
        killed.load(Ordering::SeqCst) >= KILLS,
        "only {} kills came while events were being sent",
        killed.load(Ordering::SeqCst)
    );
    for slot in running {
        if let Some(server) = slot.into_inner().unwrap() {
            server.kill();
        }
    }
    events
}

/// Every event is stored exactly once, and the served lists are triage's
/// over all the events.
pub(crate) fn stored_once_and_lists_equal_triage(
    directory: &Path,
    receiver: SocketAddr,
    events: &[String],
) {
    events::assert_stored_once(&get(receiver, "/events.jsonl"), events);
    let expected = events::json_lines(events);

    let own = directory.join("own");
    std::fs::create_dir_all(&own).expect("a directory");
    std::fs::write(own.join("events.jsonl"), &expected).expect("written");
    sms_status_in(
        &own,
        &[
            "triage",
            "events.jsonl",
            "--suppress-list",
            "suppress.txt",
            "--retry-list",
            "retry.txt",
        ],
        None,
    );
    assert!(
        get(receiver, "/lists/suppress.txt") == std::fs::read(own.join("suppress.txt")).unwrap()
    );
    assert!(get(receiver, "/lists/retry.txt") == std::fs::read(own.join("retry.txt")).unwrap());
}
