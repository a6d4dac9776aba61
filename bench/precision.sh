#!/usr/bin/env bash
# CPU inference speed by number type: the reference network's sliding window over a random 4x240x240x155 volume
# (roi 128^3, overlap 0.5, Gaussian, one window per call), alternating in each round:
#   voxseg fp32 and bf16 (this build: a trained network runs as one TorchScript program per window),
#   voxseg fp32 as built at BASE (default e72d748, the layer-by-layer DJL forward before that program),
#   PyTorch 1.13 fp32 on the same loop (bench/pytorch_reference.py --mode window).
# Prints medians, ratios, achieved GFLOP/s and the CPU's peak: cores x clock x FLOP per cycle per core, where a Zen 4
# core (AuthenticAMD) does 2 x 256-bit FMA a cycle (32 float32 FLOP) and 2 x 256-bit VDPBF16PS (64 bfloat16 FLOP),
# and an Intel server core with AVX-512 2 x 512-bit (64 and 128); the clock is lscpu's maximum, else /proc/cpuinfo's
# current one.
# Every run inherits the environment's GLIBC_TUNABLES: `VOXSEG_MALLOC=reuse` sets the launcher's for all of them
# (bench/allocator.sh measures what that setting is worth), anything else leaves the environment as it is.
# Usage: bench/precision.sh [ROUNDS] [THREADS] [BASE]   (default 2 rounds, 2 threads, e72d748)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
threads=${2:-2}
base=${3:-e72d748}
jar=seg-cli/target/voxseg.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  build/install-test-tools.sh
fi
if [ "${VOXSEG_MALLOC:-}" = reuse ]; then
  GLIBC_TUNABLES=$(sed -n 's/^reuse_tunables=//p' seg-cli/src/dist/bin/voxseg)
  export GLIBC_TUNABLES
fi
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" 2>/dev/null || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/base" "$base"
(cd "$work/base" && mvn -B -q -ntp -DskipTests package)
run() { # NAME JAR PRECISION
  java -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 -jar "$2" \
    bench network --mode window --patch 128 --repeats 1 --warmup 0 ${3:+--precision "$3"} --json "$work/$1_$round.json"
}
for round in $(seq 1 "$rounds"); do
  run fp32 "$jar" fp32
  run bf16 "$jar" bf16
  run base "$work/base/$jar" ""
  /usr/bin/python3 bench/pytorch_reference.py --mode window --patch 128 --threads "$threads" --repeats 1 \
    --warmup 0 --json "$work/pytorch_$round.json"
done
mhz=$(lscpu | awk -F: '/CPU max MHz/ {gsub(/ /, "", $2); print $2}')
[ -n "$mhz" ] || mhz=$(awk -F: '/cpu MHz/ {print $2; exit}' /proc/cpuinfo)
vendor=$(awk -F': ' '/vendor_id/ {print $2; exit}' /proc/cpuinfo)
/usr/bin/python3 - "$work" "$rounds" "$threads" "$mhz" "$vendor" <<'PY'
import json, statistics, sys
work, rounds, threads, mhz = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
flop_per_cycle = 32 if sys.argv[5] == "AuthenticAMD" else 64
load = lambda tool: [json.load(open(f"{work}/{tool}_{r}.json")) for r in range(1, rounds + 1)]
median = lambda tool: statistics.median(r["median_s"] for r in load(tool))
peak_rss = lambda tool: max(r["rss_peak_bytes"] for r in load(tool)) / 1e6
fp32, bf16, base, torch = median("fp32"), median("bf16"), median("base"), median("pytorch")
gflops = lambda tool: statistics.median(r["gflops_per_s"] for r in load(tool))
peak32, peak16 = threads * mhz / 1e3 * flop_per_cycle, threads * mhz / 1e3 * 2 * flop_per_cycle
freed = load("fp32")[0].get("freed_memory", "?")
print(f"sliding window 4x240x240x155, roi 128, {threads} threads, {rounds} rounds (medians), freed memory {freed}:")
print(f"  voxseg fp32 {fp32:.1f} s ({gflops('fp32'):.0f} GFLOP/s, {gflops('fp32') / peak32:.0%} of {peak32:.0f}),"
      f" peak RSS {peak_rss('fp32'):.0f} MB")
print(f"  voxseg bf16 {bf16:.1f} s ({gflops('bf16'):.0f} GFLOP/s, {gflops('bf16') / peak16:.0%} of {peak16:.0f}),"
      f" peak RSS {peak_rss('bf16'):.0f} MB")
print(f"  voxseg fp32 at the base {base:.1f} s, peak RSS {peak_rss('base'):.0f} MB")
print(f"  PyTorch fp32 {torch:.1f} s, peak RSS {peak_rss('pytorch'):.0f} MB")
print(f"  fp32 speed-up over the base {base / fp32:.2f}x; bf16 over fp32 {fp32 / bf16:.2f}x; fp32 vs PyTorch"
      f" {fp32 / torch:.2f}")
PY
