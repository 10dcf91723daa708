#!/usr/bin/env bash
# Cold builds of the CLI with each way of writing the HTML report that was
# considered: as it is (HTML and SVG written by hand), and with askama
# (templates) and plotters (SVG charts) added, each used once so that its
# derive and drawing code are compiled. Each build starts from a fresh
# target directory; the best of RUNS is kept, of the wall time and of the
# CPU time (user + system), which concurrent builds disturb less. Works on copies from `git
# archive`, never on the checkout.
#
#   bash scripts/build-time/html-options.sh            # HEAD
#   REV=904b607 VARIANTS=plain bash scripts/build-time/html-options.sh
#
# REV: the commit to build (default HEAD); VARIANTS: any of plain, askama,
# plotters, askama+plotters; RUNS (default 2); PROFILES (default "dev release").
set -euo pipefail
cd "$(dirname "$0")/../.."
rev=${REV:-HEAD}
runs=${RUNS:-2}
variants=${VARIANTS:-plain askama plotters askama+plotters}
profiles=${PROFILES:-dev release}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

askama='askama = { version = "=0.14.0", default-features = false, features = ["derive", "std"] }'
plotters='plotters = { version = "=0.3.7", default-features = false, features = ["svg_backend", "line_series"] }'

printf '%-16s %-8s %s\n' option profile "cold build, best of $runs"
for variant in $variants; do
  dir=$work/$variant
  mkdir -p "$dir"
  git archive "$rev" | tar -x -C "$dir"
  case $variant in *askama*)
    sed -i "s/^serde_json.workspace = true/&\n$askama/" "$dir/cli/Cargo.toml"
    cat >> "$dir/cli/src/main.rs" <<'RS'
#[derive(askama::Template)]
#[template(source = "<p>{{ x }}</p>{% for y in ys %}<td>{{ y }}</td>{% endfor %}", ext = "html")]
#[allow(dead_code, missing_docs, unreachable_pub)]
pub struct Probe { x: String, ys: Vec<u64> }
RS
  ;; esac
  case $variant in *plotters*)
    sed -i "s/^serde_json.workspace = true/&\n$plotters/" "$dir/cli/Cargo.toml"
    cat >> "$dir/cli/src/main.rs" <<'RS'
#[allow(dead_code, missing_docs)]
fn probe_chart() -> String {
    use plotters::prelude::*;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (640, 320)).into_drawing_area();
        let mut chart = ChartBuilder::on(&root).build_cartesian_2d(0..10, 0..100).unwrap();
        chart.draw_series(LineSeries::new((0..10).map(|x| (x, x * x)), &BLUE)).unwrap();
    }
    svg
}
RS
  ;; esac
  (cd "$dir" && cargo fetch -q)
  for profile in $profiles; do
    best= best_cpu=
    for _ in $(seq "$runs"); do
      rm -rf "$dir/target"
      # Wall time, and CPU time (user + system), which other builds on
      # the machine disturb less.
      times=$(cd "$dir" && { /usr/bin/time -f '%e %U %S' cargo build -q --profile "$profile" -p mobileconnect-status-cli; } 2>&1 | tail -1)
      read -r wall user system <<<"$times"
      cpu=$(echo "$user + $system" | bc)
      if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc)" = 1 ]; then best=$wall; fi
      if [ -z "$best_cpu" ] || [ "$(echo "$cpu < $best_cpu" | bc)" = 1 ]; then best_cpu=$cpu; fi
    done
    crates=$(find "$dir/target" -path '*/deps/*.d' | sed 's|.*/||; s|-[0-9a-f]*\.d$||' | sort -u | wc -l)
    printf '%-16s %-8s %6.1f s wall %6.1f s CPU  (%s crates)\n' "$variant" "$profile" "$best" "$best_cpu" "$crates"
  done
done
