#!/usr/bin/env bash
# Training speed: the reference network's training step (forward, Dice loss, backward, Adam) on batch 2 of random
# 4-channel patches, this build (the U-Net's forward as one TorchScript program, channels-last) against BASE (default
# 25577c8, the layer-by-layer DJL network), each with glibc's defaults (VOXSEG_MALLOC=system) and with freed memory
# reused (the launcher's reuse_tunables), alternating in each round; with BF16=1 also this build's bf16 step at every
# size, with freed memory reused (bf16 training is refused on a CPU where it is slower than fp32, docs/engine.md).
# Prints each setting's median of the per-run medians, the speed-ups and the peak RSS.
# Usage: bench/training.sh [ROUNDS] [THREADS] [BASE] [PATCH ...]   (default 2 rounds, 2 threads, 25577c8, 64 128)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
threads=${2:-2}
base=${3:-25577c8}
shift $(( $# < 3 ? $# : 3 ))
patches=("$@")
[ ${#patches[@]} -gt 0 ] || patches=(64 128)
jar=seg-cli/target/voxseg.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
tunables=$(sed -n 's/^reuse_tunables=//p' seg-cli/src/dist/bin/voxseg)
work=$(mktemp -d)
trap 'git worktree remove --force "$work/base" 2>/dev/null || true; rm -rf "$work"' EXIT
git worktree add -q --detach "$work/base" "$base"
(cd "$work/base" && mvn -B -q -ntp -DskipTests package)
run() { # NAME JAR MALLOC PATCH [PRECISION]
  local setting=""
  [ "$3" = system ] || setting="GLIBC_TUNABLES=$tunables"
  # Larger patches take tens of seconds a step: fewer repeats.
  local repeats=5 warmup=2
  [ "$4" -le 64 ] || { repeats=2; warmup=1; }
  # shellcheck disable=SC2086 # empty or one assignment
  env $setting java -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 -jar "$2" \
    bench network --mode train --patch "$4" --batch 2 --repeats "$repeats" --warmup "$warmup" \
    ${5:+--precision "$5"} --json "$work/$1_$4_$3_$round.json" > /dev/null
}
for round in $(seq 1 "$rounds"); do
  for patch in "${patches[@]}"; do
    for malloc in system reuse; do
      run new "$jar" "$malloc" "$patch"
      run base "$work/base/$jar" "$malloc" "$patch"
    done
    [ "${BF16:-0}" != 1 ] || run bf16 "$jar" reuse "$patch" bf16
  done
done
BF16=${BF16:-0} /usr/bin/python3 - "$work" "$rounds" "$threads" "${patches[@]}" <<'PY'
import json, os, statistics, sys
work, rounds, threads, patches = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
load = lambda name, patch, malloc: [json.load(open(f"{work}/{name}_{patch}_{malloc}_{r}.json"))
                                    for r in range(1, rounds + 1)]
median = lambda runs: statistics.median(r["median_s"] for r in runs)
peak = lambda runs: max(r["rss_peak_bytes"] for r in runs) / 1e6
print(f"training step, reference network, batch 2, {threads} threads, {rounds} rounds (medians of run medians)")
for patch in patches:
    for malloc in ("system", "reuse"):
        new, base = load("new", patch, malloc), load("base", patch, malloc)
        ratios = [b["median_s"] / n["median_s"] for n, b in zip(new, base)]
        print(f"  {patch}^3, freed memory {malloc}: program {median(new):.2f} s ({peak(new):.0f} MB), "
              f"layer by layer {median(base):.2f} s ({peak(base):.0f} MB); {median(base) / median(new):.2f}x "
              f"(per round {', '.join(f'{x:.2f}x' for x in ratios)})")
    default_new, default_base = load("new", patch, "reuse"), load("base", patch, "system")
    print(f"  {patch}^3 as each launcher runs it (this build reuses freed memory, the base does not): "
          f"{median(default_base) / median(default_new):.2f}x")
for patch in patches if os.environ["BF16"] == "1" else []:
    bf16, fp32 = load("bf16", patch, "reuse"), load("new", patch, "reuse")
    ratios = [f["median_s"] / b["median_s"] for f, b in zip(fp32, bf16)]
    print(f"  bf16 {patch}^3, freed memory reused: {median(bf16):.2f} s ({peak(bf16):.0f} MB), "
          f"{median(fp32) / median(bf16):.2f}x fp32's speed (per round {', '.join(f'{x:.2f}x' for x in ratios)})")
PY
