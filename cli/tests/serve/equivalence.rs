//! The served lists and reports are triage's, byte for byte: thousands
//! of events to hundreds of numbers, every SMS event kind, delivered in
//! shuffled batches, every batch twice, by four senders at once.

use std::net::SocketAddr;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::common::sms_status_in;
use crate::serve::events::{self, Rng};
use crate::serve::http::{get, post_signed};
use crate::serve::server::{KEY, Server, key_bytes, with_keys};

#[test]
fn sqlite_lists_and_reports_equal_triage_for_dedicated_codes() {
    let directory = with_keys("equivalence-dedicated", &[KEY]);
    let server = Server::start(&directory, &["--code-kind", "dedicated"]);
    served_views_equal_triage(&directory, "dedicated", &[server.address], 11);
}

#[test]
fn sqlite_lists_and_reports_equal_triage_for_shared_codes() {
    let directory = with_keys("equivalence-shared", &[KEY]);
    let server = Server::start(&directory, &["--code-kind", "shared"]);
    served_views_equal_triage(&directory, "shared", &[server.address], 12);
}

/// Delivers the made-up events to `receivers` (which share one database)
/// and compares what each serves with triage over the same events.
pub(crate) fn served_views_equal_triage(
    directory: &Path,
    code_kind: &str,
    receivers: &[SocketAddr],
    seed: u64,
) {
    let events = events::generate(seed, 1200, 300);
    assert!(events.len() > 2500, "thousands of events: {}", events.len());
    let mut rng = Rng::new(seed);
    let mut shuffled = events.clone();
    rng.shuffle(&mut shuffled);
    let batches = events::batches(&shuffled, &mut rng, 1, 250);
    let mut deliveries: Vec<&[u8]> = batches.iter().chain(&batches).map(Vec::as_slice).collect();
    rng.shuffle(&mut deliveries);
    deliver(&deliveries, receivers);

    let own = directory.join("own");
    std::fs::create_dir_all(&own).expect("a directory");
    std::fs::write(own.join("events.jsonl"), events::json_lines(&events)).expect("written");
    let triage = sms_status_in(
        &own,
        &[
            "triage",
            "events.jsonl",
            "--format",
            "json",
            "--code-kind",
            code_kind,
            "--suppress-list",
            "suppress.txt",
            "--retry-list",
            "retry.txt",
        ],
        None,
    );
    assert!(triage.stdout.contains("\"bad_rows\""), "{}", triage.stderr);
    let suppress = std::fs::read(own.join("suppress.txt")).expect("the suppress list");
    let retry = std::fs::read(own.join("retry.txt")).expect("the retry list");
    assert!(
        suppress.len() > 100 && retry.len() > 100,
        "the lists are not empty"
    );

    for &receiver in receivers {
        assert_eq!(
            String::from_utf8(get(receiver, "/lists/suppress.txt")).unwrap(),
            String::from_utf8(suppress.clone()).unwrap()
        );
        assert_eq!(get(receiver, "/lists/retry.txt"), retry);
        assert_eq!(
            String::from_utf8(get(receiver, "/report.json")).unwrap(),
            triage.stdout
        );
    }

    // The stored events are the events, each once; triage over them as
    // served writes the page the receiver serves (whose bad-row examples
    // follow the order events were stored in).
    let served = get(receivers[0], "/events.jsonl");
    events::assert_stored_once(&served, &events);

    let export = directory.join("export");
    std::fs::create_dir_all(export.join("lists")).expect("a directory");
    std::fs::write(export.join("events.jsonl"), &served).expect("written");
    sms_status_in(
        &export,
        &[
            "triage",
            "events.jsonl",
            "--code-kind",
            code_kind,
            "--html",
            "report.html",
            "--suppress-list",
            "lists/suppress.txt",
            "--retry-list",
            "lists/retry.txt",
        ],
        None,
    );
    let page = std::fs::read(export.join("report.html")).expect("the page");
    assert!(
        get(receivers[0], "/report.html") == page,
        "the served page differs from triage's"
    );

    let metrics = String::from_utf8(get(receivers[0], "/metrics")).expect("text");
    assert!(
        metrics.contains(&format!("\nsms_status_events_stored {}\n", events.len())),
        "{metrics}"
    );
}

/// Posts every body, each to one of the receivers, from four threads at
/// once; each must be acknowledged.
pub(crate) fn deliver(bodies: &[&[u8]], receivers: &[SocketAddr]) {
    let next = AtomicUsize::new(0);
    let key = key_bytes();
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(body) = bodies.get(index) else { break };
                    let receiver = receivers[index % receivers.len()];
                    let answer = post_signed(receiver, &key, body).expect("the receiver answers");
                    assert_eq!(answer.status, 200, "{}", answer.text());
                }
            });
        }
    });
}
