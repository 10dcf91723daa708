#!/usr/bin/env bash
# Peak memory of `sms-status triage` per distinct mobile number and per
# message: triages data-view-shaped extracts (with MobileMessageTrackingID
# and CreateDateTime) of N distinct numbers with one message each, and of N
# messages to 1,000 numbers, and one with a single row, and prints the
# difference in peak resident memory divided by N.
#
# Usage: scripts/triage-bench/memory.sh [N ...]   (default: 1000000)
#        THREADS=2 scripts/triage-bench/memory.sh   (triage's --threads; default: one per core)
#        DAY=1 scripts/triage-bench/memory.sh       (the rows' day of January; default: 13,
#            whose date tells the month is first. With a day of 12 or lower
#            every date could be either order, and each message is held
#            until the file's end, where the AM/PM marker decides.)
# Data lives under $CARGO_TARGET_DIR (or target/) in triage-bench/.
set -euo pipefail
cd "$(dirname "$0")/../.."

target=${CARGO_TARGET_DIR:-$PWD/target}
work=$target/triage-bench
mkdir -p "$work"
cargo build --release --quiet -p mobileconnect-status-cli
sms_status=$target/release/sms-status

# N rows, each a message of its own, to NUMBERS numbers (default: N).
extract() {
  python3 - "$1" "$2" "${3:-$1}" "${DAY:-13}" <<'PY'
import sys
count, path, numbers, day = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
with open(path, "w", buffering=1 << 20) as out:
    out.write("MobileMessageTrackingID,Mobile,CreateDateTime,SMSStandardStatusCodeId\n")
    for row in range(count):
        second = row % 60
        number = 15550000000 + row % numbers
        out.write(f"{9000000 + row},{number},1/{day}/2025 1:00:{second:02} PM,4000\n")
PY
}

threads=${THREADS:+--threads $THREADS}
peak_kib() {
  # shellcheck disable=SC2086 # $threads is empty or two words
  /usr/bin/time -f %M "$sms_status" triage $threads "$1" 2>&1 >/dev/null | tail -1
}

extract 1 "$work/memory-1.csv"
base=$(peak_kib "$work/memory-1.csv")
echo "one number: $base KiB peak"
for count in "${@:-1000000}"; do
  extract "$count" "$work/memory-$count.csv"
  peak=$(peak_kib "$work/memory-$count.csv")
  awk -v n="$count" -v peak="$peak" -v base="$base" 'BEGIN {
    printf "%d numbers, a message each: %d KiB peak, %.1f bytes per number above one number\n",
      n, peak, (peak - base) * 1024 / n
  }'
  extract "$count" "$work/memory-$count-messages.csv" 1000
  peak=$(peak_kib "$work/memory-$count-messages.csv")
  awk -v n="$count" -v peak="$peak" -v base="$base" 'BEGIN {
    printf "%d messages to 1,000 numbers: %d KiB peak, %.1f bytes per message above one number\n",
      n, peak, (peak - base) * 1024 / n
  }'
done
