#!/usr/bin/env bash
# voxseg predict against the Spark job in local mode on the same synthetic BraTS-size cases: `voxseg predict` (one
# JVM, libtorch's default threads), `voxseg-spark predict --master local[1] --threads 2` (one task at a time with
# both cores) and `--master local[2] --threads 1` (two cases at once, one core each). Each run starts from an empty
# output folder; wall time and the peak RSS of the JVM (in local mode the driver is the only executor) come from
# GNU time. The runs alternate per round; with ROUNDS > 1 the table gives medians. Also checks that the Spark
# job's label maps are byte-identical to voxseg predict's. PREDICT_OPTS (e.g. "--overlap 0.25") goes to all three.
# Usage: bench/spark.sh MODEL [CASES] [ROUNDS] [DATA_DIR]   (default 12 cases, 1 round, data in /tmp/voxseg-spark)
set -euo pipefail
cd "$(dirname "$0")/.."
model=$1
cases=${2:-12}
rounds=${3:-1}
data=${4:-/tmp/voxseg-spark}
jar=seg-cli/target/voxseg.jar
[ -f "$jar" ] && [ -f seg-spark/target/voxseg-spark.jar ] || mvn -B -q -DskipTests package
[ -d "$data" ] || java -jar "$jar" synth --out "$data" --cases "$cases" --shape 240,240,155 --seed 3 > /dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
measure() { # NAME ROUND COMMAND...
  local name=$1 round=$2
  shift 2
  rm -rf "$work/out_$name"
  /usr/bin/time -f "%e %M" -o "$work/time_${name}_$round" "$@" > "$work/log_${name}_$round" 2>&1
}
for round in $(seq 1 "$rounds"); do
  # shellcheck disable=SC2086 # PREDICT_OPTS is a word list on purpose
  measure predict "$round" java -jar "$jar" predict --model "$model" --input "$data" --output "$work/out_predict" \
    --quiet ${PREDICT_OPTS:-}
  # shellcheck disable=SC2086
  measure local1 "$round" seg-spark/bin/voxseg-spark predict --master 'local[1]' --threads 2 --model "$model" \
    --input "$data" --output "$work/out_local1" ${PREDICT_OPTS:-}
  # shellcheck disable=SC2086
  measure local2 "$round" seg-spark/bin/voxseg-spark predict --master 'local[2]' --threads 1 --model "$model" \
    --input "$data" --output "$work/out_local2" ${PREDICT_OPTS:-}
  for name in local1 local2; do
    for file in "$work"/out_predict/*.nii.gz; do
      cmp -s "$file" "$work/out_$name/$(basename "$file")" || echo "DIFFERENT: $name $(basename "$file")"
    done
  done
done
/usr/bin/python3 - "$work" "$rounds" "$cases" <<'PY'
import statistics, sys
work, rounds, cases = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
import csv
print(f"| run ({cases} cases, {'median of ' + str(rounds) if rounds > 1 else '1 round'}) | wall time | wall / case "
      "| task seconds per case (median, last round) | peak RSS of the JVM |")
print("|---|---|---|---|---|")
for name, label in [("predict", "voxseg predict"), ("local1", "voxseg-spark, local[1], 2 threads"),
                    ("local2", "voxseg-spark, local[2], 1 thread per task")]:
    runs = [open(f"{work}/time_{name}_{r}").read().split()[-2:] for r in range(1, rounds + 1)]
    wall = statistics.median(float(w) for w, _ in runs)
    rss = statistics.median(int(m) for _, m in runs) / 1024
    task = "-"
    if name != "predict":
        with open(f"{work}/out_{name}/results.csv") as table:
            task = f"{statistics.median(float(row['seconds']) for row in csv.DictReader(table)):.1f} s"
    print(f"| {label} | {wall:.0f} s | {wall / cases:.1f} s | {task} | {rss:.0f} MB |")
PY
