//! A client that takes `GET /events.jsonl` slowly holds no database
//! transaction: the events are read a page at a time, so checkpoints
//! empty the write-ahead log while the client dawdles.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

use crate::serve::server::{KEY, Server, with_keys};

/// Adds `count` events after `first` to the receiver's database from
/// another connection, as a second receiver would; each is about 2 KB, so
/// that the events are far more than the sockets' buffers hold.
fn add_events(database: &rusqlite::Connection, first: u64, count: u64) {
    let padding = "p".repeat(2000);
    database.execute_batch("BEGIN").expect("a transaction");
    for n in first..first + count {
        let event = format!(
            r#"{{"eventCategoryType":"TransactionalSendEvents.SmsSent","info":{{"messageKey":"m-{n}","padding":"{padding}"}}}}"#
        );
        database
            .execute(
                "INSERT INTO ens_events (identity, received_ms, event) VALUES (?1, 0, ?2)",
                rusqlite::params![&n.to_be_bytes()[..], event],
            )
            .expect("an event is added");
    }
    database.execute_batch("COMMIT").expect("committed");
}

fn wal_bytes(directory: &Path) -> u64 {
    std::fs::metadata(directory.join("sms-status.sqlite-wal")).map_or(0, |meta| meta.len())
}

#[test]
fn a_slow_reader_of_the_events_does_not_keep_checkpoints_from_emptying_the_log() {
    let directory = with_keys("slow-reader", &[KEY]);
    let server = Server::start(&directory, &[]);
    let database =
        rusqlite::Connection::open(directory.join("sms-status.sqlite")).expect("the database");
    database
        .busy_timeout(Duration::from_secs(2))
        .expect("a busy timeout");
    add_events(&database, 0, 30_000);

    let mut stream = TcpStream::connect(server.address).expect("a connection");
    write!(
        stream,
        "GET /events.jsonl HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .expect("the request is sent");
    let mut start = vec![0; 1 << 16];
    stream.read_exact(&mut start).expect("the answer begins");
    // The client stops reading; the server fills the sockets' buffers and
    // waits for it.
    std::thread::sleep(Duration::from_secs(1));

    add_events(&database, 30_000, 1_000);
    assert!(wal_bytes(&directory) > 0);
    let (busy, _, _): (i64, i64, i64) = database
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })
        .expect("a checkpoint");
    assert_eq!(
        busy, 0,
        "a read transaction kept the checkpoint from ending"
    );
    assert_eq!(wal_bytes(&directory), 0);

    // The client takes the rest: every event, the ones added while it
    // dawdled too.
    let mut rest = Vec::new();
    stream
        .read_to_end(&mut rest)
        .expect("the rest of the answer");
    start.extend_from_slice(&rest);
    let lines = start
        .windows(b"messageKey".len())
        .filter(|window| *window == b"messageKey")
        .count();
    assert_eq!(lines, 31_000);
}
