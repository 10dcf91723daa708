//! A client that sends a request and then stops reading the answer cannot
//! hold its connection: the server closes it once a write has made no
//! progress for `--write-timeout`, while clients that read, however
//! slowly overall, get the whole answer.

use std::io::{ErrorKind, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use socket2::{Domain, Socket, Type};

use crate::serve::http::{get, post_signed, request};
use crate::serve::server::{KEY, Server, key_bytes, with_keys};

/// Events stored: each about 2 KB, so `GET /events.jsonl` is about
/// 30 MB, far more than the server's send buffer (4 MiB at most on
/// Linux) and hyper's buffers hold for a client that takes nothing.
const EVENTS: usize = 15_000;

/// The write timeout the servers here run with, in seconds.
const WRITE_TIMEOUT: u64 = 2;

/// Stores [`EVENTS`] events, sent as ENS sends them: signed batches of
/// 1,000.
fn store_large_events(address: SocketAddr) {
    let padding = "p".repeat(2000);
    for first in (0..EVENTS).step_by(1000) {
        let events: Vec<String> = (first..first + 1000)
            .map(|n| {
                format!(
                    r#"{{"eventCategoryType":"TransactionalSendEvents.SmsSent","timestampUTC":{n},"info":{{"messageKey":"m-{n}","to":"15550100","padding":"{padding}"}}}}"#
                )
            })
            .collect();
        let body = format!("[{}]", events.join(","));
        let answer = post_signed(address, &key_bytes(), body.as_bytes()).expect("an answer");
        assert_eq!(answer.status, 200, "{}", answer.text());
    }
}

/// A receiver with a short write timeout and `args`, holding [`EVENTS`]
/// events.
fn server_with_large_events(name: &str, args: &[&str]) -> Server {
    let directory = with_keys(name, &[KEY]);
    let timeout = WRITE_TIMEOUT.to_string();
    let mut all = vec!["--write-timeout", &timeout];
    all.extend_from_slice(args);
    let server = Server::start(&directory, &all);
    store_large_events(server.address);
    server
}

/// Sends `GET /events.jsonl` on a socket whose receive buffer is as small
/// as the kernel allows, and then reads nothing.
fn stalled_download(address: SocketAddr) -> TcpStream {
    let socket = Socket::new(Domain::for_address(address), Type::STREAM, None).expect("a socket");
    socket
        .set_recv_buffer_size(4096)
        .expect("a small receive buffer");
    socket.connect(&address.into()).expect("a connection");
    let mut stream = TcpStream::from(socket);
    write!(
        stream,
        "GET /events.jsonl HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .expect("the request is sent");
    stream
}

fn message_keys(bytes: &[u8]) -> usize {
    bytes
        .windows(b"messageKey".len())
        .filter(|window| *window == b"messageKey")
        .count()
}

/// Counts the connections the server closed for their writes, from
/// `GET /metrics`.
fn write_timeouts(address: SocketAddr) -> u64 {
    let metrics = String::from_utf8(get(address, "/metrics")).expect("text");
    metrics
        .lines()
        .find_map(|line| line.strip_prefix("sms_status_write_timeouts_total "))
        .and_then(|count| count.parse().ok())
        .unwrap_or_else(|| panic!("no write timeouts counted in {metrics}"))
}

/// What is left on `stream` once the server has closed it: the bytes the
/// kernels still held, then the end (or a reset). A server that still
/// holds the connection runs into the read timeout instead.
fn rest_after_close(stream: &mut TcpStream) -> Vec<u8> {
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("a timeout");
    let mut rest = Vec::new();
    match stream.read_to_end(&mut rest) {
        Ok(_) => {}
        Err(error) if error.kind() == ErrorKind::ConnectionReset => {}
        Err(error) => panic!("the connection was not closed: {error}"),
    }
    rest
}

/// `GET /events.jsonl` read whole, in stretches of 4 MB with a pause of
/// a quarter of the write timeout after each: a slow client, but one
/// that never leaves a write waiting for the timeout.
fn pausing_download(address: SocketAddr) -> Vec<u8> {
    let mut stream = TcpStream::connect(address).expect("a connection");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .expect("a timeout");
    write!(
        stream,
        "GET /events.jsonl HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .expect("the request is sent");
    let mut answer = Vec::new();
    let mut buffer = vec![0; 1 << 16];
    let mut stretch = 0;
    loop {
        let read = stream.read(&mut buffer).expect("the answer goes on");
        if read == 0 {
            return answer;
        }
        answer.extend_from_slice(&buffer[..read]);
        stretch += read;
        if stretch >= 4 << 20 {
            stretch = 0;
            thread::sleep(Duration::from_millis(WRITE_TIMEOUT * 1000 / 4));
        }
    }
}

#[test]
fn a_client_that_stops_reading_is_disconnected_within_the_write_timeout() {
    let server = server_with_large_events("stalled-reader", &[]);
    let mut stalled = stalled_download(server.address);
    let started = Instant::now();

    // Meanwhile, a client that reads with pauses is served the whole
    // answer, though it takes longer than the write timeout.
    let whole = pausing_download(server.address);
    assert!(started.elapsed() > Duration::from_secs(WRITE_TIMEOUT));
    assert_eq!(message_keys(&whole), EVENTS);
    assert!(whole.ends_with(b"\r\n0\r\n\r\n"), "the answer is complete");

    let deadline = Duration::from_secs(WRITE_TIMEOUT + 10);
    while write_timeouts(server.address) == 0 {
        assert!(
            started.elapsed() < deadline,
            "the stalled connection is still open after {:?}",
            started.elapsed()
        );
        thread::sleep(Duration::from_millis(100));
    }
    let rest = rest_after_close(&mut stalled);
    assert!(
        message_keys(&rest) < EVENTS,
        "the stalled client was sent the whole answer"
    );
    assert_eq!(write_timeouts(server.address), 1);
    let log = server.log_with("closed the connection from");
    assert_eq!(
        log.matches("took no bytes of the answer for 2 s").count(),
        1,
        "{log}"
    );
}

#[test]
fn a_stalled_reader_gives_back_its_connection_slot() {
    let server = server_with_large_events("stalled-slot", &["--max-connections", "1"]);
    let mut stalled = stalled_download(server.address);
    // The only slot is the stalled client's: the next connection waits in
    // the kernel's queue until the server closes that one.
    let (answered, answer) = mpsc::channel();
    let address = server.address;
    thread::spawn(move || {
        let _ = answered.send(request(address, "GET", "/healthz", &[], b""));
    });
    let deadline = Duration::from_secs(WRITE_TIMEOUT + 10);
    let healthz = answer
        .recv_timeout(deadline)
        .expect("the next client is served once the stalled one is closed")
        .expect("an answer");
    assert_eq!(healthz.status, 200);
    let rest = rest_after_close(&mut stalled);
    assert!(message_keys(&rest) < EVENTS);
}

#[test]
fn sigterm_stops_the_server_though_a_client_stopped_reading() {
    let server = server_with_large_events("stalled-sigterm", &[]);
    let mut stalled = stalled_download(server.address);
    // The answer has begun and filled the buffers when the signal comes.
    thread::sleep(Duration::from_millis(300));
    let pid = server.pid().to_string();
    let (stopped, stop) = mpsc::channel();
    thread::spawn(move || {
        let _ = stopped.send(server.terminate());
    });
    let Ok(status) = stop.recv_timeout(Duration::from_secs(WRITE_TIMEOUT + 10)) else {
        // Not left running after the test.
        let _ = std::process::Command::new("kill")
            .args(["-KILL", &pid])
            .status();
        panic!("the server did not stop: the stalled answer held it");
    };
    assert_eq!(status.code(), Some(0));
    let rest = rest_after_close(&mut stalled);
    assert!(message_keys(&rest) < EVENTS);
}
