#!/usr/bin/env bash
# Times building the command line's test targets at two commits, three
# rounds alternating: the crate's own targets from scratch (its
# dependencies already built), and again after an edit of its library,
# when every test target compiles or links again.
#
# Usage: scripts/build-time/cli-test-targets.sh BEFORE AFTER
#   e.g. scripts/build-time/cli-test-targets.sh d4a87d5^ d4a87d5
# Each commit is checked out in a temporary worktree with a target
# directory of its own, both removed at the end. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ $# -eq 2 ] || { echo "usage: $0 BEFORE AFTER" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/cli-test-targets.XXXXXX")
trap 'git worktree remove --force "$work/before" 2>/dev/null; git worktree remove --force "$work/after" 2>/dev/null; rm -rf "$work"' EXIT
git worktree add --quiet --detach "$work/before" "$1"
git worktree add --quiet --detach "$work/after" "$2"

build() { # side
  (cd "$work/$1" && CARGO_TARGET_DIR="$work/target-$1" cargo build -q --tests -p mobileconnect-status-cli 2>/dev/null)
}
seconds() { # side
  local start end
  start=$(date +%s.%N); build "$1"; end=$(date +%s.%N)
  echo "$end - $start" | bc
}

for side in before after; do build "$side"; done
for round in 1 2 3; do
  for side in before after; do
    (cd "$work/$side" && CARGO_TARGET_DIR="$work/target-$side" cargo clean -q -p mobileconnect-status-cli)
    scratch=$(seconds "$side")
    touch "$work/$side/cli/src/lib.rs"
    edit=$(seconds "$side")
    echo "round $round, $side: the crate's targets from scratch ${scratch} s, after an edit of lib.rs ${edit} s"
  done
done
