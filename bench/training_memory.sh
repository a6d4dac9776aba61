#!/usr/bin/env bash
# Whether training keeps resident memory flat with freed memory reused (the launcher's reuse_tunables): STEPS training
# steps of the reference network on batch 2 of random PATCH^3 patches in one process, printing the anonymous resident
# memory (RssAnon) after step 20, after the last step, their ratio, the largest after any step from 20 on, and every
# 50th. The Java heap is fixed and touched at start (-Xms = -Xmx, AlwaysPreTouch), so RssAnon's changes are native
# memory, not the collector's heap sizing.
# Usage: bench/training_memory.sh [STEPS] [PATCH] [THREADS]   (default 300 steps, 48, 2 threads)
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${1:-300}
patch=${2:-48}
threads=${3:-2}
jar=seg-cli/target/voxseg.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
tunables=$(sed -n 's/^reuse_tunables=//p' seg-cli/src/dist/bin/voxseg)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
GLIBC_TUNABLES=$tunables java -Xms512m -Xmx512m -XX:+AlwaysPreTouch -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads=1 \
  -jar "$jar" bench network --mode train --patch "$patch" --batch 2 --warmup 0 --repeats "$steps" \
  --json "$work/memory.json"
/usr/bin/python3 - "$work/memory.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))
after = [b / 1e6 for b in results["rss_anon_after_step_bytes"]]
print(f"RssAnon after step 20 {after[19]:.0f} MB, after step {len(after)} {after[-1]:.0f} MB "
      f"({after[-1] / after[19]:.3f}x), largest from step 20 on {max(after[19:]):.0f} MB, "
      f"freed memory {results['freed_memory']}")
print("every 50 steps: " + ", ".join(f"{after[i]:.0f}" for i in range(0, len(after), 50)) + " MB")
PY
