# Turns divan's report of the core benches into ratios: in each group, the
# time per item of our type (the bench named `ours` or `typed_sms_status`)
# over that of every other bench in the same group, from the medians. Per
# item, because a peer that cannot hold unlisted codes gets fewer items.
# The same ratio from the fastest samples is printed too: on a machine
# shared with other work, the fastest sample is the one least disturbed.
#
#   cargo bench -p mobileconnect-status --all-features | tee bench.txt
#   awk -f scripts/build-time/bench-ratios.awk bench.txt
#
# Per-item times come from divan's items-per-second line under each bench.

function nanoseconds(text,    parts) {
    split(text, parts, " ")
    if (parts[2] == "ps") return parts[1] / 1000
    if (parts[2] == "ns") return parts[1]
    if (parts[2] == "µs") return parts[1] * 1000
    if (parts[2] == "ms") return parts[1] * 1000000
    if (parts[2] == "s") return parts[1] * 1000000000
    printf "bench-ratios.awk: line %d: unknown time unit in \"%s\"\n", NR, text > "/dev/stderr"
    failed = 1
    return 0
}

function per_second(text,    parts, scale) {
    split(text, parts, " ")
    scale = 1
    if (parts[2] ~ /^K/) scale = 1e3
    if (parts[2] ~ /^M/) scale = 1e6
    if (parts[2] ~ /^G/) scale = 1e9
    return parts[1] * scale
}

function trimmed(text) {
    gsub(/^ +| +$/, "", text)
    return text
}

BEGIN { FS = "│" }

# A group line: "├─ name" at the left edge, no numbers.
/^(├─|╰─) / {
    name = $1
    gsub(/├─|╰─/, "", name)
    group = trimmed(name)
    groups[++group_count] = group
    next
}

# A bench line: one level in, a name and then the times.
/^(│  |   )(├─|╰─) / {
    # The tree's leading bar would shift the columns; drop it.
    line = $0
    sub(/^│/, " ", line)
    split(line, column, "│")
    first = column[1]
    gsub(/├─|╰─/, "", first)
    first = trimmed(first)
    split(first, words, " ")
    bench = words[1]
    key = group SUBSEP bench
    benches[group, ++bench_count[group]] = bench
    median[key] = nanoseconds(trimmed(column[3]))
    last_key = key
    next
}

# The throughput line under a bench: fastest, slowest, median, mean items
# per second; tree bars before them vary, so count only the rate columns.
/item\/s/ && last_key != "" {
    rates = 0
    rate = 0
    fastest_rate = 0
    for (i = 1; i <= NF; i++) {
        if ($i ~ /item\/s/) {
            rates++
            if (rates == 1) fastest_rate = per_second(trimmed($i))
            if (rates == 3) rate = per_second(trimmed($i))
        }
    }
    if (rate > 0) item_ns[last_key] = 1e9 / rate
    if (fastest_rate > 0) fastest_ns[last_key] = 1e9 / fastest_rate
    last_key = ""
}

END {
    if (failed) exit 1
    if (group_count == 0) {
        print "bench-ratios.awk: no divan report found in the input" > "/dev/stderr"
        exit 1
    }
    printf "| %-22s | %-30s | %8s | %8s | %12s | %11s | %12s |\n", "group", "bench", "ns/item", "fastest", "median batch", "ours ÷ this", "(fastest)"
    printf "|%s|%s|%s|%s|%s|%s|%s|\n", "------------------------", "--------------------------------", "---------:", "---------:", "-------------:", "------------:", "-------------:"
    for (g = 1; g <= group_count; g++) {
        group = groups[g]
        subject = ""
        for (b = 1; b <= bench_count[group]; b++) {
            bench = benches[group, b]
            if (bench == "ours" || bench == "typed_sms_status") subject = bench
        }
        for (b = 1; b <= bench_count[group]; b++) {
            bench = benches[group, b]
            key = group SUBSEP bench
            ratio = ""
            fastest_ratio = ""
            if (subject != "" && bench != subject && item_ns[key] > 0) {
                ratio = sprintf("%.2f", item_ns[group, subject] / item_ns[key])
                fastest_ratio = sprintf("%.2f", fastest_ns[group, subject] / fastest_ns[key])
            } else if (bench == subject) {
                ratio = "ours"
                fastest_ratio = "ours"
            }
            printf "| %-22s | %-30s | %8.2f | %8.2f | %9.2f µs | %11s | %12s |\n", group, bench, item_ns[key], fastest_ns[key], median[key] / 1000, ratio, fastest_ratio
        }
    }
}
