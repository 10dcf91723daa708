//! What the receiver takes and what it refuses, before anything is
//! stored: signatures in both key forms, key rotation, the verification
//! body, and every way a request can be wrong.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

use crate::serve::http::{get, post_signed, request, sign};
use crate::serve::server::{KEY, Server, key_bytes, scratch_dir, with_keys};

const BODY: &[u8] =
    br#"[{"eventCategoryType":"TransactionalSendEvents.SmsSent","info":{"messageKey":"m-1"}}]"#;
/// base64(HMAC-SHA256(KEY's text, BODY)) and with KEY's decoded bytes,
/// computed apart from this code with Python's hmac module.
const BY_TEXT: &str = "uNul9TWFLZCJu9hy8/QIMzcP1te/sQdM7rXH45N+G8U=";
const BY_DECODED: &str = "7b2efzKuRYewP7zyE5X9y+uMjJhCfAUOTEx6rxB22WM=";

fn post(server: &Server, headers: &[(&str, &str)], body: &[u8]) -> u16 {
    request(server.address, "POST", "/ens", headers, body)
        .expect("the receiver answers")
        .status
}

fn metric(server: &Server, line_start: &str) -> u64 {
    let metrics = String::from_utf8(get(server.address, "/metrics")).expect("text");
    metrics
        .lines()
        .find_map(|line| line.strip_prefix(line_start)?.trim().parse().ok())
        .unwrap_or_else(|| panic!("no {line_start} in {metrics}"))
}

fn rows(directory: &Path, table: &str) -> i64 {
    let database =
        rusqlite::Connection::open(directory.join("sms-status.sqlite")).expect("the database");
    database
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })
        .expect("a count")
}

#[test]
fn signatures_made_with_the_keys_text_or_its_bytes_are_both_accepted_and_counted() {
    let directory = with_keys("key-forms", &[KEY]);
    let server = Server::start(&directory, &[]);
    let json = ("Content-Type", "application/json");
    assert_eq!(
        post(&server, &[json, ("x-sfmc-ens-signature", BY_TEXT)], BODY),
        200
    );
    assert_eq!(
        post(&server, &[json, ("x-sfmc-ens-signature", BY_DECODED)], BODY),
        200
    );
    assert_eq!(
        metric(
            &server,
            "sms_status_signatures_valid_total{key_form=\"text\"}"
        ),
        1
    );
    assert_eq!(
        metric(
            &server,
            "sms_status_signatures_valid_total{key_form=\"base64_decoded\"}"
        ),
        1
    );
    assert_eq!(metric(&server, "sms_status_events_added_total"), 1);
    assert_eq!(metric(&server, "sms_status_events_duplicate_total"), 1);
    assert_eq!(rows(&directory, "ens_events"), 1);
}

/// What a refused request is, its content type, its signature header, its
/// body and the status it must get.
type Case<'a> = (&'a str, &'a str, Option<&'a str>, &'a [u8], u16);

#[test]
fn every_wrong_request_is_refused_and_nothing_is_stored() {
    let directory = with_keys("refusals", &[KEY]);
    let id = "65b885ab-c2b4-46fe-85d0-d6cb8be8057d";
    let server = Server::start(&directory, &["--callback-id", id]);
    let signature = sign(&key_bytes(), BODY);
    let other_key = sign(b"another key", BODY);
    let mut flipped = BODY.to_vec();
    flipped[40] ^= 0x01;
    let other_callback =
        br#"{"callbackId": "08b67f0e-5be8-4673-97e9-682c133f778c", "verificationKey": "k"}"#;
    let json = "application/json";
    let cases: [Case; 7] = [
        ("a flipped byte", json, Some(&signature), &flipped, 401),
        ("an unsigned batch", json, None, BODY, 401),
        ("an empty signature", json, Some(""), BODY, 401),
        (
            "not a signature",
            json,
            Some("bm90IGEgc2lnbmF0dXJl"),
            BODY,
            401,
        ),
        ("another key", json, Some(&other_key), BODY, 401),
        (
            "another callback's verification",
            json,
            None,
            other_callback,
            403,
        ),
        ("not JSON", "text/plain", Some(&signature), BODY, 415),
    ];
    for (what, content_type, signature, body, status) in cases {
        let mut headers = vec![("Content-Type", content_type)];
        headers.extend(signature.map(|signature| ("x-sfmc-ens-signature", signature)));
        assert_eq!(post(&server, &headers, body), status, "{what}");
    }
    let not_json = request(
        server.address,
        "POST",
        "/ens",
        &[("Content-Type", "text/plain")],
        BODY,
    )
    .unwrap();
    assert_eq!(
        not_json.text(),
        "expected Content-Type: application/json, not \"text/plain\"\n"
    );
    assert_eq!(oversize(&server), 413, "over 4 MiB");
    assert_eq!(
        request(server.address, "GET", "/ens", &[], b"")
            .unwrap()
            .status,
        405
    );
    assert_eq!(
        request(server.address, "GET", "/nothing", &[], b"")
            .unwrap()
            .status,
        404
    );

    assert_eq!(rows(&directory, "ens_events"), 0);
    assert_eq!(rows(&directory, "ens_verifications"), 0);
    assert!(get(server.address, "/events.jsonl").is_empty());
    let counted = [
        (
            "sms_status_signature_failures_total{reason=\"mismatch\"}",
            2,
        ),
        ("sms_status_signature_failures_total{reason=\"missing\"}", 1),
        (
            "sms_status_signature_failures_total{reason=\"malformed\"}",
            2,
        ),
        (
            "sms_status_requests_refused_total{reason=\"other_callback\"}",
            1,
        ),
        ("sms_status_requests_refused_total{reason=\"not_json\"}", 2),
        ("sms_status_requests_refused_total{reason=\"too_large\"}", 1),
    ];
    for (name, count) in counted {
        assert_eq!(metric(&server, name), count, "{name}");
    }
}

/// A request that declares a body over 4 MiB is answered from its
/// headers, before the body is sent.
fn oversize(server: &Server) -> u16 {
    let mut stream = TcpStream::connect(server.address).expect("a connection");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("a timeout");
    let length = (4 << 20) + 1;
    write!(
        stream,
        "POST /ens HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
         x-sfmc-ens-signature: {}\r\nContent-Length: {length}\r\n\r\n",
        sign(&key_bytes(), b"")
    )
    .expect("the headers are sent");
    let mut answer = [0; 12];
    stream
        .read_exact(&mut answer)
        .expect("an answer before the body");
    String::from_utf8_lossy(&answer[9..12])
        .parse()
        .expect("a status")
}

#[test]
fn the_configured_callbacks_verification_body_is_stored_and_the_request_to_send_logged() {
    let directory = with_keys("verification", &[KEY]);
    let id = "65b885ab-c2b4-46fe-85d0-d6cb8be8057d";
    let server = Server::start(&directory, &["--callback-id", id]);
    let body = format!(r#"{{"callbackId": "{id}", "verificationKey": "0f9e8d7c"}}"#);
    let answer = request(
        server.address,
        "POST",
        "/ens",
        &[("Content-Type", "application/json")],
        body.as_bytes(),
    )
    .unwrap();
    assert_eq!(answer.status, 200, "{}", answer.text());
    assert_eq!(rows(&directory, "ens_verifications"), 1);
    assert_eq!(rows(&directory, "ens_events"), 0);
    let expected = format!(
        "POST /platform/v1/ens-verify HTTP/1.1\nHost: YOUR_SUBDOMAIN.rest.marketingcloudapis.com\n\
         Authorization: Bearer YOUR_ACCESS_TOKEN\nContent-Type: application/json\n\n\
         {{\"callbackId\":\"{id}\",\"verificationKey\":\"0f9e8d7c\"}}\n"
    );
    let log = server.log_with(&expected);
    assert!(log.contains(&expected), "{log}");
}

#[test]
fn both_keys_are_accepted_during_a_rotation_and_the_old_one_not_after_it() {
    let new_key = "bmV3IGtleSBvZiAzMiBieXRlcywgYWZ0ZXIgcm90YXRl";
    let directory = with_keys("rotation", &[KEY, new_key]);
    let server = Server::start(&directory, &[]);
    let batch = |n: u32| {
        format!(
            r#"[{{"eventCategoryType":"TransactionalSendEvents.SmsSent","info":{{"messageKey":"m-{n}"}}}}]"#
        )
    };
    let old = key_bytes();
    assert_eq!(
        post_signed(server.address, &old, batch(1).as_bytes())
            .unwrap()
            .status,
        200
    );
    assert_eq!(
        post_signed(server.address, new_key.as_bytes(), batch(2).as_bytes())
            .unwrap()
            .status,
        200
    );
    // The old key is dropped from the file: the running receiver reads it
    // again and refuses the old key from then on.
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(directory.join("keys.txt"), format!("{new_key}\n")).unwrap();
    assert_eq!(
        post_signed(server.address, &old, batch(3).as_bytes())
            .unwrap()
            .status,
        401
    );
    assert_eq!(
        post_signed(server.address, new_key.as_bytes(), batch(4).as_bytes())
            .unwrap()
            .status,
        200
    );
    assert_eq!(rows(&directory, "ens_events"), 3);
}

#[test]
fn a_database_locked_by_another_process_gets_503_and_then_recovers() {
    let directory = with_keys("locked", &[KEY]);
    let server = Server::start(&directory, &[]);
    let locker = rusqlite::Connection::open(directory.join("sms-status.sqlite")).unwrap();
    locker.execute_batch("BEGIN IMMEDIATE").unwrap();
    let refused = post_signed(server.address, &key_bytes(), BODY).unwrap();
    assert_eq!(refused.status, 503, "{}", refused.text());
    locker.execute_batch("ROLLBACK").unwrap();
    assert_eq!(
        post_signed(server.address, &key_bytes(), BODY)
            .unwrap()
            .status,
        200
    );
    assert_eq!(rows(&directory, "ens_events"), 1);
    assert_eq!(metric(&server, "sms_status_store_failures_total"), 1);
}

#[test]
fn a_key_file_that_cannot_be_read_stops_the_server_before_it_listens() {
    let directory = scratch_dir("no-keys");
    let run = crate::common::sms_status_in(
        &directory,
        &[
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--signature-key-file",
            "missing.txt",
        ],
        None,
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("cannot read the signature key file missing.txt"),
        "{}",
        run.stderr
    );
}

#[test]
fn usage_mistakes_name_the_option_and_exit_2_before_anything_starts() {
    let directory = scratch_dir("usage");
    let cases = [
        (
            &["--listen", "nowhere"][..],
            "--listen: expected an address and a port",
        ),
        (
            &["--max-connections", "0"][..],
            "--max-connections: expected a number from 1 to 65536, not \"0\"",
        ),
        (
            &["--max-connections", "65537"][..],
            "--max-connections: expected a number from 1 to 65536, not \"65537\"",
        ),
        // More than the connections' semaphore can hold.
        (
            &["--max-connections", "18446744073709551615"][..],
            "--max-connections: expected a number from 1 to 65536",
        ),
        (
            &["--header-timeout", "-1"][..],
            "--header-timeout: expected a number of seconds above 0",
        ),
        (
            &["--write-timeout", "0"][..],
            "--write-timeout: expected a number of seconds above 0",
        ),
        (
            &["--write-timeout", "3600.5"][..],
            "--write-timeout: expected at most 3600 seconds, not 3600.5",
        ),
        (
            &["--sync", "sometimes"][..],
            "--sync: unknown sync mode \"sometimes\": expected full or normal",
        ),
        (
            &["--signature-key"][..],
            "did you mean --signature-key-file?",
        ),
    ];
    for (args, message) in cases {
        let mut all = vec!["serve"];
        all.extend_from_slice(args);
        let run = crate::common::sms_status_in(&directory, &all, None);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
    }
    assert!(
        !directory.join("sms-status.sqlite").exists(),
        "no database was made"
    );
}

#[test]
fn the_environment_names_the_database_as_the_option_does_and_the_option_wins() {
    let directory = with_keys("database-variable", &[KEY]);
    let variables = [("SMS_STATUS_DATABASE", "from-variable.sqlite")];
    let server = Server::start_with(&directory, "127.0.0.1:0", &[], &variables);
    assert!(directory.join("from-variable.sqlite").exists());
    assert!(!directory.join("sms-status.sqlite").exists());
    drop(server);
    let _server = Server::start_with(
        &directory,
        "127.0.0.1:0",
        &["--database", "from-option.sqlite"],
        &variables,
    );
    assert!(directory.join("from-option.sqlite").exists());
}
