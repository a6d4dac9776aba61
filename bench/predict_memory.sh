#!/usr/bin/env bash
# Does prediction memory grow with the number of cases? Runs `voxseg predict` on a folder of synthetic BraTS-size
# cases and samples the process's VmRSS and RssAnon each time a label map appears in the output folder.
# Usage: bench/predict_memory.sh MODEL [CASES] [DATA_DIR]   (default 12 cases, data in /tmp/voxseg-predict-memory)
set -euo pipefail
cd "$(dirname "$0")/.."
model=$1
cases=${2:-12}
data=${3:-/tmp/voxseg-predict-memory}
jar=seg-cli/target/voxseg.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
[ -d "$data" ] || java -jar "$jar" synth --out "$data" --cases "$cases" --shape 240,240,155 --seed 3
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
java ${JAVA_OPTS:-} -jar "$jar" predict --model "$model" --input "$data" --output "$out" --quiet > /dev/null &
pid=$!
seen=0
echo "| cases written | VmRSS | RssAnon |"
echo "|---|---|---|"
while kill -0 "$pid" 2>/dev/null; do
  written=$(find "$out" -maxdepth 1 -name '*.nii.gz' | wc -l)
  if [ "$written" -gt "$seen" ]; then
    seen=$written
    rss=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    anon=$(awk '/^RssAnon:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [ "${rss:-0}" -gt 0 ] && echo "| $seen | $((rss / 1024)) MB | $((anon / 1024)) MB |"
  fi
  sleep 0.2
done
wait "$pid"
