#!/usr/bin/env bash
# Runs every table-edit scenario against rust-analyzer and collects the
# results under OUT (default /tmp/ra-table-edit). Each scenario starts a
# fresh clone and a fresh server, so one remedy never hides another.
#
# Usage: scripts/rust-analyzer/run-all.sh [OUT]
# Needs: rust-analyzer on PATH (`rustup component add rust-analyzer`), python3.
set -euo pipefail
# Keep the source tree clean: no __pycache__ beside the scripts.
export PYTHONDONTWRITEBYTECODE=1

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_repo="$(git -C "$here" rev-parse --show-toplevel)"
out="${1:-/tmp/ra-table-edit}"
target_dir="${CARGO_TARGET_DIR:-$out/target}"
mkdir -p "$out"

if ! command -v rust-analyzer >/dev/null || ! rust-analyzer --version >/dev/null 2>&1; then
    echo "run-all.sh: rust-analyzer is not installed; run: rustup component add rust-analyzer" >&2
    exit 1
fi

# name  edit  steps  [watcher: client (VS Code's default) or server]
#                     [core/src/status.rs at start: open or closed]
scenarios=(
    "add-ladder add save-rs,cargo-check,watched,touch-outside,touch-item"
    "add-table-saved add open-save-table"
    "add-rebuild add rebuild-proc-macros"
    "add-reload add reload-workspace"
    "add-restart add restart"
    "add-server-watcher add save-rs server"
    "add-edit-rs add edit-rs"
    "add-touch-outside-open add touch-outside client open"
    "add-touch-outside-closed add touch-outside client closed"
    "add-touch-item-closed add touch-item client closed"
    "break-ladder break save-rs,cargo-check,watched,touch-outside,touch-item"
    "break-table-saved break open-save-table"
    "break-rebuild break rebuild-proc-macros"
    "break-reload break reload-workspace"
    "break-restart break restart"
    "break-then-fix break restart,revert-table,save-rs,restart"
)

for scenario in "${scenarios[@]}"; do
    read -r name edit steps watcher macro_file <<<"$scenario"
    echo "== $name: edit=$edit steps=$steps watcher=${watcher:-client} status.rs=${macro_file:-open}"
    python3 "$here/table_edit_probe.py" \
        --source "$source_repo" --work "$out/$name" --target-dir "$target_dir" \
        --edit "$edit" --steps "$steps" --watcher "${watcher:-client}" --macro-file "${macro_file:-open}" >"$out/$name.out" 2>&1 || {
        echo "run-all.sh: scenario $name failed; see $out/$name.out" >&2
        exit 1
    }
    sed -n '/^server:/,$p' "$out/$name.out"
    echo
done
