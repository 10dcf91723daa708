//! Starting, killing and stopping the receiver as a separate process.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The signature key of Salesforce's create-callback example.
pub(crate) const KEY: &str = "V27FXfqI3DnhfQW1bhFDeJixpt8eDAY5R24UJI3cK6M=";

/// The key's bytes, the form most receivers sign with.
pub(crate) fn key_bytes() -> Vec<u8> {
    STANDARD.decode(KEY).expect("the key is base64")
}

/// A new, empty directory for one test's files.
pub(crate) fn scratch_dir(name: &str) -> PathBuf {
    let directory = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("serve")
        .join(name);
    let _ = std::fs::remove_dir_all(&directory);
    std::fs::create_dir_all(&directory).expect("the scratch directory can be made");
    directory
}

/// A directory with a key file holding `keys`, one a line.
pub(crate) fn with_keys(name: &str, keys: &[&str]) -> PathBuf {
    let directory = scratch_dir(name);
    let mut text = keys.join("\n");
    text.push('\n');
    std::fs::write(directory.join("keys.txt"), text).expect("the key file can be written");
    directory
}

/// A running `sms-status serve`.
pub(crate) struct Server {
    child: Child,
    pub(crate) address: SocketAddr,
    log: Arc<Mutex<String>>,
}

impl Server {
    /// Starts the receiver in `directory` on a free loopback port, with
    /// the key file `keys.txt` there and `args`, and waits until it
    /// listens.
    pub(crate) fn start(directory: &Path, args: &[&str]) -> Self {
        Self::start_on(directory, "127.0.0.1:0", args)
    }

    /// As [`Server::start`], listening on `listen`.
    pub(crate) fn start_on(directory: &Path, listen: &str, args: &[&str]) -> Self {
        Self::start_with(directory, listen, args, &[])
    }

    /// As [`Server::start_on`], with the environment variables `variables`.
    pub(crate) fn start_with(
        directory: &Path,
        listen: &str,
        args: &[&str],
        variables: &[(&str, &str)],
    ) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sms-status"))
            // A status table named in the tester's environment would
            // change what the receiver serves.
            .env_remove("SMS_STATUS_CODES")
            .env_remove("SMS_STATUS_DATABASE")
            .args([
                "serve",
                "--listen",
                listen,
                "--signature-key-file",
                "keys.txt",
            ])
            .args(args)
            .current_dir(directory)
            .env_remove("SMS_STATUS_SIGNATURE_KEY")
            .envs(variables.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the sms-status binary runs");
        let stderr = child.stderr.take().expect("piped stderr");
        let log = Arc::new(Mutex::new(String::new()));
        let (listening, address) = mpsc::channel();
        let kept = Arc::clone(&log);
        thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                if let Some(address) = line.strip_prefix("sms-status serve: listening on http://") {
                    let _ = listening.send(address.parse::<SocketAddr>().expect("an address"));
                }
                let mut log = kept.lock().expect("the log");
                log.push_str(&line);
                log.push('\n');
            }
        });
        let Ok(address) = address.recv_timeout(Duration::from_secs(60)) else {
            let _ = child.kill();
            let status = child.wait();
            thread::sleep(Duration::from_millis(100));
            panic!(
                "the server did not start ({status:?}): {}",
                log.lock().expect("the log")
            );
        };
        Self {
            child,
            address,
            log,
        }
    }

    /// The server's stderr once it holds `text` (it is read by a thread
    /// of its own, a moment after the server writes it), or after 10 s.
    pub(crate) fn log_with(&self, text: &str) -> String {
        for _ in 0..1000 {
            let log = self.log.lock().expect("the log").clone();
            if log.contains(text) {
                return log;
            }
            thread::sleep(Duration::from_millis(10));
        }
        self.log.lock().expect("the log").clone()
    }

    /// SIGKILL: the process ends at once, whatever it was doing.
    pub(crate) fn kill(mut self) {
        self.child.kill().expect("the server can be killed");
        self.child.wait().expect("the killed server is reaped");
    }

    /// SIGTERM, then the exit status once the server has stopped.
    pub(crate) fn terminate(mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status();
        assert!(
            sent.is_ok_and(|status| status.success()),
            "kill -TERM {pid}"
        );
        self.child.wait().expect("the server stops")
    }

    /// The process id, to signal it.
    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// A new, empty database named `name` on the PostgreSQL server `server`
/// (a URL), as a URL; made with `psql`, which comes with the server.
pub(crate) fn fresh_database(server: &str, name: &str) -> String {
    let created = Command::new("psql")
        .env("PGOPTIONS", "-c client_min_messages=warning")
        .args([server, "-v", "ON_ERROR_STOP=1", "-q"])
        .args(["-c", &format!("DROP DATABASE IF EXISTS {name}")])
        .args(["-c", &format!("CREATE DATABASE {name}")])
        .status()
        .expect("psql runs");
    assert!(created.success(), "psql could not create {name}");
    let (base, _) = server.rsplit_once('/').expect("a URL with a database");
    format!("{base}/{name}")
}
