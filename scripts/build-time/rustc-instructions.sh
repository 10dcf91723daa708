#!/usr/bin/env bash
# A RUSTC_WRAPPER that runs each crate's compile under callgrind and appends
# "crate instructions" to $INSTRUCTIONS_LOG: a measure of what a build
# costs that other work on the machine does not disturb, unlike seconds.
#
#   INSTRUCTIONS_LOG=/tmp/core.log RUSTC_WRAPPER=scripts/build-time/rustc-instructions.sh \
#       cargo build -p mobileconnect-status --lib --target-dir /tmp/fresh
#   awk '{ sum += $2 } END { print sum }' /tmp/core.log
#
# Needs valgrind. A build takes about 40 times as long as without it.
set -uo pipefail

crate=""
previous=""
for argument in "$@"; do
    if [ "$previous" = "--crate-name" ]; then
        crate="$argument"
    fi
    previous="$argument"
done
# cargo's probes of the compiler (`rustc -vV` and the like) are not counted.
if [ -z "$crate" ] || [ "$crate" = "___" ]; then
    exec "$@"
fi

report="$(mktemp)"
valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$report" "$@"
status=$?
echo "$crate $(awk '/Collected/ { print $4 }' "$report")" >> "${INSTRUCTIONS_LOG:?set INSTRUCTIONS_LOG to the file that collects the counts}"
rm -f "$report"
exit "$status"
