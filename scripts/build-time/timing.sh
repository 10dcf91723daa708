# Timing helpers for measure.sh: wall-clock seconds of cargo builds, best of
# several runs, and ratio rows. Sourced, not run.

# Seconds since the epoch, to the millisecond.
now() {
    date +%s.%N
}

# Runs a command and prints "WALL CPU": its wall-clock seconds and the CPU
# seconds (user + system) of it and its children. Wall time is what a
# person waits for; CPU time is what the build costs when other work shares
# the cores, and varies less with that other work.
timed() {
    local TIMEFORMAT='%R %U %S'
    { time "$@" > /dev/null; } 2> "$work/time.txt"
    awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$work/time.txt"
}

# The element-wise smaller of two "WALL CPU" pairs; an empty first one
# means "none yet".
smaller() {
    if [ -z "$1" ]; then
        echo "$2"
    else
        echo "$1 $2" | awk '{ printf "%.2f %.2f", ($3 < $1 ? $3 : $1), ($4 < $2 ? $4 : $2) }'
    fi
}

# cargo build of the crate in $1 into the target dir $2, quietly, offline.
build_quiet() {
    local dir="$1" target="$2"
    shift 2
    if ! cargo build --quiet --offline --manifest-path "$dir/Cargo.toml" --target-dir "$target" "$@" \
        > "$work/build.log" 2>&1; then
        # Straight to the terminal: stderr may be captured for timing here.
        cat "$work/build.log" >&3
        echo "measure.sh: cargo build failed in $dir" >&3
        exit 1
    fi
}

# Best of $1 cold builds of the crate in $2 (extra cargo arguments after),
# each into a new, empty target dir.
best_cold_build() {
    local runs="$1" dir="$2" best="" target seconds
    shift 2
    for _ in $(seq "$runs"); do
        target=$(mktemp -d "$work/target-cold.XXXXXX")
        seconds=$(timed build_quiet "$dir" "$target" "$@")
        rm -rf "$target"
        best=$(smaller "$best" "$seconds")
    done
    echo "$best"
}

# Best of $1 rebuilds of the crate in $2 alone: its dependencies are built
# once into $3, then its sources are touched and only it is rebuilt.
best_own_build() {
    local runs="$1" dir="$2" target="$3" best="" seconds
    # Without incremental compilation: it would reuse the unchanged crate's
    # work and time almost nothing but the macro.
    CARGO_INCREMENTAL=0 build_quiet "$dir" "$target" --lib
    for _ in $(seq "$runs"); do
        touch "$dir/src/lib.rs"
        seconds=$(CARGO_INCREMENTAL=0 timed build_quiet "$dir" "$target" --lib)
        best=$(smaller "$best" "$seconds")
    done
    echo "$best"
}

# Best of $1 macro-expansion times (seconds) of the crate in $2, built into
# $3 and recompiled by touching its root source file $4, from rustc's own
# -Ztime-passes report. RUSTC_BOOTSTRAP lets a stable rustc accept the -Z
# flag; nothing else about the build changes.
best_expand() {
    local runs="$1" dir="$2" target="$3" root="$4" best="" seconds
    shift 4
    build_quiet "$dir" "$target" "$@"
    for _ in $(seq "$runs"); do
        touch "$root"
        seconds=$(RUSTC_BOOTSTRAP=1 cargo rustc --offline --manifest-path "$dir/Cargo.toml" \
            --target-dir "$target" "$@" -- -Ztime-passes 2>&1 \
            | awk '$NF == "macro_expand_crate" { sub(";", "", $2); print $2; exit }')
        if [ -z "$seconds" ]; then
            echo "measure.sh: rustc printed no macro_expand_crate time for $dir" >&2
            exit 1
        fi
        best=$(echo "${best:-$seconds} $seconds" | awk '{ print ($2 < $1 ? $2 : $1) }')
    done
    echo "$best"
}

# A report row: label, "WALL CPU" seconds, and their ratios to a baseline
# pair (left out when the baseline was not measured in this run).
row() {
    local label="$1" seconds="$2" baseline="$3"
    if [ -z "$baseline" ]; then
        echo "$seconds" | awk -v l="$label" '{ printf "| %-44s | %6.2f |       | %6.2f |       |\n", l, $1, $2 }'
        return
    fi
    echo "$seconds $baseline" | awk -v l="$label" \
        '{ printf "| %-44s | %6.2f | %5.2f | %6.2f | %5.2f |\n", l, $1, $1 / $3, $2, $2 / $4 }'
}

# The header of a table of rows.
row_header() {
    printf '| %-44s | %6s | %5s | %6s | %5s |\n' "build" "wall s" "ratio" "CPU s" "ratio"
    printf '|%s|%s|%s|%s|%s|\n' ---------------------------------------------- -------: ------: -------: ------:
}

# The value of key=value in a line of key=value pairs.
field() {
    local key="$1" line="$2"
    echo "$line" | tr ' ' '\n' | awk -F= -v k="$key" '$1 == k { print $2 }'
}
