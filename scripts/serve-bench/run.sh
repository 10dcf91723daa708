#!/usr/bin/env bash
# Throughput of `sms-status serve` (BENCHMARKS.md, "ENS receiver"): the
# release binary on SQLite and, when Debian's postgresql is installed, on
# a throwaway PostgreSQL server with two receivers; with the storage floor
# and the HTTP floor measured in the same run (cli/benches/serve_load.rs).
#
#   bash scripts/serve-bench/run.sh
#   SMS_STATUS_BENCH_EVENTS=100000 SMS_STATUS_BENCH_SINGLE=5000 bash scripts/serve-bench/run.sh
#
# Everything listens on 127.0.0.1 and stops by itself. Run it on a quiet
# machine: the senders, the receivers and the database share its cores.
set -euo pipefail
cd "$(dirname "$0")/../.."

features=serve
if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  features=postgres
  if [ -z "${SMS_STATUS_TEST_POSTGRES:-}" ]; then
    eval "$(bash scripts/postgres/start.sh)"
    trap 'bash scripts/postgres/stop.sh "$SMS_STATUS_TEST_POSTGRES_DIR"' EXIT
  fi
else
  echo "run.sh: no PostgreSQL server installed (apt-get install postgresql): SQLite only" >&2
fi
# Other work on the machine slows every row alike; say how busy it was.
echo "load average before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
nice cargo bench -p mobileconnect-status-cli --features "$features" --bench serve_load
