#!/usr/bin/env bash
# Accuracy over seeds, as a user meets it: trains CONFIG once per seed through the CLI on a generated dataset,
# predicts the held-out cases (with the postprocessing each run decides), scores them, and prints per region the
# mean, minimum and spread (max - min) over seeds of the held-out mean Dice, and the mean and worst HD95.
#
# Usage: bench/accuracy.sh [-c CONFIG] [-d anatomy|demo] [-s "SEEDS"] [-o WORK] [-v VOXSEG] [-t THREADS]
#   -c  training config (default examples/brats2020/demo_config.json); its dataset root is replaced by WORK's
#   -d  anatomy (default): 12 training and 4 test cases on the real brain in bench/anatomy/ch2bet.nii.gz
#       (voxseg synth --anatomy: oblique ~2 mm grids, irregular tumours); demo: run.sh's synthetic dataset
#   -s  training seeds (default "1 2 3 4 5")
#   -o  work folder (default bench/out/accuracy-<dataset>); a seed whose scores exist there is not trained again
#   -v  the voxseg launcher to measure (default: this tree, built with mvn package), e.g. another commit's build
# Writes WORK/accuracy.csv (seed,region,dice,hd95,train_seconds,status) and prints the summary table. A seed whose
# training fails (e.g. its loss becomes NaN) leaves its user with no model: it counts as Dice 0, status "failed".
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/.."
config="$root/examples/brats2020/demo_config.json"
dataset=anatomy
seeds="1 2 3 4 5"
work=""
voxseg=""
threads="$(nproc)"
while getopts "c:d:s:o:v:t:" option; do
  case "$option" in
    c) config="$(realpath "$OPTARG")" ;;
    d) dataset="$OPTARG" ;;
    s) seeds="$OPTARG" ;;
    o) work="$OPTARG" ;;
    v) voxseg="$(realpath "$OPTARG")" ;;
    t) threads="$OPTARG" ;;
    *) sed -n '2,14p' "$0" >&2; exit 2 ;;
  esac
done
work="$(realpath -m "${work:-$root/bench/out/accuracy-$dataset}")"
if [ -z "$voxseg" ]; then
  (cd "$root" && mvn -B -q -ntp -DskipTests package)
  launchers=("$root"/seg-cli/target/voxseg-*/voxseg-*/bin/voxseg)
  voxseg="${launchers[0]}"
fi
mkdir -p "$work"
case "$dataset" in
  anatomy)
    [ -d "$work/train" ] || "$voxseg" synth --anatomy "$here/anatomy/ch2bet.nii.gz" --out "$work/train" --cases 12 \
      --seed 1
    [ -d "$work/test" ] || "$voxseg" synth --anatomy "$here/anatomy/ch2bet.nii.gz" --out "$work/test" --cases 4 \
      --seed 2 ;;
  demo)
    [ -d "$work/train" ] || "$voxseg" synth --out "$work/train" --cases 10 --seed 1
    [ -d "$work/test" ] || "$voxseg" synth --out "$work/test" --cases 3 --seed 2 ;;
  *) echo "accuracy.sh: -d must be anatomy or demo, not $dataset" >&2; exit 2 ;;
esac
sed -E "s#\"brats_root\": *\"[^\"]*\"#\"brats_root\": \"$work/train\"#" "$config" > "$work/config.json"
grep -q "\"brats_root\": \"$work/train\"" "$work/config.json" ||
  { echo "accuracy.sh: $config has no dataset.brats_root to point at the generated cases" >&2; exit 2; }
csv="$work/accuracy.csv"
[ -f "$csv" ] || echo "seed,region,dice,hd95,train_seconds,status" > "$csv"
for seed in $seeds; do
  if grep -q "^$seed," "$csv"; then
    continue
  fi
  run="$work/seed_$seed"
  rm -rf "$run"
  mkdir -p "$run/predictions"
  start=$(date +%s)
  if ! "$voxseg" train --config "$work/config.json" --output-dir "$run/run" --seed "$seed" --threads "$threads" \
      --quiet > "$run/train.log" 2>&1; then
    echo "seed $seed: training failed: $(tail -1 "$run/train.log")" >&2
    for region in $(sed -n 's/.*"region_names": *\[\([^]]*\)\].*/\1/p' "$work/config.json" | tr -d '" ' | tr , ' '); do
      echo "$seed,$region,0,,$(( $(date +%s) - start )),failed" >> "$csv"
    done
    continue
  fi
  seconds=$(( $(date +%s) - start ))
  "$voxseg" predict --model "$run/run" --input "$work/test" --output "$run/predictions" --threads "$threads" \
    --quiet > "$run/predict.log"
  "$voxseg" evaluate --model "$run/run" --prediction "$run/predictions" --reference "$work/test" \
    --output "$run/predictions/scores.csv" > "$run/evaluate.log"
  # scores_summary.csv: structure,metric,mean,median,std,n; one row per seed and region.
  awk -F, -v seed="$seed" -v seconds="$seconds" 'NR > 1 { value[$1 "," $2] = $3; if (!($1 in seen)) {
      seen[$1] = 1; order[++n] = $1 } }
    END { for (i = 1; i <= n; i++) { r = order[i]; printf "%s,%s,%s,%s,%s,ok\n", seed, r, value[r ",dice"],
      value[r ",hd95"], seconds } }' "$run/predictions/scores_summary.csv" >> "$csv"
done
echo "accuracy over seeds ($seeds) on $dataset: $(basename "$config"), $voxseg"
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $threads thread(s)"
awk -F, 'NR > 1 { r = $2; d = $3 + 0; n[r]++; sum[r] += d; runs[$1] = 1; t += $5
    if (!(r in seen)) { seen[r] = 1; order[++k] = r }
    if (!(r in low) || d < low[r]) low[r] = d
    if (!(r in high) || d > high[r]) high[r] = d
    per[r] = per[r] sprintf(" %.3f", d)
    if ($6 == "failed") { failed[$1] = 1; next }
    h = $4 + 0; hsum[r] += h; hn[r]++; if (!(r in worst) || h > worst[r]) worst[r] = h }
  END { printf "%-6s %6s %6s %6s %9s %9s  %s\n", "region", "mean", "min", "spread", "hd95", "worst", "Dice per seed"
    for (i = 1; i <= k; i++) { r = order[i]
      printf "%-6s %6.3f %6.3f %6.3f %9.2f %9.2f %s\n", r, sum[r] / n[r], low[r], high[r] - low[r],
        hn[r] ? hsum[r] / hn[r] : 0, worst[r], per[r] }
    seeds = 0; for (s in runs) seeds++
    lost = 0; for (s in failed) lost++
    printf "mean training time %.0f s per seed; %d of %d seed(s) failed to train (Dice 0, no HD95)\n", t / (seeds * k),
      lost, seeds }' "$csv"
