#!/usr/bin/env bash
# Renders the shipped sample's HTML triage report with headless Chromium
# into docs/triage-report.png, the picture the README shows. Needs
# chromium on PATH (Debian: apt-get install chromium). Run from anywhere:
#   bash scripts/html-report/screenshot.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

# The page's height at this width; the screenshot is the whole page.
width=${WIDTH:-900}
height=${HEIGHT:-3800}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release -q -p mobileconnect-status-cli
# The sample has two bad rows on purpose, so triage exits with 1.
status=0
./target/release/sms-status triage cli/samples/sms-message-tracking.csv \
  --html "$work/report.html" \
  --suppress-list "$work/suppress.txt" --retry-list "$work/retry.txt" \
  >/dev/null 2>&1 || status=$?
[ "$status" -le 1 ] || { echo "triage failed with $status" >&2; exit 1; }

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --hide-scrollbars --force-device-scale-factor=1 \
  --window-size="$width,$height" --screenshot="$work/report.png" \
  "file://$work/report.html" 2>/dev/null
mv "$work/report.png" docs/triage-report.png
echo "wrote docs/triage-report.png (${width}x${height})"
