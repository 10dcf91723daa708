#!/usr/bin/env bash
# Measures what the generated status enum costs at build time, against the
# same table derived with strum + num_enum and written by hand, and how the
# generated code scales with the table's size, next to a hand-written enum
# of the same shape (the floor). Prints every number and the ratios;
# BENCHMARKS.md explains them.
#
#   bash scripts/build-time/measure.sh            # everything, best of 3
#   RUNS=1 SCALES="1000" bash scripts/build-time/measure.sh   # quicker
#   SECTIONS="cold expand" bash scripts/build-time/measure.sh # some sections
#   SECTIONS="scaling floor" bash scripts/build-time/measure.sh
#   SOURCE=/path/to/changed/tree bash scripts/build-time/measure.sh
#
# SOURCE measures another copy of the workspace (say, one with a change to
# the macro) against the same peers, which always come from this one.
#
# Every cold build uses a fresh, empty target directory; downloads happen
# once, before any timing. Nothing in the repository is changed: the
# workspace is copied to a temporary directory first, and all scratch
# crates live there too.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
runs="${RUNS:-3}"
scales="${SCALES:-1000 10000}"
sections="${SECTIONS:-cold incremental expand scaling floor}"
source_tree="$(cd "${SOURCE:-$repo}" && pwd)"
case "$runs" in
    '' | *[!0-9]* | 0) echo "measure.sh: RUNS must be a whole number of runs, 1 or more; got \"$runs\"" >&2; exit 2 ;;
esac
for section in $sections; do
    case "$section" in
        cold | incremental | expand | scaling | floor) ;;
        *) echo "measure.sh: SECTIONS takes cold, incremental, expand, scaling and floor; got \"$section\"" >&2; exit 2 ;;
    esac
done
wants() {
    case " $sections " in *" $1 "*) return 0 ;; *) return 1 ;; esac
}
for rows in $scales; do
    case "$rows" in
        '' | *[!0-9]*) echo "measure.sh: SCALES must be row counts like \"1000 10000\"; got \"$scales\"" >&2; exit 2 ;;
    esac
done

work="$(mktemp -d "${TMPDIR:-/tmp}/build-time.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# Our own target directories only: an inherited one would be warm.
unset CARGO_TARGET_DIR CARGO_BUILD_TARGET_DIR

# Failures are reported on fd 3, the original stderr, which timing leaves alone.
exec 3>&2
# shellcheck source=scripts/build-time/timing.sh
source "$here/timing.sh"

echo "# Build-time measurements"
echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo); $(rustc --version)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "measured tree: $source_tree"
echo "runs per measurement: $runs (the best is reported)"
echo

# --- the scratch copies ------------------------------------------------------

echo "preparing scratch crates in $work ..." >&2
mkdir -p "$work/repo"
if git -C "$source_tree" rev-parse --show-toplevel > /dev/null 2>&1; then
    # Tracked and new files as they are now, without build output.
    git -C "$source_tree" ls-files --cached --others --exclude-standard -z \
        | (cd "$source_tree" && xargs -0 cp --parents --no-dereference -t "$work/repo" 2>/dev/null || true)
else
    (cd "$source_tree" && tar --exclude=./target -cf - .) | (cd "$work/repo" && tar -xf -)
fi
repo_copy="$work/repo"

# A crate from a template directory: Cargo.toml.in with placeholders filled
# in, its sources under src/, and the workspace's lock file, so that shared
# dependencies resolve to the versions the workspace uses.
scratch_crate() {
    local template="$1" dir="$2"
    mkdir -p "$dir/src"
    sed -e "s|@REPO@|$repo_copy|g" \
        -e "s|@STRUM@|$(grep '^strum = ' "$repo/Cargo.toml")|" \
        -e "s|@NUM_ENUM@|$(grep '^num_enum = ' "$repo/Cargo.toml")|" \
        "$here/apps/$template/Cargo.toml.in" > "$dir/Cargo.toml"
    cp "$source_tree/Cargo.lock" "$dir/Cargo.lock"
}

scratch_crate core "$work/app-core"
cp "$here/apps/core/main.rs" "$work/app-core/src/main.rs"

scratch_crate derived "$work/app-derived"
cp "$here/apps/derived/main.rs" "$work/app-derived/src/main.rs"
cp "$repo/core/benches/peers/derived.rs" "$work/app-derived/src/derived.rs"

scratch_crate handwritten "$work/app-handwritten"
cp "$here/apps/handwritten/main.rs" "$work/app-handwritten/src/main.rs"
cp "$repo/core/benches/peers/handwritten.rs" "$work/app-handwritten/src/handwritten.rs"

for rows in 20 $scales; do
    dir="$work/scaled-$rows"
    scratch_crate scaled "$dir"
    cp "$here/apps/scaled/lib.rs" "$dir/src/lib.rs"
    cp "$here/apps/scaled/main.rs" "$dir/src/main.rs"
    cp "$here/apps/lookup_timer.rs" "$dir/src/lookup_timer.rs"
    if [ "$rows" = 20 ]; then
        # The real table, through the same harness as the generated ones.
        cp "$source_tree/status-codes.toml" "$dir/table.toml"
    else
        awk -v rows="$rows" -f "$here/make-table.awk" > "$dir/table.toml"
    fi
done

# The floor: the same table as a hand-written enum, one crate per step of
# floor_steps, each adding one item to the one before. Only the last has
# every item, and a main that times its `from_code`, a `match`.
floor_steps=("" debug debug,code debug,code,all debug,code,all,from)
last_step=$((${#floor_steps[@]} - 1))
for rows in $scales; do
    for step in "${!floor_steps[@]}"; do
        dir="$work/floor-$rows-$step"
        scratch_crate floor "$dir"
        awk -v parts="${floor_steps[$step]}" -f "$here/make-floor.awk" "$work/scaled-$rows/table.toml" \
            > "$dir/src/lib.rs"
    done
    cp "$here/apps/floor/main.rs" "$work/floor-$rows-$last_step/src/main.rs"
    cp "$here/apps/lookup_timer.rs" "$work/floor-$rows-$last_step/src/lookup_timer.rs"
done

for dir in "$work"/app-* "$work"/scaled-*; do
    cargo fetch --quiet --manifest-path "$dir/Cargo.toml"
done

# --- cold builds ---------------------------------------------------------------

if wants cold; then
echo "## Cold build (dev profile, fresh target dir, best of $runs)"
echo
core_lib=$(best_cold_build "$runs" "$repo_copy" -p mobileconnect-status --lib)
app_core=$(best_cold_build "$runs" "$work/app-core")
app_derived=$(best_cold_build "$runs" "$work/app-derived")
app_hand=$(best_cold_build "$runs" "$work/app-handwritten")
echo "Ratios: against the app on strum + num_enum."
echo
row_header
row "core library alone (-p mobileconnect-status)" "$core_lib" "$app_derived"
row "app on core" "$app_core" "$app_derived"
row "app on strum + num_enum" "$app_derived" "$app_derived"
row "app, table written by hand" "$app_hand" "$app_derived"
echo
echo "Ratios: against the app with the table written by hand."
echo
row_header
row "app on core" "$app_core" "$app_hand"
echo
fi

# --- incremental rebuild ---------------------------------------------------------

if wants incremental; then
echo "## Rebuild after appending a row to status-codes.toml (best of $runs)"
echo
target="$work/target-incremental"
table="$repo_copy/status-codes.toml"
cp "$table" "$work/status-codes.original"
build_quiet "$work/app-core" "$target"
incremental=""
for _ in $(seq "$runs"); do
    cp "$work/status-codes.original" "$table"
    build_quiet "$work/app-core" "$target"
    # A row like the ones Salesforce adds when the published table grows.
    cat >> "$table" <<'ROW'

[[status]]
code = 4506
name = "FailedDueToBlockedSender"
definition = "The carrier blocked messages from the sending code."
stage = "handset"
outcome = "failed"
final = "yes"
action = "investigate"
ROW
    seconds=$(timed build_quiet "$work/app-core" "$target")
    incremental=$(smaller "$incremental" "$seconds")
done
cp "$work/status-codes.original" "$table"
echo "Ratios: against the cold build of the same app."
echo
row_header
row "app on core, one row appended" "$incremental" "${app_core:-}"
echo
fi

# --- expansion time ------------------------------------------------------------------

if wants expand; then
echo "## Macro expansion (rustc -Ztime-passes: macro_expand_crate, best of $runs)"
echo
expand_target="$work/target-expand"
core_expand=$(best_expand "$runs" "$repo_copy" "$expand_target" "$repo_copy/core/src/lib.rs" \
    -p mobileconnect-status --lib)
derived_expand=$(best_expand "$runs" "$work/app-derived" "$expand_target-derived" \
    "$work/app-derived/src/main.rs")
hand_expand=$(best_expand "$runs" "$work/app-handwritten" "$expand_target-hand" \
    "$work/app-handwritten/src/main.rs")
echo "Ratios: against the strum + num_enum app."
echo
printf '| %-44s | %8s | %5s |\n' crate "expand s" ratio
printf '|%s|%s|%s|\n' ---------------------------------------------- ---------: ------:
for entry in "core library: status_table and std derives=$core_expand" \
    "app on strum + num_enum: their derives=$derived_expand" \
    "app, table by hand: std derives only=$hand_expand"; do
    echo "${entry#*=} $derived_expand" \
        | awk -v l="${entry%=*}" '{ printf "| %-44s | %8.3f | %5.2f |\n", l, $1, $1 / $2 }'
done
echo
fi

# --- scaling ---------------------------------------------------------------------------

# Own-compile "WALL CPU" and from_code ns of the scaled crates, by rows,
# for the floor section to compare with.
declare -A scaled_own=() scaled_from_code=()

if wants scaling; then
echo "## Scaling: the same crate expanding tables of 20 (the real one), $scales rows"
echo
printf '| %6s | %8s | %11s | %10s | %10s | %9s | %12s | %12s |\n' rows "expand s" "cold wall s" "cold CPU s" "own wall s" "own CPU s" "from_code ns" "from_name ns"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' -------: ---------: ------------: -----------: -----------: ----------: -------------: -------------:
for rows in 20 $scales; do
    dir="$work/scaled-$rows"
    expand=$(best_expand "$runs" "$dir" "$work/target-scaled-expand-$rows" "$dir/src/lib.rs" --lib)
    cold=$(best_cold_build "$runs" "$dir" --lib)
    own=$(best_own_build "$runs" "$dir" "$work/target-scaled-own-$rows")
    lookups=$(cargo run --quiet --release --offline --manifest-path "$dir/Cargo.toml" \
        --target-dir "$work/target-scaled-release-$rows")
    from_code=$(field from_code_ns "$lookups")
    from_name=$(field from_name_ns "$lookups")
    scaled_own[$rows]="$own"
    scaled_from_code[$rows]="$from_code"
    printf '| %6s | %8s | %11s | %10s | %10s | %9s | %12s | %12s |\n' "$rows" "$expand" \
        "${cold%% *}" "${cold##* }" "${own%% *}" "${own##* }" "$from_code" "$from_name"
done
echo
echo "expand: macro_expand_crate of the crate; cold: the crate and its dependencies"
echo "from nothing (dev profile); own: the crate alone after touching its source,"
echo "dependencies built; lookups: release build, median ns per call over 1024"
echo "inputs, 90% listed codes and 10% unlisted ones."
echo
fi
# --- the floor ---------------------------------------------------------------------------

# One cell of the floor table.
cell() {
    printf ' %10s |' "$1"
}

if wants floor; then
echo "## Floor: the same tables as a hand-written enum (own compile CPU s, best of $runs)"
echo
printf '| %13s |' rows
for label in enum "+ Debug" "+ v. match" "+ ALL" "+ i. match" generated "match ns" "search ns"; do
    cell "$label"
done
echo
printf '|%s|' --------------:
for _ in 1 2 3 4 5 6 7 8; do printf '%s|' -----------:; done
echo
# Every number of the table by "rows,column", for the growth row.
declare -A floor=()
columns=("${!floor_steps[@]}" generated match search)
for rows in $scales; do
    for step in "${!floor_steps[@]}"; do
        own=$(best_own_build "$runs" "$work/floor-$rows-$step" "$work/target-floor-$rows-$step")
        floor[$rows,$step]="${own##* }"
    done
    # The generated crate's numbers come from the scaling section when it ran.
    dir="$work/scaled-$rows"
    if [ -z "${scaled_own[$rows]:-}" ]; then
        scaled_own[$rows]=$(best_own_build "$runs" "$dir" "$work/target-scaled-own-$rows")
        lookups=$(cargo run --quiet --release --offline --manifest-path "$dir/Cargo.toml" \
            --target-dir "$work/target-scaled-release-$rows")
        scaled_from_code[$rows]=$(field from_code_ns "$lookups")
    fi
    floor[$rows,generated]="${scaled_own[$rows]##* }"
    floor[$rows,search]="${scaled_from_code[$rows]}"
    lookups=$(cargo run --quiet --release --offline --manifest-path "$work/floor-$rows-$last_step/Cargo.toml" \
        --target-dir "$work/target-floor-release-$rows")
    floor[$rows,match]=$(field from_code_ns "$lookups")
    printf '| %13s |' "$rows"
    for column in "${columns[@]}"; do
        cell "${floor[$rows,$column]}"
    done
    echo
done
# Growth from each scale to the next: the ratio of their numbers.
previous=""
for rows in $scales; do
    if [ -n "$previous" ]; then
        printf '| %13s |' "$rows/$previous"
        for column in "${columns[@]}"; do
            cell "$(echo "${floor[$previous,$column]} ${floor[$rows,$column]}" | awk '{ printf "%.1f", $2 / $1 }')"
        done
        echo
    fi
    previous="$rows"
done
echo
echo "Each floor column is a crate with one item more than the column to its left:"
echo "enum: one unit variant per row and Unrecognized(u16), deriving Clone and Copy;"
echo "+ Debug: derived; + v. match: code(), a match from variant to code; + ALL: a"
echo "const slice of every variant; + i. match: from_code(), a match on the u16."
echo "generated: the scaled crate (like core: the attribute alone, every impl expanded), own compile as in"
echo "Scaling. match ns: the last floor crate's from_code; search ns: the generated"
echo "from_code; release builds, the same inputs and timer as in Scaling. b/a:"
echo "growth, the number at b rows over the number at a rows."
echo
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
