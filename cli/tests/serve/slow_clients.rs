//! A client that sends its request slowly cannot hold a connection.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::serve::http::{begin_post, request, status_on};
use crate::serve::server::{KEY, Server, key_bytes, with_keys};

/// Sends a header a byte at a time, every 200 ms, until the server closes
/// the connection; returns how long that took.
fn trickle_headers(stream: &mut TcpStream) -> Duration {
    let started = Instant::now();
    stream
        .write_all(b"POST /ens HTTP/1.1\r\nHost: x\r\n")
        .expect("the start is sent");
    stream
        .set_read_timeout(Some(Duration::from_millis(200)))
        .expect("a timeout");
    let mut buffer = [0; 256];
    for byte in b"x-slow-header: ".iter().cycle() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "still open after 30 s"
        );
        if stream.write_all(&[*byte]).is_err() {
            return started.elapsed();
        }
        // Anything but "nothing yet" means the server answered or closed.
        match stream.read(&mut buffer) {
            Err(error) if matches!(error.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            _ => return started.elapsed(),
        }
    }
    unreachable!("the cycle does not end")
}

#[test]
fn a_slowloris_connection_is_closed_within_the_header_timeout() {
    let directory = with_keys("slowloris", &[KEY]);
    let server = Server::start(&directory, &["--header-timeout", "2"]);
    let mut stream = TcpStream::connect(server.address).expect("a connection");
    let took = trickle_headers(&mut stream);
    assert!(
        took >= Duration::from_millis(1500),
        "closed after {took:?}, before the timeout"
    );
    assert!(took < Duration::from_secs(5), "closed after {took:?}");
    // The server still serves others.
    assert_eq!(
        request(server.address, "GET", "/healthz", &[], b"")
            .unwrap()
            .status,
        200
    );
}

#[test]
fn an_idle_connection_is_closed_within_the_header_timeout() {
    let directory = with_keys("idle", &[KEY]);
    let server = Server::start(&directory, &["--header-timeout", "2"]);
    let mut stream = TcpStream::connect(server.address).expect("a connection");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("a timeout");
    let started = Instant::now();
    let mut buffer = [0; 256];
    let read = stream.read(&mut buffer);
    let took = started.elapsed();
    assert!(matches!(read, Ok(0)) || read.is_err(), "{read:?}");
    assert!(took < Duration::from_secs(5), "closed after {took:?}");
}

#[test]
fn a_body_that_does_not_arrive_in_time_gets_408_and_is_not_stored() {
    let directory = with_keys("slow-body", &[KEY]);
    let server = Server::start(&directory, &["--body-timeout", "1"]);
    let body =
        br#"[{"eventCategoryType":"TransactionalSendEvents.SmsSent","info":{"messageKey":"m-1"}}]"#;
    let mut stream = begin_post(server.address, &key_bytes(), body, 10);
    assert_eq!(status_on(&mut stream), "408");
    assert!(crate::serve::http::get(server.address, "/events.jsonl").is_empty());
}
