#!/usr/bin/env bash
# Does training grow with the dataset? `voxseg bench scale` (one epoch of a tiny U-Net, 2 steps of 2 64^3 patches,
# 2 validation batches, whole-case validation of one case at the end) on N and 4N synthetic BraTS-size cases under
# -Xmx1g (default workers: 1 at that heap), and on 4N cases with 1 and with 2 preprocessing workers under -Xmx2g;
# the four runs alternate, one of each per round. The heap is committed and touched at start (-Xms = -Xmx,
# AlwaysPreTouch), so RssAnon compares everything but the heap's resident size, which otherwise follows the
# collector's sizing decisions; what the heap holds is the "heap after GC" column.
# Reports medians of RssAnon at the epoch's end, heap after GC, preprocessing time per case and the epoch's time.
# Usage: bench/scale.sh [ROUNDS] [N] [DATA_DIR]   (default 2 rounds, N = 6, data in /tmp/voxseg-scale)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
n=${2:-6}
data=${3:-/tmp/voxseg-scale}
large=$((4 * n))
jar=seg-cli/target/voxseg.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scale() { # NAME HEAP CASES WORKERS ROUND
  java "-Xms$2" "-Xmx$2" -XX:+AlwaysPreTouch -jar "$jar" bench scale --cases "$3" --workers "$4" --data "$data/cases_$3" --json "$work/$1_$5.json"
}
for round in $(seq 1 "$rounds"); do
  scale small 1g "$n" 0 "$round"
  scale large 1g "$large" 0 "$round"
  scale serial 2g "$large" 1 "$round"
  scale parallel 2g "$large" 2 "$round"
done
/usr/bin/python3 - "$work" "$rounds" "$n" "$large" <<'PY'
import json, statistics, sys
work, rounds, n, large = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
runs = {name: [json.load(open(f"{work}/{name}_{r}.json")) for r in range(1, rounds + 1)]
        for name in ("small", "large", "serial", "parallel")}
med = lambda name, key: statistics.median(r[key] for r in runs[name])
print("| cases | heap | workers | RssAnon at epoch end | RssAnon peak | heap after GC | preprocessing per case | epoch |")
print("|---|---|---|---|---|---|---|---|")
for name, cases, heap, workers in (("small", n, "1g", 1), ("large", large, "1g", 1), ("serial", large, "2g", 1),
                                   ("parallel", large, "2g", 2)):
    print(f"| {cases} | {heap} | {workers} | {med(name, 'rss_anon_epoch_end_mb'):.0f} MB | {med(name, 'rss_anon_peak_mb'):.0f} MB"
          f" | {med(name, 'heap_after_gc_mb'):.0f} MB | {med(name, 'preprocess_s_per_case'):.2f} s"
          f" | {med(name, 'epoch_s'):.2f} s |")
print(f"RssAnon {large}/{n} cases: {med('large', 'rss_anon_epoch_end_mb') / med('small', 'rss_anon_epoch_end_mb'):.3f};"
      f" epoch time {large}/{n}: {med('large', 'epoch_s') / med('small', 'epoch_s'):.3f};"
      f" preprocessing speed-up 2 workers vs 1: "
      f"{med('serial', 'preprocess_s_per_case') / med('parallel', 'preprocess_s_per_case'):.2f}x")
PY
