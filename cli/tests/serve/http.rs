//! A small HTTP/1.1 client for the tests: one request per connection,
//! written and read by hand so that a test controls every byte (a missing
//! header, a wrong content type, a body sent slowly).

use std::fmt::Write as _;
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// An answer: its status and body.
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) body: Vec<u8>,
}

impl Answer {
    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends one request and reads the whole answer. `headers` are written
/// as given; `Content-Length` is added when there is a body.
pub(crate) fn request(
    address: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> io::Result<Answer> {
    let mut stream = TcpStream::connect_timeout(&address, Duration::from_secs(5))?;
    // Long enough for a debug build to resolve 100,000 events.
    stream.set_read_timeout(Some(Duration::from_secs(600)))?;
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n");
    for (name, value) in headers {
        let _ = write!(head, "{name}: {value}\r\n");
    }
    if method == "POST" {
        let _ = write!(head, "Content-Length: {}\r\n", body.len());
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer)?;
    parse(&answer)
}

fn parse(answer: &[u8]) -> io::Result<Answer> {
    let broken = || io::Error::new(io::ErrorKind::InvalidData, "not an HTTP answer");
    let end = answer
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .ok_or_else(broken)?;
    let head = std::str::from_utf8(&answer[..end]).map_err(|_| broken())?;
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(broken)?;
    let body = &answer[end + 4..];
    let chunked = head
        .to_ascii_lowercase()
        .contains("\r\ntransfer-encoding: chunked");
    let body = if chunked {
        dechunk(body).ok_or_else(broken)?
    } else {
        body.to_vec()
    };
    Ok(Answer { status, body })
}

/// A chunked body's data; `None` when it is cut short (the server ended
/// it with an error).
fn dechunk(mut chunked: &[u8]) -> Option<Vec<u8>> {
    let mut body = Vec::new();
    loop {
        let line_end = chunked.windows(2).position(|pair| pair == b"\r\n")?;
        let size = std::str::from_utf8(&chunked[..line_end]).ok()?;
        let size = usize::from_str_radix(size.split(';').next()?.trim(), 16).ok()?;
        let data = chunked.get(line_end + 2..line_end + 2 + size)?;
        if size == 0 {
            return Some(body);
        }
        body.extend_from_slice(data);
        chunked = chunked.get(line_end + 2 + size + 2..)?;
    }
}

/// `GET path`, which must answer 200; its body.
pub(crate) fn get(address: SocketAddr, path: &str) -> Vec<u8> {
    let answer = request(address, "GET", path, &[], b"").expect("the server answers");
    assert_eq!(answer.status, 200, "GET {path}: {}", answer.text());
    answer.body
}

/// base64(HMAC-SHA256(key, body)), as ENS signs.
pub(crate) fn sign(key: &[u8], body: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("any key length");
    mac.update(body);
    STANDARD.encode(mac.finalize().into_bytes())
}

/// Posts `body` to `/ens` as ENS does, signed with `key`.
pub(crate) fn post_signed(address: SocketAddr, key: &[u8], body: &[u8]) -> io::Result<Answer> {
    let signature = sign(key, body);
    request(
        address,
        "POST",
        "/ens",
        &[
            ("Content-Type", "application/json"),
            ("x-sfmc-ens-signature", &signature),
        ],
        body,
    )
}

/// Opens a connection and sends a signed `POST /ens` whose headers
/// announce all of `body` but whose body stops after `sent` bytes: the
/// rest is the caller's to send, or not.
pub(crate) fn begin_post(address: SocketAddr, key: &[u8], body: &[u8], sent: usize) -> TcpStream {
    let mut stream = TcpStream::connect(address).expect("a connection");
    write!(
        stream,
        "POST /ens HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
         x-sfmc-ens-signature: {}\r\nContent-Length: {}\r\n\r\n",
        sign(key, body),
        body.len()
    )
    .expect("the headers are sent");
    stream.write_all(&body[..sent]).expect("a part of the body");
    stream
}

/// Reads the status of the answer on `stream`, within 10 s.
pub(crate) fn status_on(stream: &mut TcpStream) -> String {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("a timeout");
    let mut answer = [0; 12];
    stream.read_exact(&mut answer).expect("an answer");
    String::from_utf8_lossy(&answer[9..12]).into_owned()
}
