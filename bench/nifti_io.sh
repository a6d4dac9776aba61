#!/usr/bin/env bash
# Compares voxseg's NIfTI I/O with nibabel on the same BraTS-size int16 .nii.gz, alternating the two tools
# (this machine's speed drifts), and prints the median of each tool's per-round medians and their ratio.
# Needs the built jar (mvn -q -DskipTests package) and Debian's python3-nibabel (installed here if missing).
# Usage: bench/nifti_io.sh [ROUNDS]   (default 3 rounds of 7 timed runs per tool)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
jar=seg-cli/target/voxseg.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
if ! /usr/bin/python3 -c 'import nibabel' 2>/dev/null; then
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q python3-nibabel
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
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
