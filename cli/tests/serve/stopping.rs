//! SIGTERM: the receiver finishes the batch it has begun to receive,
//! stores it, answers it, and exits with 0.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use crate::http::{get, request, sign};
use crate::server::{KEY, Server, key_bytes, with_keys};

#[test]
fn sigterm_finishes_the_batch_being_received_then_exits_with_0() {
    let directory = with_keys("sigterm", &[KEY]);
    let server = Server::start(&directory, &[]);
    let body = br#"[{"eventCategoryType":"TransactionalSendEvents.SmsSent","timestampUTC":1,"info":{"messageKey":"m-1","to":"15550100001"}}]"#;
    let mut stream = TcpStream::connect(server.address).expect("a connection");
    write!(
        stream,
        "POST /ens HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
         x-sfmc-ens-signature: {}\r\nContent-Length: {}\r\n\r\n",
        sign(&key_bytes(), body),
        body.len()
    )
    .expect("the headers are sent");
    stream.write_all(&body[..20]).expect("a part of the body");
    // The request is being served when the signal comes.
    std::thread::sleep(Duration::from_millis(300));
    let address = server.address;
    let pid = server.pid().to_string();
    let stopping = std::thread::spawn(move || server.terminate());
    std::thread::sleep(Duration::from_millis(300));
    stream.write_all(&body[20..]).expect("the rest of the body");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a timeout");
    let mut answer = [0; 12];
    stream.read_exact(&mut answer).expect("an answer");
    assert_eq!(
        &answer[9..12],
        b"200",
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
