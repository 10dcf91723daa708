#!/usr/bin/env python3
"""Shows what rust-analyzer does after someone edits status-codes.toml.

The table is read by the `status_table` proc macro at expansion time, so an
editor only learns about a changed row when rust-analyzer runs the macro
again. This script drives the real rust-analyzer server over LSP, exactly as
an editor would, on a throw-away clone of the repository:

1. start the server, open a probe file that names a shipped variant
   (`SmsStatus::Rejected`) and one the experiment adds
   (`SmsStatus::TestAddedStatus`), and record completion, hover, the macro
   expansion and diagnostics;
2. edit the table on disk (add a valid row, or a row with a mistake);
3. take the steps named on the command line one by one (notify a watched
   file change, save a Rust file, touch the file holding the macro call,
   run `cargo check` in a terminal, `rust-analyzer/rebuildProcMacros`,
   `rust-analyzer/reloadWorkspace`, restart the server), recording the same
   observations after each.

The result is a JSON file and a table on stdout: after which step the editor
first saw the edited table. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from lsp import LspClient, LspError, environment
from watchers import describe, watcher_matches

TABLE = "status-codes.toml"
MACRO_FILE = "core/src/status.rs"
PROBE_FILE = "core/examples/ra_probe.rs"
ADDED_NAME = "TestAddedStatus"
SHIPPED_NAME = "Rejected"

PROBE_SOURCE = f"""\
//! Names one variant from the shipped table and one added while the editor
//! runs, so completion, hover and diagnostics show which table the editor saw.
use mobileconnect_status::SmsStatus;

fn main() {{
    let shipped = SmsStatus::{SHIPPED_NAME};
    let added = SmsStatus::{ADDED_NAME};
    println!("{{shipped:?}} {{added:?}}");
}}
"""

ROW_TEMPLATE = """
[[status]]
code = 4599
name = "{name}"
definition = "Added while the editor runs, to see when the editor notices a new row."
stage = "handset"
outcome = "{outcome}"
final = "yes"
action = "investigate"
"""

EDITS = {
    # A valid new row: the enum should gain a variant.
    "add": ROW_TEMPLATE.format(name=ADDED_NAME, outcome="failed"),
    # The same row with a misspelt outcome: the macro should report it.
    "break": ROW_TEMPLATE.format(name=ADDED_NAME, outcome="faild"),
}

STEPS = (
    "watched",
    "revert-table",
    "open-save-table",
    "save-rs",
    "edit-rs",
    "cargo-check",
    "touch-outside",
    "touch-item",
    "rebuild-proc-macros",
    "reload-workspace",
    "restart",
)



def settings(watcher: str) -> dict[str, Any]:
    """The server's settings: VS Code's defaults for everything that matters
    here, with the file watcher run by the editor ("client") or by the
    server itself ("server")."""
    return {
        "checkOnSave": True,
        "check": {"command": "check"},
        "cargo": {"buildScripts": {"enable": True}},
        "procMacro": {"enable": True},
        "files": {"watcher": watcher},
        # Priming only warms caches for speed; it changes no answer.
        "cachePriming": {"enable": False},
    }


class Session:
    """One rust-analyzer server working on the clone."""

    def __init__(
        self, repo: Path, target_dir: Path, log_dir: Path, server: list[str], watcher: str, macro_file_open: bool
    ):
        self.settings = settings(watcher)
        self.macro_file_open = macro_file_open
        self.repo = repo
        self.target_dir = target_dir
        self.log_dir = log_dir
        self.server = server
        self.generation = 0
        self.versions: dict[str, int] = {}
        self.client = self._start()

    def _start(self) -> LspClient:
        self.generation += 1
        log = self.log_dir / f"lsp-{self.generation}.log"
        client = LspClient(self.server, self.repo, environment(self.target_dir), log)
        client.settings = self.settings
        result = client.request(
            "initialize",
            {
                "processId": None,
                "rootUri": self.repo.as_uri(),
                "workspaceFolders": [{"uri": self.repo.as_uri(), "name": self.repo.name}],
                "initializationOptions": self.settings,
                "capabilities": {
                    "workspace": {
                        "configuration": True,
                        "didChangeWatchedFiles": {
                            "dynamicRegistration": True,
                            "relativePatternSupport": True,
                        },
                    },
                    "window": {"workDoneProgress": True},
                    "textDocument": {
                        "synchronization": {"didSave": True, "dynamicRegistration": False},
                        "completion": {"completionItem": {"snippetSupport": False}},
                        "hover": {"contentFormat": ["plaintext"]},
                        "publishDiagnostics": {"relatedInformation": True},
                    },
                    "experimental": {"serverStatusNotification": True},
                },
            },
        )
        self.server_info = result.get("serverInfo", {})
        client.notify("initialized", {})
        self.versions = {}
        self.client = client
        # rust-analyzer publishes its own diagnostics only for open files.
        self.open(PROBE_FILE)
        if self.macro_file_open:
            self.open(MACRO_FILE)
        client.wait_until_settled()
        return client

    def path(self, relative: str) -> Path:
        return self.repo / relative

    def open(self, relative: str, language: str = "rust") -> None:
        self.versions[relative] = 1
        self.client.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": self.path(relative).as_uri(),
                    "languageId": language,
                    "version": 1,
                    "text": self.path(relative).read_text(encoding="utf-8"),
                }
            },
        )

    def change(self, relative: str, text: str) -> None:
        """Edits an open file in the editor and saves it to disk."""
        self.versions[relative] += 1
        self.path(relative).write_text(text, encoding="utf-8")
        self.client.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": self.path(relative).as_uri(), "version": self.versions[relative]},
                "contentChanges": [{"text": text}],
            },
        )
        self.save(relative)

    def save(self, relative: str) -> None:
        self.client.notify("textDocument/didSave", {"textDocument": {"uri": self.path(relative).as_uri()}})

    def restart(self) -> None:
        self.client.shutdown()
        self.client = self._start()


def position_of(text: str, needle: str, offset_in_needle: int = 0) -> dict[str, int]:
    """The LSP position of `needle` (plus an offset) in ASCII `text`."""
    index = text.index(needle) + offset_in_needle
    line = text.count("\n", 0, index)
    character = index - (text.rfind("\n", 0, index) + 1)
    return {"line": line, "character": character}


def observe(session: Session) -> dict[str, Any]:
    """What an editor would show now: completion after `SmsStatus::`, hover
    on both probe variants, the attribute's expansion, and diagnostics."""
    client = session.client
    probe = session.path(PROBE_FILE)
    probe_text = probe.read_text(encoding="utf-8")
    probe_doc = {"uri": probe.as_uri()}
    added_at = f"SmsStatus::{ADDED_NAME}"

    completion = client.request(
        "textDocument/completion",
        {"textDocument": probe_doc, "position": position_of(probe_text, added_at, len("SmsStatus::"))},
    )
    items = completion.get("items", []) if isinstance(completion, dict) else (completion or [])
    labels = {item["label"] for item in items}

    def hover(name: str) -> str | None:
        result = client.request(
            "textDocument/hover",
            {"textDocument": probe_doc, "position": position_of(probe_text, f"SmsStatus::{name}", len("SmsStatus::") + 1)},
        )
        if not result:
            return None
        contents = result["contents"]
        return contents["value"] if isinstance(contents, dict) else str(contents)

    macro_text = session.path(MACRO_FILE).read_text(encoding="utf-8")
    expansion = client.request(
        "rust-analyzer/expandMacro",
        {
            "textDocument": {"uri": session.path(MACRO_FILE).as_uri()},
            "position": position_of(macro_text, "::status_table(", 2),
        },
    )
    expanded = (expansion or {}).get("expansion", "")

    diagnostics = []
    for relative in (PROBE_FILE, MACRO_FILE):
        for diagnostic in client.diagnostics_for(session.path(relative)):
            diagnostics.append(
                {
                    "file": relative,
                    "line": diagnostic["range"]["start"]["line"] + 1,
                    "column": diagnostic["range"]["start"]["character"] + 1,
                    "source": diagnostic.get("source"),
                    "code": diagnostic.get("code"),
                    "message": diagnostic["message"].splitlines()[0][:160],
                }
            )
    return {
        "completion_has_added": ADDED_NAME in labels,
        "completion_has_shipped": SHIPPED_NAME in labels,
        "completion_items": len(labels),
        "hover_added": (hover(ADDED_NAME) or "").strip().splitlines()[:3],
        "hover_shipped": (hover(SHIPPED_NAME) or "").strip().splitlines()[:3],
        "expansion_has_added": ADDED_NAME in expanded,
        "expansion_compile_errors": expanded.count("compile_error"),
        "expansion_has_shipped": SHIPPED_NAME in expanded,
        "diagnostics": diagnostics,
    }


def take_step(session: Session, step: str) -> str:
    """Performs one named step; returns what was done, in words."""
    client = session.client
    table_paths = [session.path(TABLE), session.path("core") / TABLE]
    if step == "watched":
        changes = [{"uri": path.as_uri(), "type": 2} for path in table_paths]
        client.notify("workspace/didChangeWatchedFiles", {"changes": changes})
        return "sent workspace/didChangeWatchedFiles (Changed) for both table paths"
    if step == "revert-table":
        subprocess.run(["git", "checkout", "--", TABLE], cwd=session.repo, check=True)
        return f"restored the committed {TABLE} on disk (the mistake is fixed); nothing sent"
    if step == "open-save-table":
        text = session.path(TABLE).read_text(encoding="utf-8")
        session.open(TABLE, language="toml")
        session.change(TABLE, text)
        return "didOpen + didChange + didSave of status-codes.toml (as an editor that syncs TOML files)"
    if step == "save-rs":
        session.save(PROBE_FILE)
        return f"didSave of {PROBE_FILE} (Ctrl+S in a Rust file: runs check-on-save)"
    if step == "edit-rs":
        text = session.path(PROBE_FILE).read_text(encoding="utf-8") + "\n"
        session.change(PROBE_FILE, text)
        return f"added a newline at the end of {PROBE_FILE} (another Rust file) and saved"
    if step == "cargo-check":
        env = environment(session.target_dir)
        completed = subprocess.run(
            ["cargo", "check", "--workspace", "--all-targets", "--message-format=short"],
            cwd=session.repo, env=env, capture_output=True, text=True, check=False,
        )
        errors = [line for line in completed.stderr.splitlines() if line.startswith(("error", "core/src"))]
        return f"`cargo check` in a terminal (exit {completed.returncode}; {len(errors)} error lines)"
    if step in ("touch-outside", "touch-item"):
        if MACRO_FILE not in session.versions:
            session.open(MACRO_FILE)
        text = session.path(MACRO_FILE).read_text(encoding="utf-8")
        if step == "touch-outside":
            text += "\n"
            done = "added a newline at the end of core/src/status.rs (outside the macro call) and saved"
        elif "pub enum SmsStatus {}" in text:
            text = text.replace("pub enum SmsStatus {}", "pub enum SmsStatus { }", 1)
            done = "added a space inside `pub enum SmsStatus {}` (the macro's input) and saved"
        else:
            text = text.replace("pub enum SmsStatus { }", "pub enum SmsStatus {}", 1)
            done = "removed the space inside `pub enum SmsStatus { }` (the macro's input) and saved"
        session.change(MACRO_FILE, text)
        return done
    if step == "rebuild-proc-macros":
        client.request("rust-analyzer/rebuildProcMacros", None)
        return "rust-analyzer/rebuildProcMacros request (VS Code: 'rust-analyzer: Rebuild proc macros and build scripts')"
    if step == "reload-workspace":
        client.request("rust-analyzer/reloadWorkspace", None)
        return "rust-analyzer/reloadWorkspace request (VS Code: 'rust-analyzer: Reload workspace')"
    if step == "restart":
        session.restart()
        return "shutdown + new server process (VS Code: 'rust-analyzer: Restart server')"
    raise ValueError(f"unknown step {step!r}; expected one of {', '.join(STEPS)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, required=True, help="git repository to clone (never modified)")
    parser.add_argument("--work", type=Path, required=True, help="directory for the clone and logs (recreated)")
    parser.add_argument("--target-dir", type=Path, required=True, help="CARGO_TARGET_DIR for the server and cargo")
    parser.add_argument("--edit", choices=sorted(EDITS), required=True, help="add a valid row, or a row with a mistake")
    parser.add_argument("--steps", default=",".join(STEPS), help=f"comma-separated, in order, from: {', '.join(STEPS)}")
    parser.add_argument(
        "--watcher", choices=("client", "server"), default="client",
        help="who watches files: the editor (VS Code's default) or rust-analyzer itself",
    )
    parser.add_argument(
        "--macro-file", choices=("open", "closed"), default="open",
        help=f"whether {MACRO_FILE} is open in the editor from the start (a touch step opens it anyway)",
    )
    parser.add_argument("--server", default="rust-analyzer", help="server command (default: rust-analyzer on PATH)")
    args = parser.parse_args()
    steps = [step for step in args.steps.split(",") if step]
    unknown = [step for step in steps if step not in STEPS]
    if unknown:
        parser.error(f"unknown step(s) {', '.join(unknown)}; expected some of {', '.join(STEPS)}")

    if args.work.exists():
        shutil.rmtree(args.work)
    repo, logs = args.work / "repo", args.work / "logs"
    logs.mkdir(parents=True)
    subprocess.run(["git", "clone", "--quiet", str(args.source), str(repo)], check=True)
    (repo / PROBE_FILE).write_text(PROBE_SOURCE, encoding="utf-8")

    version = subprocess.run([args.server, "--version"], capture_output=True, text=True, check=True).stdout.strip()
    report: dict[str, Any] = {
        "server_version": version,
        "edit": args.edit,
        "watcher": args.watcher,
        "macro_file": args.macro_file,
        "steps": [],
    }
    started = time.monotonic()
    session = Session(repo, args.target_dir, logs, [args.server], args.watcher, args.macro_file == "open")
    report["server_info"] = session.server_info
    table = repo / TABLE
    report["watchers"] = [describe(w) for w in session.client.watchers]
    report["table_watched"] = {
        str(path.relative_to(repo)): any(watcher_matches(w, path) for w in session.client.watchers)
        for path in (table, repo / "core" / TABLE)
    }

    def record(step: str, action: str) -> None:
        settle = session.client.wait_until_settled()
        entry = {"step": step, "action": action, "settled_after_s": round(settle, 1), **observe(session)}
        entry["status_message"] = session.client.status_message
        report["steps"].append(entry)
        print(json.dumps(entry), flush=True)

    # Flycheck runs on save only: save once so the baseline has rustc's view too.
    session.save(PROBE_FILE)
    record("baseline", "server started, probe opened and saved")
    with table.open("a", encoding="utf-8") as handle:
        handle.write(EDITS[args.edit])
    # Time for a watcher run by the server itself (`--watcher server`) to notice.
    time.sleep(5)
    record("table-edited", f"appended a {'valid' if args.edit == 'add' else 'mistaken'} row to {TABLE} on disk; nothing sent")
    for step in steps:
        record(step, take_step(session, step))
    session.client.shutdown()
    report["total_s"] = round(time.monotonic() - started, 1)
    (args.work / "result.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(summary(report))
    return 0


def summary(report: dict[str, Any]) -> str:
    """A Markdown table: one row per step."""
    lines = [
        f"server: {report['server_version']} ({report['server_info']})",
        f"edit: {report['edit']}; files.watcher: {report['watcher']}; {MACRO_FILE} {report['macro_file']} at start; "
        f"table path matched by a registered watcher glob: {report['table_watched']}",
        "",
        "| step | completion lists added | completion lists shipped | hover on added | expansion has added | compile_error in expansion | diagnostics (file:line source code message) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for entry in report["steps"]:
        diags = "<br>".join(
            f"{d['file']}:{d['line']} {d['source']} {d['code']} {d['message']}" for d in entry["diagnostics"]
        ) or "none"
        lines.append(
            f"| {entry['step']} | {entry['completion_has_added']} | {entry['completion_has_shipped']} | "
            f"{bool(entry['hover_added'])} | "
            f"{entry['expansion_has_added']} | {entry['expansion_compile_errors']} | {diags} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except LspError as error:
        print(f"table_edit_probe: {error}", file=sys.stderr)
        sys.exit(1)
