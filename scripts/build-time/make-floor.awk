# Writes a hand-written enum of the generated table's shape, for measuring
# what any Rust enum with one variant per row costs rustc: the floor under
# the generated code. Reads a table from make-table.awk (its `code =` and
# `name =` lines) and writes lib.rs with the parts asked for:
#
#   debug    #[derive(Clone, Copy, Debug)] (else Clone, Copy only)
#   code     `code()`: a `match self` with one arm per row
#   from     `from_code()`: a `match` on the u16 with one arm per row
#   all      `const ALL: &[Floor]` holding every listed variant
#
# Variants are named through the enum (`Floor::X`), not `Self::X`: rustc
# resolves `Self::X` by walking the variants, which alone grows with the
# square of the rows (see BENCHMARKS.md, Growth).
#
# Usage: awk -v parts=debug,code,from,all -f make-floor.awk table.toml > lib.rs
BEGIN {
    split(parts, wanted, ",")
    for (i in wanted) {
        if (wanted[i] !~ /^(debug|code|from|all)$/) {
            print "make-floor.awk: parts are debug, code, from and all; got \"" wanted[i] "\"" > "/dev/stderr"
            failed = 1
            exit 2
        }
        has[wanted[i]] = 1
    }
}

$1 == "code" { codes[rows + 0] = $3 }
$1 == "name" { gsub(/"/, "", $3); names[rows++] = $3 }

END {
    # `exit` in BEGIN still runs END.
    if (failed) exit 2
    print "//! A hand-written enum with one variant per row of a generated table."
    print ""
    print (has["debug"] ? "#[derive(Clone, Copy, Debug)]" : "#[derive(Clone, Copy)]")
    print "pub enum Floor {"
    for (i = 0; i < rows; i++) print "    " names[i] ","
    print "    Unrecognized(u16),"
    print "}"
    print ""
    print "impl Floor {"
    if (has["all"]) {
        print "    pub const ALL: &'static [Floor] = &["
        for (i = 0; i < rows; i++) print "        Floor::" names[i] ","
        print "    ];"
    }
    if (has["code"]) {
        print "    pub const fn code(self) -> u16 {"
        print "        match self {"
        for (i = 0; i < rows; i++) print "            Floor::" names[i] " => " codes[i] ","
        print "            Floor::Unrecognized(code) => code,"
        print "        }"
        print "    }"
    }
    if (has["from"]) {
        print "    pub const fn from_code(code: u16) -> Floor {"
        print "        match code {"
        for (i = 0; i < rows; i++) print "            " codes[i] " => Floor::" names[i] ","
        print "            _ => Floor::Unrecognized(code),"
        print "        }"
        print "    }"
    }
    print "}"
}
