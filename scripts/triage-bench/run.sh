#!/usr/bin/env bash
# Compares `sms-status triage` on a ~1 GB tracking extract with what an
# analyst would reach for: `xsv frequency` and DuckDB. All three run in one
# hyperfine session, so the ratios share the machine's conditions.
#
# Usage: scripts/triage-bench/run.sh [SIZE_MB]   (default 1024)
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

if [ ! -f "$data" ]; then
  python3 scripts/triage-bench/generate.py "$data" --size-mb "$size_mb"
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

# The same question each tool answers: how many rows carry each code.
# sms-status also classifies, resolves per mobile number and reports.
duckdb_query="SELECT SMSStandardStatusCodeId, count(*) FROM read_csv_auto('$data') GROUP BY 1"
cat >"$work/duckdb-frequency.py" <<PY
import duckdb
duckdb.sql("SET enable_progress_bar = false")
print(duckdb.sql("$duckdb_query").fetchall())
PY

echo "== $(du -m "$data" | cut -f1) MB, $(nproc) cores, $runs runs each; versions:"
"$sms_status" --version
"$xsv" --version
python3 -c 'import duckdb; print("duckdb", duckdb.__version__)'

hyperfine --warmup 1 --runs "$runs" --export-json "$work/results.json" \
  --command-name "sms-status triage" "$sms_status triage $data" \
  --command-name "xsv frequency" "$xsv frequency -s SMSStandardStatusCodeId $data" \
  --command-name "duckdb GROUP BY" "python3 $work/duckdb-frequency.py"

python3 - "$work/results.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
ours = results["sms-status triage"]
print()
print(f"{'tool':<20} {'min s':>7} {'median s':>9} {'mean s':>8} {'median / sms-status':>20}")
for name, r in results.items():
    ratio = r["median"] / ours["median"]
    print(f"{name:<20} {r['min']:>7.2f} {r['median']:>9.2f} {r['mean']:>8.2f} {ratio:>19.2f}x")
print("ratio > 1: that tool took longer than sms-status triage")
PY
