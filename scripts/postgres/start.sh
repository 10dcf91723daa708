#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the receiver's tests and
# benchmarks: a new cluster in a temporary directory, listening on a free
# loopback port, trusting local connections. Prints the variables to use:
#
#   eval "$(bash scripts/postgres/start.sh)"   # sets SMS_STATUS_TEST_POSTGRES
#   ...
#   bash scripts/postgres/stop.sh "$SMS_STATUS_TEST_POSTGRES_DIR"
#
# It needs Debian's `postgresql` package (.ci/run installs it). initdb
# refuses to run as root, so as root the server runs as `postgres`.
set -euo pipefail

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "start.sh: no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 1
fi
dir=$(mktemp -d "${TMPDIR:-/tmp}/sms-status-postgres.XXXXXX")
as_owner=()
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$dir"
  as_owner=(runuser -u postgres --)
fi
"${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 >"$dir/initdb.log" 2>&1

# A free port: try a few at random, as other servers may run on this machine.
for _ in 1 2 3 4 5 6 7 8; do
  port=$((20000 + RANDOM % 20000))
  if "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=50" start >/dev/null; then
    echo "export SMS_STATUS_TEST_POSTGRES=postgres://postgres@127.0.0.1:$port/postgres"
    echo "export SMS_STATUS_TEST_POSTGRES_DIR=$dir"
    exit 0
  fi
done
echo "start.sh: PostgreSQL did not start; see $dir/server.log" >&2
exit 1
