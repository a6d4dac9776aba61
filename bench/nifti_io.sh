#!/usr/bin/env bash
# Compares voxseg's NIfTI I/O with nibabel on the same BraTS-size int16 .nii.gz, alternating the two tools
# (this machine's speed drifts), and prints the median of each tool's per-round medians and their ratio.
# Needs the built jar (mvn -q -DskipTests package) and Debian's python3-nibabel (installed here if missing).
# Usage: bench/nifti_io.sh [ROUNDS]   (default 3 rounds of 7 timed runs per tool)
#        bench/nifti_io.sh --whole-process [ROUNDS]: whole processes instead, the release's `bin/voxseg info --json
#        FILE` against `bench/nifti_info_reference.py FILE` (nibabel doing the same), 7 runs each per round.
set -euo pipefail
cd "$(dirname "$0")/.."
whole=false
if [ "${1:-}" = --whole-process ]; then
  whole=true
  shift
fi
rounds=${1:-3}
jar=seg-cli/target/voxseg.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
if ! /usr/bin/python3 -c 'import nibabel' 2>/dev/null; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-nibabel
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if $whole; then
  launchers=(seg-cli/target/voxseg-*/voxseg-*/bin/voxseg)
  voxseg=${launchers[0]}
  [ -x "$voxseg" ] || { echo "nifti_io: build the release first (mvn -B -ntp -DskipTests package)" >&2; exit 1; }
  java -jar "$jar" bench nifti --repeats 1 --warmup 0 --keep "$work/bench.nii.gz" > /dev/null
  "$voxseg" info --json "$work/bench.nii.gz" > /dev/null # the first run writes the class-data archive
  seconds() { # the start and end of one run of the command, in nanoseconds
    local start
    start=$(date +%s%N)
    "$@" > /dev/null
    echo "$start $(date +%s%N)"
  }
  for round in $(seq 1 "$rounds"); do
    for tool in voxseg nibabel; do
      for run in 1 2 3 4 5 6 7; do
        if [ "$tool" = voxseg ]; then
          seconds "$voxseg" info --json "$work/bench.nii.gz"
        else
          seconds /usr/bin/python3 bench/nifti_info_reference.py "$work/bench.nii.gz"
        fi
      done > "$work/${tool}_$round.txt"
    done
  done
  /usr/bin/python3 - "$work" "$rounds" <<'PY'
import statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
def seconds(line):
    start, end = line.split()
    return (int(end) - int(start)) / 1e9
medians = {tool: [statistics.median(seconds(line) for line in open(f"{work}/{tool}_{r}.txt"))
                  for r in range(1, rounds + 1)] for tool in ("voxseg", "nibabel")}
v, n = statistics.median(medians["voxseg"]), statistics.median(medians["nibabel"])
rounds_text = ", ".join(f"{a / b:.2f}" for a, b in zip(medians["voxseg"], medians["nibabel"]))
print(f"whole process, info of a BraTS-size int16 .nii.gz: voxseg {v:.3f} s, nibabel {n:.3f} s, "
      f"ratio voxseg/nibabel {v / n:.2f} (per round {rounds_text})")
PY
  exit 0
fi
for round in $(seq 1 "$rounds"); do
  java -jar "$jar" bench nifti --repeats 7 --warmup 2 --keep "$work/bench.nii.gz" --json "$work/voxseg_$round.json"
  /usr/bin/python3 bench/nifti_reference.py "$work/bench.nii.gz" --repeats 7 --warmup 2 --json "$work/nibabel_$round.json"
done
/usr/bin/python3 - "$work" "$rounds" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
load = lambda tool: [json.load(open(f"{work}/{tool}_{r}.json")) for r in range(1, rounds + 1)]
voxseg, nibabel = load("voxseg"), load("nibabel")
for op in ("read", "write"):
    v = statistics.median(r[f"{op}_median_s"] for r in voxseg)
    n = statistics.median(r[f"{op}_median_s"] for r in nibabel)
    print(f"{op:5s}: voxseg {v:.3f} s, {nibabel[0]['tool']} {n:.3f} s, ratio voxseg/nibabel {v / n:.2f}")
PY
