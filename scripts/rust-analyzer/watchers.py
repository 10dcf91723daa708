"""Matches paths against the file-watcher globs a server registers.

An editor only forwards a file change to the server when one of the
registered `workspace/didChangeWatchedFiles` globs matches the file, so this
tells whether an edit to the table would reach rust-analyzer at all. Globs
follow the LSP grammar: `*`, `?`, `**`, `{a,b}` and `[...]`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse


def glob_to_regex(glob: str) -> re.Pattern[str]:
    """Translates one LSP glob into an anchored regular expression."""
    out = []
    i = 0
    while i < len(glob):
        char = glob[i]
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if glob.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "{":
            end = glob.index("}", i)
            choices = glob[i + 1 : end].split(",")
            out.append("(?:" + "|".join(re.escape(choice) for choice in choices) + ")")
            i = end + 1
            continue
        elif char == "[":
            end = glob.index("]", i)
            out.append("[" + glob[i + 1 : end].replace("!", "^", 1) + "]")
            i = end + 1
            continue
        else:
            out.append(re.escape(char))
        i += 1
    return re.compile("".join(out) + r"\Z")


def watcher_matches(watcher: dict[str, Any], path: Path) -> bool:
    """Whether one registered watcher covers `path`."""
    pattern = watcher["globPattern"]
    if isinstance(pattern, str):
        return bool(glob_to_regex(pattern).match(str(path)))
    base = pattern["baseUri"]
    base_path = Path(unquote(urlparse(base if isinstance(base, str) else base["uri"]).path))
    try:
        relative = path.relative_to(base_path)
    except ValueError:
        return False
    return bool(glob_to_regex(pattern["pattern"]).match(str(relative)))


def describe(watcher: dict[str, Any]) -> str:
    """One watcher as a short readable string."""
    pattern = watcher["globPattern"]
    if isinstance(pattern, str):
        return pattern
    base = pattern["baseUri"]
    return f"{base if isinstance(base, str) else base['uri']} + {pattern['pattern']}"
