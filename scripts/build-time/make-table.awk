# Writes a status table of `rows` rows in the format of status-codes.toml,
# for measuring how the generated code scales. Codes are spread over
# 0-65535 (one per equal slot, at a pseudo-random offset inside it), in
# code order; names, definitions and classifications vary like the real
# table's. Usage: awk -v rows=1000 -f make-table.awk > table.toml
BEGIN {
    if (rows < 1 || rows > 65536) {
        print "make-table.awk: rows must be from 1 to 65536, got \"" rows "\"" > "/dev/stderr"
        exit 2
    }
    split("QueuedTo FailedTo DeliveredTo ThrottledBy RejectedBy UnknownAt ExpiredAt AcceptedBy", verbs, " ")
    split("SendService Aggregator Carrier Handset Gateway Partner", places, " ")
    split("send-service aggregator carrier handset", stages, " ")
    split("pending delivered failed unknown", outcomes, " ")
    split("yes no shared-codes-only", finals, " ")
    split("wait none retry-later suppress-number investigate", actions, " ")
    seed = 12345
    slot = 65536 / rows
    print "# Generated for build-time measurements; not a real status table."
    for (i = 0; i < rows; i++) {
        # Slot i holds the integers from int(i * slot) up to, not
        # including, int((i + 1) * slot): disjoint, so codes never repeat.
        low = int(i * slot)
        code = low + int(random() * (int((i + 1) * slot) - low))
        verb = verbs[1 + int(random() * 8)]
        place = places[1 + int(random() * 6)]
        print ""
        print "[[status]]"
        print "code = " code
        printf "name = \"%s%s%05d\"\n", verb, place, code
        printf "definition = \"Generated status %d: %s %s.\"\n", code, verb, place
        print "stage = \"" stages[1 + int(random() * 4)] "\""
        print "outcome = \"" outcomes[1 + int(random() * 4)] "\""
        print "final = \"" finals[1 + int(random() * 3)] "\""
        print "action = \"" actions[1 + int(random() * 5)] "\""
    }
}

# A linear congruential generator, so every awk gives the same table.
function random() {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed / 2147483648
}
