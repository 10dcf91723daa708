//! The same equivalence and crash tests with two receivers sharing one
//! PostgreSQL database. The server is the one `.ci/run` starts
//! (`scripts/postgres/start.sh`), named by `SMS_STATUS_TEST_POSTGRES`;
//! without it these tests say so and pass, except under CI, where they
//! fail.

#![cfg(feature = "postgres")]

use crate::crash::{free_address, send_through_kills, stored_once_and_lists_equal_triage};
use crate::equivalence::served_views_equal_triage;
use crate::server::{KEY, Server, fresh_database, with_keys};

/// A new, empty database on the test server, as a URL.
fn database(name: &str) -> Option<String> {
    let Some(server) = std::env::var("SMS_STATUS_TEST_POSTGRES")
        .ok()
        .filter(|url| !url.is_empty())
    else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI needs PostgreSQL: .ci/run starts it with scripts/postgres/start.sh"
        );
        eprintln!(
            "skipped: no SMS_STATUS_TEST_POSTGRES (eval \"$(bash scripts/postgres/start.sh)\")"
        );
        return None;
    };
    Some(fresh_database(&server, name))
}

#[test]
fn two_postgres_receivers_serve_triages_lists_and_reports() {
    let Some(url) = database("sms_status_equivalence") else {
        return;
    };
    let directory = with_keys("postgres-equivalence", &[KEY]);
    let first = Server::start(&directory, &["--database", &url]);
    let second = Server::start(&directory, &["--database", &url]);
    served_views_equal_triage(
        &directory,
        "dedicated",
        &[first.address, second.address],
        31,
    );
}

#[test]
fn two_postgres_receivers_keep_every_acknowledged_event_once_through_sigkills() {
    let Some(url) = database("sms_status_crash") else {
        return;
    };
    let directory = with_keys("postgres-crash", &[KEY]);
    let listen = [free_address(), free_address()];
    let start = |which: usize| Server::start_on(&directory, &listen[which], &["--database", &url]);
    let receivers = listen
        .each_ref()
        .map(|address| address.parse().expect("an address"));
    let events = send_through_kills(&receivers, &start, 41);
    let server = start(0);
    stored_once_and_lists_equal_triage(&directory, server.address, &events);
}
