#!/usr/bin/env bash
# Mixed precision as a user meets it: the demo (examples/brats2020/demo_config.json on run.sh's synthetic dataset)
# trained in fp32 once and in bf16 twice with the same seed and threads, each run's held-out cases predicted without
# postprocessing and scored. Prints the mean Dice per region of each run, bf16's difference from fp32's, the train
# times, and whether the two bf16 runs wrote the same final weights (sha256 of model.safetensors' tensors via
# `voxseg export`, which holds nothing else that changes from run to run).
# Usage: bench/demo_precision.sh [WORK] [THREADS]   (default bench/out/demo-precision, 2 threads)
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-bench/out/demo-precision}
threads=${2:-2}
mvn -B -q -ntp -DskipTests package
launchers=(seg-cli/target/voxseg-*/voxseg-*/bin/voxseg)
voxseg=${launchers[0]}
grep -m1 "model name" /proc/cpuinfo
mkdir -p "$work"
[ -d "$work/train" ] || $voxseg synth --out "$work/train" --cases 10 --seed 1 > /dev/null
[ -d "$work/test" ] || $voxseg synth --out "$work/test" --cases 3 --seed 2 > /dev/null
config="$work/config.json"
sed "s#\"demo/train\"#\"$(realpath "$work/train")\"#" examples/brats2020/demo_config.json > "$config"
for run in fp32 bf16 bf16-again; do
  [ -f "$work/$run/time" ] && continue
  rm -rf "${work:?}/$run"
  start=$(date +%s)
  $voxseg train --config "$config" --output-dir "$work/$run" --threads "$threads" --precision "${run%-again}" \
    --quiet > /dev/null
  echo $(( $(date +%s) - start )) > "$work/$run/time"
  mkdir -p "$work/$run/predictions"
  $voxseg predict --model "$work/$run" --input "$work/test" --output "$work/$run/predictions" --threads "$threads" \
    --no-postprocessing --quiet
  $voxseg evaluate --model "$work/$run" --prediction "$work/$run/predictions" --reference "$work/test" \
    --output "$work/$run/predictions/scores.csv" > /dev/null
  $voxseg export --model "$work/$run" --format safetensors --output "$work/$run/export" > /dev/null
done
/usr/bin/python3 - "$work" <<'PY'
import csv, hashlib, sys
work = sys.argv[1]
def dice(run):
    rows = csv.reader(open(f"{work}/{run}/predictions/scores_summary.csv"))
    return {r[0]: float(r[2]) for r in rows if len(r) > 2 and r[1] == "dice"}
runs = {run: dice(run) for run in ("fp32", "bf16", "bf16-again")}
for run, scores in runs.items():
    seconds = float(open(f"{work}/{run}/time").read())
    print(f"{run:10s} " + "  ".join(f"{region} {value:.4f}" for region, value in scores.items())
          + f"  ({seconds:.0f} s training)")
print("bf16 - fp32 " + "  ".join(f"{region} {runs['bf16'][region] - value:+.4f}" for region, value in runs["fp32"].items()))
digest = lambda run: hashlib.sha256(open(f"{work}/{run}/export/model.safetensors", "rb").read()).hexdigest()
print("bf16 runs wrote the same weights:", digest("bf16") == digest("bf16-again"))
PY
