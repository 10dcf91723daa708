"""A minimal Language Server Protocol client over a child's stdin/stdout.

It speaks just enough JSON-RPC to drive rust-analyzer the way an editor
does: requests with replies, notifications both ways, and answers to the
few requests the server sends back (configuration, progress tokens, watcher
registration). It records what the server pushes (diagnostics, progress,
server status, watcher globs) so a caller can wait for the server to settle
and then read the results.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from pathlib import Path
from typing import Any


class LspError(RuntimeError):
    """The server answered a request with an error, or did not answer in time."""


class LspClient:
    """One running language server and what it has told us so far."""

    def __init__(self, command: list[str], cwd: Path, env: dict[str, str], log_path: Path):
        self._log = log_path.open("a", encoding="utf-8")
        self._stderr = (log_path.with_suffix(".stderr")).open("ab")
        self._process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
        )
        self._lock = threading.Condition()
        self._next_id = 1
        self._replies: dict[int, dict[str, Any]] = {}
        self.settings: dict[str, Any] = {}
        self.diagnostics: dict[str, list[dict[str, Any]]] = {}
        self.quiescent = False
        self.status_message: str | None = None
        self.active_progress: dict[Any, str] = {}
        self.watchers: list[dict[str, Any]] = []
        self.last_activity = time.monotonic()
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()

    # ---- wire format -------------------------------------------------------

    def _write(self, message: dict[str, Any]) -> None:
        body = json.dumps(message).encode("utf-8")
        self._log_line("->", message)
        with self._lock:
            # What we send may start work (a save starts `cargo check`): the
            # quiet period that counts as settled starts after it.
            self.last_activity = time.monotonic()
        assert self._process.stdin is not None
        self._process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self._process.stdin.flush()

    def _read_message(self) -> dict[str, Any] | None:
        stream = self._process.stdout
        assert stream is not None
        length = None
        while True:
            line = stream.readline()
            if not line:
                return None
            line = line.strip()
            if not line:
                break
            name, _, value = line.decode("ascii").partition(":")
            if name.lower() == "content-length":
                length = int(value.strip())
        if length is None:
            raise LspError("server sent a message without Content-Length")
        return json.loads(stream.read(length))

    def _log_line(self, direction: str, message: dict[str, Any]) -> None:
        stamp = time.strftime("%H:%M:%S")
        self._log.write(f"{stamp} {direction} {json.dumps(message)[:4000]}\n")
        self._log.flush()

    # ---- dispatch ----------------------------------------------------------

    def _read_loop(self) -> None:
        while True:
            message = self._read_message()
            if message is None:
                with self._lock:
                    self._lock.notify_all()
                return
            self._log_line("<-", message)
            with self._lock:
                self.last_activity = time.monotonic()
                if "method" in message and "id" in message:
                    self._answer_server_request(message)
                elif "method" in message:
                    self._record_notification(message)
                else:
                    self._replies[message["id"]] = message
                self._lock.notify_all()

    def _answer_server_request(self, request: dict[str, Any]) -> None:
        method = request["method"]
        result: Any = None
        if method == "workspace/configuration":
            result = [self.settings for _ in request["params"]["items"]]
        elif method == "client/registerCapability":
            for registration in request["params"]["registrations"]:
                if registration["method"] == "workspace/didChangeWatchedFiles":
                    self.watchers.extend(registration["registerOptions"]["watchers"])
        self._write({"jsonrpc": "2.0", "id": request["id"], "result": result})

    def _record_notification(self, note: dict[str, Any]) -> None:
        method, params = note["method"], note.get("params", {})
        if method == "textDocument/publishDiagnostics":
            self.diagnostics[params["uri"]] = params["diagnostics"]
        elif method == "experimental/serverStatus":
            self.quiescent = bool(params.get("quiescent"))
            self.status_message = params.get("message")
        elif method == "$/progress":
            value = params["value"]
            if value["kind"] == "begin":
                self.active_progress[params["token"]] = value.get("title", "")
            elif value["kind"] == "end":
                self.active_progress.pop(params["token"], None)

    # ---- public API --------------------------------------------------------

    def request(self, method: str, params: Any, timeout: float = 300.0) -> Any:
        """Sends a request and returns its result, retrying while the server
        says the content changed under it (rust-analyzer's -32801)."""
        deadline = time.monotonic() + timeout
        while True:
            reply = self._request_once(method, params, deadline)
            error = reply.get("error")
            if error is None:
                return reply.get("result")
            if error.get("code") == -32801 and time.monotonic() < deadline:
                time.sleep(0.5)
                continue
            raise LspError(f"{method} failed: {error}")

    def _request_once(self, method: str, params: Any, deadline: float) -> dict[str, Any]:
        with self._lock:
            request_id = self._next_id
            self._next_id += 1
        self._write({"jsonrpc": "2.0", "id": request_id, "method": method, "params": params})
        with self._lock:
            while request_id not in self._replies:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._process.poll() is not None:
                    raise LspError(f"{method}: no answer from the server")
                self._lock.wait(remaining)
            return self._replies.pop(request_id)

    def notify(self, method: str, params: Any) -> None:
        """Sends a notification."""
        self._write({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_until_settled(self, quiet_seconds: float = 5.0, timeout: float = 900.0) -> float:
        """Waits until the server is quiescent, runs no progress (indexing,
        build scripts, `cargo check`) and has been silent for `quiet_seconds`.
        Returns the seconds waited."""
        start = time.monotonic()
        with self._lock:
            while True:
                now = time.monotonic()
                if now - start > timeout:
                    raise LspError(
                        f"server did not settle in {timeout:.0f} s; still running: "
                        f"{sorted(self.active_progress.values())}"
                    )
                if self._process.poll() is not None:
                    raise LspError(f"server exited with {self._process.returncode}")
                idle = now - self.last_activity
                if self.quiescent and not self.active_progress and idle >= quiet_seconds:
                    return now - start
                self._lock.wait(0.5)

    def diagnostics_for(self, path: Path) -> list[dict[str, Any]]:
        """The last diagnostics the server published for `path`."""
        with self._lock:
            return list(self.diagnostics.get(path.as_uri(), []))

    def shutdown(self) -> None:
        """Asks the server to exit, and makes sure it did."""
        try:
            self.request("shutdown", None, timeout=30)
            self.notify("exit", None)
            self._process.wait(timeout=30)
        except (LspError, OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait()
        self._log.close()
        self._stderr.close()


def environment(target_dir: Path) -> dict[str, str]:
    """The server's environment: ours, with cargo pointed at `target_dir`."""
    env = dict(os.environ)
    env["CARGO_TARGET_DIR"] = str(target_dir)
    return env
