#!/usr/bin/env bash
# Compares `sms-status triage` on a ~1 GB tracking extract with DuckDB doing
# the same job (each number's latest message, then numbers per code), with
# `xsv frequency` for reference, and with `wc -l`, the floor of reading the
# file. All run in one hyperfine session, so the ratios share the machine's
# conditions. Triage runs on 1 and 2 threads and on one per core, on the
# extract in time order (as Marketing Cloud writes it) and with its rows
# shuffled (a copy sorted by something else, or extracts joined), where
# DuckDB runs too, and with the shipped table read at run time (--codes),
# which must cost what the built-in table costs.
#
# Usage: scripts/triage-bench/run.sh [SIZE_MB]   (default 1024)
#        BASELINE=/path/to/an/older/sms-status scripts/triage-bench/run.sh
#        times that build too, for a before/after ratio in the same run.
#
# Installs what is missing: xsv (cargo install, into a local root), the
# duckdb Python module (pip) and hyperfine (apt-get). Data and tools live
# under $CARGO_TARGET_DIR (or target/) in triage-bench/, never in git.
# Not part of CI: it takes minutes and needs a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

size_mb=${1:-1024}
target=${CARGO_TARGET_DIR:-$PWD/target}
work=$target/triage-bench
tools=$work/tools
data=$work/extract-${size_mb}mb.csv
runs=${RUNS:-5}
mkdir -p "$work"

shuffled=$work/extract-${size_mb}mb-shuffled.csv
if [ ! -f "$data" ]; then
  python3 scripts/triage-bench/generate.py "$data" --size-mb "$size_mb"
fi
if [ ! -f "$shuffled" ]; then
  # The same rows in a random order, the same every time (a fixed source
  # of randomness): no line of the extract holds a line break.
  { head -n 1 "$data"; tail -n +2 "$data" | shuf --random-source=<(yes 7); } >"$shuffled"
fi

xsv=$(command -v xsv || echo "$tools/bin/xsv")
if [ ! -x "$xsv" ]; then
  cargo install xsv --locked --root "$tools"
fi
if ! python3 -c 'import duckdb' 2>/dev/null; then
  python3 -m pip install --quiet duckdb
fi
if ! command -v hyperfine >/dev/null; then
  apt-get update -qq && apt-get install -y -qq hyperfine
fi

cargo build --release --quiet -p mobileconnect-status-cli
sms_status=$target/release/sms-status

# DuckDB does triage's job: per mobile number, the code of its latest
# message (arg_max by CreateDateTime), then the numbers per code. (Each row
# of the extract is one message, so no per-message step is needed.) It
# uses every core.
cat >"$work/duckdb-newest.py" <<'PY'
import sys
import duckdb
duckdb.sql("SET enable_progress_bar = false")
print(duckdb.sql(f"""
SELECT code, count(*) AS numbers FROM (
  SELECT Mobile, arg_max(SMSStandardStatusCodeId, CreateDateTime) AS code
  FROM read_csv('{sys.argv[1]}', header = true, timestampformat = '%-m/%-d/%Y %-I:%M:%S %p')
  GROUP BY Mobile
) GROUP BY code ORDER BY code
""").fetchall())
PY

echo "== $(du -m "$data" | cut -f1) MB, $(nproc) cores, $runs runs each; versions:"
"$sms_status" --version
"$xsv" --version
python3 -c 'import duckdb; print("duckdb", duckdb.__version__)'

# A table read at run time (--codes) gives the built-in table's answer.
with_codes=$("$sms_status" --codes status-codes.toml triage --format json "$data")
if [ "$with_codes" != "$("$sms_status" triage --format json "$data")" ]; then
  echo "--codes status-codes.toml disagrees with the built-in table" >&2
  exit 1
fi

# The same answer from both, in either order, or no timing at all.
for file in "$data" "$shuffled"; do
  ours=$("$sms_status" triage --format json "$file" | python3 -c '
import json, sys
print([(s["code"], s["recipients"]) for s in json.load(sys.stdin)["statuses"]])')
  theirs=$(python3 "$work/duckdb-newest.py" "$file")
  echo "numbers per code: $ours"
  if [ "$ours" != "$theirs" ]; then
    echo "DuckDB disagrees on $file: $theirs" >&2
    exit 1
  fi
done

baseline=()
if [ -n "${BASELINE:-}" ]; then
  baseline=(--command-name "baseline triage" "$BASELINE triage $data")
fi

hyperfine --warmup 1 --runs "$runs" --export-json "$work/results.json" "${baseline[@]}" \
  --command-name "sms-status triage --threads 1" "$sms_status triage --threads 1 $data" \
  --command-name "sms-status triage --threads 2" "$sms_status triage --threads 2 $data" \
  --command-name "sms-status --codes (shipped) triage --threads 1" \
    "$sms_status --codes status-codes.toml triage --threads 1 $data" \
  --command-name "sms-status triage" "$sms_status triage $data" \
  --command-name "duckdb newest per number" "python3 $work/duckdb-newest.py $data" \
  --command-name "shuffled: sms-status triage --threads 1" "$sms_status triage --threads 1 $shuffled" \
  --command-name "shuffled: sms-status triage --threads 2" "$sms_status triage --threads 2 $shuffled" \
  --command-name "shuffled: duckdb newest per number" "python3 $work/duckdb-newest.py $shuffled" \
  --command-name "xsv frequency" "$xsv frequency -s SMSStandardStatusCodeId $data" \
  --command-name "wc -l" "wc -l $data"

python3 - "$work/results.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
floor = results["wc -l"]
print()
print(f"{'tool':<42} {'min s':>7} {'median s':>9} {'÷ duckdb':>9} {'÷ wc -l':>8}")
for name, r in results.items():
    # Each against DuckDB on the same file.
    duckdb = results[("shuffled: " if name.startswith("shuffled") else "") + "duckdb newest per number"]
    print(f"{name:<42} {r['min']:>7.2f} {r['median']:>9.2f} "
          f"{r['median'] / duckdb['median']:>9.2f} {r['median'] / floor['median']:>8.2f}")
print("ratios of medians: below 1 is faster than DuckDB on the same job and file")
PY
