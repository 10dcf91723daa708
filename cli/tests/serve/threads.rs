//! A receiver that cannot start a thread (its address space is full)
//! answers 503 and goes on serving, rather than panicking.

use std::process::Command;

use crate::serve::http::{post_signed, request};
use crate::serve::server::{KEY, Server, key_bytes, with_keys};

/// The process's address space now, in bytes, from /proc.
fn address_space(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc");
    let kib: u64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmSize:"))
        .and_then(|size| size.trim().strip_suffix("kB"))
        .and_then(|size| size.trim().parse().ok())
        .expect("a VmSize line");
    kib * 1024
}

/// Sets the process's soft limit on its address space with `prlimit`
/// (util-linux); the hard limit stays unlimited, so it can be raised again.
fn limit_address_space(pid: u32, soft: &str) {
    let set = Command::new("prlimit")
        .args(["--pid", &pid.to_string(), &format!("--as={soft}:unlimited")])
        .status()
        .expect("prlimit runs");
    assert!(set.success(), "prlimit --as={soft}");
}

#[test]
fn a_receiver_that_cannot_start_a_thread_answers_503_and_goes_on() {
    let directory = with_keys("no-threads", &[KEY]);
    // glibc keeps the stacks of ended threads for new ones; without that
    // cache, each new thread needs new memory.
    let server = Server::start_with(
        &directory,
        "127.0.0.1:0",
        &[],
        &[("GLIBC_TUNABLES", "glibc.pthread.stack_cache_size=0")],
    );
    let batch = |n: u32| {
        format!(
            r#"[{{"eventCategoryType":"TransactionalSendEvents.SmsSent","info":{{"messageKey":"m-{n}"}}}}]"#
        )
    };
    let post = |n: u32| {
        post_signed(server.address, &key_bytes(), batch(n).as_bytes())
            .unwrap()
            .status
    };
    assert_eq!(post(1), 200);
    let report = || request(server.address, "GET", "/report.json", &[], b"").unwrap();
    assert_eq!(report().status, 200);
    // An event the report has not read yet, so that it is read again.
    assert_eq!(post(2), 200);

    // The threads of the requests before have ended (and given back their
    // stacks) a moment after their answers. Then a quarter of a megabyte
    // more than it has: enough for a request's buffers, too little for a
    // thread's stack (2 MiB).
    std::thread::sleep(std::time::Duration::from_millis(200));
    let room = address_space(server.pid()) + (1 << 18);
    limit_address_space(server.pid(), &room.to_string());
    // Resolving reads the events on a second thread while the first
    // resolves them: two stacks at once, which the room never holds.
    let refused = report();
    limit_address_space(server.pid(), "unlimited");

    assert_eq!(refused.status, 503, "{}", refused.text());
    assert_eq!(
        refused.text(),
        "the server cannot start the work now; ask again\n"
    );
    let log = server.log_with("cannot start a thread");
    assert!(log.contains("cannot start a thread"), "{log}");
    assert!(!log.contains("panicked"), "{log}");
    // With room again, it serves as before.
    assert_eq!(report().status, 200);
    assert_eq!(
        request(server.address, "GET", "/events.jsonl", &[], b"")
            .unwrap()
            .status,
        200
    );
}
