//! The same equivalence and crash tests with two receivers sharing one
//! PostgreSQL database, and a receiver that outlives its connections. The
//! server is the one `.ci/run` starts
//! (`scripts/postgres/start.sh`), named by `SMS_STATUS_TEST_POSTGRES`;
//! without it these tests say so and pass, except under CI, where they
//! fail.

#![cfg(feature = "postgres")]

use crate::serve::crash::{free_address, send_through_kills, stored_once_and_lists_equal_triage};
use crate::serve::equivalence::served_views_equal_triage;
use std::process::Command;

use crate::serve::http::{get, post_signed};
use crate::serve::server::{KEY, Server, fresh_database, key_bytes, with_keys};

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

#[test]
fn a_receiver_whose_postgres_connections_were_ended_connects_again() {
    let Some(url) = database("sms_status_reconnect") else {
        return;
    };
    let directory = with_keys("postgres-reconnect", &[KEY]);
    let server = Server::start(&directory, &["--database", &url]);
    let batch = |n: u32| {
        format!(
            r#"[{{"eventCategoryType":"TransactionalSendEvents.SmsSent","info":{{"messageKey":"m-{n}"}}}}]"#
        )
    };
    assert_eq!(
        post_signed(server.address, &key_bytes(), batch(1).as_bytes())
            .unwrap()
            .status,
        200
    );
    // What a server restart or a failover does to the receiver's
    // connections.
    let ended = Command::new("psql")
        .args([&url, "-v", "ON_ERROR_STOP=1", "-q", "-c"])
        .arg("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
        .status()
        .expect("psql runs");
    assert!(ended.success());
    // Ended, not only asked to end: the next read finds its connection gone.
    let gone = || {
        let output = Command::new("psql")
            .args([&url, "-v", "ON_ERROR_STOP=1", "-q", "-t", "-A", "-c"])
            .arg("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
            .output()
            .expect("psql runs");
        String::from_utf8_lossy(&output.stdout).trim() == "0"
    };
    let waited = std::time::Instant::now();
    while !gone() {
        assert!(
            waited.elapsed().as_secs() < 30,
            "the connections did not end"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // A read changes nothing, so the receiver reads again on a new
    // connection rather than refuse it.
    let stored = get(server.address, "/events.jsonl");
    assert_eq!(stored.split(|&byte| byte == b'\n').count(), 2, "one event");
    // The request that finds a connection gone may get a 503; the batch
    // is sent again, as ENS would, and then stored.
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let status = post_signed(server.address, &key_bytes(), batch(2).as_bytes())
            .unwrap()
            .status;
        statuses.push(status);
        if status == 200 {
            break;
        }
    }
    assert_eq!(statuses.last(), Some(&200), "{statuses:?}");
    assert!(
        statuses
            .iter()
            .all(|&status| status == 200 || status == 503),
        "{statuses:?}"
    );
    let stored = get(server.address, "/events.jsonl");
    assert_eq!(
        stored.split(|&byte| byte == b'\n').count(),
        3,
        "two events, two lines"
    );
}

#[test]
fn a_postgres_receiver_keeps_one_verification_for_each_callback() {
    let Some(url) = database("sms_status_verification") else {
        return;
    };
    let directory = with_keys("postgres-verification", &[KEY]);
    let server = Server::start(&directory, &["--database", &url]);
    let id = "65b885ab-c2b4-46fe-85d0-d6cb8be8057d";
    for key in ["first", "second"] {
        let body = format!(r#"{{"callbackId": "{id}", "verificationKey": "{key}"}}"#);
        let answer = crate::serve::http::request(
            server.address,
            "POST",
            "/ens",
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        )
        .unwrap();
        assert_eq!(answer.status, 200, "{}", answer.text());
    }
    let kept = Command::new("psql")
        .args([&url, "-v", "ON_ERROR_STOP=1", "-q", "-t", "-A", "-c"])
        .arg("SELECT callback_id || ' ' || verification_key FROM ens_verifications")
        .output()
        .expect("psql runs");
    assert!(kept.status.success());
    assert_eq!(
        String::from_utf8_lossy(&kept.stdout),
        format!("{id} second\n")
    );
}
