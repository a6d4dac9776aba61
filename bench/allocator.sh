#!/usr/bin/env bash
# What reusing freed native memory is worth: the release's bin/voxseg with VOXSEG_MALLOC=reuse (its default for
# predict: glibc keeps freed tensors in one heap) against VOXSEG_MALLOC=system (large blocks mapped and unmapped, so
# the kernel faults in and zeroes every feature map anew), alternating in each round, on
#   the reference network's sliding window over a random 4x240x240x155 volume (roi 128^3, overlap 0.5, Gaussian),
#   its training step on 1x4x64^3 (for comparison: training keeps glibc's defaults, docs/engine.md says why),
#   and PyTorch 1.13 under Python on the same window loop with and without the same GLIBC_TUNABLES.
# Prints medians, ratios and peak RSS.
# Usage: bench/allocator.sh [ROUNDS] [THREADS]   (default 3 rounds, 2 threads)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
threads=${2:-2}
launchers=(seg-cli/target/voxseg-*/voxseg-*/bin/voxseg)
[ -x "${launchers[0]}" ] || mvn -B -q -DskipTests package
launchers=(seg-cli/target/voxseg-*/voxseg-*/bin/voxseg)
voxseg=${launchers[0]}
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  build/install-test-tools.sh
fi
tunables=$(sed -n 's/^reuse_tunables=//p' "$voxseg")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export JAVA_OPTS="-Dai.djl.pytorch.num_threads=$threads -Dai.djl.pytorch.num_interop_threads=1"
for round in $(seq 1 "$rounds"); do
  for malloc in reuse system; do
    VOXSEG_MALLOC=$malloc "$voxseg" bench network --mode window --patch 128 --repeats 1 --warmup 0 \
      --json "$work/window_${malloc}_$round.json"
    VOXSEG_MALLOC=$malloc "$voxseg" bench network --mode train --patch 64 --repeats 5 \
      --json "$work/train_${malloc}_$round.json"
  done
  for malloc in reuse system; do
    setting=""
    [ "$malloc" = system ] || setting="GLIBC_TUNABLES=$tunables"
    # shellcheck disable=SC2086 # empty or one assignment
    env $setting /usr/bin/python3 bench/pytorch_reference.py --mode window --patch 128 --threads "$threads" \
      --repeats 1 --warmup 0 --json "$work/pytorch_${malloc}_$round.json"
  done
done
/usr/bin/python3 - "$work" "$rounds" "$tunables" <<'PY'
import json, statistics, sys
work, rounds, tunables = sys.argv[1], int(sys.argv[2]), sys.argv[3]
load = lambda run, malloc: [json.load(open(f"{work}/{run}_{malloc}_{r}.json")) for r in range(1, rounds + 1)]
print(f"GLIBC_TUNABLES={tunables}; {rounds} rounds, medians (peak RSS: the largest)")
for run, what in [("window", "voxseg sliding window 4x240x240x155, roi 128"), ("train", "voxseg training step 64^3"),
                  ("pytorch", "PyTorch 1.13 sliding window, same loop")]:
    times = {m: statistics.median(r["median_s"] for r in load(run, m)) for m in ("reuse", "system")}
    rss = {m: max(r["rss_peak_bytes"] for r in load(run, m)) / 1e6 for m in ("reuse", "system")}
    ratios = [s["median_s"] / r["median_s"] for r, s in zip(load(run, "reuse"), load(run, "system"))]
    print(f"  {what}: reuse {times['reuse']:.2f} s ({rss['reuse']:.0f} MB), system {times['system']:.2f} s"
          f" ({rss['system']:.0f} MB); speed-up per round {', '.join(f'{x:.2f}x' for x in ratios)}")
PY
