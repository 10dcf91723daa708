#!/usr/bin/env bash
# Stops a server start.sh started and removes its directory.
set -euo pipefail
dir=${1:?usage: stop.sh DIR (SMS_STATUS_TEST_POSTGRES_DIR)}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_owner=()
if [ "$(id -u)" = 0 ]; then
  as_owner=(runuser -u postgres --)
fi
"${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
rm -rf "$dir"
