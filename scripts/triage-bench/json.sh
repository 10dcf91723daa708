#!/usr/bin/env bash
# Triage's throughput on JSON in the layouts people and tools store it,
# per MB, against the same data pretty-printed:
#
# - a REST deliveries response of ~50 MB saved by curl on one line, and the
#   same response pretty-printed (`json.dumps(indent=2)`);
# - event notifications as JSON Lines whose lines are ENS batches of about
#   8 KB (a receiver appending each POST body as a line), and the same
#   batches pretty-printed one after another.
#
# Usage: scripts/triage-bench/json.sh            (RUNS=5 by default)
#        BASELINE=/path/to/an/older/sms-status scripts/triage-bench/json.sh
# Installs hyperfine when missing. Data lives under $CARGO_TARGET_DIR (or
# target/) in triage-bench/, never in git. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/../.."

target=${CARGO_TARGET_DIR:-$PWD/target}
work=$target/triage-bench
runs=${RUNS:-5}
mkdir -p "$work"
if ! command -v hyperfine >/dev/null; then
  apt-get update -qq && apt-get install -y -qq hyperfine
fi
cargo build --release --quiet -p mobileconnect-status-cli
sms_status=$target/release/sms-status

python3 - "$work" <<'PY'
import json, os, random, sys
work = sys.argv[1]
rng = random.Random(7)
codes = ["4000"] * 82 + ["4504", "4505", "4501", "2000", "3001", "4510"] * 3

if not os.path.exists(f"{work}/deliveries-one-line.json"):
    tracking = [
        {"mobileNumber": f"1555{rng.randrange(10**7):07d}", "statusCode": "20",
         "standardStatusCode": rng.choice(codes), "message": "Finished",
         "description": "Delivered to handset"}
        for _ in range(340_000)
    ]
    response = {"message": "Finished", "count": len(tracking),
                "createDate": "2026-10-02T14:03:11.2", "completeDate": "2026-10-02T14:05:11.2",
                "status": "Finished", "tracking": tracking}
    with open(f"{work}/deliveries-one-line.json", "w") as out:
        json.dump(response, out, separators=(",", ":"))
    with open(f"{work}/deliveries-pretty.json", "w") as out:
        json.dump(response, out, indent=2)

if not os.path.exists(f"{work}/events-8k-lines.jsonl"):
    kinds = ["SmsSent", "SmsDelivered", "SmsDelivered", "SmsBounced", "SmsTransient", "SmsNotSent"]
    batches = []
    for batch in range(6_000):
        events = []
        while len(json.dumps(events)) < 8_000:
            kind = rng.choice(kinds)
            info = {"to": f"1555{rng.randrange(10**7):07d}", "subscriberKey": "sub",
                    "messageKey": f"m-{rng.randrange(2_000_000)}"}
            if kind in ("SmsDelivered", "SmsBounced", "SmsTransient"):
                info["statusCode"] = rng.choice(codes)
                info["statusMessage"] = "Delivered"
            if kind == "SmsNotSent":
                info["statusCode"] = "47"
                info["reason"] = "Mobile Address not found"
            events.append({"eventCategoryType": f"TransactionalSendEvents.{kind}",
                           "timestampUTC": 1790949791000 + len(batches) * 1000 + len(events),
                           "compositeId": "c", "definitionKey": "order-shipped",
                           "mid": 100000001, "eid": 100000001, "info": info})
        batches.append(events)
    with open(f"{work}/events-8k-lines.jsonl", "w") as out:
        for events in batches:
            out.write(json.dumps(events, separators=(",", ":")) + "\n")
    with open(f"{work}/events-pretty.json", "w") as out:
        for events in batches:
            out.write(json.dumps(events, indent=2) + "\n")
PY

files=(deliveries-one-line.json deliveries-pretty.json events-8k-lines.jsonl events-pretty.json)
commands=()
for file in "${files[@]}"; do
  commands+=(--command-name "$file" "$sms_status triage $work/$file")
  if [ -n "${BASELINE:-}" ]; then
    commands+=(--command-name "baseline: $file" "$BASELINE triage $work/$file")
  fi
done
echo "== $(nproc) cores, $runs runs each"
hyperfine --warmup 1 --runs "$runs" --export-json "$work/json-results.json" "${commands[@]}"

python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
results = {r["command"]: r for r in json.load(open(f"{work}/json-results.json"))["results"]}
def per_mb(name):
    file = name.split(": ")[-1]
    return results[name]["median"] / (os.path.getsize(f"{work}/{file}") / 1e6)
print()
print(f"{'input':<34} {'MB':>6} {'median s':>9} {'ms per MB':>10} {'÷ pretty':>9}")
for name in results:
    file = name.split(": ")[-1]
    pretty = name.replace("one-line", "pretty").replace("8k-lines.jsonl", "pretty.json")
    print(f"{name:<34} {os.path.getsize(f'{work}/{file}') / 1e6:>6.1f} {results[name]['median']:>9.2f} "
          f"{per_mb(name) * 1000:>10.1f} {per_mb(name) / per_mb(pretty):>9.2f}")
print("÷ pretty: time per MB against the same data pretty-printed (target: at most 2)")
PY
