//! SIGTERM: the receiver finishes the batch it has begun to receive,
//! stores it, answers it, and exits with 0.

use std::io::Write;
use std::time::Duration;

use crate::serve::http::{begin_post, get, request, status_on};
use crate::serve::server::{KEY, Server, key_bytes, with_keys};

#[test]
fn sigterm_finishes_the_batch_being_received_then_exits_with_0() {
    let directory = with_keys("sigterm", &[KEY]);
    let server = Server::start(&directory, &[]);
    let body = br#"[{"eventCategoryType":"TransactionalSendEvents.SmsSent","timestampUTC":1,"info":{"messageKey":"m-1","to":"15550100001"}}]"#;
    let mut stream = begin_post(server.address, &key_bytes(), body, 20);
    // The request is being served when the signal comes.
    std::thread::sleep(Duration::from_millis(300));
    let address = server.address;
    let pid = server.pid().to_string();
    let stopping = std::thread::spawn(move || server.terminate());
    std::thread::sleep(Duration::from_millis(300));
    stream.write_all(&body[20..]).expect("the rest of the body");
    assert_eq!(
        status_on(&mut stream),
        "200",
        "the batch begun before SIGTERM is acknowledged"
    );
    let status = stopping.join().expect("the server stopped");
    assert_eq!(status.code(), Some(0), "pid {pid}");
    assert!(
        request(address, "GET", "/healthz", &[], b"").is_err(),
        "still listening"
    );

    let restarted = Server::start(&directory, &[]);
    let stored = get(restarted.address, "/events.jsonl");
    assert_eq!(
        stored.split(|&byte| byte == b'\n').count(),
        2,
        "one event, one line"
    );
}
