#!/usr/bin/env bash
# Cold builds of the CLI without features (what `cargo install --path cli`
# builds), with `serve` (hyper, tokio, the HMAC crates and rusqlite with
# its bundled SQLite) and with `postgres` (tokio-postgres as well). Each
# build starts from a fresh target directory; the best of RUNS is kept, of
# the wall time and of the CPU time (user + system), which concurrent
# builds disturb less. Works on a copy from `git archive`, never on the
# checkout.
#
#   bash scripts/build-time/serve-features.sh
#   RUNS=3 PROFILES="dev release" bash scripts/build-time/serve-features.sh
#
# REV: the commit to build (default HEAD); FEATURES: any of none, serve,
# postgres; RUNS (default 1); PROFILES (default release, as cargo install).
set -euo pipefail
cd "$(dirname "$0")/../.."
rev=${REV:-HEAD}
runs=${RUNS:-1}
features=${FEATURES:-none serve postgres}
profiles=${PROFILES:-release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git archive "$rev" | tar -x -C "$work"
(cd "$work" && cargo fetch -q)

printf '%-9s %-8s %s\n' features profile "cold build, best of $runs"
for feature in $features; do
  flag=()
  if [ "$feature" != none ]; then flag=(--features "$feature"); fi
  for profile in $profiles; do
    best= best_cpu=
    for _ in $(seq "$runs"); do
      rm -rf "$work/target"
      times=$(cd "$work" && { /usr/bin/time -f '%e %U %S' cargo build -q --profile "$profile" -p mobileconnect-status-cli "${flag[@]}"; } 2>&1 | tail -1)
      read -r wall user system <<<"$times"
      cpu=$(echo "$user + $system" | bc)
      if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc)" = 1 ]; then best=$wall; fi
      if [ -z "$best_cpu" ] || [ "$(echo "$cpu < $best_cpu" | bc)" = 1 ]; then best_cpu=$cpu; fi
    done
    crates=$(find "$work/target" -path '*/deps/*.d' | sed 's|.*/||; s|-[0-9a-f]*\.d$||' | sort -u | wc -l)
    printf '%-9s %-8s %6.1f s wall %6.1f s CPU  (%s crates)\n' "$feature" "$profile" "$best" "$best_cpu" "$crates"
  done
done
