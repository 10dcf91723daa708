//! The unsigned verification body, which anyone can send: bounded in
//! length, kept once for each callback (the newest), a bounded number of
//! callbacks, and never written raw into the log.

use std::path::Path;

use crate::serve::http::request;
use crate::serve::server::{KEY, Server, with_keys};

fn send(server: &Server, callback_id: &str, verification_key: &str) -> u16 {
    let body = serde_json::json!({
        "callbackId": callback_id,
        "verificationKey": verification_key,
    });
    request(
        server.address,
        "POST",
        "/ens",
        &[("Content-Type", "application/json")],
        body.to_string().as_bytes(),
    )
    .expect("the receiver answers")
    .status
}

/// Every stored verification, callback and key, oldest first.
fn stored(directory: &Path) -> Vec<(String, String)> {
    let database =
        rusqlite::Connection::open(directory.join("sms-status.sqlite")).expect("the database");
    let mut select = database
        .prepare("SELECT callback_id, verification_key FROM ens_verifications ORDER BY received_ms, callback_id")
        .expect("a query");
    select
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .expect("rows")
        .collect::<Result<_, _>>()
        .expect("rows")
}

#[test]
fn a_callbacks_verification_sent_again_replaces_the_one_kept() {
    let directory = with_keys("verification-again", &[KEY]);
    let server = Server::start(&directory, &[]);
    let id = "65b885ab-c2b4-46fe-85d0-d6cb8be8057d";
    assert_eq!(send(&server, id, "first"), 200);
    std::thread::sleep(std::time::Duration::from_millis(5));
    assert_eq!(send(&server, id, "second"), 200);
    assert_eq!(stored(&directory), [(id.to_owned(), "second".to_owned())]);
}

#[test]
fn only_the_newest_callbacks_verifications_are_kept() {
    let directory = with_keys("verification-many", &[KEY]);
    let server = Server::start(&directory, &[]);
    for n in 0..70 {
        assert_eq!(send(&server, &format!("callback-{n:02}"), "k"), 200);
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let kept: Vec<String> = stored(&directory).into_iter().map(|(id, _)| id).collect();
    let newest: Vec<String> = (6..70).map(|n| format!("callback-{n:02}")).collect();
    assert_eq!(kept, newest);
}

#[test]
fn an_over_long_verification_gets_400_is_not_stored_and_is_logged_cut() {
    let directory = with_keys("verification-long", &[KEY]);
    let server = Server::start(&directory, &[]);
    let over = "k".repeat(513);
    assert_eq!(
        send(&server, "65b885ab-c2b4-46fe-85d0-d6cb8be8057d", &over),
        400
    );
    assert_eq!(send(&server, &over, "key"), 400);
    // The longest taken.
    let longest = "k".repeat(512);
    assert_eq!(send(&server, &longest, &longest), 200);
    assert_eq!(stored(&directory), [(longest.clone(), longest.clone())]);
    let log = server.log_with("513 bytes in all");
    assert!(log.contains("is over 512 bytes"), "{log}");
    assert!(!log.contains(&over), "{log}");
}

#[test]
fn another_callbacks_long_verification_gets_403_and_the_log_shows_it_cut() {
    let directory = with_keys("verification-other", &[KEY]);
    let id = "65b885ab-c2b4-46fe-85d0-d6cb8be8057d";
    let server = Server::start(&directory, &["--callback-id", id]);
    let other = format!("\u{1b}[2J{}", "x".repeat(100_000));
    assert_eq!(send(&server, &other, "key"), 403);
    assert!(stored(&directory).is_empty());
    let log = server.log_with("100004 bytes in all");
    assert!(log.contains(r#""\u{1b}[2Jxxx"#), "{log}");
    assert!(
        !log.contains(&"x".repeat(1000)),
        "the log holds the whole id"
    );
    assert!(!log.contains('\u{1b}'), "the log holds a raw escape");
}

#[test]
fn control_and_invisible_characters_are_stored_as_sent_and_logged_escaped() {
    let directory = with_keys("verification-control", &[KEY]);
    let server = Server::start(&directory, &[]);
    let id = "65b885ab-c2b4-46fe-85d0-d6cb8be8057d";
    let key = "a\u{1b}[31mb\u{2028}c\u{202e}d\re";
    assert_eq!(send(&server, id, key), 200);
    assert_eq!(stored(&directory), [(id.to_owned(), key.to_owned())]);
    let expected = format!(
        "{{\"callbackId\":\"{id}\",\"verificationKey\":\"a\\u001b[31mb\\u2028c\\u202ed\\u000de\"}}\n"
    );
    let log = server.log_with(&expected);
    assert!(log.contains(&expected), "{log}");
    for raw in ['\u{1b}', '\u{2028}', '\u{202e}', '\r'] {
        assert!(!log.contains(raw), "{raw:?} raw in {log}");
    }
}
