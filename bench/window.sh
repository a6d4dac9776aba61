#!/usr/bin/env bash
# Compares voxseg's sliding-window inference with the same MONAI-semantics loop in PyTorch
# (bench/pytorch_reference.py --mode window): the reference network over a random 4x240x240x155 volume, roi 128^3,
# overlap 0.5, Gaussian blending, one window per call; tools alternate, one pass each per round.
# Usage: bench/window.sh [ROUNDS] [THREADS]   (default 2 rounds, 2 threads)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
threads=${2:-2}
jar=seg-cli/target/voxseg.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-torch
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for round in $(seq 1 "$rounds"); do
  java -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 -jar "$jar" \
    bench network --mode window --patch 128 --repeats 1 --warmup 0 --json "$work/voxseg_$round.json"
  /usr/bin/python3 bench/pytorch_reference.py --mode window --patch 128 --threads "$threads" --repeats 1 \
    --warmup 0 --json "$work/pytorch_$round.json"
done
/usr/bin/python3 - "$work" "$rounds" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
load = lambda tool: [json.load(open(f"{work}/{tool}_{r}.json")) for r in range(1, rounds + 1)]
v, p = load("voxseg"), load("pytorch")
vt = statistics.median(r["median_s"] for r in v)
pt = statistics.median(r["median_s"] for r in p)
vm = max(r["rss_peak_bytes"] for r in v) / 1e6
pm = max(r["rss_peak_bytes"] for r in p) / 1e6
print(f"sliding window 4x240x240x155, roi 128: voxseg {vt:.1f} s, {p[0]['tool']} {pt:.1f} s, ratio {vt / pt:.2f};"
      f" peak RSS {vm:.0f} MB vs {pm:.0f} MB ({vm / pm:.2f}x)")
PY
