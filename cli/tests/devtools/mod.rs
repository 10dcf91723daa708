//! A small client of Chromium's DevTools protocol, enough to open a page
//! and evaluate an expression in it: how a test measures what a page
//! draws without the page running a script of its own.
//!
//! The protocol runs over `--remote-debugging-pipe`: Chromium reads
//! commands from its file descriptor 3 and writes answers and events to
//! 4, each a JSON text ended by a NUL byte. `sh` moves the child's pipes
//! to those descriptors, as the standard library gives a child only 0 to
//! 2. Commands go to the page's session in flat mode (`sessionId`).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

use serde_json::{Value, json};

/// How long one command may take before the test gives up on Chromium.
const PATIENCE: Duration = Duration::from_secs(60);

/// A headless Chromium with its protocol pipe.
pub(crate) struct Browser {
    child: Child,
    profile: PathBuf,
    commands: ChildStdin,
    answers: Receiver<Value>,
    next_id: u64,
}

impl Browser {
    /// Starts `chromium` headless, in the fresh profile directory
    /// `profile` (removed again when the browser is dropped).
    pub(crate) fn start(chromium: &Path, profile: &Path) -> Self {
        let _ = std::fs::remove_dir_all(profile);
        let mut child = Command::new("sh")
            .arg("-c")
            .arg("exec \"$0\" \"$@\" 3<&0 4>&1 0</dev/null 1>&2")
            .arg(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--remote-debugging-pipe",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("about:blank")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromium starts");
        let commands = child.stdin.take().expect("a command pipe");
        let answers = child.stdout.take().expect("an answer pipe");
        let (send, receive) = mpsc::channel();
        std::thread::spawn(move || {
            let mut answers = BufReader::new(answers);
            let mut message = Vec::new();
            while answers.read_until(0, &mut message).unwrap_or(0) > 0 {
                if message.last() == Some(&0) {
                    message.pop();
                }
                let Ok(value) = serde_json::from_slice::<Value>(&message) else {
                    break;
                };
                if send.send(value).is_err() {
                    break;
                }
                message.clear();
            }
        });
        Self {
            child,
            profile: profile.to_owned(),
            commands,
            answers: receive,
            next_id: 0,
        }
    }

    /// Sends `method` with `params`, to `session` when given, and returns
    /// its answer's `result`; an error answer fails the test.
    pub(crate) fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut command = json!({ "id": id, "method": method });
        command["params"] = params;
        if let Some(session) = session {
            command["sessionId"] = json!(session);
        }
        let mut bytes = serde_json::to_vec(&command).expect("a command as JSON");
        bytes.push(0);
        self.commands
            .write_all(&bytes)
            .and_then(|()| self.commands.flush())
            .expect("chromium takes the command");
        loop {
            let answer = self
                .answers
                .recv_timeout(PATIENCE)
                .unwrap_or_else(|_| panic!("chromium did not answer {method} within a minute"));
            if answer["id"] == id {
                assert!(
                    answer.get("error").is_none(),
                    "{method}: {}",
                    answer["error"]
                );
                return answer["result"].clone();
            }
        }
    }

    /// Opens `url` in a new tab of `width` by `height` CSS pixels and
    /// returns the tab's id and its session.
    pub(crate) fn open(&mut self, url: &str, width: u32, height: u32) -> (String, String) {
        let target =
            self.call(None, "Target.createTarget", json!({ "url": "about:blank" }))["targetId"]
                .as_str()
                .expect("a target id")
                .to_owned();
        let session = self.call(
            None,
            "Target.attachToTarget",
            json!({ "targetId": target, "flatten": true }),
        )["sessionId"]
            .as_str()
            .expect("a session id")
            .to_owned();
        self.call(
            Some(&session),
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
        );
        self.call(Some(&session), "Page.navigate", json!({ "url": url }));
        // Until the page has replaced the blank one and loaded.
        let started = std::time::Instant::now();
        let loaded = format!(
            "location.href === {} && document.readyState === 'complete'",
            json!(url)
        );
        while self.call(
            Some(&session),
            "Runtime.evaluate",
            json!({ "expression": loaded, "returnByValue": true }),
        )["result"]["value"]
            != json!(true)
        {
            assert!(started.elapsed() < PATIENCE, "{url} did not load");
            std::thread::sleep(Duration::from_millis(20));
        }
        (target, session)
    }

    /// The value of `expression`, evaluated in the page of `session` once
    /// its fonts are ready. The expression runs in the protocol's own
    /// context: the page's content policy, which forbids its scripts,
    /// does not apply to it.
    pub(crate) fn evaluate(&mut self, session: &str, expression: &str) -> Value {
        let ready = format!("document.fonts.ready.then(() => ({expression}))");
        let result = self.call(
            Some(session),
            "Runtime.evaluate",
            json!({ "expression": ready, "awaitPromise": true, "returnByValue": true }),
        );
        assert!(
            result.get("exceptionDetails").is_none(),
            "the expression failed: {}",
            result["exceptionDetails"]
        );
        result["result"]["value"].clone()
    }

    /// Closes the tab `target`.
    pub(crate) fn close(&mut self, target: &str) {
        self.call(None, "Target.closeTarget", json!({ "targetId": target }));
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}
