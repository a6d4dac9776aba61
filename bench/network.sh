#!/usr/bin/env bash
# Compares voxseg's U-Net training step and inference with PyTorch's on the same network, alternating the two
# (this machine's speed drifts) and printing the median of each tool's per-round medians, their ratio and peak
# memory. Needs the built jar (mvn -q -DskipTests package) and Debian's python3-torch (installed here if missing).
# Usage: bench/network.sh [ROUNDS] [THREADS] [MODE PATCH ...]
#   default: 3 rounds, 2 threads, "train 64" "train 96" "infer 128"; REPEATS and WARMUP (5, 2) set the runs per round.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
threads=${2:-2}
jar=seg-cli/target/voxseg.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-torch
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shift $(( $# < 2 ? $# : 2 ))
if [ $# -gt 0 ]; then
  cases=()
  while [ $# -ge 2 ]; do cases+=("$1 $2"); shift 2; done
else
  cases=("train 64" "train 96" "infer 128")
fi
repeats=${REPEATS:-5}
warmup=${WARMUP:-2}
for round in $(seq 1 "$rounds"); do
  for c in "${cases[@]}"; do
    set -- $c
    java -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 -jar "$jar" \
      bench network --mode "$1" --patch "$2" --repeats "$repeats" --warmup "$warmup" --json "$work/voxseg_$1_$2_$round.json"
    /usr/bin/python3 bench/pytorch_reference.py --mode "$1" --patch "$2" --threads "$threads" --repeats "$repeats" \
      --warmup "$warmup" --json "$work/pytorch_$1_$2_$round.json"
  done
done
/usr/bin/python3 - "$work" "$rounds" "${cases[@]}" <<'PY'
import json, statistics, sys
work, rounds, cases = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
for case in cases:
    mode, patch = case.split()
    load = lambda tool: [json.load(open(f"{work}/{tool}_{mode}_{patch}_{r}.json")) for r in range(1, rounds + 1)]
    v, p = load("voxseg"), load("pytorch")
    vt = statistics.median(r["median_s"] for r in v)
    pt = statistics.median(r["median_s"] for r in p)
    vm = max(r["rss_peak_bytes"] for r in v) / 1e6
    pm = max(r["rss_peak_bytes"] for r in p) / 1e6
    print(f"{mode} 1x4x{patch}^3: voxseg {vt:.3f} s, {p[0]['tool']} {pt:.3f} s, ratio {vt / pt:.2f}; "
          f"peak RSS {vm:.0f} MB vs {pm:.0f} MB ({vm / pm:.2f}x)")
PY
